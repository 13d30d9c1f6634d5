// SPDX-License-Identifier: MIT
// End to end: `kith init` creates a repository, each write command commits
// exactly its file, a refused commit only warns, and `kith git` runs git in
// the data directory.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>

#include "cli_util.h"
#include "system/process.h"

namespace kith::test {
namespace {

// git as the test sees it: the same clean environment kith gets (no user or
// system configuration), so what it reports is only what kith did.
std::string git_in(const TempDir& tmp, const fs::path& dir, const std::vector<std::string>& args,
                   int expected_status = 0) {
  std::vector<std::string> argv{"env",
                                "-i",
                                std::string("PATH=") + std::getenv("PATH"),
                                "HOME=" + (tmp.path() / "home").string(),
                                "GIT_CONFIG_NOSYSTEM=1",
                                "GIT_AUTHOR_NAME=test user",
                                "GIT_AUTHOR_EMAIL=user@kith.invalid",
                                "GIT_COMMITTER_NAME=test user",
                                "GIT_COMMITTER_EMAIL=user@kith.invalid",
                                "git",
                                "-C",
                                dir.string()};
  argv.insert(argv.end(), args.begin(), args.end());
  ProcessResult r = run_captured(argv);
  EXPECT_EQ(r.status, expected_status) << "git " << args.front() << ": " << r.err;
  return r.out;
}

RunOptions with_env(std::map<std::string, std::string> env) {
  RunOptions o;
  o.env = std::move(env);
  return o;
}

class GitCli : public ::testing::Test {
 protected:
  void SetUp() override {
    if (run_captured({"git", "--version"}).status != 0) GTEST_SKIP() << "git is not installed";
    dir_ = tmp_ / "data";
  }
  RunResult kith(std::vector<std::string> args, const RunOptions& o = {}) {
    args.insert(args.begin(), {"--dir", dir_.string()});
    return run_kith(tmp_, args, o);
  }
  std::string git(const std::vector<std::string>& args, int expected_status = 0) {
    return git_in(tmp_, dir_, args, expected_status);
  }
  std::string subjects() { return git({"log", "--format=%s"}); }
  std::string files_of(const std::string& rev) { return git({"show", "--name-only", "--format=", rev}); }
  // `kith init` then `kith add Charlène Dupont`: two commits.
  void init_and_add() {
    RunResult init = kith({"init"});
    ASSERT_EQ(init.code, 0) << init.describe();
    RunResult add = kith({"add", "Charlène Dupont", "--met", "MiXiT", "-d", "2026-11-20"});
    ASSERT_EQ(add.code, 0) << add.describe();
    ASSERT_EQ(add.err, "");
  }
  void hook(const std::string& name, const std::string& script) {
    tmp_.write("data/.git/hooks/" + name, script);
    fs::permissions(dir_ / ".git/hooks" / name, fs::perms::owner_all);
  }

