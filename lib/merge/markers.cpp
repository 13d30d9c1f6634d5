// SPDX-License-Identifier: MIT
#include "markers.h"

#include <filesystem>

#include <fmt/format.h>

namespace kith::merge {

namespace {

// `marker` (7 characters) at the start of `line`, then the end or a space.
bool is_marker(std::string_view line, std::string_view marker) {
  if (!line.starts_with(marker)) return false;
  return line.size() == marker.size() || line[marker.size()] == ' ' || line[marker.size()] == '\r';
}

}  // namespace

std::optional<Diagnostic> find_conflict_markers(std::string_view text, const std::string& path) {
  std::optional<Diagnostic> lone;
  int line_no = 0;
  while (!text.empty()) {
    ++line_no;
    std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    if (is_marker(line, "<<<<<<<")) {
      std::string who = std::filesystem::path(path).stem().string();
      return Diagnostic{path, line_no, 1,
                        fmt::format("merge conflict: both sides changed these lines; keep the right version and "
                                    "delete the <<<<<<<, ======= and >>>>>>> lines (`kith edit {}`)",
                                    who.empty() ? "WHO" : who)};
    }
    if (!lone && (is_marker(line, "=======") || is_marker(line, ">>>>>>>") || is_marker(line, "|||||||")))
      lone = Diagnostic{path, line_no, 1, "merge conflict: a conflict marker is left in the file"};
  }
  return lone;
}

}  // namespace kith::merge
