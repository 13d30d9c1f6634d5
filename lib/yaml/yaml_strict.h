// SPDX-License-Identifier: MIT
#pragma once
// yaml-cpp 0.7 reads many texts that YAML 1.2 refuses (an unclosed quote, a
// comment glued to a value, `[ , a ]`, an invalid escape, a tab as
// indentation...) and reads some of them wrongly. Every text goes through
// libfyaml, which passes the whole YAML test suite, before yaml-cpp builds
// its tree: what libfyaml refuses, kith refuses, at libfyaml's position.
#include <optional>
#include <string>
#include <string_view>

#include "model/error.h"

namespace kith {

// The first YAML 1.2 error in `text` as `path:line:col` (1-based), or
// nothing when the text is a valid YAML 1.2 stream. guard_text() runs first:
// size, depth and binary content are already bounded.
std::optional<Diagnostic> check_yaml_1_2(std::string_view text, const std::string& path);

}  // namespace kith
