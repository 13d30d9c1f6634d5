// SPDX-License-Identifier: MIT
// Checks on raw text before yaml-cpp sees it. yaml-cpp 0.7 recurses once per
// nesting level and overflows the stack on deeply nested input, has no size
// limit of its own, and spends some 600 bytes and a few microseconds on each
// node it builds (1 MB of `[[]]` is 250 MB), so hostile files are stopped
// here with a position.
#include <fmt/format.h>

#include "load.h"
#include "model/utf8.h"

namespace kith {

namespace {

constexpr std::size_t max_bytes = 1 << 20;  // a person file of 1 MiB is years of notes
constexpr int max_depth = 64;               // kith's own format nests 3 levels
// Values, lists and maps (counted from their indicators: `[`, `{`, a `,` in
// a flow, `- `, `? `, `: `). A 20,000-entry log written as flow maps counts
// some 180,000, 60,000 kinds in kith.yaml the same; a file at the limit
// costs yaml-cpp about 80 MB and a second, the most a real file does.
constexpr long max_nodes = 250000;

struct Cursor {
  int line = 1;
  int col = 1;
  void advance(unsigned char c) {
    if (c == '\n') {
      ++line;
      col = 1;
    } else if ((c & 0xC0) != 0x80) {  // count code points, not bytes
      ++col;
    }
  }
};

}  // namespace

std::optional<Diagnostic> guard_size(std::uintmax_t size, const std::string& path) {
  if (size <= max_bytes) return std::nullopt;
  return Diagnostic{path, 0, 0, fmt::format("file is too large ({} bytes; the limit is {} bytes)", size, max_bytes)};
}

std::optional<Diagnostic> guard_text(std::string_view text, const std::string& path) {
  if (auto too_large = guard_size(text.size(), path)) return too_large;
  Cursor at;
  // Nesting: flow brackets outside quotes, plus block indicators and
  // indentation, bounded per line. Comments and quoted text do not count.
  int flow_depth = 0;
  char quote = 0;
  bool in_comment = false;
  bool line_start = true;
  int block_depth = 0;  // "- - - x" and "? " chains opened on one line
  char last = '\n';     // the line's last non-blank character outside comments
  long nodes = 0;
  auto too_many = [&] {
    return Diagnostic{path, at.line, at.col,
                      fmt::format("more than {} values, lists and maps in one file", max_nodes)};
  };
  for (std::size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == 0) return Diagnostic{path, at.line, at.col, "binary file (NUL byte), not YAML text"};
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t')
      return Diagnostic{path, at.line, at.col, fmt::format("control character 0x{:02x} in the text", c)};
    std::size_t n = utf8_length(text, i);
    if (n == 0) return Diagnostic{path, at.line, at.col, "invalid UTF-8 (the file must be UTF-8 text)"};
    if (c == '\n') {
      in_comment = false;
      line_start = true;
      block_depth = 0;  // quoted scalars may span lines: `quote` stays
      last = '\n';
    } else if (in_comment) {
      // nothing counts inside a comment
    } else if (quote) {
      if (c == static_cast<unsigned char>(quote)) {
        if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
          at.advance(c);
          ++i;  // '' is an escaped quote
        } else {
          quote = 0;
        }
      } else if (c == '\\' && quote == '"' && i + 1 < text.size() &&
                 static_cast<unsigned char>(text[i + 1]) < 0x80) {
        // `\"` does not close the quote. Only an ASCII byte is skipped: any
        // other is checked as UTF-8 next (libfyaml loops forever on some).
        at.advance(c);
        ++i;
      }
    } else if (c == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == '\n')) {
      in_comment = true;
    } else if ((c == '"' || c == '\'') && std::string_view("\n[{,:-?").find(last) != std::string_view::npos &&
               (i == 0 || std::string_view(" \t\n[{,:-?").find(text[i - 1]) != std::string_view::npos)) {
      // A quote opens a scalar only where one starts: "rock 'n roll" is plain.
      quote = static_cast<char>(c);
    } else if (c == '[' || c == '{') {
      if (++nodes > max_nodes) return too_many();
      if (++flow_depth > max_depth)
        return Diagnostic{path, at.line, at.col, fmt::format("nested more than {} levels deep", max_depth)};
    } else if ((c == ']' || c == '}') && flow_depth > 0) {
      --flow_depth;
    } else if (c == ',' && flow_depth > 0) {
      if (++nodes > max_nodes) return too_many();
    } else if (line_start && (c == '-' || c == '?' || c == ':') && i + 1 < text.size() &&
               (text[i + 1] == ' ' || text[i + 1] == '\t')) {
      // A `- ` staircase nests one level a line without ever leaving line_start.
      if (block_depth == 0 && at.col > 2 * max_depth + 1)
        return Diagnostic{path, at.line, at.col, fmt::format("indented more than {} columns", 2 * max_depth)};
      if (++nodes > max_nodes) return too_many();
      if (++block_depth > max_depth)
        return Diagnostic{path, at.line, at.col, fmt::format("nested more than {} levels deep", max_depth)};
    } else if (c == ':' &&
               (i + 1 == text.size() || std::string_view(" \t\r\n").find(text[i + 1]) != std::string_view::npos)) {
      if ((nodes += 2) > max_nodes) return too_many();  // a key and its value
      line_start = false;
    } else if (line_start && c != ' ' && c != '\t') {
      line_start = false;
      // Deep indentation is deep block nesting; 2 columns a level is the least.
      if (at.col > 2 * max_depth + 1)
        return Diagnostic{path, at.line, at.col, fmt::format("indented more than {} columns", 2 * max_depth)};
    }
    if (!in_comment && c != ' ' && c != '\t' && c != '\r' && c != '\n') last = static_cast<char>(c);
    for (std::size_t k = 0; k < n; ++k) at.advance(static_cast<unsigned char>(text[i + k]));
    i += n;
  }
  return std::nullopt;
}

}  // namespace kith
