// SPDX-License-Identifier: MIT
// kith list [--circle C] [--tag T] [--quiet-since DATE] [--sort KEY] [--limit N]
// [--json] [--no-pager]: one line per person.
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <ostream>
#include <sstream>
#include <string_view>

#include "args.h"
#include "commands.h"
#include "json.h"
#include "pager.h"
#include "render.h"
#include "summary.h"

namespace kith {

namespace {

struct ListOptions {
  std::string circle, tag, quiet_since, sort = "name";
  int limit = 0;
  bool limit_given = false;
  bool json = false;
  bool no_pager = false;
};

// 8 bytes of `s` from `at`, big-endian, zero-padded: a smaller head is a
// smaller string (no name holds a NUL), so most comparisons stop at the
// first two (names often share their first 8 bytes: "björn h").
std::uint64_t head_of(std::string_view s, std::size_t at) {
  std::uint64_t head = 0;
  for (std::size_t i = at; i < at + 8; ++i)
    head = head << 8 | (i < s.size() ? static_cast<unsigned char>(s[i]) : 0u);
  return head;
}

struct Row {
  const Person* person;
  PersonSummary summary;
  // The name folded once (sorting compares it n log n times), in one string
  // shared by every row: at, size.
  std::uint32_t folded_at = 0, folded_size = 0;
};

enum class SortKey { name, last, due, balance };

SortKey sort_key(const std::string& key) {
  if (key == "last") return SortKey::last;
  if (key == "due") return SortKey::due;
  if (key == "balance") return SortKey::balance;
  return SortKey::name;
}

// A row's place in the order, as numbers first: comparisons mostly stop at
// them, in one array, without reaching the row.
struct SortItem {
  std::int64_t first;       // the sort key's value (0 when sorting by name)
  std::uint64_t name_head, name_next;  // head_of the folded name, at 0 and at 8
  const Row* row;
};

std::int64_t first_of(const PersonSummary& s, SortKey key) {
  switch (key) {
    case SortKey::last:  // never contacted first of all
      return s.last ? date::sys_days(s.last->date).time_since_epoch().count() : INT64_MIN;
    case SortKey::due:  // nothing due last
      return s.next_due ? date::sys_days(s.next_due->due).time_since_epoch().count() : INT64_MAX;
    case SortKey::balance:
      return s.balance;
    case SortKey::name:
      break;
  }
  return 0;
}

// `--sort`: name A-Z; last, the longest silence first (never contacted
// first of all); due, the earliest due date first (nothing due last);
// balance, the most owed first. Ties by name, then slug: `rows` are in slug
// order, as Loaded::people is, so the slug's order is the rows' own.
std::vector<const Row*> sorted_rows(const std::vector<Row>& rows, std::string_view folded_names, SortKey key) {
  auto folded = [folded_names](const Row& r) { return folded_names.substr(r.folded_at, r.folded_size); };
  std::vector<SortItem> items;
  items.reserve(rows.size());
  for (const Row& r : rows)
    items.push_back({first_of(r.summary, key), head_of(folded(r), 0), head_of(folded(r), 8), &r});
  std::sort(items.begin(), items.end(), [&folded](const SortItem& a, const SortItem& b) {
    if (a.first != b.first) return a.first < b.first;
    if (a.name_head != b.name_head) return a.name_head < b.name_head;
    if (a.name_next != b.name_next) return a.name_next < b.name_next;
    // Names of at most 16 bytes are whole in the heads (many people share one).
    if ((a.row->folded_size > 16 || b.row->folded_size > 16) && folded(*a.row) != folded(*b.row))
      return folded(*a.row) < folded(*b.row);
    return a.row < b.row;  // slugs are unique: a total order
  });
  std::vector<const Row*> out;
  out.reserve(items.size());
  for (const SortItem& item : items) out.push_back(item.row);
  return out;
}

Json row_json(const Row& r) {
  const Person& p = *r.person;
  const PersonSummary& s = r.summary;
  Json due = Json();
  if (s.next_due)
    due = Json::object()
              .set("date", s.next_due->due)
              .set("reason", std::string(reason_name(s.next_due->reason)))
              .set("overdue_days", s.next_due->overdue_days);
  return Json::object()
      .set("slug", p.slug)
      .set("name", p.name)
      .set("circle", p.circle)
      .set("tags", Json::strings(p.tags))
      .set("last_contact", s.last ? Json(s.last->date) : Json())
      .set("last_kind", s.last ? Json(s.last->kind) : Json())
      .set("due", std::move(due))
      .set("balance", s.balance)
      .set("path", p.path);
}

void add_head(Table& table, bool color) {
  table.right_aligned = {false, false, false, false, true};
  table.add({paint("NAME", Style::bold, color), paint("CIRCLE", Style::bold, color),
             paint("LAST CONTACT", Style::bold, color), paint("DUE", Style::bold, color),
             paint("BALANCE", Style::bold, color)});
}

void add_row(Table& table, const Row& r, bool color) {
  const PersonSummary& s = r.summary;
  std::string last = s.last ? format_date(s.last->date) + ' ' + s.last->kind : "never";
  std::string due = "-";
  if (s.next_due) {
    due = format_date(s.next_due->due);
    if (s.next_due->overdue_days >= 0) due = paint(due, Style::red, color);
  }
  std::string balance = signed_number(s.balance);
  if (s.balance < 0) balance = paint(balance, Style::yellow, color);
  table.add({visible(r.person->name), visible(r.person->circle), visible(last), due, balance});
}

void run_list(Context& ctx, const ListOptions& o) {
  if (o.limit_given && o.limit < 1) throw UsageError(fmt::format("--limit {} must be at least 1", o.limit));
  std::optional<Date> quiet_since;
  if (!o.quiet_since.empty()) quiet_since = parse_entry_date(o.quiet_since, ctx.today);
  // Each row's text is made in the people's own order: made in the sorted
  // order, it reached 30,000 people, summaries and entries at random, a
  // cache miss each.
  Table table;
  std::vector<std::size_t> shown;  // the table's rows in the order printed
  {
    Loaded all = load_and_warn(ctx, Detail::digest);  // a line per person needs no log
    if (!o.circle.empty()) require_circle(all.settings, o.circle);
    const bool color = ctx.color();
    if (!o.json) {
      table.reserve(all.people.size() + 1, 5, 64 + all.people.size() * 80);
      add_head(table, color);
    }
    std::vector<Row> rows;
    rows.reserve(all.people.size());
    std::string folded_names;
    for (const Person& p : all.people) {
      if (!o.circle.empty() && p.circle != o.circle) continue;
      if (!o.tag.empty() && !has_tag(p, o.tag)) continue;
      Row row{&p, summarize(p, all.settings, ctx.today)};
      // Quiet since D: no contact on or after D (never contacted counts).
      if (quiet_since && row.summary.last && !(row.summary.last->date < *quiet_since)) continue;
      const std::string folded = fold(p.name);
      if (folded_names.size() + folded.size() > UINT32_MAX) throw Error("names of more than 4 GB");
      row.folded_at = static_cast<std::uint32_t>(folded_names.size());
      row.folded_size = static_cast<std::uint32_t>(folded.size());
      folded_names += folded;
      rows.push_back(row);
      if (!o.json) add_row(table, row, color);
    }
    std::vector<const Row*> order = sorted_rows(rows, folded_names, sort_key(o.sort));
    if (o.limit_given && order.size() > static_cast<std::size_t>(o.limit)) order.resize(o.limit);
    if (o.json) {
      Json json = Json::array();
      for (const Row* r : order) json.push(row_json(*r));
      ctx.out << json.dump();
      return;
    }
    if (!order.empty()) shown.push_back(0);  // the head line
    for (const Row* r : order) shown.push_back(1 + static_cast<std::size_t>(r - rows.data()));
  }  // the people go before the text is made: its memory is theirs again (30,000 rows)
  print_paged(ctx, shown.empty() ? "" : table.render("", shown), o.no_pager);
}

}  // namespace

void setup_list(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<ListOptions>();
  CLI::App* sub = app.add_subcommand("list", "One line per person: name, circle, last contact, due date, balance");
  sub->add_option("--circle", o->circle, "Only this circle")->type_name("C");
  sub->add_option("--tag", o->tag, "Only people with this tag (case- and accent-insensitive)")->type_name("T");
  sub->add_option("--quiet-since", o->quiet_since,
                  "Only people with no contact since DATE (6m, 2026-05-01, 3 months ago; never contacted included)")
      ->type_name("DATE");
  sub->add_option("--sort", o->sort, "Order: name, last (longest silence first), due (soonest first), balance")
      ->check(CLI::IsMember({"name", "last", "due", "balance"}))
      ->type_name("KEY");
  CLI::Option* limit = sub->add_option("--limit", o->limit, "At most N people")->type_name("N")->default_str("");
  sub->add_flag("--json", o->json, "Print a JSON array");
  add_no_pager_flag(*sub, o->no_pager);
  sub->callback([&ctx, o, limit] {
    o->limit_given = limit->count() > 0;
    run_list(ctx, *o);
  });
}

}  // namespace kith
