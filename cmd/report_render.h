// SPDX-License-Identifier: MIT
#pragma once
// The three renderings of `kith report`: text for the terminal, JSON, and a
// standalone HTML page. The figures come from lib/rules/report.h; what they mean
// for the user (the advice) is written once, here, and shared by the text
// and HTML renderings.
#include <string>
#include <vector>

#include "json.h"
#include "model/person.h"
#include "model/settings.h"
#include "rules/report.h"

namespace kith {

// What the renderers read besides the figures: names for slugs, settings
// for windows and goals. Everything outlives the rendering call.
struct ReportInput {
  const Report& report;
  const std::vector<Person>& people;
  const Settings& settings;
  Date today;
};

// One sentence of advice, plain text (no markup, no colour).
struct Advice {
  enum class Tone { info, good, warn };
  Tone tone = Tone::info;
  std::string text;
  // Points to a command (`kith due lists them all`): the terminal's advice;
  // the HTML page, read where no command runs, lists the people instead.
  bool points_to_command = false;
};

// The report's sections, in DESIGN.md's order; renderers add their charts
// to the section they belong to.
enum class SectionId { people, interactions, balance, new_contacts, intros, overdue };

struct ReportSection {
  SectionId id;
  std::string title;
  std::vector<Advice> advice;
};

// The period in words: "in the last 12 months", "in 2026", "since your
// first entry" or "from 2026-01-01 to 2026-03-31", for "You met 3 new
// people <this>".
std::string period_phrase(const Report& r, Date today);

// Every section with its sentences, e.g. "You owe Mehdi Benali (-2): give
// before you ask again."
std::vector<ReportSection> report_advice(const ReportInput& in);

// The terminal report: no line wider than 80 columns, bar charts in block
// characters, ANSI colour when `color`.
std::string report_text(const ReportInput& in, bool color);

// DESIGN.md section 6's document, keys in that order, extras after them.
Json report_json(const Report& r);

// One standalone page: inline CSS and SVG, no script, no external resource;
// every user string escaped.
std::string report_html(const ReportInput& in);

// `text` with & < > " ' escaped for HTML text and attribute values.
std::string html_escape(std::string_view text);

}  // namespace kith