  TempDir tmp_;
  fs::path dir_;
};

TEST_F(GitCli, InitCreatesARepositoryWhoseFirstCommitHoldsKithYamlAndGitignore) {
  RunResult r = kith({"init"});
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(r.err, "");
  EXPECT_NE(r.out.find("created a git repository"), std::string::npos) << r.out;
  EXPECT_TRUE(fs::is_directory(dir_ / ".git"));
  EXPECT_EQ(subjects(), "kith: init\n");
  EXPECT_EQ(files_of("HEAD"), ".gitattributes\n.gitignore\nkith.yaml\n");
  EXPECT_EQ(git({"status", "--porcelain"}), "");
}

TEST_F(GitCli, GitignoreKeepsTheLockAndTemporaryFilesOutOfGitStatus) {
  init_and_add();  // add took the lock, so .kith.lock exists now
  ASSERT_TRUE(fs::exists(dir_ / ".kith.lock"));
  tmp_.write("data/.charlene-dupont.yaml.tmp-Ab12Cd", "left by a crash\n");
  tmp_.write("data/.charlene-dupont.yaml.edit-Xy34Zw.yaml", "kept by a conflict\n");
  EXPECT_EQ(git({"status", "--porcelain"}), "");
}

TEST_F(GitCli, InitAgainLeavesTheRepositoryAndItsHistoryAlone) {
  ASSERT_EQ(kith({"init"}).code, 0);
  RunResult again = kith({"init"});
  EXPECT_EQ(again.code, 0) << again.describe();
  EXPECT_EQ(subjects(), "kith: init\n");
  EXPECT_EQ(again.out.find("created a git repository"), std::string::npos) << again.out;
}

TEST_F(GitCli, InitOnADirectoryKeptWithoutGitCommitsOnlyItsOwnFilesAndSaysSo) {
  ASSERT_EQ(kith({"init", "--no-git"}).code, 0);
  ASSERT_EQ(kith({"add", "Charlène Dupont"}).code, 0);
  ASSERT_EQ(kith({"add", "Julie Martin"}).code, 0);
  RunResult r = kith({"init"});
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_NE(r.out.find("2 person files already there are not committed"), std::string::npos) << r.out;
  EXPECT_EQ(files_of("HEAD"), ".gitattributes\n.gitignore\nkith.yaml\n");
  EXPECT_EQ(git({"ls-files", "--others", "--exclude-standard"}), "charlene-dupont.yaml\njulie-martin.yaml\n");
}

TEST_F(GitCli, InitNoGitCreatesNeitherRepositoryNorGitignore) {
  RunResult r = kith({"init", "--no-git"});
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_TRUE(fs::exists(dir_ / "kith.yaml"));
  EXPECT_FALSE(fs::exists(dir_ / ".git"));
  EXPECT_FALSE(fs::exists(dir_ / ".gitignore"));
}

TEST_F(GitCli, InitWithDirArgumentCreatesTheRepositoryThere) {
  RunResult r = run_kith(tmp_, {"init", (tmp_ / "elsewhere").string()});
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(git_in(tmp_, tmp_ / "elsewhere", {"log", "--format=%s"}), "kith: init\n");
}

TEST_F(GitCli, InitWithoutGitInPathCreatesTheDirectoryAndSaysNoRepository) {
  fs::create_directories(tmp_ / "empty-bin");
  RunResult r = kith({"init"}, with_env({{"PATH", (tmp_ / "empty-bin").string()}}));
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_TRUE(fs::exists(dir_ / "kith.yaml"));
  EXPECT_FALSE(fs::exists(dir_ / ".git"));
  EXPECT_EQ(r.err, "kith: note: git is not installed, so no repository was created\n");
}

TEST_F(GitCli, InitInsideAnExistingWorkTreeCommitsThereWithoutANestedRepository) {
  fs::create_directories(tmp_ / "dotfiles");
  git_in(tmp_, tmp_ / "dotfiles", {"init", "-q"});
  dir_ = tmp_ / "dotfiles/kith";
  RunResult r = kith({"init"});
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_FALSE(fs::exists(dir_ / ".git"));
  EXPECT_EQ(subjects(), "kith: init\n");
  EXPECT_EQ(files_of("HEAD"), "kith/.gitattributes\nkith/.gitignore\nkith/kith.yaml\n");
}

TEST_F(GitCli, AddAndLogMakeOneCommitEachHoldingOnlyThePersonFile) {
  init_and_add();
  RunResult log = kith({"log", "charlene", "give", "sent", "the", "Argo", "CD", "article"});
  ASSERT_EQ(log.code, 0) << log.describe();
  EXPECT_EQ(log.err, "");
  EXPECT_EQ(subjects(), "kith: log charlene-dupont give\nkith: add charlene-dupont\nkith: init\n");
  EXPECT_EQ(files_of("HEAD"), "charlene-dupont.yaml\n");
  EXPECT_EQ(files_of("HEAD~1"), "charlene-dupont.yaml\n");
  EXPECT_EQ(git({"show", "HEAD:charlene-dupont.yaml"}), tmp_.read("data/charlene-dupont.yaml"));
  EXPECT_EQ(git({"status", "--porcelain"}), "");
}

TEST_F(GitCli, UsersUncommittedEditsElsewhereStayUncommittedAndUnstaged) {
  init_and_add();
  std::string settings = tmp_.read("data/kith.yaml") + "# my own note, not finished\n";
  tmp_.write("data/kith.yaml", settings);
  tmp_.write("data/julie-martin.yaml", "name: Julie Martin\n");  // the user's new file, not added
  tmp_.write("data/drafts/ideas.txt", "talk ideas\n");

  RunResult log = kith({"log", "charlene", "talk", "coffee"});
  ASSERT_EQ(log.code, 0) << log.describe();
  EXPECT_EQ(files_of("HEAD"), "charlene-dupont.yaml\n");
  EXPECT_EQ(git({"diff", "--name-only"}), "kith.yaml\n");  // modified in the work tree only
  EXPECT_EQ(git({"diff", "--cached", "--name-only"}), "");
  EXPECT_EQ(git({"ls-files", "--others", "--exclude-standard"}), "drafts/ideas.txt\njulie-martin.yaml\n");
  EXPECT_EQ(tmp_.read("data/kith.yaml"), settings);
}

TEST_F(GitCli, ChangesTheUserStagedStayStagedAndOutOfKithsCommit) {
  init_and_add();
  tmp_.write("data/kith.yaml", tmp_.read("data/kith.yaml") + "# staged by me\n");
  git({"add", "kith.yaml"});
  ASSERT_EQ(kith({"log", "charlene", "talk"}).code, 0);
  EXPECT_EQ(files_of("HEAD"), "charlene-dupont.yaml\n");
  EXPECT_EQ(git({"diff", "--cached", "--name-only"}), "kith.yaml\n");
}

// The README's promise, in the very file kith writes: an unstaged hand edit
// stays unstaged and uncommitted; kith's commit holds its own entry alone.
TEST_F(GitCli, UnstagedHandEditInTheFileKithWritesStaysTheUsers) {
  init_and_add();
  const std::string committed = tmp_.read("data/charlene-dupont.yaml");
  const std::string hand = "# call her about the Lyon meetup\nphone: \"+33 6 00 00 00 00\"\n";
  tmp_.write("data/charlene-dupont.yaml", hand + committed);

  RunResult log = kith({"log", "charlene", "give", "the article"});
  ASSERT_EQ(log.code, 0) << log.describe();
  EXPECT_EQ(log.err, "");
  EXPECT_EQ(git({"log", "-1", "--format=%s"}), "kith: log charlene-dupont give\n");
  const std::string in_head = git({"show", "HEAD:charlene-dupont.yaml"});
  EXPECT_EQ(in_head.find("Lyon meetup"), std::string::npos) << in_head;
  EXPECT_EQ(in_head.rfind(committed, 0), 0u) << in_head;  // the committed text, then kith's entry
  EXPECT_NE(in_head.find("note: the article"), std::string::npos) << in_head;
  // The work tree: the hand edit and the entry; the diff is the hand edit alone.
  EXPECT_EQ(tmp_.read("data/charlene-dupont.yaml"), hand + in_head);
  EXPECT_EQ(git({"diff", "--cached", "--name-only"}), "");
  EXPECT_EQ(git({"diff", "--name-only"}), "charlene-dupont.yaml\n");
  const std::string diff = git({"diff", "-U0"});
  EXPECT_NE(diff.find("+# call her about the Lyon meetup"), std::string::npos) << diff;
  EXPECT_EQ(diff.find("the article"), std::string::npos) << diff;
}

TEST_F(GitCli, StagedHandEditInTheFileKithWritesStaysStagedAndUncommitted) {
  init_and_add();
  const std::string committed = tmp_.read("data/charlene-dupont.yaml");
  tmp_.write("data/charlene-dupont.yaml", committed + "# staged note\n");
  git({"add", "charlene-dupont.yaml"});
  ASSERT_EQ(kith({"snooze", "charlene", "2026-12-01"}).code, 0);
  ASSERT_EQ(kith({"log", "charlene", "talk"}).code, 0);
  EXPECT_EQ(git({"log", "-2", "--format=%s"}), "kith: log charlene-dupont talk\nkith: snooze charlene-dupont 2026-12-01\n");
  const std::string in_head = git({"show", "HEAD:charlene-dupont.yaml"});
  EXPECT_EQ(in_head.find("staged note"), std::string::npos) << in_head;
  EXPECT_NE(in_head.find("next: 2026-12-01"), std::string::npos) << in_head;
  EXPECT_NE(in_head.find("kind: talk"), std::string::npos) << in_head;
  // Staged: exactly the user's line; nothing left unstaged.
  const std::string staged = git({"diff", "--cached", "-U0"});
  EXPECT_NE(staged.find("+# staged note"), std::string::npos) << staged;
  EXPECT_EQ(staged.find("kind: talk"), std::string::npos) << staged;
  EXPECT_EQ(git({"diff", "--name-only"}), "");
  EXPECT_NE(tmp_.read("data/charlene-dupont.yaml").find("# staged note"), std::string::npos);
}

TEST_F(GitCli, PersonInASubfolderIsCommittedByItsPath) {
  ASSERT_EQ(kith({"init"}).code, 0);
  tmp_.write("data/friends/julie-martin.yaml", "name: Julie Martin\n");
  git({"add", "friends"});
  git({"commit", "-q", "-m", "by hand"});
  RunResult log = kith({"log", "julie", "give", "a book"});
  ASSERT_EQ(log.code, 0) << log.describe();
  EXPECT_EQ(subjects(), "kith: log julie-martin give\nby hand\nkith: init\n");
  EXPECT_EQ(files_of("HEAD"), "friends/julie-martin.yaml\n");
}

TEST_F(GitCli, SnoozeCommitsThePersonFileWithTheNewDate) {
  init_and_add();
  RunResult r = kith({"snooze", "charlene", "2026-12-01"});
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(git({"log", "-1", "--format=%s"}), "kith: snooze charlene-dupont 2026-12-01\n");
  EXPECT_EQ(files_of("HEAD"), "charlene-dupont.yaml\n");
}

TEST_F(GitCli, IntroCommitsBothFilesInOneCommit) {
  init_and_add();
  ASSERT_EQ(kith({"add", "Julie Martin"}).code, 0);
  RunResult r = kith({"intro", "charlene", "julie", "same", "deploy", "problem"});
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(git({"log", "-1", "--format=%s"}), "kith: intro charlene-dupont julie-martin\n");
  EXPECT_EQ(files_of("HEAD"), "charlene-dupont.yaml\njulie-martin.yaml\n");
  EXPECT_EQ(git({"status", "--porcelain"}), "");
}

TEST_F(GitCli, GitOffInKithYamlWritesWithoutCommitting) {
  ASSERT_EQ(kith({"init"}).code, 0);
  std::string settings = tmp_.read("data/kith.yaml");
  std::size_t at = settings.find("git: auto");
  ASSERT_NE(at, std::string::npos);
  settings.replace(at, 9, "git: off ");
  tmp_.write("data/kith.yaml", settings);
  RunResult add = kith({"add", "Charlène Dupont"});
  ASSERT_EQ(add.code, 0) << add.describe();
  EXPECT_EQ(add.err, "");
  EXPECT_TRUE(fs::exists(dir_ / "charlene-dupont.yaml"));
  EXPECT_EQ(subjects(), "kith: init\n");
  EXPECT_EQ(git({"ls-files", "--others", "--exclude-standard"}), "charlene-dupont.yaml\n");
}

TEST_F(GitCli, DirectoryOutsideAnyWorkTreeGetsNoRepositoryAndNoWarning) {
  ASSERT_EQ(kith({"init", "--no-git"}).code, 0);
  RunResult add = kith({"add", "Charlène Dupont"});
  ASSERT_EQ(add.code, 0) << add.describe();
  EXPECT_EQ(add.err, "");
  EXPECT_FALSE(fs::exists(dir_ / ".git"));
}

// No `.git` in the data directory or above it: git could find no work
// tree, so it is not even asked (a process at every write). A git that
// records each call stands in for it.
TEST_F(GitCli, WritesOutsideAnyWorkTreeRunNoGitAtAll) {
  ASSERT_EQ(kith({"init", "--no-git"}).code, 0);
  fs::create_directories(tmp_ / "spy-bin");
  tmp_.write("spy-bin/git", "#!/bin/sh\necho \"$@\" >> " + (tmp_ / "git-calls").string() + "\nexit 128\n");
  fs::permissions(tmp_ / "spy-bin/git", fs::perms::owner_all);
  const RunOptions spied = with_env({{"PATH", (tmp_ / "spy-bin").string() + ":" + std::getenv("PATH")}});
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"add", "Charlène Dupont"}, {"log", "charlene", "talk", "coffee"}, {"snooze", "charlene", "2w"}}) {
    RunResult r = kith(args, spied);
    ASSERT_EQ(r.code, 0) << r.describe();
    EXPECT_EQ(r.err, "");
  }
  EXPECT_FALSE(fs::exists(tmp_ / "git-calls")) << tmp_.read("git-calls");
  // Inside a work tree (here the folder above), git is asked and commits.
  git_in(tmp_, tmp_.path(), {"init", "-q"});
  RunResult r = kith({"log", "charlene", "give", "a book"});
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(git_in(tmp_, tmp_.path(), {"log", "--format=%s"}), "kith: log charlene-dupont give\n");
}

