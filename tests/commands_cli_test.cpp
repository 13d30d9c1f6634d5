// SPDX-License-Identifier: MIT
// End to end: set, unset, tag, rm, mv, undo, find, history, snooze never,
// notes from stdin, repeated entries, and WHO matching any word (issue 12).
#include <gtest/gtest.h>

#include <cstdlib>

#include "cli_util.h"
#include "system/process.h"

namespace kith::test {
namespace {

class CommandsCli : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = copy_examples(tmp_); }
  RunResult kith(std::vector<std::string> args, const RunOptions& o = {}) {
    args.insert(args.begin(), {"--dir", dir_.string()});
    return run_kith(tmp_, args, o);
  }
  std::string file(const std::string& slug) { return read_text(dir_ / (slug + ".yaml")); }
  void write(const std::string& slug, const std::string& text) { tmp_.write("people/" + slug + ".yaml", text); }

  TempDir tmp_;
  fs::path dir_;
};

const std::string kHand =
    "# Ada, by hand\r\n"
    "name:   Ada Lovelace    # the first programmer\r\n"
    "circle: team\r\n"
    "tags:\r\n"
    "   - math      # three spaces\r\n"
    "   - engines\r\n"
    "phone: '+44 1'  # home\r\n"
    "log:\r\n"
    "   - {date: 2026-01-02, kind: talk}\r\n";

TEST_F(CommandsCli, SetReplacesAScalarInPlaceKeepingItsCommentAndQuotes) {
  write("ada", kHand);
  RunResult r = kith({"set", "ada", "phone", "+44", "20", "7946"});
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(r.out, "ada: phone +44 20 7946\n");
  std::string want = kHand;
  want.replace(want.find("'+44 1'"), 7, "'+44 20 7946'");
  EXPECT_EQ(file("ada"), want);
}

TEST_F(CommandsCli, SetValidatesLikeAHandEdit) {
  write("ada", kHand);
  auto before = tmp_.snapshot();
  RunResult circle = kith({"set", "ada", "circle", "teams"});
  EXPECT_EQ(circle.code, 2) << circle.describe();
  EXPECT_NE(circle.err.find("unknown circle 'teams' (known: "), std::string::npos) << circle.err;
  RunResult birthday = kith({"set", "ada", "birthday", "1990-02-30"});
  EXPECT_EQ(birthday.code, 2) << birthday.describe();
  EXPECT_NE(birthday.err.find("birthday '1990-02-30' is not a date"), std::string::npos) << birthday.err;
  RunResult key = kith({"set", "ada", "colour", "red"});
  EXPECT_EQ(key.code, 2) << key.describe();
  auto after = tmp_.snapshot();
  after.erase("people/.kith.lock");
  before.erase("people/.kith.lock");
  EXPECT_EQ(before, after);
}

TEST_F(CommandsCli, SetAddsAMissingKeyBeforeTheLogAndUnsetRemovesIt) {
  write("ada", kHand);
  ASSERT_EQ(kith({"set", "ada", "location", "London"}).code, 0);
  std::string want = kHand;
  want.replace(want.find("log:"), 0, "location: London\r\n");
  EXPECT_EQ(file("ada"), want);
  RunResult unset = kith({"unset", "ada", "location"});
  ASSERT_EQ(unset.code, 0) << unset.describe();
  EXPECT_EQ(file("ada"), kHand);
  EXPECT_EQ(kith({"unset", "ada", "location"}).out, "ada: no location to remove\n");
}

