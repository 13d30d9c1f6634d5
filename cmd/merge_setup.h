// SPDX-License-Identifier: MIT
#pragma once
// Keeping git's merge driver for person files set up. The driver's config
// is local to each clone (git never clones config), so kith sets it again
// wherever it is missing, as git-lfs does for its filters.
#include <CLI/CLI.hpp>

#include <filesystem>

#include "context.h"

namespace kith {

// The line `.gitattributes` needs so git calls `kith merge-file` on person files.
inline constexpr const char* kGitattributesLine = "*.yaml merge=kith";

// When `dir` holds a git repository (`dir/.git`) whose local config lacks
// merge.kith.driver, sets it and says so in one line on ctx.err. Never
// fails: a command must not stop over this. Returns true when it set it.
bool keep_merge_driver(Context& ctx, const std::filesystem::path& dir);

// keep_merge_driver for the data directory, before any command but those
// that set it up themselves or must not touch a repository (init, clone,
// merge-file, completion, help).
void keep_merge_driver_for(Context& ctx, const CLI::App& app);

// Adds kGitattributesLine to `dir/.gitattributes` unless a line already
// names `merge=kith`; true when it wrote.
bool write_gitattributes(const std::filesystem::path& dir);

// The environment of the git that sync and clone run: no prompt ever (cron
// has no terminal to answer it), and this kith's own folder first in PATH so
// that the driver command `kith merge-file` finds this kith even when cron's
// PATH does not hold it.
void prepare_git_environment();

}  // namespace kith
