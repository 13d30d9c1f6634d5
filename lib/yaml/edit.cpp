// SPDX-License-Identifier: MIT
#include "edit.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <optional>
#include <regex>
#include <utility>

#include <fmt/format.h>

#include "load.h"
#include "model/error.h"
#include "yaml_util.h"

namespace kith {
namespace {

constexpr std::size_t npos = std::string::npos;

[[noreturn]] void refuse(const std::string& why, const YAML::Mark& at = YAML::Mark::null_mark()) {
  if (at.is_null()) throw Error("cannot edit safely: " + why);
  throw Error("cannot edit safely: " + why, "", at.line + 1, at.column + 1);
}

[[noreturn]] void refuse(const Diagnostic& d) {
  throw Error(Diagnostic{d.path, d.line, d.col, "cannot edit safely: " + d.message});
}

YAML::Mark mark_at(std::size_t line, std::size_t column) {
  YAML::Mark m;
  m.line = static_cast<int>(line);
  m.column = static_cast<int>(column);
  return m;
}

struct Line {
  std::string body;  // without its terminator
  std::string eol;   // "\n", "\r\n", or "" for a last line without newline
};

// A file split into lines, each keeping its own terminator, so that joining
// them gives back the original bytes.
struct Lines {
  std::string bom;
  std::vector<Line> lines;
  std::string eol = "\n";        // the file's dominant terminator, for new lines
  bool added_final_eol = false;  // an insertion at the end had to end the last line

  std::string str() const {
    std::string out = bom;
    for (const auto& l : lines) out += l.body + l.eol;
    return out;
  }

  const std::string& body(std::size_t i) const { return lines.at(i).body; }

  // The line a parser mark points at; a mark outside the text is refused.
  std::string& at(const YAML::Mark& m) {
    if (m.is_null() || static_cast<std::size_t>(m.line) >= lines.size()) refuse("a position is outside the file", m);
    return lines[m.line].body;
  }

