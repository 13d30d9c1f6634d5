// SPDX-License-Identifier: MIT
#pragma once
// LinkedIn's Connections.csv, in the layouts real exports come in: with or
// without the `Notes:` preamble (also as `Notes:,,` after an Excel re-save),
// 6, 7 or more columns read by header name, `,` or `;` separated, UTF-8
// (with or without BOM) or Windows-1252.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "contact.h"
#include "model/dates.h"

namespace kith {

struct LinkedinRead {
  std::vector<Contact> contacts;  // in file order
  std::vector<Skipped> skipped;   // rows with no name (LinkedIn writes rows empty but for the date)
  std::vector<Skipped> warnings;  // kept rows with a part that could not be read (a date)
  bool converted_from_cp1252 = false;
};

// Throws Error(path) when no header line names `First Name` and `Last Name`,
// or for broken quoting.
LinkedinRead read_linkedin(std::string_view text, const std::string& path);

// `https://www.linkedin.com/in/<slug>` for any spelling of a LinkedIn profile
// URL (http, country hosts such as fr.linkedin.com, no scheme, a trailing
// `/`, a query, percent-encoding, upper case); other URLs come back trimmed.
std::string canonical_linkedin_url(std::string_view url);

// `09 Oct 2024`, `1/8/18, 6:14 PM` (month first, as LinkedIn writes it, unless
// the first number cannot be a month), `08-Jan-18`, `2024-10-09`.
std::optional<Date> parse_linkedin_date(std::string_view text);

}  // namespace kith
