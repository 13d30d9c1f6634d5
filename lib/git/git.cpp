// SPDX-License-Identifier: MIT
#include "git.h"

#include <fmt/format.h>

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <set>

#include "store/store.h"
#include "system/process.h"

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

// Git finds a work tree through a `.git` (a folder, or a file naming one)
// in the folder or one above it: kith's git runs without GIT_DIR and the
// like (git_process_options). With none, asking git, a process started at
// every write, can only hear no.
bool git_could_find_a_work_tree(const fs::path& dir) {
  std::error_code ec;
  fs::path at = fs::canonical(dir, ec);  // git walks up the physical path
  if (ec) return true;                   // git says
  for (;;) {
    if (fs::symlink_status(at / ".git", ec).type() != fs::file_type::not_found) return true;  // or unreadable: git says
    if (!at.has_relative_path()) return false;
    at = at.parent_path();
  }
}

std::optional<fs::path> work_tree_root(const fs::path& dir) {
  if (!git_could_find_a_work_tree(dir)) return std::nullopt;
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

// A file's text as git holds it: `rev` is "HEAD" or "" (the index).
std::optional<std::string> git_text(const fs::path& root, const std::string& rev, const std::string& rel) {
  ProcessResult r = git(root, {"show", rev + ":./" + rel});
  if (r.status != 0) return std::nullopt;
  return r.out;
}

// The names in git's `-z` output.
std::set<std::string> nul_separated(const std::string& out) {
  std::set<std::string> names;
  for (std::size_t at = 0; at < out.size();) {
    std::size_t end = out.find('\0', at);
    if (end == std::string::npos) end = out.size();
    names.insert(out.substr(at, end - at));
    at = end + 1;
  }
  return names;
}

// A temporary file that removes itself (for git to read a blob or an index from).
class ScratchFile {
 public:
  ScratchFile() {
    std::string tmpl = (fs::temp_directory_path() / "kith-git-XXXXXX").string();
    int fd = ::mkstemp(tmpl.data());
    if (fd < 0) throw Error("cannot create a temporary file for git");
    ::close(fd);
    path_ = tmpl;
  }
  ~ScratchFile() {
    std::error_code ec;
    fs::remove(path_, ec);
  }
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;
  const fs::path& path() const { return path_; }
  void write(const std::string& text) const {
    std::ofstream out(path_, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush()) throw Error("cannot write a temporary file for git", path_.string());
  }

 private:
  fs::path path_;
};

// Stores `text` as a blob for `rel` (with the path's filters), returns its id.
std::string store_blob(const fs::path& root, const std::string& rel, const std::string& text) {
  ScratchFile scratch;
  scratch.write(text);
  ProcessResult r = git(root, {"hash-object", "-w", "--path=" + rel, scratch.path().string()});
  if (r.status != 0) throw Error(fmt::format("git hash-object failed: {}", complaint(r, "hash-object")));
  return chomp(r.out);
}

// The mode of `rel` in the index ("100644"), or the normal file mode.
std::string index_mode(const fs::path& root, const std::string& rel) {
  ProcessResult r = git(root, {"--literal-pathspecs", "ls-files", "-s"}, {rel});
  if (r.status == 0 && r.out.size() > 6) return r.out.substr(0, 6);
  return "100644";
}

// One file's three versions, and what kith's edit makes of them.
struct Versions {
  std::string rel;
  FileEdit change;
  std::optional<std::string> head, index;
  std::string work;  // the work tree, kith's change included
  bool hand_edited() const {
    return head && index && (*index != *head || work != change.edit(*head));
  }
};

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

bool git_has_identity(const fs::path& dir) {
  try {
    return run_captured({"git", "-C", dir.string(), "var", "GIT_COMMITTER_IDENT"}, git_process_options()).status == 0;
  } catch (const Error&) {
    return false;
  }
}

bool git_has_commits(const fs::path& dir) {
  try {
    return run_captured({"git", "-C", dir.string(), "rev-parse", "-q", "--verify", "HEAD"}, git_process_options()).status == 0;
  } catch (const Error&) {
    return false;
  }
}

void git_set_identity(const fs::path& dir, const std::string& name, const std::string& email) {
  for (auto [key, value] : {std::pair<std::string, std::string>{"user.name", name}, {"user.email", email}}) {
    ProcessResult r = run_captured({"git", "-C", dir.string(), "config", key, value}, git_process_options());
    if (r.status != 0) throw Error(fmt::format("git config {} failed: {}", key, complaint(r, "config")), dir.string());
  }
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
    // The paths go to git in a file, NUL-separated: an import changes
    // thousands of files, more than one command line holds, and a process
    // per file took minutes. "./" keeps a leading ':' a name for
    // check-ignore, which refuses --literal-pathspecs.
    ScratchFile list;
    auto write_list = [&] {
      std::string text;
      for (const std::string& p : paths) text += "./" + p + '\0';
      list.write(text);
    };
    ProcessOptions from_list = git_process_options();
    from_list.input = list.path();
    auto git_with_list = [&](std::vector<std::string> args) {
      std::vector<std::string> argv{"git", "-C", root->string()};
      argv.insert(argv.end(), args.begin(), args.end());
      return run_captured(argv, from_list);
    };

    write_list();
    ProcessResult ignored = git_with_list({"check-ignore", "-z", "--stdin"});
    if (ignored.status > 1) return failed(complaint(ignored, "check-ignore"));
    std::set<std::string> skip = nul_separated(ignored.out);
    std::erase_if(paths, [&](const std::string& p) { return skip.count("./" + p) > 0; });
    if (paths.empty()) return {};
    write_list();

    // --literal-pathspecs: file names such as `[draft].yaml` are names, not globs.
    ProcessResult add = git_with_list(
        {"--literal-pathspecs", "add", "--pathspec-from-file=-", "--pathspec-file-nul"});
    if (add.status != 0) return failed(complaint(add, "add"));
    // Nothing to commit when none of these paths differs from HEAD in the index.
    ProcessResult diff = git(*root, {"diff", "--cached", "--name-only", "--no-renames", "-z"});
    if (diff.status != 0) return failed(complaint(diff, "diff"));
    std::set<std::string> staged = nul_separated(diff.out);
    if (std::none_of(paths.begin(), paths.end(), [&](const std::string& p) { return staged.count(p) > 0; }))
      return {};
    // Paths given make this a commit of those paths only (`--only`): what
    // the user staged elsewhere stays staged, not committed.
    ProcessResult commit = git_with_list({"--literal-pathspecs", "commit", "-q", "-m", message,
                                          "--pathspec-from-file=-", "--pathspec-file-nul"});
    if (commit.status != 0) return failed(complaint(commit, "commit"));
  } catch (const ProgramNotFound&) {
    return {};
  } catch (const Error& e) {
    return failed(e.what());
  }
  return {CommitResult::Status::committed, {}};
}

