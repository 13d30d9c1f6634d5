// SPDX-License-Identifier: MIT
#include "text.h"

#include <cstdint>

namespace kith {

bool is_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size() || (len == 2 && c < 0xC2) || (len == 4 && c > 0xF4)) return false;
    for (std::size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    if (len == 3) {  // no overlong forms, no surrogates
      const auto c1 = static_cast<unsigned char>(s[i + 1]);
      if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0)) return false;
    }
    if (len == 4) {
      const auto c1 = static_cast<unsigned char>(s[i + 1]);
      if ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90)) return false;
    }
    i += len;
  }
  return true;
}

namespace {

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// 0x80..0x9F of Windows-1252; 0xFFFD where the code page defines nothing.
constexpr std::uint16_t cp1252_high[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

}  // namespace

std::string cp1252_to_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80 && c < 0xA0) append_utf8(out, cp1252_high[c - 0x80]);
    else append_utf8(out, c);  // Latin-1 elsewhere
  }
  return out;
}

std::string trim_blanks(std::string_view s) {
  auto blank_at_start = [&](std::size_t& n) {
    if (s.empty()) return false;
    if (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n') return (n = 1), true;
    if (s.starts_with("\xC2\xA0")) return (n = 2), true;
    return false;
  };
  auto blank_at_end = [&](std::size_t& n) {
    if (s.empty()) return false;
    if (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n') return (n = 1), true;
    if (s.ends_with("\xC2\xA0")) return (n = 2), true;
    return false;
  };
  std::size_t n = 0;
  while (blank_at_start(n)) s.remove_prefix(n);
  while (blank_at_end(n)) s.remove_suffix(n);
  return std::string(s);
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace kith