  // Inserts whole lines before line `at` (lines.size(): at the end).
  void insert(std::size_t at, const std::vector<std::string>& bodies) {
    if (at == lines.size() && !lines.empty() && lines.back().eol.empty()) {
      lines.back().eol = eol;
      added_final_eol = true;
    }
    std::vector<Line> added;
    for (const auto& b : bodies) added.push_back({b, eol});
    lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(at), added.begin(), added.end());
  }
};

Lines split_lines(std::string_view text) {
  Lines out;
  if (text.starts_with("\xEF\xBB\xBF")) {
    out.bom = text.substr(0, 3);
    text.remove_prefix(3);
  }
  std::size_t crlf = 0, lf = 0;
  while (!text.empty()) {
    Line line;
    std::size_t nl = text.find('\n');
    line.body = text.substr(0, nl);
    text.remove_prefix(nl == npos ? text.size() : nl + 1);
    if (nl != npos) {
      if (!line.body.empty() && line.body.back() == '\r') {
        line.body.pop_back();
        line.eol = "\r\n";
        ++crlf;
      } else {
        line.eol = "\n";
        ++lf;
      }
    }
    // yaml-cpp breaks lines on a lone CR but does not count them in its
    // marks, so positions could not be trusted.
    if (line.body.find('\r') != npos)
      refuse("a carriage return without a line feed",
             mark_at(out.lines.size(), line.body.find('\r')));
    out.lines.push_back(std::move(line));
  }
  if (crlf > lf) out.eol = "\r\n";
  return out;
}

bool is_space(char c) { return c == ' ' || c == '\t'; }

std::size_t indent_of(const std::string& body) {
  std::size_t i = 0;
  while (i < body.size() && is_space(body[i])) ++i;
  return i;
}

bool is_blank(const std::string& body) { return indent_of(body) == body.size(); }

bool is_comment(const std::string& body) {
  std::size_t i = indent_of(body);
  return i < body.size() && body[i] == '#';
}

// Where lines go "at the end of the file": before a closing `...` marker,
// which ends the document (text after it would start another one).
std::size_t document_end(const Lines& lines) {
  for (std::size_t i = lines.lines.size(); i > 0; --i) {
    const std::string& b = lines.body(i - 1);
    if (is_blank(b) || is_comment(b)) continue;
    if (b.rfind("...", 0) == 0 && (b.size() == 3 || b[3] == ' ' || b[3] == '\t' || b[3] == '#')) return i - 1;
    break;
  }
  return lines.lines.size();
}

// Neither blank nor a comment-only line.
bool is_content(const std::string& body) { return !is_blank(body) && !is_comment(body); }

std::string rtrim(std::string s) {
  while (!s.empty() && is_space(s.back())) s.pop_back();
  return s;
}

// Index just past the quoted scalar starting at `at` ('"' or '\''), or npos
// when it does not close on this line.
std::size_t end_of_quoted(const std::string& body, std::size_t at) {
  const char q = body[at];
  for (std::size_t i = at + 1; i < body.size(); ++i) {
    if (q == '"' && body[i] == '\\') {
      ++i;
    } else if (body[i] == q) {
      if (q == '\'' && i + 1 < body.size() && body[i + 1] == '\'') {
        ++i;
      } else {
        return i + 1;
      }
    }
  }
  return npos;
}

// Index of the `:` that ends the key starting at `at`, or npos.
std::size_t colon_after_key(const std::string& body, std::size_t at) {
  if (at >= body.size()) return npos;
  std::size_t i = at;
  if (body[i] == '"' || body[i] == '\'') {
    i = end_of_quoted(body, i);
    if (i == npos) return npos;
    while (i < body.size() && is_space(body[i])) ++i;
    return i < body.size() && body[i] == ':' ? i : npos;
  }
  for (; i < body.size(); ++i) {
    if (body[i] == ':' && (i + 1 == body.size() || is_space(body[i + 1]))) return i;
  }
  return npos;
}

// Length of a null token (`~`, `null`) starting at `at`, or 0.
std::size_t null_token_length(const std::string& body, std::size_t at) {
  for (std::string_view token : {"~", "null", "Null", "NULL"}) {
    std::size_t end = at + token.size();
    if (std::string_view(body).substr(at).starts_with(token) && (end == body.size() || is_space(body[end])))
      return token.size();
  }
  return 0;
}

// Reads the one document of `text` into `root` through the same guards as
// the loader (what yaml-cpp cannot read safely: huge, binary, deeply nested
// text); returns what is wrong, if anything.
std::optional<Diagnostic> read_map(std::string_view text, YAML::Node& root) {
  if (auto problem = parse_yaml(text, "", root)) return problem;
  if (root.IsNull()) return Diagnostic{"", 1, 1, "the file is empty"};
  if (!root.IsMap())
    return Diagnostic{"", root.Mark().line + 1, root.Mark().column + 1, "the file is not a mapping of keys"};
  return std::nullopt;
}

YAML::Node parse_map(std::string_view text) {
  YAML::Node root;
  if (auto problem = read_map(text, root)) refuse(*problem);
  return root;
}

struct Pair {
  YAML::Node key, value;
};

// The top-level `key`, if present; a key written twice is refused because
// readers disagree on which one wins.
std::optional<Pair> find_key(const YAML::Node& root, std::string_view key) {
  std::optional<Pair> found;
  for (auto it = root.begin(); it != root.end(); ++it) {
    if (!it->first.IsScalar() || it->first.Scalar() != key) continue;
    if (found) refuse(fmt::format("`{}` appears twice", key), it->first.Mark());
    found = Pair{it->first, it->second};
  }
  return found;
}

std::string dump(const YAML::Node& n) { return YAML::Dump(n); }

struct Check {
  YAML::Node value;     // the new value of the edited key
  std::string problem;  // empty when the rest of the file reads as before
};

// Reads `after` and compares it with `before` on every top-level key but
// `key`, whose new value is returned for the caller's own check.
Check check_others(const YAML::Node& before, std::string_view after, std::string_view key) {
  YAML::Node root;
  if (auto problem = read_map(after, root)) return {{}, "the result does not read back: " + problem->message};
  auto others = [key](const YAML::Node& map, std::vector<YAML::Node>& edited) {
    std::vector<std::pair<std::string, std::string>> out;
    for (auto it = map.begin(); it != map.end(); ++it) {
      if (it->first.IsScalar() && it->first.Scalar() == key) {
        edited.push_back(it->second);
      } else {
        out.emplace_back(dump(it->first), dump(it->second));
      }
    }
    return out;
  };
  std::vector<YAML::Node> unused, value;
  if (others(before, unused) != others(root, value)) return {{}, "the result changes other keys"};
  if (value.size() != 1) return {{}, fmt::format("the result does not have one `{}`", key)};
  return {value.front(), {}};
}

// Where `after` first differs from `before`: the line and column the edit
// changed, for a refusal to point at.
YAML::Mark first_difference(std::string_view before, std::string_view after) {
  std::size_t at = std::mismatch(before.begin(), before.end(), after.begin(), after.end()).first - before.begin();
  YAML::Mark m;
  for (std::size_t i = 0; i < at; ++i) {
    if (after[i] == '\n') {
      ++m.line;
      m.column = 0;
    } else if ((static_cast<unsigned char>(after[i]) & 0xC0) != 0x80) {
      ++m.column;
    }
  }
  return m;
}

// The candidates are the same edit placed at different lines, best first;
// the first whose result reads back as intended wins. `problem` tells what
// is wrong with a result, given the file as it read before the edit.
template <typename Problem>
std::string first_good(std::string_view original, const YAML::Node& before,
                       const std::vector<Lines>& candidates, Problem problem) {
  std::string first_problem;
  YAML::Mark first_at = YAML::Mark::null_mark();
  for (const auto& c : candidates) {
    // Ending the last line is the one change to existing bytes we allow; a
    // block scalar that ends the file gains a final newline with it.
    YAML::Node baseline = c.added_final_eol ? parse_map(std::string(original) + c.eol) : before;
    std::string out = c.str();
    std::string why = problem(baseline, out);
    if (why.empty()) return out;
    if (first_problem.empty()) {
      first_problem = why;
      first_at = first_difference(original, std::string_view(out).substr(c.bom.size()));
    }
  }
  refuse(first_problem + " (where kith would write)", first_at);
}

std::pair<char32_t, std::size_t> decode_utf8(std::string_view s, std::size_t i);
bool needs_escape(char32_t cp);

struct Field {
  std::string key;
  std::string yaml;   // as written on one line (in a flow map, or a short value)
  std::string value;  // as it must read back
  std::vector<std::string> block;  // a multi-line text: its lines, written as a `|-` block in a block map
};

// The lines of a multi-line note when a literal block scalar holds it as it
// is: printable text, no line starting with a blank (it would be taken as
// indentation), no trailing blank lines lost to chomping. Else empty: the
// note is written double-quoted with `\n` escapes.
std::vector<std::string> literal_lines(const std::string& text) {
  if (text.find('\n') == npos || text.back() == '\n' || text.front() == ' ' || text.front() == '\t') return {};
  std::vector<std::string> lines;
  for (std::size_t from = 0; from <= text.size();) {
    std::size_t nl = text.find('\n', from);
    if (nl == npos) nl = text.size();
    lines.push_back(text.substr(from, nl - from));
    from = nl + 1;
  }
  for (std::size_t i = 0; i < text.size();) {
    auto [cp, len] = decode_utf8(text, i);
    if (len == 0 || (cp != '\n' && cp != '\t' && needs_escape(cp))) return {};
    i += len;
  }
  if (!lines.front().empty() && is_space(lines.front().front())) return {};
  return lines;
}

std::vector<Field> entry_fields(const NewEntry& e) {
  std::string date = format_date(e.date);
  std::vector<Field> f{{"date", date, date, {}}, {"kind", yaml_scalar(e.kind), e.kind, {}}};
  if (!e.note.empty()) f.push_back({"note", yaml_scalar(e.note), e.note, literal_lines(e.note)});
  if (!e.with.empty()) f.push_back({"with", yaml_scalar(e.with), e.with, {}});
  return f;
}

// `first_prefix` goes before the first key (it holds the dash); the other
// keys start at `key_col`.
std::vector<std::string> block_entry(const std::vector<Field>& fields, const std::string& first_prefix,
                                     std::size_t key_col) {
  std::vector<std::string> out;
  for (const auto& f : fields) {
    std::string prefix = out.empty() ? first_prefix : std::string(key_col, ' ');
    if (f.block.empty()) {
      out.push_back(prefix + f.key + ": " + f.yaml);
      continue;
    }
    out.push_back(prefix + f.key + ": |-");
    for (const std::string& line : f.block) out.push_back(line.empty() ? "" : std::string(key_col + 2, ' ') + line);
  }
  return out;
}

std::string flow_entry(const std::vector<Field>& fields, bool padded) {
  std::string out = padded ? "{ " : "{";
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ", ";
    out += fields[i].key + ": " + fields[i].yaml;
  }
  return out + (padded ? " }" : "}");
}

// `{ date: ...}` rather than `{date: ...}` in the flow map at `col`.
bool padded_flow(const std::string& body, std::size_t col) {
  return col + 1 < body.size() && body[col] == '{' && body[col + 1] == ' ';
}

std::string problem_after_append(const YAML::Node& before, std::string_view after,
                                 const std::vector<Field>& fields) {
  Check check = check_others(before, after, "log");
  if (!check.problem.empty()) return check.problem;
  const YAML::Node& log = check.value;
  if (!log.IsSequence()) return "`log` does not read back as a list";
  const auto old = find_key(before, "log");
  const YAML::Node old_log = old ? old->value : YAML::Node();
  const std::size_t count = old_log.IsSequence() ? old_log.size() : 0;
  if (log.size() != count + 1) return "the result does not have exactly one more log entry";
  for (std::size_t i = 0; i < count; ++i) {
    if (dump(old_log[i]) != dump(log[i])) return "the result changes an existing log entry";
  }
  const YAML::Node added = log[count];
  if (!added.IsMap() || added.size() != fields.size())
    return "the new log entry does not read back as written";
  for (const auto& f : fields) {
    const YAML::Node v = added[f.key];
    if (!v.IsDefined() || !v.IsScalar() || v.Scalar() != f.value)
      return fmt::format("the new entry's `{}` does not read back as written", f.key);
  }
  return {};
}

