// SPDX-License-Identifier: MIT
#pragma once
// The one way kith changes a person file: read it, apply a text edit, check
// that the result loads cleanly, and write it atomically. The caller holds
// the directory lock around the whole call.
#include <functional>
#include <string>

#include "model/person.h"
#include "model/settings.h"
#include "store.h"

namespace kith {

using TextEdit = std::function<std::string(const std::string& text)>;

// Returns the person as read back from the new text. Throws Error (and
// writes nothing) when the file does not load cleanly before, when the edit
// fails, or when the result does not load cleanly or no longer holds the
// name and every entry of the file, unchanged and in order, before any new
// entry.
Person update_person_file(const fs::path& path, const Settings& settings, const TextEdit& edit);

// Checks that `text` loads as a person without problems; throws the first
// problem otherwise. Returns the person.
Person verify_person_text(const std::string& text, const std::string& path, const Settings& settings);

}  // namespace kith
