// SPDX-License-Identifier: MIT
// The directory walk as the user sees it: a folder that cannot be read is
// reported and the rest still counts; two names of one file are one person;
// a kith.yaml in a sub-folder is skipped with a note.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <optional>
#include <string>

#include "cli_util.h"

namespace kith {
namespace {

using test::run_kith;
using test::TempDir;
namespace fs = std::filesystem;

struct Outcome {
  int code;
  std::string out, err;
};

// Runs kith so that opening the folder named `folder` fails with EIO: by
// permissions when not root, else by strace's fault injection. nullopt when
// neither is possible here.
std::optional<Outcome> run_with_unreadable(const TempDir& tmp, const std::string& folder,
                                           const std::string& args) {
  std::string dir = (tmp / "net").string();
  std::string prefix;
  if (::geteuid() != 0) {
    fs::permissions(tmp / "net" / folder, fs::perms::none);
  } else if (std::system("strace -V >/dev/null 2>&1") == 0) {
    // LeakSanitizer cannot run under ptrace: off for a sanitized build.
    std::string asan = std::getenv("ASAN_OPTIONS") ? std::getenv("ASAN_OPTIONS") : "";
    prefix = "ASAN_OPTIONS='" + asan + ":detect_leaks=0' strace -f -o /dev/null -e trace=openat "
             "-e inject=openat:error=EIO -P " + folder + " ";
  } else {
    return std::nullopt;
  }
  std::string out = (tmp / "out").string(), err = (tmp / "err").string();
  std::string cmd = "cd '" + tmp.path().string() + "' && HOME='" + (tmp / "home").string() +
                    "' KITH_TODAY=2026-11-21 " + prefix + KITH_BINARY + " --dir '" + dir + "' " + args + " >'" +
                    out + "' 2>'" + err + "'";
  int status = std::system(cmd.c_str());
  if (::geteuid() != 0) fs::permissions(tmp / "net" / folder, fs::perms::owner_all);
  return Outcome{WEXITSTATUS(status), tmp.read("out"), tmp.read("err")};
}

TEST(WalkCli, AFolderThatCannotBeReadIsReportedTheOthersStillCountAndTheExitCodeIsOne) {
  TempDir tmp;
  tmp.write("net/ada.yaml", "name: Ada\n");
  tmp.write("net/broken/bob.yaml", "name: Bob\n");
  tmp.write("net/zz/cy.yaml", "name: Cy\n");
  std::string dir = (tmp / "net").string();
  auto check = run_with_unreadable(tmp, "broken", "check");
  if (!check) GTEST_SKIP() << "running as root without strace: no way to make a folder unreadable";
  EXPECT_EQ(check->code, 1);
  EXPECT_EQ(check->err, "kith: " + dir + "/broken: cannot read folder: " +
                            (::geteuid() == 0 ? "Input/output error" : "Permission denied") + "\n");
  EXPECT_EQ(check->out, "1 problem in 2 files\n");
  auto list = run_with_unreadable(tmp, "broken", "list");
  EXPECT_EQ(list->code, 1);
  EXPECT_NE(list->out.find("Ada"), std::string::npos);
  EXPECT_NE(list->out.find("Cy"), std::string::npos);
  EXPECT_NE(list->err.find("broken: cannot read folder"), std::string::npos);
  // Once readable again, nothing is left of it (nor in the cache).
  auto again = run_kith(tmp, {"--dir", dir, "check"});
  EXPECT_EQ(again.code, 0) << again.describe();
  EXPECT_EQ(again.out, "3 files checked, no problems\n");
}

TEST(WalkCli, ASymlinkToAPersonFileIsTheSamePersonNotASecondOne) {
  TempDir tmp;
  tmp.write("net/sub/ada.yaml", "name: Ada Lovelace\n");
  fs::create_symlink("sub/ada.yaml", tmp / "net/alias.yaml");
  std::string dir = (tmp / "net").string();
  auto list = run_kith(tmp, {"--dir", dir, "list"});
  EXPECT_EQ(list.code, 0) << list.describe();
  EXPECT_EQ(test::lines_of(list.out).size(), 2u) << list.out;  // the header and Ada, once
  auto check = run_kith(tmp, {"--dir", dir, "check"});
  EXPECT_EQ(check.out, "1 file checked, no problems\n");
}

TEST(WalkCli, AKithYamlInASubFolderIsIgnoredWithANoteNotReadAsAPerson) {
  TempDir tmp;
  tmp.write("net/kith.yaml", "followup: 2d\n");
  tmp.write("net/ada.yaml", "name: Ada\n");
  tmp.write("net/old/kith.yaml", "followup: 9d\n");
  std::string dir = (tmp / "net").string();
  for (const char* cmd : {"list", "check"}) {
    auto r = run_kith(tmp, {"--dir", dir, cmd});
    EXPECT_EQ(r.code, 0) << r.describe();
    EXPECT_EQ(r.err, "kith: " + dir + "/old/kith.yaml: ignored (only the top-level kith.yaml holds settings)\n");
  }
  EXPECT_EQ(run_kith(tmp, {"--dir", dir, "check"}).out, "1 file checked, no problems\n");
}

}  // namespace
}  // namespace kith
