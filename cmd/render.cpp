// SPDX-License-Identifier: MIT
#include "render.h"

#include <fmt/format.h>

#include <algorithm>
#include <ostream>

namespace kith {

std::string paint(std::string_view text, Style style, bool color) {
  if (!color || style == Style::plain) return std::string(text);
  const char* code = "";
  switch (style) {
    case Style::bold: code = "1"; break;
    case Style::dim: code = "2"; break;
    case Style::red: code = "31"; break;
    case Style::yellow: code = "33"; break;
    case Style::green: code = "32"; break;
    case Style::cyan: code = "36"; break;
    case Style::plain: break;
  }
  return fmt::format("\x1b[{}m{}\x1b[0m", code, text);
}

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\x1b') {  // skip an SGR sequence: ESC [ ... m
      while (i < text.size() && text[i] != 'm') ++i;
      continue;
    }
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++width;
  }
  return width;
}

std::string Table::render(std::string_view indent) const {
  std::vector<std::size_t> widths;
  for (const auto& row : rows) {
    if (widths.size() < row.size()) widths.resize(row.size(), 0);
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], display_width(row[c]));
  }
  std::string out;
  for (const auto& row : rows) {
    std::string line(indent);
    for (std::size_t c = 0; c < row.size(); ++c) {
      std::size_t pad = widths[c] - display_width(row[c]);
      bool right = c < right_aligned.size() && right_aligned[c];
      bool last = c + 1 == row.size();
      if (right) line.append(pad, ' ');
      line += row[c];
      if (!right && !last) line.append(pad, ' ');
      if (!last) line += "  ";
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + '\n';
  }
  return out;
}

std::string count_of(long n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 || n == -1 ? one : many);
}

void warn_problems(std::ostream& err, const std::vector<Diagnostic>& problems) {
  for (const Diagnostic& d : problems) err << "kith: " << d.to_string() << '\n';
}

}  // namespace kith
