// SPDX-License-Identifier: MIT
#include "balance.h"

#include <algorithm>
#include <memory>
#include <utility>
#include <vector>

namespace kith {

bool is_contact(const Entry& e, const Settings& s) {
  const KindInfo* k = s.find_kind(e.kind);
  return k == nullptr || k->contact;
}

int balance_of(const Person& p, const Settings& s) {
  if (p.digest) return p.digest->balance;
  int sum = 0;
  for (const Entry& e : p.log)
    if (const KindInfo* k = s.find_kind(e.kind)) sum += k->balance;
  return sum;
}

namespace {

// The earliest ask and the earliest giving of a log, by date (file order
// within a day): entries need not be in date order in the file.
struct FirstAskAndGiving {
  const Entry* ask = nullptr;
  const Entry* give = nullptr;

  void see(const Entry& e, const KindInfo* k) {
    if (k == nullptr) return;
    const Entry** first = k->balance > 0 ? &give : e.kind == "ask" ? &ask : nullptr;
    if (first != nullptr && (*first == nullptr || e.date < (*first)->date)) *first = &e;
  }
  bool asked_first() const {
    // A log's entries are in one array: within a day, the address is the file order.
    return ask != nullptr && (give == nullptr || ask->date < give->date || (ask->date == give->date && ask < give));
  }
};

// Whether `e`, of kind `k`, is a later contact than `best` (on equal dates
// the one later in the file wins).
bool later_contact(const Entry& e, const KindInfo* k, const Entry* best) {
  return (k == nullptr || k->contact) && (best == nullptr || !(e.date < best->date));
}

}  // namespace

bool asked_before_giving(const Person& p, const Settings& s) {
  if (p.digest) return p.digest->asked_before_giving;
  FirstAskAndGiving firsts;
  for (const Entry& e : p.log) firsts.see(e, s.find_kind(e.kind));
  return firsts.asked_first();
}

const Entry* last_contact(const Person& p, const Settings& s) {
  if (p.digest) return p.digest->last_contact ? &*p.digest->last_contact : nullptr;
  const Entry* best = nullptr;
  for (const Entry& e : p.log)
    if (later_contact(e, s.find_kind(e.kind), best)) best = &e;
  return best;
}

LogDigest digest_of(const Person& p, const Settings& s) {
  if (p.digest) return *p.digest;
  // The facts above in one pass, each entry's kind looked up once: every
  // person of a cold load, and of `report`, is digested.
  LogDigest d;
  FirstAskAndGiving firsts;
  const Entry* last = nullptr;
  for (const Entry& e : p.log) {
    const KindInfo* k = s.find_kind(e.kind);
    if (k != nullptr) d.balance += k->balance;
    firsts.see(e, k);
    if (later_contact(e, k, last)) last = &e;
    if (e.kind == "intro") d.introduced.push_back(e.with);
  }
  d.asked_before_giving = firsts.asked_first();
  if (last != nullptr) d.last_contact = *last;
  return d;
}

std::vector<std::string> introduced_to(const Person& p) {
  if (p.digest) return p.digest->introduced;
  std::vector<std::string> out;
  for (const Entry& e : p.log)
    if (e.kind == "intro") out.push_back(e.with);
  return out;
}

std::shared_ptr<const LogDigest> shared_digest(LogDigest d) {
  // Owned by nobody (the aliasing constructor with no owner): copies of it
  // count no references, so threads decoding people at once do not fight
  // over one counter.
  static const LogDigest empty;
  if (d.balance == 0 && !d.asked_before_giving && !d.last_contact && d.introduced.empty())
    return std::shared_ptr<const LogDigest>(std::shared_ptr<const LogDigest>(), &empty);
  return std::make_shared<const LogDigest>(std::move(d));
}

LeftOut keep_digest(Person& p, const Settings& s) {
  if (p.digest) return {};
  set_digest(p, s);
  return take_parts(p);
}

void set_digest(Person& p, const Settings& s) {
  p.digest = nullptr;
  p.digest = shared_digest(digest_of(p, s));
}

LeftOut take_parts(Person& p) {
  return LeftOut{std::exchange(p.log, {}),     std::exchange(p.notes, {}),   std::exchange(p.links, {}),
                 std::exchange(p.email, {}),   std::exchange(p.phone, {}),   std::exchange(p.company, {}),
                 std::exchange(p.role, {}),    std::exchange(p.location, {})};
}

void put_back(Person& p, LeftOut&& parts) {
  p.digest = nullptr;
  p.log = std::move(parts.log);
  p.notes = std::move(parts.notes);
  p.links = std::move(parts.links);
  p.email = std::move(parts.email);
  p.phone = std::move(parts.phone);
  p.company = std::move(parts.company);
  p.role = std::move(parts.role);
  p.location = std::move(parts.location);
}

}  // namespace kith
