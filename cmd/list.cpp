// SPDX-License-Identifier: MIT
// kith list [--circle C] [--tag T] [--json]: one line per person.
#include <fmt/format.h>

#include <ostream>

#include "args.h"
#include "commands.h"
#include "json.h"
#include "render.h"
#include "summary.h"

namespace kith {

namespace {

struct ListOptions {
  std::string circle, tag;
  bool json = false;
};

void run_list(Context& ctx, const ListOptions& o) {
  Loaded all = load_and_warn(ctx);
  if (!o.circle.empty() && !all.settings.has_circle(o.circle))
    throw UsageError(fmt::format("unknown circle '{}' (known: {})", o.circle, all.settings.circle_names()));
  bool color = ctx.color();
  Table table;
  table.right_aligned = {false, false, false, false, true};
  table.rows.push_back({paint("NAME", Style::bold, color), paint("CIRCLE", Style::bold, color),
                        paint("LAST CONTACT", Style::bold, color), paint("DUE", Style::bold, color),
                        paint("BALANCE", Style::bold, color)});
  Json json = Json::array();
  for (const Person& p : all.people) {
    if (!o.circle.empty() && p.circle != o.circle) continue;
    if (!o.tag.empty() && !has_tag(p, o.tag)) continue;
    PersonSummary s = summarize(p, all.settings, ctx.today);
    if (o.json) {
      Json due = Json();
      if (s.next_due)
        due = Json::object()
                  .set("date", s.next_due->due)
                  .set("reason", std::string(reason_name(s.next_due->reason)))
                  .set("overdue_days", s.next_due->overdue_days);
      json.push(Json::object()
                    .set("slug", p.slug)
                    .set("name", p.name)
                    .set("circle", p.circle)
                    .set("last_contact", s.last ? Json(s.last->date) : Json())
                    .set("due", std::move(due))
                    .set("balance", s.balance)
                    .set("path", p.path));
      continue;
    }
    std::string last = s.last ? fmt::format("{} {}", format_date(s.last->date), s.last->kind) : "never";
    std::string due = "-";
    if (s.next_due) {
      due = format_date(s.next_due->due);
      if (s.next_due->overdue_days >= 0) due = paint(due, Style::red, color);
    }
    std::string balance = signed_number(s.balance);
    if (s.balance < 0) balance = paint(balance, Style::yellow, color);
    table.rows.push_back({visible(p.name), visible(p.circle), visible(last), due, balance});
  }
  if (o.json) ctx.out << json.dump();
  else if (table.rows.size() > 1) ctx.out << table.render();
}

}  // namespace

void setup_list(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<ListOptions>();
  CLI::App* sub = app.add_subcommand("list", "One line per person: name, circle, last contact, due date, balance");
  sub->add_option("--circle", o->circle, "Only this circle");
  sub->add_option("--tag", o->tag, "Only people with this tag (case- and accent-insensitive)");
  sub->add_flag("--json", o->json, "Print a JSON array");
  sub->callback([&ctx, o] { run_list(ctx, *o); });
}

}  // namespace kith
