// SPDX-License-Identifier: MIT
#pragma once
// Deciding, for each imported contact, whether they are someone kith knows
// (and what their file lacks) or someone new, and computing every file's new
// text, checked, before anything is written. Pure: texts in, texts out.
#include <functional>
#include <string>
#include <vector>

#include "contact.h"
#include "model/person.h"
#include "model/settings.h"
#include "store/transaction.h"

namespace kith {

// A person already in the directory, with the text of their file.
struct KnownPerson {
  Person person;
  std::string text;
};

struct ImportOptions {
  std::string circle;  // for new people; empty: no `circle:` (the default circle)
  // Where a new person with this slug goes (the top of the data directory).
  std::function<std::string(const std::string& slug)> path_for;
  std::function<void(std::size_t done, std::size_t total)> progress;  // may be empty
};

struct ImportPlan {
  std::vector<FileChange> changes;  // one per file created or changed
  std::vector<std::string> created, merged, unchanged;  // slugs, one per contact
  std::vector<Skipped> skipped;
  std::vector<std::string> conflicts;  // "slug: email is 'a' here, 'b' in the import (line 12)"
};

// Matching, in order: the same vCard UID; the same LinkedIn URL (canonical);
// the same email (case-insensitive); the same name (compared with fold())
// when exactly one known person and exactly one contact of the import have
// it; else, someone with that name whose file already holds everything the
// contact brings. A known person is never overwritten: fields they lack are
// added (text-preserving), different values are left alone and listed in
// `conflicts`. Contacts that match nobody become new files; two contacts of
// one import that match each other end up in one file.
ImportPlan plan_import(const std::vector<Contact>& contacts, const std::vector<KnownPerson>& known,
                       const Settings& settings, const ImportOptions& options);

}  // namespace kith
