// SPDX-License-Identifier: MIT
// Concurrent writers, end to end: dozens of `kith log` processes at once, on
// one person and on several, each with its own note. The directory lock
// serializes them: every entry is there exactly once and every file reads.
#include <gtest/gtest.h>

#include <map>

#include "cli_util.h"
#include "model/settings.h"
#include "spawn_util.h"
#include "yaml/load.h"

namespace kith::test {
namespace {

// How many entries of each note the person in `file` has.
std::map<std::string, int> notes_in(const fs::path& dir, const fs::path& file) {
  Settings settings = parse_settings(read_text(dir / "kith.yaml"), "kith.yaml").settings;
  LoadResult r = load_person(read_text(file), file.string(), settings);
  EXPECT_TRUE(r.problems.empty()) << file << ": " << (r.problems.empty() ? "" : r.problems[0].to_string());
  std::map<std::string, int> count;
  if (r.person)
    for (const Entry& e : r.person->log) ++count[e.note];
  return count;
}

TEST(Concurrency, FortyWritersAtOnceLoseNoEntry) {
  TempDir tmp;
  fs::path dir = copy_examples(tmp);
  const std::vector<std::string> others{"julie-martin", "mehdi-benali", "lea-nguyen", "sarah-cohen",
                                        "thomas-girard"};
  std::map<std::string, std::string> before;
  for (const auto& slug : others) before[slug] = read_text(dir / (slug + ".yaml"));
  before["charlene-dupont"] = read_text(dir / "charlene-dupont.yaml");

  // 20 on one person, 20 spread over five others, all started before any ends.
  std::vector<std::pair<std::string, std::string>> writes;  // slug, note
  for (int i = 0; i < 40; ++i) {
    std::string slug = i % 2 == 0 ? "charlene-dupont" : others[(i / 2) % others.size()];
    writes.emplace_back(slug, "concurrent note " + std::to_string(i));
  }
  std::vector<Child> children;
  for (const auto& [slug, note] : writes)
    children.push_back(spawn_kith(tmp, {"--dir", dir.string(), "log", slug, "talk", note}));
  for (std::size_t i = 0; i < children.size(); ++i) {
    RunResult r = finish(children[i]);
    EXPECT_EQ(r.code, 0) << writes[i].second << "\n" << r.describe();
  }

  for (const auto& [slug, old_text] : before) {
    fs::path file = dir / (slug + ".yaml");
    std::map<std::string, int> count = notes_in(dir, file);
    for (const auto& [s, note] : writes) {
      if (s == slug) {
        EXPECT_EQ(count[note], 1) << slug << ": " << note;
      }
    }
    // Every old line is kept, in order; the only new lines are the entries'
    // (date, kind, note: three lines each).
    std::vector<std::string> old_lines = lines_of(old_text), new_lines = lines_of(read_text(file));
    std::size_t at = 0, added = 0;
    for (const auto& [s, note] : writes) added += s == slug ? 3 : 0;
    for (const std::string& line : new_lines)
      if (at < old_lines.size() && line == old_lines[at]) ++at;
    EXPECT_EQ(at, old_lines.size()) << slug << ": lost line " << (at < old_lines.size() ? old_lines[at] : "");
    EXPECT_EQ(new_lines.size(), old_lines.size() + added) << slug;
  }
  RunResult check = run_kith(tmp, {"--dir", dir.string(), "check"});
  EXPECT_EQ(check.code, 0) << check.describe();
}

TEST(Concurrency, OnlyOneOfTenSimultaneousAddsOfOneNameWins) {
  TempDir tmp;
  fs::path dir = copy_examples(tmp);
  std::vector<Child> children;
  for (int i = 0; i < 10; ++i)
    children.push_back(spawn_kith(tmp, {"--dir", dir.string(), "add", "Zoé Twin", "--company", "c" + std::to_string(i)}));
  int won = 0, refused = 0;
  for (const Child& c : children) {
    RunResult r = finish(c);
    if (r.code == 0) ++won;
    else if (r.code == 1 && r.err.find("already exists") != std::string::npos) ++refused;
    else ADD_FAILURE() << r.describe();
  }
  EXPECT_EQ(won, 1);
  EXPECT_EQ(refused, 9);
  LoadResult r = load_person(read_text(dir / "zoe-twin.yaml"), "zoe-twin.yaml", Settings{});
  ASSERT_TRUE(r.person);
  EXPECT_EQ(r.person->name, "Zoé Twin");
}

TEST(Concurrency, ReadersDuringWritesNeverSeeAPartialFile) {
  TempDir tmp;
  fs::path dir = copy_examples(tmp);
  std::vector<Child> writers, readers;
  for (int i = 0; i < 15; ++i) {
    writers.push_back(spawn_kith(tmp, {"--dir", dir.string(), "log", "charlene", "give", "w" + std::to_string(i)}));
    readers.push_back(spawn_kith(tmp, {"--dir", dir.string(), "check"}));
  }
  for (const Child& c : writers) EXPECT_EQ(finish(c).code, 0);
  for (const Child& c : readers) {
    RunResult r = finish(c);
    EXPECT_EQ(r.code, 0) << r.describe();  // `check` takes no lock: only the rename makes this hold
  }
  EXPECT_EQ(notes_in(dir, dir / "charlene-dupont.yaml").size(), 6u + 15u);
}

}  // namespace
}  // namespace kith::test
