// SPDX-License-Identifier: MIT
#include "history.h"

#include <algorithm>

namespace kith {

std::vector<HistoryItem> history(const std::vector<Person>& people, const HistoryQuery& q) {
  std::vector<HistoryItem> out;
  for (const Person& p : people) {
    if (!q.slug.empty() && p.slug != q.slug) continue;
    for (const Entry& e : p.log) {
      if ((q.since && e.date < *q.since) || (q.until && *q.until < e.date)) continue;
      if (!q.kind.empty() && e.kind != q.kind) continue;
      out.push_back({&p, &e});
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const HistoryItem& a, const HistoryItem& b) {
    if (a.entry->date != b.entry->date) return b.entry->date < a.entry->date;
    return a.person->slug < b.person->slug;
  });
  if (q.limit > 0 && out.size() > q.limit) out.resize(q.limit);
  return out;
}

}  // namespace kith
