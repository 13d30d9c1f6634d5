// SPDX-License-Identifier: MIT
#pragma once
// kith.yaml: circles and their cadences, the follow-up window, goals, extra
// interaction kinds, and git behaviour. Every key is optional.
#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "dates.h"
#include "error.h"

namespace kith {

struct KindInfo {
  std::string name;
  bool contact = true;  // counts as a contact (resets cadences); `note` does not
  int balance = 0;      // +1 giving, -1 taking
};

// The kinds every directory knows, in the order the DESIGN table lists them.
const std::vector<KindInfo>& builtin_kinds();

struct Settings {
  // Circle name -> default cadence. kith.yaml's `circles:` overrides or adds.
  std::map<std::string, Duration> circles{
      {"team", {14, Duration::Unit::days}},
      {"community", {30, Duration::Unit::days}},
      {"online", {90, Duration::Unit::days}}};
  std::string default_circle = "community";
  Duration followup{2, Duration::Unit::days};
  int goal_low = 5;
  int goal_high = 10;
  std::vector<KindInfo> kinds = builtin_kinds();  // built-ins, then kith.yaml's
  bool git_auto = true;                           // `git: off` turns it off

  // nullptr if unknown. Hashed beyond a few kinds: a file of 20,000 entries
  // checked against 60,000 kinds must not take 10^9 comparisons.
  const KindInfo* find_kind(std::string_view name) const;
  // "met, talk, ..., coffee": the first ten, then "and N more", so that a
  // message naming them stays one line whatever kith.yaml holds.
  std::string kind_names() const;
  std::string circle_names() const;                        // "community, online, team"
  bool has_circle(std::string_view name) const { return circles.count(std::string(name)) > 0; }

 private:
  // find_kind's index into `kinds`, rebuilt whenever `kinds` has changed
  // (it is a public vector); a copy starts empty and builds its own. Files
  // are parsed on several threads at once, all looking kinds up: the first
  // lookup builds the index under the lock's exclusive side, the others read
  // under its shared side.
  struct KindIndex {
    std::unordered_map<std::string, std::size_t> by_name;
    const KindInfo* data = nullptr;
    std::size_t size = 0;
    std::shared_mutex lock;
    KindIndex() = default;
    KindIndex(const KindIndex&) {}
    KindIndex& operator=(const KindIndex&) {
      std::unique_lock hold(lock);
      by_name.clear();
      data = nullptr;
      size = 0;
      return *this;
    }
  };
  mutable KindIndex kind_index_;
};

// Parses kith.yaml's text. Problems (bad YAML, bad durations, unknown
// default_circle, ...) are returned with positions; the returned settings
// then hold the defaults for whatever could not be read.
struct SettingsResult {
  Settings settings;
  std::vector<Diagnostic> problems;
};
SettingsResult parse_settings(std::string_view text, const std::string& path);

// The commented kith.yaml that `kith init` writes.
std::string default_settings_text();

}  // namespace kith
