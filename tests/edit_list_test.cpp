// SPDX-License-Identifier: MIT
// Text-preserving edits of whole keys and list items (set, unset, tag, mv):
// only the lines concerned change, on hand-formatted files.
#include <gtest/gtest.h>

#include <string>

#include "model/error.h"
#include "yaml/edit.h"

namespace kith {
namespace {

Date ymd(int y, unsigned m, unsigned d) { return Date{date::year{y}, date::month{m}, date::day{d}}; }

const std::string kOdd =
    "# Ada, hand written\n"
    "name: Ada Lovelace   # the first programmer\n"
    "tags:   [ math,  \"engines\" ]  # flow, padded\n"
    "offers:\n"
    "    - analysis    # four spaces\n"
    "    - notes\n"
    "\n"
    "# what she looks for\n"
    "needs: []\n"
    "email: ada@example.org  # old\n"
    "log:\n"
    "- date: 2026-01-02\n"
    "  kind: talk\n";

// `text` without what lies from `from` to just before `to`.
std::string cut(const std::string& text, std::string_view from, std::string_view to) {
  std::size_t a = text.find(from), b = text.find(to, a);
  EXPECT_NE(a, std::string::npos);
  EXPECT_NE(b, std::string::npos);
  return text.substr(0, a) + text.substr(b);
}

TEST(EditList, AddsToAPaddedFlowListInItsStyle) {
  std::string out = add_list_item(kOdd, "tags", "rust");
  EXPECT_EQ(out, std::string(kOdd).replace(kOdd.find("\"engines\""), 9, "\"engines\", rust"));
}

TEST(EditList, AddsToABlockListAtItsDashColumn) {
  std::string out = add_list_item(kOdd, "offers", "poetry: yes");
  EXPECT_EQ(out, std::string(kOdd).replace(kOdd.find("    - notes\n"), 12, "    - notes\n    - \"poetry: yes\"\n"));
}

TEST(EditList, AddsToAnEmptyOrMissingList) {
  EXPECT_EQ(add_list_item(kOdd, "needs", "funding"),
            std::string(kOdd).replace(kOdd.find("needs: []"), 9, "needs: [funding]"));
  std::string aka = add_list_item(kOdd, "aka", "Countess");
  EXPECT_EQ(aka, std::string(kOdd).replace(kOdd.find("log:"), 0, "aka: [Countess]\n"));
}

TEST(EditList, RemovesFromAFlowListWithItsComma) {
  EXPECT_EQ(remove_list_item(kOdd, "tags", 0), std::string(kOdd).replace(kOdd.find("math,  "), 7, ""));
  EXPECT_EQ(remove_list_item(kOdd, "tags", 1), std::string(kOdd).replace(kOdd.find(",  \"engines\""), 12, ""));
}

TEST(EditList, RemovesFromABlockListAndLeavesAnEmptyListLast) {
  std::string one = remove_list_item(kOdd, "offers", 0);
  EXPECT_EQ(one, cut(kOdd, "    - analysis", "    - notes"));
  std::string none = remove_list_item(one, "offers", 0);
  EXPECT_NE(none.find("offers: []\n\n# what she looks for"), std::string::npos) << none;
}

TEST(EditList, KeepsCrlfLineEndings) {
  std::string crlf = "name: Ada\r\ntags:\r\n  - a\r\n  - b\r\nlog: []\r\n";
  EXPECT_EQ(add_list_item(crlf, "tags", "c"), "name: Ada\r\ntags:\r\n  - a\r\n  - b\r\n  - c\r\nlog: []\r\n");
  EXPECT_EQ(remove_list_item(crlf, "tags", 0), "name: Ada\r\ntags:\r\n  - b\r\nlog: []\r\n");
}

TEST(EditList, ASingleScalarBecomesAList) {
  EXPECT_EQ(add_list_item("name: Ada\naka: Countess\n", "aka", "A. L."), "name: Ada\naka: [Countess, A. L.]\n");
}

TEST(RemoveKey, RemovesAScalarAndKeepsTheCommentsOfTheNextKey) {
  EXPECT_EQ(remove_key(kOdd, "email"), cut(kOdd, "email:", "log:"));
  std::string out = remove_key(kOdd, "offers");
  EXPECT_EQ(out, cut(kOdd, "offers:", "\n# what")) << out;
  EXPECT_EQ(remove_key(kOdd, "phone"), kOdd) << "absent: unchanged";
}

TEST(RemoveKey, RemovesABlockScalar) {
  std::string text = "name: Ada\nnotes: |\n  line one\n\n  line two\nnext: 2026-12-01\n";
  EXPECT_EQ(remove_key(text, "notes"), "name: Ada\nnext: 2026-12-01\n");
  EXPECT_EQ(remove_key(text, "next"), "name: Ada\nnotes: |\n  line one\n\n  line two\n");
}

TEST(SetString, QuotesWhatMustBeQuotedAndKeepsTheComment) {
  EXPECT_EQ(set_string(kOdd, "email", "a: b"),
            std::string(kOdd).replace(kOdd.find("ada@example.org"), 15, "\"a: b\""));
  std::string phone = set_string("name: Ada\nphone: \"+33 1\"  # work\n", "phone", "+33 6 12");
  EXPECT_EQ(phone, "name: Ada\nphone: \"+33 6 12\"  # work\n");
}

TEST(SetString, ABlockValueGivesWayToOneLine) {
  EXPECT_EQ(set_string("name: Ada\nnotes: |  # mine\n  one\n  two\nlog: []\n", "notes", "three"),
            "name: Ada\nnotes: three\nlog: []\n");
}

TEST(RenameWith, RewritesOnlyTheWithLinesThatNameTheOldSlug) {
  std::string text =
      "name: Bob\n"
      "log:\n"
      "  - date: 2026-01-02\n"
      "    kind: intro\n"
      "    with: ada-lovelace   # via MiXiT\n"
      "  - {date: 2026-01-03, kind: intro, with: ada-lovelace}\n"
      "  - date: 2026-01-04\n"
      "    kind: intro\n"
      "    with: ada-byron\n";
  std::string out = rename_with(text, "ada-lovelace", "ada-king");
  EXPECT_EQ(out,
            "name: Bob\n"
            "log:\n"
            "  - date: 2026-01-02\n"
            "    kind: intro\n"
            "    with: ada-king   # via MiXiT\n"
            "  - {date: 2026-01-03, kind: intro, with: ada-king}\n"
            "  - date: 2026-01-04\n"
            "    kind: intro\n"
            "    with: ada-byron\n");
  EXPECT_EQ(rename_with(text, "nobody", "x"), text);
}

TEST(AppendLogEntry, AMultiLineNoteIsALiteralBlock) {
  std::string out = append_log_entry("name: Ada\nlog:\n  - date: 2026-01-02\n    kind: talk\n",
                                     NewEntry{ymd(2026, 1, 3), "talk", "first line\n\n  indented: yes", ""});
  EXPECT_EQ(out,
            "name: Ada\nlog:\n  - date: 2026-01-02\n    kind: talk\n"
            "  - date: 2026-01-03\n    kind: talk\n    note: |-\n      first line\n\n        indented: yes\n");
}

TEST(NewPersonText, WritesEveryKeyAndTheAddedDate) {
  NewPerson p;
  p.name = "Ada Lovelace";
  p.aka = {"Countess"};
  p.phone = "+33 6 12 34 56 78";
  p.location = "London";
  p.birthday = "--12-10";
  p.links = {{"mastodon", "@ada@example.org"}};
  p.notes = "Engines.\nPoetry.";
  p.added = "2026-11-21";
  EXPECT_EQ(new_person_text(p),
            "name: Ada Lovelace\n"
            "aka: [Countess]\n"
            "phone: +33 6 12 34 56 78\n"
            "location: London\n"
            "birthday: \"--12-10\"\n"
            "links:\n"
            "  mastodon: \"@ada@example.org\"\n"
            "notes: |-\n"
            "  Engines.\n"
            "  Poetry.\n"
            "added: 2026-11-21\n");
}

// --- One entry of a map (links.NAME) ---

const std::string kLinks =
    "name: Ada\n"
    "links: { site: 'https://ada.example',  git: https://git.example/ada }   # two\n"
    "log: []\n";

TEST(EditMap, ReplacesAFlowValueInPlaceKeepingTheOthersAndTheComment) {
  EXPECT_EQ(set_map_string(kLinks, "links", "git", "https://git.example/al"),
            "name: Ada\n"
            "links: { site: 'https://ada.example',  git: https://git.example/al }   # two\n"
            "log: []\n");
}

TEST(EditMap, AddsFirstInAFlowMapAndRemovesWithOneComma) {
  std::string added = set_map_string(kLinks, "links", "blog", "b");
  EXPECT_EQ(added, "name: Ada\nlinks: { blog: b, site: 'https://ada.example',  git: https://git.example/ada }   # two\nlog: []\n");
  EXPECT_EQ(remove_map_entry(added, "links", "blog"), kLinks);
  EXPECT_EQ(remove_map_entry(kLinks, "links", "git"), "name: Ada\nlinks: { site: 'https://ada.example' }   # two\nlog: []\n");
  EXPECT_EQ(remove_map_entry(remove_map_entry(kLinks, "links", "git"), "links", "site"), "name: Ada\nlog: []\n");
  EXPECT_EQ(remove_map_entry(kLinks, "links", "nope"), kLinks);
  EXPECT_EQ(set_map_string("name: Ada\nlinks: {}\n", "links", "a", "x"), "name: Ada\nlinks: {a: x}\n");
  EXPECT_EQ(set_map_string("name: Ada\nlinks:\n", "links", "a", "x"), "name: Ada\nlinks: {a: x}\n");
}

TEST(EditMap, BlockMapsKeepTheirIndentationAndAnEntryGoesWithItsLines) {
  const std::string block = "name: Ada\nlinks:\n   # first\n   a: x   # one\n   b: y\nnotes: z\n";
  EXPECT_EQ(set_map_string(block, "links", "c", "w"),
            "name: Ada\nlinks:\n   # first\n   c: w\n   a: x   # one\n   b: y\nnotes: z\n");
  EXPECT_EQ(set_map_string(block, "links", "a", "q"), "name: Ada\nlinks:\n   # first\n   a: q   # one\n   b: y\nnotes: z\n");
  EXPECT_EQ(remove_map_entry(block, "links", "a"), "name: Ada\nlinks:\n   # first\n   b: y\nnotes: z\n");
}

TEST(EditMap, RefusesWhatItCannotEditInPlace) {
  EXPECT_THROW(set_map_string("name: Ada\nlinks: [a]\n", "links", "a", "x"), Error);
  EXPECT_THROW(set_map_string("name: Ada\nlinks:\n  a: |\n    long\n", "links", "a", "x"), Error);
}

}  // namespace
}  // namespace kith
