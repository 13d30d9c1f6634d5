// SPDX-License-Identifier: MIT
#include "update.h"

#include <fmt/format.h>

#include "yaml/load.h"

namespace kith {

namespace {

bool same_entry(const Entry& a, const Entry& b) {
  return a.date == b.date && a.kind == b.kind && a.note == b.note && a.with == b.with;
}

// kith's edits append entries and set keys such as `next`: the name and
// every entry the file had must read back unchanged, in order, first.
bool keeps_what_was_there(const Person& before, const Person& after) {
  if (after.name != before.name || after.log.size() < before.log.size()) return false;
  for (std::size_t i = 0; i < before.log.size(); ++i)
    if (!same_entry(before.log[i], after.log[i])) return false;
  return true;
}

}  // namespace

Person verify_person_text(const std::string& text, const std::string& path, const Settings& settings) {
  LoadResult r = load_person(text, path, settings);
  if (!r.problems.empty()) {
    Diagnostic d = r.problems.front();
    d.message = "the change would not read back, nothing was written: " + d.message;
    throw Error(d);
  }
  return std::move(*r.person);
}

Person update_person_file(const fs::path& path, const Settings& settings, const TextEdit& edit) {
  std::string before = read_file(path);
  LoadResult old = load_person(before, path.string(), settings);
  if (!old.problems.empty()) {
    Diagnostic d = old.problems.front();
    d.message += fmt::format(" (fix the file first; `kith check` lists every problem)");
    throw Error(d);
  }
  std::string after;
  try {
    after = edit(before);
  } catch (const Error& e) {  // edits work on text alone; say which file
    Diagnostic d = e.diagnostic();
    if (d.path.empty()) d.path = path.string();
    throw Error(d);
  }
  Person p = verify_person_text(after, path.string(), settings);
  if (!keeps_what_was_there(*old.person, p))
    throw Error("the change would lose or alter what the file holds, nothing was written", path.string());
  write_atomic(path, after);
  return p;
}

}  // namespace kith
