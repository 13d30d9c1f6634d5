// SPDX-License-Identifier: MIT
#include "update.h"

#include <fmt/format.h>

#include "load.h"

namespace kith {

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
  std::string after = edit(before);
  Person p = verify_person_text(after, path.string(), settings);
  write_atomic(path, after);
  return p;
}

}  // namespace kith
