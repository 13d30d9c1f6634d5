// SPDX-License-Identifier: MIT
#pragma once
// Calendar dates and durations, on Howard Hinnant's date library. All
// functions are pure: "today" is always passed in by the caller.
#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>

namespace kith {

using Date = date::year_month_day;

// Strict `YYYY-MM-DD` (exactly 4+2+2 digits, nothing around it) that names a
// real day: 2026-02-30 and 2025-02-29 are rejected, 2024-02-29 is accepted.
std::optional<Date> parse_iso_date(std::string_view text);
std::string format_date(Date d);  // `YYYY-MM-DD`, the year zero-padded to 4

// Every function below that computes a date clamps it to 0000-01-01 ..
// 9999-12-31, the days `YYYY-MM-DD` can write, so a huge cadence such as
// `99999y` saturates instead of overflowing.

// Days from `from` to `to` (negative when `to` is earlier).
int days_between(Date from, Date to);
Date add_days(Date d, int days);

// A cadence or window: `30d`, `2w`, `3m`, `1y`, or `never`.
struct Duration {
  enum class Unit { days, weeks, months, years, never };
  int count = 0;
  Unit unit = Unit::days;

  bool is_never() const { return unit == Unit::never; }
  bool operator==(const Duration&) const = default;
};

// Exactly `Nd`, `Nw`, `Nm`, `Ny` (N is 1 to 5 digits, 0..99999) or `never`,
// lower case, with no sign, space or anything else around it.
std::optional<Duration> parse_duration(std::string_view text);
std::string format_duration(Duration d);  // back to `30d`, `2w`, `never`

// A duration as a user types it on the command line: what parse_duration
// accepts, case-insensitive, and also with long unit names and a space
// (`2weeks`, `1 week`, `3 months`).
std::optional<Duration> parse_span(std::string_view text);

// `d` plus (or minus) the duration. Months and years are calendar units and
// clamp to the end of the month: 2026-01-31 + 1m = 2026-02-28,
// 2024-02-29 + 1y = 2025-02-28, 2024-03-31 - 1m = 2024-02-29.
// Throws std::invalid_argument for `never`, which is not a span of time.
Date add(Date d, Duration dur);
Date subtract(Date d, Duration dur);

// A DATE argument as a user types it, relative to `today`. Case-insensitive;
// surrounding whitespace is ignored. Accepts:
//   `YYYY-MM-DD`, `today`, `yesterday`;
//   `N<unit> ago`, `N<unit>ago`, `N <unit> ago`, where unit is d, w, m, y or
//   day(s), week(s), month(s), year(s): `3d ago`, `3dago`, `2 weeks ago`;
//   a weekday name, full or in three letters, optionally after `last`
//   (`monday`, `mon`, `last monday`): the latest such day strictly before
//   today (on a Monday, `monday` is 7 days ago);
//   a month and a day (`dec 7`, `7 December`): the latest such day on or
//   before today.
// It does not refuse future dates (`2099-01-01`); that is the caller's rule.
// nullopt when it does not parse.
std::optional<Date> parse_past_date(std::string_view text, Date today);

// A WHEN argument (for `next`). Case-insensitive; surrounding whitespace is
// ignored. Accepts:
//   everything parse_past_date accepts except weekday names, relative to
//   `today` (`yesterday`, `3d ago`, `2026-12-01`);
//   `tomorrow` (today + 1);
//   a weekday name, optionally after `next`: the next such day strictly
//   after today (on a Monday, `monday` is 7 days ahead), whatever `base` is;
//   a month and a day (`dec 7`): the next such day strictly after today;
//   `+N<unit>`, `N<unit>` or `in N <unit>` (units as above, `+2w`,
//   `+2 weeks`, `in 3 months`): `base` plus that duration, `base` being the
//   entry's date for `log --next` and today for `snooze`.
std::optional<Date> parse_when(std::string_view text, Date today, Date base);

// A birthday: `YYYY-MM-DD` (a real day) or `--MM-DD` (no year). Feb 29 is
// allowed without a year.
struct Birthday {
  std::optional<int> year;
  unsigned month = 1;
  unsigned day = 1;
};
std::optional<Birthday> parse_birthday(std::string_view text);
std::string format_birthday(const Birthday& b);  // `YYYY-MM-DD` or `--MM-DD`

// The first day on or after `from` that celebrates `b` (its year, if any, is
// ignored). A Feb 29 birthday is celebrated on Feb 28 in years without a
// Feb 29.
Date next_birthday(const Birthday& b, Date from);

}  // namespace kith
