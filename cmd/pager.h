// SPDX-License-Identifier: MIT
#pragma once
// Long output on a terminal goes through $PAGER (default `less -FRX`, as git
// does): never when stdout is not a terminal (a pipe, cron) or with --no-pager.
#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

#include "context.h"

namespace kith {

// The pager to run, or nullopt for none: $PAGER split on blanks (empty or
// `cat` means none), else `less -FRX`; none when `to_terminal` is false,
// `no_pager` is set or TERM is `dumb`.
std::optional<std::vector<std::string>> pager_command(const Getenv& env, bool to_terminal, bool no_pager);

// Writes `text` to ctx.out, through the pager when pager_command says so;
// when the pager cannot be started, straight to ctx.out.
void print_paged(Context& ctx, const std::string& text, bool no_pager);

// True when print_paged would give a text to a pager: else a long output
// may go to ctx.out a piece at a time.
bool pages(const Context& ctx, bool no_pager);

// The `--no-pager` flag of a command whose output may be long.
void add_no_pager_flag(CLI::App& command, bool& no_pager);

}  // namespace kith
