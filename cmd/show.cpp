// SPDX-License-Identifier: MIT
// kith show WHO [--json]: the person, their log newest first, next due date
// and balance.
#include <fmt/format.h>

#include <algorithm>
#include <ostream>
#include <sstream>

#include "args.h"
#include "commands.h"
#include "json.h"
#include "pager.h"
#include "render.h"
#include "rules/balance.h"
#include "rules/match.h"
#include "summary.h"

namespace kith {

namespace {

struct ShowOptions {
  std::string who;
  bool json = false;
  bool no_pager = false;
};

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

// The log, newest first; equal dates keep the later file entry first (by
// position in the log, not line: flow entries may share a line).
std::vector<const Entry*> newest_first(const Person& p) {
  std::vector<const Entry*> log;
  for (auto e = p.log.rbegin(); e != p.log.rend(); ++e) log.push_back(&*e);
  std::stable_sort(log.begin(), log.end(), [](const Entry* a, const Entry* b) { return b->date < a->date; });
  return log;
}

Json to_json(const Person& p, const Settings& settings, const PersonSummary& s) {
  Json links = Json::object();
  for (const auto& [k, v] : p.links) links.set(k, v);
  Json log = Json::array();
  for (const Entry* e : newest_first(p)) {
    Json entry = Json::object().set("date", e->date).set("kind", e->kind);
    entry.set("note", e->note.empty() ? Json() : Json(e->note));
    entry.set("with", e->with.empty() ? Json() : Json(e->with));
    log.push(std::move(entry));
  }
  Json due = Json();
  if (s.next_due)
    due = Json::object()
              .set("date", s.next_due->due)
              .set("reason", std::string(reason_name(s.next_due->reason)))
              .set("overdue_days", s.next_due->overdue_days);
  auto text = [](const std::string& v) { return v.empty() ? Json() : Json(v); };
  return Json::object()
      .set("slug", p.slug)
      .set("name", p.name)
      .set("path", p.path)
      .set("aka", Json::strings(p.aka))
      .set("circle", p.circle)
      .set("every", p.every ? Json(format_duration(*p.every)) : Json())
      .set("cadence", format_duration(cadence_of(p, settings)))
      .set("next", p.next)
      .set("tags", Json::strings(p.tags))
      .set("offers", Json::strings(p.offers))
      .set("needs", Json::strings(p.needs))
      .set("email", text(p.email))
      .set("phone", text(p.phone))
      .set("company", text(p.company))
      .set("role", text(p.role))
      .set("location", text(p.location))
      .set("birthday", p.birthday ? Json(format_birthday(*p.birthday)) : Json())
      .set("links", std::move(links))
      .set("notes", text(p.notes))
      .set("last_contact", s.last ? Json(s.last->date) : Json())
      .set("due", std::move(due))
      .set("balance", s.balance)
      .set("asked_before_giving", asked_before_giving(p, settings))
      .set("log", std::move(log));
}

// One labelled line; `value` is the file's text, shown visibly.
void line(std::ostream& out, std::string_view label, const std::string& value, bool color,
          Style style = Style::plain) {
  if (!value.empty())
    out << "  " << paint(fmt::format("{:<9}", visible(label)), Style::dim, color)
        << paint(visible(value), style, color) << '\n';
}

void run_show(Context& ctx, const ShowOptions& o) {
  // Like list: the person shows, and files that could not be read are
  // warned about on stderr with exit 1, so none goes unnoticed.
  // Everyone's digest to find WHO, then that one person whole.
  Loaded all = load_and_warn(ctx, Detail::digest);
  const Person p = ctx.store().load_whole(find_person_in(all, o.who), all.settings);
  PersonSummary s = summarize(p, all.settings, ctx.today);
  if (o.json) {
    ctx.out << to_json(p, all.settings, s).dump();
    return;
  }
  bool color = ctx.color();
  std::ostringstream out;  // a long log goes through the pager
  out << paint(visible(p.name), Style::bold, color) << "  " << paint(visible(p.slug), Style::dim, color) << '\n';
  line(out, "aka", joined(p.aka), color);
  line(out, "circle",
       fmt::format("{}, every {}{}", p.circle, format_duration(cadence_of(p, all.settings)),
                   p.every ? "" : " (the circle's)"),
       color);
  std::string work = p.role;
  if (!p.company.empty()) work += (work.empty() ? "" : " at ") + p.company.str();
  line(out, "work", work, color);
  line(out, "location", p.location, color);
  line(out, "email", p.email, color);
  line(out, "phone", p.phone, color);
  line(out, "birthday", p.birthday ? format_birthday(*p.birthday) : "", color);
  line(out, "tags", joined(p.tags), color);
  line(out, "offers", joined(p.offers), color);
  line(out, "needs", joined(p.needs), color);
  for (const auto& [k, v] : p.links) line(out, k, v, color);
  line(out, "last", s.last ? fmt::format("{} {}", format_date(s.last->date), s.last->kind) : "never", color);
  if (s.next_due) {
    int d = s.next_due->overdue_days;
    std::string when = d > 0 ? fmt::format("{} overdue", count_of(d, "day", "days"))
                       : d == 0 ? "today"
                                : fmt::format("in {}", count_of(-d, "day", "days"));
    line(out, "due", fmt::format("{} ({}, {})", format_date(s.next_due->due), reason_name(s.next_due->reason), when),
         color, d >= 0 ? Style::red : Style::plain);
  } else {
    line(out, "due", "not scheduled (no contact yet, or every: never)", color);
  }
  std::string balance = signed_number(s.balance);
  if (s.balance < 0) balance += " (you have taken more than you gave: give before you ask again)";
  line(out, "balance", balance, color);
  line(out, "file", p.path, color);
  if (!p.notes.empty()) {
    out << '\n';
    std::string notes = p.notes;
    while (!notes.empty() && notes.back() == '\n') notes.pop_back();
    std::size_t start = 0;
    while (start <= notes.size()) {
      std::size_t end = notes.find('\n', start);
      if (end == std::string::npos) end = notes.size();
      out << "  " << visible(notes.substr(start, end - start)) << '\n';
      start = end + 1;
    }
  }
  out << '\n';
  if (p.log.empty()) {
    out << "  No interactions logged yet.\n";
  } else {
    Table table;
    for (const Entry* e : newest_first(p)) {
      std::string what = e->note;
      if (!e->with.empty()) what = fmt::format("with {}{}{}", e->with, what.empty() ? "" : ": ", what);
      table.add({format_date(e->date), paint(visible(e->kind), Style::cyan, color), visible(what)});
    }
    out << table.render("  ");
  }
  print_paged(ctx, out.str(), o.no_pager);
}

}  // namespace

void setup_show(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<ShowOptions>();
  CLI::App* sub = app.add_subcommand("show", "Show a person, their log newest first, next due date and balance");
  sub->add_option("WHO", o->who, "Slug, or a unique prefix of a slug, name or aka")->required();
  sub->add_flag("--json", o->json, "Print a JSON object");
  add_no_pager_flag(*sub, o->no_pager);
  sub->callback([&ctx, o] { run_show(ctx, *o); });
}

}  // namespace kith
