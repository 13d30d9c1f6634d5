// SPDX-License-Identifier: MIT
#pragma once
// Who is due, why, and how urgently (DESIGN.md section 3). Pure: `today` is
// always passed in, nothing is read or printed here.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/dates.h"
#include "model/person.h"
#include "model/settings.h"

namespace kith {

// Declared in the order that breaks urgency ties between one person's reasons.
enum class DueReason { next, followup, cadence, fresh, birthday };

// "next", "followup", "cadence", "new", "birthday": the names `--json`
// prints (`fresh` is rule 5's "new", a keyword in C++).
std::string_view reason_name(DueReason reason);

// One reason for one person to be contacted. `person` and `last` point into
// the people passed in: they live as long as those do.
struct DueItem {
  const Person* person = nullptr;
  DueReason reason = DueReason::cadence;
  Date due;
  int overdue_days = 0;  // today - due; negative when still ahead
  // The urgency divisor: the cadence in days (due - last, or due - added for
  // `new`) for `cadence` and `new`, the
  // follow-up window in days for `followup`, 1 for `next` and `birthday`;
  // never less than 1, so a `0d` cadence is simply due every day.
  int window_days = 1;
  double urgency = 0;           // overdue_days / window_days
  const Entry* last = nullptr;  // the latest contact entry, whatever the reason
  Duration cadence;             // the person's cadence (cadence_of), whatever the reason
  int balance = 0;
  // In due_list's items: the person's other reasons due by the same horizon,
  // most urgent first, so a birthday is never hidden behind a cadence.
  std::vector<DueItem> also;
};

// The person's cadence: their `every`, else their circle's, else (a circle
// kith.yaml does not define) the default circle's. Throws Error when even the
// default circle is missing, which parse_settings never lets happen.
Duration cadence_of(const Person& p, const Settings& s);

// Every reason `p` has a due date, however far ahead: at most one of `next`,
// `followup`, `cadence` and `new` (rules 2-5, in that priority), then
// `birthday` (rule 6): the latest birthday of the last 7 days (today
// included) while no contact is logged on or after it, else the next one.
// Empty for someone with no contact, no `added`, no `next` and no birthday.
//
// The follow-up rule looks at the single latest contact entry, as
// last_contact() picks it: on a day with several contacts the one later in
// the file wins, so `met` then `talk` on one day is already followed up.
std::vector<DueItem> schedule_of(const Person& p, const Settings& s, Date today);

// The reasons of schedule_of() that fall due on or before `horizon`
// (today for "due now", today + N for `--within Nd`).
std::vector<DueItem> due_reasons(const Person& p, const Settings& s, Date today, Date horizon);

// Strictly more urgent: higher urgency, compared exactly (no rounding).
// Equal urgencies are not ordered here; see more_urgent_reason and due_list.
bool more_urgent(const DueItem& a, const DueItem& b);

// The reason that stands for the person: the most urgent one, ties broken by
// the order next, followup, cadence, birthday. nullopt for an empty list.
std::optional<DueItem> most_urgent(const std::vector<DueItem>& reasons);

struct DueQuery {
  int within_days = 0;  // also what falls due this many days ahead
  std::string circle;   // exact circle name; empty for all
  std::string tag;      // compared with fold(); empty for all
  int limit = 0;        // at most this many items; 0 (or less) for all
};

// The `kith due` list: one item per matching person (their most urgent reason
// due on or before today + within_days, the others in `also`), most urgent
// first; equal urgencies by earlier due date, then by slug.
std::vector<DueItem> due_list(const std::vector<Person>& people, const Settings& s, Date today,
                              const DueQuery& q);

}  // namespace kith
