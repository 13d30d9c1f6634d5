// SPDX-License-Identifier: MIT
#include "rules/schedule.h"

#include <gtest/gtest.h>

#include "model/error.h"

namespace kith {
namespace {

Date ymd(int y, unsigned m, unsigned d) { return Date{date::year{y}, date::month{m}, date::day{d}}; }

Duration days(int n) { return {n, Duration::Unit::days}; }
Duration weeks(int n) { return {n, Duration::Unit::weeks}; }
Duration months(int n) { return {n, Duration::Unit::months}; }
Duration years(int n) { return {n, Duration::Unit::years}; }
Duration never() { return {0, Duration::Unit::never}; }

Person person(std::string slug, std::string circle = "community") {
  Person p;
  p.name = slug;
  p.slug = std::move(slug);
  p.circle = std::move(circle);
  return p;
}

Person& log(Person& p, Date d, std::string kind) {
  p.log.push_back(Entry{d, std::move(kind), "", "", static_cast<int>(p.log.size()) + 1});
  return p;
}

// The only reason of `p` due by `today`; fails the test when there is not
// exactly one.
DueItem only_reason(const Person& p, const Settings& s, Date today) {
  std::vector<DueItem> r = due_reasons(p, s, today, today);
  EXPECT_EQ(r.size(), 1u);
  return r.empty() ? DueItem{} : r.front();
}

DueQuery within(int days_ahead) {
  DueQuery q;
  q.within_days = days_ahead;
  return q;
}
DueQuery in_circle(std::string circle) {
  DueQuery q;
  q.circle = std::move(circle);
  return q;
}
DueQuery tagged(std::string tag) {
  DueQuery q;
  q.tag = std::move(tag);
  return q;
}
DueQuery limited(int limit) {
  DueQuery q;
  q.limit = limit;
  return q;
}

std::vector<std::string> slugs(const std::vector<DueItem>& items) {
  std::vector<std::string> out;
  for (const DueItem& it : items) out.push_back(it.person->slug);
  return out;
}

TEST(Schedule, ReasonNamesAreTheJsonNames) {
  EXPECT_EQ(reason_name(DueReason::cadence), "cadence");
  EXPECT_EQ(reason_name(DueReason::followup), "followup");
  EXPECT_EQ(reason_name(DueReason::next), "next");
  EXPECT_EQ(reason_name(DueReason::birthday), "birthday");
  EXPECT_EQ(reason_name(DueReason::fresh), "new");
}

TEST(Schedule, CadenceIsThePersonsEveryThenTheirCircleThenTheDefaultCircle) {
  Settings s;
  Person p = person("a", "team");
  EXPECT_EQ(cadence_of(p, s), days(14));
  p.every = weeks(3);
  EXPECT_EQ(cadence_of(p, s), weeks(3));
  Person stray = person("b", "no-such-circle");
  EXPECT_EQ(cadence_of(stray, s), days(30));  // community, the default circle
  s.default_circle = "online";
  EXPECT_EQ(cadence_of(stray, s), days(90));
}

TEST(Schedule, CadenceOfWithoutAnyUsableCircleIsAnError) {
  Settings s;
  s.default_circle = "gone";
  EXPECT_THROW(cadence_of(person("a", "nowhere"), s), Error);
}

TEST(Schedule, ThirtyDayCadenceFallsDueThirtyDaysAfterTheLastContact) {
  Settings s;
  Person p = person("a");
  log(p, ymd(2026, 1, 1), "talk");
  DueItem it = only_reason(p, s, ymd(2026, 2, 5));
  EXPECT_EQ(it.reason, DueReason::cadence);
  EXPECT_EQ(it.due, ymd(2026, 1, 31));
  EXPECT_EQ(it.overdue_days, 5);
  EXPECT_EQ(it.window_days, 30);
  EXPECT_DOUBLE_EQ(it.urgency, 5.0 / 30);
  EXPECT_EQ(it.cadence, days(30));
}

TEST(Schedule, TwoWeekCadenceIsFourteenDays) {
  Settings s;
  Person p = person("a");
  p.every = weeks(2);
  log(p, ymd(2026, 3, 1), "give");
  DueItem it = only_reason(p, s, ymd(2026, 3, 15));
  EXPECT_EQ(it.due, ymd(2026, 3, 15));
  EXPECT_EQ(it.window_days, 14);
  EXPECT_EQ(it.overdue_days, 0);
}

TEST(Schedule, OneMonthFromJanuaryThirtyFirstIsTheEndOfFebruary) {
  Settings s;
  Person p = person("a");
  p.every = months(1);
  log(p, ymd(2026, 1, 31), "talk");
  DueItem it = only_reason(p, s, ymd(2026, 3, 1));
  EXPECT_EQ(it.due, ymd(2026, 2, 28));
  EXPECT_EQ(it.window_days, 28);
  EXPECT_EQ(it.overdue_days, 1);
}

TEST(Schedule, OneMonthFromJanuaryThirtyFirstOfALeapYearIsFebruaryTwentyNinth) {
  Settings s;
  Person p = person("a");
  p.every = months(1);
  log(p, ymd(2024, 1, 31), "talk");
  DueItem it = only_reason(p, s, ymd(2024, 2, 29));
  EXPECT_EQ(it.due, ymd(2024, 2, 29));
  EXPECT_EQ(it.window_days, 29);
}

TEST(Schedule, OneYearFromFebruaryTwentyNinthIsFebruaryTwentyEighth) {
  Settings s;
  Person p = person("a");
  p.every = years(1);
  log(p, ymd(2024, 2, 29), "talk");
  DueItem it = only_reason(p, s, ymd(2025, 3, 1));
  EXPECT_EQ(it.due, ymd(2025, 2, 28));
  EXPECT_EQ(it.window_days, 365);
  EXPECT_EQ(it.overdue_days, 1);
}

TEST(Schedule, ZeroDayCadenceHasAWindowOfOneDay) {
  Settings s;
  Person p = person("a");
  p.every = days(0);
  log(p, ymd(2026, 1, 1), "talk");
  DueItem it = only_reason(p, s, ymd(2026, 1, 3));
  EXPECT_EQ(it.due, ymd(2026, 1, 1));
  EXPECT_EQ(it.window_days, 1);
  EXPECT_DOUBLE_EQ(it.urgency, 2.0);
}

TEST(Schedule, EveryNeverIsNotDueByCadence) {
  Settings s;
  Person p = person("a");
  p.every = never();
  log(p, ymd(2020, 1, 1), "talk");
  EXPECT_TRUE(schedule_of(p, s, ymd(2026, 1, 1)).empty());
}

TEST(Schedule, EveryNeverStillFallsDueOnTheBirthday) {
  Settings s;
  Person p = person("a");
  p.every = never();
  p.birthday = Birthday{1990, 5, 12};
  log(p, ymd(2020, 1, 1), "talk");
  DueItem it = only_reason(p, s, ymd(2026, 5, 12));
  EXPECT_EQ(it.reason, DueReason::birthday);
  EXPECT_EQ(it.due, ymd(2026, 5, 12));
}

TEST(Schedule, CircleWithNeverCadenceIsNotDueUnlessThePersonSetsEvery) {
  Settings s;
  s.circles["archive"] = never();
  Person p = person("a", "archive");
  log(p, ymd(2020, 1, 1), "talk");
  EXPECT_TRUE(schedule_of(p, s, ymd(2026, 1, 1)).empty());
  p.every = days(30);
  EXPECT_EQ(only_reason(p, s, ymd(2026, 1, 1)).due, ymd(2020, 1, 31));
}

TEST(Schedule, NextLaterThanTheLastContactWins) {
  Settings s;
  Person p = person("a");
  log(p, ymd(2026, 1, 1), "talk");
  p.next = ymd(2026, 3, 1);
  std::vector<DueItem> all = schedule_of(p, s, ymd(2026, 2, 15));
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].reason, DueReason::next);
  EXPECT_EQ(all[0].due, ymd(2026, 3, 1));
  EXPECT_EQ(all[0].overdue_days, -14);
  EXPECT_EQ(all[0].window_days, 1);
  // Not due yet, although the 30-day cadence alone would be.
  EXPECT_TRUE(due_reasons(p, s, ymd(2026, 2, 15), ymd(2026, 2, 15)).empty());
}

