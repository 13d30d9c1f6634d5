// SPDX-License-Identifier: MIT
// `kith report --html FILE`: the report as one standalone page. Charts are
// inline SVG, styles inline CSS; there is no script and nothing is fetched
// (a Content-Security-Policy says so to the browser), so the file can be
// mailed, archived or opened offline. Every user string is escaped.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "render.h"
#include "report_render.h"
#include "rules/schedule.h"
#include "rules/suggest.h"

namespace kith {

namespace {

constexpr const char* style_sheet = R"(
:root { --ink: #1f2933; --muted: #616e7c; --line: #d9e2ec; --card: #f5f7fa;
        --bar: #2f80ed; --give: #27ae60; --take: #e67e22; --warn: #b35c00; --good: #1e7b45; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 980px; padding: 24px; color: var(--ink); background: #fff;
       font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
.period { color: var(--muted); margin: 0 0 20px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(130px, 1fr)); gap: 12px; }
.card { background: var(--card); border-radius: 8px; padding: 10px 14px; }
.card .n { font-size: 24px; font-weight: 600; }
.card .label { color: var(--muted); font-size: 13px; }
p.advice { margin: 4px 0; padding-left: 12px; border-left: 3px solid var(--line); }
p.warn { border-left-color: var(--take); color: var(--warn); }
p.good { border-left-color: var(--give); color: var(--good); }
figure { margin: 16px 0; }
figcaption { color: var(--muted); font-size: 13px; margin-bottom: 4px; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); gap: 16px; }
svg { width: 100%; height: auto; display: block; }
svg.rows { max-width: 460px; }
svg text { font: 12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: var(--muted); }
svg .value { fill: var(--ink); }
svg .grid { stroke: var(--line); stroke-width: 1; }
svg .bar { fill: var(--bar); }
svg .given { fill: var(--give); }
svg .received { fill: var(--take); }
table { border-collapse: collapse; margin: 8px 0; }
th, td { text-align: left; padding: 3px 14px 3px 0; border-bottom: 1px solid var(--line); }
td.n, th.n { text-align: right; }
code { font: 13px ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; background: var(--card);
       padding: 1px 4px; border-radius: 4px; color: var(--ink); }
footer { margin-top: 40px; color: var(--muted); font-size: 13px; }
td, th { overflow-wrap: break-word; }
ul.people { margin: 8px 0; padding-left: 20px; }
ul.people li { margin: 2px 0; }
.why { color: var(--muted); }
.narrow { display: none; }
@media (max-width: 600px) {
  body { padding: 12px; font-size: 14px; }
  h1 { font-size: 22px; }
  .wide { display: none; }
  .narrow { display: block; }
  .charts { grid-template-columns: 1fr; }
  table { width: 100%; }
  th, td { padding-right: 8px; }
}
@media (prefers-color-scheme: dark) {
  :root { --ink: #e4e7eb; --muted: #9aa5b1; --line: #3e4c59; --card: #1f2933;
          --bar: #5b9cf2; --give: #3ecf7f; --take: #f0a04b; --warn: #f0a04b; --good: #3ecf7f; }
  body { background: #111820; }
}
)";

std::string num(double v) { return fmt::format("{:.1f}", v); }

// `text` cut to at most `width` code points, an ellipsis marking the cut.
std::string shorten(const std::string& text, std::size_t width) {
  if (display_width(text) <= width) return text;
  std::string out;
  std::size_t points = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && ++points == width) break;
    out += c;
  }
  return out + "…";
}

// A round step for about four grid lines up to `max` (1, 2, 5, 10, 20...).
int nice_step(int max) {
  int step = 1;
  for (int scale = 1; scale <= 100000000; scale *= 10) {
    for (int m : {1, 2, 5}) {
      step = m * scale;
      if (max / step <= 4) return step;
    }
  }
  return step;
}

// Horizontal grid lines with their values, for a plot of `plot_h` pixels
// starting at y = `top`, left edge `left`, right edge `right`.
std::string grid(int max, double left, double right, double top, double plot_h) {
  std::string out;
  const int step = nice_step(std::max(max, 1));
  const int top_value = std::max(max, 1);
  for (int v = 0; v <= top_value; v += step) {
    double y = top + plot_h - plot_h * v / top_value;
    out += fmt::format(R"(<line class="grid" x1="{}" y1="{}" x2="{}" y2="{}"/>)", num(left), num(y), num(right),
                       num(y));
    out += fmt::format(R"(<text x="{}" y="{}" text-anchor="end">{}</text>)", num(left - 6), num(y + 4), v);
  }
  return out + '\n';
}

