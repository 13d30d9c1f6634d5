// SPDX-License-Identifier: MIT
#include "person.h"

namespace kith {
namespace {

// One UTF-8 sequence read from the text; `size` bytes long. `valid` is false
// for a byte that does not start a well-formed sequence (a stray continuation
// byte, a truncated or overlong sequence, a surrogate, > U+10FFFF).
struct CodePoint {
  char32_t value = 0;
  size_t size = 1;
  bool valid = false;
};

CodePoint decode(std::string_view s, size_t i) {
  auto byte = [&s](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char lead = byte(i);
  if (lead < 0x80) return {lead, 1, true};
  size_t size = 0;
  char32_t value = 0;
  char32_t min = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    size = 2, value = lead & 0x1F, min = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    size = 3, value = lead & 0x0F, min = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    size = 4, value = lead & 0x07, min = 0x10000;
  } else {
    return {};
  }
  if (i + size > s.size()) return {};
  for (size_t k = 1; k < size; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return {};
    value = (value << 6) | (byte(i + k) & 0x3F);
  }
  if (value < min || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return {};
  return {value, size, true};
}

void encode(char32_t c, std::string& out) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Latin letters with diacritics and their plain ASCII spelling, upper and
// lower case alike. Ranges are inclusive and sorted.
struct Fold {
  char32_t first, last;
  std::string_view ascii;
};
constexpr Fold kLatin[] = {
    // Latin-1 Supplement (× and ÷ are not letters and are left alone).
    {0xC0, 0xC5, "a"}, {0xC6, 0xC6, "ae"}, {0xC7, 0xC7, "c"}, {0xC8, 0xCB, "e"},
    {0xCC, 0xCF, "i"}, {0xD0, 0xD0, "d"}, {0xD1, 0xD1, "n"}, {0xD2, 0xD6, "o"},
    {0xD8, 0xD8, "o"}, {0xD9, 0xDC, "u"}, {0xDD, 0xDD, "y"}, {0xDE, 0xDE, "th"},
    {0xDF, 0xDF, "ss"}, {0xE0, 0xE5, "a"}, {0xE6, 0xE6, "ae"}, {0xE7, 0xE7, "c"},
    {0xE8, 0xEB, "e"}, {0xEC, 0xEF, "i"}, {0xF0, 0xF0, "d"}, {0xF1, 0xF1, "n"},
    {0xF2, 0xF6, "o"}, {0xF8, 0xF8, "o"}, {0xF9, 0xFC, "u"}, {0xFD, 0xFD, "y"},
    {0xFE, 0xFE, "th"}, {0xFF, 0xFF, "y"},
    // Latin Extended-A: upper/lower pairs grouped by base letter.
    {0x100, 0x105, "a"}, {0x106, 0x10D, "c"}, {0x10E, 0x111, "d"}, {0x112, 0x11B, "e"},
    {0x11C, 0x123, "g"}, {0x124, 0x127, "h"}, {0x128, 0x131, "i"}, {0x132, 0x133, "ij"},
    {0x134, 0x135, "j"}, {0x136, 0x138, "k"}, {0x139, 0x142, "l"}, {0x143, 0x14B, "n"},
    {0x14C, 0x151, "o"}, {0x152, 0x153, "oe"}, {0x154, 0x159, "r"}, {0x15A, 0x161, "s"},
    {0x162, 0x167, "t"}, {0x168, 0x173, "u"}, {0x174, 0x175, "w"}, {0x176, 0x178, "y"},
    {0x179, 0x17E, "z"}, {0x17F, 0x17F, "s"},
    // Latin Extended-B: Vietnamese horned o/u, Romanian comma-below s/t.
    {0x1A0, 0x1A1, "o"}, {0x1AF, 0x1B0, "u"}, {0x218, 0x219, "s"}, {0x21A, 0x21B, "t"},
    // Latin Extended Additional: capital sharp s, Vietnamese vowels.
    {0x1E9E, 0x1E9E, "ss"}, {0x1EA0, 0x1EB7, "a"}, {0x1EB8, 0x1EC7, "e"}, {0x1EC8, 0x1ECB, "i"},
    {0x1ECC, 0x1EE3, "o"}, {0x1EE4, 0x1EF1, "u"}, {0x1EF2, 0x1EF9, "y"},
};

std::string_view latin_fold(char32_t c) {
  for (const Fold& f : kLatin)
    if (c >= f.first && c <= f.last) return f.ascii;
  return {};
}

// Lower case for the basic Greek and Cyrillic letters; anything else as is.
char32_t lower_greek_cyrillic(char32_t c) {
  if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 0x20;  // Α..Ϋ (0x3A2 is unassigned)
  if (c == 0x386) return 0x3AC;                                   // Ά
  if (c >= 0x388 && c <= 0x38A) return c + 0x25;                 // Έ Ή Ί
  if (c == 0x38C) return 0x3CC;                                   // Ό
  if (c == 0x38E || c == 0x38F) return c + 0x3F;                  // Ύ Ώ
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;                  // Ѐ..Џ (Ё, Є, І, Ї, Ў ...)
  if (c >= 0x410 && c <= 0x42F) return c + 0x20;                  // А..Я
  bool even_upper = (c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF) || (c >= 0x4D0 && c <= 0x52F);
  if (even_upper && c % 2 == 0) return c + 1;  // Ѡ, Ґ, Ғ, Ҷ, Ӑ ... pair with the next code point
  if (c >= 0x4C1 && c <= 0x4CE && c % 2 == 1) return c + 1;
  if (c == 0x4C0) return 0x4CF;  // Ӏ
  return c;
}

bool is_combining_mark(char32_t c) { return c >= 0x300 && c <= 0x36F; }

// Non-ASCII code points a slug treats as punctuation: spaces, quotes, dashes,
// symbols, emoji. Everything else (letters of any script) is kept.
bool is_separator(char32_t c) {
  return (c >= 0x80 && c <= 0xBF) || c == 0xD7 || c == 0xF7 ||  // Latin-1 punctuation, × ÷
         (c >= 0x2B0 && c <= 0x36F) ||  // modifier letters (ʼ, ˆ), marks fold() left orphaned
         (c >= 0x2000 && c <= 0x2BFF) ||  // general punctuation .. arrows, maths, symbols
         (c >= 0x2E00 && c <= 0x2E7F) ||  // supplemental punctuation
         (c >= 0x3000 && c <= 0x3004) ||  // ideographic space, 、。
         (c >= 0x3008 && c <= 0x3020) ||  // CJK brackets and marks (keeps 々 〆 〇)
         (c >= 0xE000 && c <= 0xF8FF) ||  // private use
         (c >= 0xFE00 && c <= 0xFE0F) ||  // variation selectors (emoji presentation)
         (c >= 0xFE10 && c <= 0xFE6F) ||  // vertical, compatibility and small forms
         (c >= 0xFF00 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||  // fullwidth punctuation
         (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65) ||
         (c >= 0xFFF0 && c <= 0xFFFF) ||    // specials, the replacement character
         (c >= 0x1F000 && c <= 0x1FFFF) ||  // emoji, pictographs, game symbols
         (c >= 0xE0000 && c <= 0xE007F);    // tags (flag emoji sequences)
}

constexpr size_t kMaxSlugBytes = 80;

}  // namespace

std::string fold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool after_invalid = false;
  for (size_t i = 0; i < text.size();) {
    CodePoint cp = decode(text, i);
    if (!cp.valid) {
      out += text[i++];  // not UTF-8: keep the byte, never fail
      after_invalid = true;
      continue;
    }
    // Dropping a mark right after a stray byte could join that byte with the
    // next into a new character, and fold would no longer be idempotent.
    bool drop_mark = is_combining_mark(cp.value) && !after_invalid;
    after_invalid = false;
    char32_t c = cp.value;
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (std::string_view ascii = latin_fold(c); !ascii.empty()) {
      out += ascii;
    } else if (drop_mark) {
      // A decomposed accent (e + U+0301): dropped like a composed one.
    } else if (char32_t lower = lower_greek_cyrillic(c); lower != c) {
      encode(lower, out);
    } else {
      out.append(text.substr(i, cp.size));
    }
    i += cp.size;
  }
  return out;
}

std::string slugify(std::string_view name) {
  std::string folded = fold(name);
  std::string slug;
  bool pending_dash = false;
  for (size_t i = 0; i < folded.size();) {
    CodePoint cp = decode(folded, i);
    bool keep = cp.valid && ((cp.value >= 'a' && cp.value <= 'z') || (cp.value >= '0' && cp.value <= '9') ||
                             (cp.value >= 0x80 && !is_separator(cp.value)));
    if (keep) {
      if (pending_dash && !slug.empty()) slug += '-';
      pending_dash = false;
      slug.append(folded, i, cp.size);
    } else {
      pending_dash = true;
    }
    i += cp.size;
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
