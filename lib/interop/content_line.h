// SPDX-License-Identifier: MIT
#pragma once
// What vCard and iCalendar share: TEXT escaping, lines folded at 75 octets
// (never inside a UTF-8 character) and ended by CRLF, and stable UIDs.
#include <string>
#include <string_view>

namespace kith {

// `\` `,` `;` escaped, line breaks as `\n` (RFC 5545 3.3.11, RFC 6350 3.4).
std::string escape_text(std::string_view text);

// `line` (without terminator) folded: at most 75 octets per physical line,
// continuation lines starting with one space, each ended by CRLF.
std::string folded(std::string_view line);

// A UUID-shaped identifier derived from `seed` alone (two FNV-1a hashes,
// RFC 9562 version 8), so the same person gets the same UID every export.
std::string stable_uuid(std::string_view seed);

}  // namespace kith
