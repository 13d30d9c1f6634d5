// SPDX-License-Identifier: MIT
// The parse cache changes no output: every reading command prints the same
// bytes (stdout, stderr, exit code) with and without it, cold and warm,
// through the edits a data directory goes through.
#include <gtest/gtest.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "cli_util.h"

namespace kith {
namespace {

using test::run_kith;
using test::RunResult;
using test::TempDir;
namespace fs = std::filesystem;

// A network with the examples, generated people of every shape, a broken
// file, an unknown key and a sub-folder kith.yaml.
fs::path make_network(const TempDir& tmp) {
  fs::path dir = test::copy_examples(tmp, "net");
  const char* kinds[] = {"talk", "give", "ask", "got", "met", "note", "coffee", "mentoring"};
  for (int i = 0; i < 40; ++i) {
    std::string text = i % 3 == 0 ? "# imported\n" : "";
    text += "name: Person " + std::to_string(i) + (i % 4 == 0 ? " Été" : "") + "\n";
    text += i % 2 ? "tags: [lyon, t" + std::to_string(i % 5) + "]\n" : "tags:\n  - Lyon\n  - rust\n";
    if (i % 3 == 1) text += "needs: [skill" + std::to_string(i % 7) + "]\n";
    if (i % 3 == 2) text += "offers: [skill" + std::to_string(i % 7) + ", 'Skill" + std::to_string(i % 4) + "']\n";
    if (i % 5 == 0) text += "every: 2w\n";
    if (i % 6 == 0) text += "circle: team\n";
    if (i % 9 == 0) text += "birthday: --11-2" + std::to_string(i % 10) + "\n";
    if (i % 8 == 0) text += "favourite: tea\n";
    if (i % 7 == 0) text += "added: 2026-0" + std::to_string(1 + i % 9) + "-01\n";
    if (i % 2 == 0) {
      text += "log:\n";
      for (int e = 0; e < i % 11; ++e)
        text += "  - date: 2026-" + std::string(e % 9 < 9 ? "0" : "") + std::to_string(1 + e % 9) + "-1" +
                std::to_string(e % 10) + "\n    kind: " + kinds[(i + e) % 8] + "\n    note: \"n" + std::to_string(e) +
                "\"\n";
    }
    tmp.write("net/" + std::string(i % 10 == 3 ? "old/" : "") + "person-" + std::to_string(i) + ".yaml", text);
  }
  tmp.write("net/broken.yaml", "name: [Broken\n");
  tmp.write("net/odd.yaml", "name: Odd\ncircle: nowhere\nlog:\n  - date: 2026-13-01\n    kind: talk\n");
  tmp.write("net/old/kith.yaml", "followup: 9d\n");
  return dir;
}

const std::vector<std::vector<std::string>> commands{
    {"due"},          {"due", "--json"},   {"list"},         {"list", "--json"},
    {"report"},       {"report", "--json"}, {"show", "person-4"}, {"show", "person-4", "--json"},
    {"check"},        {"check", "--strict"}, {"check", "--json"}, {"intro", "--suggest"},
    {"intro", "--suggest", "--json"}, {"due", "--within", "60d", "--json"}, {"list", "--sort", "balance"},
    {"list", "--sort", "last", "--json"}, {"show", "person-6"}};

std::string same(const RunResult& a, const RunResult& b) {
  if (a.code == b.code && a.out == b.out && a.err == b.err) return "";
  return "without the cache:\n" + a.describe() + "\nwith it:\n" + b.describe();
}

class CacheCli : public ::testing::Test {
 protected:
  TempDir tmp;
  fs::path dir = make_network(tmp);
  fs::path cache_dir = tmp / "home/.cache/kith";

  RunResult run(std::vector<std::string> args, bool cached) {
    args.insert(args.begin(), {"--dir", dir.string()});
    if (!cached) args.push_back("--no-cache");
    return run_kith(tmp, args);
  }

  // Every command, without the cache, then with it (cold or warm: whatever
  // the state is), byte for byte.
  void expect_same_outputs(const std::string& state) {
    for (const auto& c : commands) {
      RunResult plain = run(c, false);
      RunResult cached = run(c, true);
      EXPECT_EQ(same(plain, cached), "") << state << ": kith " << testing::PrintToString(c);
    }
  }

  std::vector<fs::path> cache_files() {
    std::vector<fs::path> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(cache_dir, ec)) out.push_back(e.path());
    return out;
  }

  void git(const std::string& args) {
    std::string cmd = "git -C '" + dir.string() + "' -c user.name=t -c user.email=t@t.invalid " + args + " >/dev/null 2>&1";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  }

