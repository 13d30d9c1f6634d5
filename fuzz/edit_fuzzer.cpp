// SPDX-License-Identifier: MIT
// libFuzzer target for the text-preserving writer. For any person file that
// loads cleanly, appending a log entry and setting `next` either refuse with
// kith::Error or give a text that (1) keeps every other line byte for byte,
// (2) changes at most one existing line, without dropping any of its
// characters but the value being replaced, and (3) when it loads (the CLI
// writes nothing otherwise), reads back with the new entry last and
// everything else as before.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/error.h"
#include "model/settings.h"
#include "yaml/edit.h"
#include "yaml/load.h"

namespace {

[[noreturn]] void fail(const char* what, std::string_view in, std::string_view out) {
  std::fprintf(stderr, "edit_fuzzer: %s\n--- input ---\n%.*s\n--- output ---\n%.*s\n", what,
               static_cast<int>(in.size()), in.data(), static_cast<int>(out.size()), out.data());
  std::abort();
}

std::vector<std::string_view> split_keeping_eol(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    std::size_t nl = text.find('\n');
    std::size_t len = nl == std::string_view::npos ? text.size() : nl + 1;
    lines.push_back(text.substr(0, len));
    text.remove_prefix(len);
  }
  return lines;
}

std::string without_spaces(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') out += c;
  return out;
}

// Can `line` minus line[i, j) be found, in order, among the characters of
// `added`? pre[i]: where in `added` a greedy match of line[0, i) ends;
// suf[j]: where a greedy right-to-left match of line[j, end) starts.
struct Matcher {
  std::string line, added;
  std::vector<std::size_t> pre, suf;
  static constexpr std::size_t none = std::string::npos;

  Matcher(std::string l, std::string a) : line(std::move(l)), added(std::move(a)) {
    const std::size_t n = line.size();
    pre.assign(n + 1, none);
    suf.assign(n + 1, none);
    pre[0] = 0;
    for (std::size_t i = 0, k = 0; i < n; ++i) {
      while (k < added.size() && added[k] != line[i]) ++k;
      if (k == added.size()) break;
      pre[i + 1] = ++k;
    }
    suf[n] = added.size();
    for (std::size_t j = n, k = added.size(); j > 0; --j) {
      while (k > 0 && added[k - 1] != line[j - 1]) --k;
      if (k == 0) break;
      suf[j - 1] = --k;
    }
  }
  bool keeps_all_but(std::size_t i, std::size_t j) const {
    return pre[i] != none && suf[j] != none && pre[i] <= suf[j];
  }
};

// The line-level difference: at most one old line changed, the rest kept.
// Returns the changed old line ("" when the edit only inserted lines) and the
// new lines that replace it.
std::pair<std::string, std::string> one_line_diff(std::string_view in, std::string_view out) {
  auto a = split_keeping_eol(in), b = split_keeping_eol(out);
  std::size_t p = 0;
  while (p < a.size() && p < b.size() && a[p] == b[p]) ++p;
  std::size_t s = 0;
  while (s < a.size() - p && s < b.size() - p && a[a.size() - 1 - s] == b[b.size() - 1 - s]) ++s;
  if (a.size() - p - s > 1) fail("more than one existing line changed", in, out);
  if (b.size() - p - s == 0) fail("the edit changed an existing line without adding one", in, out);
  std::string old_line = a.size() - p - s == 1 ? std::string(a[p]) : std::string();
  std::string added;
  for (std::size_t i = p; i < b.size() - s; ++i) added += b[i];
  return {old_line, added};
}

void check_append_diff(std::string_view in, std::string_view out) {
  auto [old_line, added] = one_line_diff(in, out);
  Matcher m(without_spaces(old_line), without_spaces(added));
  if (m.keeps_all_but(0, 0)) return;  // only insertions (or a final newline)
  // `log: ~` and `log: []` lose their empty value when entries come below.
  for (std::string_view token : {"~", "null", "Null", "NULL", "[]"}) {
    for (std::size_t at = m.line.find(token); at != std::string::npos; at = m.line.find(token, at + 1))
      if (m.keeps_all_but(at, at + token.size())) return;
  }
  fail("append_log_entry dropped text of an existing line", in, out);
}

void check_set_diff(std::string_view in, std::string_view out) {
  auto [old_line, added] = one_line_diff(in, out);
  // A comment starts at a `#` after a blank (or at the line's start); a `#`
  // inside a plain value (`2026-#x`) is part of the value and may go with it.
  std::size_t comment = old_line.starts_with('#') ? 0 : std::string::npos;
  for (std::size_t at = 1; comment == std::string::npos && at < old_line.size(); ++at)
    if (old_line[at] == '#' && (old_line[at - 1] == ' ' || old_line[at - 1] == '\t')) comment = at;
  if (comment == std::string::npos) return;
  // Where the comment starts once blanks are removed, as the matcher sees it.
  const std::size_t comment_at = without_spaces(old_line.substr(0, comment)).size();
  Matcher m(without_spaces(old_line), without_spaces(added));
  // The old value may go (with a `#` of its own, `2026-1#-01`); the comment
  // after it may not.
  for (std::size_t i = 0, j = 0; i <= m.line.size(); ++i) {
    if (m.pre[i] == Matcher::none) break;
    j = std::max(j, i);
    while (j <= m.line.size() && (m.suf[j] == Matcher::none || m.suf[j] < m.pre[i])) ++j;
    if (j > m.line.size()) break;
    if (j <= comment_at) return;
  }
  fail("set_scalar dropped text of an existing line", in, out);
}

