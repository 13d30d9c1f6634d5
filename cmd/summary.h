// SPDX-License-Identifier: MIT
#pragma once
// What `show` and `list` say about a person beyond their file: last contact,
// next due date and why, balance.
#include <optional>

#include "rules/schedule.h"

namespace kith {

// The earliest due date of any reason, and why.
struct NextDue {
  Date due;
  DueReason reason = DueReason::cadence;
  int overdue_days = 0;  // today - due; negative when still ahead
};

// Small: `list` keeps one per person.
struct PersonSummary {
  const Entry* last = nullptr;
  std::optional<NextDue> next_due;
  int balance = 0;
};

PersonSummary summarize(const Person& p, const Settings& s, Date today);

// "+2", "0", "-1"
std::string signed_number(int n);

}  // namespace kith
