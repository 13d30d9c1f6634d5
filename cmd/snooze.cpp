// SPDX-License-Identifier: MIT
// kith snooze WHO WHEN: set `next`, editing that one line of the file (or
// adding it) and nothing else.
#include <fmt/format.h>

#include <ostream>

#include "args.h"
#include "balance.h"
#include "commands.h"
#include "commit.h"
#include "edit.h"
#include "match.h"
#include "render.h"
#include "update.h"

namespace kith {

namespace {

struct SnoozeOptions {
  std::string who, when;
};

void run_snooze(Context& ctx, const SnoozeOptions& o) {
  // `+2w` counts from today: snoozing postpones from now, not from the last contact.
  Date when = parse_when_arg(o.when, ctx.today, ctx.today);
  if (when < ctx.today)
    throw Error(fmt::format("{} is in the past; snooze to today or later (use `kith log` for what happened)",
                            format_date(when)));

  Store store = ctx.store();
  store.require_exists();
  auto lock = store.lock();
  Loaded all = load_for_write(store);
  const Settings& s = all.settings;
  const Person& p = find_person_in(all, o.who);
  std::optional<Date> before = p.next;

  const TextEdit edit = [&](const std::string& text) { return set_scalar(text, "next", format_date(when)); };
  Person after = update_person_file(p.path, s, edit);
  std::string was = before ? fmt::format(" (was {})", format_date(*before)) : "";
  ctx.out << fmt::format("{}: next {}{}\n", visible(p.slug), format_date(when), was);
  commit_edits(ctx, s, {{p.path, edit}}, fmt::format("kith: snooze {} {}", p.slug, format_date(when)));

  // Rule 2 of DESIGN.md: `next` only counts when it is later than the last contact.
  if (const Entry* last = last_contact(after, s); last != nullptr && !(last->date < when))
    ctx.err << fmt::format("kith: note: the last contact ({}) is not before {}, so this `next` does not count\n",
                           format_date(last->date), format_date(when));
}

}  // namespace

void setup_snooze(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<SnoozeOptions>();
  CLI::App* sub = app.add_subcommand("snooze", "Set the next follow-up date of a person (their `next:`)");
  sub->add_option("WHO", o->who, "Slug, or a unique prefix of a slug, name or aka")->required();
  sub->add_option("WHEN", o->when, "YYYY-MM-DD, tomorrow, friday, +2w, +1m (from today)")->required();
  sub->callback([&ctx, o] { run_snooze(ctx, *o); });
}

}  // namespace kith
