// SPDX-License-Identifier: MIT
#include "store/update.h"

#include <gtest/gtest.h>

#include <string>

#include "cli_util.h"
#include "yaml/edit.h"

namespace kith {
namespace {

using test::TempDir;

const std::string kAna =
    "name: Ana   # from the meetup\n"
    "log:\n"
    "  - date: 2026-01-01\n"
    "    kind: met\n"
    "  - date: 2026-02-01\n"
    "    kind: give\n"
    "    note: an article\n";

Date ymd(int y, unsigned m, unsigned d) { return Date{date::year{y}, date::month{m}, date::day{d}}; }

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

// Runs an update that must be refused and returns its message; the file must
// be as it was.
std::string refused(const TempDir& tmp, const TextEdit& edit, const Settings& settings = {}) {
  std::string before = tmp.read("ana.yaml");
  std::string message;
  try {
    update_person_file(tmp / "ana.yaml", settings, edit);
    ADD_FAILURE() << "the update was written";
  } catch (const Error& e) {
    message = e.what();
  }
  EXPECT_EQ(tmp.read("ana.yaml"), before);
  return message;
}

TEST(UpdatePersonFile, WritesTheEditAndReturnsThePersonReadBack) {
  TempDir tmp;
  tmp.write("ana.yaml", kAna);
  Person p = update_person_file(tmp / "ana.yaml", Settings{}, [](const std::string& text) {
    return append_log_entry(text, NewEntry{ymd(2026, 3, 1), "ask", "a review", ""});
  });
  EXPECT_EQ(tmp.read("ana.yaml"), kAna + "  - date: 2026-03-01\n    kind: ask\n    note: a review\n");
  EXPECT_EQ(p.slug, "ana");
  ASSERT_EQ(p.log.size(), 3u);
  EXPECT_EQ(p.log[2].kind, "ask");
}

TEST(UpdatePersonFile, SettingNextKeepsEveryEntry) {
  TempDir tmp;
  tmp.write("ana.yaml", kAna);
  Person p = update_person_file(tmp / "ana.yaml", Settings{},
                                [](const std::string& text) { return set_scalar(text, "next", "2026-12-01"); });
  ASSERT_TRUE(p.next);
  EXPECT_EQ(*p.next, ymd(2026, 12, 1));
}

TEST(UpdatePersonFile, ABrokenFileIsRefusedWithItsProblem) {
  TempDir tmp;
  tmp.write("ana.yaml", replaced(kAna, "kind: give", "kind: giv"));
  std::string m = refused(tmp, [](const std::string& text) { return text + "next: 2026-12-01\n"; });
  EXPECT_EQ(m.rfind((tmp / "ana.yaml").string() + ":6:11: unknown kind 'giv'", 0), 0u) << m;
  EXPECT_NE(m.find("fix the file first"), std::string::npos) << m;
}

TEST(UpdatePersonFile, AnEditThatDoesNotReadBackIsNotWritten) {
  TempDir tmp;
  tmp.write("ana.yaml", kAna);
  std::string m = refused(tmp, [](const std::string& text) { return text + "  bad: [\n"; });
  EXPECT_EQ(m.rfind((tmp / "ana.yaml").string() + ":", 0), 0u) << m;
  EXPECT_NE(m.find("the change would not read back, nothing was written: invalid YAML"), std::string::npos) << m;
  m = refused(tmp, [](const std::string& text) { return text + "  - date: 2026-03-01\n    kind: giv\n"; });
  EXPECT_NE(m.find("nothing was written: unknown kind 'giv'"), std::string::npos) << m;
}

TEST(UpdatePersonFile, AnEditThatLosesOrAltersAnEntryIsNotWritten) {
  TempDir tmp;
  tmp.write("ana.yaml", kAna);
  std::string lost =
      (tmp / "ana.yaml").string() + ": the change would lose or alter what the file holds, nothing was written";
  EXPECT_EQ(refused(tmp, [](const std::string& text) { return replaced(text, "    note: an article\n", ""); }), lost);
  EXPECT_EQ(refused(tmp, [](const std::string& text) { return replaced(text, "2026-02-01", "2026-02-02"); }), lost);
  EXPECT_EQ(
      refused(tmp, [](const std::string& text) { return replaced(text, "  - date: 2026-01-01\n    kind: met\n", ""); }),
      lost);
  EXPECT_EQ(refused(tmp, [](const std::string& text) { return replaced(text, "name: Ana", "name: Anna"); }), lost);
  // Reordering is altering too: a new entry goes last.
  EXPECT_EQ(refused(tmp,
                    [](const std::string& text) {
                      return replaced(text, "log:\n", "log:\n  - date: 2026-03-01\n    kind: talk\n");
                    }),
            lost);
}

TEST(UpdatePersonFile, AMissingFileIsAnError) {
  TempDir tmp;
  EXPECT_THROW(update_person_file(tmp / "nope.yaml", Settings{}, [](const std::string& t) { return t; }), Error);
  EXPECT_FALSE(tmp.exists("nope.yaml"));
}

TEST(VerifyPersonText, ReturnsThePersonOrTheFirstProblem) {
  Person p = verify_person_text("name: Ana\n", "net/ana.yaml", Settings{});
  EXPECT_EQ(p.name, "Ana");
  EXPECT_EQ(p.slug, "ana");
  try {
    verify_person_text("name: Ana\ncircle: famly\nevery: often\n", "net/ana.yaml", Settings{});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              "net/ana.yaml:2:9: the change would not read back, nothing was written: unknown circle 'famly' "
              "(known: community, online, team)");
  }
}

}  // namespace
}  // namespace kith
