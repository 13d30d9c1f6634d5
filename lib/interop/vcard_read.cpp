// SPDX-License-Identifier: MIT
#include "vcard_read.h"

#include <fmt/format.h>

#include <map>
#include <optional>

#include "linkedin.h"
#include "model/error.h"
#include "text.h"

namespace kith {

namespace {

struct Property {
  int line = 0;
  std::string group;                                // `item1`, or ""
  std::string name;                                 // upper case
  std::multimap<std::string, std::string> params;  // names upper case; bare 2.1 ones under TYPE
  std::string value;                                // raw, still escaped / encoded
  bool has(const std::string& param, const std::string& v) const {
    auto [a, b] = params.equal_range(param);
    for (auto it = a; it != b; ++it)
      for (const auto& item : split_commas(it->second))
        if (ascii_lower(item) == ascii_lower(v)) return true;
    return false;
  }
  std::string param(const std::string& p) const {
    auto it = params.find(p);
    return it == params.end() ? "" : it->second;
  }
  static std::vector<std::string> split_commas(const std::string& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i)
      if (i == s.size() || s[i] == ',') {
        out.push_back(s.substr(start, i - start));
        start = i + 1;
      }
    return out;
  }
};

// Physical lines: CR LF, LF, a lone CR and CR CR LF all end one line.
std::vector<std::string> physical_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::string cur;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\r' || c == '\n') {
      while (i + 1 < text.size() && text[i] == '\r' && text[i + 1] == '\r') ++i;
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      lines.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) lines.push_back(std::move(cur));
  return lines;
}

// Where the name and parameters end: the first `:` outside double quotes.
std::size_t value_colon(const std::string& line) {
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '"') quoted = !quoted;
    else if (line[i] == ':' && !quoted) return i;
  }
  return std::string::npos;
}

bool is_quoted_printable(const std::string& line) {
  const std::size_t colon = value_colon(line);
  return colon != std::string::npos && ascii_lower(line.substr(0, colon)).find("quoted-printable") != std::string::npos;
}

// Logical lines with their first physical line: folding undone, and
// quoted-printable soft breaks (`=` at the end of a line) joined, `=` and
// all, so the decoder sees one value even when a phone split an `=XX`.
std::vector<std::pair<int, std::string>> logical_lines(const std::vector<std::string>& lines) {
  std::vector<std::pair<int, std::string>> out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& l = lines[i];
    if (!out.empty() && !l.empty() && (l[0] == ' ' || l[0] == '\t')) {
      out.back().second += l.substr(1);
    } else if (!out.empty() && !out.back().second.empty() && out.back().second.back() == '=' &&
               is_quoted_printable(out.back().second)) {
      out.back().second.pop_back();  // the soft break
      out.back().second += l;
    } else if (!l.empty()) {
      out.push_back({static_cast<int>(i + 1), l});
    }
  }
  return out;
}

std::optional<Property> parse_property(int line, const std::string& text) {
  const std::size_t colon = value_colon(text);
  if (colon == std::string::npos) return std::nullopt;
  Property p;
  p.line = line;
  p.value = text.substr(colon + 1);
  std::vector<std::string> parts;
  {
    std::string cur;
    bool quoted = false;
    for (char c : text.substr(0, colon)) {
      if (c == '"') quoted = !quoted;
      if (c == ';' && !quoted) {
        parts.push_back(cur);
        cur.clear();
      } else {
        cur += c;
      }
    }
    parts.push_back(cur);
  }
  std::string name = trim_blanks(parts[0]);
  if (auto dot = name.find('.'); dot != std::string::npos) {
    p.group = ascii_lower(name.substr(0, dot));
    name = name.substr(dot + 1);
  }
  for (char& c : name)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  p.name = name;
  for (std::size_t i = 1; i < parts.size(); ++i) {
    const std::string& param = parts[i];
    auto eq = param.find('=');
    std::string key = eq == std::string::npos ? "" : param.substr(0, eq);
    std::string value = eq == std::string::npos ? param : param.substr(eq + 1);
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    key = ascii_lower(trim_blanks(key));
    for (char& c : key) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    if (key.empty()) {  // a bare 2.1 parameter: an encoding, a charset, or a type
      const std::string lower = ascii_lower(value);
      key = lower == "quoted-printable" || lower == "base64" || lower == "b" || lower == "8bit" ? "ENCODING" : "TYPE";
    }
    p.params.emplace(key, value);
  }
  return p;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string quoted_printable_decoded(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '=') {
      out += s[i];
    } else if (i + 2 < s.size() && hex_digit(s[i + 1]) >= 0 && hex_digit(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_digit(s[i + 1]) * 16 + hex_digit(s[i + 2]));
      i += 2;
    } else if (i + 1 == s.size()) {
      // a soft break at the very end
    } else {
      out += s[i];
    }
  }
  return out;
}

