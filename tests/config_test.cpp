// SPDX-License-Identifier: MIT
#include "store/config.h"

#include <gtest/gtest.h>
#include <pwd.h>
#include <sys/stat.h>

#include <map>
#include <string>

#include "cli_util.h"
#include "model/error.h"

namespace kith {
namespace {

using test::TempDir;
namespace fs = std::filesystem;

// An environment made of exactly these variables; empty values count as unset,
// as they do for process_env().
Getenv env_of(std::map<std::string, std::string> vars) {
  return [vars = std::move(vars)](const std::string& name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end() || it->second.empty()) return std::nullopt;
    return it->second;
  };
}

const Getenv kHome = env_of({{"HOME", "/home/ada"}});

std::optional<std::string> none() { return std::nullopt; }

TEST(ResolveDataDir, FlagBeatsEverything) {
  Getenv env = env_of({{"HOME", "/home/ada"}, {"KITH_DIR", "/env"}, {"XDG_DATA_HOME", "/xdg"}});
  UserConfig config;
  config.dir = "/config";
  EXPECT_EQ(resolve_data_dir("/flag", config, env), fs::path("/flag"));
}

TEST(ResolveDataDir, KithDirBeatsConfigAndXdg) {
  Getenv env = env_of({{"HOME", "/home/ada"}, {"KITH_DIR", "/env"}, {"XDG_DATA_HOME", "/xdg"}});
  UserConfig config;
  config.dir = "/config";
  EXPECT_EQ(resolve_data_dir(none(), config, env), fs::path("/env"));
}

TEST(ResolveDataDir, ConfigDirBeatsXdg) {
  Getenv env = env_of({{"HOME", "/home/ada"}, {"XDG_DATA_HOME", "/xdg"}});
  UserConfig config;
  config.dir = "/config";
  EXPECT_EQ(resolve_data_dir(none(), config, env), fs::path("/config"));
}

TEST(ResolveDataDir, XdgDataHomeThenTheHomeDefault) {
  EXPECT_EQ(resolve_data_dir(none(), {}, env_of({{"HOME", "/home/ada"}, {"XDG_DATA_HOME", "/xdg"}})),
            fs::path("/xdg/kith"));
  EXPECT_EQ(resolve_data_dir(none(), {}, kHome), fs::path("/home/ada/.local/share/kith"));
  // An empty variable is an unset one.
  EXPECT_EQ(resolve_data_dir(none(), {}, env_of({{"HOME", "/home/ada"}, {"XDG_DATA_HOME", ""}, {"KITH_DIR", ""}})),
            fs::path("/home/ada/.local/share/kith"));
}

TEST(ResolveDataDir, TildeIsExpandedInTheFlagAndKithDir) {
  EXPECT_EQ(resolve_data_dir("~/net", {}, kHome), fs::path("/home/ada/net"));
  EXPECT_EQ(resolve_data_dir("~", {}, kHome), fs::path("/home/ada"));
  EXPECT_EQ(resolve_data_dir(none(), {}, env_of({{"HOME", "/home/ada"}, {"KITH_DIR", "~/kith"}})),
            fs::path("/home/ada/kith"));
}

TEST(ExpandHome, TildeUserIsThatUsersHome) {
  struct passwd* root = ::getpwnam("root");
  ASSERT_NE(root, nullptr);
  EXPECT_EQ(expand_home("~root/net", kHome), std::string(root->pw_dir) + "/net");
  EXPECT_EQ(expand_home("~root", kHome), std::string(root->pw_dir));
  EXPECT_EQ(expand_home("~no-such-user-kith/net", kHome), "~no-such-user-kith/net");  // unknown: left alone
}

TEST(ExpandHome, OnlyALeadingTildeAlone) {
  EXPECT_EQ(expand_home("~", kHome), "/home/ada");
  EXPECT_EQ(expand_home("~/", kHome), "/home/ada/");
  EXPECT_EQ(expand_home("~/a/b", kHome), "/home/ada/a/b");
  EXPECT_EQ(expand_home("net/~", kHome), "net/~");
  EXPECT_EQ(expand_home("/abs/path", kHome), "/abs/path");
  EXPECT_EQ(expand_home("~/net", env_of({})), "~/net");  // no HOME: left alone
}

TEST(UserConfigPath, XdgConfigHomeElseDotConfig) {
  EXPECT_EQ(user_config_path(env_of({{"HOME", "/home/ada"}, {"XDG_CONFIG_HOME", "/cfg"}})),
            fs::path("/cfg/kith/config.yaml"));
  EXPECT_EQ(user_config_path(kHome), fs::path("/home/ada/.config/kith/config.yaml"));
}

class ReadUserConfig : public ::testing::Test {
 protected:
  TempDir tmp;
  Getenv env = env_of({{"HOME", (tmp / "home").string()}, {"XDG_CONFIG_HOME", (tmp / "cfg").string()}});
  std::string config_path() const { return (tmp / "cfg/kith/config.yaml").string(); }
  void write(const std::string& text) { tmp.write("cfg/kith/config.yaml", text); }
  std::string error(const std::string& text) {
    write(text);
    return error_as_is();
  }
  std::string error_as_is() {
    try {
      read_user_config(env);
    } catch (const Error& e) {
      return e.what();
    }
    ADD_FAILURE() << "no error for " << config_path();
    return "";
  }
};

TEST_F(ReadUserConfig, AMissingFileIsAnEmptyConfig) {
  UserConfig c = read_user_config(env);
  EXPECT_FALSE(c.dir);
  EXPECT_FALSE(c.color);
}

TEST_F(ReadUserConfig, AnEmptyOrCommentOnlyFileIsAnEmptyConfig) {
  write("# dir: ~/net\n");
  EXPECT_FALSE(read_user_config(env).dir);
}

TEST_F(ReadUserConfig, ReadsDirWithTildeAndColor) {
  write("# where my network lives\ndir: ~/net   # synced\ncolor: never\n");
  UserConfig c = read_user_config(env);
  ASSERT_TRUE(c.dir);
  EXPECT_EQ(*c.dir, (tmp / "home").string() + "/net");
  EXPECT_EQ(c.color, "never");
  EXPECT_EQ(resolve_data_dir(none(), c, env), fs::path((tmp / "home").string() + "/net"));
}

TEST_F(ReadUserConfig, BadColorHasItsPosition) {
  EXPECT_EQ(error("dir: /x\ncolor: sometimes\n"),
            config_path() + ":2:8: color 'sometimes' must be auto, always or never");
}

TEST_F(ReadUserConfig, UnknownKeyHasItsPosition) {
  EXPECT_EQ(error("dir: /x\ndirectory: /y\n"), config_path() + ":2:1: unknown key 'directory' (known: dir, color)");
}

TEST_F(ReadUserConfig, EmptyDirHasItsPosition) {
  EXPECT_EQ(error("dir: \"\"\n"), config_path() + ":1:6: dir must be a path");
}

TEST_F(ReadUserConfig, DirOfAnotherUserIsExpanded) {
  write("dir: ~root/net\n");
  EXPECT_EQ(*read_user_config(env).dir, std::string(::getpwnam("root")->pw_dir) + "/net");
}

TEST_F(ReadUserConfig, RelativeDirIsRefusedWithItsPosition) {
  EXPECT_EQ(error("color: never\ndir: net\n"),
            config_path() + ":2:6: dir 'net' must be an absolute path, or start with ~/ or ~user/");
  EXPECT_EQ(error("dir: ~no-such-user-kith/net\n"),
            config_path() +
                ":1:6: dir '~no-such-user-kith/net' must be an absolute path, or start with ~/ or ~user/");
}

TEST_F(ReadUserConfig, ShellVariableInDirIsRefusedWithItsPosition) {
  const std::string why = "holds a shell variable, which kith does not expand; write the path itself (~/ and "
                          "~user/ are expanded)";
  EXPECT_EQ(error("dir: $HOME/net\n"), config_path() + ":1:6: dir '$HOME/net' " + why);
  EXPECT_EQ(error("dir: /data/${USER}/net\n"), config_path() + ":1:6: dir '/data/${USER}/net' " + why);
}

TEST_F(ReadUserConfig, AFifoOrADeviceIsRefusedWithoutWaiting) {
  fs::create_directories(tmp / "cfg/kith");
  ASSERT_EQ(::mkfifo((tmp / "cfg/kith/config.yaml").c_str(), 0600), 0);
  EXPECT_EQ(error_as_is(), config_path() + ": cannot read: it is a FIFO, not a regular file");
  fs::remove(tmp / "cfg/kith/config.yaml");
  fs::create_symlink("/dev/zero", tmp / "cfg/kith/config.yaml");
  EXPECT_EQ(error_as_is(), config_path() + ": cannot read: it is a device, not a regular file");
}

TEST_F(ReadUserConfig, AHugeFileIsRefusedBeforeItIsRead) {
  write("dir: /x\n");
  fs::resize_file(config_path(), 3ull << 30);  // sparse: costs no disk
  EXPECT_EQ(error_as_is(), config_path() + ": file is too large (3221225472 bytes; the limit is 1048576 bytes)");
}

TEST_F(ReadUserConfig, NotAMapOrNotYaml) {
  EXPECT_EQ(error("- dir: /x\n"), config_path() + ":1:1: config.yaml must be a map, e.g. `dir: ~/net`");
  std::string e = error("dir: [/x\n");
  EXPECT_EQ(e, config_path() + ":1:6: invalid YAML: this `[` is never closed (no matching `]`)");
}

}  // namespace
}  // namespace kith
