// SPDX-License-Identifier: MIT
#include "git/git.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <optional>

#include "cli_util.h"
#include "system/process.h"

namespace kith {
namespace {

namespace fs = std::filesystem;

// Each test gets a fresh repository, and git sees neither the machine's nor
// the user's configuration (hooks, signing, templates), only an identity.
class GitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!git_available()) GTEST_SKIP() << "git is not installed";
    set("GIT_CONFIG_NOSYSTEM", "1");
    set("GIT_CONFIG_GLOBAL", "/dev/null");
    set("GIT_AUTHOR_NAME", "kith test");
    set("GIT_AUTHOR_EMAIL", "test@kith.invalid");
    set("GIT_COMMITTER_NAME", "kith test");
    set("GIT_COMMITTER_EMAIL", "test@kith.invalid");
    repo_ = tmp_.path() / "repo";
    fs::create_directories(repo_);
  }
  void TearDown() override {
    for (const auto& [name, old] : saved_) {
      if (old) ::setenv(name.c_str(), old->c_str(), 1);
      else ::unsetenv(name.c_str());
    }
  }
  void set(const std::string& name, const std::string& value) {
    if (!saved_.count(name)) {
      const char* old = std::getenv(name.c_str());
      saved_[name] = old ? std::optional<std::string>(old) : std::nullopt;
    }
    ::setenv(name.c_str(), value.c_str(), 1);
  }

  // Runs git in the repository and returns its stdout; the test fails if git does.
  std::string git(std::vector<std::string> args) {
    args.insert(args.begin(), {"git", "-C", repo_.string()});
    ProcessResult r = run_captured(args);
    EXPECT_EQ(r.status, 0) << r.err;
    return r.out;
  }
  void write(const std::string& rel, const std::string& text) { tmp_.write("repo/" + rel, text); }
  // A repository whose HEAD holds a.yaml, b.yaml and c.yaml.
  void three_committed_files() {
    git_init(repo_);
    for (const char* f : {"a.yaml", "b.yaml", "c.yaml"}) write(f, std::string("name: ") + f + "\n");
    git({"add", "."});
    git({"commit", "-q", "-m", "start"});
  }
  std::string subjects() { return git({"log", "--format=%s"}); }
  std::string files_of_head() { return git({"show", "--name-only", "--format=", "HEAD"}); }

  test::TempDir tmp_;
  fs::path repo_;
  std::map<std::string, std::optional<std::string>> saved_;
};

TEST_F(GitTest, PlainFolderIsNotAWorkTreeUntilGitInit) {
  EXPECT_FALSE(is_git_work_tree(repo_));
  git_init(repo_);
  EXPECT_TRUE(is_git_work_tree(repo_));
  EXPECT_TRUE(fs::is_directory(repo_ / ".git"));
}

TEST_F(GitTest, SubfolderOfAWorkTreeIsInsideIt) {
  git_init(repo_);
  fs::create_directories(repo_ / "friends/lyon");
  EXPECT_TRUE(is_git_work_tree(repo_ / "friends/lyon"));
}

TEST_F(GitTest, DotGitFolderAndMissingFolderAreNotWorkTrees) {
  git_init(repo_);
  EXPECT_FALSE(is_git_work_tree(repo_ / ".git"));
  EXPECT_FALSE(is_git_work_tree(repo_ / "no-such-folder"));
}

TEST_F(GitTest, CommitsANewFileIntoAFreshRepositoryWithTheMessage) {
  git_init(repo_);
  write("kith.yaml", "followup: 2d\n");
  CommitResult r = commit_files(repo_, {repo_ / "kith.yaml"}, "kith: init");
  EXPECT_EQ(r.status, CommitResult::Status::committed) << r.message;
  EXPECT_EQ(subjects(), "kith: init\n");
  EXPECT_EQ(files_of_head(), "kith.yaml\n");
}

TEST_F(GitTest, CommitsOnlyTheGivenFileAndLeavesOtherStagedAndUnstagedEditsAlone) {
  three_committed_files();
  write("a.yaml", "name: a changed by kith\n");
  write("b.yaml", "name: b staged by the user\n");
  git({"add", "b.yaml"});
  write("c.yaml", "name: c edited, not staged\n");
  write("d.yaml", "name: d untracked\n");

  CommitResult r = commit_files(repo_, {repo_ / "a.yaml"}, "kith: log a give");
  ASSERT_EQ(r.status, CommitResult::Status::committed) << r.message;
  EXPECT_EQ(subjects(), "kith: log a give\nstart\n");
  EXPECT_EQ(files_of_head(), "a.yaml\n");
  EXPECT_EQ(git({"show", "HEAD:a.yaml"}), "name: a changed by kith\n");
  EXPECT_EQ(git({"diff", "--cached", "--name-only"}), "b.yaml\n");  // still staged, not committed
  EXPECT_EQ(git({"diff", "--name-only"}), "c.yaml\n");              // still only in the work tree
  EXPECT_EQ(git({"ls-files", "--others", "--exclude-standard"}), "d.yaml\n");
}

TEST_F(GitTest, CommitsSeveralFilesInOneCommit) {
  three_committed_files();
  write("a.yaml", "name: a\nlog: []\n");
  write("sub/e.yaml", "name: e\n");
  CommitResult r = commit_files(repo_, {repo_ / "a.yaml", repo_ / "sub/e.yaml"}, "kith: intro a e");
  ASSERT_EQ(r.status, CommitResult::Status::committed) << r.message;
  EXPECT_EQ(files_of_head(), "a.yaml\nsub/e.yaml\n");
  EXPECT_EQ(subjects(), "kith: intro a e\nstart\n");
}