// links.NAME: one link set or removed, in the map's own style, and the map
// created then removed with its first and last link.
TEST_F(CommandsCli, SetAndUnsetOneLinkInTheMapsOwnStyle) {
  write("ada", kHand);
  RunResult r = kith({"set", "ada", "links.github", "https://github.com/ada"});
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(r.out, "ada: links.github https://github.com/ada\n");
  std::string want = kHand;
  want.replace(want.find("log:"), 0, "links: {github: https://github.com/ada}\r\n");
  EXPECT_EQ(file("ada"), want);
  ASSERT_EQ(kith({"unset", "ada", "links.github"}).code, 0);
  EXPECT_EQ(file("ada"), kHand);

  const std::string block =
      "name: Ada\n"
      "links:   # where to find her\n"
      "    site: https://ada.example/a,b   # old\n"
      "    mastodon: \"@ada@example.social\"\n"
      "notes: x\n";
  write("ada", block);
  ASSERT_EQ(kith({"set", "ada", "links.site", "https://ada.example/new"}).code, 0);
  std::string want_block = block;
  want_block.replace(want_block.find("https://ada.example/a,b"), 23, "https://ada.example/new");
  EXPECT_EQ(file("ada"), want_block);
  EXPECT_EQ(kith({"set", "ada", "links.site", "https://ada.example/new"}).out, "ada: links.site unchanged\n");
  ASSERT_EQ(kith({"set", "ada", "links.blog", "https://blog.example"}).code, 0);
  want_block.replace(want_block.find("    site:"), 0, "    blog: https://blog.example\n");
  EXPECT_EQ(file("ada"), want_block);
  ASSERT_EQ(kith({"unset", "ada", "links.site"}).code, 0);
  want_block.erase(want_block.find("    site:"), want_block.find("    mastodon:") - want_block.find("    site:"));
  EXPECT_EQ(file("ada"), want_block);
  RunResult show = kith({"show", "ada", "--json"});
  EXPECT_NE(show.out.find("https://blog.example"), std::string::npos) << show.out;
  EXPECT_EQ(show.out.find("ada.example/new"), std::string::npos) << show.out;
  EXPECT_EQ(kith({"unset", "ada", "links.site"}).out, "ada: no links.site to remove\n");
  EXPECT_EQ(kith({"set", "ada", "links.", "x"}).code, 2);
  EXPECT_EQ(kith({"set", "ada", "links.site"}).code, 2);
}

TEST_F(CommandsCli, TagAddsAndRemovesItemsInTheListsOwnStyle) {
  write("ada", kHand);
  RunResult r = kith({"tag", "ada", "+rust", "-math", "+Engines"});
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(r.out, "ada: tags +rust -math\n") << "Engines is there already (tags fold case)";
  std::string want = kHand;
  want.replace(want.find("   - math      # three spaces\r\n"), 31, "");
  want.replace(want.find("phone:"), 0, "   - rust\r\n");
  EXPECT_EQ(file("ada"), want);

  ASSERT_EQ(kith({"set", "charlene", "tags", "--add", "argo"}).code, 0);
  EXPECT_NE(file("charlene-dupont").find("tags: [devops, kubernetes, lyon, argo]\n"), std::string::npos);
  ASSERT_EQ(kith({"set", "charlene", "tags", "devops,", "lyon"}).code, 0);
  EXPECT_NE(file("charlene-dupont").find("tags: [devops, lyon]\n"), std::string::npos) << file("charlene-dupont");
}

TEST_F(CommandsCli, SnoozeNeverRemovesNextAndTheSameDateSaysSo) {
  ASSERT_EQ(kith({"snooze", "julie", "2026-12-01"}).code, 0);
  RunResult same = kith({"snooze", "julie", "2026-12-01"});
  EXPECT_EQ(same.out, "julie-martin: next is already 2026-12-01\n");
  RunResult never = kith({"snooze", "julie", "never"});
  ASSERT_EQ(never.code, 0) << never.describe();
  EXPECT_EQ(never.out, "julie-martin: next cleared (was 2026-12-01)\n");
  EXPECT_EQ(file("julie-martin"), read_text(fs::path(KITH_SOURCE_DIR) / "examples/people/julie-martin.yaml"));
  EXPECT_EQ(kith({"snooze", "julie", "--clear"}).out, "julie-martin: no next date to clear\n");
}

TEST_F(CommandsCli, RmRefusesWithoutForceOffATerminalThenRemoves) {
  RunResult refused = kith({"rm", "julie"});
  EXPECT_EQ(refused.code, 2) << refused.describe();
  EXPECT_NE(refused.err.find("without --force"), std::string::npos) << refused.err;
  EXPECT_TRUE(fs::exists(dir_ / "julie-martin.yaml"));
  RunResult rm = kith({"rm", "julie", "--force"});
  ASSERT_EQ(rm.code, 0) << rm.describe();
  EXPECT_FALSE(fs::exists(dir_ / "julie-martin.yaml"));
  EXPECT_NE(rm.err.find("1 entry in other files still name julie-martin"), std::string::npos) << rm.err;
  // Charlène's intro now names nobody: check warns and says how to fix it.
  RunResult check = kith({"check"});
  EXPECT_NE(check.err.find("charlene-dupont.yaml:26: warning: the intro's `with: julie-martin` names nobody"),
            std::string::npos)
      << check.describe();
  EXPECT_NE(check.out.find(", 1 warning"), std::string::npos) << check.out;
}

