// SPDX-License-Identifier: MIT
#include "transaction.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>

#include "error.h"
#include "store.h"

namespace kith {

namespace {

// Puts one file in the state `text` describes: written, or removed.
void put(const fs::path& path, const std::optional<std::string>& text, bool create_only) {
  if (text) {
    write_atomic(path, *text, create_only);
    return;
  }
  std::error_code ec;
  if (!fs::remove(path, ec) && ec)
    throw Error(fmt::format("cannot remove: {}", ec.message()), path.string());
}

}  // namespace

void apply_changes(const std::vector<FileChange>& changes) {
  std::size_t done = 0;
  try {
    for (; done < changes.size(); ++done)
      put(changes[done].path, changes[done].after, /*create_only=*/!changes[done].before);
  } catch (const Error& e) {
    Diagnostic d = e.diagnostic();
    std::vector<std::string> lost;
    for (std::size_t i = done; i-- > 0;) {
      try {
        put(changes[i].path, changes[i].before, /*create_only=*/false);
      } catch (const Error& undo) {
        lost.push_back(fmt::format("{} ({})", changes[i].path.string(), undo.diagnostic().message));
      }
    }
    if (done > 0 && lost.empty()) d.message += "; the files already changed were restored, nothing was written";
    for (const std::string& l : lost) d.message += fmt::format("; and {} could not be restored", l);
    throw Error(d);
  }
}

}  // namespace kith
