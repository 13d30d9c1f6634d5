// SPDX-License-Identifier: MIT
#pragma once
// Facts about one person's log that several reports share: the give/ask
// balance and the latest contact. Unknown kinds count as neutral contacts
// here; the loader refuses them before they can reach a report. Each reads
// the person's digest instead when they were loaded without their log.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/person.h"
#include "model/settings.h"

namespace kith {

// Sum of the balance of every entry (kinds from kith.yaml included).
int balance_of(const Person& p, const Settings& s);

// True when the person's first `ask`-like entry (balance < 0 and kind `ask`)
// comes before any entry of positive balance: you asked before ever giving.
bool asked_before_giving(const Person& p, const Settings& s);

// The latest entry that is a contact (every kind but `note`-like ones). On
// equal dates the one later in the file wins. nullptr when there is none.
const Entry* last_contact(const Person& p, const Settings& s);

bool is_contact(const Entry& e, const Settings& s);

// The facts above, computed from the log.
LogDigest digest_of(const Person& p, const Settings& s);

// `d`, shared (people with an empty digest share one).
std::shared_ptr<const LogDigest> shared_digest(LogDigest d);

// The who of every intro entry, in file order (from the digest when the
// person has one).
std::vector<std::string> introduced_to(const Person& p);

// What keep_digest takes out of a person.
struct LeftOut {
  std::vector<Entry> log;
  Text notes;
  Links links;
  Text email, phone, company, role, location;
};

// Replaces the log by its digest and takes out the notes, links and contact
// details (a digest load's form: what `due`, `list`, `intro --suggest` and
// WHO matching need), and hands them back: put_back undoes it without
// copying them.
LeftOut keep_digest(Person& p, const Settings& s);
void put_back(Person& p, LeftOut&& parts);

// keep_digest in two steps, for a person read whole and then handed on with
// their digest already set (balance_of and the others read it, so it is
// computed once): set_digest, then take_parts.
void set_digest(Person& p, const Settings& s);
LeftOut take_parts(Person& p);

}  // namespace kith
