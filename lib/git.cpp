// SPDX-License-Identifier: MIT
#include "git.h"

#include <fmt/format.h>

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <fstream>
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

}  // namespace kith

namespace kith {

namespace {

// A temporary file holding `text`, removed with this object.
class TempText {
 public:
  explicit TempText(std::string_view text) {
    std::string pattern = (fs::temp_directory_path() / "kith-merge-XXXXXX").string();
    int fd = ::mkstemp(pattern.data());
    if (fd < 0) throw Error(fmt::format("cannot create a temporary file in {}", fs::temp_directory_path().string()));
    path_ = pattern;
    bool ok = true;
    for (std::size_t done = 0; ok && done < text.size();) {
      ssize_t n = ::write(fd, text.data() + done, text.size() - done);
      if (n < 0 && errno == EINTR) continue;
      ok = n > 0;
      if (ok) done += static_cast<std::size_t>(n);
    }
    ::close(fd);
    if (!ok) throw Error(fmt::format("cannot write the temporary file {}", path_.string()));
  }
  ~TempText() {
    std::error_code ec;
    fs::remove(path_, ec);
  }
  TempText(const TempText&) = delete;
  TempText& operator=(const TempText&) = delete;
  std::string path() const { return path_.string(); }

 private:
  fs::path path_;
};

}  // namespace

merge::TextMergeResult git_merge_text(std::string_view base, std::string_view ours, std::string_view theirs) {
  TempText b(base), o(ours), t(theirs);
  ProcessResult r = run_captured(
      {"git", "merge-file", "-p", "-L", "ours", "-L", "base", "-L", "theirs", o.path(), b.path(), t.path()});
  // Exit status: 0 clean, the number of conflicts, or negative (255) on error.
  if (r.status < 0 || r.status >= 128)
    throw Error(fmt::format("git merge-file failed: {}", complaint(r, "merge-file")));
  return {std::move(r.out), r.status != 0};
}

ProcessResult run_git(const fs::path& dir, const std::vector<std::string>& args) {
  std::vector<std::string> argv{"git", "-C", dir.string()};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_captured(argv);
}

std::string git_complaint(const ProcessResult& r, std::string_view step) { return complaint(r, step); }

bool merge_driver_configured(const fs::path& dir) {
  std::error_code ec;
  if (fs::is_directory(dir / ".git", ec)) {
    std::ifstream in(dir / ".git" / "config");
    std::string line;
    bool in_section = false;
    while (std::getline(in, line)) {
      line.erase(0, line.find_first_not_of(" \t"));
      if (line.starts_with("[")) in_section = line.starts_with("[merge \"kith\"]");
      if (in_section && line.starts_with("driver")) return true;
    }
  }
  ProcessResult r = run_git(dir, {"config", "--local", "--get", "merge.kith.driver"});
  return r.status == 0 && !chomp(r.out).empty();
}

void configure_merge_driver(const fs::path& dir) {
  for (auto [key, value] : {std::pair{"merge.kith.name", "kith: person files merged entry by entry"},
                            std::pair{"merge.kith.driver", kMergeDriver}}) {
    ProcessResult r = run_git(dir, {"config", "--local", key, value});
    if (r.status != 0)
      throw Error(fmt::format("cannot set {} in the git config: {}", key, complaint(r, "config")), dir.string());
  }
}

}  // namespace kith
