// SPDX-License-Identifier: MIT
#include "person_text.h"

#include <algorithm>

#include "yaml/yaml_util.h"

namespace kith::merge {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t'; }

// The line without its terminator.
std::string_view body(const std::string& line) {
  std::string_view b = line;
  while (!b.empty() && (b.back() == '\n' || b.back() == '\r')) b.remove_suffix(1);
  return b;
}

std::size_t indent_of(std::string_view b) {
  std::size_t i = 0;
  while (i < b.size() && is_space(b[i])) ++i;
  return i;
}

bool is_blank(std::string_view b) { return indent_of(b) == b.size(); }
bool is_comment(std::string_view b) { return indent_of(b) < b.size() && b[indent_of(b)] == '#'; }
bool is_content(std::string_view b) { return !is_blank(b) && !is_comment(b); }

// Moves `end` back over blank lines and comments at or left of `margin`:
// they lead to what follows, not to what precedes.
std::size_t trim_back(const std::vector<std::string>& lines, std::size_t first, std::size_t end, std::size_t margin) {
  while (end > first + 1) {
    std::string_view b = body(lines[end - 1]);
    if (!(is_blank(b) || (is_comment(b) && indent_of(b) <= margin))) break;
    --end;
  }
  return end;
}

// The end of the document: before a closing `...` marker.
std::size_t document_end(const std::vector<std::string>& lines) {
  for (std::size_t i = lines.size(); i > 0; --i) {
    std::string_view b = body(lines[i - 1]);
    if (!is_content(b)) continue;
    if (b.starts_with("...") && (b.size() == 3 || is_space(b[3]) || b[3] == '#')) return i - 1;
    break;
  }
  return lines.size();
}

// Spans of the entries of the block list `log`, or false when they cannot
// be placed with certainty.
bool place_entries(const std::vector<std::string>& lines, std::size_t log_end, std::vector<EntryText>& log) {
  std::size_t dash_col = std::string::npos;
  std::size_t previous_start = 0;
  bool first = true;
  for (EntryText& e : log) {
    const YAML::Mark m = e.node.Mark();
    if (m.is_null() || m.line < 0 || static_cast<std::size_t>(m.line) >= lines.size()) return false;
    // The dash is on the entry's first line, or alone on a line above it.
    std::size_t start = static_cast<std::size_t>(m.line);
    for (;;) {
      std::string_view b = body(lines[start]);
      std::size_t at = indent_of(b);
      if (at < b.size() && b[at] == '-' && (start < static_cast<std::size_t>(m.line) || at < static_cast<std::size_t>(m.column))) {
        if (dash_col == std::string::npos) dash_col = at;
        if (at != dash_col) return false;
        break;
      }
      if (start == 0 || (!first && start <= previous_start + 1)) return false;
      --start;
    }
    if (!first && start <= previous_start) return false;
    e.span.first = start;
    previous_start = start;
    first = false;
  }
  for (std::size_t i = 0; i < log.size(); ++i) {
    std::size_t end = i + 1 < log.size() ? log[i + 1].span.first : log_end;
    if (i + 1 == log.size()) {
      // The list ends at the first later line with content at or left of the dashes.
      for (std::size_t l = log[i].span.first + 1; l < log_end; ++l) {
        std::string_view b = body(lines[l]);
        if (is_content(b) && indent_of(b) <= dash_col) {
          end = l;
          break;
        }
      }
    }
    log[i].span.end = trim_back(lines, log[i].span.first, end, dash_col);
  }
  return true;
}

}  // namespace

std::vector<std::string> split_keep_eol(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    std::size_t nl = text.find('\n');
    std::size_t len = nl == std::string_view::npos ? text.size() : nl + 1;
    out.emplace_back(text.substr(0, len));
    text.remove_prefix(len);
  }
  return out;
}

std::string join(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l;
  return out;
}

const KeyText* PersonText::find(std::string_view key) const {
  for (const KeyText& k : keys)
    if (k.key == key) return &k;
  return nullptr;
}

std::string entry_identity(const YAML::Node& n) {
  if (!n.IsDefined() || n.IsNull()) return "~";
  if (n.IsScalar()) return "'" + n.Scalar() + "'";
  std::vector<std::string> parts;
  if (n.IsSequence()) {
    for (const auto& item : n) parts.push_back(entry_identity(item));
    std::string out = "[";
    for (const auto& p : parts) out += p + ",";
    return out + "]";
  }
  for (auto it = n.begin(); it != n.end(); ++it)
    parts.push_back(entry_identity(it->first) + ":" + entry_identity(it->second));
  std::sort(parts.begin(), parts.end());
  std::string out = "{";
  for (const auto& p : parts) out += p + ",";
  return out + "}";
}

std::optional<PersonText> read_person_text(std::string_view text) {
  PersonText t;
  t.lines = split_keep_eol(text);
  std::string_view yaml = text.starts_with("\xEF\xBB\xBF") ? text.substr(3) : text;
  if (parse_yaml(yaml, "", t.root)) return std::nullopt;
  if (t.root.IsNull()) {
    t.root = YAML::Node(YAML::NodeType::Map);
    t.log_spans = true;
    return t;
  }
  if (!t.root.IsMap()) return std::nullopt;
  try {
    const std::size_t margin = t.root.Mark().column < 0 ? 0 : static_cast<std::size_t>(t.root.Mark().column);
    for (auto it = t.root.begin(); it != t.root.end(); ++it) {
      if (!it->first.IsScalar()) return std::nullopt;
      for (const KeyText& k : t.keys)
        if (k.key == it->first.Scalar()) return std::nullopt;  // a key written twice: no one knows which wins
      KeyText k{it->first.Scalar(), it->second, {}};
      k.span.first = static_cast<std::size_t>(std::max(0, it->first.Mark().line));
      if (!t.keys.empty() && k.span.first <= t.keys.back().span.first) return std::nullopt;  // a flow root
      t.keys.push_back(std::move(k));
    }
    const std::size_t doc_end = document_end(t.lines);
    for (std::size_t i = 0; i < t.keys.size(); ++i) {
      std::size_t end = i + 1 < t.keys.size() ? t.keys[i + 1].span.first : doc_end;
      t.keys[i].span.end = trim_back(t.lines, t.keys[i].span.first, end, margin);
    }
    const KeyText* log = t.find("log");
    if (!log || log->value.IsNull()) {
      t.log_spans = true;
      return t;
    }
    if (log->value.IsSequence())
      for (const auto& e : log->value) t.log.push_back({e, entry_identity(e), {}});
    t.log_spans = log->value.IsSequence() && log->value.Style() != YAML::EmitterStyle::Flow &&
                  place_entries(t.lines, log->span.end, t.log);
  } catch (const YAML::Exception&) {
    return std::nullopt;
  }
  return t;
}

}  // namespace kith::merge
