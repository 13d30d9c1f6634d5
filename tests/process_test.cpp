// SPDX-License-Identifier: MIT
#include "system/process.h"

#include <gtest/gtest.h>
#include <signal.h>

#include "cli_util.h"

namespace kith {
namespace {

TEST(RunCaptured, SeparatesStdoutFromStderrAndReturnsTheExitCode) {
  ProcessResult r = run_captured({"sh", "-c", "echo to-out; echo to-err >&2; exit 3"});
  EXPECT_EQ(r.status, 3);
  EXPECT_EQ(r.out, "to-out\n");
  EXPECT_EQ(r.err, "to-err\n");
}

TEST(RunCaptured, PassesEveryArgumentAsIsWithoutAShell) {
  ProcessResult r = run_captured({"printf", "%s|", "a b", "$HOME", "*", "'q'", "; rm -rf x", ""});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, "a b|$HOME|*|'q'|; rm -rf x||");
}

TEST(RunCaptured, DrainsLargeOutputOnBothStreamsWithoutDeadlock) {
  // Far more than a pipe buffer on stderr first, then on stdout.
  ProcessResult r = run_captured({"sh", "-c", "head -c 3000000 /dev/zero >&2; head -c 2000000 /dev/zero"});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.err.size(), 3000000u);
  EXPECT_EQ(r.out.size(), 2000000u);
}

TEST(RunCaptured, GivesTheChildAnEmptyStdin) {
  ProcessResult r = run_captured({"cat"});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, "");
}

TEST(RunCaptured, ReportsDeathBySignalAs128PlusTheSignal) {
  ProcessResult r = run_captured({"sh", "-c", "kill -9 $$"});
  EXPECT_EQ(r.status, 128 + 9);
}

TEST(RunCaptured, RunsInTheGivenWorkingDirectory) {
  test::TempDir tmp;
  ProcessOptions o;
  o.cwd = tmp.path();
  ProcessResult r = run_captured({"pwd", "-P"}, o);
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, std::filesystem::canonical(tmp.path()).string() + "\n");
}

TEST(RunCaptured, MissingProgramThrowsProgramNotFoundNamingIt) {
  try {
    run_captured({"kith-no-such-program-xyz", "arg"});
    FAIL() << "expected ProgramNotFound";
  } catch (const ProgramNotFound& e) {
    EXPECT_NE(std::string(e.what()).find("kith-no-such-program-xyz"), std::string::npos) << e.what();
  }
}

TEST(RunCaptured, EmptyArgumentVectorIsAnErrorNotACrash) {
  EXPECT_THROW(run_captured({}), Error);
  EXPECT_THROW(run_captured({""}), Error);
}

TEST(RunAttached, ReturnsTheChildsExitCode) {
  EXPECT_EQ(run_attached({"sh", "-c", "exit 7"}), 7);
  EXPECT_EQ(run_attached({"true"}), 0);
}

TEST(RunAttached, MissingProgramThrowsProgramNotFound) {
  EXPECT_THROW(run_attached({"kith-no-such-program-xyz"}), ProgramNotFound);
}

TEST(RunAttached, RestoresTheSigintHandlerItIgnoredWhileWaiting) {
  struct sigaction before {};
  ::sigaction(SIGINT, nullptr, &before);
  EXPECT_EQ(run_attached({"true"}), 0);
  EXPECT_THROW(run_attached({"kith-no-such-program-xyz"}), ProgramNotFound);
  struct sigaction after {};
  ::sigaction(SIGINT, nullptr, &after);
  EXPECT_EQ(after.sa_handler, before.sa_handler);
}

TEST(RunAttached, ChildGetsTheDefaultSigintHandlerBack) {
  // The child's own Ctrl-C must still kill it even though kith ignores it
  // meanwhile. Start from the default, as in a terminal (a test runner may
  // have been started with SIGINT ignored).
  struct sigaction dfl {}, saved {};
  dfl.sa_handler = SIG_DFL;
  sigemptyset(&dfl.sa_mask);
  ::sigaction(SIGINT, &dfl, &saved);
  int status = run_attached({"sh", "-c", "kill -INT $$; exit 0"});
  ::sigaction(SIGINT, &saved, nullptr);
  EXPECT_EQ(status, 128 + SIGINT);
}

TEST(RunCaptured, RemovesTheVariablesItIsAskedToAndKeepsTheRest) {
  ::setenv("KITH_TEST_DROPPED", "from the parent", 1);
  ::setenv("KITH_TEST_KEPT", "kept", 1);
  ProcessOptions options;
  options.unset_env = {"KITH_TEST_DROPPED"};
  ProcessResult r =
      run_captured({"sh", "-c", "echo \"${KITH_TEST_DROPPED-unset} ${KITH_TEST_KEPT-unset}\""}, options);
  ::unsetenv("KITH_TEST_DROPPED");
  ::unsetenv("KITH_TEST_KEPT");
  EXPECT_EQ(r.out, "unset kept\n");
}

TEST(RunAttached, RemovesTheVariablesItIsAskedTo) {
  ::setenv("KITH_TEST_DROPPED", "x", 1);
  ProcessOptions options;
  options.unset_env = {"KITH_TEST_DROPPED"};
  int status = run_attached({"sh", "-c", "test -z \"${KITH_TEST_DROPPED+set}\""}, options);
  ::unsetenv("KITH_TEST_DROPPED");
  EXPECT_EQ(status, 0);
}

TEST(SplitCommand, SplitsAnEditorVariableOnSpacesAndTabs) {
  EXPECT_EQ(split_command("code --wait"), (std::vector<std::string>{"code", "--wait"}));
  EXPECT_EQ(split_command("  vim\t-f   -n "), (std::vector<std::string>{"vim", "-f", "-n"}));
  EXPECT_EQ(split_command("nano"), (std::vector<std::string>{"nano"}));
}

TEST(SplitCommand, BlankGivesNoWords) {
  EXPECT_TRUE(split_command("").empty());
  EXPECT_TRUE(split_command(" \t ").empty());
}

}  // namespace
}  // namespace kith
