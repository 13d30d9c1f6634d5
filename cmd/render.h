// SPDX-License-Identifier: MIT
#pragma once
// Text output shared by the commands: aligned tables, colour, and the
// warning lines for files that could not be read.
#include <cstdint>
#include <initializer_list>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "model/error.h"

namespace kith {

enum class Style { plain, bold, dim, red, yellow, green, cyan };

// `text` wrapped in the ANSI codes of `style` when `color` is on.
std::string paint(std::string_view text, Style style, bool color);

// Columns as wide as the widest cell (counted in code points, so accents do
// not break alignment); the last column is not padded. Cells may already be
// painted: escape sequences do not count towards the width. The cells are
// kept one after another in one string, each measured once: `list` has a
// row per person, 30,000 of them at LinkedIn's scale.
class Table {
 public:
  std::vector<bool> right_aligned;  // per column; missing means left

  void add(std::initializer_list<std::string_view> cells) { add(cells.begin(), cells.end()); }
  void add(const std::vector<std::string>& cells) { add(cells.begin(), cells.end()); }
  // A row given a cell at a time: begin_row(), then cell() or
  // visible_cell() for each (no string made per cell: `list` adds 150,000).
  void begin_row() { rows_.push_back(cells_.size()); }
  void cell(std::string_view text) { add_cell(text); }
  // visible(text) as a cell; copied once when it is all printable.
  void visible_cell(std::string_view text);
  // Memory for that many rows, cells and bytes of text, at once.
  void reserve(std::size_t rows, std::size_t columns, std::size_t bytes);
  std::string render(std::string_view indent = "") const;
  // Only the rows numbered in `order` (from 0, as added), in that order.
  std::string render(std::string_view indent, const std::vector<std::size_t>& order) const;
  // render(indent, order) written to `out` a piece at a time, never whole in
  // memory (30,000 lines are 2.4 MB).
  void write(std::ostream& out, std::string_view indent, const std::vector<std::size_t>& order) const;

 private:
  struct Cell {
    std::uint32_t end;    // in text_
    std::uint32_t width;  // display_width
  };
  template <typename It>
  void add(It first, It last) {
    rows_.push_back(cells_.size());
    for (; first != last; ++first) add_cell(*first);
  }
  void add_cell(std::string_view text);
  // Appends the lines of `order` to `out`, handing it to `flush` (which
  // empties it) whenever it holds `piece` bytes or more.
  template <typename Flush>
  void render_lines(std::string& out, std::string_view indent, const std::vector<std::size_t>& order,
                    std::size_t piece, const Flush& flush) const;

  std::string text_;
  std::vector<Cell> cells_;
  std::vector<std::size_t> rows_;  // each row's first cell
};

std::size_t display_width(std::string_view text);

// User text made safe to print on a terminal: every control character is
// shown visibly instead of acting (an ESC from a file must not clear the
// screen or set the window title). ESC, BEL, BS, FF, VT, CR and LF read
// \e \a \b \f \v \r \n, other C0 characters and DEL \xHH, C1 characters
// \u0080..\u009f, and bytes that are not UTF-8 \xHH. Tabs are kept; with
// `keep_newlines` (multi-line text such as error messages) so are newlines.
// Every human output passes user text through this; --json has its own
// escaping.
std::string visible(std::string_view text, bool keep_newlines = false);

// "1 person", "3 people"; "1 day", "4 days".
std::string count_of(long n, std::string_view one, std::string_view many);

// Prints every problem as `kith: path:line:col: message` on `err` (visible).
void warn_problems(std::ostream& err, const std::vector<Diagnostic>& problems);
// One note per kith.yaml found in a sub-folder: it is neither settings nor a
// person, and saying so beats silence (or a "missing name" error).
void warn_ignored(std::ostream& err, const std::vector<std::string>& settings_files);

}  // namespace kith
