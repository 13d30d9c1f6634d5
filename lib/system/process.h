// SPDX-License-Identifier: MIT
#pragma once
// Running another program (git, the user's editor) from an argument vector:
// posix_spawnp, never a shell, so no argument is ever re-split or expanded.
// The child inherits the environment and PATH lookup of this process, less
// the variables a caller asks to remove.
#include <filesystem>
#include <string>
#include <vector>

#include "model/error.h"

namespace kith {

// The program could not be started at all: not found in PATH, or not
// executable. Callers that treat a missing program as "feature off" (git)
// catch this one; anything else about starting it is a plain Error.
class ProgramNotFound : public Error {
 public:
  using Error::Error;
};

struct ProcessOptions {
  std::filesystem::path cwd;  // empty: this process's working directory
  // Names removed from the child's environment (git's repository-selecting
  // variables, inherited from a hook, must not redirect kith's git).
  std::vector<std::string> unset_env;
  // `NAME=value` entries added to (or replacing in) the inherited environment.
  std::vector<std::string> env;
  // Stdin from this file, instead of this process's stdin (run_attached) or
  // /dev/null (run_captured).
  std::filesystem::path input;
};

struct ProcessResult {
  int status = -1;  // the exit code; 128 + N when killed by signal N
  std::string out;  // everything written to stdout
  std::string err;  // everything written to stderr
};

// Runs argv[0] (looked up in PATH) with argv, stdin from /dev/null (or
// options.input), and
// returns its exit status and whole output. Both streams are drained
// together, so a child that writes a lot to either cannot deadlock.
// Throws ProgramNotFound, or Error when it cannot be started or waited for.
ProcessResult run_captured(const std::vector<std::string>& argv, const ProcessOptions& options = {});

// Runs argv with this process's stdin, stdout and stderr (an editor, a
// pager) and returns its exit status. Like system(3), this process ignores
// SIGINT and SIGQUIT until the child exits, so Ctrl-C reaches the child
// alone; the child gets the default handlers. Throws like run_captured.
int run_attached(const std::vector<std::string>& argv, const ProcessOptions& options = {});

// Splits a command held in a variable such as $EDITOR ("code --wait") on
// spaces and tabs. No quoting rules and no shell: what a user can write in
// $EDITOR without one.
std::vector<std::string> split_command(const std::string& command);

}  // namespace kith
