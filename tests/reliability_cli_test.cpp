// SPDX-License-Identifier: MIT
// End to end, issue 11: what an attacker or an unlucky user does from
// outside. A broken kith.yaml stops every write; owners, long names,
// symlinks, FIFOs and devices are handled; what the user types as a note is
// what gets stored; control characters never reach the terminal raw.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "cli_util.h"
#include "model/settings.h"
#include "system/process.h"
#include "yaml/load.h"

namespace kith::test {
namespace {

class Reliability : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = copy_examples(tmp_);
    tmp_.write("people/.kith.lock", "");  // every write creates it: "nothing changed" means nothing else
  }
  RunResult kith(std::vector<std::string> args, const RunOptions& o = {}) {
    args.insert(args.begin(), {"--dir", dir_.string()});
    return run_kith(tmp_, args, o);
  }
  std::string path(const std::string& rel) const { return (dir_ / rel).string(); }
  // The last log entry of a file in the data directory.
  Entry last_entry(const std::string& rel) {
    Settings s = parse_settings(tmp_.read("people/kith.yaml"), "kith.yaml").settings;
    LoadResult r = load_person(read_text(dir_ / rel), path(rel), s);
    EXPECT_TRUE(r.person) << (r.problems.empty() ? "" : r.problems.front().to_string());
    if (!r.person || r.person->log.empty()) return {};
    return r.person->log.back();
  }
  std::string git(const std::vector<std::string>& args) {
    std::vector<std::string> argv{"git", "-C", dir_.string()};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_captured(argv).out;
  }
  bool git_init() {
    if (run_captured({"git", "--version"}).status != 0) return false;
    run_captured({"git", "-C", dir_.string(), "init", "-q"});
    run_captured({"git", "-C", dir_.string(), "add", "-A"});
    run_captured({"git", "-C", dir_.string(), "-c", "user.name=t", "-c", "user.email=t@kith.invalid", "commit",
                  "-q", "-m", "start"});
    return true;
  }

  TempDir tmp_;
  fs::path dir_;
};

// --- item 5: a kith.yaml that does not read stops every write -------------

TEST_F(Reliability, BrokenKithYamlStopsEveryWriteCommandWithItsPosition) {
  ASSERT_TRUE(git_init()) << "git is needed for this test";
  // `git: off` on line 1 must not be ignored when the file does not read.
  tmp_.write("people/kith.yaml", "git: off\nfollowup: soon\n");
  run_captured({"git", "-C", dir_.string(), "-c", "user.name=t", "-c", "user.email=t@kith.invalid", "commit", "-qam",
                "broken settings"});
  const auto before = tmp_.snapshot();
  const std::string head = git({"rev-parse", "HEAD"});
  const std::vector<std::vector<std::string>> writes{{"log", "charlene", "talk", "coffee"},
                                                     {"intro", "charlene", "julie", "same", "topic"},
                                                     {"snooze", "charlene", "+2w"},
                                                     {"add", "Ada Lovelace"},
                                                     {"log", "charlene", "talk", "-d", "yesterday", "--next", "+1w"}};
  for (const auto& args : writes) {
    RunResult r = kith(args);
    EXPECT_EQ(r.code, 1) << args.front() << ": " << r.describe();
    EXPECT_EQ(r.out, "") << args.front();
    EXPECT_NE(r.err.find("kith: " + path("kith.yaml") + ":2:11: "), std::string::npos) << args.front() << ": " << r.err;
    EXPECT_NE(r.err.find("nothing was written"), std::string::npos) << r.err;
    EXPECT_EQ(tmp_.snapshot(), before) << args.front();
    EXPECT_EQ(git({"rev-parse", "HEAD"}), head) << args.front();
  }
  RunResult edit = kith({"edit", "charlene"}, RunOptions{{{"EDITOR", "true"}}, {}, {}, {}});
  EXPECT_EQ(edit.code, 1) << edit.describe();
  EXPECT_EQ(edit.err.rfind("kith: " + path("kith.yaml") + ":2:11: ", 0), 0u) << edit.err;
}

// --- item 6 and the temporary name ----------------------------------------

