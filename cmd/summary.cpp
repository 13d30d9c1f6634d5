// SPDX-License-Identifier: MIT
#include "summary.h"

#include <fmt/format.h>

#include "rules/balance.h"

namespace kith {

PersonSummary summarize(const Person& p, const Settings& s, Date today) {
  PersonSummary out;
  out.last = last_contact(p, s);
  out.balance = balance_of(p, s);
  for (const DueItem& item : schedule_of(p, s, today))
    if (!out.next_due || item.due < out.next_due->due) out.next_due = NextDue{item.due, item.reason, item.overdue_days};
  return out;
}

std::string signed_number(int n) { return n > 0 ? fmt::format("+{}", n) : fmt::format("{}", n); }

}  // namespace kith
