// SPDX-License-Identifier: MIT
#pragma once
// The conflict markers git leaves in a file it could not merge. They often
// still read as YAML (a `<<<<<<< ours` line inside a block scalar, say), so
// readers look for them first and point at them.
#include <optional>
#include <string>
#include <string_view>

#include "model/error.h"

namespace kith::merge {

// A diagnostic at the first `<<<<<<<` line (or a lone `=======` / `>>>>>>>`
// / `|||||||` when that one is missing), or nullopt when there is none.
std::optional<Diagnostic> find_conflict_markers(std::string_view text, const std::string& path);

}  // namespace kith::merge