// The value's bytes as UTF-8: quoted-printable undone, then the charset.
std::string decoded(const Property& p) {
  std::string v = p.value;
  if (p.has("ENCODING", "quoted-printable")) {
    v = quoted_printable_decoded(v);
  }
  const std::string charset = ascii_lower(p.param("CHARSET"));
  if ((!charset.empty() && charset != "utf-8" && charset != "utf8" && charset != "us-ascii") || !is_utf8(v))
    v = cp1252_to_utf8(v);
  for (std::size_t at; (at = v.find("\r\n")) != std::string::npos;) v.erase(at, 1);  // line breaks as kith writes them
  return v;
}

// Splits on an unescaped `sep` and undoes `\\`, `\,`, `\;`, `\:`, `\n`.
std::vector<std::string> unescaped_parts(const std::string& v, char sep) {
  std::vector<std::string> parts(1);
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (v[i] == '\\' && i + 1 < v.size()) {
      const char n = v[++i];
      parts.back() += n == 'n' || n == 'N' ? '\n' : n;
    } else if (v[i] == sep) {
      parts.emplace_back();
    } else {
      parts.back() += v[i];
    }
  }
  for (auto& part : parts) part = trim_blanks(part);
  return parts;
}

std::string text_value(const Property& p) { return unescaped_parts(decoded(p), '\0').front(); }

std::vector<std::string> list_value(const Property& p) {
  std::vector<std::string> out;
  for (auto& item : unescaped_parts(decoded(p), ','))
    if (!item.empty()) out.push_back(item);
  return out;
}

std::optional<int> digits(std::string_view s) {
  if (s.empty()) return std::nullopt;
  int n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

std::optional<Birthday> checked_birthday(std::optional<int> year, std::optional<int> month, std::optional<int> day) {
  if (!month || !day) return std::nullopt;
  Birthday b{year, static_cast<unsigned>(*month), static_cast<unsigned>(*day)};
  if (!parse_birthday(format_birthday(b))) return std::nullopt;
  return b;
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& part : parts)
    if (!part.empty()) out += (out.empty() ? "" : " ") + part;
  return out;
}

// The name from N: prefix, given, additional, family, suffix; each part may
// itself be a comma list. Any number of parts.
std::string name_from_n(const Property& n) {
  std::vector<std::string> parts = unescaped_parts(decoded(n), ';');
  parts.resize(5);
  for (auto& part : parts)
    for (char& c : part)
      if (c == ',') c = ' ';
  return joined({parts[3], parts[1], parts[2], parts[0], parts[4]});
}

bool preferred(const Property& p) { return p.has("TYPE", "pref") || !p.param("PREF").empty(); }