TEST_F(Reliability, RootRewritingAUsersFileKeepsItsOwnerAndGroup) {
  if (::geteuid() != 0) GTEST_SKIP() << "needs root to give a file to another user";
  const fs::path file = dir_ / "charlene-dupont.yaml";
  ASSERT_EQ(::chown(file.c_str(), 4321, 4322), 0);
  ASSERT_EQ(::chmod(file.c_str(), 0640), 0);
  RunResult r = kith({"log", "charlene", "talk", "as", "root"});
  ASSERT_EQ(r.code, 0) << r.describe();
  struct stat st {};
  ASSERT_EQ(::stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_uid, 4321u);
  EXPECT_EQ(st.st_gid, 4322u);
  EXPECT_EQ(st.st_mode & 07777, 0640u);
  EXPECT_EQ(last_entry("charlene-dupont.yaml").note, "as root");
}

TEST_F(Reliability, AFileNameTooLongForTheTemporaryPrefixIsStillWritten) {
  const std::string stem(250, 'z');  // 255 bytes with .yaml: the longest name there is
  tmp_.write("people/" + stem + ".yaml", "name: Zed Long\n");
  RunResult r = kith({"log", "zed", "talk", "a", "long", "name"});
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(last_entry(stem + ".yaml").note, "a long name");
  for (const auto& e : fs::directory_iterator(dir_))  // no temporary file left behind
    EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos) << e.path();
}

// --- item 4 (writes): two names of one file --------------------------------

TEST_F(Reliability, LoggingThroughASymlinkCommitsTheFileThatChanged) {
  ASSERT_TRUE(git_init()) << "git is needed for this test";
  fs::create_directories(dir_ / "sub");
  fs::rename(dir_ / "camille-lefevre.yaml", dir_ / "sub/camille-lefevre.yaml");
  fs::create_symlink("sub/camille-lefevre.yaml", dir_ / "alias.yaml");
  run_captured({"git", "-C", dir_.string(), "add", "-A"});
  run_captured({"git", "-C", dir_.string(), "-c", "user.name=t", "-c", "user.email=t@kith.invalid", "commit", "-qm",
                "moved"});
  // The link and its file are one person, named after the real file.
  RunResult r = kith({"log", "camille", "talk", "through", "the", "link"});
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(git({"show", "--name-only", "--format=", "HEAD"}), "sub/camille-lefevre.yaml\n");
  EXPECT_EQ(git({"status", "--porcelain"}), "");
  EXPECT_TRUE(fs::is_symlink(dir_ / "alias.yaml"));
}

TEST_F(Reliability, IntroducingAPersonToTheirOwnSymlinkIsRefused) {
  fs::create_symlink("camille-lefevre.yaml", dir_ / "alias.yaml");
  const auto before = tmp_.snapshot();
  // The link is not a second person: the walk keeps the real file only.
  RunResult r = kith({"intro", "alias", "camille-lefevre"});
  EXPECT_EQ(r.code, 1) << r.describe();
  EXPECT_NE(r.err.find("nobody matches 'alias'"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(tmp_.snapshot(), before);
}

// --- two files, one slug ---------------------------------------------------

TEST_F(Reliability, TwoFilesWithOneSlugAreRefusedNamingBoth) {
  tmp_.write("people/online/charlene-dupont.yaml", "name: Charlène Dupont (online)\n");
  const auto before = tmp_.snapshot();
  RunResult r = kith({"log", "charlene-dupont", "talk", "which", "one"});
  EXPECT_EQ(r.code, 1) << r.describe();
  EXPECT_NE(r.err.find("kith: charlene-dupont is the slug of two files, " + path("charlene-dupont.yaml") + " and " +
                       path("online/charlene-dupont.yaml")),
            std::string::npos)
      << r.err;
  EXPECT_EQ(tmp_.snapshot(), before);
}

// --- hostile files -----------------------------------------------------------

// Opens the FIFO as a writer after `seconds` unless told to stop first, so a
// kith that waits on it is released and the test fails instead of hanging.
class FifoWatchdog {
 public:
  FifoWatchdog(fs::path fifo, int seconds)
      : thread_([this, fifo, seconds] {
          std::unique_lock<std::mutex> lock(mutex_);
          if (cv_.wait_for(lock, std::chrono::seconds(seconds), [this] { return done_; })) return;
          int fd = ::open(fifo.c_str(), O_RDWR);
          if (fd >= 0) {
            (void)!::write(fd, "x: 1\n", 5);
            ::close(fd);
          }
        }) {}
  ~FifoWatchdog() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      done_ = true;
    }
    cv_.notify_one();
    thread_.join();
  }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  bool done_ = false;
  std::thread thread_;
};

