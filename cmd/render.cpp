// SPDX-License-Identifier: MIT
#include "render.h"

#include <fmt/format.h>

#include <algorithm>
#include <ostream>

#include "model/utf8.h"

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

namespace {

// East Asian Wide and Fullwidth characters take two terminal columns.
bool is_wide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
         (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
         (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
         (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
}

}  // namespace

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x7f) {  // printable ASCII, most of any table: one column
      ++width;
      ++i;
      continue;
    }
    if (c == 0x1b) {  // skip an SGR sequence: ESC [ ... m
      while (i < text.size() && text[i] != 'm') ++i;
      ++i;
      continue;
    }
    std::size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
    char32_t cp = n == 1 ? c : c & (0x7F >> n);
    for (std::size_t k = 1; k < n && i + k < text.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    width += is_wide(cp) ? 2 : 1;
    i += n;
  }
  return width;
}

namespace {

// How many bytes of `text` from its start are printable ASCII or tabs (most
// text: it stays as it is).
std::size_t plain_prefix(std::string_view text) {
  std::size_t plain = 0;
  while (plain < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[plain]);
    if ((c < 0x20 && c != '\t') || c >= 0x7f) break;
    ++plain;
  }
  return plain;
}

}  // namespace

std::string visible(std::string_view text, bool keep_newlines) {
  const std::size_t plain = plain_prefix(text);  // copied at once
  std::string out(text.substr(0, plain));
  if (plain == text.size()) return out;
  out.reserve(text.size());
  for (std::size_t i = plain; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    std::size_t n = utf8_length(text, i);
    if (n == 0) {
      out += fmt::format("\\x{:02x}", c);
      ++i;
      continue;
    }
    if (n == 2 && c == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0) {  // C1: U+0080..U+009F
      out += fmt::format("\\u{:04x}", static_cast<unsigned char>(text[i + 1]));
      i += 2;
      continue;
    }
    if (n == 1 && (c < 0x20 || c == 0x7F) && c != '\t' && !(keep_newlines && c == '\n')) {
      switch (c) {
        case 0x1B: out += "\\e"; break;
        case '\a': out += "\\a"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\v': out += "\\v"; break;
        case '\r': out += "\\r"; break;
        case '\n': out += "\\n"; break;
        default: out += fmt::format("\\x{:02x}", c);
      }
      ++i;
      continue;
    }
    out.append(text, i, n);
    i += n;
  }
  return out;
}

void Table::add_cell(std::string_view text) {
  text_ += text;
  const std::size_t width = display_width(text);
  if (text_.size() > UINT32_MAX) throw Error("a table of more than 4 GB");
  cells_.push_back(Cell{static_cast<std::uint32_t>(text_.size()), static_cast<std::uint32_t>(width)});
}

void Table::visible_cell(std::string_view text) {
  add_cell(plain_prefix(text) == text.size() ? text : std::string_view(visible(text)));
}

void Table::reserve(std::size_t rows, std::size_t columns, std::size_t bytes) {
  rows_.reserve(rows);
  cells_.reserve(rows * columns);
  text_.reserve(bytes);
}

std::string Table::render(std::string_view indent) const {
  std::vector<std::size_t> all(rows_.size());
  for (std::size_t r = 0; r < all.size(); ++r) all[r] = r;
  return render(indent, all);
}

template <typename Flush>
void Table::render_lines(std::string& out, std::string_view indent, const std::vector<std::size_t>& order,
                         std::size_t piece, const Flush& flush) const {
  auto row_end = [&](std::size_t r) { return r + 1 < rows_.size() ? rows_[r + 1] : cells_.size(); };
  std::vector<std::size_t> widths;  // per column, of the rows shown
  for (std::size_t r : order) {
    if (widths.size() < row_end(r) - rows_[r]) widths.resize(row_end(r) - rows_[r], 0);
    for (std::size_t k = rows_[r]; k < row_end(r); ++k)
      widths[k - rows_[r]] = std::max<std::size_t>(widths[k - rows_[r]], cells_[k].width);
  }
  std::size_t size = order.size() * (indent.size() + 1);  // the size, or a little more
  for (std::size_t r : order)
    for (std::size_t k = rows_[r]; k < row_end(r); ++k)
      size += cells_[k].end - (k == 0 ? 0 : cells_[k - 1].end) + widths[k - rows_[r]] - cells_[k].width + 2;
  out.reserve(size <= piece ? size : piece + 4096);  // a line more than a piece at most
  for (std::size_t r : order) {
    const std::size_t first = rows_[r], last = row_end(r);
    const std::size_t line = out.size();
    out += indent;
    for (std::size_t k = first; k < last; ++k) {
      const std::size_t c = k - first;
      const std::size_t begin = k == 0 ? 0 : cells_[k - 1].end;
      const std::size_t pad = widths[c] - cells_[k].width;
      const bool right = c < right_aligned.size() && right_aligned[c];
      const bool last_cell = k + 1 == last;
      if (right) out.append(pad, ' ');
      out.append(text_, begin, cells_[k].end - begin);
      if (!right && !last_cell) out.append(pad, ' ');
      if (!last_cell) out += "  ";
    }
    while (out.size() > line && out.back() == ' ') out.pop_back();
    out += '\n';
    if (out.size() >= piece) flush(out);
  }
}

std::string Table::render(std::string_view indent, const std::vector<std::size_t>& order) const {
  std::string out;
  render_lines(out, indent, order, SIZE_MAX, [](std::string&) {});
  return out;
}

void Table::write(std::ostream& out, std::string_view indent, const std::vector<std::size_t>& order) const {
  std::string piece;
  auto flush = [&out](std::string& text) {
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    text.clear();
  };
  render_lines(piece, indent, order, 64 << 10, flush);
  flush(piece);
}

std::string count_of(long n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 || n == -1 ? one : many);
}

void warn_problems(std::ostream& err, const std::vector<Diagnostic>& problems) {
  for (const Diagnostic& d : problems) err << "kith: " << visible(d.to_string(), true) << '\n';
}

void warn_ignored(std::ostream& err, const std::vector<std::string>& settings_files) {
  for (const std::string& path : settings_files)
    err << "kith: " << path << ": ignored (only the top-level kith.yaml holds settings)\n";
}

}  // namespace kith