// `log:` followed by nothing, `~` or `null`: the entries go below it.
Lines append_to_null_log(Lines lines, const Pair& log, const std::vector<Field>& fields) {
  const auto& km = log.key.Mark();
  std::string& body = lines.at(km);
  std::size_t colon = colon_after_key(body, km.column);
  if (colon == npos) refuse("cannot find the `:` after `log`", km);
  std::size_t at = colon + 1;
  while (at < body.size() && is_space(body[at])) ++at;
  if (at < body.size() && body[at] != '#') {
    std::size_t len = null_token_length(body, at);
    if (len == 0) refuse("`log` is empty in a way kith does not rewrite", log.value.Mark());
    std::string rest = body.substr(at + len);
    body = body.substr(0, colon + 1) + (is_blank(rest) ? "" : rest);
  }
  std::size_t col = km.column + 2;
  lines.insert(km.line + 1, block_entry(fields, std::string(col, ' ') + "- ", col + 2));
  return lines;
}

// The column of what follows the anchor and tag (`&a !!seq`) at `at` on its
// line (yaml-cpp marks a node at its properties), or npos.
std::size_t skip_properties(const Lines& lines, const YAML::Mark& at) {
  if (at.is_null() || static_cast<std::size_t>(at.line) >= lines.lines.size()) return npos;
  const std::string& b = lines.body(at.line);
  std::size_t i = at.column;
  while (i < b.size() && (b[i] == '&' || b[i] == '!')) {
    while (i < b.size() && !is_space(b[i])) ++i;
    while (i < b.size() && is_space(b[i])) ++i;
  }
  return i < b.size() ? i : npos;
}

// The column of the dashes of a block list: at its mark, or on the first
// line with content after it when the mark is on an anchor or tag.
std::size_t dash_column(const Lines& lines, const YAML::Node& seq) {
  const YAML::Mark& m = seq.Mark();
  if (static_cast<std::size_t>(m.line) < lines.lines.size()) {
    const std::string& b = lines.body(m.line);
    if (static_cast<std::size_t>(m.column) < b.size() && b[m.column] == '-') return m.column;
    for (std::size_t i = m.line + 1; i < lines.lines.size(); ++i) {
      if (!is_content(lines.body(i))) continue;
      std::size_t dash = indent_of(lines.body(i));
      if (lines.body(i)[dash] == '-') return dash;
      break;
    }
  }
  refuse("cannot find the dashes of the `log` list", m);
}

struct FlowScan {
  std::size_t close_line = 0, close_col = 0;  // the closing `]`
  std::size_t last_line = 0, last_col = 0;    // just past the last character before it
  char last_char = 0;                         // that character (`[` when empty)
};

// Finds the `]` closing the flow sequence opened at (line, col), skipping
// quoted scalars, nested collections and comments.
std::optional<FlowScan> scan_flow(const Lines& lines, std::size_t line, std::size_t col) {
  FlowScan s;
  int depth = 0;
  char quote = 0;
  for (std::size_t l = line; l < lines.lines.size(); ++l) {
    const std::string& b = lines.body(l);
    for (std::size_t c = l == line ? col : 0; c < b.size(); ++c) {
      char ch = b[c];
      if (quote != 0) {
        if (quote == '"' && ch == '\\') {
          ++c;
          continue;
        }
        if (ch == quote) {
          if (quote == '\'' && c + 1 < b.size() && b[c + 1] == '\'') {
            ++c;
            continue;
          }
          quote = 0;
          s.last_line = l, s.last_col = c + 1, s.last_char = ch;
        }
        continue;
      }
      if (is_space(ch)) continue;
      if (ch == '#' && (c == 0 || is_space(b[c - 1]))) break;
      if ((ch == '"' || ch == '\'') && std::strchr("[{,:?", s.last_char) != nullptr) {
        quote = ch;
      } else if (ch == '[' || ch == '{') {
        ++depth;
      } else if ((ch == ']' || ch == '}') && --depth == 0) {
        s.close_line = l, s.close_col = c;
        return s;
      }
      s.last_line = l, s.last_col = c + 1, s.last_char = ch;
    }
  }
  return std::nullopt;
}

Lines append_to_flow_log(Lines lines, const Pair& log, const std::vector<Field>& fields) {
  const YAML::Node& seq = log.value;
  const std::size_t open_line = seq.Mark().line;
  const std::size_t open = skip_properties(lines, seq.Mark());
  if (open == npos || lines.body(open_line)[open] != '[') refuse("cannot find the `[` that opens `log`", seq.Mark());
  auto scan = scan_flow(lines, open_line, open);
  if (!scan) refuse("cannot find the `]` that closes `log`", seq.Mark());

  if (seq.size() == 0 && scan->close_line == open_line &&
      open_line == static_cast<std::size_t>(log.key.Mark().line)) {
    // `log: []  # comment` becomes `log:  # comment` and a block list.
    std::string& body = lines.lines[open_line].body;
    std::string rest = body.substr(scan->close_col + 1);
    body = rtrim(body.substr(0, open)) + (is_blank(rest) ? "" : rest);
    std::size_t col = log.key.Mark().column + 2;
    lines.insert(open_line + 1, block_entry(fields, std::string(col, ' ') + "- ", col + 2));
    return lines;
  }

  const bool trailing_comma = scan->last_char == ',';
  bool padded = false;
  bool own_line = false;  // entries each on their line, `]` on its own
  if (seq.size() > 0) {
    const auto& im = seq[seq.size() - 1].Mark();
    const std::string item_line = lines.at(im);
    padded = padded_flow(item_line, im.column);
    own_line = scan->close_line > scan->last_line &&
               indent_of(lines.body(scan->close_line)) == scan->close_col &&
               indent_of(item_line) == static_cast<std::size_t>(im.column);
    if (own_line) {
      if (!trailing_comma) lines.lines[scan->last_line].body.insert(scan->last_col, ",");
      std::string added = item_line.substr(0, im.column) + flow_entry(fields, padded);
      lines.insert(scan->last_line + 1, {added + (trailing_comma ? "," : "")});
      return lines;
    }
  }
  std::string entry = flow_entry(fields, padded);
  std::string text = scan->last_char == '[' ? entry : trailing_comma ? " " + entry + "," : ", " + entry;
  lines.lines[scan->last_line].body.insert(scan->last_col, text);
  return lines;
}

// Candidates for a block list: right after the last entry's last line; then,
// for a `|+` note whose trailing blank lines belong to it, after those.
std::vector<Lines> append_to_block_log(const Lines& lines, const Pair& log, const std::vector<Field>& fields) {
  const YAML::Node& seq = log.value;
  const std::size_t dash = dash_column(lines, seq);
  const YAML::Node last = seq[seq.size() - 1];
  if (!last.IsMap()) refuse("the last log entry is not a mapping", last.Mark());
  const std::size_t start = last.Mark().line, key_col = last.Mark().column;
  if (start >= lines.lines.size()) refuse("cannot place the last log entry", last.Mark());
  const std::string& first = lines.body(start);

  // Mimic `-   date:` when the last entry starts on its dash line; else a
  // dash, and keys at the last entry's key column.
  std::string prefix = first.substr(0, std::min(key_col, first.size()));
  bool same_line = prefix.size() == key_col && key_col > dash + 1 && indent_of(prefix) == dash &&
                   prefix[dash] == '-' && is_blank(prefix.substr(dash + 1));
  std::size_t col = key_col;
  if (!same_line) {
    std::size_t gap = key_col > dash + 1 ? key_col - dash - 1 : 1;
    prefix = std::string(dash, ' ') + "-" + std::string(gap, ' ');
    col = dash + 1 + gap;
  }
  std::vector<std::string> added =
      last.Style() == YAML::EmitterStyle::Flow
          ? std::vector<std::string>{prefix + flow_entry(fields, padded_flow(first, key_col))}
          : block_entry(fields, prefix, col);

  // The list ends at the first later line with content at or left of the
  // dashes; comments indented deeper than the dashes belong to the entry.
  std::size_t end = lines.lines.size();
  for (std::size_t i = start + 1; i < lines.lines.size(); ++i) {
    if (is_content(lines.body(i)) && indent_of(lines.body(i)) <= dash) {
      end = i;
      break;
    }
  }
  std::size_t last_line = start;
  for (std::size_t i = start + 1; i < end; ++i) {
    const std::string& b = lines.body(i);
    if (is_content(b) || (is_comment(b) && indent_of(b) > dash)) last_line = i;
  }
  std::size_t after_blanks = last_line + 1;
  while (after_blanks < end && is_blank(lines.body(after_blanks))) ++after_blanks;

  std::vector<Lines> candidates(1, lines);
  candidates[0].insert(last_line + 1, added);
  if (after_blanks > last_line + 1) {
    candidates.push_back(lines);
    candidates[1].insert(after_blanks, added);
  }
  return candidates;
}

