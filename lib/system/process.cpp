// SPDX-License-Identifier: MIT
#include "process.h"

#include <algorithm>

#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

extern char** environ;

namespace kith {

namespace {

std::string errno_text(int e) { return std::strerror(e); }

// Owns the spawn file actions and attributes so every exit path frees them.
struct SpawnSetup {
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attr;
  SpawnSetup() {
    posix_spawn_file_actions_init(&actions);
    posix_spawnattr_init(&attr);
  }
  ~SpawnSetup() {
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
  }
  SpawnSetup(const SpawnSetup&) = delete;
  SpawnSetup& operator=(const SpawnSetup&) = delete;
};

// This process's environment without the variables named in `unset`.
std::vector<char*> child_environment(const std::vector<std::string>& unset) {
  std::vector<char*> env;
  for (char** e = environ; *e != nullptr; ++e) {
    std::string_view entry(*e);
    std::string_view name = entry.substr(0, entry.find('='));
    if (std::find(unset.begin(), unset.end(), name) == unset.end()) env.push_back(*e);
  }
  env.push_back(nullptr);
  return env;
}

pid_t spawn(const std::vector<std::string>& argv, const ProcessOptions& options, SpawnSetup& setup) {
  if (argv.empty() || argv[0].empty()) throw Error("no program to run");
  if (!options.cwd.empty()) {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 29))
    posix_spawn_file_actions_addchdir_np(&setup.actions, options.cwd.c_str());
#else
    throw Error(fmt::format("cannot run {} in {}: not supported on this system", argv[0], options.cwd.string()));
#endif
  }
  std::vector<char*> args;
  args.reserve(argv.size() + 1);
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  // The inherited environment less options.unset_env, with options.env
  // replacing same-named entries.
  std::vector<char*> env = child_environment(options.unset_env);
  env.pop_back();  // its terminating nullptr
  auto name_of = [](std::string_view entry) { return entry.substr(0, entry.find('=')); };
  std::erase_if(env, [&](const char* e) {
    return std::any_of(options.env.begin(), options.env.end(),
                       [&](const std::string& o) { return name_of(o) == name_of(e); });
  });
  for (const std::string& o : options.env) env.push_back(const_cast<char*>(o.c_str()));
  env.push_back(nullptr);
  pid_t pid = 0;
  int rc = ::posix_spawnp(&pid, argv[0].c_str(), &setup.actions, &setup.attr, args.data(), env.data());
  if (rc == ENOENT || rc == EACCES || rc == ENOEXEC)
    throw ProgramNotFound(fmt::format("cannot run {}: {}", argv[0], errno_text(rc)));
  if (rc != 0) {
    std::string where = options.cwd.empty() ? "" : fmt::format(" in {}", options.cwd.string());
    throw Error(fmt::format("cannot run {}{}: {}", argv[0], where, errno_text(rc)));
  }
  return pid;
}

int wait_for(pid_t pid, const std::string& program) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) throw Error(fmt::format("cannot wait for {}: {}", program, errno_text(errno)));
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return 128;
}

struct Pipe {
  int read = -1, write = -1;
  Pipe() {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) throw Error(fmt::format("cannot create a pipe: {}", errno_text(errno)));
    read = fds[0];
    write = fds[1];
  }
  ~Pipe() {
    close_read();
    close_write();
  }
  void close_read() {
    if (read >= 0) ::close(read);
    read = -1;
  }
  void close_write() {
    if (write >= 0) ::close(write);
    write = -1;
  }
  Pipe(const Pipe&) = delete;
  Pipe& operator=(const Pipe&) = delete;
};

// Reads both pipes until both are at end of file, whichever the child fills.
void drain(Pipe& out_pipe, std::string& out, Pipe& err_pipe, std::string& err) {
  char buf[8192];
  while (out_pipe.read >= 0 || err_pipe.read >= 0) {
    pollfd fds[2] = {{out_pipe.read, POLLIN, 0}, {err_pipe.read, POLLIN, 0}};
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      throw Error(fmt::format("cannot read a program's output: {}", errno_text(errno)));
    }
    Pipe* pipes[2] = {&out_pipe, &err_pipe};
    std::string* sinks[2] = {&out, &err};
    for (int i = 0; i < 2; ++i) {
      if (pipes[i]->read < 0 || fds[i].revents == 0) continue;
      ssize_t n = ::read(pipes[i]->read, buf, sizeof buf);
      if (n > 0) sinks[i]->append(buf, static_cast<std::size_t>(n));
      else if (n == 0 || errno != EINTR) pipes[i]->close_read();
    }
  }
}

}  // namespace

ProcessResult run_captured(const std::vector<std::string>& argv, const ProcessOptions& options) {
  Pipe out_pipe, err_pipe;
  SpawnSetup setup;
  const char* input = options.input.empty() ? "/dev/null" : options.input.c_str();
  posix_spawn_file_actions_addopen(&setup.actions, STDIN_FILENO, input, O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&setup.actions, out_pipe.write, STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&setup.actions, err_pipe.write, STDERR_FILENO);
  pid_t pid = spawn(argv, options, setup);
  // Only the child may hold the write ends, or the reads below never end.
  out_pipe.close_write();
  err_pipe.close_write();
  ProcessResult result;
  try {
    drain(out_pipe, result.out, err_pipe, result.err);
  } catch (...) {
    out_pipe.close_read();  // a child still writing gets SIGPIPE instead of blocking
    err_pipe.close_read();
    wait_for(pid, argv[0]);  // never leave a zombie behind
    throw;
  }
  result.status = wait_for(pid, argv[0]);
  return result;
}

int run_attached(const std::vector<std::string>& argv, const ProcessOptions& options) {
  struct sigaction ignore {}, old_int {}, old_quit {};
  ignore.sa_handler = SIG_IGN;
  sigemptyset(&ignore.sa_mask);
  ::sigaction(SIGINT, &ignore, &old_int);
  ::sigaction(SIGQUIT, &ignore, &old_quit);
  auto restore = [&] {
    ::sigaction(SIGINT, &old_int, nullptr);
    ::sigaction(SIGQUIT, &old_quit, nullptr);
  };
  try {
    SpawnSetup setup;
    // The child gets back what this process had, unless it was ignored
    // already (a background job keeps ignoring Ctrl-C, as with system(3)).
    sigset_t defaults;
    sigemptyset(&defaults);
    if (old_int.sa_handler != SIG_IGN) sigaddset(&defaults, SIGINT);
    if (old_quit.sa_handler != SIG_IGN) sigaddset(&defaults, SIGQUIT);
    posix_spawnattr_setsigdefault(&setup.attr, &defaults);
    posix_spawnattr_setflags(&setup.attr, POSIX_SPAWN_SETSIGDEF);
    if (!options.input.empty())
      posix_spawn_file_actions_addopen(&setup.actions, STDIN_FILENO, options.input.c_str(), O_RDONLY, 0);
    pid_t pid = spawn(argv, options, setup);
    int status = wait_for(pid, argv[0]);
    restore();
    return status;
  } catch (...) {
    restore();
    throw;
  }
}

std::vector<std::string> split_command(const std::string& command) {
  std::vector<std::string> words;
  std::string word;
  for (char c : command) {
    if (c == ' ' || c == '\t') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

}  // namespace kith
