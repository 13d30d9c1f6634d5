// SPDX-License-Identifier: MIT
// kith report [--since DATE] [--until DATE] [--year YYYY] [--json | --html FILE]:
// the network's health over a period (default: the last 12 months).
#include <fmt/format.h>

#include <optional>
#include <ostream>

#include "args.h"
#include "commands.h"
#include "pager.h"
#include "report_render.h"

namespace kith {

namespace {

struct ReportOptions {
  std::string since, until, html;
  int year = 0;
  bool year_given = false;
  bool json = false;
  bool no_pager = false;
};

// A period bound: any DATE form; unlike an interaction's date it may lie
// ahead (a report on the calendar year before it ends).
std::optional<Date> period_bound(const std::string& text, const std::string& option, Date today) {
  if (text.empty()) return std::nullopt;
  std::optional<Date> d = parse_past_date(text, today);
  if (!d)
    throw UsageError(fmt::format("{} '{}' is not a DATE ({})", option, text, date_forms));
  return d;
}

void run_report(Context& ctx, const ReportOptions& o) {
  // `--year 26` is 2026 to the user and 0026 to a calendar: ask for all four digits.
  if (o.year_given && (o.year < 1000 || o.year > 9999))
    throw UsageError(fmt::format("--year {} is not a four-digit year like {}", o.year, int(ctx.today.year())));
  Period period =
      resolve_period(period_bound(o.since, "--since", ctx.today), period_bound(o.until, "--until", ctx.today),
                     o.year_given ? std::optional<int>(o.year) : std::nullopt, ctx.today);
  // Everyone's log is read once, a person at a time; the renderings need only the digests.
  ReportBuilder builder(ctx.today, period);
  Loaded all = load_and_warn(ctx, [&](const Person& p, const Settings& s) { builder.add(p, s); });
  // The default period of a directory in its first year starts with its first entry.
  const bool from_first_entry = o.since.empty() && o.until.empty() && !o.year_given;
  const Report report = builder.finish(all.people, all.settings, from_first_entry);
  const ReportInput in{report, all.people, all.settings, ctx.today};
  if (o.json) {
    ctx.out << report_json(report).dump();
  } else if (o.html == "-") {  // a mail or a pipe: the page itself on stdout
    ctx.out << report_html(in);
  } else if (!o.html.empty()) {
    write_atomic(o.html, report_html(in));
    ctx.out << o.html << '\n';
  } else {
    print_paged(ctx, report_text(in, ctx.color()), o.no_pager);
  }
}

}  // namespace

void setup_report(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<ReportOptions>();
  CLI::App* sub = app.add_subcommand("report", "The network's health over a period (default: the last 12 months)");
  sub->add_option("--since", o->since, "First day of the period: YYYY-MM-DD, 3m ago, ...")->type_name("DATE");
  sub->add_option("--until", o->until, "Last day of the period (default today)")->type_name("DATE");
  CLI::Option* year =
      sub->add_option("--year", o->year, "A calendar year, January 1 to December 31")->type_name("YYYY")->default_str("");
  CLI::Option* json = sub->add_flag("--json", o->json, "Print one JSON document (keys in the man page)");
  sub->add_option("--html", o->html, "Write the report as a standalone HTML page with charts (- for stdout)")
      ->type_name("FILE")
      ->excludes(json);
  add_no_pager_flag(*sub, o->no_pager);
  sub->callback([&ctx, o, year] {
    o->year_given = year->count() > 0;
    run_report(ctx, *o);
  });
}

}  // namespace kith