TEST_F(CommandsCli, CheckWarnsAboutHalfAnIntroduction) {
  std::string julie = file("julie-martin");
  const std::string entry =
      "  - date: 2026-04-02\n    kind: intro\n    with: charlene-dupont\n    note: same deploy problem\n";
  ASSERT_NE(julie.find(entry), std::string::npos);
  julie.erase(julie.find(entry), entry.size());
  write("julie-martin", julie);
  RunResult check = kith({"check"});
  EXPECT_EQ(check.code, 0) << check.describe();
  EXPECT_NE(check.err.find("charlene-dupont.yaml:26: warning: this intro with julie-martin on 2026-04-02 is not in "
                           "julie-martin's file"),
            std::string::npos)
      << check.describe();
}

TEST_F(CommandsCli, MvRenamesTheFileTheNameAndEveryWith) {
  const std::string charlene = file("charlene-dupont");
  RunResult mv = kith({"mv", "julie", "Julie Moreau-Martin"});
  ASSERT_EQ(mv.code, 0) << mv.describe();
  EXPECT_FALSE(fs::exists(dir_ / "julie-martin.yaml"));
  std::string julie = file("julie-moreau-martin");
  EXPECT_EQ(julie.substr(0, julie.find('\n')), "name: Julie Moreau-Martin");
  EXPECT_NE(julie.find("aka: [Julie Martin]\n"), std::string::npos) << julie;
  std::string want = charlene;
  want.replace(want.find("with: julie-martin"), 18, "with: julie-moreau-martin");
  EXPECT_EQ(file("charlene-dupont"), want);
  EXPECT_NE(mv.out.find("julie-martin -> julie-moreau-martin"), std::string::npos) << mv.out;
  RunResult check = kith({"check"});
  EXPECT_EQ(check.err, "") << check.describe();

  RunResult taken = kith({"mv", "julie", "--slug", "charlene-dupont"});
  EXPECT_EQ(taken.code, 1) << taken.describe();
  EXPECT_NE(taken.err.find("charlene-dupont already exists"), std::string::npos) << taken.err;
}

TEST_F(CommandsCli, WhoMatchesAnyWordAndAnUnknownOneSuggestsNamesContainingIt) {
  RunResult show = kith({"show", "Nguyen"});
  EXPECT_EQ(show.code, 0) << show.describe();
  EXPECT_NE(show.out.find("Léa Nguyen"), std::string::npos);
  RunResult inside = kith({"show", "guye"});
  EXPECT_EQ(inside.code, 1) << inside.describe();
  EXPECT_NE(inside.err.find("did you mean:\n  lea-nguyen (Léa Nguyen)"), std::string::npos) << inside.err;
}

TEST_F(CommandsCli, FindSearchesFieldsAndLogNotesIgnoringCaseAndAccents) {
  RunResult r = kith({"find", "mixit"});
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_NE(r.out.find("charlene-dupont"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Met at MiXiT. Fights the same deploy problem as Julie."), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2026-03-14 met"), std::string::npos) << r.out;
  RunResult accent = kith({"find", "CHARLENE'S"});
  EXPECT_NE(accent.out.find("lunch, she started the k8s migration with Charlène's tips"), std::string::npos)
      << accent.out;
  RunResult json = kith({"find", "kubernetes", "--json"});
  EXPECT_NE(json.out.find("\"field\": \"tags\""), std::string::npos) << json.out;
  EXPECT_EQ(kith({"find", "zzzz"}).out, "nothing matches 'zzzz'\n");
}

TEST_F(CommandsCli, HistoryListsEntriesNewestFirstWithFilters) {
  RunResult r = kith({"history", "--since", "2026-11-01"});
  ASSERT_EQ(r.code, 0) << r.describe();
  std::vector<std::string> lines = lines_of(r.out);
  ASSERT_GE(lines.size(), 2u) << r.out;
  for (std::size_t i = 1; i < lines.size(); ++i) EXPECT_LE(lines[i].substr(0, 10), lines[i - 1].substr(0, 10));
  EXPECT_NE(r.out.find("2026-11-17  julie-martin"), std::string::npos) << r.out;
  RunResult one = kith({"history", "charlene", "--kind", "intro", "--json"});
  EXPECT_NE(one.out.find("\"with\": \"julie-martin\""), std::string::npos) << one.out;
  RunResult limit = kith({"history", "--limit", "1"});
  EXPECT_EQ(lines_of(limit.out).size(), 1u) << limit.out;
}

