// SPDX-License-Identifier: MIT
#include "cli_util.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "model/error.h"
#include "system/process.h"

extern char** environ;

namespace kith::test {

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t nl; (nl = text.find('\n', start)) != std::string::npos; start = nl + 1)
    lines.push_back(text.substr(start, nl - start));
  if (start < text.size()) lines.push_back(text.substr(start));
  return lines;
}

TempDir::TempDir() {
  std::string tmpl = (fs::temp_directory_path() / "kith-test-XXXXXX").string();
  if (::mkdtemp(tmpl.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = tmpl;
  fs::create_directories(path_ / "home");
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
  fs::remove_all(path_, ec);
}

void TempDir::write(const std::string& rel, const std::string& text) const {
  fs::path p = path_ / rel;
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << text;
}

std::string TempDir::read(const std::string& rel) const { return read_text(path_ / rel); }

std::map<std::string, std::string> TempDir::snapshot() const {
  std::map<std::string, std::string> files;
  for (auto& e : fs::recursive_directory_iterator(path_)) {
    if (!e.is_regular_file()) continue;
    std::string rel = fs::relative(e.path(), path_).string();
    if (rel.find("/.git/") != std::string::npos || rel.rfind(".git/", 0) == 0) continue;
    if (rel.rfind("home/.cache/", 0) == 0) continue;  // the parse cache: outside the data, rebuilt at will
    files[rel] = read_text(e.path());
  }
  return files;
}

std::string RunResult::describe() const {
  std::ostringstream s;
  s << "exit code " << code << "\n--- stdout ---\n" << out << "--- stderr ---\n" << err;
  return s.str();
}

RunResult run_kith(const TempDir& tmp, const std::vector<std::string>& args, const RunOptions& options) {
  std::map<std::string, std::string> env;
  if (const char* path = std::getenv("PATH")) env["PATH"] = path;
  env["HOME"] = (tmp.path() / "home").string();
  env["XDG_CONFIG_HOME"] = (tmp.path() / "home/.config").string();
  env["XDG_DATA_HOME"] = (tmp.path() / "home/.local/share").string();
  env["KITH_TODAY"] = "2026-11-21";
  env["LANG"] = "C.UTF-8";
  env["GIT_AUTHOR_NAME"] = env["GIT_COMMITTER_NAME"] = "kith test";
  env["GIT_AUTHOR_EMAIL"] = env["GIT_COMMITTER_EMAIL"] = "test@kith.invalid";
  for (const char* keep : {"ASAN_OPTIONS", "UBSAN_OPTIONS"})
    if (const char* v = std::getenv(keep)) env[keep] = v;
  // LeakSanitizer cannot run under ptrace (strace): off for a sanitized build.
  if (!options.wrapper.empty() && env.count("ASAN_OPTIONS")) env["ASAN_OPTIONS"] += ":detect_leaks=0";
  for (const auto& [k, v] : options.env) {
    if (v.empty()) env.erase(k);
    else env[k] = v;
  }
  std::vector<std::string> env_strings;
  for (const auto& [k, v] : env) env_strings.push_back(k + "=" + v);
  std::vector<char*> envp;
  for (std::string& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);

  std::vector<std::string> argv_strings = options.wrapper;
  argv_strings.push_back(KITH_BINARY);
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& s : argv_strings) argv.push_back(s.data());
  argv.push_back(nullptr);

  // Output goes to files: no pipe deadlock however much kith prints.
  char out_name[] = "/tmp/kith-out-XXXXXX";
  char err_name[] = "/tmp/kith-err-XXXXXX";
  char in_name[] = "/tmp/kith-in-XXXXXX";
  int out_fd = ::mkstemp(out_name), err_fd = ::mkstemp(err_name), in_fd = ::mkstemp(in_name);
  if (options.input) {
    std::ofstream(in_name, std::ios::binary) << *options.input;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out_fd, 1);
  posix_spawn_file_actions_adddup2(&actions, err_fd, 2);
  if (options.input) posix_spawn_file_actions_addopen(&actions, 0, in_name, O_RDONLY, 0);
  else posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  fs::path cwd = options.cwd.empty() ? tmp.path() : options.cwd;
  fs::path old_cwd = fs::current_path();
  fs::current_path(cwd);  // posix_spawn_file_actions_addchdir_np needs glibc 2.29; this is simpler
  pid_t pid = 0;
  int rc = options.wrapper.empty() ? ::posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data())
                                    : ::posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
  fs::current_path(old_cwd);
  posix_spawn_file_actions_destroy(&actions);
  RunResult result;
  if (rc == 0) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    result.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  ::close(out_fd);
  ::close(err_fd);
  ::close(in_fd);
  result.out = read_text(out_name);
  result.err = read_text(err_name);
  ::unlink(out_name);
  ::unlink(err_name);
  ::unlink(in_name);
  return result;
}

fs::path copy_examples(const TempDir& tmp, const std::string& rel) {
  fs::path dest = tmp.path() / rel;
  fs::copy(fs::path(KITH_SOURCE_DIR) / "examples/people", dest, fs::copy_options::recursive);
  return dest;
}

bool installed(const std::string& program) {
  try {
    return run_captured({"sh", "-c", "command -v " + program}).status == 0;
  } catch (const Error&) {
    return false;
  }
}

}  // namespace kith::test