TEST(Schedule, NextOlderThanTheLastContactIsIgnored) {
  Settings s;
  Person p = person("a");
  p.next = ymd(2026, 1, 10);
  log(p, ymd(2026, 1, 20), "talk");
  DueItem it = only_reason(p, s, ymd(2026, 3, 1));
  EXPECT_EQ(it.reason, DueReason::cadence);
  EXPECT_EQ(it.due, ymd(2026, 2, 19));
}

TEST(Schedule, NextOnTheDayOfTheLastContactIsIgnored) {
  Settings s;
  Person p = person("a");
  p.next = ymd(2026, 1, 20);
  log(p, ymd(2026, 1, 20), "talk");
  EXPECT_EQ(only_reason(p, s, ymd(2026, 3, 1)).reason, DueReason::cadence);
}

TEST(Schedule, NextWithNoLogIsDueOnNext) {
  Settings s;
  Person p = person("a");
  p.next = ymd(2026, 4, 1);
  DueItem it = only_reason(p, s, ymd(2026, 4, 3));
  EXPECT_EQ(it.reason, DueReason::next);
  EXPECT_EQ(it.due, ymd(2026, 4, 1));
  EXPECT_EQ(it.overdue_days, 2);
  EXPECT_DOUBLE_EQ(it.urgency, 2.0);
  EXPECT_EQ(it.last, nullptr);
}

