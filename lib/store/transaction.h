// SPDX-License-Identifier: MIT
#pragma once
// A change to several files of the data directory that lands whole or not at
// all, even when the process dies half-way (intro, mv, imports). Each file's
// new text is computed and checked by the caller first; apply_changes only
// moves bytes. The caller holds the directory lock.
//
// How: every new text goes to a synced temporary file first; then a journal
// (`.kith-journal` in the data directory, written atomically) lists the
// renames and removals still to do; then they are done and the journal is
// removed. A journal found later means a process died after deciding the
// change: recover_changes() finishes it (rolls it forward) before anything
// else reads the directory.
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

// Applies every change in the data directory `dir`, or none. When a step
// fails, the files already changed get their `before` back and Error is
// thrown naming what failed (and anything that could not be restored).
void apply_changes(const fs::path& dir, const std::vector<FileChange>& changes);

// The journal of `dir` (a dot-file: scans skip it).
fs::path journal_path(const fs::path& dir);

// Finishes a change a dead process left half-done in `dir`, when its journal
// is there; returns how many files it completed (0: nothing to do). The
// caller holds the directory lock (Store::Lock does this itself). Throws
// Error when the journal cannot be read or a step fails; the journal then
// stays for the next try.
int recover_changes(const fs::path& dir);

namespace transaction_hooks {
// Called after the i-th rename of apply_changes (0-based), for tests that
// simulate a crash there (the hook ends the process). Null in normal use.
extern void (*after_rename)(std::size_t i);
}  // namespace transaction_hooks

}  // namespace kith