TEST_F(Reliability, KithYamlThatIsAFifoIsRefusedWithoutWaiting) {
  fs::remove(dir_ / "kith.yaml");
  ASSERT_EQ(::mkfifo((dir_ / "kith.yaml").c_str(), 0600), 0);
  FifoWatchdog watchdog(dir_ / "kith.yaml", 5);
  auto start = std::chrono::steady_clock::now();
  RunResult list = kith({"list"});
  RunResult log = kith({"log", "charlene", "talk"});
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 4.0);
  EXPECT_EQ(list.code, 1) << list.describe();
  EXPECT_NE(list.err.find("kith: " + path("kith.yaml") + ": cannot read: it is a FIFO, not a regular file"),
            std::string::npos)
      << list.err;
  EXPECT_NE(list.out.find("Antoine Rousseau"), std::string::npos);  // the people are still listed
  EXPECT_EQ(log.code, 1) << log.describe();
}

TEST_F(Reliability, KithYamlLinkedToDevZeroIsRefusedAtOnce) {
  fs::remove(dir_ / "kith.yaml");
  fs::create_symlink("/dev/zero", dir_ / "kith.yaml");
  RunResult r = kith({"check"});
  EXPECT_EQ(r.code, 1) << r.describe();
  EXPECT_NE(r.err.find("kith: " + path("kith.yaml") + ": is a symbolic link leading out of the data directory"),
            std::string::npos)
      << r.err;
}

TEST_F(Reliability, KithYamlLinkedOutsideIsNotFollowed) {
  tmp_.write("outside.yaml", "git: off\nkinds: {secret: {}}\n");
  fs::remove(dir_ / "kith.yaml");
  fs::create_symlink(tmp_ / "outside.yaml", dir_ / "kith.yaml");
  RunResult log = kith({"log", "charlene", "secret"});
  EXPECT_EQ(log.code, 1) << log.describe();
  EXPECT_NE(log.err.find("is a symbolic link leading out of the data directory"), std::string::npos) << log.err;
  RunResult edit = kith({"edit"}, RunOptions{{{"EDITOR", "true"}}, {}, {}, {}});
  EXPECT_EQ(edit.code, 1) << edit.describe();
  EXPECT_EQ(tmp_.read("outside.yaml"), "git: off\nkinds: {secret: {}}\n");
}

TEST_F(Reliability, ALockFileLinkedOutsideIsNotFollowed) {
  fs::remove(dir_ / ".kith.lock");
  fs::create_symlink(tmp_ / "elsewhere.lock", dir_ / ".kith.lock");
  RunResult r = kith({"log", "charlene", "talk"});
  EXPECT_EQ(r.code, 1) << r.describe();
  EXPECT_EQ(r.err, "kith: " + path(".kith.lock") +
                       ": the lock file is a symbolic link; kith does not follow it (remove it)\n");
  EXPECT_FALSE(fs::exists(tmp_ / "elsewhere.lock"));
}

TEST_F(Reliability, AnUnknownKindAmongSixtyThousandIsAOneLineMessage) {
  std::string settings = "kinds:\n";
  for (int i = 0; i < 60000; ++i) settings += "  k" + std::to_string(i) + ": {}\n";
  tmp_.write("people/kith.yaml", settings);
  tmp_.write("people/many-entries.yaml", "name: Many Entries\nlog:\n  - {date: 2026-01-01, kind: k59999}\n");
  RunResult r = kith({"log", "many", "nosuchkind"});
  EXPECT_EQ(r.code, 2) << r.describe().substr(0, 2000);  // a kind typed on the command line: a usage error
  EXPECT_EQ(r.err,
            "kith: unknown kind 'nosuchkind' (known: met, talk, give, ask, got, intro, note, k0, k1, k2 and 59997 "
            "more)\n");
  RunResult ok = kith({"log", "many", "k30000", "found"});
  EXPECT_EQ(ok.code, 0) << ok.describe().substr(0, 2000);
}

// --- terminal escapes and JSON ---------------------------------------------

TEST_F(Reliability, ControlCharactersFromFilesArePrintedVisibly) {
  tmp_.write("people/evil.yaml",
             "name: \"Eve \\e[2J\\e]0;title\\a\\x9b\"\ncircle: team\nlog:\n"
             "  - {date: 2026-11-01, kind: talk, note: \"clear \\e[2J here\"}\n");
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"list"}, {"show", "evil"}, {"due", "--within", "1y"}, {"report"}}) {
    RunResult r = kith(args);
    EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << args.front() << ":\n" << r.out;
    EXPECT_EQ(r.out.find('\a'), std::string::npos) << args.front();
    EXPECT_EQ(r.out.find("\xc2\x9b"), std::string::npos) << args.front();
  }
  RunResult show = kith({"show", "evil"});
  EXPECT_NE(show.out.find("Eve \\e[2J\\e]0;title\\a\\u009b"), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("clear \\e[2J here"), std::string::npos) << show.out;
  RunResult json = kith({"show", "evil", "--json"});
  EXPECT_NE(json.out.find(R"("name": "Eve \u001b[2J\u001b]0;title\u0007\u009b")"), std::string::npos) << json.out;
}

