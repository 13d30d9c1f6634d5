// SPDX-License-Identifier: MIT
#include "rules/intro_check.h"

#include <gtest/gtest.h>

namespace kith {
namespace {

Date ymd(int y, unsigned m, unsigned d) { return Date{date::year{y}, date::month{m}, date::day{d}}; }

Person person(std::string slug, std::vector<Entry> log) {
  Person p;
  p.slug = slug;
  p.path = slug + ".yaml";
  p.name = slug;
  p.log = std::move(log);
  return p;
}

Entry intro(Date d, std::string with, int line) { return Entry{d, "intro", "", std::move(with), line}; }

std::vector<std::string> texts(const std::vector<Diagnostic>& ds) {
  std::vector<std::string> out;
  for (const Diagnostic& d : ds) out.push_back(d.to_string());
  return out;
}

TEST(IntroCheck, IntrosOnBothSidesAreFine) {
  std::vector<Person> people{person("ada", {intro(ymd(2026, 4, 2), "bob", 5)}),
                             person("bob", {intro(ymd(2026, 4, 2), "ada", 7)})};
  EXPECT_TRUE(intro_warnings(people).empty());
}

TEST(IntroCheck, AnIntroMissingOnTheOtherSideIsReportedWhereItIs) {
  std::vector<Person> people{person("ada", {intro(ymd(2026, 4, 2), "bob", 5)}),
                             person("bob", {intro(ymd(2026, 4, 3), "ada", 7)})};
  auto w = texts(intro_warnings(people));
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(w[0].rfind("ada.yaml:5: warning: this intro with bob on 2026-04-02 is not in bob's file (bob.yaml)", 0),
            0u)
      << w[0];
  EXPECT_NE(w[0].find("with: ada"), std::string::npos) << "says how to fix it";
  EXPECT_EQ(w[1].rfind("bob.yaml:7:", 0), 0u) << w[1];
}

TEST(IntroCheck, AnIntroLoggedTwiceOnOneSideNeedsTwoOnTheOther) {
  std::vector<Person> people{person("ada", {intro(ymd(2026, 4, 2), "bob", 5), intro(ymd(2026, 4, 2), "bob", 9)}),
                             person("bob", {intro(ymd(2026, 4, 2), "ada", 7)})};
  auto w = texts(intro_warnings(people));
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].rfind("ada.yaml:9:", 0), 0u) << w[0];
}

TEST(IntroCheck, AWithThatNamesNobodyIsReported) {
  std::vector<Person> people{person("ada", {intro(ymd(2026, 4, 2), "gone", 5), Entry{ymd(2026, 4, 3), "talk", "", "", 8}})};
  auto w = texts(intro_warnings(people));
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].rfind("ada.yaml:5: warning: the intro's `with: gone` names nobody", 0), 0u) << w[0];
}

// `check` adds people one at a time and checks with their digests: the same
// warnings as intro_warnings, in the order the people were added.
TEST(IntroCheck, PeopleAddedOneAtATimeThenCheckedWithDigestsGiveTheSameWarnings) {
  std::vector<Person> people = {person("ana", {intro(ymd(2026, 3, 1), "bob", 4), intro(ymd(2026, 3, 2), "zed", 7)}),
                                person("bob", {intro(ymd(2026, 3, 1), "ana", 5), intro(ymd(2026, 3, 1), "ana", 9)}),
                                person("cy", {intro(ymd(2026, 4, 1), "ana", 3)})};
  IntroCheck check;
  for (auto p = people.rbegin(); p != people.rend(); ++p) check.add(*p);
  std::vector<Person> digests = people;
  for (Person& p : digests) p.log.clear();
  std::vector<std::string> all = texts(intro_warnings(people));
  ASSERT_EQ(all.size(), 3u);  // zed names nobody; bob's second; cy's (not in ana's file)
  EXPECT_EQ(texts(check.warnings(digests)), (std::vector<std::string>{all[2], all[1], all[0]}));
}

}  // namespace
}  // namespace kith
