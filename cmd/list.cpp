// SPDX-License-Identifier: MIT
// kith list [--circle C] [--tag T] [--quiet-since DATE] [--sort KEY] [--limit N]
// [--json] [--no-pager]: one line per person.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <exception>
#include <ostream>
#include <sstream>
#include <string_view>

#include "args.h"
#include "commands.h"
#include "json.h"
#include "pager.h"
#include "render.h"
#include "summary.h"
#include "system/parallel.h"

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
  const Person* person = nullptr;  // none: a row the filter left out (rows_of)
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

// Each row's SortItem, not yet sorted: allocated on this thread, so that
// the sort may run on another (side_by_side).
std::vector<SortItem> sort_items(const std::vector<Row>& rows, std::string_view folded_names, SortKey key) {
  std::vector<SortItem> items;
  items.reserve(rows.size());
  for (const Row& r : rows) {
    std::string_view folded = folded_names.substr(r.folded_at, r.folded_size);
    items.push_back({first_of(r.summary, key), head_of(folded, 0), head_of(folded, 8), &r});
  }
  return items;
}

// `--sort`: name A-Z; last, the longest silence first (never contacted
// first of all); due, the earliest due date first (nothing due last);
// balance, the most owed first. Ties by name, then slug: `rows` are in slug
// order, as Loaded::people is, so the slug's order is the rows' own.
void put_in_order(std::vector<SortItem>& items, std::string_view folded_names) {
  auto folded = [folded_names](const Row& r) { return folded_names.substr(r.folded_at, r.folded_size); };
  std::sort(items.begin(), items.end(), [&folded](const SortItem& a, const SortItem& b) {
    if (a.first != b.first) return a.first < b.first;
    if (a.name_head != b.name_head) return a.name_head < b.name_head;
    if (a.name_next != b.name_next) return a.name_next < b.name_next;
    // Names of at most 16 bytes are whole in the heads (many people share one).
    if ((a.row->folded_size > 16 || b.row->folded_size > 16) && folded(*a.row) != folded(*b.row))
      return folded(*a.row) < folded(*b.row);
    return a.row < b.row;  // slugs are unique: a total order
  });
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

// `scratch`: the last contact's text, made in a string kept from row to row.
void add_row(Table& table, const Row& r, bool color, std::string& scratch) {
  const PersonSummary& s = r.summary;
  table.begin_row();
  table.visible_cell(r.person->name);
  table.visible_cell(r.person->circle);
  if (s.last) {
    scratch = format_date(s.last->date);
    scratch += ' ';
    scratch += s.last->kind;
    table.visible_cell(scratch);
  } else {
    table.cell("never");
  }
  if (!s.next_due) table.cell("-");
  else if (s.next_due->overdue_days >= 0 && color) table.cell(paint(format_date(s.next_due->due), Style::red, color));
  else table.cell(format_date(s.next_due->due));
  char balance[16];
  char* end = balance;
  if (s.balance > 0) *end++ = '+';
  end = std::to_chars(end, balance + sizeof balance, s.balance).ptr;
  const std::string_view text(balance, static_cast<std::size_t>(end - balance));
  if (s.balance < 0 && color) table.cell(paint(text, Style::yellow, color));
  else table.cell(text);
}

// The filters of `list`, checked on each person with their summary.
struct Filter {
  std::string_view circle, tag;
  std::optional<Date> quiet_since;

  bool keeps(const Person& p) const {
    return (circle.empty() || p.circle == circle) && (tag.empty() || has_tag(p, tag));
  }
  // Quiet since D: no contact on or after D (never contacted counts).
  bool keeps(const PersonSummary& s) const { return !(quiet_since && s.last && !(s.last->date < *quiet_since)); }
};

// A row for each person the filter keeps, in the people's order. The
// summaries and folded names are made over the cores (two thirds of the
// rows' cost at 30,000 people), each thread folding into a string of its
// own, joined after.
std::vector<Row> rows_of(const Loaded& all, const Filter& filter, Date today, std::string& folded_names) {
  std::vector<Row> rows(all.people.size());
  std::vector<std::string> folded(parallel_threads());
  for (std::string& names : folded) names.reserve(rows.size() * 16 / folded.size());  // here: see side_by_side
  std::vector<std::uint32_t> folded_by(rows.size());  // the thread whose string holds the row's name
  std::vector<std::exception_ptr> failed(folded.size());  // out of memory, say: thrown here, not in a thread
  in_parallel_threads(rows.size(), 4096, 256, [&](std::size_t i, std::size_t t) {
    if (failed[t]) return;
    try {
      const Person& p = all.people[i];
      if (!filter.keeps(p)) return;
      PersonSummary summary = summarize(p, all.settings, today);
      if (!filter.keeps(summary)) return;
      const std::size_t at = folded[t].size();
      folded[t] += fold(p.name);
      rows[i] = Row{&p, summary, static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(folded[t].size() - at)};
      folded_by[i] = static_cast<std::uint32_t>(t);
    } catch (...) {
      failed[t] = std::current_exception();
    }
  });
  for (const std::exception_ptr& e : failed)
    if (e) std::rethrow_exception(e);
  std::vector<std::size_t> base(folded.size());
  for (std::size_t t = 0; t < folded.size(); ++t) {
    if (folded_names.size() + folded[t].size() > UINT32_MAX) throw Error("names of more than 4 GB");
    base[t] = folded_names.size();
    folded_names += folded[t];
    folded[t] = {};
  }
  std::size_t kept = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].person == nullptr) continue;
    rows[i].folded_at += static_cast<std::uint32_t>(base[folded_by[i]]);
    rows[kept++] = rows[i];
  }
  rows.resize(kept);
  return rows;
}

