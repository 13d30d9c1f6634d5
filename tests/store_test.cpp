// SPDX-License-Identifier: MIT
#include "store/store.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "cache/codec.h"
#include "cache/parse_cache.h"
#include "cli_util.h"

namespace kith {
namespace {

using test::TempDir;

// Paths relative to the store's directory, in the order the store gives them.
std::vector<std::string> relative(const std::vector<fs::path>& files, const fs::path& dir) {
  std::vector<std::string> out;
  for (const fs::path& f : files) out.push_back(f.lexically_relative(dir).string());
  return out;
}

std::vector<std::string> messages(const std::vector<Diagnostic>& problems) {
  std::vector<std::string> out;
  for (const Diagnostic& d : problems) out.push_back(d.to_string());
  return out;
}

std::vector<std::string> slugs(const Loaded& all) {
  std::vector<std::string> out;
  for (const Person& p : all.people) out.push_back(p.slug);
  return out;
}

unsigned mode_of(const fs::path& p) {
  struct stat st {};
  EXPECT_EQ(::stat(p.c_str(), &st), 0) << p;
  return st.st_mode & 07777;
}

// Everything in `dir` whose name starts with a dot (temporary files).
std::vector<std::string> dot_files(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string()[0] == '.') out.push_back(e.path().filename().string());
  return out;
}

TEST(StorePersonFiles, FindsYamlFilesInSubfoldersAndSkipsSettingsDotFilesAndOtherFiles) {
  TempDir tmp;
  tmp.write("net/kith.yaml", "followup: 2d\n");
  tmp.write("net/zoe.yaml", "name: Zoë\n");
  tmp.write("net/ana.yaml", "name: Ana\n");
  tmp.write("net/former/bob.yaml", "name: Bob\n");
  tmp.write("net/former/deep/er/cy.yaml", "name: Cy\n");
  tmp.write("net/.draft.yaml", "name: Draft\n");
  tmp.write("net/.git/config.yaml", "name: Git\n");
  tmp.write("net/.hidden/eve.yaml", "name: Eve\n");
  tmp.write("net/former/.old/fay.yaml", "name: Fay\n");
  tmp.write("net/notes.txt", "name: Not a person\n");
  tmp.write("net/gus.yml", "name: Gus\n");
  tmp.write("net/README.md", "# my network\n");
  fs::create_directories(tmp / "net/empty");
  Store store(tmp / "net");
  EXPECT_EQ(relative(store.person_files(), tmp / "net"),
            (std::vector<std::string>{"ana.yaml", "former/bob.yaml", "former/deep/er/cy.yaml", "zoe.yaml"}));
}

TEST(StorePersonFiles, SymlinksInsideTheDirectoryCountOnceButNotOnesLeavingIt) {
  TempDir tmp;
  tmp.write("outside/secret.yaml", "name: Secret\n");
  tmp.write("net/ana.yaml", "name: Ana\n");
  tmp.write("net/notes/bob.txt", "name: Bob\n");
  fs::create_directory_symlink(tmp / "outside", tmp / "net/linked-dir");
  fs::create_symlink(tmp / "outside/secret.yaml", tmp / "net/secret.yaml");
  // Another name of ana.yaml: one person, under the file's own name.
  fs::create_symlink(tmp / "net/ana.yaml", tmp / "net/ana-again.yaml");
  fs::create_symlink("notes/bob.txt", tmp / "net/bob.yaml");
  Store store(tmp / "net");
  EXPECT_EQ(relative(store.person_files(), tmp / "net"), (std::vector<std::string>{"ana.yaml", "bob.yaml"}));
  Loaded all = store.load();
  EXPECT_EQ(slugs(all), (std::vector<std::string>{"ana", "bob"}));
  EXPECT_TRUE(all.problems.empty());
}

TEST(StorePersonFiles, MissingDirectoryHasNoFiles) {
  TempDir tmp;
  EXPECT_TRUE(Store(tmp / "nope").person_files().empty());
}

TEST(Store, RequireExistsNamesTheDirectoryAndSaysKithInit) {
  TempDir tmp;
  fs::path dir = tmp / "nope";
  try {
    Store(dir).require_exists();
    FAIL() << "no error for a missing directory";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              "no kith directory at " + dir.string() + " (create it with `kith init " + dir.string() + "`)");
  }
  tmp.write("file", "x");
  EXPECT_THROW(Store(tmp / "file").require_exists(), Error);
  EXPECT_NO_THROW(Store(tmp.path()).require_exists());
}

