// SPDX-License-Identifier: MIT
#include "rules/report.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "model/error.h"
#include "rules/balance.h"

namespace kith {
namespace {

using Strings = std::vector<std::string>;
using Counts = std::vector<Count>;

Date day(int y, unsigned m, unsigned d) { return date::year{y} / m / d; }

Entry entry(Date when, std::string kind, std::string with = "") {
  Entry e;
  e.date = when;
  e.kind = std::move(kind);
  e.with = std::move(with);
  return e;
}

Person person(std::string slug, std::string circle, std::vector<Entry> log = {}) {
  Person p;
  p.slug = slug;
  p.name = "Name of " + slug;
  p.circle = std::move(circle);
  p.log = std::move(log);
  return p;
}

Settings settings_with_custom_kinds() {
  Settings s;
  s.kinds.push_back({"mentoring", true, 1});  // counts as giving
  s.kinds.push_back({"coffee", true, 0});     // declared, never used below
  s.kinds.push_back({"journal", false, 0});   // a private note under another name
  return s;
}

// A small network whose every figure is worked out by hand in the comments.
// Today is 2026-06-15; the default period is 2025-06-16 .. 2026-06-15.
std::vector<Person> network() {
  return {
      // Entries out of date order. In the period: talk, give, mentoring (the
      // note is not a contact). Balance: -1 (ask, 2025) +1 +1 = +1; the ask
      // came before any giving.
      person("ann", "team",
             {entry(day(2026, 3, 10), "give"), entry(day(2025, 12, 1), "talk"),
              entry(day(2026, 3, 10), "note"), entry(day(2025, 1, 5), "ask"),
              entry(day(2026, 5, 20), "mentoring")}),
      // Met, followed up exactly 2 days later, 3 contacts after: real.
      // Balance -2.
      person("bob", "community",
             {entry(day(2026, 2, 1), "met"), entry(day(2026, 2, 3), "talk"),
              entry(day(2026, 4, 1), "ask"), entry(day(2026, 4, 2), "got")}),
      // Met, next contact 3 days later: not followed up; 1 contact after:
      // not real. The journal entry is no contact.
      person("cat", "community",
             {entry(day(2026, 2, 10), "met"), entry(day(2026, 2, 11), "journal"),
              entry(day(2026, 2, 13), "talk")}),
      // The give on the first day of the period counts, the talk the day
      // before does not. Balance +2.
      person("dan", "online",
             {entry(day(2026, 6, 1), "intro", "eve"), entry(day(2025, 6, 16), "give"),
              entry(day(2025, 6, 15), "talk")}),
      // The dan intro is logged in both files (one intro), the ann intro only
      // here (one more). Gave before asking. Balance +2.
      person("eve", "online",
             {entry(day(2026, 6, 1), "intro", "dan"), entry(day(2026, 6, 10), "intro", "ann"),
              entry(day(2026, 1, 1), "ask"), entry(day(2025, 11, 1), "give")}),
      // An import in a circle kith.yaml does not define: never contacted.
      person("fay", "friends"),
      // Only a note: never contacted, not active.
      person("gus", "team", {entry(day(2026, 1, 15), "note")}),
      // Met yesterday and talked later the same day: followed up, not real.
      person("hal", "team", {entry(day(2026, 6, 14), "met"), entry(day(2026, 6, 14), "talk")}),
      // Old debts: -2 (no ask, so not "asked before giving") and -3.
      person("jo", "community", {entry(day(2024, 1, 1), "got"), entry(day(2024, 2, 1), "got")}),
      person("kim", "online",
             {entry(day(2023, 1, 1), "ask"), entry(day(2023, 2, 1), "ask"),
              entry(day(2023, 3, 1), "ask")}),
  };
}

class NetworkReport : public ::testing::Test {
 protected:
  Settings settings = settings_with_custom_kinds();
  std::vector<Person> people = network();
  Date today = day(2026, 6, 15);
  Report r = build_report(people, settings, today, last_twelve_months(today));
};

TEST_F(NetworkReport, PeriodIsTheLastTwelveMonths) {
  EXPECT_EQ(r.period.since, day(2025, 6, 16));
  EXPECT_EQ(r.period.until, day(2026, 6, 15));
  EXPECT_EQ(r.days, 365);
}

TEST_F(NetworkReport, PeopleByCircleIncludeEmptyConfiguredCirclesAndUnknownOnes) {
  EXPECT_EQ(r.people.total, 10);
  EXPECT_EQ(r.people.by_circle,
            (Counts{{"community", 3}, {"friends", 1}, {"online", 3}, {"team", 3}}));
  // ann, bob, cat, dan, eve, hal; jo and kim only before the period.
  EXPECT_EQ(r.people.active, 6);
  // fay (no log) and gus (a note only).
  EXPECT_EQ(r.people.never_contacted, 2);
}

TEST_F(NetworkReport, InteractionsCountContactsInThePeriodOnly) {
  // ann 3 + bob 4 + cat 2 + dan 2 + eve 4 + hal 2; notes and journal left out.
  EXPECT_EQ(r.interactions.total, 17);
  EXPECT_EQ(r.interactions.by_kind, (Counts{{"met", 3},
                                            {"talk", 4},
                                            {"give", 3},
                                            {"ask", 2},
                                            {"got", 1},
                                            {"intro", 3},
                                            {"mentoring", 1}}));
}

TEST_F(NetworkReport, InteractionsByMonthListEveryMonthOfThePeriodWithZeros) {
  EXPECT_EQ(r.interactions.by_month, (Counts{{"2025-06", 1},
                                             {"2025-07", 0},
                                             {"2025-08", 0},
                                             {"2025-09", 0},
                                             {"2025-10", 0},
                                             {"2025-11", 1},
                                             {"2025-12", 1},
                                             {"2026-01", 1},
                                             {"2026-02", 4},
                                             {"2026-03", 1},
                                             {"2026-04", 2},
                                             {"2026-05", 1},
                                             {"2026-06", 5}}));
}

TEST_F(NetworkReport, GivenAndReceivedCountPeriodEntriesByTheSignOfTheirBalance) {
  // ann give + mentoring, dan intro + give, eve 2 intros + give.
  EXPECT_EQ(r.balance.given, 7);
  // bob ask + got, eve ask (ann's ask is before the period).
  EXPECT_EQ(r.balance.received, 3);
  // +1 -2 +0 +2 +2 +0 +0 +0 -2 -3
  EXPECT_EQ(r.balance.overall, -2);
}

TEST_F(NetworkReport, GiveVersusAskPerMonth) {
  ASSERT_EQ(r.balance_by_month.size(), 13u);
  using M = Report::MonthBalance;
  EXPECT_EQ(r.balance_by_month[0], (M{"2025-06", 1, 0}));
  EXPECT_EQ(r.balance_by_month[1], (M{"2025-07", 0, 0}));
  EXPECT_EQ(r.balance_by_month[5], (M{"2025-11", 1, 0}));
  EXPECT_EQ(r.balance_by_month[7], (M{"2026-01", 0, 1}));
  EXPECT_EQ(r.balance_by_month[8], (M{"2026-02", 0, 0}));
  EXPECT_EQ(r.balance_by_month[9], (M{"2026-03", 1, 0}));
  EXPECT_EQ(r.balance_by_month[10], (M{"2026-04", 0, 2}));
  EXPECT_EQ(r.balance_by_month[11], (M{"2026-05", 1, 0}));
  EXPECT_EQ(r.balance_by_month[12], (M{"2026-06", 3, 0}));
}

TEST_F(NetworkReport, OwingIsWorstFirstThenBySlug) {
  using O = Report::Owing;
  EXPECT_EQ(r.balance.owing, (std::vector<O>{{"kim", "Name of kim", -3},
                                             {"bob", "Name of bob", -2},
                                             {"jo", "Name of jo", -2}}));
}

TEST_F(NetworkReport, AskedBeforeGivingIsOverAllTime) {
  // ann asked in 2025 before giving in 2026; eve gave first; jo only got.
  EXPECT_EQ(r.balance.asked_before_giving, (Strings{"ann", "bob", "kim"}));
}

TEST_F(NetworkReport, NewContactsFollowUpWindowAndBecomingReal) {
  EXPECT_EQ(r.new_contacts.met, 3);          // bob, cat, hal
  EXPECT_EQ(r.new_contacts.followed_up, 2);  // bob (2 days later), hal (same day, after)
  EXPECT_EQ(r.new_contacts.became_real, 1);  // bob
  EXPECT_EQ(r.new_contacts.goal_low, 5);
  EXPECT_EQ(r.new_contacts.goal_high, 10);
  EXPECT_EQ(r.new_contacts.verdict, Verdict::below);
}

TEST_F(NetworkReport, IntroLoggedInBothFilesCountsOnceAndOneSidedCountsToo) {
  EXPECT_EQ(r.intros, 2);
}

TEST_F(NetworkReport, OverdueFollowsTheSchedulerByCircle) {
  // ann (team 14d, last 05-20), bob (30d, last 04-02), cat (30d, last
  // 02-13), jo (2024), kim (2023); dan, eve and hal were seen recently;
  // fay and gus were never contacted, so never due.
  EXPECT_EQ(r.overdue.total, 5);
  EXPECT_EQ(r.overdue.by_circle,
            (Counts{{"community", 3}, {"friends", 0}, {"online", 1}, {"team", 1}}));
  EXPECT_EQ(r.overdue.slugs.size(), 5u);
}

TEST_F(NetworkReport, PerCircleFigures) {
  ASSERT_EQ(r.circles.size(), 4u);
  const Report::Circle& community = r.circles[0];
  EXPECT_EQ(community.circle, "community");
  EXPECT_EQ(community.people, 3);
  EXPECT_EQ(community.active, 2);
  EXPECT_EQ(community.never_contacted, 0);
  EXPECT_EQ(community.interactions, 6);
  EXPECT_EQ(community.given, 0);
  EXPECT_EQ(community.received, 2);
  EXPECT_EQ(community.overdue, 3);
  const Report::Circle& team = r.circles[3];
  EXPECT_EQ(team.circle, "team");
  EXPECT_EQ(team.people, 3);
  EXPECT_EQ(team.active, 2);
  EXPECT_EQ(team.never_contacted, 1);
  EXPECT_EQ(team.interactions, 5);
  EXPECT_EQ(team.given, 2);
}

TEST(Report, EmptyNetworkStillListsConfiguredCirclesAndEveryMonth) {
  Settings s;
  Report r = build_report({}, s, day(2026, 6, 15), {day(2026, 1, 20), day(2026, 3, 5)});
  EXPECT_EQ(r.days, 45);
  EXPECT_EQ(r.people.by_circle, (Counts{{"community", 0}, {"online", 0}, {"team", 0}}));
  EXPECT_EQ(r.interactions.by_month, (Counts{{"2026-01", 0}, {"2026-02", 0}, {"2026-03", 0}}));
  EXPECT_TRUE(r.interactions.by_kind.empty());
  EXPECT_TRUE(r.balance.owing.empty());
  EXPECT_EQ(r.overdue.total, 0);
  // 45 days of [5, 10]: 0.62 -> 1 and 1.23 -> 1.
  EXPECT_EQ(r.new_contacts.goal_low, 1);
  EXPECT_EQ(r.new_contacts.goal_high, 1);
  EXPECT_EQ(r.new_contacts.verdict, Verdict::below);
}

TEST(Report, FollowUpWindowIncludesItsLastDayOnly) {
  Settings s;
  Date met = day(2026, 3, 1);
  std::vector<Person> people{
      person("two", "team", {entry(met, "met"), entry(day(2026, 3, 3), "talk")}),
      person("three", "team", {entry(met, "met"), entry(day(2026, 3, 4), "give")}),
      person("note", "team", {entry(met, "met"), entry(day(2026, 3, 2), "note")}),
      person("alone", "team", {entry(met, "met")}),
  };
  Report r = build_report(people, s, day(2026, 6, 1), calendar_year(2026));
  EXPECT_EQ(r.new_contacts.met, 4);
  EXPECT_EQ(r.new_contacts.followed_up, 1);
}

TEST(Report, FollowUpWindowFollowsTheSettings) {
  Settings s;
  s.followup = {1, Duration::Unit::weeks};
  std::vector<Person> people{
      person("seven", "team", {entry(day(2026, 3, 1), "met"), entry(day(2026, 3, 8), "talk")}),
      person("eight", "team", {entry(day(2026, 3, 1), "met"), entry(day(2026, 3, 9), "talk")}),
  };
  Report r = build_report(people, s, day(2026, 6, 1), calendar_year(2026));
  EXPECT_EQ(r.new_contacts.followed_up, 1);
}

TEST(Report, SameDayContactFollowsUpOnlyWhenLaterInTheFile) {
  Settings s;
  Date d = day(2026, 3, 1);
  std::vector<Person> people{
      person("after", "team", {entry(d, "met"), entry(d, "talk")}),
      person("before", "team", {entry(d, "talk"), entry(d, "met")}),
      person("twice", "team", {entry(d, "met"), entry(d, "met")}),
  };
  Report r = build_report(people, s, day(2026, 6, 1), calendar_year(2026));
  // after: yes; before: no; twice: the first met is followed by the second,
  // the second by nothing.
  EXPECT_EQ(r.new_contacts.met, 4);
  EXPECT_EQ(r.new_contacts.followed_up, 2);
}

TEST(Report, BecameRealNeedsTwoContactsAfterTheMeetingUpToTodayEvenPastThePeriod) {
  Settings s;
  std::vector<Person> people{
      // Both later contacts fall after the 2025 period but before today.
      person("late", "team",
             {entry(day(2025, 12, 30), "met"), entry(day(2026, 1, 10), "talk"),
              entry(day(2026, 2, 10), "give")}),
      // Same-day contact and a note do not count; only one contact after.
      person("thin", "team",
             {entry(day(2025, 6, 1), "met"), entry(day(2025, 6, 1), "talk"),
              entry(day(2025, 7, 1), "note"), entry(day(2025, 8, 1), "talk")}),
      // A contact dated after today does not count.
      person("future", "team",
             {entry(day(2025, 6, 1), "met"), entry(day(2025, 7, 1), "talk"),
              entry(day(2026, 9, 1), "talk")}),
  };
  Report r = build_report(people, s, day(2026, 3, 1), calendar_year(2025));
  EXPECT_EQ(r.new_contacts.met, 3);
  EXPECT_EQ(r.new_contacts.became_real, 1);
}

TEST(Report, IntrosPairOffPerDateAndPair) {
  Settings s;
  std::vector<Person> people{
      person("a", "team",
             {entry(day(2026, 2, 1), "intro", "b"), entry(day(2026, 3, 1), "intro", "b"),
              entry(day(2026, 4, 1), "intro", "c")}),
      // Logs the 02-01 intro too, and a 03-02 one (a different date: another
      // intro, though it might be the same one logged late).
      person("b", "team",
             {entry(day(2026, 2, 1), "intro", "a"), entry(day(2026, 3, 2), "intro", "a")}),
      person("c", "team"),
  };
  Report r = build_report(people, s, day(2026, 6, 1), calendar_year(2026));
  // 02-01 a-b once, 03-01 a-b, 03-02 a-b, 04-01 a-c.
  EXPECT_EQ(r.intros, 4);
  EXPECT_EQ(r.interactions.by_kind, (Counts{{"intro", 5}}));
}

TEST(Report, IntrosOutsideThePeriodAreNotCounted) {
  Settings s;
  std::vector<Person> people{
      person("a", "team", {entry(day(2025, 12, 31), "intro", "b")}),
      person("b", "team", {entry(day(2026, 1, 1), "intro", "a")}),
  };
  Report r = build_report(people, s, day(2026, 6, 1), calendar_year(2026));
  EXPECT_EQ(r.intros, 1);
}

TEST(Report, VerdictAgainstTheProratedGoal) {
  Settings s;
  std::vector<Person> people;
  for (int i = 0; i < 3; ++i)
    people.push_back(person("p" + std::to_string(i), "team", {entry(day(2026, 2, 1), "met")}));
  // Six months: 181 days, [5, 10] -> [2, 5]; 3 met is within.
  Report half = build_report(people, s, day(2026, 6, 30), {day(2026, 1, 1), day(2026, 6, 30)});
  EXPECT_EQ(half.days, 181);
  EXPECT_EQ(half.new_contacts.goal_low, 2);
  EXPECT_EQ(half.new_contacts.goal_high, 5);
  EXPECT_EQ(half.new_contacts.verdict, Verdict::within);
  // A full year keeps [5, 10]: 3 is below.
  Report year = build_report(people, s, day(2026, 12, 31), calendar_year(2026));
  EXPECT_EQ(year.new_contacts.goal_low, 5);
  EXPECT_EQ(year.new_contacts.goal_high, 10);
  EXPECT_EQ(year.new_contacts.verdict, Verdict::below);
  // One month with a [1, 2] goal: [0, 0], so 3 is above.
  s.goal_low = 1;
  s.goal_high = 2;
  Report month = build_report(people, s, day(2026, 2, 28), {day(2026, 2, 1), day(2026, 2, 28)});
  EXPECT_EQ(month.new_contacts.goal_low, 0);
  EXPECT_EQ(month.new_contacts.goal_high, 0);
  EXPECT_EQ(month.new_contacts.verdict, Verdict::above);
}

// Every figure of two reports, a part at a time (a failure names the part).
void expect_same(const Report& a, const Report& b) {
  EXPECT_EQ(a.period, b.period);
  EXPECT_EQ(a.days, b.days);
  EXPECT_EQ(a.people, b.people);
  EXPECT_EQ(a.interactions, b.interactions);
  EXPECT_EQ(a.balance, b.balance);
  EXPECT_EQ(a.balance_by_month, b.balance_by_month);
  EXPECT_EQ(a.new_contacts, b.new_contacts);
  EXPECT_EQ(a.intros, b.intros);
  EXPECT_EQ(a.overdue, b.overdue);
  EXPECT_EQ(a.circles, b.circles);
}

// `report` adds people one at a time, in the order the store reads them,
// and finishes with their digests: the same report as build_report.
TEST(ReportBuilder, PeopleAddedInAnyOrderThenFinishedWithDigestsGiveTheSameReport) {
  const Settings s = settings_with_custom_kinds();
  const std::vector<Person> people = network();
  const Date today = day(2026, 6, 15);
  for (const Period& period : {last_twelve_months(today), calendar_year(2025), Period{day(2026, 2, 3), day(2026, 4, 1)}}) {
    ReportBuilder builder(today, period);
    for (auto p = people.rbegin(); p != people.rend(); ++p) builder.add(*p, s);
    std::vector<Person> digests = people;
    for (Person& p : digests) keep_digest(p, s);
    expect_same(builder.finish(digests, s, false), build_report(people, s, today, period));
  }
}

// A directory in its first year: the default period starts with the first
// entry, and its months before that are dropped (none holds an entry).
TEST(ReportBuilder, FromTheFirstEntryIsTheReportOfTheShortenedPeriod) {
  const Settings s;
  const Date today = day(2026, 6, 15);
  const std::vector<Person> people = {
      person("ann", "team", {entry(day(2026, 3, 20), "talk"), entry(day(2026, 5, 2), "give")}),
      person("bob", "team", {entry(day(2026, 2, 14), "note"), entry(day(2026, 4, 1), "met")}),
      person("cy", "online")};
  ReportBuilder builder(today, last_twelve_months(today));
  for (const Person& p : people) builder.add(p, s);
  const Report r = builder.finish(people, s, true);
  const Period shortened{day(2026, 2, 14), today, true};
  expect_same(r, build_report(people, s, today, shortened));
  EXPECT_EQ(r.interactions.by_month.front().key, "2026-02");
  EXPECT_EQ(r.balance_by_month.front().month, "2026-02");
  EXPECT_EQ(r.days, 122);
}

TEST(Period, StartAtTheFirstEntryOnlyWhenItIsInsideThePeriod) {
  const Period year{day(2025, 6, 16), day(2026, 6, 15)};
  const Period later = start_at_first_entry(year, day(2026, 2, 14));
  EXPECT_EQ(later.since, day(2026, 2, 14));
  EXPECT_EQ(later.until, year.until);
  EXPECT_TRUE(later.since_first_entry);
  for (std::optional<Date> first : {std::optional<Date>(), std::optional<Date>(day(2024, 1, 1)),
                                    std::optional<Date>(year.since), std::optional<Date>(day(2026, 7, 1))}) {
    const Period same = start_at_first_entry(year, first);
    EXPECT_EQ(same.since, year.since);
    EXPECT_FALSE(same.since_first_entry);
  }
}

TEST(ProratedGoal, ExactForAYearOfEitherLengthRoundedOtherwise) {
  EXPECT_EQ(prorated_goal(5, 10, 365), std::make_pair(5, 10));
  EXPECT_EQ(prorated_goal(5, 10, 366), std::make_pair(5, 10));
  EXPECT_EQ(prorated_goal(5, 10, 181), std::make_pair(2, 5));     // 2.48, 4.96
  EXPECT_EQ(prorated_goal(5, 10, 184), std::make_pair(3, 5));     // 2.52, 5.04
  EXPECT_EQ(prorated_goal(5, 10, 730), std::make_pair(10, 20));   // 9.99, 19.99
  EXPECT_EQ(prorated_goal(5, 10, 364), std::make_pair(5, 10));    // 4.98, 9.97
  EXPECT_EQ(prorated_goal(5, 10, 0), std::make_pair(0, 0));
}

TEST(Period, LastTwelveMonthsEndsTodayAndStartsTheDayAfterAYearAgo) {
  Period p = last_twelve_months(day(2024, 2, 29));
  EXPECT_EQ(p.since, day(2023, 3, 1));
  EXPECT_EQ(p.until, day(2024, 2, 29));
  EXPECT_EQ(period_days(p), 366);
  EXPECT_EQ(period_days(last_twelve_months(day(2026, 1, 1))), 365);
}

TEST(Period, CalendarYearRunsJanuaryFirstToDecemberThirtyFirst) {
  Period p = calendar_year(2024);
  EXPECT_EQ(p.since, day(2024, 1, 1));
  EXPECT_EQ(p.until, day(2024, 12, 31));
  EXPECT_EQ(period_days(p), 366);
  EXPECT_EQ(period_days(calendar_year(2026)), 365);
  EXPECT_THROW(calendar_year(10000), UsageError);
  EXPECT_THROW(calendar_year(-1), UsageError);
}

TEST(Period, ResolveFromTheCommandLineOptions) {
  Date today = day(2026, 6, 15);
  Period def = resolve_period(std::nullopt, std::nullopt, std::nullopt, today);
  EXPECT_EQ(def.since, day(2025, 6, 16));
  EXPECT_EQ(def.until, today);

  Period since = resolve_period(day(2026, 1, 1), std::nullopt, std::nullopt, today);
  EXPECT_EQ(since.since, day(2026, 1, 1));
  EXPECT_EQ(since.until, today);

  Period until = resolve_period(std::nullopt, day(2025, 12, 31), std::nullopt, today);
  EXPECT_EQ(until.since, day(2025, 1, 1));
  EXPECT_EQ(until.until, day(2025, 12, 31));

  Period both = resolve_period(day(2026, 2, 1), day(2026, 2, 1), std::nullopt, today);
  EXPECT_EQ(period_days(both), 1);

  Period year = resolve_period(std::nullopt, std::nullopt, 2025, today);
  EXPECT_EQ(year.since, day(2025, 1, 1));
  EXPECT_EQ(year.until, day(2025, 12, 31));
}

TEST(Period, ResolveRefusesYearWithDatesAndAnInvertedPeriod) {
  Date today = day(2026, 6, 15);
  EXPECT_THROW(resolve_period(day(2026, 1, 1), std::nullopt, 2025, today), UsageError);
  EXPECT_THROW(resolve_period(std::nullopt, day(2026, 1, 1), 2025, today), UsageError);
  EXPECT_THROW(resolve_period(day(2026, 3, 1), day(2026, 2, 1), std::nullopt, today), UsageError);
  EXPECT_THROW(resolve_period(day(2026, 7, 1), std::nullopt, std::nullopt, today), UsageError);
}

TEST(Period, AnInvertedPeriodHasNoDaysAndNoMonths) {
  Period p{day(2026, 3, 1), day(2026, 2, 1)};
  EXPECT_EQ(period_days(p), 0);
  Report r = build_report({person("a", "team", {entry(day(2026, 2, 15), "talk")})}, Settings{},
                          day(2026, 6, 1), p);
  EXPECT_TRUE(r.interactions.by_month.empty());
  EXPECT_EQ(r.interactions.total, 0);
}

TEST(Verdict, Names) {
  EXPECT_EQ(verdict_name(Verdict::below), "below");
  EXPECT_EQ(verdict_name(Verdict::within), "within");
  EXPECT_EQ(verdict_name(Verdict::above), "above");
}

}  // namespace
}  // namespace kith
