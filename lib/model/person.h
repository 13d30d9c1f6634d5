// SPDX-License-Identifier: MIT
#pragma once
// A person as read from their YAML file. Only what kith uses is modelled;
// everything else in the file stays in the file, untouched.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compact.h"
#include "dates.h"

namespace kith {

struct Entry {
  Date date;
  std::string kind;
  std::string note;
  std::string with;  // a slug; required for `intro`
  int line = 0;      // where the entry starts in its file (1-based)
};

// What the rules need of a log, for a person loaded without it
// (Store::load with Detail::digest: `due` and `list` at 30,000 people
// cannot afford every entry). Computed from the whole log with the settings
// of that load (balance.h's digest_of).
struct LogDigest {
  int balance = 0;
  bool asked_before_giving = false;
  std::optional<Entry> last_contact;
  std::vector<std::string> introduced;  // the `with` of every intro entry, in file order
};

struct Person {
  std::string slug;  // file name without `.yaml`
  std::string path;  // as found by the store (relative paths stay relative)
  std::string name;
  std::vector<std::string> aka;
  std::string circle;  // always set after loading (default_circle if absent)
  std::optional<Duration> every;
  std::optional<Date> next;
  std::optional<Date> added;  // the day `kith add` created the file (rule 5)
  std::vector<std::string> tags, offers, needs;
  Text email, phone, company, role, location, notes;  // mostly empty: a pointer each
  std::optional<Birthday> birthday;
  Links links;
  std::vector<Entry> log;  // in file order (not necessarily date order)
  // Set by a digest load, which leaves `log`, `notes`, `links` and the
  // contact details (email, phone, company, role, location) empty.
  // Shared and immutable: most imported people have the same empty digest,
  // and a Person stays small (30,000 of them are in memory at once).
  std::shared_ptr<const LogDigest> digest;
};

// The form names, akas, tags, offers and needs are compared in, computed by
// utf8proc from Unicode's own data: NFKC with full case folding (ß -> ss,
// final ς -> σ, full-width Ｆ -> f, ǅ -> dž), marks removed (é -> e, ё -> е,
// decomposed or not), default-ignorable code points (zero-width joiners,
// variation selectors) dropped; then the Latin letters Unicode does not
// decompose get their plain spelling (ł -> l, ø -> o, æ -> ae, œ -> oe,
// þ -> th). Bytes that are not UTF-8 pass unchanged, and a lone accent right
// after one is kept, so fold never fails and fold(fold(s)) == fold(s).
std::string fold(std::string_view text);

// `text` in Unicode Normalization Form C (how names are written: one
// spelling for é whether it was typed composed or decomposed); text that is
// not UTF-8 comes back unchanged.
std::string to_nfc(std::string_view text);

// True when one of the person's tags equals `tag`, compared with fold() and
// surrounding blanks ignored (`--tag Lyon` finds `tags: [lyon ]`).
bool has_tag(const Person& p, std::string_view tag);

// A file name from a name: fold(), then every run of separators becomes one
// `-`, with none at either end. Kept: a-z, 0-9 and the letters and digits of
// any script (Unicode categories L and N). Separators: everything else
// (punctuation, symbols, emoji, spacing modifier letters such as ʼ, invalid
// UTF-8 bytes and the accents fold() keeps after them).
// "Charlène Dupont" -> "charlene-dupont", "Пётр Ильич" -> "петр-ильич",
// "李小龍" -> "李小龍", "Ｆｕｌｌ" -> "full". At most 80 bytes, never cutting a
// UTF-8 sequence; a name with nothing usable gets "person".
std::string slugify(std::string_view name);

}  // namespace kith
