// SPDX-License-Identifier: MIT
#pragma once
// YAML text -> Person, with every problem reported as path:line:col. This is
// the only place (with settings.cpp) that hands user text to yaml-cpp, so the
// guards against hostile input live here too.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/error.h"
#include "model/person.h"
#include "model/settings.h"

namespace kith {

struct LoadResult {
  std::optional<Person> person;          // set for a map with a name, even with problems:
                                         // bad values are reported here and left out
  std::vector<Diagnostic> problems;      // in file order (the first 50, then a count);
                                         // a read cut short by aliases says so first
  std::vector<Diagnostic> unknown_keys;  // keys kith does not know (for --strict)
};

// `path` is used in messages and to derive the slug (file stem).
LoadResult load_person(std::string_view text, const std::string& path, const Settings& settings);

// Text that yaml-cpp must not see: too large, binary, not UTF-8, nested too
// deeply. Returns the first such problem; shared by the settings reader.
std::optional<Diagnostic> guard_text(std::string_view text, const std::string& path);

// guard_text's size limit alone, for a file not read yet: a stray 10 GB
// `.yaml` in the directory is refused without being read into memory.
std::optional<Diagnostic> guard_size(std::uintmax_t size, const std::string& path);

}  // namespace kith
