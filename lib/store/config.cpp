// SPDX-License-Identifier: MIT
#include "config.h"

#include <fmt/format.h>
#include <pwd.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "model/error.h"
#include "store.h"
#include "yaml/load.h"
#include "yaml/yaml_util.h"

namespace kith {

Getenv process_env() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* v = std::getenv(name.c_str());
    if (v == nullptr || *v == '\0') return std::nullopt;
    return std::string(v);
  };
}

namespace {

// The home folder of the user `name`, from /etc/passwd. Read directly, not
// through getpwnam: kith is linked statically (CMakeLists.txt), and a static
// glibc would load the system's NSS modules at run time, which must then be
// of the very version it was built with.
std::optional<std::string> home_of(const std::string& name) {
  std::FILE* file = std::fopen("/etc/passwd", "re");
  if (file == nullptr) return std::nullopt;
  struct passwd entry {};
  struct passwd* found = nullptr;
  std::vector<char> buf(16384);
  std::optional<std::string> home;
  while (::fgetpwent_r(file, &entry, buf.data(), buf.size(), &found) == 0 && found != nullptr) {
    if (name == found->pw_name) {
      if (found->pw_dir != nullptr) home = std::string(found->pw_dir);
      break;
    }
  }
  std::fclose(file);
  return home;
}

// `$NAME` or `${`: a shell variable that no shell expanded.
bool holds_variable(const std::string& text) {
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    unsigned char next = static_cast<unsigned char>(text[i + 1]);
    if (text[i] == '$' && (next == '{' || next == '_' || std::isalpha(next))) return true;
  }
  return false;
}

}  // namespace

std::string expand_home(const std::string& path, const Getenv& env) {
  if (path.empty() || path[0] != '~') return path;
  std::size_t slash = path.find('/');
  std::string user = path.substr(1, slash == std::string::npos ? std::string::npos : slash - 1);
  std::string rest = slash == std::string::npos ? "" : path.substr(slash);
  std::optional<std::string> home = user.empty() ? env("HOME") : home_of(user);
  return home ? *home + rest : path;
}

namespace {

std::filesystem::path xdg(const Getenv& env, const char* var, const char* fallback) {
  if (auto v = env(var)) return *v;
  return std::filesystem::path(env("HOME").value_or(".")) / fallback;
}

}  // namespace

std::filesystem::path user_config_path(const Getenv& env) {
  return xdg(env, "XDG_CONFIG_HOME", ".config") / "kith" / "config.yaml";
}

UserConfig read_user_config(const Getenv& env) {
  UserConfig config;
  std::filesystem::path path = user_config_path(env);
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return config;
  std::string text = read_file(path);
  YAML::Node root;
  if (auto bad = parse_yaml(text, path.string(), root)) throw Error(*bad);
  if (root.IsNull()) return config;
  if (!root.IsMap()) throw Error(diagnostic_at(path.string(), root, "config.yaml must be a map, e.g. `dir: ~/net`"));
  for (auto it = root.begin(); it != root.end(); ++it) {
    std::string key = scalar_or_empty(it->first);
    std::string value = scalar_or_empty(it->second);
    if (key == "dir") {
      if (value.empty()) throw Error(diagnostic_at(path.string(), it->second, "dir must be a path"));
      // No shell reads this file: `$HOME/net` or `net` would make a literal
      // folder wherever kith runs.
      if (holds_variable(value))
        throw Error(diagnostic_at(path.string(), it->second,
                                  fmt::format("dir '{}' holds a shell variable, which kith does not expand; write "
                                              "the path itself (~/ and ~user/ are expanded)",
                                              value)));
      std::string expanded = expand_home(value, env);
      if (!std::filesystem::path(expanded).is_absolute())
        throw Error(diagnostic_at(path.string(), it->second,
                                  fmt::format("dir '{}' must be an absolute path, or start with ~/ or ~user/",
                                              value)));
      config.dir = expanded;
    } else if (key == "color") {
      if (value != "auto" && value != "always" && value != "never")
        throw Error(diagnostic_at(path.string(), it->second,
                                  fmt::format("color '{}' must be auto, always or never", value)));
      config.color = value;
    } else {
      throw Error(diagnostic_at(path.string(), it->first,
                                fmt::format("unknown key '{}' (known: dir, color)", key)));
    }
  }
  return config;
}

std::filesystem::path resolve_data_dir(const std::optional<std::string>& flag, const UserConfig& config,
                                       const Getenv& env) {
  if (flag) return expand_home(*flag, env);
  if (auto v = env("KITH_DIR")) return expand_home(*v, env);
  if (config.dir) return *config.dir;
  return xdg(env, "XDG_DATA_HOME", ".local/share") / "kith";
}

}  // namespace kith
