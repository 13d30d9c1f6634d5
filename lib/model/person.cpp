// SPDX-License-Identifier: MIT
#include "person.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <utility>

namespace kith {
namespace {

// One step of UTF-8 decoding: the code point at `s[i]` and its length in
// bytes, or a negative code point for a byte that starts no valid sequence.
std::pair<utf8proc_int32_t, std::size_t> decode(std::string_view s, std::size_t i) {
  utf8proc_int32_t cp = -1;
  utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                        static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
  if (n <= 0) return {-1, 1};
  return {cp, static_cast<std::size_t>(n)};
}

// `text` (valid UTF-8) through utf8proc with `options`.
std::string map_utf8(std::string_view text, utf8proc_option_t options) {
  if (text.empty()) return {};
  // What utf8proc_map does, on the stack for a short text (a name, a tag:
  // nearly all): it decomposes twice, once to size a buffer it allocates.
  // The buffer takes the decomposed code points, then their UTF-8 in place,
  // and a NUL.
  utf8proc_int32_t buffer[128];
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  const auto size = static_cast<utf8proc_ssize_t>(text.size());
  utf8proc_ssize_t points = utf8proc_decompose(bytes, size, buffer, 127, options);
  if (points >= 0 && points <= 127) {
    utf8proc_ssize_t n = utf8proc_reencode(buffer, points, options);
    if (n >= 0) return std::string(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(n));
  }
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                    static_cast<utf8proc_ssize_t>(text.size()), &out, options);
  if (n < 0) return std::string(text);  // only on out of memory: compare as written
  std::string result(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
  std::free(out);
  return result;
}

// Latin letters that Unicode gives no decomposition (a stroke or a ligature
// is not a mark), so no normalization reaches their plain spelling; names
// were matched that way before and must stay so (`lodz` finds Łódź).
// Lower case only: they are looked up after case folding.
std::string_view unmarked_latin(utf8proc_int32_t c) {
  switch (c) {
    case 0xE6: return "ae";   // æ
    case 0xF0: return "d";    // ð
    case 0xF8: return "o";    // ø
    case 0xFE: return "th";   // þ
    case 0x111: return "d";   // đ
    case 0x127: return "h";   // ħ
    case 0x131: return "i";   // dotless ı
    case 0x138: return "k";   // ĸ
    case 0x142: return "l";   // ł
    case 0x14B: return "n";   // ŋ
    case 0x153: return "oe";  // œ
    case 0x167: return "t";   // ŧ
    default: return {};
  }
}

// Full case folding, compatibility forms (full-width, ligatures, ǅ), marks
// and default-ignorable code points removed: NFKC_Casefold without marks.
constexpr utf8proc_option_t kFoldOptions = static_cast<utf8proc_option_t>(
    UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);

bool printable_ascii(char c) { return c >= 0x20 && c < 0x7f; }

// A run of valid UTF-8, folded. Printable ASCII followed by printable ASCII
// (or the end) folds alone, to its lower case: no composition pairs it with
// the character before it, and only a mark or another non-ASCII character
// after it could join it. So utf8proc sees only the stretches around the
// other characters ("jö" of "Björn Perlman"), the same as the whole run.
void append_folded(std::string_view valid, std::string& out) {
  auto alone = [valid](std::size_t k) {
    return printable_ascii(valid[k]) && (k + 1 == valid.size() || printable_ascii(valid[k + 1]));
  };
  for (std::size_t i = 0; i < valid.size();) {
    if (alone(i)) {
      char c = valid[i++];
      out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
      continue;
    }
    std::size_t end = i + 1;  // never inside a character: `alone` is true only at ASCII
    while (end < valid.size() && !alone(end)) ++end;
    const std::string folded = map_utf8(valid.substr(i, end - i), kFoldOptions);
    for (std::size_t k = 0; k < folded.size();) {
      auto [cp, n] = decode(folded, k);
      std::string_view ascii = unmarked_latin(cp);
      if (ascii.empty()) out.append(folded, k, n);
      else out += ascii;
      k += n;
    }
    i = end;
  }
}

// Letters and digits of any script make slugs; everything else (spaces,
// punctuation, symbols, emoji, marks) separates. Spacing modifier letters
// (ʼ, ˆ) are letters to Unicode but apostrophes and accents to a reader.
bool is_slug_char(utf8proc_int32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  if (c >= 0x2B0 && c <= 0x2FF) return false;
  switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

constexpr size_t kMaxSlugBytes = 80;

}  // namespace

std::string fold(std::string_view text) {
  // Printable ASCII (most names and tags) only changes case: no need to ask
  // utf8proc, which `list` did 30,000 times.
  if (std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c <= 0x7e; })) {
    std::string lower(text);
    for (char& c : lower)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return lower;
  }
  std::string out;
  out.reserve(text.size());
  bool after_invalid = false;
  for (std::size_t i = 0; i < text.size();) {
    // The longest run of valid UTF-8 from here, folded as one text so that
    // a decomposed accent meets its letter.
    std::size_t end = i;
    while (end < text.size() && decode(text, end).first >= 0) end += decode(text, end).second;
    if (end > i) {
      std::string_view run = text.substr(i, end - i);
      std::size_t before = out.size();
      append_folded(run, out);
      // A run that folds to nothing (a lone accent) between stray bytes
      // would let them fuse into a new character: keep it as written, so
      // that fold(fold(s)) == fold(s).
      if (out.size() == before && after_invalid) out += run;
      i = end;
      after_invalid = false;
    } else {
      out += text[i++];  // not UTF-8: keep the byte, never fail
      after_invalid = true;
    }
  }
  return out;
}

std::string to_nfc(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    auto [cp, n] = decode(text, i);
    if (cp < 0) return std::string(text);  // not UTF-8: nothing to normalize
    i += n;
  }
  return map_utf8(text, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
}

std::string slugify(std::string_view name) {
  std::string folded = fold(name);
  std::string slug;
  bool pending_dash = false;
  for (std::size_t i = 0; i < folded.size();) {
    auto [cp, n] = decode(folded, i);
    if (cp >= 0 && is_slug_char(cp)) {
      if (pending_dash && !slug.empty()) slug += '-';
      pending_dash = false;
      slug.append(folded, i, n);
    } else {
      pending_dash = true;
    }
    i += n;
  }
  if (slug.size() > kMaxSlugBytes) {
    size_t cut = kMaxSlugBytes;
    while (cut > 0 && (static_cast<unsigned char>(slug[cut]) & 0xC0) == 0x80) --cut;
    slug.resize(cut);
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
  }
  return slug.empty() ? "person" : slug;
}

bool has_tag(const Person& p, std::string_view tag) {
  auto trimmed = [](std::string_view v) {
    const char* ws = " \t\r\n";
    std::size_t b = v.find_first_not_of(ws);
    return b == std::string_view::npos ? std::string_view() : v.substr(b, v.find_last_not_of(ws) - b + 1);
  };
  const std::string want = fold(trimmed(tag));
  for (const std::string& t : p.tags)
    if (fold(trimmed(t)) == want) return true;
  return false;
}

}  // namespace kith
