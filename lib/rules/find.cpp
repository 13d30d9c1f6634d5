// SPDX-License-Identifier: MIT
#include "find.h"

namespace kith {

namespace {

// The lines of `value` that hold `q` (already folded).
std::vector<std::string> matching_lines(const std::string& value, const std::string& q) {
  std::vector<std::string> out;
  for (std::size_t from = 0; from <= value.size();) {
    std::size_t nl = value.find('\n', from);
    if (nl == std::string::npos) nl = value.size();
    std::string line = value.substr(from, nl - from);
    if (fold(line).find(q) != std::string::npos) out.push_back(line);
    from = nl + 1;
  }
  return out;
}

}  // namespace

std::vector<FindHit> find_text(const std::vector<Person>& people, std::string_view query) {
  std::vector<FindHit> hits;
  const std::string q = fold(query);
  if (q.empty()) return hits;
  for (const Person& p : people) {
    auto scalar = [&](const char* field, const std::string& value) {
      for (std::string& line : matching_lines(value, q)) hits.push_back({&p, field, std::move(line), nullptr});
    };
    auto list = [&](const char* field, const std::vector<std::string>& values) {
      for (const std::string& v : values) scalar(field, v);
    };
    scalar("name", p.name);
    list("aka", p.aka);
    scalar("company", p.company);
    scalar("role", p.role);
    scalar("location", p.location);
    list("tags", p.tags);
    list("offers", p.offers);
    list("needs", p.needs);
    scalar("notes", p.notes);
    for (const Entry& e : p.log)
      for (std::string& line : matching_lines(e.note, q)) hits.push_back({&p, "log", std::move(line), &e});
  }
  return hits;
}

}  // namespace kith
