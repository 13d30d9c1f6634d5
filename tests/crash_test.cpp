// SPDX-License-Identifier: MIT
// Crash safety, end to end: `kith log` killed with SIGKILL at random moments
// leaves every person file byte for byte either as it was or as the complete
// new version, and a full disk leaves the file untouched with a clear error.
#include <gtest/gtest.h>

#include <chrono>
#include <random>
#include <thread>

#include "cli_util.h"
#include "model/settings.h"
#include "spawn_util.h"
#include "yaml/edit.h"
#include "yaml/load.h"

namespace kith::test {
namespace {

const Date today{date::year{2026}, date::month{11}, date::day{21}};

std::vector<fs::path> temp_files(const fs::path& dir) {
  std::vector<fs::path> out;
  for (auto& e : fs::recursive_directory_iterator(dir))
    if (e.path().filename().string().find(".tmp-") != std::string::npos) out.push_back(e.path());
  return out;
}

Settings example_settings(const fs::path& dir) {
  return parse_settings(read_text(dir / "kith.yaml"), "kith.yaml").settings;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

TEST(CrashSafety, KilledWritesLeaveTheOldOrTheNewFileNeverAPartOne) {
  TempDir tmp;
  fs::path dir = copy_examples(tmp);
  const fs::path file = dir / "charlene-dupont.yaml";
  const Settings settings = example_settings(dir);
  const std::vector<std::string> base{"--dir", dir.string(), "log", "charlene-dupont", "talk"};

  // How long one uninterrupted run takes here (sanitizers make it slower):
  // the kills are spread over that whole time.
  auto start = std::chrono::steady_clock::now();
  auto warm = base;
  warm.push_back("warm-up");
  ASSERT_EQ(run_kith(tmp, warm).code, 0);
  const int run_us = std::max(2000, static_cast<int>(seconds_since(start) * 1e6));

  std::mt19937 rng(20261121);
  std::uniform_int_distribution<int> delay_us(0, run_us * 6 / 5);
  int completed = 0, untouched = 0, killed = 0;
  std::string current = read_text(file);
  for (int i = 0; i < 200; ++i) {
    std::string note = "crash test " + std::to_string(i);
    const std::string expected = append_log_entry(current, NewEntry{today, "talk", note, ""});
    auto args = base;
    args.push_back(note);
    Child child = spawn_kith(tmp, args);
    if (i % 10 != 9) {  // every tenth run finishes, so the file keeps growing
      std::this_thread::sleep_for(std::chrono::microseconds(delay_us(rng)));
      ::kill(child.pid, SIGKILL);
    }
    RunResult r = finish(child);
    if (r.code == 128 + SIGKILL) {
      ++killed;
    } else {
      ASSERT_EQ(r.code, 0) << r.describe();
    }

    const std::string now = read_text(file);
    ASSERT_TRUE(now == current || now == expected) << "run " << i << " left a partial file:\n" << now;
    LoadResult loaded = load_person(now, file.string(), settings);
    ASSERT_TRUE(loaded.problems.empty()) << loaded.problems.front().to_string();
    (now == current ? untouched : completed) += 1;
    current = now;
  }
  std::cout << "[ crash    ] 200 runs: " << killed << " killed, " << completed << " wrote the new version, "
            << untouched << " left the old one, " << temp_files(dir).size() << " temp files left behind\n";
  EXPECT_GE(completed, 20);
  EXPECT_GT(killed, 100);

  // Temp files of killed writers are dot-files: every read skips them.
  RunResult check = run_kith(tmp, {"--dir", dir.string(), "check"});
  EXPECT_EQ(check.code, 0) << check.describe();
}

std::size_t intro_count(const fs::path& file) {
  std::size_t n = 0;
  for (const std::string& line : lines_of(read_text(file)))
    if (line.find("kind: intro") != std::string::npos) ++n;
  return n;
}

// Issue 11 item 1: `intro` writes two files. Killed at any moment, the next
// command sees the intro in both files or in neither, never in one.
TEST(CrashSafety, AKilledIntroIsInBothFilesOrInNeither) {
  TempDir tmp;
  fs::path dir = copy_examples(tmp);
  const fs::path a = dir / "lea-nguyen.yaml", b = dir / "thomas-girard.yaml";
  const std::vector<std::string> base{"--dir", dir.string(), "intro", "lea-nguyen", "thomas-girard"};

  auto start = std::chrono::steady_clock::now();
  auto warm = base;
  warm.push_back("warm-up");
  ASSERT_EQ(run_kith(tmp, warm).code, 0);
  const int run_us = std::max(2000, static_cast<int>(seconds_since(start) * 1e6));

  std::mt19937 rng(20261130);
  std::uniform_int_distribution<int> delay_us(run_us / 4, run_us * 6 / 5);
  int killed = 0, journals = 0;
  for (int i = 0; i < 120; ++i) {
    auto args = base;
    args.push_back("crash " + std::to_string(i));
    Child child = spawn_kith(tmp, args);
    std::this_thread::sleep_for(std::chrono::microseconds(delay_us(rng)));
    ::kill(child.pid, SIGKILL);
    RunResult r = finish(child);
    if (r.code == 128 + SIGKILL) ++killed;
    if (fs::exists(dir / ".kith-journal")) ++journals;
    // Any command finishes what the killed one decided, before it reads.
    RunResult list = run_kith(tmp, {"--dir", dir.string(), "list"});
    ASSERT_EQ(list.code, 0) << list.describe();
    ASSERT_FALSE(fs::exists(dir / ".kith-journal"));
    ASSERT_EQ(intro_count(a), intro_count(b)) << "run " << i << " left half an introduction";
  }
  std::cout << "[ crash    ] 120 intros: " << killed << " killed, " << journals
            << " left a journal that the next command finished\n";
  EXPECT_GT(killed, 40);
  RunResult check = run_kith(tmp, {"--dir", dir.string(), "check"});
  EXPECT_EQ(check.code, 0) << check.describe();
}

TEST(CrashSafety, StaleTempFilesAreIgnoredThenRemovedByTheNextWrite) {
  TempDir tmp;
  fs::path dir = copy_examples(tmp);
  const fs::path stale = dir / ".charlene-dupont.yaml.tmp-AbC123";
  const fs::path fresh = dir / ".charlene-dupont.yaml.tmp-XyZ789";
  const fs::path other = dir / ".julie-martin.yaml.tmp-QrS456";
  tmp.write("people/" + stale.filename().string(), "name: half a wri");
  tmp.write("people/" + fresh.filename().string(), "name: in progress");
  tmp.write("people/" + other.filename().string(), "name: someone else");
  auto old = fs::file_time_type::clock::now() - std::chrono::minutes(5);
  fs::last_write_time(stale, old);
  fs::last_write_time(other, old);

  RunResult check = run_kith(tmp, {"--dir", dir.string(), "check"});
  EXPECT_EQ(check.code, 0) << check.describe();
  EXPECT_EQ(check.err.find(".tmp-"), std::string::npos) << check.describe();

  RunResult log = run_kith(tmp, {"--dir", dir.string(), "log", "charlene", "talk", "after a crash"});
  ASSERT_EQ(log.code, 0) << log.describe();
  EXPECT_FALSE(fs::exists(stale)) << "a stale temp file of the written file is removed";
  EXPECT_TRUE(fs::exists(fresh)) << "a recent one may belong to a live writer";
  EXPECT_TRUE(fs::exists(other)) << "only the written file's temp files are touched";
}

// A full disk, simulated with RLIMIT_FSIZE (root ignores permissions, so a
// read-only folder would not stop the tests): the write fails with EFBIG.
TEST(CrashSafety, AFullDiskLeavesTheFileUnchangedAndSaysWhy) {
  TempDir tmp;
  fs::path dir = copy_examples(tmp);
  auto before = tmp.snapshot();
  RunResult r = run_kith_with(tmp, {"--dir", dir.string(), "log", "charlene", "give", "an article"},
                              SpawnOptions{std::nullopt, 256});
  EXPECT_EQ(r.code, 1) << r.describe();
  EXPECT_NE(r.err.find("kith: " + (dir / "charlene-dupont.yaml").string() + ": cannot write"), std::string::npos)
      << r.describe();
  EXPECT_NE(r.err.find("File too large"), std::string::npos) << r.describe();
  EXPECT_EQ(r.err.find("internal error"), std::string::npos) << r.describe();
  auto after = tmp.snapshot();
  after.erase("people/.kith.lock");
  before.erase("people/.kith.lock");
  EXPECT_EQ(before, after) << "no file changed, no temp file left";

  RunResult add = run_kith_with(tmp, {"--dir", dir.string(), "add", "Zoé Full Disk", "--tags", std::string(400, 'x')},
                                SpawnOptions{std::nullopt, 256});
  EXPECT_EQ(add.code, 1) << add.describe();
  EXPECT_FALSE(fs::exists(dir / "zoe-full-disk.yaml"));
  EXPECT_TRUE(temp_files(dir).empty());
}

TEST(CrashSafety, AReadOnlyDirectoryLeavesTheFileUnchangedAndSaysWhy) {
  if (::geteuid() == 0) GTEST_SKIP() << "root writes into read-only folders; the full-disk test covers this";
  TempDir tmp;
  fs::path dir = copy_examples(tmp);
  auto before = tmp.snapshot();
  fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec);
  RunResult r = run_kith(tmp, {"--dir", dir.string(), "log", "charlene", "give", "an article"});
  fs::permissions(dir, fs::perms::owner_all);
  EXPECT_EQ(r.code, 1) << r.describe();
  EXPECT_NE(r.err.find("kith: "), std::string::npos) << r.describe();
  EXPECT_EQ(before, tmp.snapshot());
}

}  // namespace
}  // namespace kith::test