// One card's properties -> a contact; nullopt for a card with nothing to
// name anyone by.
std::optional<Contact> contact_of(const std::vector<Property>& props, int line, VcardRead& out) {
  Contact c;
  c.line = line;
  std::map<std::string, std::string> labels;  // group -> X-ABLabel
  for (const auto& p : props)
    if (p.name == "X-ABLABEL" && !p.group.empty()) {
      std::string label = ascii_lower(text_value(p));
      if (label.starts_with("_$!<") && label.ends_with(">!$_")) label = label.substr(4, label.size() - 8);  // Apple's own
      labels[p.group] = label;
    }
  const Property* n = nullptr;
  bool email_pref = false, tel_pref = false;
  std::vector<std::string> notes;
  int websites = 0;
  for (const auto& p : props) {
    if (p.has("ENCODING", "b") || p.has("ENCODING", "base64")) continue;  // photos, logos, sounds
    const std::string& k = p.name;
    if (k == "FN") c.name = text_value(p);
    else if (k == "N") n = &p;
    else if (k == "NICKNAME") for (auto& a : list_value(p)) c.aka.push_back(a);
    else if (k == "EMAIL" && (c.email.empty() || (preferred(p) && !email_pref))) {
      c.email = text_value(p);
      email_pref = preferred(p);
    } else if (k == "TEL" && (c.phone.empty() || (preferred(p) && !tel_pref))) {
      c.phone = text_value(p);
      if (c.phone.starts_with("tel:")) c.phone = c.phone.substr(4);
      tel_pref = preferred(p);
    } else if (k == "ORG" && c.company.empty()) c.company = unescaped_parts(decoded(p), ';').front();
    else if (k == "TITLE" && c.role.empty()) c.role = text_value(p);
    else if (k == "NOTE") { if (auto note = text_value(p); !note.empty()) notes.push_back(note); }
    else if (k == "CATEGORIES") for (auto& t : list_value(p)) c.tags.push_back(t);
    else if (k == "UID") c.vcard_uid = text_value(p);
    else if (k == "X-KITH-CIRCLE") c.circle = text_value(p);
    else if (k == "X-KITH-CONNECTED") c.connected = parse_iso_date(text_value(p));
    else if (k == "ADR" && c.location.empty()) {
      std::vector<std::string> parts = unescaped_parts(decoded(p), ';');
      parts.resize(7);
      c.location = parts[3].empty() ? joined({parts[4], parts[6]}) : parts[3];
    } else if (k == "BDAY") {
      const std::string v = text_value(p);
      c.birthday = parse_vcard_date(v);
      if (c.birthday && c.birthday->year && p.param("X-APPLE-OMIT-YEAR") == std::to_string(*c.birthday->year))
        c.birthday->year.reset();
      if (!c.birthday && !v.empty())
        out.warnings.push_back({p.line, fmt::format("BDAY '{}' is not a date kith can read, left out", v)});
    } else if (k == "URL" || k == "X-SOCIALPROFILE") {
      std::string url = text_value(p);
      if (url.empty()) continue;
      std::string kind = labels.count(p.group) ? labels[p.group] : "";
      for (const auto& [key, value] : p.params)
        if (key == "TYPE")
          for (const auto& t : Property::split_commas(value))
            if (auto lt = ascii_lower(t); lt != "pref" && lt != "work" && lt != "home" && lt != "internet" &&
                                          lt != "x-social-profile" && kind.empty())
              kind = lt;
      const std::string canonical = canonical_linkedin_url(url);
      if (canonical != url || kind == "linkedin") {
        kind = "linkedin";
        url = canonical;
      }
      if (k == "X-SOCIALPROFILE" && url.starts_with("x-apple:")) continue;
      if (kind.empty()) kind = ++websites == 1 ? "website" : fmt::format("website{}", websites);
      c.links.emplace(kind, url);
    }
  }
  for (const auto& note : notes) c.notes += (c.notes.empty() ? "" : "\n") + note;
  if (c.name.empty() && n) c.name = name_from_n(*n);
  if (c.name.empty()) c.name = c.email;
  if (c.name.empty()) return std::nullopt;
  return c;
}

}  // namespace

std::optional<Birthday> parse_vcard_date(std::string_view raw) {
  std::string text = trim_blanks(raw);
  if (auto t = text.find('T'); t != std::string::npos) text = text.substr(0, t);
  if (text.starts_with("--")) {  // no year: --0512, --05-12
    std::string md = text.substr(2);
    if (md.size() == 5 && md[2] == '-') md.erase(2, 1);
    if (md.size() != 4) return std::nullopt;
    return checked_birthday(std::nullopt, digits(md.substr(0, 2)), digits(md.substr(2, 2)));
  }
  if (text.size() == 8 && digits(text))
    return checked_birthday(digits(text.substr(0, 4)), digits(text.substr(4, 2)), digits(text.substr(6, 2)));
  if (text.size() == 10 && text[4] == '-' && text[7] == '-')
    return checked_birthday(digits(text.substr(0, 4)), digits(text.substr(5, 2)), digits(text.substr(8, 2)));
  return std::nullopt;
}

VcardRead read_vcards(std::string_view text, const std::string& path) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  VcardRead out;
  bool any = false;
  int depth = 0, card_line = 0;
  std::vector<Property> card;
  for (const auto& [line, logical] : logical_lines(physical_lines(text))) {
    auto p = parse_property(line, logical);
    if (!p) continue;
    const std::string value = ascii_lower(trim_blanks(p->value));
    if (p->name == "BEGIN" && value == "vcard") {
      if (depth++ == 0) {
        any = true;
        card.clear();
        card_line = line;
      }
    } else if (p->name == "END" && value == "vcard" && depth > 0) {
      if (--depth == 0) {
        if (auto c = contact_of(card, card_line, out)) out.contacts.push_back(std::move(*c));
        else out.skipped.push_back({card_line, "an empty card (no name, no N, no email)"});
      }
    } else if (depth == 1) {
      card.push_back(std::move(*p));
    }
  }
  if (!any) throw Error("no BEGIN:VCARD: is this a vCard file?", path);
  return out;
}

}  // namespace kith
