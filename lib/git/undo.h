// SPDX-License-Identifier: MIT
#pragma once
// Which commits `kith undo` may revert. kith's commits say `kith: ...`; an
// undo commit says `kith: undo ...` and names what it reverted with a
// `Reverts: SHA` line, so undo can step back further each time.
#include <vector>

#include "git.h"

namespace kith {

// The commits of `history` (newest first) that undo may revert, newest
// first: kith's own, neither undo commits nor already reverted ones, up to
// the first commit kith did not make (undo never reaches past the user's).
std::vector<const GitCommit*> undoable(const std::vector<GitCommit>& history);

// The message of the commit that undoes `c`.
std::string undo_message(const GitCommit& c);

}  // namespace kith