void require_block_root(const YAML::Node& root) {
  if (root.Style() == YAML::EmitterStyle::Flow) refuse("the file is a single `{...}` mapping", root.Mark());
}

// The column of the top-level keys. Not the root's own mark: after
// `--- &a` or `--- !!map` that is the anchor or tag on the `---` line.
std::size_t key_column(const YAML::Node& root) {
  if (root.begin() != root.end()) return root.begin()->first.Mark().column;
  return root.Mark().column;
}

// The text yaml-cpp reads: without the byte order mark, so that the marks
// of the first line count from the first key.
std::string_view yaml_text(std::string_view text, const Lines& lines) { return text.substr(lines.bom.size()); }

// The code point at `s[i]` and its length in bytes, or length 0 when the
// bytes there are not valid UTF-8.
std::pair<char32_t, std::size_t> decode_utf8(std::string_view s, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char b0 = byte(i);
  if (b0 < 0x80) return {b0, 1};
  std::size_t len = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 0;
  if (len == 0 || b0 > 0xF4 || i + len > s.size()) return {0, 0};
  char32_t cp = b0 & (0x7F >> len);
  for (std::size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return {0, 0};
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  static constexpr char32_t min_for_len[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < min_for_len[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {0, 0};
  return {cp, len};
}

// Code points a YAML file must not carry raw, or that editors hide.
bool needs_escape(char32_t cp) {
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0xFEFF || cp == 0x2028 ||
         cp == 0x2029;
}

// Would a YAML reader (not only yaml-cpp) read this plain text as something
// other than a string: null, a boolean, a number, a date?
bool looks_typed(std::string_view s) {
  static const std::regex reserved(R"(~|null|true|false|yes|no|on|off|y|n|=|<<|[-+]?\.(inf|nan))",
                                   std::regex::icase);
  // Integers in base 2, 8, 16 or 10 (with YAML 1.1 underscores and 1:30
  // sexagesimals), and decimal floats.
  static const std::regex number(R"([-+]?(0b[01_]+|0o?[0-7_]+|0x[0-9a-f_]+|[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?|)"
                                 R"((\.[0-9_]+|[0-9][0-9_]*(\.[0-9_]*)?)(e[-+]?[0-9]+)?))",
                                 std::regex::icase);
  static const std::regex timestamp(R"([0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt \t].*)?)");
  static const std::regex date_head(R"([0-9]{4}-[0-9]{1,2}-[0-9]{1,2})");
  // std::regex recurses once per character: a 100 KB note overflowed the
  // stack. Long text is judged without it, erring on the side of quoting:
  // the reserved words are short, a number uses only these characters, and
  // a timestamp's free tail follows its date and a separator.
  if (s.size() > 64) {
    if (s.find_first_not_of("0123456789abcdefABCDEFoOxX_.:+-") == npos) return true;
    std::size_t sep = s.find_first_of("Tt \t");
    return sep != npos && std::regex_match(std::string(s.substr(0, sep)), date_head);
  }
  std::string str(s);
  return std::regex_match(str, reserved) || std::regex_match(str, number) || std::regex_match(str, timestamp);
}

bool plain_is_safe(std::string_view s) {
  if (s.empty() || is_space(s.front()) || is_space(s.back())) return false;
  if (std::strchr("-?:,[]{}#&*!|>'\"%@`", s.front()) != nullptr) return false;
  if (s.starts_with("...")) return false;
  if (s.back() == ':' || s.find(": ") != npos || s.find(" #") != npos) return false;
  // Flow indicators would end the scalar inside `[a, b]` or `{k: v}`, and
  // yaml-cpp 0.7 cannot read a `?` inside a plain scalar there.
  if (s.find_first_of(",[]{}?") != npos) return false;
  for (std::size_t i = 0; i < s.size();) {
    auto [cp, len] = decode_utf8(s, i);
    if (needs_escape(cp)) return false;
    i += len;
  }
  return !looks_typed(s);
}

std::string double_quoted(std::string_view s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size();) {
    auto [cp, len] = decode_utf8(s, i);
    switch (cp) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (needs_escape(cp)) {
          out += fmt::format("\\u{:04X}", static_cast<unsigned>(cp));
        } else {
          out += s.substr(i, len);
        }
    }
    i += len;
  }
  return out + "\"";
}

// `value` in the quotes the old value used, when it fits in them unescaped.
std::string in_quotes_like(std::string_view value, char quote) {
  bool plain_chars = value.find_first_of("\"'\\") == npos;
  for (char c : value) plain_chars = plain_chars && static_cast<unsigned char>(c) >= 0x20;
  if (!plain_chars) return std::string(value);
  return quote + std::string(value) + quote;
}

// Rewrites the existing value of `pair` on its line.
Lines replace_value(Lines lines, const Pair& pair, std::string_view value) {
  const YAML::Node& v = pair.value;
  if (v.IsNull()) {
    const auto& km = pair.key.Mark();
    std::string& body = lines.at(km);
    std::size_t colon = colon_after_key(body, km.column);
    if (colon == npos) refuse(fmt::format("cannot find the `:` after `{}`", pair.key.Scalar()), km);
    std::size_t at = colon + 1;
    while (at < body.size() && is_space(body[at])) ++at;
    if (at == body.size()) {
      body = body.substr(0, colon + 1) + " " + std::string(value);
    } else if (body[at] == '#') {
      body = body.substr(0, colon + 1) + " " + std::string(value) + body.substr(colon + 1);
    } else if (std::size_t len = null_token_length(body, at); len > 0) {
      body.replace(at, len, value);
    } else {
      refuse(fmt::format("`{}` is empty in a way kith does not rewrite", pair.key.Scalar()), v.Mark());
    }
    return lines;
  }
  if (!v.IsScalar()) refuse(fmt::format("`{}` is not a single value", pair.key.Scalar()), v.Mark());
  const auto& vm = v.Mark();
  std::string& body = lines.at(vm);
  std::size_t at = vm.column;
  if (at >= body.size()) refuse(fmt::format("cannot find the value of `{}`", pair.key.Scalar()), vm);
  const char first = body[at];
  if (std::strchr("|>&!*", first) != nullptr)
    refuse(fmt::format("`{}` is written as a block, tag or alias", pair.key.Scalar()), vm);
  if (first == '"' || first == '\'') {
    std::size_t end = end_of_quoted(body, at);
    if (end == npos) refuse(fmt::format("`{}` is a quoted value over several lines", pair.key.Scalar()), vm);
    body.replace(at, end - at, in_quotes_like(value, first));
    return lines;
  }
  std::size_t end = at;
  while (end < body.size() && !(body[end] == '#' && is_space(body[end - 1]))) ++end;
  while (end > at && is_space(body[end - 1])) --end;
  body.replace(at, end - at, value);
  return lines;
}

// Candidates for a new top-level `key: value` line: before `log:` (and the
// comments and blank lines that lead to it), or at the end of the document.
std::vector<Lines> with_new_key(const Lines& lines, const YAML::Node& root, std::string_view key,
                                std::string_view value) {
  const std::size_t col = key_column(root);
  const std::string added = std::string(col, ' ') + yaml_scalar(key) + ": " + std::string(value);
  std::vector<std::size_t> places;
  if (auto log = find_key(root, "log")) {
    const std::size_t log_line = log->key.Mark().line;
    std::size_t at = log_line;
    while (at > 0 && (is_blank(lines.body(at - 1)) ||
                      (is_comment(lines.body(at - 1)) && indent_of(lines.body(at - 1)) <= col)))
      --at;
    // Only when a key is above; else right before `log:`, under the header.
    places = at > 0 && at < log_line ? std::vector<std::size_t>{at, log_line} : std::vector<std::size_t>{log_line};
  } else {
    places = {document_end(lines)};
  }
  std::vector<Lines> candidates;
  for (std::size_t at : places) {
    Lines c = lines;
    c.insert(at, {added});
    candidates.push_back(std::move(c));
  }
  return candidates;
}

}  // namespace

