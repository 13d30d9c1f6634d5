// SPDX-License-Identifier: MIT
#pragma once
// The data directory as a git work tree: each write command commits exactly
// the files it changed, and nothing else of the user's work in progress.
// git is run as a program (`git -C dir ...`), never through a shell; a
// missing git means "no git", not an error.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "merge/merge.h"
#include "system/process.h"

namespace kith {

// The variables that make git use another repository, index or object store
// than the one found from `-C dir` (git exports some of them to hooks, so a
// kith run from a hook inherits them). Every git that kith runs goes without
// them: git's own list (`git rev-parse --local-env-vars`) plus GIT_NAMESPACE.
// GIT_CEILING_DIRECTORIES is kept: it only stops the search upwards, as the
// user asked.
const std::vector<std::string>& git_repository_variables();

// ProcessOptions for running git with those variables removed.
ProcessOptions git_process_options();

// True when `git` can be run (it is in PATH).
bool git_available();

// True when `dir` is inside a git work tree (not a bare repository, not the
// .git folder). False when git is missing or `dir` does not exist.
bool is_git_work_tree(const std::filesystem::path& dir);

// `git init` in the existing folder `dir`. Throws ProgramNotFound when git
// is missing, Error with git's message when it fails.
void git_init(const std::filesystem::path& dir);

// True when git in `dir` knows who commits (user.name/email or the
// GIT_COMMITTER_* variables), so a commit will not be refused for that.
bool git_has_identity(const std::filesystem::path& dir);

// True when the repository of `dir` has a first commit (HEAD is born).
bool git_has_commits(const std::filesystem::path& dir);

// Sets user.name and user.email in the repository of `dir` only
// (`git config`, not --global). Throws Error with git's message.
void git_set_identity(const std::filesystem::path& dir, const std::string& name, const std::string& email);

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

// A file kith changed by applying `edit` (a function on the file's text) to it.
struct FileEdit {
  std::filesystem::path path;
  std::function<std::string(const std::string&)> edit;
};

// commit_files for edits: when a file holds hand edits the user has not
// committed (staged or not), only kith's change is committed: `edit` is
// applied to the committed version (HEAD), that blob is committed through a
// temporary index, and the user's index gets `edit` applied to what they had
// staged. Their hand edits stay uncommitted, in the index and work tree as
// before. Files without hand edits are committed as commit_files does.
CommitResult commit_edits(const std::filesystem::path& dir, const std::vector<FileEdit>& edits,
                          const std::string& message);

// --- sync: the merge driver and the commands `kith sync` runs ---

// `git merge-file -p` on three texts (written to temporary files): git's
// line merge, with conflict markers labelled `ours` and `theirs`. Throws
// Error when git cannot run it (binary text, git missing).
merge::TextMergeResult git_merge_text(std::string_view base, std::string_view ours, std::string_view theirs);

// `git -C dir args...`, with its status and output; never throws for git's
// own failures (ProgramNotFound when git is missing).
ProcessResult run_git(const std::filesystem::path& dir, const std::vector<std::string>& args);

// The first non-blank line git wrote on stderr, or its exit status.
std::string git_complaint(const ProcessResult& r, std::string_view step);

// The merge driver command kith sets in a repository's local config.
inline constexpr const char* kMergeDriver = "kith merge-file %O %A %B %P";

// True when the repository of the work tree `dir` has merge.kith.driver in
// its local config. A quick look at `.git/config` first (every kith command
// asks), git itself otherwise.
bool merge_driver_configured(const std::filesystem::path& dir);

// Sets merge.kith.name and merge.kith.driver in the local config. Throws
// Error with git's message when it cannot.
void configure_merge_driver(const std::filesystem::path& dir);

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
