// SPDX-License-Identifier: MIT
#pragma once
// End-to-end helpers: a fresh temporary directory per test, and running the
// built `kith` binary in it with a clean environment (HOME, XDG dirs and
// KITH_TODAY pinned), capturing stdout, stderr and the exit code.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kith::test {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const fs::path& path() const { return path_; }
  fs::path operator/(const std::string& rel) const { return path_ / rel; }
  // Writes `text` byte for byte at `rel`, creating folders.
  void write(const std::string& rel, const std::string& text) const;
  std::string read(const std::string& rel) const;
  bool exists(const std::string& rel) const { return fs::exists(path_ / rel); }
  // Every file below (relative path -> content), for "nothing changed" checks;
  // .git folders and the parse cache (home/.cache/) are left out.
  std::map<std::string, std::string> snapshot() const;

 private:
  fs::path path_;
};

struct RunResult {
  int code = -1;
  std::string out;
  std::string err;
  std::string describe() const;  // for failure messages
};

struct RunOptions {
  std::map<std::string, std::string> env;  // added to / overriding the clean environment
  std::optional<std::string> input;        // stdin; /dev/null when not given
  fs::path cwd;                            // default: the TempDir
  std::vector<std::string> wrapper;        // runs kith under it (strace ...), found in PATH
};

// Runs `kith args...` with HOME=<tmp>/home, XDG_CONFIG_HOME and XDG_DATA_HOME
// under it, KITH_TODAY=2026-11-21, NO_COLOR unset, PATH kept. Set an env
// value to "" to remove that variable.
RunResult run_kith(const TempDir& tmp, const std::vector<std::string>& args, const RunOptions& options = {});

// Copies examples/people into `tmp/rel` and returns that path.
fs::path copy_examples(const TempDir& tmp, const std::string& rel = "people");

std::string read_text(const fs::path& p);

// True when `program` is found in PATH (tests of optional tools skip otherwise).
bool installed(const std::string& program);

// The lines of `text`, without their terminators.
std::vector<std::string> lines_of(const std::string& text);

}  // namespace kith::test
