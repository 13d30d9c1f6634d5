// SPDX-License-Identifier: MIT
#include "store/transaction.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli_util.h"
#include "model/error.h"
#include "store/store.h"

namespace kith::test {
namespace {

std::vector<std::string> dot_files(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string()[0] == '.') out.push_back(e.path().filename().string());
  return out;
}

TEST(Transaction, AppliesWritesCreatesAndRemovals) {
  TempDir tmp;
  tmp.write("a.yaml", "name: A\n");
  tmp.write("gone.yaml", "name: Gone\n");
  apply_changes(tmp.path(), {{tmp.path() / "a.yaml", "name: A\n", "name: A2\n"},
                             {tmp.path() / "new.yaml", std::nullopt, "name: New\n"},
                             {tmp.path() / "gone.yaml", "name: Gone\n", std::nullopt}});
  EXPECT_EQ(read_file(tmp.path() / "a.yaml"), "name: A2\n");
  EXPECT_EQ(read_file(tmp.path() / "new.yaml"), "name: New\n");
  EXPECT_FALSE(fs::exists(tmp.path() / "gone.yaml"));
  EXPECT_TRUE(dot_files(tmp.path()).empty()) << "no journal or temp file is left";
}

TEST(Transaction, ANewFileThatExistsIsRefusedBeforeAnythingChanges) {
  TempDir tmp;
  tmp.write("a.yaml", "name: A\n");
  tmp.write("taken.yaml", "name: Taken\n");
  EXPECT_THROW(apply_changes(tmp.path(), {{tmp.path() / "a.yaml", "name: A\n", "name: A2\n"},
                                          {tmp.path() / "taken.yaml", std::nullopt, "name: Other\n"}}),
               Error);
  EXPECT_EQ(read_file(tmp.path() / "a.yaml"), "name: A\n");
  EXPECT_EQ(read_file(tmp.path() / "taken.yaml"), "name: Taken\n");
  EXPECT_TRUE(dot_files(tmp.path()).empty());
}

TEST(Transaction, AFailedRenameRestoresTheFilesAlreadyChanged) {
  TempDir tmp;
  tmp.write("a.yaml", "name: A\n");
  tmp.write("b.yaml/inside", "a folder where a file should be: the rename over it fails");
  try {
    apply_changes(tmp.path(), {{tmp.path() / "a.yaml", "name: A\n", "name: A2\n"},
                               {tmp.path() / "b.yaml", "name: B\n", "name: B2\n"}});
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("restored"), std::string::npos) << e.what();
  }
  EXPECT_EQ(read_file(tmp.path() / "a.yaml"), "name: A\n");
  EXPECT_TRUE(dot_files(tmp.path()).empty());
}

// The process dies (SIGKILL, power cut) after the first rename: the next
// holder of the lock finishes the change from the journal.
TEST(Transaction, AChangeCutAfterItsFirstRenameIsFinishedByTheNextLock) {
  TempDir tmp;
  tmp.write("a.yaml", "name: A\n");
  tmp.write("b.yaml", "name: B\n");
  tmp.write("old.yaml", "name: Old\n");
  pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    transaction_hooks::after_rename = [](std::size_t) { ::_exit(9); };
    try {
      apply_changes(tmp.path(), {{tmp.path() / "a.yaml", "name: A\n", "name: A2\n"},
                                 {tmp.path() / "b.yaml", "name: B\n", "name: B2\n"},
                                 {tmp.path() / "new.yaml", std::nullopt, "name: New\n"},
                                 {tmp.path() / "old.yaml", "name: Old\n", std::nullopt}});
    } catch (...) {
    }
    ::_exit(0);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 9) << "the hook cut the change";
  ASSERT_EQ(read_file(tmp.path() / "a.yaml"), "name: A2\n");
  ASSERT_EQ(read_file(tmp.path() / "b.yaml"), "name: B\n") << "half done, as a crash leaves it";
  ASSERT_TRUE(fs::exists(journal_path(tmp.path())));

  { Store::Lock lock(tmp.path()); }
  EXPECT_EQ(read_file(tmp.path() / "a.yaml"), "name: A2\n");
  EXPECT_EQ(read_file(tmp.path() / "b.yaml"), "name: B2\n");
  EXPECT_EQ(read_file(tmp.path() / "new.yaml"), "name: New\n");
  EXPECT_FALSE(fs::exists(tmp.path() / "old.yaml"));
  EXPECT_EQ(dot_files(tmp.path()), std::vector<std::string>{".kith.lock"});
  EXPECT_EQ(recover_changes(tmp.path()), 0) << "nothing left to do";
}

TEST(Transaction, AJournalThatDoesNotReadIsAnErrorAndStays) {
  TempDir tmp;
  tmp.write(".kith-journal", "kith-journal 1\nrename 99:short\n");
  EXPECT_THROW(recover_changes(tmp.path()), Error);
  EXPECT_TRUE(fs::exists(journal_path(tmp.path())));
}

// Any byte may be in a file name, spaces and newlines included.
TEST(Transaction, OddFileNamesSurviveTheJournal) {
  TempDir tmp;
  const std::string name = "a b\nc:12 .yaml";
  tmp.write(name, "name: A\n");
  pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    transaction_hooks::after_rename = [](std::size_t) { ::_exit(9); };
    try {
      apply_changes(tmp.path(), {{tmp.path() / "x.yaml", std::nullopt, "name: X\n"},
                                 {tmp.path() / name, "name: A\n", "name: A2\n"}});
    } catch (...) {
    }
    ::_exit(0);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  EXPECT_EQ(recover_changes(tmp.path()), 2);
  EXPECT_EQ(read_file(tmp.path() / name), "name: A2\n");
}

}  // namespace
}  // namespace kith::test
