// SPDX-License-Identifier: MIT
// Strict YAML end to end: `check`, `list` and `log` refuse what YAML 1.2
// refuses with `kith: path:line:col: ...` and write nothing; valid start
// lines (`--- &a`, `--- !!map`) are read and written to correctly.
#include <gtest/gtest.h>

#include "cli_util.h"

namespace kith::test {
namespace {

struct Broken {
  std::string slug;
  std::string text;
  std::string where;  // "line:col"
};

// One file per class of issue 11, each with a valid `name:` so that only
// the YAML itself is wrong.
std::vector<Broken> broken_files() {
  return {
      {"unclosed-quote", "name: \"Test Person\nevery: 30d\n", "1:7"},
      {"glued-comment", "name: \"Ada\"# comment\n", "1:12"},
      {"glued-comment-flow", "name: Ada\ntags: [ a, b, c, ]#invalid\n", "2:19"},
      {"glued-comment-block", "name: Ada\nnotes: ># comment\n  x\n", "2:9"},
      {"leading-comma", "name: Ada\ntags: [ , a, b ]\n", "2:9"},
      {"double-comma", "name: Ada\ntags: [ a, b, , ]\n", "2:15"},
      {"lone-dash", "name: Ada\ntags: [-]\n", "2:8"},
      {"invalid-escape", "name: \"quoted \\' scalar\"\n", "1:15"},
      {"tab-continuation", "name: \"Ada\n\tLovelace\"\n", "2:1"},
      {"under-indented", "name: Ada\nlinks:\n  a: \"x\n y\"\n", "3:6"},
      {"wrong-indent-after-map", "name: Ada\nlinks:\n  a: b\n c\n", "4:2"},
      {"anchor-wrong-indent", "name: Ada\nlog:\n  - date: 2026-01-01\n    kind: talk\n &x c: d\n", "5:2"},
      {"directive-after-content", "name: Ada\n%YAML 1.2\n---\nname: Bob\n", "2:7"},
      {"only-a-directive", "%YAML 1.2\n", "1:1"},
      {"bad-blank-before-block", "name: Ada\nnotes: |\n   \n  x\n", "3:1"},
      {"missing-bracket", "name: Ada\ntags: [a, b\nevery: 30d\n", "2:7"},
  };
}

class YamlStrictCli : public testing::Test {
 protected:
  TempDir tmp;
  RunResult kith(std::vector<std::string> args) {
    args.insert(args.begin(), {"--dir", "net"});
    return run_kith(tmp, args);
  }
};

TEST_F(YamlStrictCli, CheckNamesEachMistakeAtItsLineAndColumn) {
  for (const Broken& b : broken_files()) {
    TempDir one;
    one.write("net/" + b.slug + ".yaml", b.text);
    RunResult r = run_kith(one, {"--dir", "net", "check"});
    EXPECT_EQ(r.code, 1) << b.slug << r.describe();
    std::string prefix = "kith: net/" + b.slug + ".yaml:" + b.where + ": ";
    EXPECT_EQ(r.err.rfind(prefix, 0), 0u) << b.slug << ": want " << prefix << r.describe();
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << "one line, no parser noise: " << r.describe();
  }
}

TEST_F(YamlStrictCli, LogRefusesABrokenFileAndWritesNothing) {
  for (const Broken& b : broken_files()) {
    TempDir one;
    one.write("net/" + b.slug + ".yaml", b.text);
    auto before = one.snapshot();
    RunResult r = run_kith(one, {"--dir", "net", "log", b.slug, "talk", "hello"});
    EXPECT_EQ(r.code, 1) << b.slug << r.describe();
    EXPECT_NE(r.err.find("net/" + b.slug + ".yaml:" + b.where + ": "), std::string::npos) << b.slug << r.describe();
    auto after = one.snapshot();
    after.erase("net/.kith.lock");
    before.erase("net/.kith.lock");
    EXPECT_EQ(after, before) << b.slug;
  }
}

TEST_F(YamlStrictCli, AMissingBracketPointsAtTheBracketNotTheLineAfter) {
  tmp.write("net/ada.yaml", "name: Ada\nlog: [\n  {date: 2026-01-01, kind: talk},\n  {date: 2026-02-01, kind: talk}\n\nevery: 30d\n");
  RunResult r = kith({"check"});
  EXPECT_EQ(r.code, 1) << r.describe();
  EXPECT_EQ(r.err,
            "kith: net/ada.yaml:2:6: invalid YAML: this `[` is still open at line 6, which is not indented inside it "
            "(a missing `]`?)\n");
}

TEST_F(YamlStrictCli, LogAndSnoozeWriteUnderAnAnchoredOrTaggedStartLine) {
  for (std::string start : {"--- &a", "--- !!map", "--- &a !!map"}) {
    TempDir one;
    one.write("net/ada.yaml", start + "\nname: Ada\nevery: 30d\n");
    RunResult log = run_kith(one, {"--dir", "net", "log", "ada", "talk", "hello"});
    ASSERT_EQ(log.code, 0) << start << log.describe();
    EXPECT_EQ(one.read("net/ada.yaml"),
              start + "\nname: Ada\nevery: 30d\nlog:\n  - date: 2026-11-21\n    kind: talk\n    note: hello\n");
    RunResult snooze = run_kith(one, {"--dir", "net", "snooze", "ada", "2026-12-24"});
    ASSERT_EQ(snooze.code, 0) << start << snooze.describe();
    EXPECT_EQ(one.read("net/ada.yaml"), start +
                                            "\nname: Ada\nevery: 30d\nnext: 2026-12-24\nlog:\n  - date: 2026-11-21\n"
                                            "    kind: talk\n    note: hello\n");
    RunResult check = run_kith(one, {"--dir", "net", "check"});
    EXPECT_EQ(check.code, 0) << start << check.describe();
  }
}

TEST_F(YamlStrictCli, ACommentOnlyFileIsEmptyAtLineOne) {
  tmp.write("net/ada.yaml", "# nothing yet\n");
  RunResult r = kith({"check"});
  EXPECT_EQ(r.code, 1) << r.describe();
  EXPECT_EQ(r.err, "kith: net/ada.yaml:1:1: the file is empty; a person needs at least `name:`\n");
}

TEST_F(YamlStrictCli, ValidButUnusualYamlStillReadsAndWrites) {
  tmp.write("net/ada.yaml",
            "%YAML 1.2\n---\nname: \"Ada\n  Lovelace\"  # folded over two lines\ntags: [a, b,]\nlog:\n"
            "  - {date: 2026-01-01, kind: talk}\n...\n");
  RunResult show = kith({"show", "ada"});
  ASSERT_EQ(show.code, 0) << show.describe();
  EXPECT_NE(show.out.find("Ada Lovelace"), std::string::npos) << show.describe();
  RunResult log = kith({"log", "ada", "talk", "again"});
  ASSERT_EQ(log.code, 0) << log.describe();
  RunResult check = kith({"check"});
  EXPECT_EQ(check.code, 0) << check.describe();
}

}  // namespace
}  // namespace kith::test
