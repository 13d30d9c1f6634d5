// SPDX-License-Identifier: MIT
#include "merge/merge.h"

#include <gtest/gtest.h>

#include "git/git.h"
#include "merge/markers.h"
#include "merge/person_text.h"
#include "yaml/load.h"

namespace kith::merge {
namespace {

MergeResult merged(const std::string& base, const std::string& ours, const std::string& theirs) {
  return merge_person(base, ours, theirs, git_merge_text);
}

// Every clean result must load as a person without a problem.
void expect_loads(const MergeResult& r) {
  ASSERT_TRUE(r.clean()) << r.conflicts.front() << "\n" << r.text;
  LoadResult l = load_person(r.text, "ada.yaml", Settings{});
  EXPECT_TRUE(l.problems.empty()) << l.problems.front().to_string() << "\n" << r.text;
}

const std::string kBase =
    "name: Ada Lovelace   # the first programmer\n"
    "circle: team\n"
    "tags: [math, engines]\n"
    "# how we met\n"
    "notes: |\n"
    "  Met at the Analytical Engine meetup.\n"
    "  Likes poetry.\n"
    "log:\n"
    "  - date: 2026-01-02\n"
    "    kind: met\n"
    "    note: meetup\n";

TEST(MergePerson, EntriesAddedOnBothSidesAreAllKeptOursFirst) {
  std::string ours = kBase + "  - date: 2026-01-05\n    kind: talk\n    note: from the laptop\n";
  std::string theirs = kBase + "  -   date: 2026-01-04\n      kind: give\n      note: \"from the phone: an article\"\n";
  MergeResult r = merged(kBase, ours, theirs);
  expect_loads(r);
  EXPECT_EQ(r.text, ours + "  - date: 2026-01-04\n    kind: give\n    note: \"from the phone: an article\"\n");
}

TEST(MergePerson, AnEntryAddedOnBothSidesIsKeptOnce) {
  std::string same = "  - date: 2026-01-05\n    kind: talk\n    note: lunch\n";
  std::string ours = kBase + same;
  std::string theirs = kBase + "  - {date: 2026-01-05, kind: talk, note: lunch}\n" +
                       "  - date: 2026-01-06\n    kind: give\n";
  MergeResult r = merged(kBase, ours, theirs);
  expect_loads(r);
  EXPECT_EQ(r.text, ours + "  - date: 2026-01-06\n    kind: give\n");
}

TEST(MergePerson, AnEntryRemovedOnOneSideIsRemoved) {
  std::string base = kBase + "  - date: 2026-01-05\n    kind: talk\n";
  std::string ours = base + "  - date: 2026-01-09\n    kind: ask\n";
  std::string theirs = kBase + "  - date: 2026-01-07\n    kind: got\n";  // removed the talk, added a got
  MergeResult r = merged(base, ours, theirs);
  expect_loads(r);
  EXPECT_EQ(r.text, kBase + "  - date: 2026-01-09\n    kind: ask\n  - date: 2026-01-07\n    kind: got\n");
}

TEST(MergePerson, BothSidesStartingTheLogKeepBoth) {
  std::string base = "name: Bob\nevery: 30d\n";
  std::string ours = base + "log:\n  - date: 2026-02-01\n    kind: talk\n";
  std::string theirs = base + "log:\n- date: 2026-02-02\n  kind: give\n  note: a book\n";
  MergeResult r = merged(base, ours, theirs);
  expect_loads(r);
  EXPECT_EQ(r.text, ours + "  - date: 2026-02-02\n    kind: give\n    note: a book\n");
}

TEST(MergePerson, NextChangedBothWaysTakesTheLaterDate) {
  std::string base = "name: Bob\nnext: 2026-03-01  # call back\nlog:\n  - date: 2026-02-01\n    kind: talk\n";
  std::string ours = "name: Bob\nnext: 2026-03-10  # call back\nlog:\n  - date: 2026-02-01\n    kind: talk\n";
  std::string theirs = "name: Bob\nnext: 2026-04-02\nlog:\n  - date: 2026-02-01\n    kind: talk\n";
  MergeResult r = merged(base, ours, theirs);
  expect_loads(r);
  EXPECT_EQ(r.text, theirs);
  r = merged(base, theirs, ours);
  expect_loads(r);
  EXPECT_EQ(r.text, theirs);
}

// `kith add` of one person on two machines: no common base; the first
// `added` day and both logs are kept, without asking.
TEST(MergePerson, OnePersonAddedOnTwoMachinesKeepsTheEarlierAddedAndBothLogs) {
  std::string ours = "name: Ana Lima\ncircle: community\nadded: 2026-11-21\nlog:\n  - date: 2026-11-21\n    kind: met\n";
  std::string theirs = "name: Ana Lima\ncircle: community\nadded: 2026-11-20\nlog:\n  - date: 2026-11-22\n    kind: talk\n";
  MergeResult r = merged("", ours, theirs);
  expect_loads(r);
  EXPECT_EQ(r.text,
            "name: Ana Lima\ncircle: community\nadded: 2026-11-20\nlog:\n  - date: 2026-11-21\n    kind: met\n"
            "  - date: 2026-11-22\n    kind: talk\n");
  EXPECT_EQ(merged("", theirs, ours).text.find("added: 2026-11-20\n") != std::string::npos, true);
}

TEST(MergePerson, ListsCombineAdditionsAndRemovals) {
  std::string ours = kBase;
  ours.replace(ours.find("tags: [math, engines]"), 21, "tags: [math, engines, poetry]");
  std::string theirs = kBase;
  theirs.replace(theirs.find("tags: [math, engines]"), 21, "tags: [Math, looms]");  // removed engines
  MergeResult r = merged(kBase, ours, theirs);
  expect_loads(r);
  EXPECT_NE(r.text.find("tags: [math, poetry, looms]\n"), std::string::npos) << r.text;
}

TEST(MergePerson, BlockListsStayBlockLists) {
  std::string base = "name: Bob\ntags:\n    - a\n    - b\n";
  std::string ours = "name: Bob\ntags:\n    - a\n    - b\n    - c\n";
  std::string theirs = "name: Bob\ntags:\n    - b\n    - d\n";
  MergeResult r = merged(base, ours, theirs);
  expect_loads(r);
  EXPECT_EQ(r.text, "name: Bob\ntags:\n    - b\n    - c\n    - d\n");
}

TEST(MergePerson, AScalarChangedBothWaysIsARealConflictAroundItsLine) {
  std::string ours = kBase, theirs = kBase;
  ours.replace(ours.find("circle: team"), 12, "circle: community");
  theirs.replace(theirs.find("circle: team"), 12, "circle: online");
  theirs += "  - date: 2026-01-03\n    kind: talk\n";
  MergeResult r = merged(kBase, ours, theirs);
  ASSERT_FALSE(r.clean());
  EXPECT_EQ(r.conflicts, std::vector<std::string>{"`circle` changed on both sides: community / online"});
  EXPECT_NE(r.text.find("<<<<<<< ours\ncircle: community\n=======\ncircle: online\n>>>>>>> theirs\n"),
            std::string::npos)
      << r.text;
  EXPECT_NE(r.text.find("kind: talk"), std::string::npos) << "their entry is not lost";
  auto d = find_conflict_markers(r.text, "ada.yaml");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->line, 2);
  LoadResult l = load_person(r.text, "ada.yaml", Settings{});
  ASSERT_FALSE(l.problems.empty());
  EXPECT_EQ(l.problems.front().to_string().rfind("ada.yaml:2:1: merge conflict: ", 0), 0u) << l.problems.front().to_string();
}

TEST(MergePerson, HandEditedCommentsAndNotesOnOneSideLogsOnTheOther) {
  std::string theirs = kBase;
  theirs.replace(theirs.find("# how we met"), 12, "# how we met (fixed by hand)");
  theirs.replace(theirs.find("  Likes poetry.\n"), 16, "  Likes poetry.\n  Has a cat.\n");
  theirs += "  - date: 2026-01-08\n    kind: talk\n";
  std::string ours = kBase + "  - date: 2026-01-09\n    kind: give  # sent notes\n";
  MergeResult r = merged(kBase, ours, theirs);
  expect_loads(r);
  EXPECT_NE(r.text.find("# how we met (fixed by hand)\n"), std::string::npos) << r.text;
  EXPECT_NE(r.text.find("  Has a cat.\n"), std::string::npos) << r.text;
  EXPECT_NE(r.text.find("    kind: give  # sent notes\n  - date: 2026-01-08\n    kind: talk\n"), std::string::npos)
      << r.text;
}

TEST(MergePerson, AnEntryEditedInPlaceStaysInPlace) {
  std::string base = kBase + "  - date: 2026-01-05\n    kind: talk\n  - date: 2026-01-06\n    kind: talk\n";
  std::string theirs = base;
  theirs.replace(theirs.find("    note: meetup\n"), 16, "    note: the Babbage meetup\n");
  std::string ours = base + "  - date: 2026-01-07\n    kind: give\n";
  MergeResult r = merged(base, ours, theirs);
  expect_loads(r);
  std::string want = ours;
  want.replace(want.find("    note: meetup\n"), 16, "    note: the Babbage meetup\n");
  EXPECT_EQ(r.text, want);
}

TEST(MergePerson, CrlfFilesKeepTheirLineEndings) {
  std::string base = "name: Bob\r\nlog:\r\n  - date: 2026-02-01\r\n    kind: talk\r\n";
  std::string ours = base + "  - date: 2026-02-03\r\n    kind: ask\r\n";
  std::string theirs = base + "  - date: 2026-02-02\r\n    kind: give\r\n";
  MergeResult r = merged(base, ours, theirs);
  expect_loads(r);
  EXPECT_EQ(r.text, ours + "  - date: 2026-02-02\r\n    kind: give\r\n");
}

TEST(MergePerson, FlowLogsFallBackToTheLineMerge) {
  std::string base = "name: Bob\nlog: [{date: 2026-02-01, kind: talk}]\nemail: b@x.org\n";
  std::string ours = "name: Bob\nlog: [{date: 2026-02-01, kind: talk}]\nemail: bob@x.org\n";
  std::string theirs = "name: Bob\nlog: [{date: 2026-02-01, kind: talk}, {date: 2026-02-02, kind: give}]\nemail: b@x.org\n";
  MergeResult r = merged(base, ours, theirs);
  expect_loads(r);
  EXPECT_EQ(r.text, "name: Bob\nlog: [{date: 2026-02-01, kind: talk}, {date: 2026-02-02, kind: give}]\nemail: bob@x.org\n");
}

TEST(MergePerson, AnEntryWithExtraKeysIsLeftToTheLineMerge) {
  std::string ours = kBase + "  - date: 2026-01-05\n    kind: talk\n";
  std::string theirs = kBase + "  - date: 2026-01-04\n    kind: give\n    mood: great\n";
  MergeResult r = merged(kBase, ours, theirs);
  // Both appended in one place, and kith cannot rewrite `mood:`: a conflict, nothing lost.
  ASSERT_FALSE(r.clean());
  EXPECT_NE(r.text.find("mood: great"), std::string::npos);
  EXPECT_NE(r.text.find("kind: talk"), std::string::npos);
}

TEST(MergePerson, BrokenSidesAreMergedAsTextAndNeverCalledCleanWhenBroken) {
  std::string base = "name: Bob\nemail: [\n";
  std::string ours = "name: Bob\nemail: [\nrole: x\n";
  MergeResult r = merged(base, ours, base);
  EXPECT_FALSE(r.clean());
  EXPECT_EQ(r.text, ours);
}

TEST(MergePerson, AddedOnBothSidesWithTheSameTextIsClean) {
  std::string text = "name: Bob\nlog:\n  - date: 2026-02-01\n    kind: met\n";
  MergeResult r = merged("", text, text);
  expect_loads(r);
  EXPECT_EQ(r.text, text);
}

TEST(MergePerson, ChangesOnAdjacentLinesOfDifferentKeysAreNotAConflict) {
  std::string base = "name: Bob\ncircle: community\ncompany: Acme\n";
  std::string ours = "name: Bob\ncircle: community\ncompany: Initech\n";
  std::string theirs = "name: Bob\ncircle: community\ncompany: Acme\nnext: 2026-03-01\n";
  MergeResult r = merged(base, ours, theirs);
  expect_loads(r);
  EXPECT_EQ(r.text, "name: Bob\ncircle: community\ncompany: Initech\nnext: 2026-03-01\n");
}

TEST(PersonText, SpansOfKeysAndEntries) {
  auto t = read_person_text(kBase + "  -\n    date: 2026-01-05\n    kind: talk\n    # a comment of the entry\n\n# trailing\n");
  ASSERT_TRUE(t);
  ASSERT_EQ(t->keys.size(), 5u);
  EXPECT_EQ(t->keys[2].key, "tags");
  EXPECT_EQ(t->keys[2].span.first, 2u);
  EXPECT_EQ(t->keys[2].span.end, 3u);  // the comment leads to `notes`
  EXPECT_EQ(t->keys[3].span.first, 4u);
  ASSERT_TRUE(t->log_spans);
  ASSERT_EQ(t->log.size(), 2u);
  EXPECT_EQ(t->log[0].span.first, 8u);
  EXPECT_EQ(t->log[0].span.end, 11u);
  EXPECT_EQ(t->log[1].span.first, 11u);
  EXPECT_EQ(t->log[1].span.end, 15u);
  EXPECT_EQ(entry_identity(YAML::Load("{b: 1, a: '2'}")), entry_identity(YAML::Load("a: 2\nb: \"1\"\n")));
}

TEST(ConflictMarkers, FoundWhereGitLeavesThem) {
  EXPECT_FALSE(find_conflict_markers("name: a\nnote: <<<<<<< not at the start\n", "a.yaml"));
  auto d = find_conflict_markers("name: a\r\n<<<<<<< ours\r\nx: 1\r\n=======\r\nx: 2\r\n>>>>>>> theirs\r\n", "p/a.yaml");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->to_string().substr(0, 35), "p/a.yaml:2:1: merge conflict: both ");
  EXPECT_NE(d->message.find("kith edit a"), std::string::npos);
  d = find_conflict_markers("name: a\n=======\n", "a.yaml");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->line, 2);
}

}  // namespace
}  // namespace kith::merge