TEST_F(GitTest, DataDirectoryMayBeASubfolderOfTheWorkTree) {
  git_init(repo_);
  write("people/x.yaml", "name: x\n");
  CommitResult r = commit_files(repo_ / "people", {repo_ / "people/x.yaml"}, "kith: add x");
  ASSERT_EQ(r.status, CommitResult::Status::committed) << r.message;
  EXPECT_EQ(files_of_head(), "people/x.yaml\n");
}

TEST_F(GitTest, FileNamesAreLiteralNotGlobPatterns) {
  three_committed_files();
  write("[a].yaml", "name: brackets\n");  // as a glob, [a].yaml would also match a.yaml
  write("a.yaml", "name: a, not to be committed\n");
  CommitResult r = commit_files(repo_, {repo_ / "[a].yaml"}, "kith: add brackets");
  ASSERT_EQ(r.status, CommitResult::Status::committed) << r.message;
  EXPECT_EQ(files_of_head(), "[a].yaml\n");
  EXPECT_EQ(git({"diff", "--name-only"}), "a.yaml\n");
}

TEST_F(GitTest, UnchangedFileMakesNoCommit) {
  three_committed_files();
  CommitResult r = commit_files(repo_, {repo_ / "a.yaml"}, "kith: edit a");
  EXPECT_EQ(r.status, CommitResult::Status::skipped);
  EXPECT_EQ(subjects(), "start\n");
}

TEST_F(GitTest, IgnoredFilesAreLeftOutQuietly) {
  three_committed_files();
  write(".gitignore", "secret.yaml\n");
  write("secret.yaml", "name: s\n");
  write("a.yaml", "name: a2\n");
  CommitResult only_ignored = commit_files(repo_, {repo_ / "secret.yaml"}, "kith: add secret");
  EXPECT_EQ(only_ignored.status, CommitResult::Status::skipped);
  CommitResult mixed = commit_files(repo_, {repo_ / "secret.yaml", repo_ / "a.yaml"}, "kith: both");
  ASSERT_EQ(mixed.status, CommitResult::Status::committed) << mixed.message;
  EXPECT_EQ(files_of_head(), "a.yaml\n");
}

TEST_F(GitTest, FilesOutsideTheWorkTreeAreLeftOutQuietly) {
  three_committed_files();
  tmp_.write("elsewhere.yaml", "name: out\n");
  CommitResult r = commit_files(repo_, {tmp_.path() / "elsewhere.yaml"}, "kith: add out");
  EXPECT_EQ(r.status, CommitResult::Status::skipped);
  EXPECT_EQ(subjects(), "start\n");
}

TEST_F(GitTest, NotAWorkTreeRunsNothingAndSkips) {
  write("a.yaml", "name: a\n");
  CommitResult r = commit_files(repo_, {repo_ / "a.yaml"}, "kith: add a");
  EXPECT_EQ(r.status, CommitResult::Status::skipped);
  EXPECT_FALSE(fs::exists(repo_ / ".git"));
}

TEST_F(GitTest, RefusingPreCommitHookIsAFailureWithItsFirstLine) {
  three_committed_files();
  write(".git/hooks/pre-commit", "#!/bin/sh\n\necho 'no commits on fridays' >&2\necho 'second line' >&2\nexit 1\n");
  fs::permissions(repo_ / ".git/hooks/pre-commit", fs::perms::owner_all);
  write("a.yaml", "name: a3\n");
  CommitResult r = commit_files(repo_, {repo_ / "a.yaml"}, "kith: log a talk");
  EXPECT_EQ(r.status, CommitResult::Status::failed);
  EXPECT_EQ(r.message, "no commits on fridays");
  EXPECT_EQ(subjects(), "start\n");
  EXPECT_EQ(tmp_.read("repo/a.yaml"), "name: a3\n");
}

TEST_F(GitTest, SilentFailureSaysWhichStepFailedAndItsStatus) {
  three_committed_files();
  write(".git/hooks/pre-commit", "#!/bin/sh\nexit 3\n");
  fs::permissions(repo_ / ".git/hooks/pre-commit", fs::perms::owner_all);
  write("a.yaml", "name: a4\n");
  CommitResult r = commit_files(repo_, {repo_ / "a.yaml"}, "kith: log a talk");
  EXPECT_EQ(r.status, CommitResult::Status::failed);
  EXPECT_EQ(r.message, "git commit exited with status 1");
}

TEST_F(GitTest, MissingIdentityIsAFailureNotAnException) {
  three_committed_files();
  for (const char* v : {"GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL"}) {
    set(v, "");
    ::unsetenv(v);
  }
  git({"config", "user.useConfigOnly", "true"});
  write("a.yaml", "name: a5\n");
  CommitResult r = commit_files(repo_, {repo_ / "a.yaml"}, "kith: log a talk");
  EXPECT_EQ(r.status, CommitResult::Status::failed);
  EXPECT_FALSE(r.message.empty());
  EXPECT_EQ(r.message.find('\n'), std::string::npos);
  EXPECT_EQ(subjects(), "start\n");
}

TEST_F(GitTest, GitInitFailureThrowsWithGitsMessage) {
  EXPECT_THROW(git_init(repo_ / "no/such/folder"), Error);
}

}  // namespace
}  // namespace kith
