// SPDX-License-Identifier: MIT
#include "dates.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <stdexcept>

namespace kith {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// The value of `text`, which must be all digits (callers check the length).
std::optional<int> parse_digits(std::string_view text) {
  if (text.empty()) return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (!is_digit(c)) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

constexpr int kMinYear = 0;
constexpr int kMaxYear = 9999;

// The ends of what `YYYY-MM-DD` can write; every computed date is kept inside.
long long min_serial() { return date::sys_days{date::year{kMinYear} / 1 / 1}.time_since_epoch().count(); }
long long max_serial() { return date::sys_days{date::year{kMaxYear} / 12 / 31}.time_since_epoch().count(); }

long long serial(Date d) { return date::sys_days{d}.time_since_epoch().count(); }

Date from_serial(long long days) {
  days = std::clamp(days, min_serial(), max_serial());
  return Date{date::sys_days{date::days{static_cast<int>(days)}}};
}

// Calendar months from `d`, keeping the day unless the target month is
// shorter (then its last day).
Date add_months(Date d, long long months) {
  long long total = static_cast<long long>(int(d.year())) * 12 + (unsigned(d.month()) - 1) + months;
  if (total < static_cast<long long>(kMinYear) * 12) return from_serial(min_serial());
  if (total > static_cast<long long>(kMaxYear) * 12 + 11) return from_serial(max_serial());
  date::year y{static_cast<int>(total / 12)};
  date::month m{static_cast<unsigned>(total % 12 + 1)};
  date::day last = date::year_month_day_last{y / m / date::last}.day();
  return Date{y, m, std::min(d.day(), last)};
}

Date shift(Date d, Duration dur, int sign) {
  long long n = static_cast<long long>(dur.count) * sign;
  switch (dur.unit) {
    case Duration::Unit::days: return from_serial(serial(d) + n);
    case Duration::Unit::weeks: return from_serial(serial(d) + 7 * n);
    case Duration::Unit::months: return add_months(d, n);
    case Duration::Unit::years: return add_months(d, 12 * n);
    case Duration::Unit::never: break;
  }
  throw std::invalid_argument("a `never` duration cannot be added to a date");
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// Arguments are matched case-insensitively; only ASCII matters here.
std::string normalize(std::string_view text) {
  std::string out(trim(text));
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::optional<Duration::Unit> parse_unit(std::string_view word) {
  using U = Duration::Unit;
  struct Name {
    std::string_view short_name, singular, plural;
    U unit;
  };
  static constexpr std::array<Name, 4> kNames{{
      {"d", "day", "days", U::days},
      {"w", "week", "weeks", U::weeks},
      {"m", "month", "months", U::months},
      {"y", "year", "years", U::years},
  }};
  for (const Name& n : kNames)
    if (word == n.short_name || word == n.singular || word == n.plural) return n.unit;
  return std::nullopt;
}

// `N<unit>` or `N <unit>`, short or long unit names, N at most 5 digits.
std::optional<Duration> parse_amount(std::string_view s) {
  size_t digits = 0;
  while (digits < s.size() && is_digit(s[digits])) ++digits;
  if (digits == 0 || digits > 5) return std::nullopt;
  std::optional<int> count = parse_digits(s.substr(0, digits));
  std::optional<Duration::Unit> unit = parse_unit(trim(s.substr(digits)));
  if (!count || !unit) return std::nullopt;
  return Duration{*count, *unit};
}

// `3d ago`, `3dago`, `2 weeks ago`.
std::optional<Duration> parse_ago(std::string_view s) {
  constexpr std::string_view kAgo = "ago";
  if (s.size() <= kAgo.size() || s.substr(s.size() - kAgo.size()) != kAgo) return std::nullopt;
  return parse_amount(trim(s.substr(0, s.size() - kAgo.size())));
}

std::optional<date::weekday> parse_weekday(std::string_view s) {
  static constexpr std::array<std::string_view, 7> kNames{
      "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};
  for (unsigned i = 0; i < kNames.size(); ++i)
    if (s == kNames[i] || s == kNames[i].substr(0, 3)) return date::weekday{i};
  return std::nullopt;
}

// A month name, full or in three letters (`sept` too).
std::optional<unsigned> parse_month(std::string_view s) {
  static constexpr std::array<std::string_view, 12> kNames{"january", "february", "march",     "april",
                                                           "may",     "june",     "july",      "august",
                                                           "september", "october", "november", "december"};
  for (unsigned i = 0; i < kNames.size(); ++i)
    if (s == kNames[i] || s == kNames[i].substr(0, 3) || (i == 8 && s == "sept")) return i + 1;
  return std::nullopt;
}

// `dec 7`, `7 dec`, `december 7th` is not accepted (no ordinals): a month
// and a day of 1 or 2 digits that some year has (Feb 29 included).
std::optional<date::month_day> parse_month_day(std::string_view s) {
  std::size_t space = s.find_first_of(" \t");
  if (space == std::string_view::npos) return std::nullopt;
  std::string_view a = s.substr(0, space), b = trim(s.substr(space));
  auto day_of = [](std::string_view t) -> std::optional<unsigned> {
    if (t.empty() || t.size() > 2) return std::nullopt;
    std::optional<int> v = parse_digits(t);
    return v ? std::optional<unsigned>(static_cast<unsigned>(*v)) : std::nullopt;
  };
  std::optional<unsigned> month = parse_month(a), day = day_of(b);
  if (!month || !day) month = parse_month(b), day = day_of(a);
  if (!month || !day) return std::nullopt;
  date::month_day md{date::month{*month}, date::day{*day}};
  if (!md.ok()) return std::nullopt;
  return md;
}

// The latest `md` on or before `today` (a Feb 29 goes back to a leap year).
Date latest_month_day(date::month_day md, Date today) {
  for (int y = int(today.year()); y >= kMinYear && y > int(today.year()) - 9; --y) {
    Date d{date::year{y}, md.month(), md.day()};
    if (d.ok() && serial(d) <= serial(today)) return d;
  }
  return from_serial(min_serial());
}

// The first `md` strictly after `today`.
Date next_month_day(date::month_day md, Date today) {
  for (int y = int(today.year()); y <= kMaxYear && y < int(today.year()) + 9; ++y) {
    Date d{date::year{y}, md.month(), md.day()};
    if (d.ok() && serial(d) > serial(today)) return d;
  }
  return from_serial(max_serial());
}

// `last monday` is `monday`, `next friday` is `friday`: the plain weekday
// already means the latest past one for DATE and the next one for WHEN.
std::string_view drop_word(std::string_view s, std::string_view word) {
  if (s.size() > word.size() && s.substr(0, word.size()) == word && is_space(s[word.size()]))
    return trim(s.substr(word.size()));
  return s;
}

// The forms DATE and WHEN share: an ISO date, `today`, `yesterday`, `N ago`.
std::optional<Date> parse_common(std::string_view s, Date today) {
  if (auto d = parse_iso_date(s)) return d;
  if (s == "today") return today;
  if (s == "yesterday") return add_days(today, -1);
  if (auto dur = parse_ago(s)) return subtract(today, *dur);
  return std::nullopt;
}

// `+2w`, `2w`, `+2 weeks`, `in 2 weeks`.
std::optional<Duration> parse_ahead(std::string_view s) {
  if (!s.empty() && s.front() == '+') return parse_amount(s.substr(1));
  if (s.size() > 2 && s.substr(0, 2) == "in" && is_space(s[2])) return parse_amount(trim(s.substr(2)));
  return parse_amount(s);
}

}  // namespace

std::optional<Date> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  std::optional<int> y = parse_digits(text.substr(0, 4));
  std::optional<int> m = parse_digits(text.substr(5, 2));
  std::optional<int> d = parse_digits(text.substr(8, 2));
  if (!y || !m || !d) return std::nullopt;
  Date date{date::year{*y}, date::month{static_cast<unsigned>(*m)}, date::day{static_cast<unsigned>(*d)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

std::string format_date(Date d) {
  const int year = int(d.year());
  const unsigned month = unsigned(d.month()), day = unsigned(d.day());
  if (year < 0 || year > 9999 || month > 99 || day > 99)
    return fmt::format("{:04}-{:02}-{:02}", year, month, day);
  // By hand: `list` prints two dates a person, 60,000 at LinkedIn scale.
  char text[10] = {char('0' + year / 1000), char('0' + year / 100 % 10), char('0' + year / 10 % 10),
                   char('0' + year % 10),   '-',
                   char('0' + month / 10),  char('0' + month % 10),
                   '-',                     char('0' + day / 10),
                   char('0' + day % 10)};
  return std::string(text, sizeof text);
}

int days_between(Date from, Date to) { return static_cast<int>(serial(to) - serial(from)); }

Date add_days(Date d, int days) { return from_serial(serial(d) + days); }

std::optional<Duration> parse_duration(std::string_view text) {
  if (text == "never") return Duration{0, Duration::Unit::never};
  if (text.size() < 2 || text.size() > 6) return std::nullopt;
  std::optional<int> count = parse_digits(text.substr(0, text.size() - 1));
  std::optional<Duration::Unit> unit = parse_unit(text.substr(text.size() - 1));
  if (!count || !unit) return std::nullopt;
  return Duration{*count, *unit};
}

std::optional<Duration> parse_span(std::string_view text) {
  std::string s = normalize(text);
  if (s == "never") return Duration{0, Duration::Unit::never};
  return parse_amount(s);
}

std::string format_duration(Duration d) {
  switch (d.unit) {
    case Duration::Unit::days: return fmt::format("{}d", d.count);
    case Duration::Unit::weeks: return fmt::format("{}w", d.count);
    case Duration::Unit::months: return fmt::format("{}m", d.count);
    case Duration::Unit::years: return fmt::format("{}y", d.count);
    case Duration::Unit::never: break;
  }
  return "never";
}

Date add(Date d, Duration dur) { return shift(d, dur, +1); }
Date subtract(Date d, Duration dur) { return shift(d, dur, -1); }

std::optional<Date> parse_past_date(std::string_view text, Date today) {
  std::string s = normalize(text);
  if (auto d = parse_common(s, today)) return d;
  if (auto md = parse_month_day(s)) return latest_month_day(*md, today);
  if (auto wd = parse_weekday(drop_word(s, "last"))) {
    int back = static_cast<int>((date::weekday{date::sys_days{today}} - *wd).count());
    return add_days(today, back == 0 ? -7 : -back);
  }
  return std::nullopt;
}

std::optional<Date> parse_when(std::string_view text, Date today, Date base) {
  std::string s = normalize(text);
  if (auto d = parse_common(s, today)) return d;
  if (s == "tomorrow") return add_days(today, 1);
  if (auto md = parse_month_day(s)) return next_month_day(*md, today);
  if (auto wd = parse_weekday(drop_word(s, "next"))) {
    int ahead = static_cast<int>((*wd - date::weekday{date::sys_days{today}}).count());
    return add_days(today, ahead == 0 ? 7 : ahead);
  }
  if (auto dur = parse_ahead(s)) return add(base, *dur);
  return std::nullopt;
}

std::optional<Birthday> parse_birthday(std::string_view text) {
  if (auto d = parse_iso_date(text)) return Birthday{int(d->year()), unsigned(d->month()), unsigned(d->day())};
  if (text.size() != 7 || text.substr(0, 2) != "--" || text[4] != '-') return std::nullopt;
  std::optional<int> m = parse_digits(text.substr(2, 2));
  std::optional<int> d = parse_digits(text.substr(5, 2));
  if (!m || !d) return std::nullopt;
  // Any year that has the day will do; a leap year lets Feb 29 through.
  date::month_day md{date::month{static_cast<unsigned>(*m)}, date::day{static_cast<unsigned>(*d)}};
  if (!md.ok()) return std::nullopt;
  return Birthday{std::nullopt, static_cast<unsigned>(*m), static_cast<unsigned>(*d)};
}

std::string format_birthday(const Birthday& b) {
  if (b.year) return fmt::format("{:04}-{:02}-{:02}", *b.year, b.month, b.day);
  return fmt::format("--{:02}-{:02}", b.month, b.day);
}

Date next_birthday(const Birthday& b, Date from) {
  // The birthday in year `y`, moved to the month's last day when the month is
  // shorter that year (Feb 29 -> Feb 28).
  auto in_year = [&b](int y) {
    date::year_month ym{date::year{y}, date::month{b.month}};
    date::day last = date::year_month_day_last{ym / date::last}.day();
    return Date{ym.year(), ym.month(), std::min(date::day{b.day}, last)};
  };
  int y = int(from.year());
  Date d = in_year(y);
  if (serial(d) >= serial(from)) return d;
  if (y >= kMaxYear) return from_serial(max_serial());
  return in_year(y + 1);
}

}  // namespace kith
