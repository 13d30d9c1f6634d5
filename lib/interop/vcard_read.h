// SPDX-License-Identifier: MIT
#pragma once
// vCard 2.1, 3.0 and 4.0 (RFC 2426, RFC 6350 and what phones and address
// books really write): several cards per file, folded lines, LF, CRLF or
// CR CR LF, quoted-printable with soft breaks, CHARSET, bare 2.1 parameters,
// lowercase names, grouped properties (`item1.URL` with `item1.X-ABLabel`),
// base64 photos (ignored), escapes, and birthdays in every form.
#include <string>
#include <string_view>
#include <vector>

#include "contact.h"

namespace kith {

struct VcardRead {
  std::vector<Contact> contacts;
  std::vector<Skipped> skipped;   // empty cards (nothing to name them by)
  std::vector<Skipped> warnings;  // kept cards with a value kith could not read (a BDAY)
};

// Never throws for odd content: what cannot be read is skipped or warned
// about. Throws Error(path) only when there is no BEGIN:VCARD at all.
VcardRead read_vcards(std::string_view text, const std::string& path);

// `--0512`, `--05-12`, `19900512`, `1990-05-12`, `1990-05-12T00:00:00Z`.
std::optional<Birthday> parse_vcard_date(std::string_view text);

}  // namespace kith
