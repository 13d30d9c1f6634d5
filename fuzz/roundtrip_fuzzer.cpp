// SPDX-License-Identifier: MIT
// libFuzzer target for exact round-trips of the user's own words: any bytes
// become a name, a note, a notes value and a link (split at NUL bytes). The
// writer either refuses with kith::Error (not UTF-8, say) or writes a file
// that loads cleanly and reads back exactly what was given:
//   new_person_text  -> name and notes;
//   append_log_entry -> the new entry's note;
//   set_string       -> `notes` and `company` replaced;
//   set_map_string   -> `links.site`.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "model/error.h"
#include "model/settings.h"
#include "yaml/edit.h"
#include "yaml/load.h"

namespace {

[[noreturn]] void fail(const char* what, std::string_view given, std::string_view file, std::string_view got) {
  std::fprintf(stderr, "roundtrip_fuzzer: %s\n--- given ---\n%.*s\n--- file ---\n%.*s\n--- read back ---\n%.*s\n",
               what, static_cast<int>(given.size()), given.data(), static_cast<int>(file.size()), file.data(),
               static_cast<int>(got.size()), got.data());
  std::abort();
}

const kith::Settings& settings() {
  static const kith::Settings s = kith::parse_settings(kith::default_settings_text(), "kith.yaml").settings;
  return s;
}

// The person a file kith wrote reads as; a file that does not load is a bug.
kith::Person load(const std::string& text) {
  kith::LoadResult r = kith::load_person(text, "fuzz.yaml", settings());
  if (!r.person || !r.problems.empty())
    fail("a written file does not load", "", text, r.problems.empty() ? "" : r.problems.front().to_string());
  return *r.person;
}

// Piece `i` of the input, split at NUL bytes (which no YAML text holds).
std::string piece(std::string_view in, int i) {
  for (; i > 0; --i) {
    std::size_t nul = in.find('\0');
    if (nul == std::string_view::npos) return {};
    in.remove_prefix(nul + 1);
  }
  return std::string(in.substr(0, in.find('\0')));
}

template <typename F>
void roundtrip(F f) {
  try {
    f();
  } catch (const kith::Error&) {
    // A refusal is fine: nothing is written.
  } catch (const kith::UsageError&) {
    // So is a value kith refuses as an argument (an empty name, not UTF-8).
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  const std::string name = piece(in, 0), note = piece(in, 1), notes = piece(in, 2), link = piece(in, 3);

  std::string base = "name: Ada\nlog:\n  - date: 2026-01-02\n    kind: talk\n";
  roundtrip([&] {
    kith::NewPerson p;
    p.name = name;
    p.notes = notes;
    std::string text = kith::new_person_text(p);
    kith::Person back = load(text);
    if (back.name != name) fail("the name does not read back", name, text, back.name);
    if (back.notes != notes) fail("the notes do not read back", notes, text, back.notes);
    base = text;
  });
  roundtrip([&] {
    kith::NewEntry e{kith::Date{date::year{2026}, date::month{11}, date::day{21}}, "talk", note, ""};
    std::string text = kith::append_log_entry(base, e);
    kith::Person back = load(text);
    if (back.log.empty() || back.log.back().note != note)
      fail("the note does not read back", note, text, back.log.empty() ? "" : back.log.back().note);
  });
  for (const char* key : {"notes", "company"}) {
    roundtrip([&] {
      std::string text = kith::set_string(base, key, notes);
      kith::Person back = load(text);
      const std::string& got = std::string_view(key) == "notes" ? back.notes : back.company;
      if (got != notes) fail("a value set does not read back", notes, text, got);
    });
  }
  roundtrip([&] {
    std::string text = kith::set_map_string(base, "links", "site", link);
    kith::Person back = load(text);
    auto it = back.links.find("site");
    if (it == back.links.end() || it->second != link)
      fail("the link does not read back", link, text, it == back.links.end() ? "" : it->second);
  });
  return 0;
}
