// SPDX-License-Identifier: MIT
#pragma once
// The data directory as a git work tree: each write command commits exactly
// the files it changed, and nothing else of the user's work in progress.
// git is run as a program (`git -C dir ...`), never through a shell; a
// missing git means "no git", not an error.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kith {

// True when `git` can be run (it is in PATH).
bool git_available();

// True when `dir` is inside a git work tree (not a bare repository, not the
// .git folder). False when git is missing or `dir` does not exist.
bool is_git_work_tree(const std::filesystem::path& dir);

// `git init` in the existing folder `dir`. Throws ProgramNotFound when git
// is missing, Error with git's message when it fails.
void git_init(const std::filesystem::path& dir);

struct CommitResult {
  enum class Status {
    committed,  // one new commit holding exactly the changes of `files`
    skipped,    // no work tree, no git, or nothing of `files` to commit
    failed,     // git refused (no identity, a hook); `files` are untouched
  };
  Status status = Status::skipped;
  std::string message;  // for `failed`: the first line of git's complaint
};

// Commits `files` (new or modified) of the work tree holding `dir`, with
// `message`: `git add -- files`, then `git commit -- files`. Changes the
// user has in other files, staged or not, stay where they are. Files
// outside the work tree or ignored by it are left out quietly; when no file
// remains or none changed, nothing is committed. Paths are taken literally
// (no glob or pathspec magic). Never throws for git's own failures: a
// failed commit must not undo a write that already happened.
CommitResult commit_files(const std::filesystem::path& dir, const std::vector<std::filesystem::path>& files,
                          const std::string& message);

// A commit, for `kith undo`: its subject, the commits it says it reverts
// (`Reverts: SHA` lines of its message) and the files it touched (absolute).
struct GitCommit {
  std::string sha, subject;
  std::vector<std::string> reverts;
  std::vector<std::filesystem::path> files;
};

// The last `limit` commits of the work tree holding `dir`, newest first
// (none before the first commit). Throws Error when `dir` is not in a git
// work tree (`undo needs git`) or git fails.
std::vector<GitCommit> recent_commits(const std::filesystem::path& dir, std::size_t limit);

// The text of `file` at `rev`, or nullopt when the file is not there.
std::optional<std::string> file_at(const std::filesystem::path& dir, const std::string& rev,
                                   const std::filesystem::path& file);

// True when `file` differs from HEAD in the index or the work tree.
bool has_uncommitted_changes(const std::filesystem::path& dir, const std::filesystem::path& file);

}  // namespace kith
