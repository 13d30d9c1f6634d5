// SPDX-License-Identifier: MIT
// libFuzzer target: any bytes given to the readers (a person file, kith.yaml)
// end in a person or in positioned problems, never in a crash, a hang or an
// exception escaping; the YAML 1.2 check (libfyaml) refuses only at a line
// and column inside the text; the EventTree that person files are read
// through reads what YAML::Load reads; fold() and slugify() (utf8proc) are fixed
// points. Build with -DKITH_FUZZ=ON (clang), run with fuzz/run.sh.
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "../tests/event_tree_diff.h"
#include "model/person.h"
#include "model/settings.h"
#include "yaml/load.h"
#include "yaml/yaml_strict.h"
#include "yaml/yaml_util.h"

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
  // A person may come with problems (a bad value is reported and skipped,
  // DESIGN.md section 5); no person always says why.
  require(r.person.has_value() || !r.problems.empty(), "no person and no problem");
  check_diagnostics(r.problems, path);
  check_diagnostics(r.unknown_keys, path);
  if (r.person) {
    require(r.person->slug == "fuzz", "the slug is not the file stem");
    require(settings.has_circle(r.person->circle), "a person in an unknown circle");
    for (const kith::Entry& e : r.person->log) require(settings.find_kind(e.kind) != nullptr, "an unknown kind passed");
  }
}

// The YAML 1.2 check (run, as in kith, on text the guards let through)
// names a line and column inside the text.
void check_strict(std::string_view text) {
  if (kith::guard_text(text, "f.yaml")) return;
  std::optional<kith::Diagnostic> d = kith::check_yaml_1_2(text, "f.yaml");
  if (!d) return;
  // YAML counts a lone CR as a line break too, as the validator does.
  int lines = 1;
  for (std::size_t i = 0; i < text.size(); ++i)
    lines += text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'));
  require(d->line >= 1 && d->line <= lines + 1, "a YAML 1.2 error outside the text");
  require(d->col >= 1, "a YAML 1.2 error without a column");
}

// Both parse_yaml()s give the same verdict, and the same tree.
void check_event_tree(std::string_view text) {
  YAML::Node theirs;
  kith::EventTree ours;
  std::optional<kith::Diagnostic> a = kith::parse_yaml(text, "f.yaml", theirs);
  std::optional<kith::Diagnostic> b = kith::parse_yaml(text, "f.yaml", ours);
  require(a.has_value() == b.has_value(), "the two parses disagree on whether the text is valid");
  if (a) require(a->to_string() == b->to_string(), "the two parses give different diagnostics");
  else require(kith::event_tree_difference(theirs, ours.root()).empty(), "the EventTree differs from YAML::Load");
}

// Folding is a fixed point after one step, and a slug is its own slug.
void check_folding(std::string_view text) {
  std::string folded = kith::fold(text);
  require(kith::fold(folded) == folded, "fold(fold(s)) != fold(s)");
  std::string slug = kith::slugify(text);
  require(!slug.empty() && slug.size() <= 80, "a slug empty or over 80 bytes");
  require(kith::slugify(slug) == slug, "slugify(slug) != slug");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  check_person(text, kith::Settings{});
  check_strict(text);
  check_event_tree(text);
  check_folding(text.substr(0, 512));

  const std::string settings_path = "people/kith.yaml";
  kith::SettingsResult s = kith::parse_settings(text, settings_path);
  check_diagnostics(s.problems, settings_path);
  require(s.settings.has_circle(s.settings.default_circle), "default_circle is not a circle");
  // The settings the text itself describes, when it reads as kith.yaml.
  if (s.problems.empty()) check_person(text, s.settings);
  return 0;
}
