// SPDX-License-Identifier: MIT
#pragma once
// Starting `kith` without waiting for it, for the crash and concurrency
// tests: many at once, killed at a chosen moment, or under a umask or a file
// size limit (RLIMIT_FSIZE with SIGXFSZ ignored, so a write fails with EFBIG
// as on a full disk). The environment is the one run_kith() gives.
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cli_util.h"

namespace kith::test {

struct SpawnOptions {
  std::optional<mode_t> umask;
  std::optional<rlim_t> max_file_size;  // bytes; writes past it fail with EFBIG
};

struct Child {
  pid_t pid = -1;
  fs::path out, err;  // where its stdout and stderr go
};

inline Child spawn_kith(const TempDir& tmp, const std::vector<std::string>& args, const SpawnOptions& options = {}) {
  static int serial = 0;
  std::map<std::string, std::string> env;
  if (const char* p = std::getenv("PATH")) env["PATH"] = p;
  env["HOME"] = (tmp.path() / "home").string();
  env["XDG_CONFIG_HOME"] = (tmp.path() / "home/.config").string();
  env["XDG_DATA_HOME"] = (tmp.path() / "home/.local/share").string();
  env["KITH_TODAY"] = "2026-11-21";
  env["LANG"] = "C.UTF-8";
  for (const char* keep : {"ASAN_OPTIONS", "UBSAN_OPTIONS"})
    if (const char* v = std::getenv(keep)) env[keep] = v;
  std::vector<std::string> env_strings, argv_strings{KITH_BINARY};
  for (const auto& [k, v] : env) env_strings.push_back(k + "=" + v);
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> envp, argv;
  for (auto& s : env_strings) envp.push_back(s.data());
  for (auto& s : argv_strings) argv.push_back(s.data());
  envp.push_back(nullptr);
  argv.push_back(nullptr);

  Child child;
  fs::create_directories(tmp.path() / "home");
  std::string stem = (tmp.path() / "home" / ("run-" + std::to_string(::getpid()) + "-" + std::to_string(serial++))).string();
  child.out = stem + ".out";
  child.err = stem + ".err";
  std::string out = child.out.string(), err = child.err.string(), cwd = tmp.path().string();
  // Everything is prepared above: the child only makes system calls.
  child.pid = ::fork();
  if (child.pid == 0) {
    if (options.umask) ::umask(*options.umask);
    if (options.max_file_size) {
      ::signal(SIGXFSZ, SIG_IGN);  // kept across exec: write() fails with EFBIG
      struct rlimit limit {*options.max_file_size, *options.max_file_size};
      ::setrlimit(RLIMIT_FSIZE, &limit);
    }
    int in_fd = ::open("/dev/null", O_RDONLY);
    int out_fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int err_fd = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in_fd < 0 || out_fd < 0 || err_fd < 0 || ::chdir(cwd.c_str()) != 0) ::_exit(126);
    ::dup2(in_fd, 0);
    ::dup2(out_fd, 1);
    ::dup2(err_fd, 2);
    ::execve(argv[0], argv.data(), envp.data());
    ::_exit(127);
  }
  return child;
}

// Waits for `child`; the code is 128 + signal when it was killed.
inline RunResult finish(const Child& child) {
  RunResult r;
  int status = 0;
  while (::waitpid(child.pid, &status, 0) < 0 && errno == EINTR) {
  }
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = read_text(child.out);
  r.err = read_text(child.err);
  std::error_code ec;
  fs::remove(child.out, ec);
  fs::remove(child.err, ec);
  return r;
}

inline RunResult run_kith_with(const TempDir& tmp, const std::vector<std::string>& args, const SpawnOptions& options) {
  return finish(spawn_kith(tmp, args, options));
}

}  // namespace kith::test