// Months between two labels on the time axis: every month when they fit
// (about 36 pixels each), else a step that lands on January (2, 3, 4, 6, 12
// months, or whole years).
int label_step(std::size_t months, double plot_w) {
  const int needed = static_cast<int>(std::ceil(static_cast<double>(months) * 36 / plot_w));
  for (int step : {1, 2, 3, 4, 6, 12})
    if (step >= needed) return step;
  return 12 * ((needed + 11) / 12);
}

// The label of month "YYYY-MM" ("Jan", "Feb"...), or nothing when the step
// skips it; the year goes under January and under the first label drawn.
std::string month_label(const std::string& key, int step, bool& year_shown, double x, double y) {
  static const char* const names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const int year = std::stoi(key.substr(0, 4));
  const int month = std::stoi(key.substr(5, 2));
  const bool shown = step <= 12 ? (month - 1) % step == 0 : month == 1 && year % (step / 12) == 0;
  if (!shown) return {};
  std::string out = fmt::format(R"(<text x="{}" y="{}" text-anchor="middle">{}</text>)", num(x), num(y),
                                names[(month + 11) % 12]);
  if (month == 1 || !year_shown)
    out += fmt::format(R"(<text x="{}" y="{}" text-anchor="middle">{}</text>)", num(x), num(y + 14), year);
  year_shown = true;
  return out;
}

struct Series {
  std::string css_class;  // "bar", "given", "received"
  std::string label;      // for the tooltips and the legend
  std::vector<int> values;
};

// Vertical bars per month; several series side by side within a month.
std::string month_bars(const std::string& title, const std::vector<std::string>& months,
                       const std::vector<Series>& series, double width) {
  const double height = width < 600 ? 220 : 280, left = 34, right = 8, top = series.size() > 1 ? 30 : 14;
  const double bottom = 40;
  const double plot_w = width - left - right, plot_h = height - top - bottom;
  int max = 0;
  for (const Series& s : series)
    for (int v : s.values) max = std::max(max, v);
  const int scale = std::max(max, 1);
  const std::size_t n = std::max<std::size_t>(months.size(), 1);
  const double slot = plot_w / static_cast<double>(n);
  const double group = slot * 0.75;
  const double bar_w = group / static_cast<double>(series.size());
  const int step = label_step(months.size(), plot_w);
  bool year_shown = false;
  std::string out = fmt::format(R"(<svg viewBox="0 0 {} {}" role="img" aria-label="{}"><title>{}</title>)",
                                num(width), num(height), html_escape(title), html_escape(title));
  out += '\n' + grid(max, left, width - right, top, plot_h);
  for (std::size_t i = 0; i < months.size(); ++i) {
    const double slot_x = left + slot * static_cast<double>(i);
    for (std::size_t k = 0; k < series.size(); ++k) {
      const int v = series[k].values[i];
      const double h = plot_h * v / scale;
      const double x = slot_x + (slot - group) / 2 + bar_w * static_cast<double>(k);
      out += fmt::format(R"(<rect class="{}" x="{}" y="{}" width="{}" height="{}"><title>{}: {} {}</title></rect>)",
                         series[k].css_class, num(x), num(top + plot_h - h), num(std::max(bar_w - 1, 1.0)), num(h),
                         html_escape(months[i]), v, html_escape(series[k].label));
      if (v > 0 && series.size() == 1 && bar_w >= 14)
        out += fmt::format(R"(<text class="value" x="{}" y="{}" text-anchor="middle">{}</text>)",
                           num(x + bar_w / 2), num(top + plot_h - h - 4), v);
    }
    out += month_label(months[i], step, year_shown, slot_x + slot / 2, top + plot_h + 16);
    out += '\n';
  }
  if (series.size() > 1) {
    double x = left;
    for (const Series& s : series) {
      out += fmt::format(R"(<rect class="{}" x="{}" y="6" width="12" height="12"/>)", s.css_class, num(x));
      out += fmt::format(R"(<text x="{}" y="16">{}</text>)", num(x + 18), html_escape(s.label));
      x += 30 + 8.0 * static_cast<double>(s.label.size());
    }
    out += '\n';
  }
  return out + "</svg>";
}

// Horizontal bars, one per row, with the label on the left.
std::string row_bars(const std::string& title, const std::vector<Count>& rows, const std::string& css_class) {
  const double width = 420, row_h = 26, left = 110, right = 40, top = 6;
  const double height = top * 2 + row_h * static_cast<double>(std::max<std::size_t>(rows.size(), 1));
  int max = 1;
  for (const Count& c : rows) max = std::max(max, c.n);
  std::string out =
      fmt::format(R"(<svg class="rows" viewBox="0 0 {} {}" role="img" aria-label="{}"><title>{}</title>)",
                  num(width), num(height), html_escape(title), html_escape(title));
  out += '\n';
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const double y = top + row_h * static_cast<double>(i);
    const double w = (width - left - right) * rows[i].n / max;
    std::string label = shorten(rows[i].key, 16);
    out += fmt::format(R"(<text x="{}" y="{}" text-anchor="end">{}</text>)", num(left - 8), num(y + 17),
                       html_escape(label));
    out += fmt::format(R"(<rect class="{}" x="{}" y="{}" width="{}" height="{}"><title>{}: {}</title></rect>)",
                       css_class, num(left), num(y + 4), num(w), num(row_h - 8), html_escape(rows[i].key),
                       rows[i].n);
    out += fmt::format(R"(<text class="value" x="{}" y="{}">{}</text>)", num(left + w + 6), num(y + 17),
                       rows[i].n);
    out += '\n';
  }
  return out + "</svg>";
}

