// SPDX-License-Identifier: MIT
// kith history [WHO] [--since DATE] [--until DATE] [--kind K] [--limit N]
// [--json]: the log entries, newest first, one line each.
#include <fmt/format.h>

#include <ostream>

#include "args.h"
#include "commands.h"
#include "json.h"
#include "pager.h"
#include "render.h"
#include "rules/history.h"

namespace kith {

namespace {

struct HistoryOptions {
  std::string who, since, until, kind;
  int limit = 0;
  bool json = false;
  bool no_pager = false;
};

// A note on one line: a multi-line note shows its first line and `…`.
std::string one_line(const std::string& note) {
  std::size_t nl = note.find('\n');
  return nl == std::string::npos ? note : note.substr(0, nl) + " …";
}

void run_history(Context& ctx, const HistoryOptions& o) {
  HistoryQuery q;
  if (!o.since.empty()) q.since = parse_entry_date(o.since, ctx.today);
  if (!o.until.empty()) q.until = parse_entry_date(o.until, ctx.today);
  if (q.since && q.until && *q.until < *q.since)
    throw UsageError(fmt::format("--until {} is before --since {}", format_date(*q.until), format_date(*q.since)));
  if (o.limit < 0) throw UsageError(fmt::format("--limit {} must be at least 1", o.limit));
  q.limit = static_cast<std::size_t>(o.limit);
  q.kind = o.kind;
  Loaded all = load_and_warn(ctx);
  if (!q.kind.empty() && !all.settings.find_kind(q.kind))
    throw UsageError(fmt::format("unknown kind '{}' (known: {})", q.kind, all.settings.kind_names()));
  if (!o.who.empty()) q.slug = find_person_in(all, o.who).slug;
  std::vector<HistoryItem> items = history(all.people, q);

  if (o.json) {
    Json out = Json::array();
    for (const HistoryItem& i : items)
      out.push(Json::object()
                   .set("date", i.entry->date)
                   .set("slug", i.person->slug)
                   .set("name", i.person->name)
                   .set("kind", i.entry->kind)
                   .set("note", i.entry->note)
                   .set("with", i.entry->with.empty() ? Json() : Json(i.entry->with)));
    ctx.out << out.dump();
    return;
  }
  if (items.empty()) {
    ctx.out << "no entries\n";
    return;
  }
  const bool color = ctx.color();
  Table table;
  for (const HistoryItem& i : items) {
    std::string note = one_line(i.entry->note);
    note = visible(note);
    if (!i.entry->with.empty())
      note += (note.empty() ? "" : " ") + paint("(with " + visible(i.entry->with) + ")", Style::dim, color);
    table.add(
        {format_date(i.entry->date), paint(visible(i.person->slug), Style::bold, color), visible(i.entry->kind), note});
  }
  print_paged(ctx, table.render(), o.no_pager);
}

}  // namespace

void setup_history(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<HistoryOptions>();
  CLI::App* sub = app.add_subcommand("history", "The log entries of everyone (or one person), newest first");
  sub->add_option("WHO", o->who, "Only this person");
  sub->add_option("--since", o->since, "From this date on: YYYY-MM-DD, monday, 1w ago")->type_name("DATE");
  sub->add_option("--until", o->until, "Up to this date (included)")->type_name("DATE");
  sub->add_option("--kind", o->kind, "Only entries of this kind")->type_name("K");
  sub->add_option("--limit", o->limit, "At most the N newest entries")->type_name("N")->default_str("");
  sub->add_flag("--json", o->json, "Print a JSON array, newest first");
  add_no_pager_flag(*sub, o->no_pager);
  sub->callback([&ctx, o] { run_history(ctx, *o); });
}

}  // namespace kith
