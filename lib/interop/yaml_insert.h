// SPDX-License-Identifier: MIT
#pragma once
// The text-preserving edits an import needs beyond lib/yaml/edit.h's: add a key
// whose value is any YAML (a quoted string, a flow list or map), and add
// items to an existing list or map. Every function returns the new text,
// changes nothing but the bytes it inserts (comments, quoting, order and
// line endings stay), and parses the result back: every other key must read
// as before and the edited one as intended, else Error is thrown and the
// caller keeps the old text.
#include <string>
#include <string_view>
#include <vector>

namespace kith {

// `value` as a YAML double-quoted scalar (`"https://x/a:b"`), for values
// such as URLs that are safer quoted in a flow map. Throws UsageError when
// `value` is not UTF-8.
std::string quoted_scalar(std::string_view value);

// Adds top-level `key: value` (`value` is YAML text: `"a, b"`, `[x, y]`,
// `{linkedin: "https://..."}`) on its own line before `log:`, or at the end.
// The key must be missing.
std::string add_key(std::string_view text, std::string_view key, std::string_view value);

// Adds `items` (plain strings) at the start of the existing top-level list
// `key`, block or flow style, keeping that style.
std::string add_list_items(std::string_view text, std::string_view key, const std::vector<std::string>& items);

// Adds `sub: "value"` (a string, always quoted) at the start of the existing top-level map
// `key`, block or flow style, keeping that style.
std::string add_map_entry(std::string_view text, std::string_view key, std::string_view sub, std::string_view value);

}  // namespace kith

namespace kith {

// The text of top-level key `key` when it is a scalar; "" when it is
// missing, not a scalar, or the text is not a YAML map. For keys kith's
// Person does not model (`connected`, `vcard_uid`).
std::string top_level_scalar(std::string_view text, std::string_view key);

}  // namespace kith