TEST_F(GitCli, MissingIdentityWarnsOnceAndStillWritesTheEntry) {
  init_and_add();
  git({"config", "user.useConfigOnly", "true"});
  RunOptions no_identity = with_env({{"GIT_AUTHOR_NAME", ""},
                                     {"GIT_AUTHOR_EMAIL", ""},
                                     {"GIT_COMMITTER_NAME", ""},
                                     {"GIT_COMMITTER_EMAIL", ""},
                                     {"EMAIL", ""}});
  RunResult log = kith({"log", "charlene", "give", "the article"}, no_identity);
  EXPECT_EQ(log.code, 0) << log.describe();
  EXPECT_EQ(log.out, "charlene-dupont: give on 2026-11-21\n");
  EXPECT_EQ(log.err.rfind("kith: warning: wrote the file but git commit failed: ", 0), 0u) << log.err;
  EXPECT_EQ(std::count(log.err.begin(), log.err.end(), '\n'), 1) << log.err;
  EXPECT_NE(tmp_.read("data/charlene-dupont.yaml").find("note: the article"), std::string::npos);
  EXPECT_EQ(subjects(), "kith: add charlene-dupont\nkith: init\n");
}

// No identity at all (a fresh machine): init says what to do, and does not
// claim that kith commits; `--git-user` sets one for this directory.
TEST_F(GitCli, InitWithoutIdentitySaysHowToSetOneAndGitUserSetsItLocally) {
  tmp_.write("home/.gitconfig", "[user]\n\tuseConfigOnly = true\n");
  RunOptions no_identity = with_env({{"GIT_AUTHOR_NAME", ""},
                                     {"GIT_AUTHOR_EMAIL", ""},
                                     {"GIT_COMMITTER_NAME", ""},
                                     {"GIT_COMMITTER_EMAIL", ""},
                                     {"EMAIL", ""}});
  RunResult init = kith({"init"}, no_identity);
  EXPECT_EQ(init.code, 0) << init.describe();
  EXPECT_EQ(init.out.find("kith commits each change"), std::string::npos) << init.out;
  EXPECT_NE(init.out.find("kith cannot commit yet"), std::string::npos) << init.out;
  EXPECT_NE(init.err.find("git config --global user.email"), std::string::npos) << init.err;
  EXPECT_EQ(init.err.find("failed"), std::string::npos) << init.err;

  RunResult again = kith({"init", "--git-user", "Ada Lovelace <ada@example.com>"}, no_identity);
  EXPECT_EQ(again.code, 0) << again.describe();
  EXPECT_EQ(again.err, "");
  EXPECT_EQ(git({"config", "user.email"}), "ada@example.com\n");
  EXPECT_EQ(git({"log", "-1", "--format=%an <%ae> %s"}), "Ada Lovelace <ada@example.com> kith: init\n");
  RunResult add = kith({"add", "Ana"}, no_identity);
  EXPECT_EQ(add.err, "");
  EXPECT_EQ(git({"log", "-1", "--format=%s"}), "kith: add ana\n");

  EXPECT_EQ(kith({"init", "--git-user", "nobody"}).code, 2);
}

