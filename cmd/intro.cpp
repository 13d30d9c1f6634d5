// SPDX-License-Identifier: MIT
// kith intro A B [NOTE...] [-d DATE]: log one introduction in both files.
// kith intro --suggest [WHO] [--limit N] [--json]: pairs worth introducing.
#include <fmt/format.h>

#include <ostream>

#include "args.h"
#include "commands.h"
#include "commit.h"
#include "json.h"
#include "note_input.h"
#include "render.h"
#include "rules/suggest.h"
#include "store/transaction.h"
#include "store/update.h"
#include "yaml/edit.h"

namespace kith {

namespace {

struct IntroOptions {
  std::string a, b, date;
  std::vector<std::string> note;
  bool suggest = false;
  int limit = 0;
  bool limit_given = false;
  bool json = false;
  bool edit = false, again = false;
};

// One side of an introduction: the file as it is, and as it will be.
struct IntroSide {
  const Person* person;
  std::string before;
  std::string after;
};

// Computes the new text of `p`'s file and checks that it reads back with
// exactly the new entry added, before anything is written.
IntroSide prepare_side(const Person& p, const Settings& s, const NewEntry& entry) {
  IntroSide side{&p, read_file(p.path), {}};
  side.after = append_log_entry(side.before, entry);
  Person back = verify_person_text(side.after, p.path, s);
  const bool as_intended = back.log.size() == p.log.size() + 1 && back.log.back().kind == entry.kind &&
                           back.log.back().date == entry.date && back.log.back().with == entry.with &&
                           back.log.back().note == entry.note;
  if (!as_intended)
    throw Error("the intro entry would not read back as written, nothing was written", p.path);
  return side;
}

void run_intro(Context& ctx, const IntroOptions& o) {
  if (o.a.empty() || o.b.empty())
    throw UsageError("intro needs two people: `kith intro A B [NOTE...]`, or `kith intro --suggest [WHO]`");
  Store store = ctx.store();
  store.require_exists();
  const Date date = o.date.empty() ? ctx.today : parse_entry_date(o.date, ctx.today);
  std::string note;
  if (o.edit) {  // the editor runs before the lock is taken
    Loaded all = store.load();
    const Person& a = find_person_in(all, o.a);
    const Person& b = find_person_in(all, o.b);
    note = read_note(ctx, o.note, o.date, true,
                     fmt::format("Note for the intro of {} ({}) and {} ({}) on {}.", a.name, a.slug, b.name, b.slug,
                                 format_date(date)));
  } else {
    note = read_note(ctx, o.note, o.date, false, "");
  }
  auto lock = store.lock();
  Loaded all = load_for_write(store);
  const Settings& s = all.settings;
  const Person& a = find_person_in(all, o.a);
  const Person& b = find_person_in(all, o.b);
  if (a.slug == b.slug)
    throw UsageError(fmt::format("'{}' and '{}' are both {}: introduce two different people", o.a, o.b, a.slug));
  // Two names of one file (a symlink): writing it twice would keep one entry.
  std::error_code same_error;
  if (fs::equivalent(a.path, b.path, same_error))
    throw UsageError(fmt::format("'{}' and '{}' are one person: {} and {} are the same file", o.a, o.b, a.path,
                                 b.path));
  if (!o.again && (already_logged(a.log, date, "intro", note, b.slug) || already_logged(b.log, date, "intro", note, a.slug)))
    throw Error(fmt::format("already logged on {}; use --again to log it twice", format_date(date)),
                already_logged(a.log, date, "intro", note, b.slug) ? a.path : b.path);

  IntroSide first = prepare_side(a, s, NewEntry{date, "intro", note, b.slug});
  IntroSide second = prepare_side(b, s, NewEntry{date, "intro", note, a.slug});
  apply_changes(store.dir(), {{first.person->path, first.before, first.after}, {second.person->path, second.before, second.after}});
  ctx.out << fmt::format("{} <-> {}: intro on {}\n", visible(a.slug), visible(b.slug), format_date(date));
  auto entry_for = [&](const Person& other) {
    return [entry = NewEntry{date, "intro", note, other.slug}](const std::string& text) {
      return append_log_entry(text, entry);
    };
  };
  commit_edits(ctx, s, {{a.path, entry_for(b)}, {b.path, entry_for(a)}},
               fmt::format("kith: intro {} {}", a.slug, b.slug));
}

// Without --limit: a page a person reads, not the millions of pairs a
// LinkedIn-sized network has.
constexpr int default_suggestion_limit = 20;

Json suggestions_json(const std::vector<Suggestion>& list) {
  Json out = Json::array();
  for (const Suggestion& s : list)
    out.push(Json::object()
                 .set("a", s.a->slug)
                 .set("b", s.b->slug)
                 .set("a_name", s.a->name)
                 .set("b_name", s.b->name)
                 .set("score", s.score)
                 .set("reasons", Json::strings(s.reasons)));
  return out;
}

// Each pair: who, then why in words, then the command that logs it.
std::string suggestions_text(const std::vector<Suggestion>& list, bool color) {
  std::string out;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Suggestion& s = list[i];
    if (i > 0) out += '\n';
    out += fmt::format("{} and {}\n", paint(visible(s.a->name), Style::bold, color),
                       paint(visible(s.b->name), Style::bold, color));
    for (const std::string& reason : s.reasons) out += fmt::format("  - {}\n", visible(reason));
    out += paint(fmt::format("  kith intro {} {}", visible(s.a->slug), visible(s.b->slug)), Style::dim, color) + '\n';
  }
  return out;
}

void run_suggest(Context& ctx, const IntroOptions& o) {
  if (!o.b.empty() || !o.note.empty())
    throw UsageError("intro --suggest takes at most one person (WHO); to log an intro, drop --suggest");
  if (o.limit_given && o.limit < 1) throw UsageError(fmt::format("--limit {} must be at least 1", o.limit));
  Loaded all = load_and_warn(ctx, Detail::digest);  // needs, offers, tags and who was introduced
  std::string who;
  if (!o.a.empty()) who = find_person_in(all, o.a).slug;
  std::size_t total = 0;
  std::vector<Suggestion> list =
      suggest_intros(all.people, who, o.limit_given ? o.limit : default_suggestion_limit, &total);
  if (o.json) {
    ctx.out << suggestions_json(list).dump();
  } else if (list.empty()) {
    ctx.out << (who.empty() ? "No introductions to suggest: nobody's `needs` meets another's `offers`, "
                              "and no two people share a tag (already introduced pairs are left out).\n"
                            : fmt::format("No introductions to suggest for {}: nobody offers what they need, "
                                          "needs what they offer, or shares a tag with them.\n",
                                          who));
  } else {
    ctx.out << suggestions_text(list, ctx.color());
    if (total > list.size())
      ctx.out << fmt::format("\n{} more pairs ({} in all); `--limit N` shows the N best.\n",
                             total - list.size(), total);
  }
}

}  // namespace

