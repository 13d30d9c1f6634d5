// SPDX-License-Identifier: MIT
#include "rules/balance.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace kith {
namespace {

Date ymd(int y, unsigned m, unsigned d) { return Date{date::year{y}, date::month{m}, date::day{d}}; }

// A person whose log is these (date, kind) entries, in this file order.
Person with_log(std::vector<std::pair<Date, std::string>> entries) {
  Person p;
  p.slug = "ana";
  p.name = "Ana";
  int line = 3;
  for (auto& [d, kind] : entries) {
    Entry e;
    e.date = d;
    e.kind = kind;
    e.line = line;
    line += 2;
    p.log.push_back(e);
  }
  return p;
}

Settings with_kinds() {
  Settings s;
  s.kinds.push_back({"mentoring", true, 1});
  s.kinds.push_back({"borrowed", true, -1});
  s.kinds.push_back({"private", false, 0});
  return s;
}

const Date d1 = ymd(2026, 1, 1), d2 = ymd(2026, 2, 1), d3 = ymd(2026, 3, 1);

TEST(Balance, IsTheSumOfTheBalanceOfEveryEntry) {
  Settings s;
  EXPECT_EQ(balance_of(with_log({}), s), 0);
  EXPECT_EQ(balance_of(with_log({{d1, "met"}, {d1, "talk"}, {d1, "note"}}), s), 0);
  EXPECT_EQ(balance_of(with_log({{d1, "give"}, {d2, "intro"}, {d3, "give"}}), s), 3);
  EXPECT_EQ(balance_of(with_log({{d1, "ask"}, {d2, "got"}, {d3, "give"}}), s), -1);
}

TEST(Balance, KindsOfKithYamlCountWithTheirBalance) {
  Settings s = with_kinds();
  EXPECT_EQ(balance_of(with_log({{d1, "mentoring"}, {d2, "mentoring"}, {d3, "borrowed"}, {d3, "private"}}), s), 1);
}

TEST(Balance, UnknownKindsCountAsNeutral) {
  EXPECT_EQ(balance_of(with_log({{d1, "give"}, {d2, "mentoring"}}), Settings{}), 1);
}

TEST(AskedBeforeGiving, AnAskBeforeAnyGivingIsTrue) {
  Settings s;
  EXPECT_TRUE(asked_before_giving(with_log({{d1, "met"}, {d2, "ask"}, {d3, "give"}}), s));
  EXPECT_TRUE(asked_before_giving(with_log({{d1, "ask"}}), s));
}

TEST(AskedBeforeGiving, GivingFirstOrNeverAskingIsFalse) {
  Settings s;
  EXPECT_FALSE(asked_before_giving(with_log({{d1, "give"}, {d2, "ask"}}), s));
  EXPECT_FALSE(asked_before_giving(with_log({{d1, "intro"}, {d2, "ask"}}), s));
  EXPECT_FALSE(asked_before_giving(with_log({{d1, "met"}, {d2, "talk"}}), s));
  EXPECT_FALSE(asked_before_giving(with_log({}), s));
}

TEST(AskedBeforeGiving, OnlyAnAskCountsNotHelpReceivedUnasked) {
  EXPECT_FALSE(asked_before_giving(with_log({{d1, "got"}, {d2, "give"}, {d3, "ask"}}), Settings{}));
}

TEST(AskedBeforeGiving, DatesDecideNotFileOrder) {
  Settings s;
  // The ask is written last but happened first.
  EXPECT_TRUE(asked_before_giving(with_log({{d2, "give"}, {d3, "talk"}, {d1, "ask"}}), s));
  EXPECT_FALSE(asked_before_giving(with_log({{d2, "ask"}, {d1, "give"}}), s));
  // The earliest of several asks and givings, wherever each is in the file.
  EXPECT_TRUE(asked_before_giving(with_log({{d3, "ask"}, {d2, "give"}, {d1, "ask"}}), s));
  EXPECT_FALSE(asked_before_giving(with_log({{d2, "give"}, {d1, "give"}, {d1, "ask"}, {d2, "ask"}}), s));
}

TEST(AskedBeforeGiving, OnTheSameDayFileOrderDecides) {
  Settings s;
  EXPECT_TRUE(asked_before_giving(with_log({{d1, "ask"}, {d1, "give"}}), s));
  EXPECT_FALSE(asked_before_giving(with_log({{d1, "give"}, {d1, "ask"}}), s));
}

TEST(AskedBeforeGiving, AGivingKindOfKithYamlCountsAsGiving) {
  EXPECT_FALSE(asked_before_giving(with_log({{d1, "mentoring"}, {d2, "ask"}}), with_kinds()));
}

TEST(LastContact, IsTheLatestContactDateWhateverTheFileOrder) {
  Settings s;
  Person p = with_log({{d2, "talk"}, {d3, "give"}, {d1, "met"}});
  const Entry* last = last_contact(p, s);
  ASSERT_NE(last, nullptr);
  EXPECT_EQ(last->date, d3);
  EXPECT_EQ(last->kind, "give");
}

TEST(LastContact, NotesAreNotContacts) {
  Settings s;
  Person p = with_log({{d1, "talk"}, {d3, "note"}});
  ASSERT_NE(last_contact(p, s), nullptr);
  EXPECT_EQ(last_contact(p, s)->date, d1);
  EXPECT_EQ(last_contact(with_log({{d1, "note"}}), s), nullptr);
  EXPECT_EQ(last_contact(with_log({}), s), nullptr);
}

TEST(LastContact, KindsOfKithYamlThatAreNotContactsAreSkipped) {
  Person p = with_log({{d1, "mentoring"}, {d3, "private"}});
  EXPECT_EQ(last_contact(p, with_kinds())->kind, "mentoring");
}

TEST(LastContact, OnTheSameDayTheLaterEntryInTheFileWins) {
  Person p = with_log({{d2, "met"}, {d2, "give"}, {d1, "talk"}});
  EXPECT_EQ(last_contact(p, Settings{})->kind, "give");
}

// A digest load keeps what the rules need of the log, and nothing else.
TEST(Digest, AnswersAsTheWholeLogDid) {
  const Settings s = with_kinds();
  const std::vector<Person> people{
      with_log({}),
      with_log({{d1, "note"}}),
      with_log({{d2, "ask"}, {d1, "talk"}, {d3, "give"}}),
      with_log({{d2, "met"}, {d2, "mentoring"}, {d3, "private"}, {d1, "borrowed"}}),
      with_log({{d1, "give"}, {d2, "ask"}, {d2, "got"}}),
  };
  for (const Person& whole : people) {
    Person p = whole;
    p.notes = "long notes";
    p.links["github"] = "ana";
    p.email = "ana@example.org";
    p.company = "Analytical Engines";
    keep_digest(p, s);
    ASSERT_TRUE(p.digest);
    EXPECT_TRUE(p.log.empty());
    EXPECT_TRUE(p.notes.empty());
    EXPECT_TRUE(p.links.empty());
    EXPECT_TRUE(p.email.empty());
    EXPECT_TRUE(p.company.empty());
    EXPECT_EQ(balance_of(p, s), balance_of(whole, s));
    EXPECT_EQ(asked_before_giving(p, s), asked_before_giving(whole, s));
    const Entry* was = last_contact(whole, s);
    const Entry* is = last_contact(p, s);
    ASSERT_EQ(is == nullptr, was == nullptr);
    if (is) {
      EXPECT_EQ(is->date, was->date);
      EXPECT_EQ(is->kind, was->kind);
      EXPECT_EQ(is->line, was->line);
    }
  }
}

// The digest is made in one pass over the log: on many logs (same days,
// unknown kinds, kith.yaml's kinds, any file order) it says what each rule
// says of the whole log.
TEST(Digest, MadeInOnePassItAgreesWithEachRuleOnManyLogs) {
  const Settings s = with_kinds();
  const char* kinds[] = {"met", "talk", "give", "ask", "got", "intro", "note", "mentoring", "borrowed", "private", "party"};
  unsigned x = 11;
  auto next = [&] { return x = x * 1103515245u + 12345u, (x >> 16) % 32768u; };
  for (int n = 0; n < 500; ++n) {
    std::vector<std::pair<Date, std::string>> entries;
    for (unsigned k = next() % 8; k > 0; --k) entries.emplace_back(ymd(2026, 1 + next() % 3, 1), kinds[next() % 11]);
    Person whole = with_log(entries);
    for (Entry& e : whole.log)
      if (e.kind == "intro") e.with = "someone-" + std::to_string(next() % 3);
    const LogDigest d = digest_of(whole, s);
    EXPECT_EQ(d.balance, balance_of(whole, s)) << n;
    EXPECT_EQ(d.asked_before_giving, asked_before_giving(whole, s)) << n;
    EXPECT_EQ(d.introduced, introduced_to(whole)) << n;
    const Entry* last = last_contact(whole, s);
    ASSERT_EQ(d.last_contact.has_value(), last != nullptr) << n;
    if (last != nullptr) {
      EXPECT_EQ(d.last_contact->line, last->line) << n;
    }
  }
}

TEST(Digest, PutBackGivesTheWholePersonAgain) {
  Person p = with_log({{d1, "give"}, {d2, "talk"}});
  p.notes = "notes";
  p.links["site"] = "x";
  p.email = "e@x.org";
  p.phone = "+33 1";
  p.company = "C";
  p.role = "R";
  p.location = "Lyon";
  put_back(p, keep_digest(p, Settings{}));
  EXPECT_EQ(p.email, "e@x.org");
  EXPECT_EQ(p.phone, "+33 1");
  EXPECT_EQ(p.company, "C");
  EXPECT_EQ(p.role, "R");
  EXPECT_EQ(p.location, "Lyon");
  EXPECT_FALSE(p.digest);
  ASSERT_EQ(p.log.size(), 2u);
  EXPECT_EQ(p.log[1].kind, "talk");
  EXPECT_EQ(p.notes, "notes");
  EXPECT_EQ(p.links.at("site"), "x");
}

TEST(Digest, KeepsWhoWasIntroduced) {
  Person p = with_log({{d1, "intro"}, {d2, "talk"}, {d3, "intro"}});
  p.log[0].with = "bob";
  p.log[2].with = "cat";
  keep_digest(p, Settings{});
  EXPECT_EQ(p.digest->introduced, (std::vector<std::string>{"bob", "cat"}));
}

TEST(Digest, PeopleWithNothingToSayShareOneDigest) {
  Person a = with_log({}), b = with_log({{d1, "note"}}), c = with_log({{d1, "talk"}});
  for (Person* p : {&a, &b, &c}) keep_digest(*p, Settings{});
  EXPECT_EQ(a.digest, b.digest);
  EXPECT_NE(a.digest, c.digest);
}

TEST(IsContact, EveryKindButNoteLikeOnes) {
  Settings s = with_kinds();
  Entry e;
  for (const char* kind : {"met", "talk", "give", "ask", "got", "intro", "mentoring", "borrowed"}) {
    e.kind = kind;
    EXPECT_TRUE(is_contact(e, s)) << kind;
  }
  for (const char* kind : {"note", "private"}) {
    e.kind = kind;
    EXPECT_FALSE(is_contact(e, s)) << kind;
  }
}

}  // namespace
}  // namespace kith