TEST(Schedule, NextAfterAMeetingWinsOverTheFollowUp) {
  Settings s;
  Person p = person("a");
  log(p, ymd(2026, 3, 14), "met");
  p.next = ymd(2026, 3, 28);
  EXPECT_EQ(only_reason(p, s, ymd(2026, 3, 28)).reason, DueReason::next);
}

TEST(Schedule, MeetingFallsDueAfterTheFollowUpWindow) {
  Settings s;
  Person p = person("a");
  log(p, ymd(2026, 3, 14), "met");
  DueItem it = only_reason(p, s, ymd(2026, 3, 16));
  EXPECT_EQ(it.reason, DueReason::followup);
  EXPECT_EQ(it.due, ymd(2026, 3, 16));
  EXPECT_EQ(it.window_days, 2);
  EXPECT_EQ(it.overdue_days, 0);
}

TEST(Schedule, FollowUpWindowComesFromSettings) {
  Settings s;
  s.followup = weeks(1);
  Person p = person("a");
  log(p, ymd(2026, 3, 14), "met");
  DueItem it = only_reason(p, s, ymd(2026, 3, 25));
  EXPECT_EQ(it.due, ymd(2026, 3, 21));
  EXPECT_EQ(it.window_days, 7);
  EXPECT_DOUBLE_EQ(it.urgency, 4.0 / 7);
}

TEST(Schedule, MeetingFollowedOnlyByANoteStillWantsAFollowUp) {
  Settings s;
  Person p = person("a");
  log(p, ymd(2026, 3, 14), "met");
  log(p, ymd(2026, 3, 15), "note");
  DueItem it = only_reason(p, s, ymd(2026, 3, 20));
  EXPECT_EQ(it.reason, DueReason::followup);
  EXPECT_EQ(it.due, ymd(2026, 3, 16));
  EXPECT_EQ(it.last, &p.log[0]);
}

TEST(Schedule, MeetingFollowedByATalkRunsOnTheCadence) {
  Settings s;
  Person p = person("a", "team");
  log(p, ymd(2026, 3, 14), "met");
  log(p, ymd(2026, 3, 15), "talk");
  DueItem it = only_reason(p, s, ymd(2026, 4, 1));
  EXPECT_EQ(it.reason, DueReason::cadence);
  EXPECT_EQ(it.due, ymd(2026, 3, 29));
  EXPECT_EQ(it.last, &p.log[1]);
}

TEST(Schedule, SameDayMeetingAndTalkFollowFileOrder) {
  Settings s;
  Person met_then_talk = person("a");
  log(met_then_talk, ymd(2026, 3, 14), "met");
  log(met_then_talk, ymd(2026, 3, 14), "talk");
  EXPECT_EQ(schedule_of(met_then_talk, s, ymd(2026, 3, 20))[0].reason, DueReason::cadence);

  Person talk_then_met = person("b");
  log(talk_then_met, ymd(2026, 3, 14), "talk");
  log(talk_then_met, ymd(2026, 3, 14), "met");
  EXPECT_EQ(schedule_of(talk_then_met, s, ymd(2026, 3, 20))[0].reason, DueReason::followup);
}

TEST(Schedule, LatestContactIsByDateNotByFileOrder) {
  Settings s;
  Person p = person("a");
  log(p, ymd(2026, 3, 1), "talk");
  log(p, ymd(2026, 1, 1), "met");
  DueItem it = only_reason(p, s, ymd(2026, 4, 1));
  EXPECT_EQ(it.reason, DueReason::cadence);
  EXPECT_EQ(it.due, ymd(2026, 3, 31));
}

