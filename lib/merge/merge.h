// SPDX-License-Identifier: MIT
#pragma once
// Three-way merge of a person file, for git's merge driver: both sides'
// work is kept without asking the user, except when both changed one value
// in two different ways. Pure: the line merge of plain text is passed in
// (git's `merge-file` in kith, see git.h), everything else is done here on
// strings.
//
// - log: every entry either side added is kept, once (one entry added on
//   both sides is one entry); an entry one side removed and the other left
//   alone is removed. OURS keeps its text byte for byte; THEIRS' new
//   entries are appended after OURS' as `kith log` appends.
// - `next` changed differently on both sides: the later date wins; `added`
//   (one person added on two machines): the earlier.
// - tags, offers, needs, aka changed on both sides: additions and removals
//   of both are combined.
// - any other key, comment or blank line: merged as text; both sides
//   changing one value differently is a real conflict, left as standard
//   conflict markers around the smallest span git's line merge finds.
// A result called clean reads as one YAML mapping.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kith::merge {

struct TextMergeResult {
  std::string text;
  bool conflict = false;  // the text holds conflict markers
};

// A line-based three-way merge (diff3) of plain text.
using TextMerger = std::function<TextMergeResult(std::string_view base, std::string_view ours, std::string_view theirs)>;

struct MergeResult {
  std::string text;
  // One line per real conflict ("`circle` changed on both sides: team, online");
  // empty when the merge is clean.
  std::vector<std::string> conflicts;
  bool clean() const { return conflicts.empty(); }
};

MergeResult merge_person(std::string_view base, std::string_view ours, std::string_view theirs,
                         const TextMerger& merge_text);

}  // namespace kith::merge