TEST(Store, PathForSlugIsAtTheTopLevel) {
  EXPECT_EQ(Store("net").path_for_slug("charlene-dupont"), fs::path("net/charlene-dupont.yaml"));
  EXPECT_EQ(Store("net").settings_path(), fs::path("net/kith.yaml"));
}

TEST(StoreLoad, LoadsEveryGoodFileSortedBySlugAndCollectsTheProblemsOfTheOthers) {
  TempDir tmp;
  tmp.write("net/zoe.yaml", "name: Zoë\n");
  tmp.write("net/sub/ana.yaml", "name: Ana\nfavourite: tea\n");
  tmp.write("net/bad-date.yaml", "name: Bad\nlog:\n  - date: 2026-13-01\n    kind: talk\n");
  tmp.write("net/bad-yaml.yaml", "name: [oops\n");
  Loaded all = Store(tmp / "net").load();
  EXPECT_EQ(all.files, 4);
  EXPECT_EQ(slugs(all), (std::vector<std::string>{"ana", "bad-date", "zoe"}));  // a bad entry skipped, Bad shown
  std::string dir = (tmp / "net").string();
  ASSERT_EQ(all.problems.size(), 2u) << ::testing::PrintToString(messages(all.problems));
  EXPECT_EQ(all.problems[0].to_string(), dir + "/bad-date.yaml:3:11: date '2026-13-01' is not a valid YYYY-MM-DD date");
  EXPECT_EQ(all.problems[1].path, dir + "/bad-yaml.yaml");
  EXPECT_EQ(all.problems[1].line, 1);  // at the `[` that never closes
  EXPECT_EQ(all.problems[1].col, 7);
  EXPECT_EQ(messages(all.unknown_keys), std::vector<std::string>{dir + "/sub/ana.yaml:2:1: unknown key 'favourite'"});
  EXPECT_EQ(all.people[0].path, dir + "/sub/ana.yaml");
}

TEST(StoreLoad, KindsAndCirclesOfKithYamlApplyToThePeople) {
  TempDir tmp;
  tmp.write("net/kith.yaml", "circles:\n  family: 7d\ndefault_circle: family\nkinds:\n  coffee: {}\n");
  tmp.write("net/ana.yaml", "name: Ana\nlog:\n  - date: 2026-01-01\n    kind: coffee\n");
  Loaded all = Store(tmp / "net").load();
  EXPECT_TRUE(all.problems.empty()) << ::testing::PrintToString(messages(all.problems));
  ASSERT_EQ(all.people.size(), 1u);
  EXPECT_EQ(all.people[0].circle, "family");
  EXPECT_EQ(all.settings.followup, (Duration{2, Duration::Unit::days}));
  EXPECT_EQ(all.files, 1);  // kith.yaml is not a person
}

TEST(StoreLoad, ABadKithYamlIsAProblemAndThePeopleStillLoad) {
  TempDir tmp;
  tmp.write("net/kith.yaml", "followup: soon\n");
  tmp.write("net/ana.yaml", "name: Ana\n");
  Loaded all = Store(tmp / "net").load();
  EXPECT_EQ(messages(all.problems),
            std::vector<std::string>{(tmp / "net/kith.yaml").string() +
                                     ":1:11: followup 'soon' is not a duration like 14d, 2w, 3m or 1y"});
  EXPECT_EQ(slugs(all), std::vector<std::string>{"ana"});
}

