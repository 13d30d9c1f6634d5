// SPDX-License-Identifier: MIT
#pragma once
// Text output shared by the commands: aligned tables, colour, and the
// warning lines for files that could not be read.
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "error.h"

namespace kith {

enum class Style { plain, bold, dim, red, yellow, green, cyan };

// `text` wrapped in the ANSI codes of `style` when `color` is on.
std::string paint(std::string_view text, Style style, bool color);

// Columns as wide as the widest cell (counted in code points, so accents do
// not break alignment); the last column is not padded. Cells may already be
// painted: escape sequences do not count towards the width.
struct Table {
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> right_aligned;  // per column; missing means left
  std::string render(std::string_view indent = "") const;
};

std::size_t display_width(std::string_view text);

// "1 person", "3 people"; "1 day", "4 days".
std::string count_of(long n, std::string_view one, std::string_view many);

// Prints every problem as `kith: path:line:col: message` on `err`.
void warn_problems(std::ostream& err, const std::vector<Diagnostic>& problems);
// One note per kith.yaml found in a sub-folder: it is neither settings nor a
// person, and saying so beats silence (or a "missing name" error).
void warn_ignored(std::ostream& err, const std::vector<std::string>& settings_files);

}  // namespace kith
