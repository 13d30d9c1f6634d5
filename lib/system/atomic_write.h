// SPDX-License-Identifier: MIT
#pragma once
// Writing a file so that a reader, or the next boot, sees the old text or
// the new one, never a mix: a temporary file next to it, then a rename.
#include <filesystem>
#include <string_view>

namespace kith {

namespace fs = std::filesystem;

// Writes `text` to a temporary file in the same folder, fsyncs it, gives it
// the mode of the file it replaces (or the umask's default for a new file),
// and renames it over `path`, then fsyncs the folder. Throws Error and leaves
// `path` as it was when any step fails. `create_only` refuses to replace an
// existing file. When `path` is a symlink, the file it points to is written
// and the link is kept.
void write_atomic(const fs::path& path, std::string_view text, bool create_only = false);

// The first half of write_atomic, for changes of many files at once
// (lib/transaction): writes `text` to a new `.NAME.tmp-XXXXXX` next to
// `target` (a real file, not a link) with the owner and mode of the file it
// will replace, and returns its path. `sync`: fsync it (else the caller
// syncs them all with sync_filesystem). Throws Error, leaving nothing behind.
fs::path write_temp_file(const fs::path& target, std::string_view text, bool create_only, bool sync);

// fsync of a folder: makes the renames and removals in it durable.
void sync_folder(const fs::path& folder);

// syncfs(2) of the filesystem holding `dir`: one call that makes every file
// written there durable, where an fsync per file costs a disk flush each.
void sync_filesystem(const fs::path& dir);

}  // namespace kith