// A note is the user's text, but an escape in it must not clear the screen.
TEST_F(CommandsCli, HistoryAndFindShowControlCharactersVisibly) {
  write("esc", "name: Esc Ape\nnotes: \"clear \\e[2J here\"\nlog:\n  - date: 2026-11-01\n    kind: talk\n"
               "    note: \"title \\e]0;pwned\\a\"\n");
  RunResult history = kith({"history", "esc", "--no-pager"});
  ASSERT_EQ(history.code, 0) << history.describe();
  EXPECT_EQ(history.out.find('\x1b'), std::string::npos) << history.out;
  EXPECT_NE(history.out.find("title \\e]0;pwned\\a"), std::string::npos) << history.out;
  RunResult find = kith({"find", "clear"});
  ASSERT_EQ(find.code, 0) << find.describe();
  EXPECT_EQ(find.out.find('\x1b'), std::string::npos) << find.out;
  EXPECT_NE(find.out.find("clear \\e[2J here"), std::string::npos) << find.out;
}

TEST_F(CommandsCli, ANoteFromStdinKeepsItsLinesAsABlock) {
  RunOptions in;
  in.input = "first line\nsecond: line\n\n";
  RunResult r = kith({"log", "julie", "talk", "-"}, in);
  ASSERT_EQ(r.code, 0) << r.describe();
  std::string julie = file("julie-martin");
  EXPECT_NE(julie.find("    kind: talk\n    note: |-\n      first line\n      second: line\nemail:"),
            std::string::npos)
      << julie;
  RunResult again = kith({"log", "julie", "talk", "-"}, in);
  EXPECT_EQ(again.code, 1) << again.describe();
  EXPECT_NE(again.err.find("already logged on 2026-11-21; use --again to log it twice"), std::string::npos)
      << again.err;
  EXPECT_EQ(kith({"log", "julie", "talk", "-", "--again"}, in).code, 0);
}

TEST_F(CommandsCli, AnEditorWritesTheNoteAndItsCommentsAreDropped) {
  tmp_.write("editor.sh", "#!/bin/sh\ngrep -q '^# Note for the .talk. with Julie Martin' \"$1\" || exit 3\n"
                          "printf 'from the editor\\n# dropped\\n' > \"$1\"\n");
  fs::permissions(tmp_ / "editor.sh", fs::perms::owner_all);
  RunOptions o;
  o.env = {{"VISUAL", (tmp_ / "editor.sh").string()}};
  RunResult r = kith({"log", "julie", "talk", "--edit"}, o);
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_NE(file("julie-martin").find("    note: from the editor\nemail:"), std::string::npos);

  tmp_.write("empty.sh", "#!/bin/sh\nprintf '# nothing\\n' > \"$1\"\n");
  fs::permissions(tmp_ / "empty.sh", fs::perms::owner_all);
  o.env = {{"VISUAL", (tmp_ / "empty.sh").string()}};
  RunResult empty = kith({"log", "julie", "talk", "-e"}, o);
  EXPECT_EQ(empty.code, 1) << empty.describe();
  EXPECT_NE(empty.err.find("the note is empty; nothing was logged"), std::string::npos) << empty.err;
}

TEST_F(CommandsCli, AddWritesEveryKeyAndTheAddedDate) {
  RunResult r = kith({"add", "Ada Lovelace", "--aka", "Countess", "--phone", "+44 20", "--location", "London",
                      "--birthday", "1815-12-10", "--link", "site=https://ada.example", "--notes", "Engines.",
                      "--every", "2m"});
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(file("ada-lovelace"),
            "name: Ada Lovelace\naka: [Countess]\nevery: 2m\nphone: +44 20\nlocation: London\n"
            "birthday: 1815-12-10\nlinks:\n  site: https://ada.example\nnotes: Engines.\nadded: 2026-11-21\n");
  RunResult bad = kith({"add", "Bob", "--birthday", "1990-02-30"});
  EXPECT_EQ(bad.code, 2) << bad.describe();
  EXPECT_FALSE(fs::exists(dir_ / "bob.yaml"));
}

