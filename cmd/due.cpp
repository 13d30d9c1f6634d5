// SPDX-License-Identifier: MIT
// kith due [--within D] [--circle C] [--tag T] [--limit N] [--json]: who to
// contact now, most urgent first. Prints nothing at all when nobody is due,
// so a crontab line mails only when there is something to do.
#include <fmt/format.h>

#include <ostream>

#include "args.h"
#include "commands.h"
#include "json.h"
#include "render.h"
#include "rules/schedule.h"

namespace kith {

namespace {

struct DueOptions {
  std::string within, circle, tag;
  int limit = 0;
  bool limit_given = false;
  bool json = false;
};

constexpr std::size_t max_place_width = 40;

// The place of a `met` note: its first clause ("MiXiT Lyon, talked about k8s"
// -> "MiXiT Lyon"), cut to a width that keeps the table readable.
std::string place_of(std::string_view note) {
  std::string first(note.substr(0, note.find_first_of(",;\n")));
  first = trim_arg(first);
  std::string out;
  std::size_t points = 0;
  for (std::size_t i = 0; i < first.size(); ++i) {
    bool starts_point = (static_cast<unsigned char>(first[i]) & 0xC0) != 0x80;
    if (starts_point && ++points > max_place_width) return trim_arg(out) + "…";
    out += first[i];
  }
  return out;
}

std::string ago(int days) { return days == 0 ? "today" : fmt::format("{}d ago", days); }

// The "why" column: what makes this person due, in words.
std::string why(const DueItem& it, Date today) {
  switch (it.reason) {
    case DueReason::next: return fmt::format("next set for {}", format_date(it.due));
    case DueReason::followup: {
      if (it.last == nullptr) return "follow up after meeting";  // schedule_of always sets it
      std::string place = place_of(it.last->note);
      if (place.empty()) return fmt::format("follow up after meeting on {}", format_date(it.last->date));
      return fmt::format("follow up after meeting at {}", place);
    }
    case DueReason::cadence: {
      std::string every = fmt::format("every {}", format_duration(it.cadence));
      if (it.last == nullptr) return every;
      return fmt::format("{}, last {} {}", every, it.last->kind, ago(days_between(it.last->date, today)));
    }
    case DueReason::fresh: {
      if (!it.person->added) return "new, never contacted";  // schedule_of only says `new` with one
      return fmt::format("added {}, never contacted", ago(days_between(*it.person->added, today)));
    }
    case DueReason::birthday: {
      const auto& b = it.person->birthday;
      std::string when = it.overdue_days > 0 ? " " + ago(it.overdue_days) : "";
      if (!b || !b->year) return "birthday" + when;
      int age = static_cast<int>(it.due.year()) - *b->year;
      if (it.overdue_days > 0) return fmt::format("birthday {}, turned {}", ago(it.overdue_days), age);
      return fmt::format("birthday, turns {}", age);
    }
  }
  return std::string(reason_name(it.reason));
}

// The main reason, then the others the person is due for ("; also ...").
std::string why_all(const DueItem& it, Date today) {
  std::string out = why(it, today);
  for (const DueItem& other : it.also) out += "; also " + why(other, today);
  return out;
}

std::string when_text(int overdue_days, bool color) {
  if (overdue_days > 0) return paint(fmt::format("{}d overdue", overdue_days), Style::red, color);
  if (overdue_days == 0) return paint("due today", Style::yellow, color);
  return paint(fmt::format("in {}d", -overdue_days), Style::dim, color);
}

std::string hint(int balance, bool color) {
  if (balance >= 0) return {};
  return paint(fmt::format("give before you ask (balance {})", balance), Style::yellow, color);
}

// One aligned line per item: name, circle, why, how overdue, hint.
std::string due_table(const std::vector<DueItem>& items, Date today, bool color) {
  Table table;
  for (const DueItem& it : items) {
    std::vector<std::string> row{paint(visible(it.person->name), Style::bold, color), visible(it.person->circle),
                                 visible(why_all(it, today)),
                                 when_text(it.overdue_days, color)};
    if (std::string h = hint(it.balance, color); !h.empty()) row.push_back(h);
    table.add(row);
  }
  return table.render();
}

// The other reasons, most urgent first: what `why_all` adds in words.
Json also_json(const DueItem& it) {
  Json list = Json::array();
  for (const DueItem& other : it.also)
    list.push(Json::object()
                  .set("reason", std::string(reason_name(other.reason)))
                  .set("due", other.due)
                  .set("overdue_days", other.overdue_days));
  return list;
}

Json due_json(const std::vector<DueItem>& items) {
  Json list = Json::array();
  for (const DueItem& it : items) {
    const Person& p = *it.person;
    bool followup = it.reason == DueReason::followup && it.last != nullptr;
    list.push(Json::object()
                  .set("slug", p.slug)
                  .set("name", p.name)
                  .set("circle", p.circle)
                  .set("due", it.due)
                  .set("overdue_days", it.overdue_days)
                  .set("reason", std::string(reason_name(it.reason)))
                  .set("last_contact", it.last ? Json(it.last->date) : Json())
                  .set("balance", it.balance)
                  .set("path", p.path)
                  .set("urgency", it.urgency)
                  .set("window_days", it.window_days)
                  .set("last_kind", it.last ? Json(it.last->kind) : Json())
                  .set("cadence", format_duration(it.cadence))
                  .set("note", followup ? Json(it.last->note) : Json())
                  .set("also", also_json(it)));
  }
  return list;
}

void run_due(Context& ctx, const DueOptions& o) {
  DueQuery q;
  if (!o.within.empty()) {
    Duration d = parse_duration_arg(o.within, "--within", false);
    q.within_days = days_between(ctx.today, add(ctx.today, d));
  }
  if (o.limit_given && o.limit < 1) throw UsageError(fmt::format("--limit {} must be at least 1", o.limit));
  q.limit = o.limit;
  q.tag = trim_arg(o.tag);

  Loaded all = load_and_warn(ctx, Detail::digest);  // the rules need no more
  if (!o.circle.empty()) require_circle(all.settings, o.circle);
  q.circle = o.circle;

  std::vector<DueItem> items = due_list(all.people, all.settings, ctx.today, q);
  // An empty JSON array is still one document; plain output stays silent.
  if (o.json) ctx.out << due_json(items).dump();
  else if (!items.empty()) ctx.out << due_table(items, ctx.today, ctx.color());
}

}  // namespace

void setup_due(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<DueOptions>();
  CLI::App* sub = app.add_subcommand("due", "Who to contact now, most urgent first (silent when nobody is due)");
  sub->add_option("--within", o->within, "Also who falls due this far ahead: 7d, 2w, 1 week, 1m")->type_name("D");
  sub->add_option("--circle", o->circle, "Only this circle")->type_name("C");
  sub->add_option("--tag", o->tag, "Only people with this tag (case- and accent-insensitive)")->type_name("T");
  CLI::Option* limit =
      sub->add_option("--limit", o->limit, "At most the N most urgent people")->type_name("N")->default_str("");
  sub->add_flag("--json", o->json, "Print a JSON array, in urgency order ([] when nobody is due)");
  sub->callback([&ctx, o, limit] {
    o->limit_given = limit->count() > 0;
    run_due(ctx, *o);
  });
}

}  // namespace kith
