// SPDX-License-Identifier: MIT
#include "git.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "process.h"

namespace kith {

namespace fs = std::filesystem;

namespace {

// `git -C dir args... -- paths...`.
ProcessResult git(const fs::path& dir, std::initializer_list<std::string> args,
                  const std::vector<std::string>& paths = {}) {
  std::vector<std::string> argv{"git", "-C", dir.string()};
  argv.insert(argv.end(), args);
  if (!paths.empty()) {
    argv.push_back("--");
    argv.insert(argv.end(), paths.begin(), paths.end());
  }
  return run_captured(argv, git_process_options());
}

std::string chomp(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

// The first line of what git said, or its exit status when it said nothing.
std::string complaint(const ProcessResult& r, std::string_view step) {
  std::size_t pos = 0;
  while (pos < r.err.size()) {
    std::size_t end = r.err.find('\n', pos);
    if (end == std::string::npos) end = r.err.size();
    std::string line = r.err.substr(pos, end - pos);
    line.erase(0, line.find_first_not_of(" \t\r"));
    line.erase(line.find_last_not_of(" \t\r") + 1);
    if (!line.empty()) return line;
    pos = end + 1;
  }
  return fmt::format("git {} exited with status {}", step, r.status);
}

std::optional<fs::path> work_tree_root(const fs::path& dir) {
  try {
    ProcessResult r = git(dir, {"rev-parse", "--show-toplevel"});
    std::string top = chomp(r.out);
    if (r.status != 0 || top.empty()) return std::nullopt;
    std::error_code ec;
    fs::path root = fs::canonical(top, ec);
    if (ec) return std::nullopt;
    return root;
  } catch (const Error&) {  // git missing or not startable: no work tree
    return std::nullopt;
  }
}

// `file` relative to `root`, or nullopt when it lies outside. A symlink is
// resolved: write_atomic writes the file it names, so that file is what
// changed (the link itself did not).
std::optional<std::string> relative_to(const fs::path& root, const fs::path& file) {
  std::error_code ec;
  fs::path abs = fs::absolute(file, ec);
  if (ec || !abs.has_filename()) return std::nullopt;
  fs::path real = fs::canonical(abs, ec);
  if (ec) {  // a file that is gone: its folder still says where it was
    fs::path folder = fs::canonical(abs.parent_path(), ec);
    if (ec) return std::nullopt;
    real = folder / abs.filename();
  }
  auto [r, f] = std::mismatch(root.begin(), root.end(), real.begin(), real.end());
  if (r != root.end() || f == real.end()) return std::nullopt;
  return real.lexically_relative(root).string();
}

CommitResult failed(std::string message) { return {CommitResult::Status::failed, std::move(message)}; }

}  // namespace

const std::vector<std::string>& git_repository_variables() {
  static const std::vector<std::string> names{
      "GIT_DIR",          "GIT_WORK_TREE",         "GIT_IMPLICIT_WORK_TREE",
      "GIT_INDEX_FILE",   "GIT_COMMON_DIR",        "GIT_OBJECT_DIRECTORY",
      "GIT_ALTERNATE_OBJECT_DIRECTORIES",          "GIT_NAMESPACE",
      "GIT_PREFIX",       "GIT_INTERNAL_SUPER_PREFIX",
      "GIT_SHALLOW_FILE", "GIT_GRAFT_FILE",        "GIT_NO_REPLACE_OBJECTS",
      "GIT_REPLACE_REF_BASE",                      "GIT_CONFIG",
      "GIT_CONFIG_PARAMETERS",                     "GIT_CONFIG_COUNT"};
  return names;
}

ProcessOptions git_process_options() {
  ProcessOptions options;
  options.unset_env = git_repository_variables();
  return options;
}

bool git_available() {
  try {
    return run_captured({"git", "--version"}, git_process_options()).status == 0;
  } catch (const Error&) {
    return false;
  }
}

bool is_git_work_tree(const fs::path& dir) { return work_tree_root(dir).has_value(); }

void git_init(const fs::path& dir) {
  ProcessResult r = git(dir, {"init", "-q"});
  if (r.status != 0) throw Error(fmt::format("git init failed: {}", complaint(r, "init")), dir.string());
}

CommitResult commit_files(const fs::path& dir, const std::vector<fs::path>& files, const std::string& message) {
  std::optional<fs::path> root = work_tree_root(dir);
  if (!root) return {};
  std::vector<std::string> paths;
  for (const fs::path& f : files)
    if (auto rel = relative_to(*root, f); rel && std::find(paths.begin(), paths.end(), *rel) == paths.end())
      paths.push_back(*rel);
  if (paths.empty()) return {};

  try {
    // One path at a time: a command changes one or two files, and exit
    // codes need no parsing of quoted names.
    std::vector<std::string> kept;
    for (const std::string& p : paths) {
      // check-ignore refuses --literal-pathspecs; "./" keeps a leading ':' a name.
      ProcessResult ignored = git(*root, {"check-ignore", "-q"}, {"./" + p});
      if (ignored.status > 1) return failed(complaint(ignored, "check-ignore"));
      if (ignored.status == 1) kept.push_back(p);
    }
    paths = std::move(kept);
    if (paths.empty()) return {};

    // --literal-pathspecs: file names such as `[draft].yaml` are names, not globs.
    ProcessResult add = git(*root, {"--literal-pathspecs", "add"}, paths);
    if (add.status != 0) return failed(complaint(add, "add"));
    // Exit 0: the index matches HEAD for these paths, there is nothing to commit.
    ProcessResult diff = git(*root, {"--literal-pathspecs", "diff", "--cached", "--quiet"}, paths);
    if (diff.status == 0) return {};
    if (diff.status != 1) return failed(complaint(diff, "diff"));
    // Paths on the command line make this a commit of those paths only
    // (`--only`): what the user staged elsewhere stays staged, not committed.
    ProcessResult commit = git(*root, {"--literal-pathspecs", "commit", "-q", "-m", message}, paths);
    if (commit.status != 0) return failed(complaint(commit, "commit"));
  } catch (const ProgramNotFound&) {
    return {};
  } catch (const Error& e) {
    return failed(e.what());
  }
  return {CommitResult::Status::committed, {}};
}

}  // namespace kith
