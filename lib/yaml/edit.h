// SPDX-License-Identifier: MIT
#pragma once
// Text-preserving edits of a person file. Every function takes the file's
// text and returns the new text; nothing else in the file changes: comments,
// key order, quoting, blank lines, indentation and line endings (LF or CRLF)
// outside the lines added or replaced stay byte for byte. No I/O here.
//
// yaml-cpp cannot write a document back without losing comments, so edits
// are computed as line insertions/replacements located with the parser's
// marks and an indentation scan, then checked by parsing the result back.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/dates.h"

namespace kith {

struct NewEntry {
  Date date;
  std::string kind;
  std::string note;  // may be empty (then no `note:` line)
  std::string with;  // may be empty (then no `with:` line)
};

// Appends `entry` at the end of the top-level `log` sequence, indented like
// its neighbours (dash column and key column of the last entry); a block
// `log:` with no entries or `log: []` gets a block sequence; a missing
// `log:` is added at the end of the file. Throws kith::Error when the file's
// shape does not allow a safe edit (e.g. `log` is not a sequence).
std::string append_log_entry(std::string_view text, const NewEntry& entry);

// Sets a top-level scalar key (`next`, ...) to `value` (already valid YAML
// plain scalar text, e.g. "2026-12-01"). An existing `key: old` line keeps
// its indentation, spacing and trailing comment; only the value changes. A
// missing key is added on its own line just before `log:` (or at the end).
// Throws kith::Error when the value cannot be replaced safely (a block or
// quoted value over several lines, a list, an anchor).
std::string set_scalar(std::string_view text, std::string_view key, std::string_view value);

// set_scalar for any string: written plain when that reads back as `value`,
// else double-quoted (or in the quotes the old value used, when it fits).
std::string set_string(std::string_view text, std::string_view key, std::string_view value);

// Creates the text of a new person file (for `kith add`); no `log:` yet.
// Throws UsageError for an empty name.
// Written in DESIGN.md's key order; empty values are omitted.
struct NewPerson {
  std::string name;
  std::string circle;
  std::string every;
  std::vector<std::string> tags, offers, needs;
  std::string email, company, role;
  std::vector<std::string> aka;
  std::string phone, location;
  std::string birthday;  // already checked: YYYY-MM-DD or --MM-DD
  std::vector<std::pair<std::string, std::string>> links;  // name, URL; in this order
  std::string notes;     // a multi-line note becomes a `|-` block
  std::string added;     // YYYY-MM-DD, the day the person was added
};
std::string new_person_text(const NewPerson& p);

// A YAML scalar for `value`: plain when that reads back as the same string,
// else double-quoted with escapes. Throws UsageError when `value` is not
// UTF-8, which no YAML file can hold.
std::string yaml_scalar(std::string_view value);

// Removes a top-level key with its value's lines (and a trailing comment on
// them); the text is returned unchanged when the key is absent.
std::string remove_key(std::string_view text, std::string_view key);

// Adds `item` at the end of the top-level list `key`, in the list's own
// style: a block list gets a `- item` line at its dash column, a flow list
// `, item` before its `]` (or a line of its own when each item has one). A
// missing or empty key becomes `key: [item]`; a single scalar becomes a
// flow list of it and `item`.
std::string add_list_item(std::string_view text, std::string_view key, std::string_view item);

// Removes the item at `index` (0-based) of the top-level list `key`: its
// line(s) in a block list (the last one leaves `key: []`), the item and one
// comma in a flow list.
std::string remove_list_item(std::string_view text, std::string_view key, std::size_t index);

// Sets `sub` of the top-level map `key` (`links`) to the string `value`:
// its value replaced where it is written, else `sub: value` added first in
// the map (a flow map or a block map, in its style), else a new
// `key: {sub: value}`. Refused when `key` is not a map or `sub`'s value is
// not a one-line scalar.
std::string set_map_string(std::string_view text, std::string_view key, std::string_view sub,
                           std::string_view value);

// Removes `sub` from the top-level map `key`: its line(s) in a block map,
// the entry and one comma in a flow map; the key goes with its last entry.
// The text is returned unchanged when there is no such entry.
std::string remove_map_entry(std::string_view text, std::string_view key, std::string_view sub);

// Every log entry's `with: from` becomes `with: to` (`kith mv`); nothing else
// changes. The text is returned unchanged when no entry names `from`.
std::string rename_with(std::string_view text, std::string_view from, std::string_view to);

}  // namespace kith
