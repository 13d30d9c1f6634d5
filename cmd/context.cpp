// SPDX-License-Identifier: MIT
#include "context.h"

#include <unistd.h>

#include "store/transaction.h"

namespace kith {

fs::path Context::data_dir() const {
  return resolve_data_dir(dir_flag.empty() ? std::nullopt : std::optional<std::string>(dir_flag), config, env);
}

fs::path Context::cache_dir() const {
  if (no_cache || env("KITH_NO_CACHE").value_or("") == "1") return {};
  if (auto xdg = env("XDG_CACHE_HOME"); xdg && !xdg->empty() && (*xdg)[0] == '/') return fs::path(*xdg) / "kith";
  if (auto home = env("HOME"); home && !home->empty()) return fs::path(*home) / ".cache" / "kith";
  return {};
}

Store Context::store() const {
  Store s(data_dir(), cache_dir());
  // Readers do not lock; but a change a dead writer left half-done must be
  // finished first (taking the lock does it), or they would see half of it.
  std::error_code ec;
  if (fs::exists(fs::symlink_status(journal_path(s.dir()), ec))) s.lock();
  return s;
}

bool Context::color() const {
  std::string mode = !color_flag.empty() ? color_flag : config.color.value_or("auto");
  if (mode == "always") return true;
  if (mode == "never") return false;
  return ::isatty(STDOUT_FILENO) && !env("NO_COLOR");
}

}  // namespace kith
