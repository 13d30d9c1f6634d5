// SPDX-License-Identifier: MIT
#pragma once
// Notes longer than a command line: read from stdin (`kith log WHO KIND -`)
// or written in $VISUAL/$EDITOR (`--edit`), for log and intro.
#include <string>
#include <vector>

#include "context.h"
#include "model/person.h"

namespace kith {

// All of stdin, without its trailing newlines (and carriage returns).
std::string note_from_stdin();

// Opens the editor on an empty note under a commented template saying
// `about`; returns what was written, lines starting with `#` dropped and
// blank lines at either end trimmed. Throws Error when the note is empty
// ("nothing logged") or the editor fails.
std::string note_from_editor(Context& ctx, const std::string& about);

// The note of log and intro: NOTE words, or `-` alone for stdin, or the
// editor with --edit (then no NOTE words).
std::string read_note(Context& ctx, const std::vector<std::string>& words, const std::string& date_text, bool edit,
                      const std::string& about);

// True when `log` already holds this very entry (`kith log` repeated from
// the shell's history).
bool already_logged(const std::vector<Entry>& log, Date date, const std::string& kind, const std::string& note,
                    const std::string& with);

}  // namespace kith
