// SPDX-License-Identifier: MIT
#pragma once
// Each subcommand lives in its own file and registers itself on the app:
// its options, and a callback that runs it with the shared Context.
#include <CLI/CLI.hpp>

#include "context.h"

namespace kith {

void setup_init(CLI::App& app, Context& ctx);
void setup_add(CLI::App& app, Context& ctx);
void setup_log(CLI::App& app, Context& ctx);
void setup_due(CLI::App& app, Context& ctx);
void setup_intro(CLI::App& app, Context& ctx);
void setup_report(CLI::App& app, Context& ctx);
void setup_show(CLI::App& app, Context& ctx);
void setup_list(CLI::App& app, Context& ctx);
void setup_snooze(CLI::App& app, Context& ctx);
void setup_check(CLI::App& app, Context& ctx);
void setup_edit(CLI::App& app, Context& ctx);
void setup_git(CLI::App& app, Context& ctx);
void setup_sync(CLI::App& app, Context& ctx);
void setup_clone(CLI::App& app, Context& ctx);
void setup_merge_file(CLI::App& app, Context& ctx);
void setup_set(CLI::App& app, Context& ctx);
void setup_unset(CLI::App& app, Context& ctx);
void setup_tag(CLI::App& app, Context& ctx);
void setup_rm(CLI::App& app, Context& ctx);
void setup_mv(CLI::App& app, Context& ctx);
void setup_undo(CLI::App& app, Context& ctx);
void setup_find(CLI::App& app, Context& ctx);
void setup_history(CLI::App& app, Context& ctx);
void setup_import(CLI::App& app, Context& ctx);
void setup_export(CLI::App& app, Context& ctx);
// Reads the whole command table when it runs, so it completes every command.
void setup_completion(CLI::App& app, Context& ctx);

// Registers the commands on the app. `word` is the command the user typed
// (usage.h's command_word): when it names one, only that command is built,
// since building every command's options is most of a small run's start-up
// (README: Performance); parsing is the same, as CLI11 no longer looks at
// other commands once one is chosen. Without a known word (the command list,
// a misspelling) and for `completion`, which reads the whole table, every
// command is, in the order `kith --help` lists them.
void add_commands(CLI::App& app, Context& ctx, const std::string* word);

}  // namespace kith