TEST_F(GitCli, RefusingPreCommitHookWarnsWithItsMessageAndExitsZero) {
  init_and_add();
  hook("pre-commit", "#!/bin/sh\necho 'pre-commit: no commits today' >&2\necho 'more detail' >&2\nexit 1\n");
  RunResult log = kith({"log", "charlene", "talk"});
  EXPECT_EQ(log.code, 0) << log.describe();
  EXPECT_EQ(log.err, "kith: warning: wrote the file but git commit failed: pre-commit: no commits today\n");
  EXPECT_NE(tmp_.read("data/charlene-dupont.yaml").find("kind: talk"), std::string::npos);
  EXPECT_EQ(subjects(), "kith: add charlene-dupont\nkith: init\n");
}

TEST_F(GitCli, FailedWriteMakesNoCommit) {
  init_and_add();
  RunResult bad = kith({"log", "charlene", "giv"});
  EXPECT_EQ(bad.code, 2) << bad.describe();  // an unknown kind is a usage error
  EXPECT_EQ(subjects(), "kith: add charlene-dupont\nkith: init\n");
  EXPECT_EQ(git({"status", "--porcelain"}), "");
}

TEST_F(GitCli, KithGitPassesItsArgumentsToGitUntouched) {
  init_and_add();
  RunResult r = kith({"git", "log", "--format=%s|%an", "--", "charlene-dupont.yaml"});
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(r.out, "kith: add charlene-dupont|kith test\n");

  RunResult oneline = kith({"git", "log", "--oneline"});
  ASSERT_EQ(oneline.code, 0) << oneline.describe();
  EXPECT_EQ(std::count(oneline.out.begin(), oneline.out.end(), '\n'), 2) << oneline.out;
  EXPECT_NE(oneline.out.find(" kith: init\n"), std::string::npos) << oneline.out;
}

