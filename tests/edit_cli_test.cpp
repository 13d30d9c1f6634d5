// SPDX-License-Identifier: MIT
// End to end: `kith edit` with scripted editors. The real file changes only
// when the result is valid and nobody changed it meanwhile; the editor's
// copy never outlives the command except to save the user's work.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <regex>

#include "cli_util.h"
#include "system/process.h"

namespace kith::test {
namespace {

const std::string kCharlene =
    "# met at MiXiT\n"
    "name: Charlène Dupont\n"
    "circle: community   # for now\n"
    "log:\n"
    "  - date: 2026-03-14\n"
    "    kind: met\n"
    "    note: MiXiT Lyon\n";

class EditCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = tmp_ / "data";
    tmp_.write("data/charlene-dupont.yaml", kCharlene);
  }
  // An executable shell script standing in for the user's editor; it gets
  // the file to edit as "$1".
  std::string editor(const std::string& name, const std::string& body) {
    tmp_.write(name, "#!/bin/sh\n" + body);
    fs::permissions(tmp_ / name, fs::perms::owner_all);
    return (tmp_ / name).string();
  }
  RunResult edit(std::vector<std::string> args, const std::string& editor_command,
                 std::optional<std::string> input = std::nullopt, std::map<std::string, std::string> env = {}) {
    args.insert(args.begin(), {"--dir", dir_.string(), "edit"});
    env.emplace("EDITOR", editor_command);
    RunOptions o;
    o.env = std::move(env);
    o.input = std::move(input);
    return run_kith(tmp_, args, o);
  }
  // Every file of the data directory whose name has `.edit-`: the editor's copies.
  std::vector<std::string> leftover_copies() const {
    std::vector<std::string> found;
    for (auto& e : fs::recursive_directory_iterator(dir_))
      if (e.path().filename().string().find(".edit-") != std::string::npos) found.push_back(e.path().string());
    return found;
  }
  std::string charlene() const { return tmp_.read("data/charlene-dupont.yaml"); }
  std::string path_of(const std::string& rel) const { return (dir_ / rel).string(); }

  TempDir tmp_;
  fs::path dir_;
};

const char* kAppendTalk = "printf '  - date: 2026-11-20\\n    kind: talk\\n    note: coffee\\n' >> \"$1\"\n";

TEST_F(EditCli, ValidChangeReplacesTheFileAndRemovesTheCopy) {
  RunResult r = edit({"charlene"}, editor("ed.sh", kAppendTalk));
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(r.out, "saved " + path_of("charlene-dupont.yaml") + "\n");
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(charlene(), kCharlene + "  - date: 2026-11-20\n    kind: talk\n    note: coffee\n");
  EXPECT_TRUE(leftover_copies().empty());
}

TEST_F(EditCli, UnchangedFileSaysSoAndExitsZero) {
  RunResult r = edit({"charlene"}, editor("ed.sh", "true\n"));
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(r.out, "no change to " + path_of("charlene-dupont.yaml") + "\n");
  EXPECT_EQ(charlene(), kCharlene);
  EXPECT_TRUE(leftover_copies().empty());
}

TEST_F(EditCli, CopyIsADotFileEndingInYamlBesideTheRealFile) {
  tmp_.write("data/friends/julie-martin.yaml", "name: Julie Martin\n");
  std::string record = (tmp_ / "seen").string();
  RunResult r = edit({"julie"}, editor("ed.sh", "printf '%s' \"$1\" > '" + record + "'\n"));
  ASSERT_EQ(r.code, 0) << r.describe();
  fs::path seen = tmp_.read("seen");
  EXPECT_EQ(seen.parent_path(), dir_ / "friends");
  EXPECT_TRUE(std::regex_match(seen.filename().string(), std::regex(R"(\.julie-martin\.yaml\.edit-\w{6}\.yaml)")))
      << seen;
  EXPECT_FALSE(fs::exists(seen));
}

