// SPDX-License-Identifier: MIT
#include "model/dates.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace kith {
namespace {

Date ymd(int y, unsigned m, unsigned d) { return Date{date::year{y}, date::month{m}, date::day{d}}; }

Duration days(int n) { return {n, Duration::Unit::days}; }
Duration weeks(int n) { return {n, Duration::Unit::weeks}; }
Duration months(int n) { return {n, Duration::Unit::months}; }
Duration years(int n) { return {n, Duration::Unit::years}; }
const Duration kNever{0, Duration::Unit::never};

// A Monday, so weekday arithmetic is easy to check by hand.
const Date kMonday = ymd(2026, 3, 16);

TEST(DatesIso, ParsesAValidDate) {
  EXPECT_EQ(parse_iso_date("2026-03-14"), ymd(2026, 3, 14));
  EXPECT_EQ(parse_iso_date("0001-01-01"), ymd(1, 1, 1));
  EXPECT_EQ(parse_iso_date("9999-12-31"), ymd(9999, 12, 31));
}

TEST(DatesIso, AcceptsFeb29OnlyInLeapYears) {
  EXPECT_EQ(parse_iso_date("2024-02-29"), ymd(2024, 2, 29));
  EXPECT_EQ(parse_iso_date("2000-02-29"), ymd(2000, 2, 29));  // divisible by 400
  EXPECT_FALSE(parse_iso_date("2025-02-29"));
  EXPECT_FALSE(parse_iso_date("1900-02-29"));  // divisible by 100, not 400
}

TEST(DatesIso, RejectsDaysThatDoNotExist) {
  EXPECT_FALSE(parse_iso_date("2026-13-01"));
  EXPECT_FALSE(parse_iso_date("2026-00-10"));
  EXPECT_FALSE(parse_iso_date("2026-02-30"));
  EXPECT_FALSE(parse_iso_date("2026-04-31"));
  EXPECT_FALSE(parse_iso_date("2026-01-32"));
  EXPECT_FALSE(parse_iso_date("2026-01-00"));
  EXPECT_TRUE(parse_iso_date("2026-01-31"));
  EXPECT_TRUE(parse_iso_date("2026-04-30"));
}

TEST(DatesIso, RejectsAnythingButTheExactForm) {
  for (const char* bad : {"", "2026-3-14", "2026-03-4", "26-03-14", "20260-03-14", "2026/03/14",
                          "2026-03-14 ", " 2026-03-14", "2026-03-14x", "2026-03-14T10:00", "+026-03-14",
                          "2026-+3-14", "2026--3-14", "２０２６-03-14", "today", "20260314"}) {
    EXPECT_FALSE(parse_iso_date(bad)) << '"' << bad << '"';
  }
}

TEST(DatesIso, FormatsWithZeroPadding) {
  EXPECT_EQ(format_date(ymd(2026, 3, 4)), "2026-03-04");
  EXPECT_EQ(format_date(ymd(987, 12, 31)), "0987-12-31");
  // Written by hand for years 0 to 9999, by fmt beyond.
  EXPECT_EQ(format_date(ymd(0, 1, 1)), "0000-01-01");
  EXPECT_EQ(format_date(ymd(9999, 10, 20)), "9999-10-20");
  EXPECT_EQ(format_date(ymd(10000, 1, 2)), "10000-01-02");
  EXPECT_EQ(format_date(ymd(-1, 1, 2)), "-001-01-02");
}

TEST(DatesIso, FormatAndParseRoundTrip) {
  for (const char* text : {"2026-01-01", "2024-02-29", "1999-12-31", "0042-07-09"}) {
    auto d = parse_iso_date(text);
    ASSERT_TRUE(d) << text;
    EXPECT_EQ(format_date(*d), text);
  }
}

TEST(DatesArithmetic, DaysBetweenIsSignedAndCrossesLeapDays) {
  EXPECT_EQ(days_between(ymd(2026, 3, 14), ymd(2026, 3, 14)), 0);
  EXPECT_EQ(days_between(ymd(2026, 3, 14), ymd(2026, 3, 20)), 6);
  EXPECT_EQ(days_between(ymd(2026, 3, 20), ymd(2026, 3, 14)), -6);
  EXPECT_EQ(days_between(ymd(2024, 2, 28), ymd(2024, 3, 1)), 2);
  EXPECT_EQ(days_between(ymd(2025, 2, 28), ymd(2025, 3, 1)), 1);
  EXPECT_EQ(days_between(ymd(2024, 1, 1), ymd(2025, 1, 1)), 366);
}

TEST(DatesArithmetic, AddDaysCrossesMonthAndYearEnds) {
  EXPECT_EQ(add_days(ymd(2026, 12, 31), 1), ymd(2027, 1, 1));
  EXPECT_EQ(add_days(ymd(2026, 1, 1), -1), ymd(2025, 12, 31));
  EXPECT_EQ(add_days(ymd(2024, 2, 28), 1), ymd(2024, 2, 29));
  EXPECT_EQ(add_days(ymd(2025, 2, 28), 1), ymd(2025, 3, 1));
}

TEST(DatesArithmetic, ResultsStayInsideWhatYyyyMmDdCanWrite) {
  EXPECT_EQ(add_days(ymd(9999, 12, 30), 5), ymd(9999, 12, 31));
  EXPECT_EQ(add_days(ymd(1, 1, 1), -1000), ymd(0, 1, 1));
  EXPECT_EQ(add(ymd(2026, 3, 14), years(99999)), ymd(9999, 12, 31));
  EXPECT_EQ(add(ymd(2026, 3, 14), months(9999)), ymd(2859, 6, 14));  // 833y 3m: not clamped
  EXPECT_EQ(add(ymd(2026, 3, 14), months(99999)), ymd(9999, 12, 31));
  EXPECT_EQ(subtract(ymd(2026, 3, 14), years(99999)), ymd(0, 1, 1));
  EXPECT_EQ(format_date(add(ymd(2026, 3, 14), years(99999))), "9999-12-31");
}

TEST(DatesDuration, ParsesEveryUnit) {
  EXPECT_EQ(parse_duration("30d"), days(30));
  EXPECT_EQ(parse_duration("2w"), weeks(2));
  EXPECT_EQ(parse_duration("3m"), months(3));
  EXPECT_EQ(parse_duration("1y"), years(1));
  EXPECT_EQ(parse_duration("0d"), days(0));
  EXPECT_EQ(parse_duration("99999d"), days(99999));
  EXPECT_EQ(parse_duration("007w"), weeks(7));
}

TEST(DatesDuration, ParsesNever) {
  auto d = parse_duration("never");
  ASSERT_TRUE(d);
  EXPECT_TRUE(d->is_never());
  EXPECT_FALSE(parse_duration("30d")->is_never());
}

TEST(DatesDuration, RejectsAnythingButTheExactForm) {
  for (const char* bad : {"", "d", "-3d", "+3d", "3x", "3 d", " 3d", "3d ", "3D", "3", "100000d", "3dd",
                          "3.5d", "Never", "nevermore", "3days", "1e3d", "d3"}) {
    EXPECT_FALSE(parse_duration(bad)) << '"' << bad << '"';
  }
}

TEST(DatesDuration, FormatsBackToTheSameText) {
  for (const char* text : {"30d", "2w", "3m", "1y", "0d", "99999y", "never"}) {
    auto d = parse_duration(text);
    ASSERT_TRUE(d) << text;
    EXPECT_EQ(format_duration(*d), text);
  }
}

TEST(DatesAdd, DaysAndWeeks) {
  EXPECT_EQ(add(ymd(2026, 3, 14), days(30)), ymd(2026, 4, 13));
  EXPECT_EQ(add(ymd(2026, 3, 14), weeks(2)), ymd(2026, 3, 28));
  EXPECT_EQ(add(ymd(2026, 3, 14), days(0)), ymd(2026, 3, 14));
  EXPECT_EQ(subtract(ymd(2026, 3, 14), weeks(3)), ymd(2026, 2, 21));
}

TEST(DatesAdd, MonthsKeepTheDayOfMonth) {
  EXPECT_EQ(add(ymd(2026, 3, 14), months(1)), ymd(2026, 4, 14));
  EXPECT_EQ(add(ymd(2026, 11, 30), months(3)), ymd(2027, 2, 28));
  EXPECT_EQ(add(ymd(2026, 10, 15), months(14)), ymd(2027, 12, 15));
  EXPECT_EQ(add(ymd(2026, 12, 1), months(1)), ymd(2027, 1, 1));
}

TEST(DatesAdd, MonthsClampToTheEndOfAShorterMonth) {
  EXPECT_EQ(add(ymd(2026, 1, 31), months(1)), ymd(2026, 2, 28));
  EXPECT_EQ(add(ymd(2024, 1, 31), months(1)), ymd(2024, 2, 29));
  EXPECT_EQ(add(ymd(2026, 3, 31), months(1)), ymd(2026, 4, 30));
  EXPECT_EQ(add(ymd(2026, 1, 31), months(2)), ymd(2026, 3, 31));  // not Feb 28 + 1m
}

TEST(DatesAdd, YearsClampFeb29) {
  EXPECT_EQ(add(ymd(2024, 2, 29), years(1)), ymd(2025, 2, 28));
  EXPECT_EQ(add(ymd(2024, 2, 29), years(4)), ymd(2028, 2, 29));
  EXPECT_EQ(add(ymd(2026, 3, 14), years(1)), ymd(2027, 3, 14));
}

TEST(DatesSubtract, MonthsAndYearsClampLikeAdd) {
  EXPECT_EQ(subtract(ymd(2026, 3, 31), months(1)), ymd(2026, 2, 28));
  EXPECT_EQ(subtract(ymd(2024, 3, 31), months(1)), ymd(2024, 2, 29));
  EXPECT_EQ(subtract(ymd(2026, 1, 15), months(1)), ymd(2025, 12, 15));
  EXPECT_EQ(subtract(ymd(2026, 3, 14), months(15)), ymd(2024, 12, 14));
  EXPECT_EQ(subtract(ymd(2024, 2, 29), years(1)), ymd(2023, 2, 28));
  EXPECT_EQ(subtract(ymd(2028, 2, 29), years(4)), ymd(2024, 2, 29));
}

TEST(DatesAdd, NeverIsRefused) {
  EXPECT_THROW(add(ymd(2026, 3, 14), kNever), std::invalid_argument);
  EXPECT_THROW(subtract(ymd(2026, 3, 14), kNever), std::invalid_argument);
}

TEST(DatesPast, TheFixtureTodayIsAMonday) {
  EXPECT_EQ(date::weekday{date::sys_days{kMonday}}, date::Monday);
}

TEST(DatesPast, IsoTodayAndYesterday) {
  EXPECT_EQ(parse_past_date("2026-03-01", kMonday), ymd(2026, 3, 1));
  EXPECT_EQ(parse_past_date("today", kMonday), kMonday);
  EXPECT_EQ(parse_past_date("yesterday", kMonday), ymd(2026, 3, 15));
  EXPECT_EQ(parse_past_date("yesterday", ymd(2026, 1, 1)), ymd(2025, 12, 31));
}

TEST(DatesPast, ShortAgoFormsWithAndWithoutSpace) {
  EXPECT_EQ(parse_past_date("3d ago", kMonday), ymd(2026, 3, 13));
  EXPECT_EQ(parse_past_date("3dago", kMonday), ymd(2026, 3, 13));
  EXPECT_EQ(parse_past_date("2w ago", kMonday), ymd(2026, 3, 2));
  EXPECT_EQ(parse_past_date("1m ago", kMonday), ymd(2026, 2, 16));
  EXPECT_EQ(parse_past_date("1y ago", kMonday), ymd(2025, 3, 16));
  EXPECT_EQ(parse_past_date("0d ago", kMonday), kMonday);
}

TEST(DatesPast, LongAgoForms) {
  EXPECT_EQ(parse_past_date("3 days ago", kMonday), ymd(2026, 3, 13));
  EXPECT_EQ(parse_past_date("1 day ago", kMonday), ymd(2026, 3, 15));
  EXPECT_EQ(parse_past_date("2 weeks ago", kMonday), ymd(2026, 3, 2));
  EXPECT_EQ(parse_past_date("1 month ago", kMonday), ymd(2026, 2, 16));
  EXPECT_EQ(parse_past_date("2 years ago", kMonday), ymd(2024, 3, 16));
  EXPECT_EQ(parse_past_date("3 d ago", kMonday), ymd(2026, 3, 13));
}

TEST(DatesPast, AgoMonthsClampAtMonthEnds) {
  EXPECT_EQ(parse_past_date("1m ago", ymd(2026, 3, 31)), ymd(2026, 2, 28));
  EXPECT_EQ(parse_past_date("1y ago", ymd(2025, 2, 28)), ymd(2024, 2, 28));
}

TEST(DatesPast, IsCaseInsensitiveAndTrimsWhitespace) {
  EXPECT_EQ(parse_past_date("  Today ", kMonday), kMonday);
  EXPECT_EQ(parse_past_date("YESTERDAY", kMonday), ymd(2026, 3, 15));
  EXPECT_EQ(parse_past_date("\t3D AGO\n", kMonday), ymd(2026, 3, 13));
  EXPECT_EQ(parse_past_date("Friday", kMonday), ymd(2026, 3, 13));
  EXPECT_EQ(parse_past_date(" 2026-03-01 ", kMonday), ymd(2026, 3, 1));
}

TEST(DatesPast, WeekdayIsTheLatestOneStrictlyBeforeToday) {
  EXPECT_EQ(parse_past_date("sunday", kMonday), ymd(2026, 3, 15));
  EXPECT_EQ(parse_past_date("saturday", kMonday), ymd(2026, 3, 14));
  EXPECT_EQ(parse_past_date("friday", kMonday), ymd(2026, 3, 13));
  EXPECT_EQ(parse_past_date("thursday", kMonday), ymd(2026, 3, 12));
  EXPECT_EQ(parse_past_date("wednesday", kMonday), ymd(2026, 3, 11));
  EXPECT_EQ(parse_past_date("tuesday", kMonday), ymd(2026, 3, 10));
  EXPECT_EQ(parse_past_date("monday", kMonday), ymd(2026, 3, 9));  // today is Monday: a week ago
}

TEST(DatesPast, WeekdayAbbreviations) {
  EXPECT_EQ(parse_past_date("mon", kMonday), ymd(2026, 3, 9));
  EXPECT_EQ(parse_past_date("tue", kMonday), ymd(2026, 3, 10));
  EXPECT_EQ(parse_past_date("wed", kMonday), ymd(2026, 3, 11));
  EXPECT_EQ(parse_past_date("thu", kMonday), ymd(2026, 3, 12));
  EXPECT_EQ(parse_past_date("fri", kMonday), ymd(2026, 3, 13));
  EXPECT_EQ(parse_past_date("sat", kMonday), ymd(2026, 3, 14));
  EXPECT_EQ(parse_past_date("sun", kMonday), ymd(2026, 3, 15));
}

TEST(DatesPast, WeekdayCrossesAYearBoundary) {
  // 2026-01-01 is a Thursday.
  EXPECT_EQ(parse_past_date("wednesday", ymd(2026, 1, 1)), ymd(2025, 12, 31));
  EXPECT_EQ(parse_past_date("friday", ymd(2026, 1, 1)), ymd(2025, 12, 26));
}

TEST(DatesPast, DoesNotItselfRefuseFutureDates) {
  EXPECT_EQ(parse_past_date("2099-01-01", kMonday), ymd(2099, 1, 1));
}

TEST(DatesPast, RejectsWhatItDoesNotKnow) {
  for (const char* bad : {"", "   ", "tomorrow", "3d", "+3d", "ago", "d ago", "-3d ago", "3x ago", "3 ago",
                          "3d ago ago", "3d from now", "100000d ago", "2026-02-30", "mo", "mond", "monday!",
                          "last", "in 3 days", "3.5d ago", "yesterday2"}) {
    EXPECT_FALSE(parse_past_date(bad, kMonday)) << '"' << bad << '"';
  }
}

TEST(DatesPast, LastWeekdayIsTheWeekday) {
  EXPECT_EQ(parse_past_date("last monday", kMonday), ymd(2026, 3, 9));
  EXPECT_EQ(parse_past_date("Last  Fri", kMonday), ymd(2026, 3, 13));
  EXPECT_FALSE(parse_past_date("last", kMonday));
  EXPECT_FALSE(parse_past_date("last week", kMonday));
}

TEST(DatesPast, MonthAndDayIsTheLatestOnOrBeforeToday) {
  EXPECT_EQ(parse_past_date("Dec 7", kMonday), ymd(2025, 12, 7));
  EXPECT_EQ(parse_past_date("7 dec", kMonday), ymd(2025, 12, 7));
  EXPECT_EQ(parse_past_date("march 16", kMonday), ymd(2026, 3, 16));  // today
  EXPECT_EQ(parse_past_date("16 Mar", kMonday), ymd(2026, 3, 16));
  EXPECT_EQ(parse_past_date("sept 1", kMonday), ymd(2025, 9, 1));
  EXPECT_EQ(parse_past_date("feb 29", kMonday), ymd(2024, 2, 29));  // back to a leap year
  EXPECT_FALSE(parse_past_date("feb 30", kMonday));
  EXPECT_FALSE(parse_past_date("dec 123", kMonday));
  EXPECT_FALSE(parse_past_date("dec", kMonday));
  EXPECT_FALSE(parse_past_date("7 7", kMonday));
}

TEST(DatesWhen, MonthDayIsTheNextAfterTodayAndNextWeekdayTheWeekday) {
  EXPECT_EQ(parse_when("dec 7", kMonday, kMonday), ymd(2026, 12, 7));
  EXPECT_EQ(parse_when("mar 16", kMonday, kMonday), ymd(2027, 3, 16));
  EXPECT_EQ(parse_when("next friday", kMonday, kMonday), ymd(2026, 3, 20));
}

TEST(DatesSpan, AcceptsLongUnitsSpacesAndAnyCase) {
  EXPECT_EQ(parse_span("2weeks"), weeks(2));
  EXPECT_EQ(parse_span("1 week"), weeks(1));
  EXPECT_EQ(parse_span("3 Months"), months(3));
  EXPECT_EQ(parse_span(" 30d "), days(30));
  EXPECT_EQ(parse_span("1y"), years(1));
  EXPECT_EQ(parse_span("NEVER"), kNever);
  EXPECT_FALSE(parse_span("7"));
  EXPECT_FALSE(parse_span("week"));
  EXPECT_FALSE(parse_span("-3d"));
  EXPECT_FALSE(parse_span("2 fortnights"));
}

TEST(DatesWhen, AcceptsTheCommonDateForms) {
  const Date base = ymd(2026, 3, 1);
  EXPECT_EQ(parse_when("2026-12-01", kMonday, base), ymd(2026, 12, 1));
  EXPECT_EQ(parse_when("today", kMonday, base), kMonday);
  EXPECT_EQ(parse_when("yesterday", kMonday, base), ymd(2026, 3, 15));
  EXPECT_EQ(parse_when("3d ago", kMonday, base), ymd(2026, 3, 13));
  EXPECT_EQ(parse_when("2 weeks ago", kMonday, base), ymd(2026, 3, 2));
}

TEST(DatesWhen, TomorrowIsTodayPlusOne) {
  EXPECT_EQ(parse_when("tomorrow", kMonday, ymd(2026, 1, 1)), ymd(2026, 3, 17));
  EXPECT_EQ(parse_when("Tomorrow", ymd(2024, 2, 28), ymd(2024, 2, 28)), ymd(2024, 2, 29));
  EXPECT_EQ(parse_when("tomorrow", ymd(2026, 12, 31), ymd(2026, 12, 31)), ymd(2027, 1, 1));
}

TEST(DatesWhen, WeekdayIsTheNextOneStrictlyAfterTodayWhateverTheBase) {
  const Date base = ymd(2026, 1, 1);
  EXPECT_EQ(parse_when("tuesday", kMonday, base), ymd(2026, 3, 17));
  EXPECT_EQ(parse_when("fri", kMonday, base), ymd(2026, 3, 20));
  EXPECT_EQ(parse_when("sunday", kMonday, base), ymd(2026, 3, 22));
  EXPECT_EQ(parse_when("monday", kMonday, base), ymd(2026, 3, 23));  // today is Monday: a week ahead
  EXPECT_EQ(parse_when("Mon", kMonday, kMonday), ymd(2026, 3, 23));
}

TEST(DatesWhen, SignedAndBareDurationsCountFromBase) {
  const Date base = ymd(2026, 3, 1);
  EXPECT_EQ(parse_when("+2w", kMonday, base), ymd(2026, 3, 15));
  EXPECT_EQ(parse_when("2w", kMonday, base), ymd(2026, 3, 15));
  EXPECT_EQ(parse_when("+10d", kMonday, base), ymd(2026, 3, 11));
  EXPECT_EQ(parse_when("+1m", kMonday, base), ymd(2026, 4, 1));
  EXPECT_EQ(parse_when("1y", kMonday, base), ymd(2027, 3, 1));
  EXPECT_EQ(parse_when("+0d", kMonday, base), base);
}

TEST(DatesWhen, LongAndInFormsCountFromBase) {
  const Date base = ymd(2026, 3, 1);
  EXPECT_EQ(parse_when("in 2 weeks", kMonday, base), ymd(2026, 3, 15));
  EXPECT_EQ(parse_when("in 3 months", kMonday, base), ymd(2026, 6, 1));
  EXPECT_EQ(parse_when("In 1 Day", kMonday, base), ymd(2026, 3, 2));
  EXPECT_EQ(parse_when("in 2w", kMonday, base), ymd(2026, 3, 15));
  EXPECT_EQ(parse_when("+2 weeks", kMonday, base), ymd(2026, 3, 15));
  EXPECT_EQ(parse_when("2 weeks", kMonday, base), ymd(2026, 3, 15));
  EXPECT_EQ(parse_when(" +2W ", kMonday, base), ymd(2026, 3, 15));
}

TEST(DatesWhen, DurationsFromBaseClampAtMonthEnds) {
  EXPECT_EQ(parse_when("+1m", kMonday, ymd(2026, 1, 31)), ymd(2026, 2, 28));
  EXPECT_EQ(parse_when("+1y", kMonday, ymd(2024, 2, 29)), ymd(2025, 2, 28));
}

TEST(DatesWhen, RejectsWhatItDoesNotKnow) {
  const Date base = ymd(2026, 3, 1);
  for (const char* bad : {"", "never", "+", "+d", "+-2w", "-2w", "+ 2w", "+2x", "in", "in2w", "in 2",
                          "in two weeks", "2w ago ago", "+2w ago", "2026-02-30", "next", "someday",
                          "+100000d", "mond"}) {
    EXPECT_FALSE(parse_when(bad, kMonday, base)) << '"' << bad << '"';
  }
}

TEST(DatesBirthday, ParsesWithAndWithoutYear) {
  auto b = parse_birthday("1990-05-12");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->year, 1990);
  EXPECT_EQ(b->month, 5u);
  EXPECT_EQ(b->day, 12u);

