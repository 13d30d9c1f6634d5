// SPDX-License-Identifier: MIT
#pragma once
// The user's own configuration, outside the data directory:
// $XDG_CONFIG_HOME/kith/config.yaml (default ~/.config/kith/config.yaml),
// and where the data directory is (DESIGN.md section 1).
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace kith {

// Reads an environment variable; returns nullopt when unset or empty.
// Passed in so tests can supply their own environment.
using Getenv = std::function<std::optional<std::string>(const std::string&)>;
Getenv process_env();

struct UserConfig {
  std::optional<std::string> dir;    // `dir:`, `~/` and `~user/` expanded, always absolute
  std::optional<std::string> color;  // `color: auto|always|never`
};

std::filesystem::path user_config_path(const Getenv& env);

// Reads the config file if it exists. Throws Error (path:line:col) when it is
// unreadable or has bad values.
UserConfig read_user_config(const Getenv& env);

// --dir, then KITH_DIR, then config.yaml's `dir:`, then $XDG_DATA_HOME/kith
// (default ~/.local/share/kith).
std::filesystem::path resolve_data_dir(const std::optional<std::string>& flag, const UserConfig& config,
                                       const Getenv& env);

// `~` and `~/x` become $HOME and $HOME/x; `~user` and `~user/x` that
// user's home (from the password database). Left alone when unknown.
std::string expand_home(const std::string& path, const Getenv& env);

}  // namespace kith
