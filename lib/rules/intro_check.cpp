// SPDX-License-Identifier: MIT
#include "intro_check.h"

#include <fmt/format.h>

#include <map>
#include <tuple>

namespace kith {

std::vector<Diagnostic> intro_warnings(const std::vector<Person>& people) {
  std::map<std::string, const Person*> by_slug;
  for (const Person& p : people) by_slug.emplace(p.slug, &p);
  // How many intros each (date, from, to) has, to match them one for one.
  using Key = std::tuple<Date, std::string, std::string>;
  std::map<Key, int> count;
  for (const Person& p : people)
    for (const Entry& e : p.log)
      if (e.kind == "intro") ++count[{e.date, p.slug, e.with}];

  std::vector<Diagnostic> out;
  std::map<Key, int> seen;
  for (const Person& p : people) {
    for (const Entry& e : p.log) {
      if (e.kind != "intro" || e.with.empty()) continue;
      auto other = by_slug.find(e.with);
      if (other == by_slug.end()) {
        out.push_back({p.path, e.line, 0,
                       fmt::format("warning: the intro's `with: {}` names nobody (renamed or removed?); set it to "
                                   "the person's slug, or remove the `with:` line if they are gone",
                                   e.with)});
        continue;
      }
      const Key mine{e.date, p.slug, e.with};
      const int theirs = count.count({e.date, e.with, p.slug}) ? count.at({e.date, e.with, p.slug}) : 0;
      if (++seen[mine] > theirs)
        out.push_back({p.path, e.line, 0,
                       fmt::format("warning: this intro with {} on {} is not in {}'s file ({}); add the same "
                                   "entry there with `with: {}`, or remove this one if it was logged twice",
                                   e.with, format_date(e.date), e.with, other->second->path, p.slug)});
    }
  }
  return out;
}

}  // namespace kith