std::string append_log_entry(std::string_view text, const NewEntry& entry) {
  Lines lines = split_lines(text);
  const std::string_view yaml = yaml_text(text, lines);
  const YAML::Node root = parse_map(yaml);
  require_block_root(root);
  const std::vector<Field> fields = entry_fields(entry);

  std::vector<Lines> candidates;
  auto log = find_key(root, "log");
  if (!log) {
    const std::size_t col = key_column(root);
    std::vector<std::string> added{std::string(col, ' ') + "log:"};
    for (auto& l : block_entry(fields, std::string(col + 2, ' ') + "- ", col + 4)) added.push_back(l);
    lines.insert(document_end(lines), added);
    candidates.push_back(std::move(lines));
  } else if (log->value.IsNull()) {
    candidates.push_back(append_to_null_log(lines, *log, fields));
  } else if (!log->value.IsSequence()) {
    refuse("`log` is not a list of entries", log->value.Mark());
  } else if (log->value.Style() == YAML::EmitterStyle::Flow) {
    candidates.push_back(append_to_flow_log(lines, *log, fields));
  } else {
    candidates = append_to_block_log(lines, *log, fields);
  }
  return first_good(yaml, root, candidates,
                    [&](const YAML::Node& before, const std::string& after) {
                      return problem_after_append(before, after, fields);
                    });
}

namespace {
std::string set_value(std::string_view text, std::string_view key, std::string_view written, std::string_view value);
std::pair<std::size_t, std::size_t> key_lines(const Lines& lines, const Pair& pair);
}  // namespace

std::string set_scalar(std::string_view text, std::string_view key, std::string_view value) {
  return set_value(text, key, value, value);
}

std::string set_string(std::string_view text, std::string_view key, std::string_view value) {
  return set_value(text, key, yaml_scalar(value), value);
}

namespace {

// Sets `key` to the YAML text `written`, which must read back as `value`.
std::string set_value(std::string_view text, std::string_view key, std::string_view written, std::string_view value) {
  const Lines lines = split_lines(text);
  const std::string_view yaml = yaml_text(text, lines);
  const YAML::Node root = parse_map(yaml);
  require_block_root(root);

  std::vector<Lines> candidates;
  if (auto pair = find_key(root, key)) {
    if (pair->value.IsScalar() || pair->value.IsNull()) {
      try {
        candidates.push_back(replace_value(lines, *pair, written));
      } catch (const Error&) {
        // A block (`notes: |`) or a quoted value over several lines: its
        // lines give way to one `key: value` line at the key's place. An
        // anchor, tag or alias stays refused.
        const auto& vm = pair->value.Mark();
        const std::string& vb = lines.body(vm.line);
        if (pair->value.IsNull() || static_cast<std::size_t>(vm.column) >= vb.size() ||
            std::strchr("|>\"'", vb[vm.column]) == nullptr)
          throw;
        auto [first, end] = key_lines(lines, *pair);
        Lines c = lines;
        const std::string& key_line = c.body(first);
        const std::size_t colon = colon_after_key(key_line, pair->key.Mark().column);
        if (colon == npos) throw;
        std::string line = key_line.substr(0, colon + 1) + " " + std::string(written);
        c.lines.erase(c.lines.begin() + static_cast<std::ptrdiff_t>(first + 1),
                      c.lines.begin() + static_cast<std::ptrdiff_t>(end));
        c.lines[first].body = line;
        candidates.push_back(std::move(c));
      }
    } else {
      candidates.push_back(replace_value(lines, *pair, written));  // refuses a list or a map, saying so
    }
  } else {
    candidates = with_new_key(lines, root, key, written);
  }
  return first_good(yaml, root, candidates,
                    [&](const YAML::Node& before, const std::string& after) -> std::string {
                      Check check = check_others(before, after, key);
                      if (!check.problem.empty()) return check.problem;
                      if (!check.value.IsScalar() || check.value.Scalar() != value)
                        return fmt::format("`{}` does not read back as `{}`", key, value);
                      return {};
                    });
}

}  // namespace

std::string new_person_text(const NewPerson& p) {
  if (p.name.find_first_not_of(" \t\r\n") == std::string::npos) throw UsageError("a person needs a name");
  struct Key {
    std::string name;
    std::vector<std::string> values;
    bool is_list;
  };
  std::vector<Key> keys{{"name", {p.name}, false}};
  auto scalar = [&](const char* key, const std::string& value) {
    if (!value.empty()) keys.push_back({key, {value}, false});
  };
  auto list = [&](const char* key, const std::vector<std::string>& values) {
    if (!values.empty()) keys.push_back({key, values, true});
  };
  list("aka", p.aka);
  scalar("circle", p.circle);
  scalar("every", p.every);
  list("tags", p.tags);
  list("offers", p.offers);
  list("needs", p.needs);
  scalar("email", p.email);
  scalar("phone", p.phone);
  scalar("company", p.company);
  scalar("role", p.role);
  scalar("location", p.location);
  scalar("birthday", p.birthday);

  std::string out;
  // A date is written plain (`birthday: 1990-05-12`, as people write it):
  // kith reads these keys as text, whatever YAML 1.1 would make of them.
  auto written_as = [](const Key& k, const std::string& v) {
    return k.name == "birthday" && !v.starts_with("-") ? v : yaml_scalar(v);
  };
  for (const auto& k : keys) {
    std::string written;
    for (const auto& v : k.values) written += (written.empty() ? "" : ", ") + written_as(k, v);
    out += k.name + ": " + (k.is_list ? "[" + written + "]" : written) + "\n";
  }
  if (!p.links.empty()) {
    out += "links:\n";
    for (const auto& [name, url] : p.links) out += "  " + yaml_scalar(name) + ": " + yaml_scalar(url) + "\n";
  }
  if (!p.notes.empty()) {
    std::vector<std::string> block = literal_lines(p.notes);
    if (block.empty()) {
      out += "notes: " + yaml_scalar(p.notes) + "\n";
    } else {
      out += "notes: |-\n";
      for (const std::string& line : block) out += line.empty() ? "\n" : "  " + line + "\n";
    }
  }
  if (!p.added.empty()) out += "added: " + p.added + "\n";

  const YAML::Node root = parse_map(out);
  for (const auto& k : keys) {
    const YAML::Node n = root[k.name];
    bool same = k.is_list ? n.IsSequence() && n.size() == k.values.size() : n.IsScalar();
    for (std::size_t i = 0; same && i < k.values.size(); ++i) {
      const YAML::Node item = k.is_list ? n[i] : n;
      same = item.IsScalar() && item.Scalar() == k.values[i];
    }
    if (!same) refuse(fmt::format("`{}` does not read back as given", k.name));
  }
  for (const auto& [name, url] : p.links)
    if (!root["links"][name].IsScalar() || root["links"][name].Scalar() != url)
      refuse(fmt::format("the link `{}` does not read back as given", name));
  if (!p.notes.empty() && (!root["notes"].IsScalar() || root["notes"].Scalar() != p.notes))
    refuse("`notes` does not read back as given");
  return out;
}

