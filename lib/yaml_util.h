// SPDX-License-Identifier: MIT
#pragma once
// Small helpers around yaml-cpp shared by the readers: positions for
// diagnostics, and a parse that turns exceptions into a diagnostic.
#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <string_view>

#include "error.h"

namespace kith {

// A diagnostic at `node`'s position (1-based), or without a position when
// yaml-cpp has none for it.
Diagnostic diagnostic_at(const std::string& path, const YAML::Node& node, std::string message);

// The node's scalar text, or "" for anything that is not a scalar.
std::string scalar_or_empty(const YAML::Node& node);

// Parses exactly one YAML document into `root`. A syntax error, or a second
// document, comes back as a diagnostic; yaml-cpp exceptions never escape.
std::optional<Diagnostic> parse_yaml(std::string_view text, const std::string& path, YAML::Node& root);

}  // namespace kith
