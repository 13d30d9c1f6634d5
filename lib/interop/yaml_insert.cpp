// SPDX-License-Identifier: MIT
#include "yaml_insert.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <functional>

#include "model/error.h"
#include "yaml/edit.h"
#include "yaml/yaml_util.h"

namespace kith {

namespace {

[[noreturn]] void refuse(const std::string& why) { throw Error("cannot edit safely: " + why); }

// The text without its BOM, where yaml-cpp's lines and columns point, and
// where each line starts.
struct Located {
  std::size_t bom = 0;
  std::vector<std::size_t> line_starts;  // offsets in the whole text
  std::string eol = "\n";

  explicit Located(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) bom = 3;
    line_starts.push_back(bom);
    std::size_t crlf = 0, lf = 0;
    for (std::size_t i = bom; i < text.size(); ++i) {
      if (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))
        refuse("a carriage return without a line feed");
      if (text[i] == '\n') {
        (i > 0 && text[i - 1] == '\r' ? crlf : lf)++;
        line_starts.push_back(i + 1);
      }
    }
    if (crlf > lf) eol = "\r\n";
  }
  std::size_t offset(const YAML::Mark& m) const {
    if (m.is_null() || static_cast<std::size_t>(m.line) >= line_starts.size()) refuse("a position outside the file");
    return line_starts[m.line] + m.column;
  }
};

YAML::Node parse_root(std::string_view text) {
  YAML::Node root;
  if (auto problem = parse_yaml(text.substr(text.starts_with("\xEF\xBB\xBF") ? 3 : 0), "", root))
    refuse(problem->message);
  if (!root.IsMap()) refuse("the file is not a map of keys");
  return root;
}

std::optional<std::pair<YAML::Node, YAML::Node>> find_top(const YAML::Node& root, std::string_view key) {
  for (auto it = root.begin(); it != root.end(); ++it)
    if (it->first.IsScalar() && it->first.Scalar() == key) return std::make_pair(it->first, it->second);
  return std::nullopt;
}

// The result must hold every key of `before` as it was, except `changed`,
// which `check` judges.
std::string checked(const YAML::Node& before, std::string after, std::string_view changed, bool key_is_new,
                    const std::function<bool(const YAML::Node&)>& check) {
  const YAML::Node root = parse_root(after);
  if (root.size() != before.size() + (key_is_new ? 1 : 0)) refuse("the edit changed the number of keys");
  for (auto it = before.begin(); it != before.end(); ++it) {
    const std::string key = it->first.Scalar();
    if (key == changed) continue;
    auto now = find_top(root, key);
    if (!now || YAML::Dump(now->second) != YAML::Dump(it->second))
      refuse(fmt::format("the edit would change `{}`", key));
  }
  auto edited = find_top(root, changed);
  if (!edited || !check(edited->second)) refuse(fmt::format("`{}` would not read back as intended", changed));
  return after;
}

bool is_flow_at(std::string_view text, std::size_t offset, char open) {
  return offset < text.size() && text[offset] == open;
}

}  // namespace

std::string quoted_scalar(std::string_view value) {
  yaml_scalar(value);  // refuses what is not UTF-8
  std::string out = "\"";
  for (char ch : value) {
    const auto c = static_cast<unsigned char>(ch);
    if (ch == '"' || ch == '\\') (out += '\\') += ch;
    else if (ch == '\n') out += "\\n";
    else if (ch == '\t') out += "\\t";
    else if (ch == '\r') out += "\\r";
    else if (c < 0x20 || c == 0x7F) out += fmt::format("\\x{:02x}", c);
    else out += ch;
  }
  return out + "\"";
}

std::string add_key(std::string_view text, std::string_view key, std::string_view value) {
  const YAML::Node root = parse_root(text);
  if (find_top(root, key)) refuse(fmt::format("`{}` is already there", key));
  const Located at(text);
  const std::size_t root_offset = at.offset(root.Mark());
  if (is_flow_at(text, root_offset, '{')) refuse("the file is one flow map `{...}`");
  const std::string line = std::string(root.Mark().column, ' ') + yaml_scalar(key) + ": " + std::string(value) + at.eol;
  std::string after(text);
  if (auto log = find_top(root, "log")) {
    after.insert(at.line_starts[log->first.Mark().line], line);
  } else {
    if (!after.empty() && after.back() != '\n') after += at.eol;
    after += line;
  }
  const YAML::Node expected = YAML::Load(std::string(value));
  return checked(root, after, key, true,
                 [&](const YAML::Node& n) { return YAML::Dump(n) == YAML::Dump(expected); });
}