TEST(Schedule, MeetingLongAgoWithoutFollowUpIsVeryUrgent) {
  Settings s;
  Person forgotten = person("forgotten");
  log(forgotten, ymd(2025, 1, 1), "met");
  Person late = person("late");
  log(late, ymd(2025, 1, 1), "talk");
  const Date today = ymd(2026, 1, 1);
  DueItem it = only_reason(forgotten, s, today);
  EXPECT_EQ(it.reason, DueReason::followup);
  EXPECT_EQ(it.overdue_days, 363);
  EXPECT_DOUBLE_EQ(it.urgency, 181.5);
  std::vector<Person> people{late, forgotten};
  EXPECT_EQ(slugs(due_list(people, s, today, {})), (std::vector<std::string>{"forgotten", "late"}));
}

TEST(Schedule, NoContactAtAllIsNeverDue) {
  Settings s;
  Person imported = person("a");
  EXPECT_TRUE(schedule_of(imported, s, ymd(2026, 1, 1)).empty());
  log(imported, ymd(2020, 1, 1), "note");
  EXPECT_TRUE(schedule_of(imported, s, ymd(2026, 1, 1)).empty());
}

TEST(Schedule, CustomKindThatIsNotAContactDoesNotResetTheCadence) {
  Settings s;
  s.kinds.push_back(KindInfo{"thought", false, 0});
  s.kinds.push_back(KindInfo{"coffee", true, 0});
  Person p = person("a");
  log(p, ymd(2026, 1, 1), "talk");
  log(p, ymd(2026, 1, 25), "thought");
  EXPECT_EQ(only_reason(p, s, ymd(2026, 2, 1)).due, ymd(2026, 1, 31));
  log(p, ymd(2026, 1, 26), "coffee");
  EXPECT_EQ(schedule_of(p, s, ymd(2026, 2, 1))[0].due, ymd(2026, 2, 25));
}

TEST(Schedule, CustomNonContactKindAfterAMeetingKeepsTheFollowUp) {
  Settings s;
  s.kinds.push_back(KindInfo{"thought", false, 0});
  Person p = person("a");
  log(p, ymd(2026, 3, 14), "met");
  log(p, ymd(2026, 3, 15), "thought");
  EXPECT_EQ(only_reason(p, s, ymd(2026, 3, 16)).reason, DueReason::followup);
}

TEST(Schedule, BirthdayWithoutYearIsDueOnTheDay) {
  Settings s;
  Person p = person("a");
  p.birthday = Birthday{std::nullopt, 5, 12};
  DueItem it = only_reason(p, s, ymd(2026, 5, 12));
  EXPECT_EQ(it.reason, DueReason::birthday);
  EXPECT_EQ(it.due, ymd(2026, 5, 12));
  EXPECT_EQ(it.overdue_days, 0);
  EXPECT_EQ(it.window_days, 1);
  EXPECT_TRUE(due_reasons(p, s, ymd(2026, 5, 11), ymd(2026, 5, 11)).empty());
}

TEST(Schedule, BirthdayStaysDueForAWeekUntilAContactOnOrAfterIt) {
  Settings s;
  Person p = person("a");
  p.birthday = Birthday{1990, 5, 12};
  DueItem yesterday = only_reason(p, s, ymd(2026, 5, 13));
  EXPECT_EQ(yesterday.reason, DueReason::birthday);
  EXPECT_EQ(yesterday.due, ymd(2026, 5, 12));
  EXPECT_EQ(yesterday.overdue_days, 1);
  EXPECT_EQ(only_reason(p, s, ymd(2026, 5, 18)).overdue_days, 6);
  // Seven days on, it is next year's.
  EXPECT_TRUE(due_reasons(p, s, ymd(2026, 5, 19), ymd(2026, 5, 19)).empty());
  EXPECT_EQ(schedule_of(p, s, ymd(2026, 5, 19))[0].due, ymd(2027, 5, 12));
  // A contact before the birthday does not count; one on the day does.
  log(p, ymd(2026, 5, 11), "talk");
  EXPECT_EQ(due_reasons(p, s, ymd(2026, 5, 13), ymd(2026, 5, 13)).back().due, ymd(2026, 5, 12));
  log(p, ymd(2026, 5, 12), "talk");
  for (const DueItem& it : schedule_of(p, s, ymd(2026, 5, 13))) {
    if (it.reason == DueReason::birthday) {
      EXPECT_EQ(it.due, ymd(2027, 5, 12));
    }
  }
}

