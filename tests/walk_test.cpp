// SPDX-License-Identifier: MIT
#include "store/walk.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
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

// order_by_path gives what a stable sort by path_less gives, whatever the
// input's shape: random, sorted, reversed, a few sorted runs (the slugs of
// a walk, folder by folder), many runs, equal paths, shared 8-byte heads.
TEST(OrderByPath, IsAStableSortByPathLessOnEveryShapeOfInput) {
  std::uint32_t seed = 12345;
  auto next = [&seed] { return seed = seed * 1103515245u + 12345u, seed >> 8; };
  auto word = [&](std::size_t len) {
    std::string w;
    for (std::size_t i = 0; i < len; ++i) w += "ab/-.z\xc3"[next() % 7];
    return w;
  };
  std::vector<std::vector<std::string>> inputs;
  std::vector<std::string> random;
  for (int i = 0; i < 3000; ++i) random.push_back("common-" + word(next() % 12));
  inputs.push_back(random);
  std::vector<std::string> sorted = random;
  std::stable_sort(sorted.begin(), sorted.end(), path_less);
  inputs.push_back(sorted);
  inputs.push_back(std::vector<std::string>(sorted.rbegin(), sorted.rend()));
  for (std::size_t runs : {2u, 3u, 7u, 64u, 65u}) {  // one sorted run per folder
    std::vector<std::string> folders;
    for (std::size_t r = 0; r < runs; ++r) {
      std::vector<std::string> run(random.begin() + r * random.size() / runs,
                                   random.begin() + (r + 1) * random.size() / runs);
      std::stable_sort(run.begin(), run.end(), path_less);
      folders.insert(folders.end(), run.begin(), run.end());
    }
    inputs.push_back(folders);
  }
  inputs.push_back({});
  inputs.push_back({"only"});
  inputs.push_back({"b", "a", "b", "a", "a/b", "a-b", "a"});
  for (const auto& paths : inputs) {
    std::vector<std::uint32_t> expected(paths.size());
    for (std::uint32_t i = 0; i < expected.size(); ++i) expected[i] = i;
    std::stable_sort(expected.begin(), expected.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return path_less(paths[a], paths[b]); });
    EXPECT_EQ(order_by_path(paths.size(), [&](std::size_t i) -> std::string_view { return paths[i]; }), expected)
        << paths.size() << " paths";
  }
}

}  // namespace
}  // namespace kith
