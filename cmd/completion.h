// SPDX-License-Identifier: MIT
#pragma once
// Shell completion scripts, generated from the CLI11 command table itself so
// that a new subcommand or option is completed without anyone remembering to
// edit three scripts. Words that depend on the data (people, kinds, circles,
// tags) are not baked in: the scripts ask `kith completion --who=TYPED`,
// `--kinds`, `--circles` or `--tags` at completion time.
#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace kith {

// What a word completes to.
struct Completer {
  enum class Type { none, person, kind, circle, tag, directory, file, words };
  Type type = Type::none;
  std::string name;                // a name for `words` sets ("shell", "color"), used by fish
  std::vector<std::string> words;  // for `words`
};

// "none", "person", "kind", "circle", "tag", "directory", "file", "words": how the
// scripts' walkers name a completer.
std::string_view type_name(Completer::Type type);

struct CompletionOption {
  std::vector<std::string> names;  // as typed: "-d", "--date"
  std::string description;
  bool takes_value = false;
  Completer value;  // what its value completes to (takes_value only)
};

struct CompletionPositional {
  std::string name;  // "WHO", "KIND"
  std::string description;
  bool repeats = false;  // takes the rest of the line (NOTE...)
  Completer value;
};

struct CompletionCommand {
  std::string name;
  std::string description;
  std::vector<CompletionOption> options;  // its own, then the global ones it inherits
  std::vector<CompletionPositional> positionals;
};

struct CompletionSpec {
  std::vector<CompletionOption> global;     // before any subcommand (--dir, --version, ...)
  std::vector<CompletionCommand> commands;  // visible subcommands, sorted by name
};

// Reads the visible subcommands, options and positionals of `app`. Hidden
// ones (empty group) are left out. Positionals complete by name: WHO, A and B
// to slugs, KIND to kinds, DIR to directories, FILE to files, SHELL to the
// shells; options by name: --circle to circles, --tag to the tags in use,
// --color to its three values,
// --dir and DIR/FILE values to paths.
CompletionSpec completion_spec(const CLI::App& app);

// The scripts `kith completion SHELL` prints.
std::string bash_completion(const CompletionSpec& spec);
std::string zsh_completion(const CompletionSpec& spec);
std::string fish_completion(const CompletionSpec& spec);

// Shared by the renderers: "a b c", and `text` as one single-quoted word of
// sh/bash/zsh ('it'\''s').
std::string space_joined(const std::vector<std::string>& words);
std::string sh_quote(const std::string& text);

}  // namespace kith