// A warm load takes kith.yaml parsed from the cache, not from yaml-cpp (a
// third of a small `kith due`): shown with a cache whose settings say
// otherwise than the text it was written for.
TEST(StoreLoad, AWarmLoadTakesKithYamlParsedFromTheCache) {
  TempDir tmp;
  const std::string text = "goals: {new_contacts_per_year: [3, 4]}\nfrobnicate: 1\n";
  tmp.write("net/kith.yaml", text);
  tmp.write("net/ana.yaml", "name: Ana\n");
  std::this_thread::sleep_for(std::chrono::milliseconds(120));  // older than the cache's racy margin
  const Store store(tmp / "net", tmp / "cache");
  const Loaded cold = store.load();
  EXPECT_EQ(cold.settings.goal_low, 3);
  ASSERT_EQ(messages(cold.problems).size(), 1u);  // the unknown key
  const Loaded warm = Store(tmp / "./net", tmp / "cache").load();
  EXPECT_EQ(warm.settings.goal_low, 3);
  EXPECT_EQ(messages(warm.problems),
            std::vector<std::string>{(tmp / "./net/kith.yaml").string() + ":2:1: unknown setting 'frobnicate' (known: circles, default_circle, followup, goals, kinds, git)"});

  // The cache rewritten with other settings for the same text: they are used.
  const std::string dir_id = fs::canonical(tmp / "net").string();
  const fs::path file = cache::cache_file_for(tmp / "cache", dir_id);
  const std::uint64_t fingerprint = cache::fingerprint(text);
  std::vector<cache::Record> records;
  std::string settings;
  {
    cache::CacheFile c(file, dir_id, fingerprint);
    ASSERT_TRUE(c.valid());
    std::size_t at = 0;
    for (cache::Record r; c.read(at, r);) records.push_back(r);
    SettingsResult other;
    other.settings.goal_low = 7;
    settings = *cache::encode_settings(other, "x");
    ASSERT_TRUE(cache::write_cache(file, dir_id, fingerprint, cache::now_ns(), settings, records));
  }
  const Loaded crafted = store.load();
  EXPECT_EQ(crafted.settings.goal_low, 7);
  EXPECT_TRUE(crafted.problems.empty());
  EXPECT_EQ(Store(tmp / "net").load().settings.goal_low, 3);  // without the cache: parsed
}

TEST(StoreLoad, TheSameSlugInTwoFoldersIsAProblemNamingBothPaths) {
  TempDir tmp;
  tmp.write("net/ana.yaml", "name: Ana\n");
  tmp.write("net/former/ana.yaml", "name: Ana from work\n");
  Loaded all = Store(tmp / "net").load();
  std::string a = (tmp / "net/ana.yaml").string();
  std::string b = (tmp / "net/former/ana.yaml").string();
  ASSERT_EQ(all.problems.size(), 1u);
  std::string p = all.problems[0].to_string();
  EXPECT_NE(p.find(a), std::string::npos) << p;
  EXPECT_NE(p.find(b), std::string::npos) << p;
  EXPECT_NE(p.find("slug 'ana'"), std::string::npos) << p;
  EXPECT_EQ(all.files, 2);
  EXPECT_EQ(slugs(all), std::vector<std::string>{"ana"});
}

TEST(StoreLoad, AnEmptyOrMissingDirectoryLoadsNobody) {
  TempDir tmp;
  fs::create_directories(tmp / "net");
  Loaded all = Store(tmp / "net").load();
  EXPECT_TRUE(all.people.empty());
  EXPECT_TRUE(all.problems.empty());
  EXPECT_EQ(all.files, 0);
}

