// SPDX-License-Identifier: MIT
#include "error.h"

#include <fmt/format.h>

namespace kith {

std::string Diagnostic::to_string() const {
  std::string where;
  if (!path.empty()) {
    where = path;
    if (line > 0) {
      where += fmt::format(":{}", line);
      if (col > 0) where += fmt::format(":{}", col);
    }
    where += ": ";
  }
  return where + message;
}

Error::Error(Diagnostic d) : std::runtime_error(d.to_string()), diagnostic_(std::move(d)) {}
Error::Error(std::string message) : Error(Diagnostic{{}, 0, 0, std::move(message)}) {}
Error::Error(std::string message, std::string path, int line, int col)
    : Error(Diagnostic{std::move(path), line, col, std::move(message)}) {}

}  // namespace kith
