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
  return run_captured(argv);
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
    ProcessResult r = run_captured({"git", "-C", dir.string(), "rev-parse", "--show-toplevel"});
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

// `file` relative to `root`, or nullopt when it lies outside. The folder is
// resolved, not the file: kith replaces a symlinked file, it does not follow it.
std::optional<std::string> relative_to(const fs::path& root, const fs::path& file) {
  std::error_code ec;
  fs::path abs = fs::absolute(file, ec);
  if (ec || !abs.has_filename()) return std::nullopt;
  fs::path folder = fs::canonical(abs.parent_path(), ec);
  if (ec) return std::nullopt;
  fs::path real = folder / abs.filename();
  auto [r, f] = std::mismatch(root.begin(), root.end(), real.begin(), real.end());
  if (r != root.end() || f == real.end()) return std::nullopt;
  return real.lexically_relative(root).string();
}

CommitResult failed(std::string message) { return {CommitResult::Status::failed, std::move(message)}; }

}  // namespace

bool git_available() {
  try {
    return run_captured({"git", "--version"}).status == 0;
  } catch (const Error&) {
    return false;
  }
}

bool is_git_work_tree(const fs::path& dir) { return work_tree_root(dir).has_value(); }

void git_init(const fs::path& dir) {
  ProcessResult r = run_captured({"git", "-C", dir.string(), "init", "-q"});
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

std::vector<GitCommit> recent_commits(const fs::path& dir, std::size_t limit) {
  std::optional<fs::path> root = work_tree_root(dir);
  if (!root) throw Error("undo needs git: the data directory is not in a git work tree", dir.string());
  // Fields end with \x1f, commits with \x1e: subjects and bodies hold any text.
  ProcessResult log = git(*root, {"log", fmt::format("-n{}", limit), "--format=%H%x1f%s%x1f%b%x1f%x1e"});
  if (log.status != 0) {
    if (git(*root, {"rev-parse", "--verify", "-q", "HEAD"}).status != 0) return {};  // no commit yet
    throw Error(fmt::format("git log failed: {}", complaint(log, "log")), dir.string());
  }
  std::vector<GitCommit> out;
  std::size_t at = 0;
  while (true) {
    std::size_t end = log.out.find('\x1e', at);
    if (end == std::string::npos) break;
    std::string rec = log.out.substr(at, end - at);
    at = end + 1;
    rec.erase(0, rec.find_first_not_of('\n'));
    std::vector<std::string> fields;
    for (std::size_t from = 0, sep; (sep = rec.find('\x1f', from)) != std::string::npos; from = sep + 1)
      fields.push_back(rec.substr(from, sep - from));
    if (fields.size() < 3) continue;
    GitCommit c{fields[0], fields[1], {}, {}};
    for (std::size_t from = 0; from < fields[2].size();) {  // `Reverts: SHA` lines of kith's undo commits
      std::size_t nl = fields[2].find('\n', from);
      if (nl == std::string::npos) nl = fields[2].size();
      std::string line = chomp(fields[2].substr(from, nl - from));
      if (line.starts_with("Reverts: ")) c.reverts.push_back(line.substr(9));
      from = nl + 1;
    }
    ProcessResult files = git(*root, {"show", "--no-renames", "-z", "--name-only", "--format=", c.sha});
    if (files.status != 0) throw Error(fmt::format("git show failed: {}", complaint(files, "show")), dir.string());
    for (std::size_t from = 0, nul; (nul = files.out.find('\0', from)) != std::string::npos; from = nul + 1)
      if (nul > from) c.files.push_back(*root / files.out.substr(from, nul - from));
    out.push_back(std::move(c));
  }
  return out;
}

std::optional<std::string> file_at(const fs::path& dir, const std::string& rev, const fs::path& file) {
  std::optional<fs::path> root = work_tree_root(dir);
  if (!root) throw Error("not in a git work tree", dir.string());
  std::optional<std::string> rel = relative_to(*root, file);
  if (!rel) throw Error("outside the git work tree", file.string());
  const std::string object = rev + ":" + *rel;
  if (git(*root, {"cat-file", "-e", object}).status != 0) return std::nullopt;
  ProcessResult r = git(*root, {"cat-file", "blob", object});
  if (r.status != 0) throw Error(fmt::format("git cat-file failed: {}", complaint(r, "cat-file")), file.string());
  return r.out;
}

bool has_uncommitted_changes(const fs::path& dir, const fs::path& file) {
  std::optional<fs::path> root = work_tree_root(dir);
  if (!root) return false;
  std::optional<std::string> rel = relative_to(*root, file);
  if (!rel) return false;
  ProcessResult r = git(*root, {"--literal-pathspecs", "status", "--porcelain"}, {*rel});
  if (r.status != 0) throw Error(fmt::format("git status failed: {}", complaint(r, "status")), file.string());
  return !r.out.empty();
}

}  // namespace kith
