// SPDX-License-Identifier: MIT
// kith snooze WHO WHEN: set `next`, editing that one line of the file (or
// adding it) and nothing else. `kith snooze WHO never` (or --clear) removes it.
#include <fmt/format.h>

#include <ostream>

#include "args.h"
#include "commands.h"
#include "commit.h"
#include "render.h"
#include "rules/balance.h"
#include "rules/match.h"
#include "store/update.h"
#include "yaml/edit.h"

namespace kith {

namespace {

struct SnoozeOptions {
  std::string who, when;
  std::vector<std::string> when_words;
  bool clear = false;
};

void run_clear(Context& ctx, const SnoozeOptions& o) {
  Store store = ctx.store();
  store.require_exists();
  auto lock = store.lock();
  Loaded all = store.load();
  const Person& p = find_person_in(all, o.who);
  if (!p.next) {
    ctx.out << fmt::format("{}: no next date to clear\n", p.slug);
    return;
  }
  update_person_file(p.path, all.settings, [&](const std::string& text) { return remove_key(text, "next"); });
  ctx.out << fmt::format("{}: next cleared (was {})\n", p.slug, format_date(*p.next));
  commit_change(ctx, all.settings, {p.path}, fmt::format("kith: snooze {} never", p.slug));
}

void run_snooze(Context& ctx, const SnoozeOptions& o) {
  if (o.clear && !o.when.empty() && o.when != "never")
    throw UsageError(fmt::format("--clear removes `next:`; drop '{}' or --clear", o.when));
  if (o.clear || o.when == "never") return run_clear(ctx, o);
  if (o.when.empty()) throw UsageError("snooze needs WHEN (a date, +2w, never) or --clear");
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
  if (before == when) {
    ctx.out << fmt::format("{}: next is already {}\n", visible(p.slug), format_date(when));
    return;
  }

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
  // WHEN may be several words typed without quotes (`next friday`, `Dec 7`).
  sub->add_option("WHEN", o->when_words, "YYYY-MM-DD, tomorrow, friday, next friday, +2w, +1m (from today), or never");
  sub->add_flag("--clear", o->clear, "Remove `next:` (the same as WHEN `never`)");
  sub->callback([&ctx, o] {
    for (const std::string& word : o->when_words) o->when += (o->when.empty() ? "" : " ") + word;
    run_snooze(ctx, *o);
  });
}

}  // namespace kith
