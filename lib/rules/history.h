// SPDX-License-Identifier: MIT
#pragma once
// `kith history`: the log entries of everyone (or one person), newest first.
#include <optional>
#include <string>
#include <vector>

#include "model/person.h"

namespace kith {

struct HistoryQuery {
  std::string slug;  // empty: everyone
  std::optional<Date> since, until;  // both included
  std::string kind;  // empty: every kind
  std::size_t limit = 0;  // 0: no limit
};

struct HistoryItem {
  const Person* person;
  const Entry* entry;
};

// Newest first; one day's entries by person (slug), then in file order.
std::vector<HistoryItem> history(const std::vector<Person>& people, const HistoryQuery& q);

}  // namespace kith