CommitResult commit_edits(const fs::path& dir, const std::vector<FileEdit>& edits, const std::string& message) {
  std::vector<fs::path> files;
  for (const FileEdit& e : edits) files.push_back(e.path);
  std::optional<fs::path> root = work_tree_root(dir);
  if (!root) return {};
  try {
    std::vector<Versions> all;
    bool any_hand_edit = false;
    for (const FileEdit& e : edits) {
      std::optional<std::string> rel = relative_to(*root, e.path);
      if (!rel) continue;
      Versions v{*rel, e, git_text(*root, "HEAD", *rel), git_text(*root, "", *rel), read_file(e.path)};
      any_hand_edit = any_hand_edit || v.hand_edited();
      all.push_back(std::move(v));
    }
    if (!any_hand_edit) return commit_files(dir, files, message);

    // The commit: HEAD plus kith's edits alone, built in a scratch index so
    // that nothing else the user staged goes in with it.
    ScratchFile scratch_index;
    ProcessOptions scratch = git_process_options();
    scratch.env = {"GIT_INDEX_FILE=" + scratch_index.path().string()};
    auto git_scratch = [&](std::vector<std::string> args) {
      std::vector<std::string> argv{"git", "-C", root->string()};
      argv.insert(argv.end(), args.begin(), args.end());
      return run_captured(argv, scratch);
    };
    fs::remove(scratch_index.path());  // read-tree wants to write a fresh index
    ProcessResult read = git_scratch({"read-tree", "HEAD"});
    if (read.status != 0) return failed(complaint(read, "read-tree"));
    std::vector<std::pair<std::string, std::string>> staged;  // rel -> the user's index entry, kith's edit applied
    for (const Versions& v : all) {
      std::string committed = v.head ? v.change.edit(*v.head) : v.work;
      std::string mode = index_mode(*root, v.rel);
      std::string blob = store_blob(*root, v.rel, committed);
      ProcessResult put = git_scratch({"update-index", "--add", "--cacheinfo", mode + "," + blob + "," + v.rel});
      if (put.status != 0) return failed(complaint(put, "update-index"));
      std::string in_index = v.index && v.head && *v.index != *v.head ? v.change.edit(*v.index) : committed;
      staged.emplace_back(v.rel, mode + "," + store_blob(*root, v.rel, in_index) + "," + v.rel);
    }
    ProcessResult commit = git_scratch({"commit", "-q", "-m", message});
    if (commit.status != 0) return failed(complaint(commit, "commit"));
    // The user's index: what they had staged, with kith's change on top, so
    // their own edit shows as staged (or not) exactly as before.
    for (const auto& [rel, info] : staged) {
      ProcessResult put = git(*root, {"update-index", "--add", "--cacheinfo", info});
      if (put.status != 0) return failed(complaint(put, "update-index"));
    }
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
      {"git", "merge-file", "-p", "-L", "ours", "-L", "base", "-L", "theirs", o.path(), b.path(), t.path()},
      git_process_options());
  // Exit status: 0 clean, the number of conflicts, or negative (255) on error.
  if (r.status < 0 || r.status >= 128)
    throw Error(fmt::format("git merge-file failed: {}", complaint(r, "merge-file")));
  return {std::move(r.out), r.status != 0};
}

ProcessResult run_git(const fs::path& dir, const std::vector<std::string>& args) {
  std::vector<std::string> argv{"git", "-C", dir.string()};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_captured(argv, git_process_options());
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
