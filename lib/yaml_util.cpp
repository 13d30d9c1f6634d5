// SPDX-License-Identifier: MIT
#include "yaml_util.h"

#include <sstream>

namespace kith {

Diagnostic diagnostic_at(const std::string& path, const YAML::Node& node, std::string message) {
  Diagnostic d{path, 0, 0, std::move(message)};
  if (node.IsDefined()) {
    YAML::Mark m = node.Mark();
    if (!m.is_null()) {
      d.line = m.line + 1;
      d.col = m.column + 1;
    }
  }
  return d;
}

std::string scalar_or_empty(const YAML::Node& node) {
  return node.IsDefined() && node.IsScalar() ? node.Scalar() : std::string();
}

std::optional<Diagnostic> parse_yaml(std::string_view text, const std::string& path, YAML::Node& root) {
  try {
    std::vector<YAML::Node> docs = YAML::LoadAll(std::string(text));
    if (docs.size() > 1)
      return diagnostic_at(path, docs[1], "the file holds more than one YAML document (a second `---`)");
    root = docs.empty() ? YAML::Node() : docs[0];
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    Diagnostic d{path, 0, 0, e.msg};
    if (!e.mark.is_null()) {
      d.line = e.mark.line + 1;
      d.col = e.mark.column + 1;
    }
    d.message = "invalid YAML: " + e.msg;
    return d;
  } catch (const std::exception& e) {
    return Diagnostic{path, 0, 0, std::string("invalid YAML: ") + e.what()};
  }
}

}  // namespace kith
