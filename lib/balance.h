// SPDX-License-Identifier: MIT
#pragma once
// Facts about one person's log that several reports share: the give/ask
// balance and the latest contact. Unknown kinds count as neutral contacts
// here; the loader refuses them before they can reach a report. Each reads
// the person's digest instead when they were loaded without their log.
#include <memory>
#include <optional>

#include "person.h"
#include "settings.h"

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

// Replaces the log, notes and links by their digest (a digest load's form).
void keep_digest(Person& p, const Settings& s);

}  // namespace kith
