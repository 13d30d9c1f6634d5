// SPDX-License-Identifier: MIT
// kith rm WHO [--force]: remove a person's file, in one commit.
#include <fmt/format.h>
#include <unistd.h>

#include <iostream>
#include <ostream>

#include "args.h"
#include "commands.h"
#include "commit.h"
#include "store/transaction.h"

namespace kith {

namespace {

struct RmOptions {
  std::string who;
  bool force = false;
};

// On a terminal, the user says yes; elsewhere only --force removes.
bool confirmed(Context& ctx, const Person& p) {
  if (!::isatty(STDIN_FILENO))
    throw UsageError(fmt::format("not removing {} without --force: there is no terminal to ask on", p.slug));
  ctx.err << fmt::format("Remove {} ({}, {})? [y/N] ", p.name, p.slug, p.path) << std::flush;
  std::string answer;
  std::getline(std::cin, answer);
  return answer == "y" || answer == "Y" || answer == "yes";
}

void run_rm(Context& ctx, const RmOptions& o) {
  Store store = ctx.store();
  store.require_exists();
  auto lock = store.lock();
  Loaded all = load_for_write(store);
  const Person& p = find_person_in(all, o.who);
  if (!o.force && !confirmed(ctx, p)) {
    ctx.out << "nothing removed\n";
    return;
  }
  apply_changes(store.dir(), {{p.path, read_file(p.path), std::nullopt}});
  ctx.out << fmt::format("removed {} ({})\n", p.slug, p.path);
  int named = 0;
  for (const Person& other : all.people)
    for (const Entry& e : other.log)
      if (other.slug != p.slug && e.with == p.slug) ++named;
  if (named > 0)
    ctx.err << fmt::format("kith: note: {} in other files still name {} (history stays; `kith check` lists them)\n",
                           named == 1 ? std::string("1 entry") : fmt::format("{} entries", named), p.slug);
  commit_change(ctx, all.settings, {p.path}, fmt::format("kith: rm {}", p.slug));
}

}  // namespace

void setup_rm(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<RmOptions>();
  CLI::App* sub = app.add_subcommand("rm", "Remove a person's file (asks first on a terminal)");
  sub->add_option("WHO", o->who, "Slug, or a unique part of a slug, name or aka")->required();
  sub->add_flag("-f,--force", o->force, "Do not ask (required when not on a terminal)");
  sub->callback([&ctx, o] { run_rm(ctx, *o); });
}

}  // namespace kith