void run_list(Context& ctx, const ListOptions& o) {
  if (o.limit_given && o.limit < 1) throw UsageError(fmt::format("--limit {} must be at least 1", o.limit));
  Filter filter{o.circle, o.tag, std::nullopt};
  if (!o.quiet_since.empty()) filter.quiet_since = parse_entry_date(o.quiet_since, ctx.today);
  Loaded all = load_and_warn(ctx, Detail::digest);  // a line per person needs no log
  if (!o.circle.empty()) require_circle(all.settings, o.circle);
  std::string folded_names;
  const std::vector<Row> rows = rows_of(all, filter, ctx.today, folded_names);
  std::vector<SortItem> order = sort_items(rows, folded_names, sort_key(o.sort));
  const std::size_t shown = o.limit_given ? std::min(order.size(), static_cast<std::size_t>(o.limit)) : order.size();
  if (o.json) {
    put_in_order(order, folded_names);
    Json json = Json::array();
    for (std::size_t k = 0; k < shown; ++k) json.push(row_json(*order[k].row));
    ctx.out << json.dump();
    return;
  }
  // Each row's text is made in the people's own order (made in the sorted
  // order, it reached 30,000 people, summaries and entries at random, a
  // cache miss each), while another core sorts.
  const bool color = ctx.color();
  const bool large = rows.size() >= 4096;  // below, a thread costs more than it saves
  Table table;
  table.reserve(rows.size() + 1, 5, 64 + rows.size() * 80);
  auto make_table = [&] {
    add_head(table, color);
    std::string scratch;
    for (const Row& row : rows) add_row(table, row, color, scratch);
  };
  if (large) {
    side_by_side([&] { put_in_order(order, folded_names); }, make_table);
  } else {
    put_in_order(order, folded_names);
    make_table();
  }
  if (shown == 0) return;
  std::vector<std::size_t> lines{0};  // the table's rows in the order printed, the head line first
  lines.reserve(shown + 1);
  for (std::size_t k = 0; k < shown; ++k) lines.push_back(1 + static_cast<std::size_t>(order[k].row - rows.data()));
  // The table needs the people no more: they are freed on another core
  // while it is written.
  std::jthread freeing;
  if (large) freeing = destroy_aside(std::move(all));
  if (pages(ctx, o.no_pager)) print_paged(ctx, table.render("", lines), o.no_pager);
  else table.write(ctx.out, "", lines);
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