  auto c = parse_birthday("--05-12");
  ASSERT_TRUE(c);
  EXPECT_FALSE(c->year);
  EXPECT_EQ(c->month, 5u);
  EXPECT_EQ(c->day, 12u);
}

TEST(DatesBirthday, Feb29NeedsALeapYearOnlyWhenAYearIsGiven) {
  EXPECT_TRUE(parse_birthday("--02-29"));
  EXPECT_TRUE(parse_birthday("2000-02-29"));
  EXPECT_FALSE(parse_birthday("1999-02-29"));
  EXPECT_FALSE(parse_birthday("--02-30"));
}

TEST(DatesBirthday, RejectsMalformedText) {
  for (const char* bad : {"", "--5-12", "--05-1", "-05-12", "--13-01", "--00-10", "--04-31", "--01-00",
                          "05-12", "--05-12 ", "--0512", "---05-12", "1990-13-01", "--ab-cd", "1990"}) {
    EXPECT_FALSE(parse_birthday(bad)) << '"' << bad << '"';
  }
}

TEST(DatesBirthday, FormatsBackToTheSameText) {
  for (const char* text : {"1990-05-12", "--05-12", "--02-29", "0800-01-01"}) {
    auto b = parse_birthday(text);
    ASSERT_TRUE(b) << text;
    EXPECT_EQ(format_birthday(*b), text);
  }
}

