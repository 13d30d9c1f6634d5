// SPDX-License-Identifier: MIT
#include "spelling.h"

#include <algorithm>
#include <vector>

namespace kith {

namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// `ls` in `list`: the letters of `abbrev` in order in `word`, the first one first.
bool abbreviates(std::string_view abbrev, std::string_view word) {
  if (abbrev.size() < 2 || word.size() <= abbrev.size() || lower(abbrev[0]) != lower(word[0])) return false;
  std::size_t i = 0;
  for (char c : word)
    if (i < abbrev.size() && lower(c) == lower(abbrev[i])) ++i;
  return i == abbrev.size();
}

}  // namespace

std::size_t typo_distance(std::string_view a, std::string_view b) {
  // Optimal string alignment distance, three rows.
  std::vector<std::size_t> before(b.size() + 1), prev(b.size() + 1), row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      bool same = lower(a[i - 1]) == lower(b[j - 1]);
      row[j] = std::min({prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (same ? 0 : 1)});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1]))
        row[j] = std::min(row[j], before[j - 2] + 1);
    }
    std::swap(before, prev);
    std::swap(prev, row);
  }
  return prev[b.size()];
}

std::optional<std::string> closest_spelling(std::string_view typo, const std::vector<std::string>& known) {
  if (typo.empty()) return std::nullopt;
  const std::size_t allowed = std::max<std::size_t>(1, typo.size() / 3);
  std::optional<std::string> best;
  std::size_t best_distance = allowed + 1;
  for (const std::string& word : known) {
    std::size_t d = typo_distance(typo, word);
    // An abbreviation (`ls` for `list`) is as good as one typo.
    if (abbreviates(typo, word)) d = std::min<std::size_t>(d, 1);
    if (d < best_distance && d < std::max(typo.size(), word.size())) {
      best = word;
      best_distance = d;
    }
  }
  return best;
}

}  // namespace kith
