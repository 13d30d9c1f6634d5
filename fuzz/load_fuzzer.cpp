// SPDX-License-Identifier: MIT
// libFuzzer target: any bytes given to the readers (a person file, kith.yaml)
// end in a person or in positioned problems, never in a crash, a hang or an
// exception escaping. Build with -DKITH_FUZZ=ON (clang), run with fuzz/run.sh.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "load.h"
#include "settings.h"

namespace {

void require(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "load_fuzzer: invariant broken: %s\n", what);
    std::abort();
  }
}

void check_diagnostics(const std::vector<kith::Diagnostic>& ds, const std::string& path) {
  for (const kith::Diagnostic& d : ds) {
    require(d.path == path, "a problem names another file");
    require(d.line >= 0 && d.col >= 0, "a problem has a negative position");
    require(!d.message.empty(), "a problem has no message");
    require(d.to_string().rfind(path, 0) == 0, "a problem does not start with the path");
  }
}

void check_person(std::string_view text, const kith::Settings& settings) {
  const std::string path = "people/fuzz.yaml";
  kith::LoadResult r = kith::load_person(text, path, settings);
  require(r.person.has_value() == r.problems.empty(), "a person with problems, or no person and no problem");
  check_diagnostics(r.problems, path);
  check_diagnostics(r.unknown_keys, path);
  if (r.person) {
    require(r.person->slug == "fuzz", "the slug is not the file stem");
    require(settings.has_circle(r.person->circle), "a person in an unknown circle");
    for (const kith::Entry& e : r.person->log) require(settings.find_kind(e.kind) != nullptr, "an unknown kind passed");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  check_person(text, kith::Settings{});

  const std::string settings_path = "people/kith.yaml";
  kith::SettingsResult s = kith::parse_settings(text, settings_path);
  check_diagnostics(s.problems, settings_path);
  require(s.settings.has_circle(s.settings.default_circle), "default_circle is not a circle");
  // The settings the text itself describes, when it reads as kith.yaml.
  if (s.problems.empty()) check_person(text, s.settings);
  return 0;
}
