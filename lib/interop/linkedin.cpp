// SPDX-License-Identifier: MIT
#include "linkedin.h"

#include <fmt/format.h>

#include <array>
#include <map>
#include <utility>

#include "csv.h"
#include "model/error.h"
#include "text.h"

namespace kith {

namespace {

std::optional<unsigned> month_from_name(std::string_view name) {
  static constexpr std::array<const char*, 12> names{"jan", "feb", "mar", "apr", "may", "jun",
                                                      "jul", "aug", "sep", "oct", "nov", "dec"};
  const std::string lower = ascii_lower(name);
  if (lower.size() < 3) return std::nullopt;
  for (unsigned i = 0; i < names.size(); ++i)
    if (lower.compare(0, 3, names[i]) == 0) return i + 1;
  return std::nullopt;
}

std::optional<int> number(std::string_view s) {
  if (s.empty() || s.size() > 4) return std::nullopt;
  int n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

std::optional<Date> make_date(std::optional<int> y, std::optional<unsigned> m, std::optional<int> d,
                              bool two_digit_year) {
  if (!y || !m || !d) return std::nullopt;
  int year = *y;
  if (two_digit_year) year += 2000;  // LinkedIn started in 2003
  const Date date{date::year{year}, date::month{*m}, date::day{static_cast<unsigned>(*d)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

// Splits on any of `seps`, dropping empty parts.
std::vector<std::string_view> split_any(std::string_view s, std::string_view seps) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || seps.find(s[i]) != std::string_view::npos) {
      if (i > start) parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decoded(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return is_utf8(out) ? out : std::string(s);
}

// The columns kith reads, by header name (case and blanks ignored).
struct Columns {
  std::map<std::string, std::size_t> index;
  std::string get(const std::vector<std::string>& fields, const std::string& name) const {
    auto it = index.find(name);
    if (it == index.end() || it->second >= fields.size()) return {};
    std::string value = trim_blanks(fields[it->second]);
    for (std::size_t at; (at = value.find("\r\n")) != std::string::npos;) value.erase(at, 1);  // Windows line breaks
    return value;
  }
};

std::optional<Columns> header_of(const CsvRow& row) {
  Columns c;
  for (std::size_t i = 0; i < row.fields.size(); ++i) {
    std::string name = ascii_lower(trim_blanks(row.fields[i]));
    if (name == "profile url") name = "url";
    if (name == "email") name = "email address";
    if (name == "title") name = "position";
    if (!name.empty() && !c.index.count(name)) c.index[name] = i;
  }
  if (!c.index.count("first name") || !c.index.count("last name")) return std::nullopt;
  return c;
}

// Stray, doubled and odd blanks inside a name become one space.
std::string tidy_name(const std::string& first, const std::string& last) {
  std::string joined = trim_blanks(first + " " + last), out;
  for (std::size_t i = 0; i < joined.size(); ++i) {
    const bool nbsp = joined.compare(i, 2, "\xC2\xA0") == 0;
    if (joined[i] == ' ' || joined[i] == '\t' || nbsp) {
      if (nbsp) ++i;
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += joined[i];
    }
  }
  return trim_blanks(out);
}

}  // namespace

std::optional<Date> parse_linkedin_date(std::string_view raw) {
  const std::string text = trim_blanks(raw);
  if (auto iso = parse_iso_date(text)) return iso;
  // `1/8/18, 6:14 PM`: the time goes.
  std::string_view day_part = text;
  if (auto comma = day_part.find(','); comma != std::string_view::npos) day_part = day_part.substr(0, comma);
  if (day_part.find('/') != std::string_view::npos) {
    auto parts = split_any(day_part, "/");
    if (parts.size() != 3) return std::nullopt;
    auto m = number(parts[0]), d = number(parts[1]);
    if (m && d && *m > 12 && *d <= 12) std::swap(m, d);  // a day-first re-save, when it can only be that
    if (!m || *m < 1 || *m > 12) return std::nullopt;
    return make_date(number(parts[2]), static_cast<unsigned>(*m), d, parts[2].size() == 2);
  }
  auto parts = split_any(day_part, " -");  // `09 Oct 2024`, `08-Jan-18`
  if (parts.size() != 3) return std::nullopt;
  return make_date(number(parts[2]), month_from_name(parts[1]), number(parts[0]), parts[2].size() == 2);
}

std::string canonical_linkedin_url(std::string_view raw) {
  const std::string url = trim_blanks(raw);
  const std::string lower = ascii_lower(url);
  std::size_t host_start = 0;
  if (lower.starts_with("https://")) host_start = 8;
  else if (lower.starts_with("http://")) host_start = 7;
  std::size_t slash = lower.find('/', host_start);
  const std::string host = lower.substr(host_start, slash == std::string::npos ? std::string::npos : slash - host_start);
  if (host != "linkedin.com" && !host.ends_with(".linkedin.com")) return url;
  std::string path = slash == std::string::npos ? "" : url.substr(slash);
  path = path.substr(0, path.find_first_of("?#"));
  path = ascii_lower(percent_decoded(path));
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  if (path == "/") path.clear();
  return "https://www.linkedin.com" + path;
}

LinkedinRead read_linkedin(std::string_view raw, const std::string& path) {
  LinkedinRead out;
  if (raw.starts_with("\xEF\xBB\xBF")) raw.remove_prefix(3);
  std::string text(raw);
  if (!is_utf8(text)) {
    text = cp1252_to_utf8(text);
    out.converted_from_cp1252 = true;
  }
  // The header is found by its names, whatever comes before it, in the
  // first delimiter that yields one.
  std::vector<CsvRow> rows;
  std::optional<Columns> columns;
  std::size_t header_row = 0;
  for (char delimiter : {',', ';', '\t'}) {
    try {
      rows = parse_csv(text, delimiter, path);
    } catch (const Error&) {
      if (delimiter == '\t') throw;
      continue;
    }
    for (std::size_t i = 0; i < rows.size() && !columns; ++i)
      if ((columns = header_of(rows[i]))) header_row = i;
    if (columns) break;
  }
  if (!columns)
    throw Error("no header line with `First Name` and `Last Name`: is this LinkedIn's Connections.csv?", path);

  for (std::size_t r = header_row + 1; r < rows.size(); ++r) {
    const CsvRow& row = rows[r];
    bool blank = true;
    for (const auto& f : row.fields) blank = blank && trim_blanks(f).empty();
    if (blank) continue;  // an empty line (Excel writes `,,,,,,` for them)
    const std::string name = tidy_name(columns->get(row.fields, "first name"), columns->get(row.fields, "last name"));
    if (name.empty()) {
      out.skipped.push_back({row.line, "no name (LinkedIn leaves rows empty but for the date for "
                                       "members who hide their profile)"});
      continue;
    }
    Contact c;
    c.line = row.line;
    c.name = name;
    const std::string email = columns->get(row.fields, "email address");
    if (email.find('@') != std::string::npos && !ascii_lower(email).starts_with("urn:")) c.email = email;
    c.company = columns->get(row.fields, "company");
    if (c.company == "-") c.company.clear();
    c.role = columns->get(row.fields, "position");
    if (c.role == "-") c.role.clear();
    if (const std::string url = columns->get(row.fields, "url"); !url.empty())
      c.links["linkedin"] = canonical_linkedin_url(url);
    if (const std::string on = columns->get(row.fields, "connected on"); !on.empty()) {
      c.connected = parse_linkedin_date(on);
      if (!c.connected)
        out.warnings.push_back({row.line, fmt::format("`Connected On` '{}' is not a date kith knows, left out", on)});
    }
    out.contacts.push_back(std::move(c));
  }
  return out;
}

}  // namespace kith
