// SPDX-License-Identifier: MIT
#include "match.h"

#include <fmt/format.h>

#include <algorithm>

#include "error.h"

namespace kith {

namespace {

// The folded forms a person answers to: slug, name, akas.
std::vector<std::string> handles(const Person& p) {
  std::vector<std::string> out{fold(p.slug), fold(p.name)};
  for (const std::string& a : p.aka) out.push_back(fold(a));
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

std::string describe(const Person& p) { return fmt::format("{} ({})", p.slug, p.name); }

}  // namespace

const Person& find_person(const std::vector<Person>& people, std::string_view who) {
  for (const Person& p : people)
    if (p.slug == who) return p;
  std::string q = fold(who);
  if (q.empty()) throw Error("an empty name matches nobody");
  std::vector<const Person*> exact, prefix;
  for (const Person& p : people) {
    std::vector<std::string> hs = handles(p);
    if (std::find(hs.begin(), hs.end(), q) != hs.end()) exact.push_back(&p);
    else if (std::any_of(hs.begin(), hs.end(), [&](const std::string& h) { return h.rfind(q, 0) == 0; }))
      prefix.push_back(&p);
  }
  // A full name beats a longer one it is the prefix of ("Ana" vs "Anabelle").
  if (exact.size() == 1) return *exact.front();
  std::vector<const Person*> candidates = exact.empty() ? prefix : exact;
  if (candidates.size() == 1) return *candidates.front();
  if (!candidates.empty()) {
    std::string list;
    for (const Person* p : candidates) list += "\n  " + describe(*p);
    throw Error(fmt::format("'{}' matches {} people; say which:{}", who, candidates.size(), list));
  }
  // Nothing: suggest the closest handles.
  std::vector<std::pair<std::size_t, const Person*>> scored;
  for (const Person& p : people) {
    std::size_t best = std::string::npos;
    for (const std::string& h : handles(p)) best = std::min(best, edit_distance(q, h.substr(0, q.size() + 2)));
    if (best <= std::max<std::size_t>(2, q.size() / 3)) scored.emplace_back(best, &p);
  }
  std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second->slug < b.second->slug;
  });
  std::string message = fmt::format("nobody matches '{}'", who);
  if (!scored.empty()) {
    message += "; did you mean:";
    for (std::size_t i = 0; i < scored.size() && i < 3; ++i) message += "\n  " + describe(*scored[i].second);
  }
  throw Error(message);
}

}  // namespace kith
