// SPDX-License-Identifier: MIT
#include "intro_check.h"

#include <fmt/format.h>

#include <map>
#include <tuple>
#include <unordered_map>

namespace kith {

void IntroCheck::add(const Person& p) {
  for (const Entry& e : p.log)
    if (e.kind == "intro") intros_.push_back(Intro{e.date, p.slug, e.with, p.path, e.line});
}

std::vector<Diagnostic> IntroCheck::warnings(const std::vector<Person>& people) const {
  std::unordered_map<std::string_view, const Person*> by_slug;
  for (const Person& p : people) by_slug.emplace(p.slug, &p);
  // How many intros each (date, from, to) has, to match them one for one.
  using Key = std::tuple<Date, std::string_view, std::string_view>;
  std::map<Key, int> count;
  for (const Intro& i : intros_) ++count[{i.date, i.from, i.with}];

  std::vector<Diagnostic> out;
  std::map<Key, int> seen;
  for (const Intro& i : intros_) {
    if (i.with.empty()) continue;
    auto other = by_slug.find(i.with);
    if (other == by_slug.end()) {
      out.push_back({i.path, i.line, 0,
                     fmt::format("warning: the intro's `with: {}` names nobody (renamed or removed?); set it to "
                                 "the person's slug, or remove the `with:` line if they are gone",
                                 i.with)});
      continue;
    }
    auto theirs = count.find({i.date, i.with, i.from});
    if (++seen[{i.date, i.from, i.with}] > (theirs == count.end() ? 0 : theirs->second))
      out.push_back({i.path, i.line, 0,
                     fmt::format("warning: this intro with {} on {} is not in {}'s file ({}); add the same "
                                 "entry there with `with: {}`, or remove this one if it was logged twice",
                                 i.with, format_date(i.date), i.with, other->second->path, i.from)});
  }
  return out;
}

std::vector<Diagnostic> intro_warnings(const std::vector<Person>& people) {
  IntroCheck check;
  for (const Person& p : people) check.add(p);
  return check.warnings(people);
}

}  // namespace kith