TEST_F(GitCli, KithGitDashDashVersionAndHelpGoToGitNotToKith) {
  ASSERT_EQ(kith({"init"}).code, 0);
  RunResult version = kith({"git", "--version"});
  EXPECT_EQ(version.code, 0) << version.describe();
  EXPECT_EQ(version.out.rfind("git version ", 0), 0u) << version.out;
  RunResult commit_m = kith({"git", "commit", "--allow-empty", "-q", "-m", "--help"});
  EXPECT_EQ(commit_m.code, 0) << commit_m.describe();
  EXPECT_EQ(git({"log", "-1", "--format=%s"}), "--help\n");
}

TEST_F(GitCli, KithGitExitsWithGitsExitCode) {
  init_and_add();
  tmp_.write("data/kith.yaml", "# changed\n");
  EXPECT_EQ(kith({"git", "diff", "--quiet"}).code, 1);
  EXPECT_EQ(kith({"git", "diff", "--quiet", "--", "charlene-dupont.yaml"}).code, 0);
  RunResult bad = kith({"git", "no-such-git-command"});
  EXPECT_EQ(bad.code, 1) << bad.describe();
  EXPECT_NE(bad.err.find("no-such-git-command"), std::string::npos) << bad.err;
}

TEST_F(GitCli, KithGitRunsInTheDataDirectoryWhateverTheWorkingDirectory) {
  ASSERT_EQ(kith({"init"}).code, 0);
  fs::create_directories(tmp_ / "somewhere");
  RunOptions o;
  o.cwd = tmp_ / "somewhere";
  RunResult r = kith({"git", "rev-parse", "--show-toplevel"}, o);
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(r.out, fs::canonical(dir_).string() + "\n");
}

