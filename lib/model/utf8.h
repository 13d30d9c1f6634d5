// SPDX-License-Identifier: MIT
#pragma once
// UTF-8 sequences, checked byte by byte: for the guard that refuses files
// that are not UTF-8, and for output that shows such bytes instead of
// sending them.
#include <cstddef>
#include <string_view>

namespace kith {

// Length of the valid UTF-8 sequence starting at text[i], 0 when the bytes
// there are not valid UTF-8 (stray, overlong, surrogate, past U+10FFFF).
std::size_t utf8_length(std::string_view text, std::size_t i);

}  // namespace kith
