// SPDX-License-Identifier: MIT
#pragma once
// The last step of every write command: record the change in git.
#include <filesystem>
#include <string>
#include <vector>

#include "context.h"
#include "git/git.h"
#include "model/settings.h"

namespace kith {

// Commits exactly `files` with `message` ("kith: log charlene-dupont give")
// when the data directory is in a git work tree and kith.yaml does not say
// `git: off`. Call it after the write, still holding the directory lock, so
// two kith commands do not race for git's index. A commit git refuses (no
// identity, a hook) prints one warning line and does not change the exit
// code: the files are written, which is what the user asked for.
void commit_change(Context& ctx, const Settings& settings, const std::vector<std::filesystem::path>& files,
                   const std::string& message);

// The same for files changed by text edits: a hand edit the user has not
// committed in one of them stays uncommitted, only kith's edit is committed.
void commit_edits(Context& ctx, const Settings& settings, const std::vector<FileEdit>& edits,
                  const std::string& message);

// The same for a directory that is not (yet) the data directory: `kith init DIR`.
void commit_change_in(Context& ctx, const std::filesystem::path& dir, const Settings& settings,
                      const std::vector<std::filesystem::path>& files, const std::string& message);

}  // namespace kith