TEST(Schedule, AddedButNeverContactedIsDueAfterTheCadence) {
  Settings s;
  Person p = person("a", "team");
  p.added = ymd(2026, 3, 1);
  EXPECT_TRUE(due_reasons(p, s, ymd(2026, 3, 14), ymd(2026, 3, 14)).empty());
  DueItem it = only_reason(p, s, ymd(2026, 3, 22));
  EXPECT_EQ(it.reason, DueReason::fresh);
  EXPECT_EQ(reason_name(it.reason), "new");
  EXPECT_EQ(it.due, ymd(2026, 3, 15));
  EXPECT_EQ(it.window_days, 14);
  EXPECT_EQ(it.overdue_days, 7);
  EXPECT_DOUBLE_EQ(it.urgency, 0.5);
  // A note is not a contact; a talk is, and the cadence takes over.
  log(p, ymd(2026, 3, 20), "note");
  EXPECT_EQ(only_reason(p, s, ymd(2026, 3, 22)).reason, DueReason::fresh);
  log(p, ymd(2026, 3, 21), "talk");
  EXPECT_TRUE(due_reasons(p, s, ymd(2026, 3, 22), ymd(2026, 3, 22)).empty());
  // `never` is never due by rule 5 either.
  Person never_due = person("b");
  never_due.added = ymd(2020, 1, 1);
  never_due.every = never();
  EXPECT_TRUE(schedule_of(never_due, s, ymd(2026, 1, 1)).empty());
}

TEST(Schedule, OtherReasonsOfAListedPersonAreKeptInAlso) {
  Settings s;
  Person p = person("a", "team");
  log(p, ymd(2026, 1, 1), "talk");
  p.birthday = Birthday{std::nullopt, 3, 1};
  std::vector<Person> people{p};
  std::vector<DueItem> list = due_list(people, s, ymd(2026, 3, 1), {});
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].reason, DueReason::cadence);
  ASSERT_EQ(list[0].also.size(), 1u);
  EXPECT_EQ(list[0].also[0].reason, DueReason::birthday);
  EXPECT_EQ(list[0].also[0].due, ymd(2026, 3, 1));
}

TEST(Schedule, FebruaryTwentyNinthBirthdayIsDueOnTheTwentyEighthInACommonYear) {
  Settings s;
  Person p = person("a");
  p.birthday = Birthday{std::nullopt, 2, 29};
  EXPECT_EQ(only_reason(p, s, ymd(2026, 2, 28)).due, ymd(2026, 2, 28));
  EXPECT_EQ(only_reason(p, s, ymd(2028, 2, 29)).due, ymd(2028, 2, 29));
  EXPECT_TRUE(due_reasons(p, s, ymd(2028, 2, 28), ymd(2028, 2, 28)).empty());
}

TEST(Schedule, WithinShowsWhatFallsDueUpToTheHorizonInclusive) {
  Settings s;
  Person p = person("a");
  log(p, ymd(2026, 1, 1), "talk");  // due 2026-01-31
  const Date today = ymd(2026, 1, 26);
  std::vector<Person> people{p};
  EXPECT_TRUE(due_list(people, s, today, within(4)).empty());
  std::vector<DueItem> five = due_list(people, s, today, within(5));
  ASSERT_EQ(five.size(), 1u);
  EXPECT_EQ(five[0].overdue_days, -5);
  EXPECT_DOUBLE_EQ(five[0].urgency, -5.0 / 30);
}

TEST(Schedule, DueTodayIsDueNow) {
  Settings s;
  Person p = person("a");
  log(p, ymd(2026, 1, 1), "talk");
  std::vector<Person> people{p};
  EXPECT_TRUE(due_list(people, s, ymd(2026, 1, 30), {}).empty());
  EXPECT_EQ(due_list(people, s, ymd(2026, 1, 31), {}).size(), 1u);
}