TEST_F(EditCli, ErrorsNameTheRealFileWithLineAndColumnThenNoAbandons) {
  std::string ed = editor("ed.sh", "printf '  - date: 2026-13-45\\n    kind: giv\\n' >> \"$1\"\n");
  RunResult r = edit({"charlene"}, ed, "n\n");
  EXPECT_EQ(r.code, 1) << r.describe();
  std::string real = path_of("charlene-dupont.yaml");
  EXPECT_NE(r.err.find("kith: " + real + ":8:11: date '2026-13-45'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("kith: " + real + ":9:11: unknown kind 'giv'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("Edit again? [Y/n] "), std::string::npos) << r.err;
  // What the user typed is kept, and they are told where.
  std::vector<std::string> kept = leftover_copies();
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_NE(r.err.find("kith: nothing was changed; " + real + " is as it was, and your version is in " + kept[0] +
                       "\n"),
            std::string::npos)
      << r.err;
  EXPECT_NE(read_text(kept[0]).find("kind: giv"), std::string::npos);
  EXPECT_EQ(charlene(), kCharlene);
}

TEST_F(EditCli, BrokenYamlAndEndOfInputAbandonLikeNo) {
  RunResult r = edit({"charlene"}, editor("ed.sh", "printf '  - date: [\\n' >> \"$1\"\n"));  // stdin is empty
  EXPECT_EQ(r.code, 1) << r.describe();
  // At the `[` that never closes, not on the line after the file's end.
  EXPECT_NE(r.err.find("kith: " + path_of("charlene-dupont.yaml") + ":8:11: invalid YAML: this `[` is never closed"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(charlene(), kCharlene);
  std::vector<std::string> kept = leftover_copies();
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_NE(r.err.find("your version is in " + kept[0]), std::string::npos) << r.err;
  EXPECT_NE(read_text(kept[0]).find("  - date: [\n"), std::string::npos);
}

// First run breaks the date; the second checks it got the same copy back
// (the broken date is still there) and fixes it.
std::string two_pass_editor_body(const std::string& counter) {
  return "n=$(cat '" + counter + "' 2>/dev/null || echo 0); n=$((n+1)); echo $n > '" + counter +
         "'\n"
         "if [ $n = 1 ]; then printf '  - date: 2026-13-45\\n    kind: talk\\n' >> \"$1\"; exit 0; fi\n"
         "grep -q 2026-13-45 \"$1\" || exit 9\n"
         "sed 's/2026-13-45/2026-11-20/' \"$1\" > \"$1.new\" && cat \"$1.new\" > \"$1\" && rm \"$1.new\"\n";
}

TEST_F(EditCli, YesReopensTheEditorOnTheSameCopyAndTheFixIsSaved) {
  std::string counter = (tmp_ / "count").string();
  RunResult r = edit({"charlene"}, editor("ed.sh", two_pass_editor_body(counter)), "y\n");
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(tmp_.read("count"), "2\n");
  EXPECT_EQ(charlene(), kCharlene + "  - date: 2026-11-20\n    kind: talk\n");
  std::string err = r.err;
  EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << err;  // one problem line, then the prompt
  EXPECT_NE(err.find(":8:11: date '2026-13-45'"), std::string::npos) << err;
  EXPECT_TRUE(err.ends_with("Edit again? [Y/n] ")) << err;
  EXPECT_EQ(r.out, "saved " + path_of("charlene-dupont.yaml") + "\n");
  EXPECT_TRUE(leftover_copies().empty());
}

TEST_F(EditCli, EmptyAnswerMeansYesAndOtherAnswersAskAgain) {
  std::string counter = (tmp_ / "count").string();
  RunResult r = edit({"charlene"}, editor("ed.sh", two_pass_editor_body(counter)), "maybe\n\n");
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(tmp_.read("count"), "2\n");
  std::string err = r.err;
  std::size_t prompts = 0;
  for (std::size_t at = err.find("Edit again?"); at != std::string::npos; at = err.find("Edit again?", at + 1))
    ++prompts;
  EXPECT_EQ(prompts, 2u) << err;
}

TEST_F(EditCli, FileChangedWhileTheEditorWasOpenIsNotOverwrittenAndTheCopyIsKept) {
  // The "editor" runs `kith log` on the same person meanwhile, as another shell would.
  std::string body = std::string("'") + KITH_BINARY + "' --dir '" + dir_.string() + "' log charlene give meanwhile\n" +
                     kAppendTalk;
  RunResult r = edit({"charlene"}, editor("ed.sh", body));
  EXPECT_EQ(r.code, 1) << r.describe();
  EXPECT_NE(r.err.find(path_of("charlene-dupont.yaml") + " changed on disk while you were editing"),
            std::string::npos)
      << r.err;
  EXPECT_NE(charlene().find("note: meanwhile"), std::string::npos);
  EXPECT_EQ(charlene().find("note: coffee"), std::string::npos);
  std::vector<std::string> kept = leftover_copies();
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_NE(r.err.find("your version is in " + kept[0]), std::string::npos) << r.err;
  EXPECT_EQ(read_text(kept[0]), kCharlene + "  - date: 2026-11-20\n    kind: talk\n    note: coffee\n");
}

TEST_F(EditCli, FailingEditorAbandonsWithItsStatus) {
  RunResult r = edit({"charlene"}, editor("ed.sh", std::string(kAppendTalk) + "exit 3\n"));
  EXPECT_EQ(r.code, 1) << r.describe();
  EXPECT_EQ(r.err, "kith: the editor exited with status 3; nothing was changed\n");
  EXPECT_EQ(charlene(), kCharlene);
  EXPECT_TRUE(leftover_copies().empty());
}

TEST_F(EditCli, MissingEditorIsAClearErrorAndLeavesNoCopy) {
  RunResult r = edit({"charlene"}, "kith-no-such-editor --wait");
  EXPECT_EQ(r.code, 1) << r.describe();
  EXPECT_NE(r.err.find("kith-no-such-editor"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("$VISUAL or $EDITOR"), std::string::npos) << r.err;
  EXPECT_TRUE(leftover_copies().empty());
}

TEST_F(EditCli, VisualWinsOverEditorAndMayCarryArguments) {
  std::string args_seen = (tmp_ / "args").string();
  std::string visual = editor("visual.sh", "printf '%s\\n' \"$1\" > '" + args_seen +
                                               "'\nprintf '  - date: 2026-11-20\\n    kind: talk\\n' >> \"$2\"\n");
  RunResult r = edit({"charlene"}, "false", std::nullopt, {{"VISUAL", visual + "  --wait"}});
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(tmp_.read("args"), "--wait\n");
  EXPECT_NE(charlene().find("kind: talk"), std::string::npos);
}

TEST_F(EditCli, NoVisualNorEditorFallsBackToVi) {
  // A `vi` of our own first in PATH proves which program was chosen.
  fs::create_directories(tmp_ / "bin");
  tmp_.write("bin/vi", std::string("#!/bin/sh\n") + kAppendTalk);
  fs::permissions(tmp_ / "bin/vi", fs::perms::owner_all);
  std::string path = (tmp_ / "bin").string() + ":" + std::getenv("PATH");
  RunOptions o;
  o.env = {{"PATH", path}};
  RunResult r = run_kith(tmp_, {"--dir", dir_.string(), "edit", "charlene"}, o);
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_NE(charlene().find("note: coffee"), std::string::npos);
}

TEST_F(EditCli, FileTooBrokenToLoadIsStillFoundByItsSlugSoItCanBeFixed) {
  tmp_.write("data/bob.yaml", "name: Bob\nlog: [\n");
  RunResult r = edit({"bob"}, editor("ed.sh", "printf 'name: Bob\\n' > \"$1\"\n"));
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(tmp_.read("data/bob.yaml"), "name: Bob\n");
}

// A sync stopped on a conflict tells the user `kith edit person-1`: that
// must open person-1.yaml, with its conflict markers, and not person-10.yaml,
// the one readable file `person-1` starts; other commands name its problem.
TEST_F(EditCli, AnExactSlugOpensItsBrokenFileNotAnotherThatItStarts) {
  const std::string conflicted = "name: P1\n<<<<<<< ours\ncompany: a\n=======\ncompany: b\n>>>>>>> theirs\n";
  tmp_.write("data/person-1.yaml", conflicted);
  tmp_.write("data/person-10.yaml", "name: P10\n");
  RunResult r = edit({"person-1"}, editor("ed.sh", "printf 'name: P1\\ncompany: b\\n' > \"$1\"\n"));
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(tmp_.read("data/person-1.yaml"), "name: P1\ncompany: b\n");
  EXPECT_EQ(tmp_.read("data/person-10.yaml"), "name: P10\n");

  tmp_.write("data/person-1.yaml", conflicted);
  RunResult log = run_kith(tmp_, {"--dir", dir_.string(), "log", "person-1", "talk"});
  EXPECT_EQ(log.code, 1) << log.describe();
  EXPECT_EQ(log.err.rfind("kith: " + path_of("person-1.yaml") + ":2:1: ", 0), 0u) << log.err;
  EXPECT_NE(log.err.find("`kith edit person-1` opens it"), std::string::npos) << log.err;
  EXPECT_EQ(tmp_.read("data/person-10.yaml"), "name: P10\n");
}

TEST_F(EditCli, UnknownPersonIsAnErrorAndNoEditorRuns) {
  std::string ran = (tmp_ / "ran").string();
  RunResult r = edit({"nobody"}, editor("ed.sh", "touch '" + ran + "'\n"));
  EXPECT_EQ(r.code, 1) << r.describe();
  EXPECT_FALSE(fs::exists(ran));
}

TEST_F(EditCli, MissingDirectorySaysKithInit) {
  dir_ = tmp_ / "nowhere";
  RunResult r = edit({"charlene"}, editor("ed.sh", "true\n"));
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("kith init"), std::string::npos) << r.err;
}

TEST_F(EditCli, WithoutWhoEditsKithYamlValidatedAsSettings) {
  tmp_.write("data/kith.yaml", "followup: 2d\n");
  RunResult bad = edit({}, editor("bad.sh", "printf 'followup: soon\\n' > \"$1\"\n"), "n\n");
  EXPECT_EQ(bad.code, 1) << bad.describe();
  EXPECT_NE(bad.err.find("kith: " + path_of("kith.yaml") + ":1:11:"), std::string::npos) << bad.err;
  EXPECT_EQ(tmp_.read("data/kith.yaml"), "followup: 2d\n");

  RunResult good = edit({}, editor("good.sh", "printf 'followup: 3d\\n' > \"$1\"\n"));
  ASSERT_EQ(good.code, 0) << good.describe();
  EXPECT_EQ(tmp_.read("data/kith.yaml"), "followup: 3d\n");
  EXPECT_EQ(leftover_copies().size(), 1u);  // the abandoned first attempt, kept for the user
}

TEST_F(EditCli, MissingKithYamlStartsFromTheDefaultAndIsCreatedOnlyWhenChanged) {
  std::string record = (tmp_ / "start").string();
  RunResult untouched = edit({}, editor("look.sh", "cp \"$1\" '" + record + "'\n"));
  ASSERT_EQ(untouched.code, 0) << untouched.describe();
  EXPECT_NE(tmp_.read("start").find("circles:"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir_ / "kith.yaml"));

  RunResult created = edit({}, editor("write.sh", "printf 'followup: 3d\\n' > \"$1\"\n"));
  ASSERT_EQ(created.code, 0) << created.describe();
  EXPECT_EQ(tmp_.read("data/kith.yaml"), "followup: 3d\n");
}

TEST_F(EditCli, PersonIsValidatedWithTheDirectorysOwnKinds) {
  tmp_.write("data/kith.yaml", "kinds:\n  coffee: {}\n");
  RunResult r = edit({"charlene"}, editor("ed.sh", "printf '  - date: 2026-11-20\\n    kind: coffee\\n' >> \"$1\"\n"));
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_NE(charlene().find("kind: coffee"), std::string::npos);
}

TEST_F(EditCli, BrokenKithYamlMustBeFixedBeforeEditingAPerson) {
  tmp_.write("data/kith.yaml", "followup: soon\n");
  RunResult r = edit({"charlene"}, editor("ed.sh", kAppendTalk));
  EXPECT_EQ(r.code, 1) << r.describe();
  EXPECT_NE(r.err.find("`kith edit` opens kith.yaml"), std::string::npos) << r.err;
  EXPECT_EQ(charlene(), kCharlene);
}

TEST_F(EditCli, SavedEditIsCommittedAloneWithItsMessage) {
  if (run_captured({"git", "--version"}).status != 0) GTEST_SKIP() << "git is not installed";
  fs::remove_all(dir_);
  ASSERT_EQ(run_kith(tmp_, {"--dir", dir_.string(), "init"}).code, 0);
  ASSERT_EQ(run_kith(tmp_, {"--dir", dir_.string(), "add", "Charlène Dupont"}).code, 0);
  std::string ed = editor("ed.sh", "printf 'log:\\n  - date: 2026-11-20\\n    kind: talk\\n' >> \"$1\"\n");
  RunResult r = edit({"charlene"}, ed);
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(r.err, "");
  RunResult head = run_kith(tmp_, {"--dir", dir_.string(), "git", "show", "--name-only", "--format=%s", "HEAD"});
  ASSERT_EQ(head.code, 0) << head.describe();
  EXPECT_EQ(head.out, "kith: edit charlene-dupont\n\ncharlene-dupont.yaml\n");
  RunResult status = run_kith(tmp_, {"--dir", dir_.string(), "git", "status", "--porcelain"});
  EXPECT_EQ(status.out, "");
}

TEST_F(EditCli, UnchangedEditMakesNoCommit) {
  if (run_captured({"git", "--version"}).status != 0) GTEST_SKIP() << "git is not installed";
  fs::remove_all(dir_);
  ASSERT_EQ(run_kith(tmp_, {"--dir", dir_.string(), "init"}).code, 0);
  RunResult r = edit({}, editor("ed.sh", "true\n"));
  ASSERT_EQ(r.code, 0) << r.describe();
  RunResult log = run_kith(tmp_, {"--dir", dir_.string(), "git", "log", "--format=%s"});
  EXPECT_EQ(log.out, "kith: init\n");
}

}  // namespace
}  // namespace kith::test
