// SPDX-License-Identifier: MIT
#include "suggest.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include <fmt/format.h>

namespace kith {

namespace {

constexpr int need_met_points = 10;
constexpr int shared_tag_points = 1;

// A list of tag-like values folded for comparison, keeping the spelling the
// user wrote (the first one, when a value is listed twice).
struct Folded {
  std::vector<std::pair<std::string, std::string>> items;  // folded, as written; file order
  std::map<std::string, std::string, std::less<>> index;   // folded -> as written

  explicit Folded(const std::vector<std::string>& values) {
    for (const std::string& v : values) {
      std::string key = fold(trim(v));
      if (key.empty() || index.count(key) > 0) continue;
      index.emplace(key, v);
      items.emplace_back(key, v);
    }
  }

  const std::string* find(const std::string& key) const {
    auto it = index.find(key);
    return it == index.end() ? nullptr : &it->second;
  }

  static std::string_view trim(std::string_view s) {
    const char* blanks = " \t\r\n";
    std::size_t first = s.find_first_not_of(blanks);
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(blanks) - first + 1);
  }
};

struct Profile {
  const Person* person;
  Folded needs, offers, tags;
  std::set<std::string, std::less<>> introduced;  // slugs in this person's intro entries

  explicit Profile(const Person& p)
      : person(&p), needs(p.needs), offers(p.offers), tags(p.tags) {
    for (const Entry& e : p.log)
      if (e.kind == "intro") introduced.insert(e.with);
  }
};

// Reasons and points for `from`'s needs that `to` offers.
void needs_met(const Profile& from, const Profile& to, Suggestion& s) {
  for (const auto& [key, need] : from.needs.items) {
    const std::string* offer = to.offers.find(key);
    if (offer == nullptr) continue;
    s.score += need_met_points;
    s.reasons.push_back(fmt::format("{} needs '{}'; {} offers '{}'", from.person->name, need,
                                    to.person->name, *offer));
  }
}

Suggestion score_pair(const Profile& a, const Profile& b) {
  Suggestion s{a.person, b.person, 0, {}};
  needs_met(a, b, s);
  needs_met(b, a, s);
  std::vector<std::string> shared;
  for (const auto& [key, tag] : a.tags.items)
    if (b.tags.find(key) != nullptr) shared.push_back(tag);
  if (!shared.empty()) {
    s.score += shared_tag_points * static_cast<int>(shared.size());
    s.reasons.push_back(fmt::format("both tagged {}", fmt::join(shared, ", ")));
  }
  return s;
}

bool already_introduced(const Profile& a, const Profile& b) {
  return a.introduced.count(b.person->slug) > 0 || b.introduced.count(a.person->slug) > 0;
}

}  // namespace

std::vector<Suggestion> suggest_intros(const std::vector<Person>& people,
                                       const std::string& who_slug, int limit) {
  std::vector<Profile> profiles;
  profiles.reserve(people.size());
  for (const Person& p : people) profiles.emplace_back(p);

  std::vector<Suggestion> out;
  for (std::size_t i = 0; i < profiles.size(); ++i) {
    for (std::size_t j = i + 1; j < profiles.size(); ++j) {
      const Profile* a = &profiles[i];
      const Profile* b = &profiles[j];
      if (a->person->slug == b->person->slug) continue;
      if (!who_slug.empty()) {
        if (b->person->slug == who_slug) std::swap(a, b);
        if (a->person->slug != who_slug) continue;
      } else if (b->person->slug < a->person->slug) {
        std::swap(a, b);
      }
      if (already_introduced(*a, *b)) continue;
      Suggestion s = score_pair(*a, *b);
      if (s.score > 0) out.push_back(std::move(s));
    }
  }

  std::sort(out.begin(), out.end(), [](const Suggestion& x, const Suggestion& y) {
    if (x.score != y.score) return x.score > y.score;
    if (x.a->slug != y.a->slug) return x.a->slug < y.a->slug;
    return x.b->slug < y.b->slug;
  });
  if (limit > 0 && out.size() > static_cast<std::size_t>(limit)) out.resize(limit);
  return out;
}

}  // namespace kith
