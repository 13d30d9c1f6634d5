// SPDX-License-Identifier: MIT
// kith undo [--list]: revert kith's own last commit in the data directory,
// as one all-or-nothing change and one commit.
#include <fmt/format.h>

#include <ostream>

#include "args.h"
#include "commands.h"
#include "commit.h"
#include "git/git.h"
#include "git/undo.h"
#include "render.h"
#include "store/transaction.h"

namespace kith {

namespace {

struct UndoOptions {
  bool list = false;
};

std::string short_sha(const std::string& sha) { return sha.substr(0, 7); }

std::optional<std::string> current_text(const fs::path& file) {
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(file, ec))) return std::nullopt;
  return read_file(file);
}

void run_undo(Context& ctx, const UndoOptions& o) {
  Store store = ctx.store();
  store.require_exists();
  auto lock = store.lock();
  Loaded all = store.load();
  if (!is_git_work_tree(store.dir()))
    throw Error(fmt::format("undo needs git: {} is not a git repository (`git init` there, or `kith init`)",
                            store.dir().string()));
  if (!all.settings.git_auto) throw Error("undo needs kith's git commits, and kith.yaml says `git: off`");
  const std::vector<GitCommit> history = recent_commits(store.dir(), 200);
  const std::vector<const GitCommit*> can = undoable(history);

  if (o.list) {
    if (can.empty()) ctx.out << "nothing to undo\n";
    for (const GitCommit* c : can) ctx.out << fmt::format("{}  {}\n", short_sha(c->sha), c->subject);
    return;
  }
  if (can.empty()) {
    if (!history.empty() && !history.front().subject.starts_with("kith: "))
      throw Error(fmt::format("the last commit ({} {}) was not made by kith; undo only reverts kith's own commits",
                              short_sha(history.front().sha), history.front().subject));
    throw Error("nothing to undo: no commit of kith's is left to revert");
  }
  const GitCommit& c = *can.front();
  std::vector<FileChange> changes;
  for (const fs::path& file : c.files) {
    if (has_uncommitted_changes(store.dir(), file))
      throw Error(fmt::format("it has uncommitted changes; commit or discard them before undoing {} ({})",
                              short_sha(c.sha), c.subject),
                  file.string());
    std::optional<std::string> now = current_text(file);
    if (now != file_at(store.dir(), c.sha, file))
      throw Error(fmt::format("it changed after {} ({}); undo the later change first, or edit it by hand",
                              short_sha(c.sha), c.subject),
                  file.string());
    std::optional<std::string> before = file_at(store.dir(), c.sha + "^", file);
    if (now != before) changes.push_back({file, now, before});
  }
  apply_changes(store.dir(), changes);
  std::vector<fs::path> files;
  std::string names;
  std::error_code ec;
  const fs::path base = fs::weakly_canonical(fs::absolute(store.dir()), ec);
  for (const FileChange& ch : changes) {
    files.push_back(ch.path);
    names += (names.empty() ? "" : ", ") + ch.path.lexically_relative(base).string();
  }
  ctx.out << fmt::format("undid {} {}{}\n", short_sha(c.sha), c.subject, names.empty() ? "" : " (" + names + ")");
  commit_change(ctx, all.settings, files, undo_message(c));
}

}  // namespace

void setup_undo(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<UndoOptions>();
  CLI::App* sub = app.add_subcommand("undo", "Revert kith's own last commit in the data directory (needs git)");
  sub->add_flag("--list", o->list, "Show the commits undo would revert, last first");
  sub->callback([&ctx, o] { run_undo(ctx, *o); });
}

}  // namespace kith
