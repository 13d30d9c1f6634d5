// SPDX-License-Identifier: MIT
// End to end: `kith sync`, `kith clone` and `kith merge-file` on real
// repositories: a bare remote and two clones, used as two machines would.
#include <gtest/gtest.h>

#include <fstream>

#include "cli_util.h"
#include "system/process.h"

namespace kith::test {
namespace {

class SyncCli : public ::testing::Test {
 protected:
  void SetUp() override {
    if (run_captured({"git", "--version"}).status != 0) GTEST_SKIP() << "git is not installed";
    remote_ = (tmp_ / "remote.git").string();
    ASSERT_EQ(run_captured({"git", "init", "-q", "--bare", remote_}).status, 0);
  }
  fs::path dir(const std::string& m) const { return tmp_ / m; }
  RunResult kith(const std::string& m, std::vector<std::string> args, const RunOptions& o = {}) {
    args.insert(args.begin(), {"--dir", dir(m).string()});
    return run_kith(tmp_, args, o);
  }
  void ok(const std::string& m, const std::vector<std::string>& args, const RunOptions& o = {}) {
    RunResult r = kith(m, args, o);
    ASSERT_EQ(r.code, 0) << r.describe();
  }
  // Machine a with ada and bob, pushed; machine b cloned from the remote.
  void two_machines() {
    ok("a", {"init"});
    ok("a", {"add", "Ada Lovelace", "--circle", "team", "--tags", "math"});
    ok("a", {"add", "Bob Marley"});
    ok("a", {"git", "remote", "add", "origin", remote_});
    RunResult first = kith("a", {"sync"});
    ASSERT_EQ(first.code, 0) << first.describe();
    EXPECT_EQ(first.out, "synced with origin/master: got 0 commits, sent 3 commits\n");
    RunResult clone = run_kith(tmp_, {"clone", remote_, dir("b").string()});
    ASSERT_EQ(clone.code, 0) << clone.describe();
    EXPECT_NE(clone.out.find("2 people"), std::string::npos) << clone.out;
    EXPECT_EQ(clone.err, "");
  }
  void write(const std::string& m, const std::string& file, const std::string& text) {
    std::ofstream(dir(m) / file, std::ios::binary) << text;
  }
  std::string read(const std::string& m, const std::string& file) { return read_text(dir(m) / file); }

