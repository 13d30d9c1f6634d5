// SPDX-License-Identifier: MIT
#include "walk.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include "cli_util.h"

namespace kith {
namespace {

using test::TempDir;
namespace fs = std::filesystem;

std::vector<std::string> rels(const Walk& w) {
  std::vector<std::string> out;
  for (const FoundFile& f : w.files) out.push_back(f.rel);
  return out;
}

TEST(WalkDirectory, FindsPersonFilesFolderByFolderWithTheirStat) {
  TempDir tmp;
  tmp.write("net/a-b/x.yaml", "name: X\n");
  tmp.write("net/a/x.yaml", "name: Y\n");
  tmp.write("net/a.yaml", "name: Ada\n");
  tmp.write("net/b.txt", "not a person\n");
  tmp.write("net/.git/c.yaml", "name: hidden\n");
  tmp.write("net/.d.yaml", "name: hidden\n");
  Walk w = walk_directory((tmp / "net").string());
  EXPECT_EQ(rels(w), (std::vector<std::string>{"a/x.yaml", "a-b/x.yaml", "a.yaml"}));
  struct stat st {};
  ASSERT_EQ(::stat((tmp / "net/a.yaml").c_str(), &st), 0);
  EXPECT_EQ(w.files[2].key.size, 10u);
  EXPECT_EQ(w.files[2].key.inode, st.st_ino);
  EXPECT_EQ(w.files[2].key.mtime_ns, st.st_mtim.tv_sec * 1'000'000'000LL + st.st_mtim.tv_nsec);
  EXPECT_TRUE(w.problems.empty());
}

int fail_broken(int parent, const char* name) {
  if (std::strcmp(name, "broken") == 0) {
    errno = EIO;
    return -1;
  }
  return ::openat(parent, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

TEST(WalkDirectory, AFolderThatCannotBeReadIsAProblemAndTheWalkGoesOn) {
  TempDir tmp;
  tmp.write("net/a.yaml", "name: A\n");
  tmp.write("net/broken/b.yaml", "name: B\n");
  tmp.write("net/c/d.yaml", "name: D\n");
  tmp.write("net/z.yaml", "name: Z\n");
  std::string dir = (tmp / "net").string();
  Walk w = walk_directory(dir, fail_broken);
  EXPECT_EQ(rels(w), (std::vector<std::string>{"a.yaml", "c/d.yaml", "z.yaml"}));
  ASSERT_EQ(w.problems.size(), 1u);
  EXPECT_EQ(w.problems[0].to_string(), dir + "/broken: cannot read folder: " + std::strerror(EIO));
}

TEST(WalkDirectory, AMissingDirectoryIsAProblem) {
  TempDir tmp;
  Walk w = walk_directory((tmp / "none").string());
  EXPECT_TRUE(w.files.empty());
  ASSERT_EQ(w.problems.size(), 1u);
  EXPECT_NE(w.problems[0].message.find("cannot read folder"), std::string::npos);
}

TEST(WalkDirectory, TwoNamesOfOneFileAreOneFileAndTheRealNameWins) {
  TempDir tmp;
  tmp.write("net/sub/ada.yaml", "name: Ada\n");
  fs::create_symlink("sub/ada.yaml", tmp / "net/alias.yaml");
  tmp.write("net/real.txt", "name: Bob\n");
  fs::create_symlink("real.txt", tmp / "net/bob.yaml");
  fs::create_symlink("real.txt", tmp / "net/robert.yaml");
  Walk w = walk_directory((tmp / "net").string());
  EXPECT_EQ(rels(w), (std::vector<std::string>{"bob.yaml", "sub/ada.yaml"}));
}

TEST(WalkDirectory, SymlinksLeavingTheDirectoryAndSymlinkedFoldersAreNotFollowed) {
  TempDir tmp;
  tmp.write("outside/eve.yaml", "name: Eve\n");
  tmp.write("net/a.yaml", "name: A\n");
  fs::create_symlink(tmp / "outside/eve.yaml", tmp / "net/eve.yaml");
  fs::create_symlink(tmp / "outside", tmp / "net/linked");
  Walk w = walk_directory((tmp / "net").string());
  EXPECT_EQ(rels(w), (std::vector<std::string>{"a.yaml"}));
  EXPECT_TRUE(w.problems.empty());
}

TEST(WalkDirectory, KithYamlInASubFolderIsNotAPersonButListedAsIgnored) {
  TempDir tmp;
  tmp.write("net/kith.yaml", "followup: 2d\n");
  tmp.write("net/old/kith.yaml", "followup: 3d\n");
  tmp.write("net/old/ann.yaml", "name: Ann\n");
  Walk w = walk_directory((tmp / "net").string());
  EXPECT_EQ(rels(w), (std::vector<std::string>{"old/ann.yaml"}));
  EXPECT_EQ(w.ignored, (std::vector<std::string>{"old/kith.yaml"}));
}

TEST(PathLess, ComparesFolderByFolderLikeFilesystemPaths) {
  EXPECT_TRUE(path_less("a/x", "a-b/x"));
  EXPECT_TRUE(path_less("a.yaml", "a/x.yaml") == (fs::path("a.yaml") < fs::path("a/x.yaml")));
  EXPECT_TRUE(path_less("ab", "abc"));
  EXPECT_FALSE(path_less("b", "a/z"));
  EXPECT_FALSE(path_less("a", "a"));
}

}  // namespace
}  // namespace kith
