// SPDX-License-Identifier: MIT
#include "undo.h"

#include <fmt/format.h>

#include <set>

namespace kith {

namespace {

bool made_by_kith(const GitCommit& c) { return c.subject.starts_with("kith: "); }

}  // namespace

std::vector<const GitCommit*> undoable(const std::vector<GitCommit>& history) {
  std::vector<const GitCommit*> out;
  std::set<std::string> reverted;
  for (const GitCommit& c : history) {
    if (!made_by_kith(c)) break;
    if (!c.reverts.empty()) {
      reverted.insert(c.reverts.begin(), c.reverts.end());
      continue;
    }
    if (reverted.count(c.sha) == 0) out.push_back(&c);
  }
  return out;
}

std::string undo_message(const GitCommit& c) {
  std::string what = made_by_kith(c) ? c.subject.substr(6) : c.subject;
  return fmt::format("kith: undo {}\n\nReverts: {}", what, c.sha);
}

}  // namespace kith