  TempDir tmp_;
  std::string remote_;
};

TEST_F(SyncCli, WithoutARemoteItSaysHowToAddOne) {
  ok("a", {"init"});
  RunResult r = kith("a", {"sync"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("no remote to sync with: add one with `kith git remote add origin URL`"), std::string::npos)
      << r.err;
}

TEST_F(SyncCli, LogsOnBothMachinesAreAllKeptAndTheSameEntryOnce) {
  two_machines();
  ok("a", {"log", "ada", "talk", "from the laptop"});
  ok("a", {"intro", "ada", "bob", "music and math"});
  ok("a", {"log", "bob", "give", "same day, same words"});
  ok("b", {"log", "ada", "give", "from the phone"});
  ok("b", {"log", "bob", "give", "same day, same words"});
  ok("b", {"snooze", "bob", "+2w"});
  // A hand-edited comment on b, committed; an uncommitted edit on a, which sync must not commit.
  std::string ada = read("b", "ada-lovelace.yaml");
  write("b", "ada-lovelace.yaml", "# Ada, met at the engine meetup\n" + ada);
  ok("b", {"git", "commit", "-q", "-am", "a comment"});
  std::string bob_a = read("a", "bob-marley.yaml");

  ok("a", {"sync"});
  RunResult b = kith("b", {"sync"});
  ASSERT_EQ(b.code, 0) << b.describe();
  EXPECT_EQ(b.err, "");
  ok("a", {"sync"});
  for (const char* f : {"ada-lovelace.yaml", "bob-marley.yaml"}) EXPECT_EQ(read("a", f), read("b", f)) << f;
  std::string merged = read("a", "ada-lovelace.yaml");
  EXPECT_TRUE(merged.starts_with("# Ada, met at the engine meetup\n")) << merged;
  for (const char* note : {"from the laptop", "from the phone", "music and math"})
    EXPECT_NE(merged.find(note), std::string::npos) << note << "\n" << merged;
  std::string bob = read("b", "bob-marley.yaml");
  EXPECT_EQ(bob.find("same day, same words"), bob.rfind("same day, same words")) << bob;
  EXPECT_NE(bob.find("next: 2026-12-05"), std::string::npos) << bob;
  for (const char* m : {"a", "b"}) {
    RunResult check = kith(m, {"check"});
    EXPECT_EQ(check.code, 0) << check.describe();
  }
  // Nothing left to do: silent, for cron.
  RunResult quiet = kith("b", {"sync"});
  EXPECT_EQ(quiet.code, 0);
  EXPECT_EQ(quiet.out, "");
  EXPECT_EQ(quiet.err, "");
  (void)bob_a;
}

TEST_F(SyncCli, UncommittedWorkIsNeitherCommittedNorLost) {
  two_machines();
  ok("b", {"log", "ada", "talk", "b's entry"});
  ok("b", {"sync"});
  std::string bob = read("a", "bob-marley.yaml") + "# still thinking about this\n";
  write("a", "bob-marley.yaml", bob);
  ok("a", {"log", "ada", "give", "a's entry"});
  RunResult r = kith("a", {"sync"});
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(read("a", "bob-marley.yaml"), bob);
  RunResult status = kith("a", {"git", "status", "--porcelain"});
  EXPECT_EQ(status.out, " M bob-marley.yaml\n");
  RunResult pushed = run_kith(tmp_, {"--dir", dir("a").string(), "git", "show", "origin/master:bob-marley.yaml"});
  EXPECT_EQ(pushed.out.find("still thinking"), std::string::npos);
}

TEST_F(SyncCli, ACircleChangedOnBothSidesIsOneConflictResolvedWithEdit) {
  two_machines();
  for (auto [m, circle] : {std::pair{"a", "community"}, std::pair{"b", "online"}}) {
    std::string text = read(m, "ada-lovelace.yaml");
    text.replace(text.find("circle: team"), 12, std::string("circle: ") + circle);
    write(m, "ada-lovelace.yaml", text);
    ok(m, {"git", "commit", "-q", "-am", "circle"});
  }
  ok("a", {"log", "ada", "talk", "a's entry"});
  ok("b", {"log", "ada", "give", "b's entry"});
  ok("a", {"sync"});
  RunResult r = kith("b", {"sync"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("ada-lovelace.yaml:2:1: merge conflict: `circle` changed on both sides: community / online"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("kith edit ada-lovelace"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("kith sync --continue"), std::string::npos) << r.err;
  RunResult check = kith("b", {"check"});
  EXPECT_EQ(check.code, 1);
  EXPECT_NE(check.err.find("ada-lovelace.yaml:2:1: merge conflict: "), std::string::npos) << check.describe();
  RunResult early = kith("b", {"sync", "--continue"});
  EXPECT_EQ(early.code, 1);
  EXPECT_NE(early.err.find("conflict markers are still there"), std::string::npos) << early.err;

  // The user keeps "online" and deletes the markers.
  fs::path editor = tmp_ / "keep-theirs.sh";
  std::ofstream(editor) << "#!/bin/sh\nsed -i -e '/^<<<<<<< /,/^=======/d' -e '/^>>>>>>> /d' \"$1\"\n";
  fs::permissions(editor, fs::perms::owner_all);
  RunOptions o;
  o.env["EDITOR"] = editor.string();
  ok("b", {"edit", "ada-lovelace"}, o);
  RunResult cont = kith("b", {"sync", "--continue"});
  ASSERT_EQ(cont.code, 0) << cont.describe();
  ok("a", {"sync"});
  std::string merged = read("a", "ada-lovelace.yaml");
  EXPECT_EQ(merged, read("b", "ada-lovelace.yaml"));
  EXPECT_NE(merged.find("circle: online"), std::string::npos) << merged;
  EXPECT_NE(merged.find("a's entry"), std::string::npos) << merged;
  EXPECT_NE(merged.find("b's entry"), std::string::npos) << merged;
  EXPECT_EQ(kith("a", {"check"}).code, 0);
}

TEST_F(SyncCli, OfflineAndStatus) {
  two_machines();
  RunResult up = kith("b", {"sync", "--status"});
  EXPECT_EQ(up.out, "up to date with origin/master\n");
  ok("b", {"log", "ada", "talk"});
  RunResult ahead = kith("b", {"sync", "--status"});
  EXPECT_EQ(ahead.out, "1 commit to send, 0 commits to get from origin/master\n");
  fs::rename(remote_, tmp_ / "moved.git");
  RunResult off = kith("b", {"sync"});
  EXPECT_EQ(off.code, 1);
  EXPECT_NE(off.err.find("cannot reach the remote 'origin'"), std::string::npos) << off.err;
  RunResult status = kith("b", {"sync", "--status"});
  EXPECT_EQ(status.out, "1 commit to send, 0 commits to get from origin/master (offline: as of the last sync)\n");
}

TEST_F(SyncCli, AnyCommandSetsTheDriverUpInARepositoryWithoutIt) {
  two_machines();
  ASSERT_EQ(run_captured({"git", "-C", dir("b").string(), "config", "--unset", "merge.kith.driver"}).status, 0);
  RunResult first = kith("b", {"list"});
  EXPECT_EQ(first.code, 0);
  EXPECT_EQ(first.err, "kith: note: set up git's merge driver for person files in this clone (merge.kith.driver)\n");
  RunResult again = kith("b", {"list"});
  EXPECT_EQ(again.err, "");
  ProcessResult driver = run_captured({"git", "-C", dir("b").string(), "config", "merge.kith.driver"});
  EXPECT_EQ(driver.out, "kith merge-file %O %A %B %P\n");
  EXPECT_EQ(read("a", ".gitattributes").find("*.yaml merge=kith\n") != std::string::npos, true);
}

TEST_F(SyncCli, CloneRefusesAFolderInUse) {
  two_machines();
  RunResult r = run_kith(tmp_, {"clone", remote_, dir("a").string()});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("already exists and is not empty"), std::string::npos) << r.err;
  RunResult bad = run_kith(tmp_, {"clone", (tmp_ / "nowhere.git").string(), dir("c").string()});
  EXPECT_EQ(bad.code, 1);
  EXPECT_NE(bad.err.find("cannot clone"), std::string::npos) << bad.err;
}

TEST_F(SyncCli, MergeFileWritesIntoOursAndExitsOneOnAConflict) {
  tmp_.write("base.yaml", "name: Ada\ncircle: team\nlog:\n  - date: 2026-01-01\n    kind: met\n");
  tmp_.write("ours.yaml", "name: Ada\ncircle: team\nlog:\n  - date: 2026-01-01\n    kind: met\n  - date: 2026-01-02\n    kind: talk\n");
  tmp_.write("theirs.yaml", "name: Ada\ncircle: online\nlog:\n  - date: 2026-01-01\n    kind: met\n  - date: 2026-01-03\n    kind: give\n");
  RunResult r = run_kith(tmp_, {"merge-file", "base.yaml", "ours.yaml", "theirs.yaml", "ada.yaml"});
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(tmp_.read("ours.yaml"),
            "name: Ada\ncircle: online\nlog:\n  - date: 2026-01-01\n    kind: met\n  - date: 2026-01-02\n    kind: talk\n"
            "  - date: 2026-01-03\n    kind: give\n");
  tmp_.write("theirs.yaml", "name: Ada\ncircle: team\nlog:\n  - date: 2026-01-01\n    kind: met\n");
  tmp_.write("ours.yaml", "name: Ada\ncircle: community\nlog:\n  - date: 2026-01-01\n    kind: met\n");
  tmp_.write("base.yaml", "name: Ada\ncircle: online\nlog:\n  - date: 2026-01-01\n    kind: met\n");
  r = run_kith(tmp_, {"merge-file", "base.yaml", "ours.yaml", "theirs.yaml", "ada.yaml"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err, "kith: ada.yaml:2:1: merge conflict: `circle` changed on both sides: community / team\n");
  EXPECT_NE(tmp_.read("ours.yaml").find("<<<<<<< ours\ncircle: community\n=======\ncircle: team\n>>>>>>> theirs\n"),
            std::string::npos);
}

}  // namespace
}  // namespace kith::test
