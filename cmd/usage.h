// SPDX-License-Identifier: MIT
#pragma once
// What kith says when the command line itself is wrong: unknown commands,
// `kith help [COMMAND]`, and the argument parser's errors in kith's voice.
#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

namespace kith {

// Where the command word is in `args` (args[0] is the program): the first
// argument that is neither an option nor the value of a global option that
// takes one (`--dir DIR`, `--color WHEN`). nullopt when there is none.
std::optional<std::size_t> command_word(const std::vector<std::string>& args);

// `kith help` -> `kith --help`, `kith help log` -> `kith log --help`;
// other arguments are returned unchanged.
std::vector<std::string> expand_help(std::vector<std::string> args);

// `-d 2d ago`, `--within 1 week`, `-d last monday`, `-d dec 7` typed without
// quotes reach kith as several arguments: the words after a DATE, WHEN or D
// option that make one value with it are joined into one argument (the
// longest that parses; never an option).
std::vector<std::string> join_date_words(const CLI::App& app, std::vector<std::string> args);

// Throws UsageError "unknown command 'lsit'; did you mean 'list'?" when the
// command word names no subcommand of `app`.
void check_command_word(const CLI::App& app, const std::vector<std::string>& args);

// Help text without CLI11's noise, for `app` and every subcommand: no `=[]`
// default shown for list options (`--tags A,B`), no double blank line
// after options, and a subcommand's footer names the global options.
void tidy_help(CLI::App& app);

// The parser's error as kith says it: two lines, naming the command and
// where its options are explained.
std::string usage_message(const CLI::App& app, const CLI::ParseError& e);

}  // namespace kith
