// SPDX-License-Identifier: MIT
#pragma once
// `kith find TEXT`: where a text appears in people's files, compared with
// fold() (case and accents ignored).
#include <string>
#include <string_view>
#include <vector>

#include "model/person.h"

namespace kith {

struct FindHit {
  const Person* person;
  std::string field;    // name, aka, company, role, location, tags, offers, needs, notes, log
  std::string text;     // the line of the value holding the match (a list: the matching item)
  const Entry* entry;   // for `log`: the entry whose note matches; else null
};

// Every match in `people`, person by person in their order, fields in the
// order above, log entries in file order. An empty query matches nothing.
std::vector<FindHit> find_text(const std::vector<Person>& people, std::string_view query);

}  // namespace kith