TEST_F(CommandsCli, UndoWithoutGitSaysItNeedsGit) {
  RunResult r = kith({"undo"});
  EXPECT_EQ(r.code, 1) << r.describe();
  EXPECT_NE(r.err.find("undo needs git"), std::string::npos) << r.err;
}

class UndoCli : public CommandsCli {
 protected:
  void SetUp() override {
    if (run_captured({"git", "--version"}).status != 0) GTEST_SKIP() << "git is not installed";
    dir_ = tmp_ / "data";
    ASSERT_EQ(kith({"init"}).code, 0);
    ASSERT_EQ(kith({"add", "Ada Lovelace"}).code, 0);
    ASSERT_EQ(kith({"add", "Bob Stone"}).code, 0);
  }
  std::string git(const std::vector<std::string>& args) {
    std::vector<std::string> argv{"git", "-C", dir_.string()};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_captured(argv).out;
  }
};

TEST_F(UndoCli, UndoRevertsKithsCommitsOneAfterTheOther) {
  const std::string ada = file("ada-lovelace");
  ASSERT_EQ(kith({"log", "ada", "talk", "a mistake"}).code, 0);
  ASSERT_EQ(kith({"intro", "ada", "bob"}).code, 0);
  RunResult list = kith({"undo", "--list"});
  EXPECT_NE(list.out.find("kith: intro ada-lovelace bob-stone\n"), std::string::npos) << list.out;

  RunResult one = kith({"undo"});
  ASSERT_EQ(one.code, 0) << one.describe();
  EXPECT_NE(one.out.find("kith: intro ada-lovelace bob-stone (ada-lovelace.yaml, bob-stone.yaml)"),
            std::string::npos)
      << one.out;
  RunResult two = kith({"undo"});
  ASSERT_EQ(two.code, 0) << two.describe();
  EXPECT_NE(two.out.find("kith: log ada-lovelace talk"), std::string::npos) << two.out;
  EXPECT_EQ(file("ada-lovelace"), ada);
  std::string subjects = git({"log", "--format=%s", "-n2"});
  EXPECT_EQ(subjects, "kith: undo log ada-lovelace talk\nkith: undo intro ada-lovelace bob-stone\n");
  EXPECT_EQ(git({"status", "--porcelain"}), "");
}

TEST_F(UndoCli, UndoRefusesUncommittedChangesAndCommitsItDidNotMake) {
  ASSERT_EQ(kith({"log", "ada", "talk", "x"}).code, 0);
  tmp_.write("data/ada-lovelace.yaml", file("ada-lovelace") + "# my own edit\n");
  RunResult dirty = kith({"undo"});
  EXPECT_EQ(dirty.code, 1) << dirty.describe();
  EXPECT_NE(dirty.err.find("uncommitted changes"), std::string::npos) << dirty.err;
  git({"-c", "user.name=u", "-c", "user.email=u@x.invalid", "commit", "-qam", "my edit"});
  RunResult foreign = kith({"undo"});
  EXPECT_EQ(foreign.code, 1) << foreign.describe();
  EXPECT_NE(foreign.err.find("was not made by kith"), std::string::npos) << foreign.err;
}

TEST_F(UndoCli, RmAndMvAreOneCommitEachAndUndoBringsThemBack) {
  ASSERT_EQ(kith({"intro", "ada", "bob"}).code, 0);
  ASSERT_EQ(kith({"mv", "ada", "Ada King"}).code, 0);
  EXPECT_EQ(git({"log", "--format=%s", "-n1"}), "kith: mv ada-lovelace ada-king\n");
  EXPECT_NE(file("bob-stone").find("with: ada-king"), std::string::npos);
  EXPECT_EQ(git({"status", "--porcelain"}), "");
  ASSERT_EQ(kith({"rm", "bob", "--force"}).code, 0);
  EXPECT_EQ(git({"log", "--format=%s", "-n1"}), "kith: rm bob-stone\n");
  EXPECT_EQ(git({"status", "--porcelain"}), "");
  ASSERT_EQ(kith({"undo"}).code, 0);
  EXPECT_TRUE(fs::exists(dir_ / "bob-stone.yaml"));
  ASSERT_EQ(kith({"undo"}).code, 0);
  EXPECT_TRUE(fs::exists(dir_ / "ada-lovelace.yaml"));
  EXPECT_FALSE(fs::exists(dir_ / "ada-king.yaml"));
  EXPECT_NE(file("bob-stone").find("with: ada-lovelace"), std::string::npos);
}

}  // namespace
}  // namespace kith::test
