// SPDX-License-Identifier: MIT
#pragma once
// Introductions are logged in both files (`kith intro A B`). These checks
// find the ones that are not: a `with:` naming nobody (the person was
// renamed by hand or removed), or an intro missing from the other side (a
// hand edit, or a crash before kith wrote its changes whole).
#include <string>
#include <vector>

#include "model/error.h"
#include "model/person.h"

namespace kith {

// One warning per intro entry that has no counterpart, at the entry's line,
// saying how to fix it. Entries are matched by date and the two slugs, one
// for one (an intro logged twice on one side needs two on the other).
std::vector<Diagnostic> intro_warnings(const std::vector<Person>& people);

// intro_warnings a person at a time: `add` each person whole (only their
// intro entries are kept), then `warnings` with everyone in any form (the
// digest form is enough: it names the file of the person a `with` names).
// Warnings come in the order people were added.
class IntroCheck {
 public:
  void add(const Person& whole);
  std::vector<Diagnostic> warnings(const std::vector<Person>& people) const;

 private:
  struct Intro {
    Date date;
    std::string from, with, path;
    int line = 0;
  };
  std::vector<Intro> intros_;
};

}  // namespace kith
