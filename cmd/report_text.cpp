// SPDX-License-Identifier: MIT
// `kith report` for the terminal: advice in sentences, wrapped to 80
// columns, and the interactions per month as a bar chart.
#include <fmt/format.h>

#include <algorithm>

#include "render.h"
#include "report_render.h"

namespace kith {

namespace {

constexpr std::size_t page_width = 80;
constexpr int max_bar_width = 50;

// Byte length of the first `points` code points of `text`.
std::size_t prefix_bytes(std::string_view text, std::size_t points) {
  std::size_t i = 0, seen = 0;
  while (i < text.size()) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (seen == points) break;
      ++seen;
    }
    ++i;
  }
  return i;
}

// `text` cut into lines of at most `width` columns at spaces; a word wider
// than a line (a long URL, a hostile name) is cut where it must be.
std::vector<std::string> wrap(std::string_view text, std::size_t width) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t start = 0;
  while (start < text.size()) {
    // A `command in backticks` stays on one line.
    const bool quoted = text[start] == '`' && text.find('`', start + 1) != std::string_view::npos;
    std::size_t end = text.find(' ', quoted ? text.find('`', start + 1) : start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view word = text.substr(start, end - start);
    start = end + 1;
    if (word.empty()) continue;
    if (!line.empty() && display_width(line) + 1 + display_width(word) <= width) {
      line += ' ';
      line += word;
      continue;
    }
    if (!line.empty()) lines.push_back(std::move(line));
    line.clear();
    while (display_width(word) > width) {
      std::size_t cut = prefix_bytes(word, width);
      lines.emplace_back(word.substr(0, cut));
      word.remove_prefix(cut);
    }
    line = std::string(word);
  }
  if (!line.empty()) lines.push_back(std::move(line));
  return lines;
}

// A paragraph with a hanging indent: "  first line" then "    the rest".
std::string paragraph(std::string_view text, Style style, bool color) {
  std::string out;
  bool first = true;
  for (const std::string& line : wrap(visible(text), page_width - 4)) {
    out += (first ? "  " : "    ") + paint(line, style, color) + '\n';
    first = false;
  }
  return out;
}

// `n` of `max` as a bar of `width` cells, in eighths of a block; a non-zero
// count always shows at least a sliver.
std::string bar(int n, int max, int width) {
  static const char* const partial[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
  if (n <= 0 || max <= 0) return {};
  long eighths = (static_cast<long>(n) * width * 8 + max / 2) / max;
  eighths = std::max(eighths, 1L);
  std::string out;
  for (long i = 0; i < eighths / 8; ++i) out += "█";
  return out + partial[eighths % 8];
}

std::string month_chart(const std::vector<Count>& months, bool color) {
  int max = 0;
  for (const Count& c : months) max = std::max(max, c.n);
  std::string out;
  for (const Count& c : months) {
    std::string b = bar(c.n, max, max_bar_width);
    out += fmt::format("  {}  {}{}{}\n", c.key, paint(b, Style::cyan, color), b.empty() ? "" : " ", c.n);
  }
  return out;
}

Style style_of(Advice::Tone tone) {
  switch (tone) {
    case Advice::Tone::good: return Style::green;
    case Advice::Tone::warn: return Style::yellow;
    case Advice::Tone::info: break;
  }
  return Style::plain;
}

}  // namespace

std::string report_text(const ReportInput& in, bool color) {
  const Report& r = in.report;
  const std::string when = period_phrase(r, in.today);
  std::string title = "Your network " + when;
  if (when.rfind("from ", 0) != 0)  // the phrase does not already give the dates
    title += fmt::format(" ({} to {})", format_date(r.period.since), format_date(r.period.until));
  std::string out;
  for (const std::string& line : wrap(title, page_width)) out += paint(line, Style::bold, color) + '\n';
  for (const ReportSection& sec : report_advice(in)) {
    out += '\n' + paint(sec.title, Style::bold, color) + '\n';
    for (const Advice& a : sec.advice) out += paragraph(a.text, style_of(a.tone), color);
    if (sec.id == SectionId::interactions && r.interactions.total > 0)
      out += '\n' + month_chart(r.interactions.by_month, color);
  }
  return out;
}

}  // namespace kith
