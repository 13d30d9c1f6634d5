// SPDX-License-Identifier: MIT
#pragma once
// RFC 4180 CSV: fields separated by a delimiter, optionally in double quotes
// (inside which delimiters, line breaks and doubled quotes `""` are data).
// Lenient where real files are: LF or CRLF, a last line without a break, a
// quote in the middle of an unquoted field kept as data.
#include <string>
#include <string_view>
#include <vector>

namespace kith {

struct CsvRow {
  int line = 0;  // 1-based line the record starts on
  std::vector<std::string> fields;
};

// Every record of `text` (no BOM handling here; see decode_csv_text). Throws
// Error(path, line) for a quoted field that never ends.
std::vector<CsvRow> parse_csv(std::string_view text, char delimiter, const std::string& path);

}  // namespace kith