std::string figure(const std::string& caption, const std::string& svg) {
  return fmt::format("<figure><figcaption>{}</figcaption>\n{}\n</figure>\n", html_escape(caption), svg);
}

// A month chart drawn twice: wide for a desktop, narrow for a phone, where
// the wide one's labels would shrink to nothing; CSS shows one of them.
std::string month_figure(const std::string& caption, const std::vector<std::string>& months,
                         const std::vector<Series>& series) {
  return fmt::format("<figure><figcaption>{}</figcaption>\n<div class=\"wide\">{}</div>\n"
                     "<div class=\"narrow\">{}</div>\n</figure>\n",
                     html_escape(caption), month_bars(caption, months, series, 900),
                     month_bars(caption, months, series, 380));
}

std::string card(const std::string& value, const std::string& label) {
  return fmt::format(R"(<div class="card"><div class="n">{}</div><div class="label">{}</div></div>)",
                     html_escape(value), html_escape(label)) +
         '\n';
}

std::string cards(const Report& r) {
  const auto& n = r.new_contacts;
  std::string goal = n.goal_low == n.goal_high ? std::to_string(n.goal_low)
                                               : fmt::format("{}–{}", n.goal_low, n.goal_high);
  return "<div class=\"cards\">\n" + card(std::to_string(r.people.total), "people") +
         card(std::to_string(r.people.active), "active in the period") +
         card(std::to_string(r.interactions.total), "interactions") +
         card(fmt::format("{} / {}", r.balance.given, r.balance.received), "given / received") +
         card(std::to_string(n.met), fmt::format("new contacts (goal {})", goal)) +
         card(std::to_string(r.intros), "introductions") + card(std::to_string(r.overdue.total), "overdue now") +
         "</div>\n";
}

// Escaped advice, with `commands` set as code.
std::string advice_html(const std::string& text) {
  std::string out = html_escape(text);
  bool open = false;
  for (std::size_t at = out.find('`'); at != std::string::npos; at = out.find('`', at)) {
    // An unpaired backtick stays as it is.
    if (!open && out.find('`', at + 1) == std::string::npos) break;
    out.replace(at, 1, open ? "</code>" : "<code>");
    open = !open;
  }
  return out;
}

const char* tone_class(Advice::Tone tone) {
  switch (tone) {
    case Advice::Tone::good: return "good";
    case Advice::Tone::warn: return "warn";
    case Advice::Tone::info: break;
  }
  return "info";
}

std::vector<std::string> month_keys(const Report& r) {
  std::vector<std::string> keys;
  for (const Count& c : r.interactions.by_month) keys.push_back(c.key);
  return keys;
}

std::string circle_charts(const Report& r) {
  std::vector<Count> people, interactions;
  for (const Report::Circle& c : r.circles) {
    people.push_back({c.circle, c.people});
    interactions.push_back({c.circle, c.interactions});
  }
  return "<div class=\"charts\">\n" + figure("People by circle", row_bars("People by circle", people, "bar")) +
         figure("Interactions by circle", row_bars("Interactions by circle", interactions, "bar")) + "</div>\n";
}

std::string interactions_charts(const Report& r) {
  Series per_month{"bar", "interactions", {}};
  for (const Count& c : r.interactions.by_month) per_month.values.push_back(c.n);
  std::string out = month_figure("Interactions per month", month_keys(r), {per_month});
  if (!r.interactions.by_kind.empty())
    out += "<div class=\"charts\">\n" +
           figure("Interactions by kind", row_bars("Interactions by kind", r.interactions.by_kind, "bar")) +
           "</div>\n";
  return out;
}

std::string balance_chart(const Report& r) {
  // The legend names what was counted: what you gave, and what you asked for or got.
  Series given{"given", "you gave", {}}, received{"received", "you asked or got", {}};
  for (const Report::MonthBalance& m : r.balance_by_month) {
    given.values.push_back(m.given);
    received.values.push_back(m.received);
  }
  return month_figure("Give vs ask, per month", month_keys(r), {given, received});
}

