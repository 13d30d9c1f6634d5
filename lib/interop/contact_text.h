// SPDX-License-Identifier: MIT
#pragma once
// The YAML text of a new person file for an imported contact.
#include <string>

#include "contact.h"

namespace kith {

// `name:` first, then every field the contact has, in DESIGN.md's order,
// then `connected:` and `vcard_uid:`; no `added:` and no `log:`, so an
// import never makes anyone due. `circle` is omitted when empty. Throws
// UsageError when a value is not UTF-8.
std::string contact_text(const Contact& c, const std::string& circle);

}  // namespace kith
