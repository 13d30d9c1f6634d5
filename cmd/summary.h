// SPDX-License-Identifier: MIT
#pragma once
// What `show` and `list` say about a person beyond their file: last contact,
// next due date and why, balance.
#include <optional>

#include "rules/schedule.h"

namespace kith {

struct PersonSummary {
  const Entry* last = nullptr;
  std::optional<DueItem> next_due;  // the earliest due date of any reason
  int balance = 0;
};

PersonSummary summarize(const Person& p, const Settings& s, Date today);

// "+2", "0", "-1"
std::string signed_number(int n);

}  // namespace kith