// The people the balance section talks about: everyone you owe, worst first.
std::string owing_list(const ReportInput& in) {
  const auto& owing = in.report.balance.owing;
  if (owing.empty()) return {};
  std::string out = "<table><thead><tr><th>you owe</th><th class=\"n\">balance</th></tr></thead><tbody>\n";
  for (const Report::Owing& o : owing)
    out += fmt::format("<tr><td>{}</td><td class=\"n\">{}</td></tr>\n", html_escape(o.name), o.balance);
  return out + "</tbody></table>\n";
}

// The suggested introductions, each with its reasons.
std::string intro_list(const ReportInput& in) {
  constexpr int shown = 10;
  std::vector<Suggestion> pairs = suggest_intros(in.people, "", shown);
  if (pairs.empty()) return {};
  std::string out = "<ul class=\"people\">\n";
  for (const Suggestion& s : pairs) {
    std::string reasons;
    for (const std::string& reason : s.reasons) reasons += (reasons.empty() ? "" : "; ") + reason;
    out += fmt::format("<li><strong>{}</strong> and <strong>{}</strong> <span class=\"why\">— {}</span></li>\n",
                       html_escape(s.a->name), html_escape(s.b->name), html_escape(reasons));
  }
  return out + "</ul>\n";
}

std::string reason_words(const DueItem& it) {
  switch (it.reason) {
    case DueReason::next: return "next set for " + format_date(it.due);
    case DueReason::followup: return "follow up after meeting";
    case DueReason::cadence: return fmt::format("every {}", format_duration(it.cadence));
    case DueReason::fresh: return "added, never contacted";
    case DueReason::birthday: return "birthday";
  }
  return std::string(reason_name(it.reason));
}

// Everyone due today or earlier, most urgent first, with why.
std::string overdue_list(const ReportInput& in) {
  std::vector<DueItem> due = due_list(in.people, in.settings, in.today, {});
  if (due.empty()) return {};
  std::string out = "<table><thead><tr><th>who</th><th>circle</th><th>why</th><th class=\"n\">days late</th>"
                    "</tr></thead><tbody>\n";
  for (const DueItem& it : due) {
    std::string why = reason_words(it);
    for (const DueItem& other : it.also) why += "; also " + reason_words(other);
    out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td></tr>\n",
                       html_escape(it.person->name), html_escape(it.person->circle), html_escape(why),
                       it.overdue_days);
  }
  return out + "</tbody></table>\n";
}

std::string overdue_table(const Report& r) {
  std::string out = "<table><thead><tr><th>circle</th><th class=\"n\">people</th><th class=\"n\">active</th>"
                    "<th class=\"n\">never contacted</th><th class=\"n\">overdue</th></tr></thead><tbody>\n";
  for (const Report::Circle& c : r.circles)
    out += fmt::format("<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>"
                       "<td class=\"n\">{}</td></tr>\n",
                       html_escape(c.circle), c.people, c.active, c.never_contacted, c.overdue);
  return out + "</tbody></table>\n";
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string report_html(const ReportInput& in) {
  const Report& r = in.report;
  const std::string when = period_phrase(r, in.today);
  const std::string span = fmt::format("{} to {}", format_date(r.period.since), format_date(r.period.until));
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<meta name=\"color-scheme\" content=\"light dark\">\n";
  // Nothing but the inline styles may load: no script, font, image or fetch.
  out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n";
  out += fmt::format("<title>kith report, {}</title>\n<style>{}</style>\n</head>\n<body>\n", html_escape(span),
                     style_sheet);
  const bool dated = when.rfind("from ", 0) == 0;  // the title already gives the dates
  out += fmt::format("<header>\n<h1>Your network {}</h1>\n<p class=\"period\">{}{} days, as of {}</p>\n</header>\n",
                     html_escape(when), dated ? "" : html_escape(span) + ": ", r.days, format_date(in.today));
  out += cards(r);
  for (const ReportSection& sec : report_advice(in)) {
    out += fmt::format("<section>\n<h2>{}</h2>\n", html_escape(sec.title));
    for (const Advice& a : sec.advice)
      if (!a.points_to_command)  // no command runs where this page is read: the lists below say it
        out += fmt::format("<p class=\"advice {}\">{}</p>\n", tone_class(a.tone), advice_html(a.text));
    switch (sec.id) {
      case SectionId::people: out += circle_charts(r); break;
      case SectionId::interactions: out += interactions_charts(r); break;
      case SectionId::balance: out += owing_list(in) + balance_chart(r); break;
      case SectionId::overdue: out += overdue_list(in) + overdue_table(r); break;
      case SectionId::intros: out += intro_list(in); break;
      case SectionId::new_contacts: break;
    }
    out += "</section>\n";
  }
  out += "<footer>Made by kith from your own files; nothing here was sent anywhere.</footer>\n</body>\n</html>\n";
  return out;
}

}  // namespace kith
