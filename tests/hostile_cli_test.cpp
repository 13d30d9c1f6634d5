// SPDX-License-Identifier: MIT
// Hostile files thrown at the commands, end to end: each ends quickly in a
// `kith: path:...` message and exit 1, the other people still show, and no
// file changes. Tricky but valid YAML reads, and `log` either writes it
// correctly or refuses without touching it.
#include <gtest/gtest.h>

#include <chrono>

#include "cli_util.h"
#include "model/settings.h"
#include "yaml/load.h"

namespace kith::test {
namespace {

// A parameter names its file and how to make it: the text (one is 50 MiB)
// is built only by the test that uses it, not when gtest registers the
// tests, which every process of the suite does.
struct Hostile {
  std::string name;  // also the slug of the file
  std::string (*make)();
};

std::string text(const char* literal, std::size_t size) { return std::string(literal, size); }

std::vector<Hostile> hostile_files() {
  return {
      {"deep-flow", [] { return "name: " + std::string(100000, '[') + "\n"; }},
      {"deep-map", [] { return "name: " + std::string(100000, '{') + "\n"; }},
      {"deep-staircase",
       [] {
         std::string staircase = "name: Stairs\nlog:\n";
         for (int i = 0; i < 5000; ++i) staircase += std::string(i, ' ') + "- \n";
         return staircase;
       }},
      {"huge",
       [] {
         std::string huge = "name: Huge\nnotes: ";
         huge.append(50u << 20, 'x');
         return huge + "\n";
       }},
      {"garbage",
       [] {
         std::string garbage;
         unsigned x = 42;
         for (int i = 0; i < 65536; ++i) garbage += static_cast<char>((x = x * 1103515245 + 12345) >> 16);
         return garbage;
       }},
      {"nul-byte", [] { return text("name: Nul\nnotes: a\0b\n", 21); }},
      {"broken-utf8", [] { return std::string("name: Caf\xC3\nlog: []\n"); }},
      {"latin1", [] { return std::string("name: Ren\xE9\n"); }},
      {"utf16", [] { return text("\xFF\xFEn\0a\0m\0e\0", 10); }},
      {"duplicate-keys", [] { return std::string("name: Ann\nname: Bob\n"); }},
      {"duplicate-entry-keys",
       [] { return std::string("name: Ann\nlog:\n  - date: 2026-01-01\n    date: 2026-02-01\n    kind: talk\n"); }},
      {"two-documents", [] { return std::string("name: Ann\n---\nname: Bob\n"); }},
      {"stray-comma", [] { return std::string(",name: Comma\n"); }},
      {"unclosed-flow", [] { return std::string("name: Ann\ntags: [a, b\n"); }},
      {"alias-bomb",
       [] {
         std::string laughs = "name: Laughs\nx: &big [";
         for (int i = 0; i < 2000; ++i) laughs += "lol, ";
         laughs += "lol]\n";
         for (int i = 0; i < 20000; ++i) laughs += "tags: *big\n";
         return laughs;
       }},
      {"binary-tag-map", [] { return std::string("name: !!binary aGVsbG8=\nlog: !!map {a: b}\n"); }},
  };
}

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

std::map<std::string, std::string> without_lock(std::map<std::string, std::string> files) {
  files.erase("people/.kith.lock");
  return files;
}

class HostileFile : public testing::TestWithParam<Hostile> {};

TEST_P(HostileFile, EveryCommandSaysWhereAndChangesNothing) {
  const Hostile& h = GetParam();
  TempDir tmp;
  fs::path dir = copy_examples(tmp);
  tmp.write("people/" + h.name + ".yaml", h.make());
  const std::string where = "kith: " + (dir / (h.name + ".yaml")).string() + ":";
  const auto before = without_lock(tmp.snapshot());

  const std::vector<std::vector<std::string>> commands{
      {"check"}, {"check", "--strict"}, {"list"}, {"due", "--within", "30d"}, {"report"},
      {"log", h.name, "talk", "hello"}};
  for (const auto& command : commands) {
    std::vector<std::string> args{"--dir", dir.string()};
    args.insert(args.end(), command.begin(), command.end());
    auto start = std::chrono::steady_clock::now();
    RunResult r = run_kith(tmp, args);
    double took = seconds_since(start);
    SCOPED_TRACE(h.name + ": kith " + command[0] + "\n" + r.describe().substr(0, 3000));
    EXPECT_LT(took, 15.0);
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find(where), std::string::npos) << "the message names the file";
    EXPECT_EQ(r.err.find("internal error"), std::string::npos);
    EXPECT_LT(r.err.size(), 20000u) << "a bounded number of messages";
    if (command[0] == "list") {
      EXPECT_NE(r.out.find("Charlène"), std::string::npos) << "the others still show";
    }
  }
  // Another person still shows; a warning about the bad file names it.
  RunResult show = run_kith(tmp, {"--dir", dir.string(), "show", "charlene"});
  EXPECT_NE(show.out.find("Charlène Dupont"), std::string::npos) << show.describe();
  if (show.code != 0) {
    EXPECT_EQ(show.code, 1) << show.describe();
    EXPECT_NE(show.err.find(where), std::string::npos) << show.describe();
  }
  EXPECT_EQ(before, without_lock(tmp.snapshot())) << "no file changed";
}

void PrintTo(const Hostile& h, std::ostream* os) { *os << h.name; }

INSTANTIATE_TEST_SUITE_P(Cli, HostileFile, testing::ValuesIn(hostile_files()),
                         [](const testing::TestParamInfo<Hostile>& info) {
                           std::string n;
                           for (char c : info.param.name) n += c == '-' ? '_' : c;
                           return n;
                         });

struct Tricky {
  std::string name;
  std::string (*make)();
};

void PrintTo(const Tricky& t, std::ostream* os) { *os << t.name; }

class TrickyButValid : public testing::TestWithParam<Tricky> {};

// Valid YAML in unusual forms: read, and `log` either appends the entry
// keeping every other byte, or refuses with a message and writes nothing.
TEST_P(TrickyButValid, ReadsAndIsEditedSafelyOrLeftAlone) {
  const Tricky& param = GetParam();
  const struct {
    std::string name, text;
  } t{param.name, param.make()};
  TempDir tmp;
  fs::path dir = copy_examples(tmp);
  const std::string rel = "people/" + t.name + ".yaml";
  tmp.write(rel, t.text);

  RunResult check = run_kith(tmp, {"--dir", dir.string(), "check"});
  ASSERT_EQ(check.code, 0) << check.describe();
  RunResult log = run_kith(tmp, {"--dir", dir.string(), "log", t.name, "give", "a tricky note: yes # no"});
  const std::string after = tmp.read(rel);
  if (log.code == 0) {
    // Every original line is still there, in order.
    std::size_t at = 0;
    std::string line;
    for (std::size_t i = 0; i <= t.text.size(); ++i) {
      if (i == t.text.size() || t.text[i] == '\n') {
        std::size_t found = after.find(line, at);
        ASSERT_NE(found, std::string::npos) << "lost line: " << line << "\n" << after;
        at = found + line.size();
        line.clear();
      } else {
        line += t.text[i];
      }
    }
    RunResult show = run_kith(tmp, {"--dir", dir.string(), "show", t.name});
    EXPECT_NE(show.out.find("a tricky note: yes # no"), std::string::npos) << show.describe();
    EXPECT_EQ(run_kith(tmp, {"--dir", dir.string(), "check"}).code, 0);
  } else {
    EXPECT_EQ(log.code, 1) << log.describe();
    EXPECT_NE(log.err.find("kith: "), std::string::npos) << log.describe();
    EXPECT_EQ(after, t.text) << "a refused edit writes nothing";
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cli, TrickyButValid,
    testing::Values(
        Tricky{"anchors", [] { return std::string("name: &n Ann Anchor\naka: [*n]\ntags: &t [a, b]\noffers: *t\nlog:\n  - &e {date: 2026-01-01, kind: talk}\n"); }},
        Tricky{"multiline-flow", [] { return std::string("name: Multi Line\ntags: [a,\n  b,\n     c]\nlog: [\n  {date: 2026-01-01,\n   kind: talk},\n  ]\n"); }},
        Tricky{"tags", [] { return std::string("name: !!str Tag Ged\nphone: !!str 0612\nnotes: !!binary aGVsbG8=\nlog: !!seq\n  - !!map {date: 2026-01-01, kind: talk}\n"); }},
        Tricky{"crlf-bom", [] { return std::string("\xEF\xBB\xBFname: Crlf Bom\r\nlog:\r\n  - date: 2026-01-01\r\n    kind: talk\r\n"); }},
        Tricky{"tabs-comments", [] { return std::string("# head\nname:\tTab Ann # c\nnotes: \"a\\tb\"  # c\nlog:   # c\n  # c\n  - date: 2026-01-01 # c\n    kind: talk\n# tail\n"); }},
        Tricky{"block-scalars", [] { return std::string("name: Block Ann\nnotes: |+\n  kept\n\nlog:\n  - date: 2026-01-01\n    kind: talk\n    note: >-\n      folded\n      text\n\n\n"); }},
        Tricky{"quoted-keys", [] { return std::string("\"name\": Quoted Keys\n'log':\n- {\"date\": 2026-01-01, 'kind': talk}\n"); }},
        Tricky{"explicit-document", [] { return std::string("%YAML 1.2\n---\nname: Explicit Doc\n...\n"); }},
        Tricky{"no-final-newline", [] { return std::string("name: No Newline\nlog:\n  - date: 2026-01-01\n    kind: talk"); }},
        Tricky{"long-line", [] { return "name: Long Line\nnotes: " + std::string(200000, 'w') + "\n"; }},
        Tricky{"many-keys", [] {
                 std::string s = "name: Many Keys\n";
                 for (int i = 0; i < 5000; ++i) s += "custom" + std::to_string(i) + ": v\n";
                 return s;
               }}),
    [](const testing::TestParamInfo<Tricky>& info) {
      std::string n;
      for (char c : info.param.name) n += c == '-' ? '_' : c;
      return n;
    });

// Read whole, a file this size would take 10 GB of memory before the size
// check refused it; it is refused from its size alone.
TEST(HostileFiles, ATenGigabyteFileIsRefusedWithoutBeingRead) {
  TempDir tmp;
  fs::path dir = copy_examples(tmp);
  tmp.write("people/huge.yaml", "name: Sparse\n");
  fs::resize_file(dir / "huge.yaml", 10ull << 30);  // sparse: no disk used
  tmp.write("people/kith.yaml", "");
  fs::resize_file(dir / "kith.yaml", 10ull << 30);
  auto start = std::chrono::steady_clock::now();
  RunResult r = run_kith(tmp, {"--dir", dir.string(), "check"});
  EXPECT_LT(seconds_since(start), 10.0);
  EXPECT_EQ(r.code, 1) << r.describe();
  EXPECT_NE(r.err.find("kith: " + (dir / "huge.yaml").string() +
                       ": file is too large (10737418240 bytes; the limit is 1048576 bytes)"),
            std::string::npos)
      << r.describe();
  EXPECT_NE(r.err.find("kith: " + (dir / "kith.yaml").string() + ": file is too large"), std::string::npos)
      << r.describe();
}

// std::regex in the writer's quoting check recursed once per character: a
// 100 KB note crashed `kith log` with a stack overflow.
TEST(HostileArguments, HundredKilobyteNotesAreWrittenAndReadBack) {
  TempDir tmp;
  fs::path dir = copy_examples(tmp);
  const Settings settings = parse_settings(tmp.read("people/kith.yaml"), "kith.yaml").settings;
  std::string words;
  while (words.size() < 100000) words += "word ";
  words.pop_back();
  for (const std::string& note : {std::string(100000, '1'), words, "2026-01-01 " + words}) {
    RunResult r = run_kith(tmp, {"--dir", dir.string(), "log", "charlene", "talk", note});
    ASSERT_EQ(r.code, 0) << r.describe().substr(0, 2000);
    LoadResult loaded = load_person(tmp.read("people/charlene-dupont.yaml"), "c.yaml", settings);
    ASSERT_TRUE(loaded.person);
    EXPECT_EQ(loaded.person->log.back().note, note);
  }
}

}  // namespace
}  // namespace kith::test