void setup_intro(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<IntroOptions>();
  CLI::App* sub = app.add_subcommand("intro", "Log an introduction in both files, or suggest who to introduce");
  sub->add_option("A", o->a, "A person (with --suggest: only pairs including them)");
  sub->add_option("B", o->b, "The person A is introduced to");
  add_note_option(sub, o->note, "Why they should meet (the rest of the line; `-` reads it from stdin)");
  sub->add_flag("-e,--edit", o->edit, "Write the note in $VISUAL/$EDITOR");
  sub->add_flag("--again", o->again, "Log it even if the same intro is already there");
  CLI::Option* suggest =
      sub->add_flag("--suggest", o->suggest, "Suggest pairs: one's needs meet the other's offers, or shared tags");
  sub->add_option("-d,--date", o->date, "When it happened (default today): YYYY-MM-DD, yesterday, 3d ago, monday")
      ->type_name("DATE")
      ->excludes(suggest);
  CLI::Option* limit = sub->add_option("--limit", o->limit, "With --suggest: at most the N best pairs (default 20)")
                           ->type_name("N")
                           ->default_str("")
                           ->needs(suggest);
  sub->add_flag("--json", o->json, "With --suggest: print a JSON array, best first")->needs(suggest);
  sub->callback([&ctx, o, limit] {
    o->limit_given = limit->count() > 0;
    if (o->suggest) run_suggest(ctx, *o);
    else run_intro(ctx, *o);
  });
}

}  // namespace kith