// A visited load (report, check): each person whole, once, then kept as a
// digest load keeps them. More people than a batch; a bad file and a second
// file with a taken slug are not handed over. Cold (the cache is written),
// warm (read from it) and without a cache.
TEST(StoreLoad, AVisitedLoadHandsEachPersonWholeOnceAndKeepsTheirDigest) {
  TempDir tmp;
  const char* kinds[] = {"talk", "give", "ask"};
  for (int i = 0; i < 1100; ++i) {
    std::string text = "name: Person " + std::to_string(i) + "\nlog:\n";
    for (int e = 0; e < i % 4; ++e)
      text += "  - date: 2026-01-0" + std::to_string(e + 1) + "\n    kind: " + kinds[(i + e) % 3] + "\n";
    tmp.write("net/p" + std::to_string(1000 + i) + ".yaml", i % 4 == 0 ? "name: Person " + std::to_string(i) + "\n" : text);
  }
  tmp.write("net/bad.yaml", "name: [oops\n");
  tmp.write("net/sub/p1001.yaml", "name: Same slug\nlog:\n  - date: 2026-01-01\n    kind: talk\n");
  std::this_thread::sleep_for(std::chrono::milliseconds(120));  // older than the cache's racy margin
  // The last full result damaged (the index intact): that file is parsed.
  auto damage_last_result = [&] {
    ASSERT_TRUE(fs::is_directory(tmp / "cache"));
    for (const auto& e : fs::directory_iterator(tmp / "cache")) {
      std::string bytes = test::read_text(e.path());
      ASSERT_FALSE(bytes.empty());
      bytes.back() ^= 0x5a;
      std::ofstream(e.path(), std::ios::binary | std::ios::trunc) << bytes;
    }
  };
  for (int run = 0; run < 4; ++run) {
    if (run == 2) damage_last_result();
    const Store store(tmp / "net", run < 3 ? tmp / "cache" : fs::path());
    std::map<std::string, std::size_t> entries;  // slug -> log entries handed over
    std::size_t visits = 0;
    Loaded visited = store.load([&](const Person& p, const Settings&) {
      ++visits;
      EXPECT_NE(p.digest, nullptr) << p.slug;  // set, and the log is there too
      entries[p.slug] = p.log.size();
    });
    const Loaded full = store.load(Detail::full);
    const Loaded digest = store.load(Detail::digest);
    ASSERT_EQ(full.people.size(), 1100u);
    EXPECT_EQ(visits, full.people.size());
    for (const Person& p : full.people) EXPECT_EQ(entries[p.slug], p.log.size()) << p.slug;
    EXPECT_EQ(entries.count("bad"), 0u);
    ASSERT_EQ(visited.people.size(), digest.people.size());
    for (std::size_t k = 0; k < digest.people.size(); ++k) {
      const Person& v = visited.people[k];
      const Person& d = digest.people[k];
      EXPECT_EQ(v.slug, d.slug);
      EXPECT_EQ(v.path, d.path);
      EXPECT_TRUE(v.log.empty());
      ASSERT_NE(v.digest, nullptr);
      EXPECT_EQ(v.digest->balance, d.digest->balance) << v.slug;
      EXPECT_EQ(v.digest->asked_before_giving, d.digest->asked_before_giving) << v.slug;
      EXPECT_EQ(v.digest->last_contact.has_value(), d.digest->last_contact.has_value()) << v.slug;
    }
    EXPECT_EQ(messages(visited.problems), messages(full.problems));
    EXPECT_EQ(visited.problems.size(), 2u);  // bad.yaml, and the slug taken twice
    EXPECT_EQ(visited.files, full.files);
  }
}

TEST(ReadFile, ReadsBytesAsTheyAre) {
  TempDir tmp;
  tmp.write("a.yaml", std::string("name: A\r\n\0x", 11));
  EXPECT_EQ(read_file(tmp / "a.yaml"), std::string("name: A\r\n\0x", 11));
}

TEST(ReadFile, MissingFileIsAnErrorNamingIt) {
  TempDir tmp;
  try {
    read_file(tmp / "nope.yaml");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.diagnostic().path, (tmp / "nope.yaml").string());
    EXPECT_NE(std::string(e.what()).find("cannot read"), std::string::npos) << e.what();
  }
}

TEST(WriteAtomic, CreatesAndReplacesAndLeavesNoTemporaryFile) {
  TempDir tmp;
  fs::path p = tmp / "ana.yaml";
  write_atomic(p, "name: Ana\n");
  EXPECT_EQ(read_file(p), "name: Ana\n");
  write_atomic(p, "name: Ana B\n");
  EXPECT_EQ(read_file(p), "name: Ana B\n");
  write_atomic(p, "");
  EXPECT_EQ(read_file(p), "");
  EXPECT_TRUE(dot_files(tmp.path()).empty()) << ::testing::PrintToString(dot_files(tmp.path()));
}

TEST(WriteAtomic, KeepsTheModeOfTheFileItReplaces) {
  TempDir tmp;
  fs::path p = tmp / "ana.yaml";
  tmp.write("ana.yaml", "name: Ana\n");
  ASSERT_EQ(::chmod(p.c_str(), 0640), 0);
  write_atomic(p, "name: Ana B\n");
  EXPECT_EQ(mode_of(p), 0640u);
  ASSERT_EQ(::chmod(p.c_str(), 0600), 0);
  write_atomic(p, "name: Ana C\n");
  EXPECT_EQ(mode_of(p), 0600u);
}

