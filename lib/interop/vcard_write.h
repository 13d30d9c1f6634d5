// SPDX-License-Identifier: MIT
#pragma once
// People as vCards (RFC 6350 4.0, or RFC 2426 3.0 for Android's contacts
// app), which kith's own import reads back with nothing lost.
#include <string>

#include "model/person.h"

namespace kith {

enum class VcardVersion { v3, v4 };

// One card, CRLF-terminated and folded. `uid` is the person's `vcard_uid`
// when the file has one (so a card that came in goes back out under its own
// UID), else empty: then a UID stable for the slug is made up.
// `connected` is the file's `connected:` date text, or empty.
std::string vcard_of(const Person& p, VcardVersion version, const std::string& uid, const std::string& connected);

// The UID vcard_of writes for `p`.
std::string vcard_uid_for(const Person& p, const std::string& uid);

}  // namespace kith