// A result that does not load is refused by update_person_file, which
// writes nothing, so it is a refusal here too; KITH_FUZZ_STRICT=1 reports
// it, to find edits that give up later than they could.
std::optional<kith::Person> load_clean(std::string_view in, std::string_view out, const kith::Settings& settings) {
  static const bool strict = std::getenv("KITH_FUZZ_STRICT") != nullptr;
  kith::LoadResult r = kith::load_person(out, "fuzz.yaml", settings);
  if (!r.person && strict) fail(("the result does not load: " + r.problems.front().to_string()).c_str(), in, out);
  return std::move(r.person);
}

bool same_entries(const std::vector<kith::Entry>& a, const std::vector<kith::Entry>& b, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i)
    if (a[i].date != b[i].date || a[i].kind != b[i].kind || a[i].note != b[i].note || a[i].with != b[i].with)
      return false;
  return true;
}

// Notes that stress quoting: YAML indicators, look-alikes of other types,
// comments, quotes, line breaks, non-ASCII.
const char* const notes[] = {"",          "coffee",       "a: b",         "# not a comment", "say \"hi\" 'there'",
                             "two\nlines", "Café ☕",        "- dash",       "{flow} [list]",  "  padded  ",
                             "null",      "2026-01-01",   "yes",          "*alias &anchor", "tab\there",
                             "back\\slash", "!!binary x", "... end",      "| block",        "%directive"};
const char* const kinds[] = {"talk", "give", "met", "note", "coffee"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const kith::Settings settings = kith::parse_settings(kith::default_settings_text(), "kith.yaml").settings;
  std::string_view in(reinterpret_cast<const char*>(data), size);
  kith::LoadResult before = kith::load_person(in, "fuzz.yaml", settings);
  if (!before.person) return 0;  // kith refuses to edit a file that does not load
  // When the writer ends an unterminated last line, a scalar ending the file
  // gains its final newline (edit.h's contract): the result is compared with
  // the file read that way.
  std::optional<kith::Person> ended;
  if (!in.empty() && in.back() != '\n') ended = kith::load_person(std::string(in) + "\n", "fuzz.yaml", settings).person;
  auto baseline = [&](const std::string& out) -> const kith::Person* {
    if (!ended || out.empty() || out.back() != '\n') return &*before.person;
    return &*ended;
  };

  unsigned pick = 0;
  for (unsigned char c : in) pick = pick * 31 + c;
  kith::NewEntry entry{kith::Date{date::year{2026}, date::month{11}, date::day{21}},
                       kinds[pick % std::size(kinds)], notes[(pick / 8) % std::size(notes)], ""};

  try {
    std::string out = kith::append_log_entry(in, entry);
    check_append_diff(in, out);
    const kith::Person& old = *baseline(out);
    if (std::optional<kith::Person> now = load_clean(in, out, settings)) {
      if (now->log.size() != old.log.size() + 1) fail("not exactly one more entry", in, out);
      if (!same_entries(old.log, now->log, old.log.size())) fail("an existing entry changed", in, out);
      const kith::Entry& added = now->log.back();
      if (added.date != entry.date || added.kind != entry.kind || added.note != entry.note)
        fail("the new entry does not read back as written", in, out);
      if (now->name != old.name || now->next != old.next || now->tags != old.tags) fail("another key changed", in, out);
    }
  } catch (const kith::Error&) {
    // A refusal is fine: the file is left as it was.
  }

  const std::string next = "2026-12-01";
  try {
    std::string out = kith::set_scalar(in, "next", next);
    if (out != in) {  // else `next` already had that value
      // A value over several lines (`next: |`) gives way to one line: the line
      // diff does not apply, the read-back checks below still do. Lines, not
      // newlines: an unterminated last line gains one when it is replaced.
      auto lines = [](std::string_view t) { return split_keeping_eol(t).size(); };
      if (lines(out) >= lines(in)) check_set_diff(in, out);
      const kith::Person& old = *baseline(out);
      if (std::optional<kith::Person> now = load_clean(in, out, settings)) {
        if (!now->next || kith::format_date(*now->next) != next) fail("`next` does not read back", in, out);
        if (now->log.size() != old.log.size() || !same_entries(old.log, now->log, old.log.size()))
          fail("set_scalar changed the log", in, out);
        if (now->name != old.name || now->tags != old.tags || now->every != old.every)
          fail("another key changed", in, out);
      }
    }
  } catch (const kith::Error&) {
  }
  return 0;
}
