// SPDX-License-Identifier: MIT
#pragma once
// The shape of a person file's text, as a three-way merge needs it: which
// lines hold each top-level key, and which lines hold each entry of a block
// `log:` list, with a value that two equal entries share. No I/O here.
#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kith::merge {

// Lines keep their terminators, so joining them gives the text back.
std::vector<std::string> split_keep_eol(std::string_view text);
std::string join(const std::vector<std::string>& lines);

// Lines [first, end) of the text.
struct Span {
  std::size_t first = 0, end = 0;
};

struct KeyText {
  std::string key;
  YAML::Node value;
  // The key line to the last line of its value; comment lines at the left
  // margin just before the next key belong to that next key.
  Span span;
};

struct EntryText {
  YAML::Node node;
  std::string identity;  // equal for entries with the same keys and values
  Span span;             // the dash line to the entry's last line
};

struct PersonText {
  std::vector<std::string> lines;
  YAML::Node root;
  std::vector<KeyText> keys;  // top-level keys, in file order
  // Every entry of `log`, in file order. When the log is not a block list
  // (a flow list, or entries kith cannot place), `log_spans` is false and
  // only `node` and `identity` are set.
  std::vector<EntryText> log;
  bool log_spans = false;

  const KeyText* find(std::string_view key) const;
};

// Reads `text`; nullopt when it is not one YAML mapping (empty text gives an
// empty mapping, the base of two files added on both sides).
std::optional<PersonText> read_person_text(std::string_view text);

// What makes two log entries the same entry: their keys and values, in any
// key order and any style (block or flow, quoted or plain).
std::string entry_identity(const YAML::Node& entry);

}  // namespace kith::merge
