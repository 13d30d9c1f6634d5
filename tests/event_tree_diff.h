// SPDX-License-Identifier: MIT
#pragma once
// Where an EventTree differs from the YAML::Load of the same text: kinds,
// marks, scalars, block style, sizes and order, node by node. Shared by the
// unit test and the load fuzzer.
#include <yaml-cpp/yaml.h>

#include <string>

#include "yaml/event_tree.h"

namespace kith {

// "" when `ours` reads as `theirs`. Aliases may repeat a node many times, or
// make a cycle: the walk compares at most `visits` nodes, `depth` levels
// deep (guard_text() lets a file nest 64).
inline std::string event_tree_difference(const YAML::Node& theirs, const EventTree::Node& ours, long& visits,
                                         int depth) {
  auto where = [&] {
    YAML::Mark m = theirs.Mark();
    return " at " + std::to_string(m.line) + ":" + std::to_string(m.column);
  };
  if (visits-- <= 0 || depth == 0) return "";
  if (theirs.IsNull() != ours.is_null() || theirs.IsScalar() != ours.is_scalar() ||
      theirs.IsSequence() != ours.is_sequence() || theirs.IsMap() != ours.is_map())
    return "kinds differ" + where();
  YAML::Mark a = theirs.Mark(), b = ours.mark();
  if (a.pos != b.pos || a.line != b.line || a.column != b.column) return "marks differ" + where();
  if (theirs.IsScalar()) return theirs.Scalar() == ours.scalar() ? "" : "scalars differ" + where();
  if (!theirs.IsMap() && !theirs.IsSequence()) return "";
  if ((theirs.Style() == YAML::EmitterStyle::Block) != ours.is_block()) return "styles differ" + where();
  std::size_t i = 0;
  for (auto it = theirs.begin(); it != theirs.end(); ++it, ++i) {
    if (i >= ours.size()) return "fewer children" + where();
    std::string d = theirs.IsMap() ? event_tree_difference(it->first, ours.key(i), visits, depth - 1) +
                                         event_tree_difference(it->second, ours.value(i), visits, depth - 1)
                                   : event_tree_difference(*it, ours.item(i), visits, depth - 1);
    if (!d.empty()) return d;
  }
  return i == ours.size() ? "" : "more children" + where();
}

inline std::string event_tree_difference(const YAML::Node& theirs, const EventTree::Node& ours) {
  long visits = 100000;
  return event_tree_difference(theirs, ours, visits, 100);
}

}  // namespace kith
