// SPDX-License-Identifier: MIT
#pragma once
// Small text helpers the readers share: encodings and blanks.
#include <string>
#include <string_view>

namespace kith {

bool is_utf8(std::string_view text);

// Windows-1252 (what Excel writes on a Western Windows) to UTF-8. Its five
// undefined bytes become U+FFFD.
std::string cp1252_to_utf8(std::string_view text);

// Without ASCII blanks (space, tab, CR, LF) and no-break spaces at either end.
std::string trim_blanks(std::string_view text);

std::string ascii_lower(std::string_view text);

}  // namespace kith
