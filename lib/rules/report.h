// SPDX-License-Identifier: MIT
#pragma once
// `kith report`: the network's health over a period, as figures. Every
// figure of the `report --json` shape (DESIGN.md section 6) is here, plus a
// few the terminal and HTML renderings use. Pure: `today` is passed in.
//
// Definitions (a "contact" entry is any kind but `note` and kinds declared
// `contact: false`; "in the period" means since <= date <= until):
//   people.active           people with a contact entry in the period
//   people.never_contacted  people with no contact entry at all, ever
//   interactions            contact entries in the period
//   balance.given/received  entries in the period (contact or not) whose kind
//                           has a positive / negative balance
//   balance.owing           people whose all-time balance is < 0
//   new_contacts.met        `met` entries in the period
//   followed_up             met entries with another contact entry of that
//                           person dated from the met date to met date +
//                           `followup` inclusive (2d: two days later counts,
//                           three does not). An entry on the met date itself
//                           counts only when it comes after the met entry in
//                           the file, as the scheduler reads a day. The window
//                           may run past the period's end.
//   became_real             met entries followed by two contact entries or
//                           more dated strictly after the met date and on or
//                           before today (not only within the period)
//   goal                    goals.new_contacts_per_year prorated to the
//                           period: exact for a period of 365 or 366 days,
//                           else value * days / 365.25 rounded to the nearest
//                           whole number (181 days: [5, 10] -> [2, 5])
//   intros                  `intro` entries in the period; A's entry `with` B
//                           and B's entry `with` A on one date are one intro
//   overdue                 people due on or before today (due_list, DESIGN.md
//                           section 3), whatever the period
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/dates.h"
#include "model/person.h"
#include "model/settings.h"

namespace kith {

struct Period {
  Date since;  // inclusive
  Date until;  // inclusive
  bool since_first_entry = false;  // the default period, shortened to start at the first log entry
  bool operator==(const Period&) const = default;
};

// The default period, the last 12 months: the day after today minus a year,
// through today (2026-03-14 -> 2025-03-15 .. 2026-03-14).
Period last_twelve_months(Date today);

// `--year YYYY`: January 1 through December 31. Throws UsageError for a year
// that YYYY-MM-DD cannot write.
Period calendar_year(int year);

// The period of `report [--since D] [--until D] [--year Y]`: `--year` alone;
// `--since` alone runs to today; `--until` alone starts 12 months before it;
// neither is last_twelve_months(today). Throws UsageError when `--year` is
// combined with the others or when since is after until.
Period resolve_period(std::optional<Date> since, std::optional<Date> until,
                      std::optional<int> year, Date today);

// The default period in a directory's first year: from the earliest log
// entry (`first`, of everyone) when that is later than `p.since` (and not
// after p.until), so a month of use is not reported as 11 empty months. `p`
// unchanged otherwise.
Period start_at_first_entry(Period p, std::optional<Date> first);

// Days in the period, both ends included (0 if until < since).
int period_days(const Period& p);

// A named count. Lists of these keep a meaningful order (see each field).
struct Count {
  std::string key;
  int n = 0;
  bool operator==(const Count&) const = default;
};

enum class Verdict { below, within, above };
std::string_view verdict_name(Verdict v);  // "below", "within", "above"

struct Report {
  Period period;
  int days = 0;  // period_days(period)

  struct People {
    int total = 0;
    // Every circle of kith.yaml (even with 0) and any other circle someone
    // is in, sorted by name.
    std::vector<Count> by_circle;
    int active = 0;
    int never_contacted = 0;
    bool operator==(const People&) const = default;
  } people;

  struct Interactions {
    int total = 0;
    // Only kinds that occur, in kith.yaml's kind order (built-ins first).
    std::vector<Count> by_kind;
    // "YYYY-MM" for every month the period touches, in order, zeros included.
    std::vector<Count> by_month;
    bool operator==(const Interactions&) const = default;
  } interactions;

  struct Owing {
    std::string slug;
    std::string name;
    int balance = 0;
    bool operator==(const Owing&) const = default;
  };
  struct Balance {
    int given = 0;
    int received = 0;
    int overall = 0;                               // sum of everyone's all-time balance
    std::vector<Owing> owing;                      // most negative first, ties by slug
    std::vector<std::string> asked_before_giving;  // slugs, sorted
    bool operator==(const Balance&) const = default;
  } balance;

  // Give vs ask over time: per month of the period (same months as
  // interactions.by_month), entries of positive and of negative balance.
  struct MonthBalance {
    std::string month;
    int given = 0;
    int received = 0;
    bool operator==(const MonthBalance&) const = default;
  };
  std::vector<MonthBalance> balance_by_month;

  struct NewContacts {
    int met = 0;
    int followed_up = 0;
    int became_real = 0;
    int goal_low = 0;
    int goal_high = 0;
    Verdict verdict = Verdict::within;  // met against [goal_low, goal_high]
    bool operator==(const NewContacts&) const = default;
  } new_contacts;

  int intros = 0;

  struct Overdue {
    int total = 0;
    std::vector<Count> by_circle;    // same circles, same order as people.by_circle
    std::vector<std::string> slugs;  // most urgent first
    bool operator==(const Overdue&) const = default;
  } overdue;

  // The same figures split by circle, in the order of people.by_circle.
  struct Circle {
    std::string circle;
    int people = 0;
    int active = 0;
    int never_contacted = 0;
    int interactions = 0;
    int given = 0;
    int received = 0;
    int overdue = 0;
    bool operator==(const Circle&) const = default;
  };
  std::vector<Circle> circles;
};

// The goal [low, high] prorated to a period of `days` days (see above).
std::pair<int, int> prorated_goal(int low, int high, int days);

Report build_report(const std::vector<Person>& people, const Settings& s, Date today,
                    Period period);

// build_report a person at a time, so that a large network's logs need not
// all be in memory at once: `add` each person whole (their log is read
// there, and not kept), then `finish`.
class ReportBuilder {
 public:
  ReportBuilder(Date today, Period period);
  ~ReportBuilder();
  ReportBuilder(const ReportBuilder&) = delete;
  ReportBuilder& operator=(const ReportBuilder&) = delete;

  void add(const Person& whole, const Settings& s);

  // The report of everyone added (once: the sums move into it). `people`
  // is everyone again, in any form (the digest form is enough: it is read
  // for who is overdue). With `from_first_entry`, the period is
  // start_at_first_entry(period, the earliest entry added): it holds the
  // same entries, so the same counts.
  Report finish(const std::vector<Person>& people, const Settings& s, bool from_first_entry);

 private:
  struct Sums;
  std::unique_ptr<Sums> sums_;
};

}  // namespace kith