std::string add_list_items(std::string_view text, std::string_view key, const std::vector<std::string>& items) {
  const YAML::Node root = parse_root(text);
  auto list = find_top(root, key);
  if (!list || !list->second.IsSequence() || list->second.size() == 0)
    refuse(fmt::format("`{}` is not a list with items", key));
  const Located at(text);
  const YAML::Node first = list->second[0];
  const std::size_t first_offset = at.offset(first.Mark());
  std::string insert;
  if (is_flow_at(text, at.offset(list->second.Mark()), '[')) {
    for (const auto& item : items) insert += yaml_scalar(item) + ", ";
  } else {
    // `  - first`: the new items get the same `  - ` in front.
    const std::string prefix(text.substr(at.line_starts[first.Mark().line], first.Mark().column));
    if (prefix.find_first_not_of(" -") != std::string::npos || prefix.find('-') == std::string::npos)
      refuse(fmt::format("the first item of `{}` does not start its line", key));
    for (const auto& item : items) insert += yaml_scalar(item) + at.eol + prefix;
  }
  std::string after(text);
  after.insert(first_offset, insert);
  std::vector<std::string> expected = items;
  for (const auto& n : list->second) expected.push_back(n.IsScalar() ? n.Scalar() : YAML::Dump(n));
  return checked(root, after, key, false, [&](const YAML::Node& n) {
    if (!n.IsSequence() || n.size() != expected.size()) return false;
    for (std::size_t i = 0; i < items.size(); ++i)
      if (!n[i].IsScalar() || n[i].Scalar() != items[i]) return false;
    for (std::size_t i = items.size(); i < expected.size(); ++i)
      if (YAML::Dump(n[i]) != YAML::Dump(list->second[i - items.size()])) return false;
    return true;
  });
}

std::string add_map_entry(std::string_view text, std::string_view key, std::string_view sub, std::string_view value) {
  const YAML::Node root = parse_root(text);
  auto map = find_top(root, key);
  if (!map || !map->second.IsMap() || map->second.size() == 0) refuse(fmt::format("`{}` is not a map with keys", key));
  if (map->second[std::string(sub)]) refuse(fmt::format("`{}` already has `{}`", key, sub));
  const Located at(text);
  const YAML::Node first_key = map->second.begin()->first;
  const std::size_t first_offset = at.offset(first_key.Mark());
  const std::string entry = yaml_scalar(sub) + ": " + quoted_scalar(value);
  std::string insert;
  if (is_flow_at(text, at.offset(map->second.Mark()), '{')) {
    insert = entry + ", ";
  } else {
    const std::string prefix(text.substr(at.line_starts[first_key.Mark().line], first_key.Mark().column));
    if (prefix.find_first_not_of(' ') != std::string::npos)
      refuse(fmt::format("the first key of `{}` does not start its line", key));
    insert = entry + at.eol + prefix;
  }
  std::string after(text);
  after.insert(first_offset, insert);
  return checked(root, after, key, false, [&](const YAML::Node& n) {
    if (!n.IsMap() || n.size() != map->second.size() + 1) return false;
    const YAML::Node added = n[std::string(sub)];
    if (!added || !added.IsScalar() || added.Scalar() != value) return false;
    for (auto it = map->second.begin(); it != map->second.end(); ++it)
      if (!n[it->first.Scalar()] || YAML::Dump(n[it->first.Scalar()]) != YAML::Dump(it->second)) return false;
    return true;
  });
}

}  // namespace kith

namespace kith {

std::string top_level_scalar(std::string_view text, std::string_view key) {
  YAML::Node root;
  if (parse_yaml(text.substr(text.starts_with("\xEF\xBB\xBF") ? 3 : 0), "", root) || !root.IsMap()) return {};
  for (auto it = root.begin(); it != root.end(); ++it)
    if (it->first.IsScalar() && it->first.Scalar() == key) return it->second.IsScalar() ? it->second.Scalar() : "";
  return {};
}

}  // namespace kith