TEST_F(Reliability, ANameTypedWithAnEscapeIsEchoedVisibly) {
  RunResult add = kith({"add", "Mallory \x1b[2J"});
  EXPECT_EQ(add.out.find('\x1b'), std::string::npos) << add.describe();
  RunResult log = kith({"log", "nobody\x1b]0;x\a", "talk"});
  EXPECT_EQ(log.code, 1);
  EXPECT_EQ(log.err.find('\x1b'), std::string::npos) << log.err;
  EXPECT_NE(log.err.find("nobody\\e]0;x\\a"), std::string::npos) << log.err;
}

TEST_F(Reliability, JsonIsValidUtf8WhateverTheFileNames) {
  tmp_.write("people/\xff\xfe.yaml", "name: Bytes\n");
  RunResult r = kith({"list", "--json"});
  EXPECT_EQ(r.code, 0) << r.describe();
  EXPECT_NE(r.out.find(R"("slug": "\ufffd\ufffd")"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find('\xff'), std::string::npos);
}

// --- the CLI keeps what the user typed ---------------------------------------

TEST_F(Reliability, NotesAreStoredExactlyAsTyped) {
  for (const std::string note : {"[x,y]", "[a, b]", "[]", "{a: b}", "a=b", "say \"hi\"", "it's", "x, y"}) {
    RunResult r = kith({"log", "charlene", "talk", note});
    ASSERT_EQ(r.code, 0) << note << ": " << r.describe();
    EXPECT_EQ(last_entry("charlene-dupont.yaml").note, note);
  }
  RunResult words = kith({"log", "charlene", "talk", "[x,y]", "and", "[]", "-5"});
  ASSERT_EQ(words.code, 0) << words.describe();
  EXPECT_EQ(last_entry("charlene-dupont.yaml").note, "[x,y] and [] -5");
}

TEST_F(Reliability, AfterDoubleDashEverythingIsNote) {
  RunResult r = kith({"log", "charlene", "talk", "--", "--next", "steps", "-d", "x", "--dir", "y"});
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(last_entry("charlene-dupont.yaml").note, "--next steps -d x --dir y");
  EXPECT_EQ(last_entry("charlene-dupont.yaml").kind, "talk");
  RunResult with_options = kith({"log", "charlene", "give", "-d", "yesterday", "--", "-a", "[b]"});
  ASSERT_EQ(with_options.code, 0) << with_options.describe();
  EXPECT_EQ(last_entry("charlene-dupont.yaml").note, "-a [b]");
  RunResult intro = kith({"intro", "charlene", "julie", "--", "[both]", "--into", "k8s"});
  ASSERT_EQ(intro.code, 0) << intro.describe();
  EXPECT_EQ(last_entry("julie-martin.yaml").note, "[both] --into k8s");
}

// --- paths -----------------------------------------------------------------

TEST_F(Reliability, EmptyDirFlagIsAUsageError) {
  RunResult r = run_kith(tmp_, {"--dir", "", "list"});
  EXPECT_EQ(r.code, 2) << r.describe();
  EXPECT_NE(r.err.find("DIR is empty"), std::string::npos) << r.err;
}

TEST_F(Reliability, ConfigDirThatIsRelativeOrAVariableIsRefusedWhereverKithRuns) {
  tmp_.write("home/.config/kith/config.yaml", "dir: $HOME/net\n");
  RunResult var = run_kith(tmp_, {"add", "Ada"});
  EXPECT_EQ(var.code, 1) << var.describe();
  EXPECT_EQ(var.err.rfind("kith: " + (tmp_ / "home/.config/kith/config.yaml").string() + ":1:6: dir '$HOME/net'", 0),
            0u)
      << var.err;
  tmp_.write("home/.config/kith/config.yaml", "dir: net\n");
  RunResult rel = run_kith(tmp_, {"add", "Ada"});
  EXPECT_EQ(rel.code, 1) << rel.describe();
  EXPECT_FALSE(fs::exists(tmp_ / "net"));
  EXPECT_FALSE(fs::exists(tmp_ / "$HOME"));
}

}  // namespace
}  // namespace kith::test
