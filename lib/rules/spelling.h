// SPDX-License-Identifier: MIT
#pragma once
// "Did you mean ...?" for a mistyped word among a few known ones (commands,
// kinds, circles).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kith {

// Typos (insertions, deletions, substitutions, swaps of two neighbours)
// between `a` and `b`, compared case-insensitively (ASCII).
std::size_t typo_distance(std::string_view a, std::string_view b);

// The known word closest to `typo`: within about one typo per three letters
// (at least one), or one `typo` abbreviates (`ls` -> `list`). Ties go
// to the earlier word of `known`. nullopt when none is close.
std::optional<std::string> closest_spelling(std::string_view typo, const std::vector<std::string>& known);

}  // namespace kith
