// SPDX-License-Identifier: MIT
#pragma once
// Turning argument strings into values, with the usage errors a user sees.
#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "model/dates.h"
#include "store/store.h"

namespace kith {

std::string trim_arg(const std::string& s);

// "a, b" items split by CLI11 on commas, trimmed, empties dropped.
std::vector<std::string> split_list(const std::vector<std::string>& items);

// DATE for an interaction: parsed relative to today, and never in the future.
// A bare duration (`2w`) means that long ago: `-d 2w ago` typed without
// quotes reaches us as `2w` with `ago` in front of the note.
Date parse_entry_date(const std::string& text, Date today);

// NOTE... as a positional that takes every remaining word exactly as typed:
// CLI11 would split a word written as a list ("[x,y]", "[]") into items, so
// that is turned off. After `--`, every word is a note word, even `--next`.
CLI::Option* add_note_option(CLI::App* sub, std::vector<std::string>& words, const std::string& help);

// The NOTE words as one line; drops the `ago` that belongs to `-d 2w ago`.
std::string note_from_words(const std::vector<std::string>& words, const std::string& date_text);

// WHEN for `next`: a date or `+2w` from `base`.
Date parse_when_arg(const std::string& text, Date today, Date base);

// A duration option (parse_span's forms); `never` only when it makes sense
// (a cadence, not a window ahead).
Duration parse_duration_arg(const std::string& text, const std::string& option, bool never_allowed = true);

// The DATE forms, for messages: "YYYY-MM-DD, today, ...".
extern const char* const date_forms;

// Command-line values kith.yaml must know: an unknown one is a usage error
// (exit 2) naming the closest known value and listing them all.
void require_kind(const Settings& s, const std::string& kind);
void require_circle(const Settings& s, const std::string& circle);

// find_person, with a hint when some files could not be read: the person
// WHO names may be in one of them. Refuses, naming both paths, when another
// file has the same slug as the person found (DESIGN.md section 1).
const Person& find_person_in(const Loaded& all, const std::string& who);

// For a write command, under the lock: loads the directory and refuses
// (path:line:col, nothing written) when kith.yaml does not read, since its
// kinds, circles and `git:` decide what the write means.
Loaded load_for_write(const Store& store, Detail detail = Detail::full);

// Loads the directory (which must exist) and warns on `err` about files
// that could not be read; sets `exit_code` to 1 when there were any.
struct Context;
Loaded load_and_warn(Context& ctx, Detail detail = Detail::full);
// The same, handing each person whole to `visit` (Store::load(visit)).
Loaded load_and_warn(Context& ctx, const Store::Visit& visit);

}  // namespace kith
