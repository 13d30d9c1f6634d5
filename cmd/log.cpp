// SPDX-License-Identifier: MIT
// kith log WHO KIND [NOTE... | - | --edit] [-d DATE] [--next WHEN] [--again]:
// append one entry.
#include <fmt/format.h>

#include <ostream>

#include "args.h"
#include "commands.h"
#include "commit.h"
#include "note_input.h"
#include "render.h"
#include "rules/match.h"
#include "store/update.h"
#include "system/parallel.h"
#include "yaml/edit.h"

namespace kith {

namespace {

struct LogOptions {
  std::string who, kind, date, next, with;
  std::vector<std::string> note;
  bool edit = false, again = false;
};

void run_log(Context& ctx, const LogOptions& o) {
  // The arguments first: a usage error does not depend on what the files say.
  if (o.kind == "intro") throw UsageError("use `kith intro A B` to log an introduction in both files");
  NewEntry entry{o.date.empty() ? ctx.today : parse_entry_date(o.date, ctx.today), o.kind, "", ""};
  std::optional<Date> next;
  if (!o.next.empty()) next = parse_when_arg(o.next, ctx.today, entry.date);
  if (next && *next < ctx.today)  // as `snooze`: a follow-up is planned, not back-dated
    throw Error(fmt::format("--next {} is in the past; plan it for today or later", format_date(*next)));

  Store store = ctx.store();
  store.require_exists();
  if (o.edit) {  // the editor runs before the lock is taken: others may write meanwhile
    Loaded all = store.load(Detail::digest);
    const Person& p = find_person_in(all, o.who);
    entry.note = read_note(ctx, o.note, o.date, true,
                           fmt::format("Note for the `{}` with {} ({}) on {}.", o.kind, p.name, p.slug,
                                       format_date(entry.date)));
  } else {
    entry.note = read_note(ctx, o.note, o.date, false, "");
  }
  auto lock = store.lock();
  Loaded all = load_for_write(store, Detail::digest);  // everyone's digest to find WHO, then WHO whole
  const Settings& s = all.settings;
  const Person p = store.load_whole(find_person_in(all, o.who), s);
  // The others are freed on another core while the file is written (4 ms
  // at 30,000 people; below a few thousand, a thread costs more).
  std::jthread freeing;
  if (all.people.size() >= 4096) freeing = destroy_aside(std::move(all.people));
  require_kind(s, o.kind);
  if (!o.again && already_logged(p.log, entry.date, entry.kind, entry.note, entry.with))
    throw Error(fmt::format("already logged on {}; use --again to log it twice", format_date(entry.date)), p.path);

  const TextEdit edit = [&](const std::string& text) {
    std::string out = append_log_entry(text, entry);
    if (next) out = set_scalar(out, "next", format_date(*next));
    return out;
  };
  update_person_file(p.path, s, edit);
  ctx.out << fmt::format("{}: {} on {}{}\n", visible(p.slug), visible(entry.kind), format_date(entry.date),
                         next ? fmt::format(", next {}", format_date(*next)) : "");
  commit_edits(ctx, s, {{p.path, edit}}, fmt::format("kith: log {} {}", p.slug, entry.kind));
}

}  // namespace

void setup_log(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<LogOptions>();
  CLI::App* sub = app.add_subcommand("log", "Log an interaction: met, talk, give, ask, got, note, or a kind of kith.yaml");
  sub->add_option("WHO", o->who, "Slug, or a unique prefix of a slug, name or aka")->required();
  sub->add_option("KIND", o->kind, "met, talk, give, ask, got, note, or a kind of kith.yaml")->required();
  add_note_option(sub, o->note, "What happened (the rest of the line; `-` reads it from stdin)");
  sub->add_flag("-e,--edit", o->edit, "Write the note in $VISUAL/$EDITOR");
  sub->add_flag("--again", o->again, "Log it even if the same entry is already there");
  sub->add_option("-d,--date", o->date, "When it happened (default today): YYYY-MM-DD, yesterday, 3d ago, monday")
      ->type_name("DATE");
  sub->add_option("--next", o->next, "Also set the next follow-up: a date, or +2w from the entry's date")
      ->type_name("WHEN");
  sub->callback([&ctx, o] { run_log(ctx, *o); });
}

}  // namespace kith
