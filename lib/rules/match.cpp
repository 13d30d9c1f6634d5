// SPDX-License-Identifier: MIT
#include "match.h"

#include <fmt/format.h>

#include <algorithm>

#include "model/error.h"

namespace kith {

namespace {

// The folded forms a person answers to: slug, name, akas.
std::vector<std::string> handles(const Person& p) {
  std::vector<std::string> out{fold(p.slug), fold(p.name)};
  for (const std::string& a : p.aka) out.push_back(fold(a));
  return out;
}

// How many typos (insertions, deletions, substitutions, swaps of two
// neighbours) turn `q` into some prefix of `h`: WHO is a prefix, so "charleen"
// is one swap from "charlene dupont", not the length of "dupont" away.
std::size_t prefix_distance(std::string_view q, std::string_view h) {
  std::vector<std::size_t> before(h.size() + 1), prev(h.size() + 1), row(h.size() + 1);
  for (std::size_t j = 0; j <= h.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= q.size(); ++i) {
    row[0] = i;
    for (std::size_t j = 1; j <= h.size(); ++j) {
      row[j] = std::min({prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (q[i - 1] == h[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && q[i - 1] == h[j - 2] && q[i - 2] == h[j - 1]) row[j] = std::min(row[j], before[j - 2] + 1);
    }
    std::swap(before, prev);
    std::swap(prev, row);
  }
  return *std::min_element(prev.begin(), prev.end());
}

// True when `q` starts at the beginning of a word of `h` (after a space,
// dash, dot or apostrophe): "marchand" and "leonie m" in "leonie marchand".
bool starts_a_word(std::string_view h, std::string_view q) {
  for (std::size_t at = 0; at < h.size(); ++at) {
    const bool word_start = at == 0 || std::string_view(" -.'_").find(h[at - 1]) != std::string_view::npos;
    if (word_start && h.compare(at, q.size(), q) == 0) return true;
  }
  return false;
}

std::string describe(const Person& p) { return fmt::format("{} ({})", p.slug, p.name); }

}  // namespace

const Person& find_person(const std::vector<Person>& people, std::string_view who) {
  for (const Person& p : people)
    if (p.slug == who) return p;
  std::string q = fold(who);
  if (q.empty()) throw Error("an empty name matches nobody");
  std::vector<const Person*> exact, prefix, word;
  for (const Person& p : people) {
    std::vector<std::string> hs = handles(p);
    if (std::find(hs.begin(), hs.end(), q) != hs.end()) exact.push_back(&p);
    else if (std::any_of(hs.begin(), hs.end(), [&](const std::string& h) { return h.rfind(q, 0) == 0; }))
      prefix.push_back(&p);
    else if (std::any_of(hs.begin(), hs.end(), [&](const std::string& h) { return starts_a_word(h, q); }))
      word.push_back(&p);
  }
  // A full name beats a longer one it is the prefix of ("Ana" vs "Anabelle"),
  // and the start of a name beats a later word ("Martin" the first name
  // before "Julie Martin").
  if (exact.size() == 1) return *exact.front();
  std::vector<const Person*> candidates = !exact.empty() ? exact : !prefix.empty() ? prefix : word;
  if (candidates.size() == 1) return *candidates.front();
  if (!candidates.empty()) {
    std::string list;
    for (const Person* p : candidates) list += "\n  " + describe(*p);
    throw Error(fmt::format("'{}' matches {} people; say which:{}", who, candidates.size(), list));
  }
  // Nothing: suggest the names that contain it, then the closest handles.
  std::vector<std::pair<std::size_t, const Person*>> scored;
  for (const Person& p : people) {
    std::vector<std::string> hs = handles(p);
    if (std::any_of(hs.begin(), hs.end(), [&](const std::string& h) { return h.find(q) != std::string::npos; })) {
      scored.emplace_back(0, &p);
      continue;
    }
    std::size_t best = std::string::npos;
    for (const std::string& h : handles(p)) best = std::min(best, prefix_distance(q, h));
    // About a typo per three letters, and never all of them (every handle
    // starts with the empty prefix).
    if (best <= std::max<std::size_t>(1, q.size() / 3) && best < q.size()) scored.emplace_back(best, &p);
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

std::vector<std::string> slugs_starting(const std::vector<Person>& people, std::string_view typed) {
  const std::string q = fold(typed);
  // The handle itself, or any word of it (after a space or a dash).
  auto has_word_starting = [&q](const std::string& h) {
    for (std::size_t at = 0;;) {
      if (h.compare(at, q.size(), q) == 0) return true;
      at = h.find_first_of(" -", at);
      if (at == std::string::npos) return false;
      ++at;
    }
  };
  std::vector<std::string> out;
  for (const Person& p : people) {
    std::vector<std::string> hs = handles(p);
    if (std::any_of(hs.begin(), hs.end(), has_word_starting)) out.push_back(p.slug);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace kith
