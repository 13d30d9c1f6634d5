// SPDX-License-Identifier: MIT
#include "commands.h"

namespace kith {

namespace {

struct Command {
  const char* name;
  void (*setup)(CLI::App&, Context&);
};

// In the order `kith --help` lists them.
constexpr Command kCommands[] = {
    {"init", setup_init},       {"add", setup_add},       {"log", setup_log},
    {"due", setup_due},         {"intro", setup_intro},   {"report", setup_report},
    {"show", setup_show},       {"list", setup_list},     {"snooze", setup_snooze},
    {"check", setup_check},     {"edit", setup_edit},     {"git", setup_git},
    {"sync", setup_sync},       {"clone", setup_clone},   {"merge-file", setup_merge_file},
    {"set", setup_set},         {"unset", setup_unset},   {"tag", setup_tag},
    {"rm", setup_rm},           {"mv", setup_mv},         {"undo", setup_undo},
    {"find", setup_find},       {"history", setup_history}, {"import", setup_import},
    {"export", setup_export},   {"completion", setup_completion},
};

}  // namespace

void add_commands(CLI::App& app, Context& ctx, const std::string* word) {
  if (word != nullptr && *word != "completion") {
    for (const Command& c : kCommands) {
      if (*word == c.name) {
        c.setup(app, ctx);
        return;
      }
    }
  }
  for (const Command& c : kCommands) c.setup(app, ctx);
}

}  // namespace kith