TEST(Schedule, ListIsOrderedByUrgencyNotByDaysOverdue) {
  Settings s;
  const Date today = ymd(2026, 6, 1);
  Person team = person("team-mate", "team");  // 7 days over a 14-day cadence: 0.5
  log(team, add_days(today, -21), "talk");
  Person online = person("online-friend", "online");  // 20 days over 90: 0.22
  log(online, add_days(today, -110), "talk");
  Person fresh = person("fresh");  // 2 days over a 2-day follow-up: 1.0
  log(fresh, add_days(today, -4), "met");
  std::vector<Person> people{online, team, fresh};
  EXPECT_EQ(slugs(due_list(people, s, today, {})),
            (std::vector<std::string>{"fresh", "team-mate", "online-friend"}));
}

TEST(Schedule, EqualUrgencyPutsTheEarlierDueDateFirst) {
  Settings s;
  const Date today = ymd(2026, 6, 1);
  Person a = person("a");  // 10 of 30 days over: 1/3, due 10 days ago
  a.every = days(30);
  log(a, add_days(today, -40), "talk");
  Person b = person("b");  // 1 of 3 days over: 1/3, due yesterday
  b.every = days(3);
  log(b, add_days(today, -4), "talk");
  std::vector<Person> people{b, a};
  std::vector<DueItem> list = due_list(people, s, today, {});
  ASSERT_EQ(list.size(), 2u);
  EXPECT_FALSE(more_urgent(list[0], list[1]));
  EXPECT_FALSE(more_urgent(list[1], list[0]));
  EXPECT_EQ(slugs(list), (std::vector<std::string>{"a", "b"}));
}

TEST(Schedule, EqualUrgencyAndDueDatePutsSlugsInOrder) {
  Settings s;
  const Date today = ymd(2026, 6, 1);
  std::vector<Person> people;
  for (const char* slug : {"zoe", "adam", "marc"}) {
    Person p = person(slug);
    log(p, add_days(today, -35), "talk");
    people.push_back(p);
  }
  EXPECT_EQ(slugs(due_list(people, s, today, {})),
            (std::vector<std::string>{"adam", "marc", "zoe"}));
}

TEST(Schedule, UpcomingItemsWithinTheHorizonAreOrderedByUrgencyToo) {
  Settings s;
  const Date today = ymd(2026, 6, 1);
  Person soon = person("soon");  // next tomorrow: -1 / 1
  soon.next = add_days(today, 1);
  Person later = person("later");  // cadence due in 6 days of 30: -0.2
  log(later, add_days(today, -24), "talk");
  std::vector<Person> people{soon, later};
  EXPECT_EQ(slugs(due_list(people, s, today, within(7))),
            (std::vector<std::string>{"later", "soon"}));
}

TEST(Schedule, PersonWithTwoReasonsIsListedOnceByTheMostUrgent) {
  Settings s;
  const Date today = ymd(2026, 5, 12);
  Person p = person("a");
  p.birthday = Birthday{std::nullopt, 5, 12};
  log(p, ymd(2026, 3, 1), "talk");  // cadence due 2026-03-31: 42 / 30
  std::vector<DueItem> reasons = due_reasons(p, s, today, today);
  ASSERT_EQ(reasons.size(), 2u);
  EXPECT_EQ(reasons[0].reason, DueReason::cadence);
  EXPECT_EQ(reasons[1].reason, DueReason::birthday);
  std::vector<Person> people{p};
  std::vector<DueItem> list = due_list(people, s, today, {});
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].reason, DueReason::cadence);
}

TEST(Schedule, MoreUrgentBirthdayBeatsAFreshCadence) {
  Settings s;
  const Date today = ymd(2026, 5, 12);
  Person p = person("a");
  p.birthday = Birthday{std::nullopt, 5, 12};
  log(p, ymd(2026, 5, 10), "talk");  // cadence due in 28 days
  std::vector<Person> people{p};
  std::vector<DueItem> list = due_list(people, s, today, within(30));
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].reason, DueReason::birthday);
}

TEST(Schedule, EqualUrgencyReasonsPreferNextThenFollowUpThenCadenceThenBirthday) {
  Settings s;
  const Date today = ymd(2026, 5, 12);
  Person by_next = person("a");
  by_next.next = today;
  by_next.birthday = Birthday{std::nullopt, 5, 12};
  EXPECT_EQ(most_urgent(due_reasons(by_next, s, today, today))->reason, DueReason::next);

  Person by_followup = person("b");
  log(by_followup, ymd(2026, 5, 10), "met");
  by_followup.birthday = Birthday{std::nullopt, 5, 12};
  EXPECT_EQ(most_urgent(due_reasons(by_followup, s, today, today))->reason, DueReason::followup);

  Person by_cadence = person("c");
  log(by_cadence, ymd(2026, 4, 12), "talk");
  by_cadence.birthday = Birthday{std::nullopt, 5, 12};
  EXPECT_EQ(most_urgent(due_reasons(by_cadence, s, today, today))->reason, DueReason::cadence);

  EXPECT_FALSE(most_urgent({}).has_value());
}