std::string yaml_scalar(std::string_view value) {
  for (std::size_t i = 0; i < value.size();) {
    auto [cp, len] = decode_utf8(value, i);
    if (len == 0) throw UsageError("text is not valid UTF-8");
    i += len;
  }
  return plain_is_safe(value) ? std::string(value) : double_quoted(value);
}


// ---- Whole keys and list items (set, unset, tag, mv) ----

namespace {

// The lines a top-level key's value spans: from its key line to the next
// line at the key's indentation or less, without the blank lines and the
// comments at the key's indentation that lead to what follows.
std::pair<std::size_t, std::size_t> key_lines(const Lines& lines, const Pair& pair) {
  const std::size_t first = pair.key.Mark().line;
  const std::size_t col = pair.key.Mark().column;
  std::size_t end = first + 1;
  const std::size_t doc_end = document_end(lines);
  while (end < doc_end) {
    const std::string& b = lines.body(end);
    if (is_content(b) && indent_of(b) <= col && !(indent_of(b) == col && b[col] == '-')) break;
    ++end;
  }
  while (end > first + 1 && (is_blank(lines.body(end - 1)) ||
                             (is_comment(lines.body(end - 1)) && indent_of(lines.body(end - 1)) <= col)))
    --end;
  return {first, end};
}

// Reads `after`: every top-level key but `key` must read as in `before`;
// returns `key`'s value (null when absent) or the problem.
std::string others_unchanged(const YAML::Node& before, std::string_view after, std::string_view key,
                             YAML::Node& value, bool& present) {
  YAML::Node root;
  if (auto problem = read_map(after, root)) return "the result does not read back: " + problem->message;
  present = false;
  auto others = [&](const YAML::Node& map, YAML::Node* found) {
    std::vector<std::pair<std::string, std::string>> out;
    for (auto it = map.begin(); it != map.end(); ++it) {
      if (it->first.IsScalar() && it->first.Scalar() == key) {
        if (found) {
          *found = it->second;
          present = true;
        }
      } else {
        out.emplace_back(dump(it->first), dump(it->second));
      }
    }
    return out;
  };
  if (others(before, nullptr) != others(root, &value)) return "the result changes other keys";
  return {};
}

std::vector<std::string> scalars_of(const YAML::Node& seq) {
  std::vector<std::string> out;
  for (const YAML::Node& n : seq) out.push_back(n.IsScalar() ? n.Scalar() : dump(n));
  return out;
}

// Checks that `key` now reads as the list `expected` and nothing else changed.
auto reads_as_list(std::string_view key, const std::vector<std::string>& expected) {
  return [key, expected](const YAML::Node& before, const std::string& after) -> std::string {
    YAML::Node value;
    bool present = false;
    if (std::string why = others_unchanged(before, after, key, value, present); !why.empty()) return why;
    const bool same = expected.empty() ? (!present || value.IsNull() || (value.IsSequence() && value.size() == 0))
                                       : present && value.IsSequence() && scalars_of(value) == expected;
    return same ? "" : fmt::format("`{}` does not read back as the list intended", key);
  };
}

// The column where the flow list of `pair` opens, after any anchor or tag.
std::size_t flow_open(const Lines& lines, const Pair& pair) {
  const std::size_t open = skip_properties(lines, pair.value.Mark());
  if (open == npos || lines.body(pair.value.Mark().line)[open] != '[')
    refuse(fmt::format("cannot find the `[` that opens `{}`", pair.key.Scalar()), pair.value.Mark());
  return open;
}

Lines add_to_flow(Lines lines, const Pair& pair, const std::string& item) {
  const std::size_t open_line = pair.value.Mark().line;
  auto scan = scan_flow(lines, open_line, flow_open(lines, pair));
  if (!scan) refuse(fmt::format("cannot find the `]` that closes `{}`", pair.key.Scalar()), pair.value.Mark());
  const YAML::Node& seq = pair.value;
  const bool trailing_comma = scan->last_char == ',';
  if (seq.size() > 0) {
    const auto& im = seq[seq.size() - 1].Mark();
    const std::string item_line = lines.at(im);
    const bool own_line = scan->close_line > scan->last_line &&
                          indent_of(lines.body(scan->close_line)) == scan->close_col &&
                          indent_of(item_line) == static_cast<std::size_t>(im.column);
    if (own_line) {  // one item a line, `]` on its own: a new line like the last
      if (!trailing_comma) lines.lines[scan->last_line].body.insert(scan->last_col, ",");
      lines.insert(scan->last_line + 1, {item_line.substr(0, im.column) + item + (trailing_comma ? "," : "")});
      return lines;
    }
  }
  const std::string text = scan->last_char == '[' ? item : trailing_comma ? " " + item + "," : ", " + item;
  lines.lines[scan->last_line].body.insert(scan->last_col, text);
  return lines;
}

Lines add_to_block(Lines lines, const Pair& pair, const std::string& item) {
  const std::size_t dash = dash_column(lines, pair.value);
  const std::size_t last = pair.value[pair.value.size() - 1].Mark().line;
  std::size_t end = last + 1;
  const std::size_t doc_end = document_end(lines);
  while (end < doc_end) {
    const std::string& b = lines.body(end);
    if (!is_blank(b) && indent_of(b) <= dash) break;
    ++end;
  }
  while (end > last + 1 && is_blank(lines.body(end - 1))) --end;
  lines.insert(end, {std::string(dash, ' ') + "- " + item});
  return lines;
}

// End (exclusive) of the scalar item starting at `at` in a flow list.
std::size_t flow_item_end(const std::string& body, std::size_t at) {
  if (body[at] == '"' || body[at] == '\'') return end_of_quoted(body, at);
  std::size_t end = at;
  while (end < body.size() && body[end] != ',' && body[end] != ']' && body[end] != '}' &&
         !(body[end] == '#' && is_space(body[end - 1])))
    ++end;
  while (end > at && is_space(body[end - 1])) --end;
  return end;
}

// Erases the flow item [at, end) of `body` with one comma next to it.
void erase_flow_item(std::string& body, std::size_t at, std::size_t end) {
  std::size_t after = end;
  while (after < body.size() && is_space(body[after])) ++after;
  if (after < body.size() && body[after] == ',') {  // `a, b` -> `b`
    ++after;
    while (after < body.size() && is_space(body[after])) ++after;
    body.erase(at, after - at);
    return;
  }
  std::size_t before = at;
  while (before > 0 && is_space(body[before - 1])) --before;
  if (before > 0 && body[before - 1] == ',') {  // the last item: `a, b` -> `a`
    body.erase(before - 1, end - (before - 1));
    return;
  }
  body.erase(at, end - at);  // the only item
}

Lines remove_from_flow(Lines lines, const Pair& pair, std::size_t index) {
  const YAML::Node item = pair.value[index];
  std::string& body = lines.at(item.Mark());
  const std::size_t at = item.Mark().column;
  const std::size_t end = flow_item_end(body, at);
  if (end == npos) refuse(fmt::format("an item of `{}` spans several lines", pair.key.Scalar()), item.Mark());
  erase_flow_item(body, at, end);
  return lines;
}

Lines remove_from_block(Lines lines, const Pair& pair, std::size_t index) {
  const std::size_t dash = dash_column(lines, pair.value);
  const std::size_t first = pair.value[index].Mark().line;
  if (indent_of(lines.body(first)) != dash || lines.body(first)[dash] != '-')
    refuse(fmt::format("an item of `{}` does not start on its dash's line", pair.key.Scalar()),
           pair.value[index].Mark());
  std::size_t end = first + 1;
  while (end < lines.lines.size() && !is_blank(lines.body(end)) && indent_of(lines.body(end)) > dash) ++end;
  lines.lines.erase(lines.lines.begin() + static_cast<std::ptrdiff_t>(first),
                    lines.lines.begin() + static_cast<std::ptrdiff_t>(end));
  if (pair.value.size() == 1) {  // no item left: `key: []`, not an empty value
    std::string& key_line = lines.at(pair.key.Mark());
    std::size_t colon = colon_after_key(key_line, pair.key.Mark().column);
    if (colon == npos) refuse(fmt::format("cannot find the `:` after `{}`", pair.key.Scalar()), pair.key.Mark());
    key_line = key_line.substr(0, colon + 1) + " []" + key_line.substr(colon + 1);
  }
  return lines;
}

struct Parsed {
  Lines lines;
  std::string_view yaml;
  YAML::Node root;
};

Parsed parse_for_edit(std::string_view text) {
  Parsed p{split_lines(text), {}, {}};
  p.yaml = yaml_text(text, p.lines);
  p.root = parse_map(p.yaml);
  require_block_root(p.root);
  return p;
}

}  // namespace

