// SPDX-License-Identifier: MIT
// kith git ARGS...: git in the data directory, like `pass git`, so the
// history of the network is one `kith git log -p alice.yaml` away.
#include <ostream>

#include "commands.h"
#include "git/git.h"
#include "system/process.h"

namespace kith {

namespace {

void run_git(Context& ctx, const std::vector<std::string>& args) {
  Store store = ctx.store();
  store.require_exists();
  std::vector<std::string> argv{"git", "-C", store.dir().string()};
  argv.insert(argv.end(), args.begin(), args.end());
  // git takes the terminal (pager, editor): nothing of ours may come after it.
  ctx.out.flush();
  ctx.err.flush();
  // No directory lock: git may wait on a pager or an editor for as long as
  // the user likes, and cron's `kith` must not wait with it.
  try {
    ctx.exit_code = run_attached(argv, git_process_options());
  } catch (const ProgramNotFound&) {
    throw Error("git is not installed (not found in PATH)");
  }
}

}  // namespace

void setup_git(CLI::App& app, Context& ctx) {
  CLI::App* sub =
      app.add_subcommand("git", "Run git in the data directory: kith git log -p alice.yaml, kith git push");
  // Everything after `git` is git's, untouched, options included: even
  // `--help` and `--version` go to git. Global options such as --dir must
  // come before `git`.
  sub->prefix_command();
  sub->allow_extras();
  sub->set_help_flag();
  sub->fallthrough(false);
  sub->callback([&ctx, sub] { run_git(ctx, sub->remaining()); });
}

}  // namespace kith