TEST_F(GitCli, KithGitOnAMissingDirectorySaysKithInit) {
  RunResult r = kith({"git", "status"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("kith init"), std::string::npos) << r.err;
}

TEST_F(GitCli, KithGitWithoutGitInPathIsAnError) {
  ASSERT_EQ(kith({"init", "--no-git"}).code, 0);
  fs::create_directories(tmp_ / "empty-bin");
  RunResult r = kith({"git", "status"}, with_env({{"PATH", (tmp_ / "empty-bin").string()}}));
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err, "kith: git is not installed (not found in PATH)\n");
}

TEST_F(GitCli, RepositoryVariablesInheritedFromAHookDoNotRedirectTheCommit) {
  init_and_add();
  // Another repository, as when kith runs from that repository's hook.
  fs::path other = tmp_ / "project";
  fs::create_directories(other);
  git_in(tmp_, other, {"init", "-q"});
  RunResult r = kith({"log", "charlene", "talk", "from", "a", "hook"},
                     with_env({{"GIT_DIR", (other / ".git").string()},
                               {"GIT_WORK_TREE", other.string()},
                               {"GIT_INDEX_FILE", (other / ".git/index").string()},
                               {"GIT_OBJECT_DIRECTORY", (other / ".git/objects").string()},
                               {"GIT_PREFIX", "sub/"}}));
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(git({"log", "-1", "--format=%s"}), "kith: log charlene-dupont talk\n");
  EXPECT_EQ(git({"status", "--porcelain"}), "");  // the data repository's index is up to date
  git_in(tmp_, other, {"rev-parse", "--verify", "-q", "HEAD"}, 1);  // no commit there
  EXPECT_EQ(git_in(tmp_, other, {"status", "--porcelain"}), "");   // nothing staged there
}

TEST_F(GitCli, KithGitIgnoresAnInheritedGitDir) {
  init_and_add();
  fs::path other = tmp_ / "project";
  fs::create_directories(other);
  git_in(tmp_, other, {"init", "-q"});
  RunResult r = kith({"git", "log", "--format=%s"}, with_env({{"GIT_DIR", (other / ".git").string()}}));
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(r.out, "kith: add charlene-dupont\nkith: init\n");
}

}  // namespace
}  // namespace kith::test