std::string remove_key(std::string_view text, std::string_view key) {
  Parsed p = parse_for_edit(text);
  auto pair = find_key(p.root, key);
  if (!pair) return std::string(text);
  auto [first, end] = key_lines(p.lines, *pair);
  Lines c = p.lines;
  c.lines.erase(c.lines.begin() + static_cast<std::ptrdiff_t>(first), c.lines.begin() + static_cast<std::ptrdiff_t>(end));
  return first_good(p.yaml, p.root, {c}, [&](const YAML::Node& before, const std::string& after) -> std::string {
    YAML::Node value;
    bool present = false;
    if (std::string why = others_unchanged(before, after, key, value, present); !why.empty()) return why;
    return present ? fmt::format("`{}` is still there", key) : "";
  });
}

std::string add_list_item(std::string_view text, std::string_view key, std::string_view item) {
  Parsed p = parse_for_edit(text);
  const std::string written = yaml_scalar(item);
  auto pair = find_key(p.root, key);
  std::vector<std::string> expected;
  std::vector<Lines> candidates;
  if (!pair) {
    candidates = with_new_key(p.lines, p.root, key, "[" + written + "]");
  } else if (pair->value.IsNull()) {
    candidates.push_back(replace_value(p.lines, *pair, "[" + written + "]"));
  } else if (pair->value.IsScalar()) {  // `aka: Ada` becomes `aka: [Ada, Ada L.]`
    expected.push_back(pair->value.Scalar());
    candidates.push_back(replace_value(p.lines, *pair, "[" + yaml_scalar(pair->value.Scalar()) + ", " + written + "]"));
  } else if (pair->value.IsSequence()) {
    expected = scalars_of(pair->value);
    const bool flow = pair->value.Style() == YAML::EmitterStyle::Flow || pair->value.size() == 0;
    candidates.push_back(flow ? add_to_flow(p.lines, *pair, written) : add_to_block(p.lines, *pair, written));
  } else {
    refuse(fmt::format("`{}` is not a list", key), pair->value.Mark());
  }
  expected.emplace_back(item);
  return first_good(p.yaml, p.root, candidates, reads_as_list(key, expected));
}

std::string remove_list_item(std::string_view text, std::string_view key, std::size_t index) {
  Parsed p = parse_for_edit(text);
  auto pair = find_key(p.root, key);
  if (!pair || !pair->value.IsSequence() || index >= pair->value.size())
    refuse(fmt::format("`{}` has no item {}", key, index + 1));
  std::vector<std::string> expected = scalars_of(pair->value);
  expected.erase(expected.begin() + static_cast<std::ptrdiff_t>(index));
  const bool flow = pair->value.Style() == YAML::EmitterStyle::Flow;
  Lines c = flow ? remove_from_flow(p.lines, *pair, index) : remove_from_block(p.lines, *pair, index);
  return first_good(p.yaml, p.root, {c}, reads_as_list(key, expected));
}

std::string rename_with(std::string_view text, std::string_view from, std::string_view to) {
  Parsed p = parse_for_edit(text);
  auto log = find_key(p.root, "log");
  if (!log || !log->value.IsSequence()) return std::string(text);
  // Marks, not nodes: yaml-cpp's Node assignment writes through to the tree,
  // so sorting nodes would scramble them.
  std::vector<YAML::Mark> found;
  YAML::Node expected = YAML::Clone(log->value);
  for (std::size_t i = 0; i < log->value.size(); ++i) {
    const YAML::Node entry = log->value[i];
    if (!entry.IsMap()) continue;
    for (auto it = entry.begin(); it != entry.end(); ++it)
      if (it->first.IsScalar() && it->first.Scalar() == "with" && it->second.IsScalar() && it->second.Scalar() == from) {
        found.push_back(it->second.Mark());
        expected[i]["with"] = std::string(to);
      }
  }
  if (found.empty()) return std::string(text);
  // Last first, so that the columns of the ones before stay right.
  std::sort(found.begin(), found.end(), [](const YAML::Mark& a, const YAML::Mark& b) {
    return std::pair(a.line, a.column) > std::pair(b.line, b.column);
  });
  Lines c = p.lines;
  const std::string written = yaml_scalar(to);
  for (const YAML::Mark& mark : found) {
    // In a block map or a flow map alike: a plain value ends at `,`, `}` or a comment.
    std::string& body = c.at(mark);
    const std::size_t at = mark.column;
    std::size_t end = at < body.size() ? flow_item_end(body, at) : npos;
    if (end == npos || end <= at) refuse("cannot find the value of `with`", mark);
    while (end > at && (body[end - 1] == ' ' || body[end - 1] == '\t')) --end;  // the spaces before a comment stay
    body.replace(at, end - at, written);
  }
  // Each entry must read as before, but for the `with` values renamed.
  auto entries = [](const YAML::Node& log) {
    std::vector<std::vector<std::pair<std::string, std::string>>> out;
    for (const YAML::Node& entry : log) {
      std::vector<std::pair<std::string, std::string>> fields;
      if (entry.IsMap())
        for (auto it = entry.begin(); it != entry.end(); ++it)
          fields.emplace_back(dump(it->first), it->second.IsScalar() ? it->second.Scalar() : dump(it->second));
      out.push_back(std::move(fields));
    }
    return out;
  };
  const auto want = entries(expected);
  return first_good(p.yaml, p.root, {c}, [&](const YAML::Node& before, const std::string& after) -> std::string {
    YAML::Node value;
    bool present = false;
    if (std::string why = others_unchanged(before, after, "log", value, present); !why.empty()) return why;
    return present && value.IsSequence() && entries(value) == want ? "" : "the log does not read back with only `with:` renamed";
  });
}

