// SPDX-License-Identifier: MIT
#pragma once
// A change to several files of the data directory that lands whole or not at
// all (intro, mv, imports). Each file's new text is computed and checked by
// the caller first; apply_changes only moves bytes. The caller holds the
// directory lock.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kith {

namespace fs = std::filesystem;

struct FileChange {
  fs::path path;
  std::optional<std::string> before;  // the text the file holds now; nullopt: the file is new
  std::optional<std::string> after;   // the text it must hold; nullopt: the file is removed
};

// Applies every change or none. When one step fails, the files already
// changed get their `before` back and Error is thrown naming what failed
// (and anything that could not be restored).
void apply_changes(const std::vector<FileChange>& changes);

}  // namespace kith
