// SPDX-License-Identifier: MIT
#pragma once
// The whole network as one JSON document, and back. Each person file is
// carried key by key (every field kith knows, every log entry, and the keys
// it does not know), values as JSON strings, so that importing the document
// into an empty directory writes files that export to the same document.
#include <string>
#include <string_view>
#include <vector>

namespace kith {

// A person file: where it is under the data directory (`online/ana.yaml`)
// and its text.
struct PersonFile {
  std::string path;  // relative, `/`-separated
  std::string text;
};

// {"kith": 1, "settings": {...kith.yaml...}, "people": [{"slug": ..., "path": ...,
// "file": {key: value, ...}}, ...]}; no "settings" when `settings` is empty
// (no kith.yaml). Throws Error naming the path of a file that is not a YAML map.
std::string people_json(const std::vector<PersonFile>& files, const std::string& settings = "");

// The files a people_json document describes (kith.yaml first, when it has
// "settings"), as new YAML texts (block
// style, flow lists for lists of plain values). Throws Error(path, line) for
// a document that is not such a JSON document, or a `path` that would leave
// the directory or is not a `.yaml` file.
std::vector<PersonFile> files_from_json(std::string_view json, const std::string& path);

}  // namespace kith
