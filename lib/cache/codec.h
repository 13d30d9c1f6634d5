// SPDX-License-Identifier: MIT
#pragma once
// A file's LoadResult, and kith.yaml's SettingsResult, as compact bytes for
// the parse cache, and back. Paths are not stored: every diagnostic of one
// file names that file, so decoding puts back the path the store found it
// under (however `--dir` was spelled).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/settings.h"
#include "yaml/load.h"

namespace kith::cache {

// nullopt when the result cannot be stored faithfully (a diagnostic naming
// another path): the file is then simply parsed each time.
std::optional<std::string> encode_result(const LoadResult& result, const std::string& path);

// False when `bytes` do not decode completely (a damaged cache).
bool decode_result(std::string_view bytes, const std::string& path, const std::string& slug, LoadResult& out);

// decode_result in place: the person (when `has_person`) into `person`, a
// default Person whose path and slug the caller sets; the diagnostics name
// `path`. The store decodes straight into its array of people.
bool decode_into(std::string_view bytes, const std::string& path, Person& person, bool& has_person,
                 std::vector<Diagnostic>& problems, std::vector<Diagnostic>& unknown_keys);

// As encode_result, for kith.yaml: nullopt when a diagnostic names another path.
std::optional<std::string> encode_settings(const SettingsResult& result, const std::string& path);

// False when `bytes` do not decode completely; `out` is then unspecified.
bool decode_settings(std::string_view bytes, const std::string& path, SettingsResult& out);

}  // namespace kith::cache