TEST(Schedule, CircleFilterKeepsOnlyThatCircle) {
  Settings s;
  const Date today = ymd(2026, 6, 1);
  Person a = person("a", "team");
  log(a, ymd(2025, 1, 1), "talk");
  Person b = person("b", "online");
  log(b, ymd(2025, 1, 1), "talk");
  std::vector<Person> people{a, b};
  EXPECT_EQ(slugs(due_list(people, s, today, in_circle("online"))), std::vector<std::string>{"b"});
  EXPECT_EQ(due_list(people, s, today, {}).size(), 2u);
}

TEST(Schedule, TagFilterIgnoresCaseAndAccents) {
  Settings s;
  const Date today = ymd(2026, 6, 1);
  Person a = person("a");
  a.tags = {"devops", "Créteil"};
  log(a, ymd(2025, 1, 1), "talk");
  Person b = person("b");
  b.tags = {"lyon"};
  log(b, ymd(2025, 1, 1), "talk");
  std::vector<Person> people{a, b};
  EXPECT_EQ(slugs(due_list(people, s, today, tagged("CRETEIL"))), std::vector<std::string>{"a"});
  EXPECT_EQ(slugs(due_list(people, s, today, tagged("Lyón"))), std::vector<std::string>{"b"});
  EXPECT_TRUE(due_list(people, s, today, tagged("paris")).empty());
}

TEST(Schedule, LimitKeepsTheMostUrgent) {
  Settings s;
  const Date today = ymd(2026, 6, 1);
  std::vector<Person> people;
  for (int i = 0; i < 4; ++i) {
    Person p = person(std::string(1, static_cast<char>('a' + i)));
    log(p, add_days(today, -31 - 10 * i), "talk");  // d is the most overdue
    people.push_back(p);
  }
  EXPECT_EQ(slugs(due_list(people, s, today, limited(2))), (std::vector<std::string>{"d", "c"}));
  EXPECT_EQ(due_list(people, s, today, limited(0)).size(), 4u);
  EXPECT_EQ(due_list(people, s, today, limited(9)).size(), 4u);
}

TEST(Schedule, PersonsEveryOverridesTheCircleInTheList) {
  Settings s;
  const Date today = ymd(2026, 6, 1);
  Person p = person("a", "online");  // 90 days by circle: not due
  log(p, add_days(today, -20), "talk");
  std::vector<Person> people{p};
  EXPECT_TRUE(due_list(people, s, today, {}).empty());
  people[0].every = weeks(2);
  std::vector<DueItem> list = due_list(people, s, today, {});
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].window_days, 14);
  EXPECT_EQ(list[0].overdue_days, 6);
}

TEST(Schedule, UnknownCircleRunsOnTheDefaultCirclesCadence) {
  Settings s;
  s.default_circle = "team";
  Person p = person("a", "old-job");
  log(p, ymd(2026, 1, 1), "talk");
  DueItem it = only_reason(p, s, ymd(2026, 1, 20));
  EXPECT_EQ(it.due, ymd(2026, 1, 15));
  EXPECT_EQ(it.cadence, days(14));
}

TEST(Schedule, ItemCarriesTheLastContactAndTheBalance) {
  Settings s;
  Person p = person("a");
  log(p, ymd(2026, 1, 1), "give");
  log(p, ymd(2026, 1, 5), "give");
  log(p, ymd(2026, 1, 9), "ask");
  log(p, ymd(2026, 1, 20), "note");
  std::vector<Person> people{p};
  std::vector<DueItem> list = due_list(people, s, ymd(2026, 3, 1), {});
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].person, &people[0]);
  EXPECT_EQ(list[0].last, &people[0].log[2]);
  EXPECT_EQ(list[0].balance, 1);
  EXPECT_EQ(list[0].due, ymd(2026, 2, 8));
}

TEST(Schedule, NothingDueGivesAnEmptyList) {
  Settings s;
  EXPECT_TRUE(due_list({}, s, ymd(2026, 1, 1), {}).empty());
}

}  // namespace
}  // namespace kith