namespace {

// A map's entries, values as text, for checking an edit of one of them.
std::map<std::string, std::string> entries_of(const YAML::Node& map) {
  std::map<std::string, std::string> out;
  for (auto it = map.begin(); it != map.end(); ++it)
    out[it->first.IsScalar() ? it->first.Scalar() : dump(it->first)] =
        it->second.IsScalar() ? it->second.Scalar() : dump(it->second);
  return out;
}

// Checks that `key` now reads as the map `expected` and nothing else changed.
auto reads_as_map(std::string_view key, const std::map<std::string, std::string>& expected) {
  return [key, expected](const YAML::Node& before, const std::string& after) -> std::string {
    YAML::Node value;
    bool present = false;
    if (std::string why = others_unchanged(before, after, key, value, present); !why.empty()) return why;
    return present && value.IsMap() && entries_of(value) == expected
               ? ""
               : fmt::format("`{}` does not read back as the map intended", key);
  };
}

// The entry `sub` of the map `pair`, if there.
std::optional<Pair> find_entry(const Pair& pair, std::string_view sub) {
  for (auto it = pair.value.begin(); it != pair.value.end(); ++it)
    if (it->first.IsScalar() && it->first.Scalar() == sub) return Pair{it->first, it->second};
  return std::nullopt;
}

// End (exclusive) of an entry's one-line scalar value, on the key's line.
// In a block map a plain value may hold `,` and `}`: it ends at a comment.
std::size_t entry_value_end(const Lines& lines, const Pair& entry, bool flow) {
  const YAML::Mark& vm = entry.value.Mark();
  if (!entry.value.IsScalar() || vm.line != entry.key.Mark().line)
    refuse(fmt::format("the value of `{}` is not on its key's line", entry.key.Scalar()), vm);
  const std::string& body = lines.body(vm.line);
  const std::size_t at = static_cast<std::size_t>(vm.column);
  std::size_t end = npos;
  if (at < body.size() && (flow || body[at] == '"' || body[at] == '\'')) {
    end = flow_item_end(body, at);
  } else if (at < body.size()) {
    end = at;
    while (end < body.size() && !(body[end] == '#' && is_space(body[end - 1]))) ++end;
    while (end > at && is_space(body[end - 1])) --end;
  }
  if (end == npos || end <= at) refuse(fmt::format("the value of `{}` spans several lines", entry.key.Scalar()), vm);
  return end;
}

bool is_flow_map(const Lines& lines, const Pair& pair) {
  const std::size_t open = skip_properties(lines, pair.value.Mark());
  return open != npos && lines.body(pair.value.Mark().line)[open] == '{';
}

}  // namespace

std::string set_map_string(std::string_view text, std::string_view key, std::string_view sub,
                           std::string_view value) {
  Parsed p = parse_for_edit(text);
  const std::string written = yaml_scalar(value);
  const std::string entry = yaml_scalar(sub) + ": " + written;
  auto pair = find_key(p.root, key);
  std::map<std::string, std::string> expected;
  std::vector<Lines> candidates;
  if (!pair) {
    candidates = with_new_key(p.lines, p.root, key, "{" + entry + "}");
  } else if (pair->value.IsNull()) {
    candidates.push_back(replace_value(p.lines, *pair, "{" + entry + "}"));
  } else if (!pair->value.IsMap()) {
    refuse(fmt::format("`{}` is not a map", key), pair->value.Mark());
  } else if (auto found = find_entry(*pair, sub)) {
    expected = entries_of(pair->value);
    Lines c = p.lines;
    const std::size_t at = found->value.Mark().column;
    c.at(found->value.Mark()).replace(at, entry_value_end(p.lines, *found, is_flow_map(p.lines, *pair)) - at, written);
    candidates.push_back(std::move(c));
  } else {
    expected = entries_of(pair->value);
    Lines c = p.lines;
    const bool flow = is_flow_map(p.lines, *pair);
    if (flow && pair->value.size() == 0) {  // `{}` -> `{sub: v}`
      const std::size_t open = skip_properties(p.lines, pair->value.Mark());
      c.lines[pair->value.Mark().line].body.insert(open + 1, entry);
    } else if (flow) {  // `{ a: x}` -> `{ sub: v, a: x}`
      const YAML::Mark& first = pair->value.begin()->first.Mark();
      c.at(first).insert(first.column, entry + ", ");
    } else {  // a line of its own before the first entry, at its indentation
      const YAML::Mark& first = pair->value.begin()->first.Mark();
      if (indent_of(p.lines.body(first.line)) != static_cast<std::size_t>(first.column))
        refuse(fmt::format("the first entry of `{}` does not start its line", key), first);
      c.insert(first.line, {std::string(first.column, ' ') + entry});
    }
    candidates.push_back(std::move(c));
  }
  expected[std::string(sub)] = std::string(value);
  return first_good(p.yaml, p.root, candidates, reads_as_map(key, expected));
}

std::string remove_map_entry(std::string_view text, std::string_view key, std::string_view sub) {
  Parsed p = parse_for_edit(text);
  auto pair = find_key(p.root, key);
  if (!pair || !pair->value.IsMap()) return std::string(text);
  auto found = find_entry(*pair, sub);
  if (!found) return std::string(text);
  if (pair->value.size() == 1) return remove_key(text, key);
  std::map<std::string, std::string> expected = entries_of(pair->value);
  expected.erase(std::string(sub));
  Lines c = p.lines;
  const YAML::Mark& km = found->key.Mark();
  if (is_flow_map(p.lines, *pair)) {
    erase_flow_item(c.at(km), km.column, entry_value_end(p.lines, *found, true));
  } else {
    if (indent_of(p.lines.body(km.line)) != static_cast<std::size_t>(km.column))
      refuse(fmt::format("`{}` does not start its line", sub), km);
    std::size_t end = km.line + 1;
    while (end < p.lines.lines.size() && !is_blank(p.lines.body(end)) &&
           indent_of(p.lines.body(end)) > static_cast<std::size_t>(km.column))
      ++end;
    c.lines.erase(c.lines.begin() + static_cast<std::ptrdiff_t>(km.line),
                  c.lines.begin() + static_cast<std::ptrdiff_t>(end));
  }
  return first_good(p.yaml, p.root, {c}, reads_as_map(key, expected));
}

}  // namespace kith
