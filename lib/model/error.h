// SPDX-License-Identifier: MIT
#pragma once
// One error type for everything the user can get wrong. It carries where the
// problem is (path, 1-based line and column; 0 when not known) so the top
// level prints it once as `path:line:col: message`.
#include <stdexcept>
#include <string>

namespace kith {

struct Diagnostic {
  std::string path;
  int line = 0;
  int col = 0;
  std::string message;

  // "path:line:col: message", dropping the parts that are not known.
  std::string to_string() const;
};

// A data or environment error: exit code 1.
class Error : public std::runtime_error {
 public:
  explicit Error(Diagnostic d);
  explicit Error(std::string message);
  Error(std::string message, std::string path, int line = 0, int col = 0);
  const Diagnostic& diagnostic() const { return diagnostic_; }

 private:
  Diagnostic diagnostic_;
};

// The arguments themselves are wrong (a DATE that does not parse, a bad
// duration): exit code 2, like CLI11's own parse errors.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace kith
