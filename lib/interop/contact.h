// SPDX-License-Identifier: MIT
#pragma once
// A person as another program describes them (a LinkedIn connection, a
// vCard), before kith decides whether they are new or already known.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/dates.h"

namespace kith {

struct Contact {
  int line = 0;  // where the row or card starts in its file, for messages
  std::string name;
  std::vector<std::string> aka, tags;
  std::string email, phone, company, role, location, notes;
  std::optional<Birthday> birthday;
  std::map<std::string, std::string> links;  // `linkedin` is canonical (canonical_linkedin_url)
  std::optional<Date> connected;             // LinkedIn's "Connected On"
  std::string vcard_uid;
  std::string circle;  // kith's own vCards say it (X-KITH-CIRCLE); used when the directory knows it
};

// A row or card that brought nobody in, and why.
struct Skipped {
  int line = 0;
  std::string reason;
};

}  // namespace kith
