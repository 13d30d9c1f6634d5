// SPDX-License-Identifier: MIT
#pragma once
// A strict JSON reader (RFC 8259) into yaml-cpp nodes, so JSON documents of
// any size reach the same tree walkers as YAML. Not yaml-cpp's own parser:
// it stops at 1 MiB and can loop forever on a stray `,` after a document.
#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>

namespace kith {

// Objects become maps (keys in order), arrays sequences, strings, numbers and
// booleans scalars (their text), null a null node. Nesting deeper than 64 is
// refused. Throws Error(path, line, col) at the first mistake.
YAML::Node parse_json(std::string_view text, const std::string& path);

}  // namespace kith
