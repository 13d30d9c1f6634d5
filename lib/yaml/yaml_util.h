// SPDX-License-Identifier: MIT
#pragma once
// Small helpers around yaml-cpp shared by the readers: positions for
// diagnostics, and a parse that turns exceptions into a diagnostic.
#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <string_view>

#include "event_tree.h"
#include "model/error.h"

namespace kith {

// A diagnostic at `node`'s position (1-based), or without a position when
// yaml-cpp has none for it.
Diagnostic diagnostic_at(const std::string& path, const YAML::Node& node, std::string message);
Diagnostic diagnostic_at(const std::string& path, const EventTree::Node& node, std::string message);

// The node's scalar text, or "" for anything that is not a scalar.
std::string scalar_or_empty(const YAML::Node& node);

// Aliases (`*name`) let a small file name one big value many times: yaml-cpp
// shares the nodes, but every walk over them pays for every use, so a 1 KiB
// "billion laughs" file would take forever to read. Readers spend from this
// budget for each node they visit and each byte of text they copy; a file's
// own nodes and text cost about its size, so only aliases reused far beyond
// that run out. spend() then throws Error at the node, naming the aliases.
class ReadBudget {
 public:
  ReadBudget(std::size_t text_size, const std::string& path) : left_(4 * text_size + 256), path_(path) {}
  void spend(const YAML::Node& node);
  void spend(const EventTree::Node& node);

 private:
  bool afford(std::size_t cost);  // false, leaving the budget, when it is short

  std::size_t left_;
  const std::string& path_;
};

// Parses exactly one YAML document into `root`, after guard_text() has
// turned away what yaml-cpp must not see. A syntax error, or a second
// document, comes back as a diagnostic; yaml-cpp exceptions never escape.
std::optional<Diagnostic> parse_yaml(std::string_view text, const std::string& path, YAML::Node& root);

// The same into an EventTree, in one pass of yaml-cpp's parser.
std::optional<Diagnostic> parse_yaml(std::string_view text, const std::string& path, EventTree& tree);

}  // namespace kith
