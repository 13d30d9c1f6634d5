// SPDX-License-Identifier: MIT
// Permissions and paths, end to end: a rewrite keeps the file's mode, a new
// file gets the umask, and no WHO, name or symlink makes kith read or write
// outside the data directory.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include "cli_util.h"
#include "spawn_util.h"

namespace kith::test {
namespace {

mode_t mode_of(const fs::path& p) {
  struct stat st {};
  EXPECT_EQ(::stat(p.c_str(), &st), 0) << p;
  return st.st_mode & 07777;
}

TEST(Paths, ARewriteKeepsTheFileMode) {
  TempDir tmp;
  fs::path dir = copy_examples(tmp);
  fs::path file = dir / "charlene-dupont.yaml";
  ASSERT_EQ(::chmod(file.c_str(), 0600), 0);
  RunResult r = run_kith(tmp, {"--dir", dir.string(), "log", "charlene", "talk", "private"});
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(mode_of(file), 0600u);
  ASSERT_EQ(::chmod(file.c_str(), 0664), 0);
  ASSERT_EQ(run_kith(tmp, {"--dir", dir.string(), "snooze", "charlene", "2026-12-24"}).code, 0);
  EXPECT_EQ(mode_of(file), 0664u);
}

TEST(Paths, ANewFileGetsTheUmask) {
  TempDir tmp;
  fs::path dir = copy_examples(tmp);
  RunResult r = run_kith_with(tmp, {"--dir", dir.string(), "add", "Zoé Umask"}, SpawnOptions{0027, std::nullopt});
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(mode_of(dir / "zoe-umask.yaml"), 0640u);
  r = run_kith_with(tmp, {"--dir", dir.string(), "add", "Yann Open"}, SpawnOptions{0022, std::nullopt});
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(mode_of(dir / "yann-open.yaml"), 0644u);
}

TEST(Paths, AWhoWithDotsFindsNobodyAndWritesNothing) {
  TempDir tmp;
  fs::path dir = copy_examples(tmp);
  tmp.write("x.yaml", "name: Outside\n");
  auto before = tmp.snapshot();
  for (const std::string& who : std::vector<std::string>{"../x", "../x.yaml", (tmp / "x.yaml").string(), "/etc/passwd", "..", "."}) {
    RunResult r = run_kith(tmp, {"--dir", dir.string(), "log", who, "talk", "n"});
    EXPECT_EQ(r.code, 1) << who << "\n" << r.describe();
    EXPECT_NE(r.err.find("kith: "), std::string::npos) << r.describe();
  }
  auto after = tmp.snapshot();
  after.erase("people/.kith.lock");
  EXPECT_EQ(before, after);
}

TEST(Paths, ANameWithSlashesAndDotsBecomesASlugInsideTheDirectory) {
  TempDir tmp;
  fs::path dir = copy_examples(tmp);
  struct Case {
    std::string name, file;
  } cases[] = {{"../../etc/passwd", "etc-passwd.yaml"},
               {"../outside", "outside.yaml"},
               {"/tmp/absolute", "tmp-absolute.yaml"},
               {"..", "person.yaml"},
               {".hidden", "hidden.yaml"}};
  for (const Case& c : cases) {
    RunResult r = run_kith(tmp, {"--dir", dir.string(), "add", c.name});
    ASSERT_EQ(r.code, 0) << c.name << "\n" << r.describe();
    EXPECT_EQ(r.out, (dir / c.file).string() + "\n");
    EXPECT_TRUE(fs::exists(dir / c.file)) << c.name;
  }
  EXPECT_FALSE(fs::exists(tmp / "outside.yaml"));
  EXPECT_FALSE(fs::exists("/tmp/absolute.yaml"));
  RunResult check = run_kith(tmp, {"--dir", dir.string(), "check"});
  EXPECT_EQ(check.code, 0) << check.describe();
}

TEST(Paths, ASymlinkToAFileOutsideIsNeitherReadNorWrittenThrough) {
  TempDir tmp;
  fs::path dir = copy_examples(tmp);
  tmp.write("outside/victim.yaml", "name: Victim Outside\n");
  tmp.write("outside/more/other.yaml", "name: Other Outside\n");
  fs::create_symlink(tmp / "outside/victim.yaml", dir / "victim.yaml");
  fs::create_directory_symlink(tmp / "outside/more", dir / "more");
  const std::string victim = tmp.read("outside/victim.yaml");

  RunResult list = run_kith(tmp, {"--dir", dir.string(), "list"});
  EXPECT_EQ(list.out.find("Victim"), std::string::npos) << list.describe();
  EXPECT_EQ(list.out.find("Other Outside"), std::string::npos) << list.describe();
  for (std::string who : {"victim", "Victim Outside", "other"}) {
    RunResult r = run_kith(tmp, {"--dir", dir.string(), "log", who, "talk", "through the link"});
    EXPECT_EQ(r.code, 1) << who << "\n" << r.describe();
  }
  EXPECT_EQ(tmp.read("outside/victim.yaml"), victim);
  EXPECT_TRUE(fs::is_symlink(dir / "victim.yaml"));
  EXPECT_EQ(tmp.read("outside/more/other.yaml"), "name: Other Outside\n");
}

TEST(Paths, ASymlinkInsideTheDirectoryIsFollowed) {
  TempDir tmp;
  fs::path dir = copy_examples(tmp);
  fs::create_directories(dir / "archive");
  fs::rename(dir / "julie-martin.yaml", dir / "archive/julie-martin.yaml");
  fs::create_symlink("archive/julie-martin.yaml", dir / "julie-martin.yaml");
  RunResult check = run_kith(tmp, {"--dir", dir.string(), "check"});
  // The link and the file it names are one person (issue 11), not two files with one slug.
  EXPECT_EQ(check.code, 0) << check.describe();
  RunResult list = run_kith(tmp, {"--dir", dir.string(), "list"});
  EXPECT_EQ(list.code, 0) << list.describe();
  std::size_t first = list.out.find("Julie Martin");
  ASSERT_NE(first, std::string::npos) << list.describe();
  EXPECT_EQ(list.out.find("Julie Martin", first + 1), std::string::npos) << list.describe();
}

}  // namespace
}  // namespace kith::test
