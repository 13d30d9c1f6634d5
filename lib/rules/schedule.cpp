// SPDX-License-Identifier: MIT
#include "schedule.h"

#include <algorithm>

#include <fmt/format.h>

#include "balance.h"
#include "model/error.h"

namespace kith {

std::string_view reason_name(DueReason reason) {
  switch (reason) {
    case DueReason::next: return "next";
    case DueReason::followup: return "followup";
    case DueReason::cadence: return "cadence";
    case DueReason::fresh: return "new";
    case DueReason::birthday: return "birthday";
  }
  return "cadence";  // unreachable: every enumerator is handled above
}

Duration cadence_of(const Person& p, const Settings& s) {
  if (p.every) return *p.every;
  if (auto it = s.circles.find(p.circle); it != s.circles.end()) return it->second;
  if (auto it = s.circles.find(s.default_circle); it != s.circles.end()) return it->second;
  throw Error(fmt::format("default_circle '{}' is not a circle (known: {})", s.default_circle,
                          s.circle_names()));
}

namespace {

// Rule 6: a birthday of the last week (today included) stays due until a
// contact is logged on or after it, so a weekend birthday reaches a weekday
// cron; otherwise the next one ahead.
constexpr int birthday_grace_days = 7;

Date birthday_due(const Birthday& b, const Entry* last, Date today) {
  Date recent = next_birthday(b, add_days(today, 1 - birthday_grace_days));
  bool greeted = last != nullptr && !(last->date < recent);
  if (!(today < recent) && !greeted) return recent;
  return next_birthday(b, add_days(today, 1));
}

}  // namespace

std::vector<DueItem> schedule_of(const Person& p, const Settings& s, Date today) {
  const Entry* last = last_contact(p, s);
  const Duration cadence = cadence_of(p, s);
  const int balance = balance_of(p, s);

  auto item = [&](DueReason reason, Date due, int window) {
    DueItem it;
    it.person = &p;
    it.reason = reason;
    it.due = due;
    it.overdue_days = days_between(due, today);
    it.window_days = std::max(window, 1);
    it.urgency = static_cast<double>(it.overdue_days) / it.window_days;
    it.last = last;
    it.cadence = cadence;
    it.balance = balance;
    return it;
  };

  std::vector<DueItem> out;
  if (p.next && (last == nullptr || last->date < *p.next)) {
    out.push_back(item(DueReason::next, *p.next, 1));
  } else if (last != nullptr && last->kind == "met") {
    Date due = add(last->date, s.followup);
    out.push_back(item(DueReason::followup, due, days_between(last->date, due)));
  } else if (last != nullptr && !cadence.is_never()) {
    Date due = add(last->date, cadence);
    out.push_back(item(DueReason::cadence, due, days_between(last->date, due)));
  } else if (last == nullptr && p.added && !cadence.is_never()) {
    Date due = add(*p.added, cadence);
    out.push_back(item(DueReason::fresh, due, days_between(*p.added, due)));
  }
  if (p.birthday) out.push_back(item(DueReason::birthday, birthday_due(*p.birthday, last, today), 1));
  return out;
}

std::vector<DueItem> due_reasons(const Person& p, const Settings& s, Date today, Date horizon) {
  std::vector<DueItem> out = schedule_of(p, s, today);
  std::erase_if(out, [&](const DueItem& it) { return horizon < it.due; });
  return out;
}

bool more_urgent(const DueItem& a, const DueItem& b) {
  // a.overdue / a.window > b.overdue / b.window, with both windows >= 1.
  return static_cast<long long>(a.overdue_days) * b.window_days >
         static_cast<long long>(b.overdue_days) * a.window_days;
}

std::optional<DueItem> most_urgent(const std::vector<DueItem>& reasons) {
  auto it = std::min_element(reasons.begin(), reasons.end(), [](const DueItem& a, const DueItem& b) {
    if (more_urgent(a, b)) return true;
    if (more_urgent(b, a)) return false;
    return a.reason < b.reason;
  });
  if (it == reasons.end()) return std::nullopt;
  return *it;
}

namespace {

bool matches(const Person& p, const DueQuery& q) {
  if (!q.circle.empty() && p.circle != q.circle) return false;
  return q.tag.empty() || has_tag(p, q.tag);
}

}  // namespace

std::vector<DueItem> due_list(const std::vector<Person>& people, const Settings& s, Date today,
                              const DueQuery& q) {
  const Date horizon = add_days(today, q.within_days);
  std::vector<DueItem> out;
  for (const Person& p : people) {
    if (!matches(p, q)) continue;
    std::vector<DueItem> reasons = due_reasons(p, s, today, horizon);
    std::optional<DueItem> first = most_urgent(reasons);
    if (!first) continue;
    for (const DueItem& r : reasons)
      if (r.reason != first->reason) first->also.push_back(r);
    std::sort(first->also.begin(), first->also.end(), [](const DueItem& a, const DueItem& b) {
      return more_urgent(a, b) || (!more_urgent(b, a) && a.reason < b.reason);
    });
    out.push_back(std::move(*first));
  }
  std::sort(out.begin(), out.end(), [](const DueItem& a, const DueItem& b) {
    if (more_urgent(a, b)) return true;
    if (more_urgent(b, a)) return false;
    if (a.due != b.due) return a.due < b.due;
    return a.person->slug < b.person->slug;
  });
  if (q.limit > 0 && out.size() > static_cast<std::size_t>(q.limit)) out.resize(q.limit);
  return out;
}

}  // namespace kith