  // `n` more people of a few shapes, one in five in a sub-folder.
  void write_many(int n) {
    for (int i = 0; i < n; ++i) {
      std::string text = "name: Many " + std::to_string(i) + "\n";
      if (i % 3 == 0) text += "tags: [t" + std::to_string(i % 7) + "]\n";
      if (i % 4 == 0) {
        text += "log:\n";
        for (int e = 0; e <= i % 9; ++e)
          text += "  - {date: 2026-0" + std::to_string(1 + e % 9) + "-1" + std::to_string(e % 10) + ", kind: " +
                  (e % 2 ? "give" : "talk") + ", note: \"n" + std::to_string(e) + "\"}\n";
      }
      if (i % 500 == 7) text += "circle: nowhere\n";  // a problem, reported in path order
      tmp.write("net/" + std::string(i % 5 == 0 ? "sub/" : "") + "many-" + std::to_string(i) + ".yaml", text);
    }
  }

  // Older than the cache's racy margin, so a run may trust what it cached.
  static void settle() { std::this_thread::sleep_for(std::chrono::milliseconds(120)); }
};

TEST_F(CacheCli, EveryReadingCommandPrintsTheSameWithAndWithoutTheCacheThroughEdits) {
  git("init -q");
  // The merge driver's one-time setup note comes from the first command run
  // in a new clone, whichever it is: out of the way first.
  git("config merge.kith.driver 'kith merge-file %O %A %B %P'");
  git("add -A");
  git("commit -q -m first");
  settle();
  expect_same_outputs("cold");
  ASSERT_EQ(cache_files().size(), 1u);
  expect_same_outputs("warm");

  std::string path = (dir / "person-8.yaml").string();
  tmp.write("net/person-8.yaml", "name: Renamed Person\ntags: [rust]\nneeds: [skill1]\n");
  expect_same_outputs("hand edit");

  // Same size, and the old mtime put back, as some tools do.
  struct stat before {};
  ASSERT_EQ(::stat((dir / "person-10.yaml").c_str(), &before), 0);
  std::string text = tmp.read("net/person-10.yaml");
  text[text.find("Person 10") + 7] = '9';
  tmp.write("net/person-10.yaml", text);
  timespec times[2] = {before.st_atim, before.st_mtim};
  ASSERT_EQ(::utimensat(AT_FDCWD, (dir / "person-10.yaml").c_str(), times, 0), 0);
  expect_same_outputs("same-size edit");

  ASSERT_EQ(std::system(("touch '" + (dir / "person-12.yaml").string() + "'").c_str()), 0);
  expect_same_outputs("touch");

  fs::rename(dir / "person-14.yaml", dir / "old/person-fourteen.yaml");
  expect_same_outputs("rename");

  fs::remove(dir / "person-16.yaml");
  expect_same_outputs("delete");

  tmp.write("net/new-person.yaml", "name: New Person\ntags: [lyon]\noffers: [skill1]\n");
  expect_same_outputs("new file");

  tmp.write("net/kith.yaml", tmp.read("net/kith.yaml") + "\n# a comment changes nothing, the cache is rebuilt\n");
  tmp.write("net/odd.yaml", "name: Odd\ncircle: team\n");
  expect_same_outputs("settings and a fixed file");

  git("add -A");
  git("commit -q -m second");
  git("checkout -q HEAD~1 -- .");
  expect_same_outputs("git checkout of the older version");

  // Written within the same second as the cache: the next run must see it.
  settle();
  ASSERT_EQ(run({"list"}, true).code, 1);
  std::string twin = tmp.read("net/person-20.yaml");
  twin[twin.find("Person 20") + 7] = '7';
  tmp.write("net/person-20.yaml", twin);
  expect_same_outputs("edit right after the cache write");
  EXPECT_NE(run({"list"}, true).out.find("Person 27"), std::string::npos);
}

TEST_F(CacheCli, TheCacheIsWrittenOnlyWhenSomethingChangedAndItsDamageIsHarmless) {
  settle();
  RunResult first = run({"due"}, true);
  auto files = cache_files();
  ASSERT_EQ(files.size(), 1u);
  // Outside the data directory, not in the user's repository.
  EXPECT_EQ(files[0].parent_path(), cache_dir);
  settle();
  run({"due"}, true);  // the racily clean entries of the first run, read again
  auto written = fs::last_write_time(files[0]);
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_EQ(same(first, run({"due"}, true)), "");
  EXPECT_EQ(fs::last_write_time(files[0]), written) << "nothing changed, yet the cache was rewritten";

  // Damaged caches are ignored and rebuilt, never fatal.
  std::string good = test::read_text(files[0]);
  for (const std::string& bad : {good.substr(0, good.size() / 2), std::string("garbage"), std::string(),
                                 good.substr(0, 100) + std::string(good.size() - 100, 'x')}) {
    std::ofstream(files[0], std::ios::binary | std::ios::trunc) << bad;
    EXPECT_EQ(same(first, run({"due"}, true)), "");
    EXPECT_EQ(same(first, run({"due"}, true)), "");
  }
  // KITH_NO_CACHE=1 neither reads nor writes it.
  fs::remove(files[0]);
  test::RunOptions no_cache;
  no_cache.env["KITH_NO_CACHE"] = "1";
  RunResult bypassed = run_kith(tmp, {"--dir", dir.string(), "due"}, no_cache);
  EXPECT_EQ(same(first, bypassed), "");
  EXPECT_TRUE(cache_files().empty());
}

// Above about a thousand cached files, records are decoded on every core:
// the people, their order and the problems stay those of a run without it.
TEST_F(CacheCli, ALargeNetworkDecodedOnEveryCoreReadsTheSame) {
  write_many(1500);
  const std::vector<std::vector<std::string>> reads{
      {"due", "--json"}, {"list", "--json"}, {"check", "--json"}, {"report", "--json"}, {"intro", "--suggest"}};
  std::vector<RunResult> plain;
  for (const auto& c : reads) plain.push_back(run(c, false));
  ASSERT_NE(plain[1].out.find("many-1499"), std::string::npos);
  settle();
  for (const std::string state : {"first cached run", "again"})
    for (std::size_t i = 0; i < reads.size(); ++i)
      EXPECT_EQ(same(plain[i], run(reads[i], true)), "") << state << ": kith " << testing::PrintToString(reads[i]);
}

// In a large network one `kith log` does not make the next run rewrite the
// whole cache: the changed file is parsed until a few more have changed.
TEST_F(CacheCli, ALargeNetworkRewritesItsCacheOnlyOnceAFewFilesChanged) {
  write_many(1100);  // with the examples and make_network's people: 1,150 files, 2 may be stale
  settle();
  run({"due"}, true);
  settle();
  run({"due"}, true);  // the racily clean entries of the first run, read again
  settle();
  auto files = cache_files();
  ASSERT_EQ(files.size(), 1u);
  auto written = fs::last_write_time(files[0]);

  ASSERT_EQ(run({"log", "many-5", "give", "a book", "-d", "2026-11-20"}, true).code, 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  for (const auto& c : std::vector<std::vector<std::string>>{{"due", "--json"}, {"list", "--json"}, {"show", "many-5"}})
    EXPECT_EQ(same(run(c, false), run(c, true)), "") << "kith " << testing::PrintToString(c);
  EXPECT_NE(run({"show", "many-5"}, true).out.find("a book"), std::string::npos);
  EXPECT_EQ(fs::last_write_time(files[0]), written) << "one file changed, yet the whole cache was rewritten";

  tmp.write("net/many-6.yaml", "name: Many Six\n");
  RunResult due = run({"due", "--json"}, true);
  EXPECT_EQ(same(run({"due", "--json"}, false), due), "");
  EXPECT_NE(fs::last_write_time(files[0]), written) << "two files changed: the cache is written again";
  EXPECT_NE(run({"list"}, true).out.find("Many Six"), std::string::npos);
}

// `due` and `list` read each person's digest; `log` finds WHO among the
// digests, then reads them whole: a repeated entry is still refused when the
// person comes from a warm cache.
TEST_F(CacheCli, LogReadsWhoWholeWhenTheOthersAreDigests) {
  settle();
  ASSERT_EQ(run({"log", "person-4", "talk", "coffee", "-d", "2026-11-01"}, true).code, 0);
  run({"due"}, true);  // caches the new text
  settle();
  run({"due"}, true);  // now outside the racy margin: trusted
  RunResult again = run({"log", "person-4", "talk", "coffee", "-d", "2026-11-01"}, true);
  EXPECT_EQ(again.code, 1) << again.describe();
  EXPECT_NE(again.err.find("already logged on 2026-11-01"), std::string::npos) << again.err;
  EXPECT_NE(run({"show", "person-4"}, true).out.find("coffee"), std::string::npos);
}

TEST_F(CacheCli, XdgCacheHomeIsWhereTheCacheGoes) {
  test::RunOptions o;
  o.env["XDG_CACHE_HOME"] = (tmp / "xdg").string();
  run_kith(tmp, {"--dir", dir.string(), "list"}, o);
  EXPECT_TRUE(cache_files().empty());
  EXPECT_EQ(std::distance(fs::directory_iterator(tmp / "xdg/kith"), fs::directory_iterator()), 1);
  // Names and notes: a folder for its owner only, and files likewise.
  EXPECT_EQ(fs::status(tmp / "xdg/kith").permissions() & fs::perms::all, fs::perms::owner_all);
  for (const auto& f : fs::directory_iterator(tmp / "xdg/kith"))
    EXPECT_EQ(fs::status(f.path()).permissions() & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write);
}

}  // namespace
}  // namespace kith