TEST(DatesBirthday, NextIsTheFirstCelebrationOnOrAfterFrom) {
  Birthday b{1990, 5, 12};
  EXPECT_EQ(next_birthday(b, ymd(2026, 3, 16)), ymd(2026, 5, 12));
  EXPECT_EQ(next_birthday(b, ymd(2026, 5, 12)), ymd(2026, 5, 12));  // on the day itself
  EXPECT_EQ(next_birthday(b, ymd(2026, 5, 13)), ymd(2027, 5, 12));
  EXPECT_EQ(next_birthday(Birthday{std::nullopt, 1, 1}, ymd(2026, 12, 31)), ymd(2027, 1, 1));
  EXPECT_EQ(next_birthday(Birthday{std::nullopt, 12, 31}, ymd(2026, 12, 31)), ymd(2026, 12, 31));
}

TEST(DatesBirthday, TheBirthYearDoesNotMatter) {
  EXPECT_EQ(next_birthday(Birthday{2030, 7, 1}, ymd(2026, 3, 16)), ymd(2026, 7, 1));
}

TEST(DatesBirthday, Feb29IsCelebratedOnFeb28InCommonYears) {
  Birthday leap{std::nullopt, 2, 29};
  EXPECT_EQ(next_birthday(leap, ymd(2026, 1, 10)), ymd(2026, 2, 28));
  EXPECT_EQ(next_birthday(leap, ymd(2026, 2, 28)), ymd(2026, 2, 28));
  EXPECT_EQ(next_birthday(leap, ymd(2026, 3, 1)), ymd(2027, 2, 28));
  EXPECT_EQ(next_birthday(leap, ymd(2027, 3, 1)), ymd(2028, 2, 29));
  EXPECT_EQ(next_birthday(leap, ymd(2028, 2, 28)), ymd(2028, 2, 29));
  EXPECT_EQ(next_birthday(Birthday{2000, 2, 29}, ymd(2100, 1, 1)), ymd(2100, 2, 28));  // 2100 is not leap
}

}  // namespace
}  // namespace kith