TEST(WriteAtomic, ANewFileGetsTheUmasksDefaultNotMkstemps0600) {
  TempDir tmp;
  mode_t old = ::umask(022);
  write_atomic(tmp / "a.yaml", "name: A\n");
  ::umask(027);
  write_atomic(tmp / "b.yaml", "name: B\n", /*create_only=*/true);
  ::umask(old);
  EXPECT_EQ(mode_of(tmp / "a.yaml"), 0644u);
  EXPECT_EQ(mode_of(tmp / "b.yaml"), 0640u);
}

TEST(WriteAtomic, CreateOnlyRefusesAnExistingFileAndLeavesItAlone) {
  TempDir tmp;
  tmp.write("ana.yaml", "name: Ana\n");
  try {
    write_atomic(tmp / "ana.yaml", "name: Other\n", /*create_only=*/true);
    FAIL() << "replaced an existing file";
  } catch (const Error& e) {
    EXPECT_EQ(e.diagnostic().path, (tmp / "ana.yaml").string());
  }
  EXPECT_EQ(tmp.read("ana.yaml"), "name: Ana\n");
  EXPECT_TRUE(dot_files(tmp.path()).empty()) << ::testing::PrintToString(dot_files(tmp.path()));
  write_atomic(tmp / "bob.yaml", "name: Bob\n", /*create_only=*/true);
  EXPECT_EQ(tmp.read("bob.yaml"), "name: Bob\n");
}

TEST(WriteAtomic, WritesThroughASymlinkAndKeepsTheLink) {
  TempDir tmp;
  tmp.write("dotfiles/ana.yaml", "name: Ana\n");
  fs::create_directories(tmp / "net");
  fs::create_symlink(tmp / "dotfiles/ana.yaml", tmp / "net/ana.yaml");
  write_atomic(tmp / "net/ana.yaml", "name: Ana B\n");
  EXPECT_TRUE(fs::is_symlink(tmp / "net/ana.yaml"));
  EXPECT_EQ(tmp.read("dotfiles/ana.yaml"), "name: Ana B\n");
  EXPECT_TRUE(dot_files(tmp / "net").empty()) << ::testing::PrintToString(dot_files(tmp / "net"));
  EXPECT_THROW(write_atomic(tmp / "net/ana.yaml", "name: C\n", /*create_only=*/true), Error);
  EXPECT_EQ(tmp.read("dotfiles/ana.yaml"), "name: Ana B\n");
}

TEST(WriteAtomic, AMissingFolderIsAnErrorNamingThePath) {
  TempDir tmp;
  try {
    write_atomic(tmp / "nope/ana.yaml", "name: Ana\n");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.diagnostic().path, (tmp / "nope/ana.yaml").string());
  }
  EXPECT_FALSE(fs::exists(tmp / "nope"));
}

TEST(WriteAtomic, AFailedRenameLeavesThePathAsItWasAndNoTemporaryFile) {
  TempDir tmp;
  fs::create_directories(tmp / "ana.yaml/inside");  // a folder where the file should go
  EXPECT_THROW(write_atomic(tmp / "ana.yaml", "name: Ana\n"), Error);
  EXPECT_TRUE(fs::is_directory(tmp / "ana.yaml/inside"));
  EXPECT_TRUE(dot_files(tmp.path()).empty()) << ::testing::PrintToString(dot_files(tmp.path()));
}

TEST(StoreLock, ASecondLockerWaitsUntilTheFirstReleases) {
  TempDir tmp;
  Store store(tmp.path());
  std::atomic<bool> second_has_it{false};
  std::thread second;
  {
    Store::Lock first = store.lock();
    second = std::thread([&] {
      Store::Lock lock = store.lock();  // its own open file: flock excludes it
      second_has_it = true;
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    EXPECT_FALSE(second_has_it) << "the second locker got in while the first held the lock";
  }
  second.join();
  EXPECT_TRUE(second_has_it);
}

TEST(StoreLock, TheLockFileIsADotFileThatIsNotAPerson) {
  TempDir tmp;
  Store store(tmp.path());
  { Store::Lock l = store.lock(); }
  EXPECT_TRUE(fs::exists(tmp / ".kith.lock"));
  EXPECT_TRUE(store.person_files().empty());
  Store::Lock again = store.lock();  // released by the destructor: no deadlock
}

TEST(StoreLock, AMissingDirectoryIsAnError) {
  TempDir tmp;
  EXPECT_THROW(Store(tmp / "nope").lock(), Error);
}

}  // namespace
}  // namespace kith
