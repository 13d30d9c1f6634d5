// SPDX-License-Identifier: MIT
#pragma once
// Introductions are logged in both files (`kith intro A B`). These checks
// find the ones that are not: a `with:` naming nobody (the person was
// renamed by hand or removed), or an intro missing from the other side (a
// hand edit, or a crash before kith wrote its changes whole).
#include <vector>

#include "model/error.h"
#include "model/person.h"

namespace kith {

// One warning per intro entry that has no counterpart, at the entry's line,
// saying how to fix it. Entries are matched by date and the two slugs, one
// for one (an intro logged twice on one side needs two on the other).
std::vector<Diagnostic> intro_warnings(const std::vector<Person>& people);

}  // namespace kith
