// SPDX-License-Identifier: MIT
// kith init [DIR] [--no-git]: create the data directory with a commented
// kith.yaml and, unless asked not to or git is missing, a git repository.
#include <fmt/format.h>

#include <ostream>

#include "commands.h"
#include "commit.h"
#include "git.h"
#include "merge_setup.h"
#include "settings.h"

namespace kith {

namespace {

struct InitOptions {
  std::string dir;
  bool no_git = false;
};

// kith's scratch files, which no one wants in the history.
constexpr const char* kGitignore =
    "# kith's own scratch files: the directory lock, the temporary files of\n"
    "# an interrupted write, and a `kith edit` copy kept after a conflict.\n"
    ".kith.lock\n"
    ".*.tmp-*\n"
    ".*.edit-*\n";

// Writes `path` with `text` unless it exists; true when it wrote.
bool create_file(const fs::path& path, std::string_view text) {
  std::error_code ec;
  if (fs::exists(path, ec)) return false;
  write_atomic(path, text, /*create_only=*/true);
  return true;
}

// The directory's settings as far as they read: only `git:` matters here.
Settings settings_of(const fs::path& path) {
  try {
    return parse_settings(read_file(path), path.string()).settings;
  } catch (const Error&) {
    return {};
  }
}

// The config is set without a note: init is where it belongs. Not fatal:
// any later kith command sets it again.
void keep_merge_driver_quietly(const fs::path& dir) {
  try {
    if (!merge_driver_configured(dir)) configure_merge_driver(dir);
  } catch (const Error&) {
  }
}

void run_init(Context& ctx, const InitOptions& o) {
  fs::path dir = o.dir.empty() ? ctx.data_dir() : fs::path(expand_home(o.dir, ctx.env));
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw Error(fmt::format("cannot create {}: {}", dir.string(), ec.message()));
  fs::path settings = dir / "kith.yaml";
  bool wrote_settings = create_file(settings, default_settings_text());
  ctx.out << fmt::format("kith directory ready at {}{}\n", dir.string(),
                         wrote_settings ? "" : " (kith.yaml was already there, left as is)");
  if (o.no_git) return;
  if (!git_available()) {
    ctx.err << "kith: note: git is not installed, so no repository was created\n";
    return;
  }

  bool new_repo = !is_git_work_tree(dir);
  if (new_repo) git_init(dir);
  fs::path gitignore = dir / ".gitignore";
  bool wrote_gitignore = create_file(gitignore, kGitignore);
  // Person files merge entry by entry, on every clone (see `kith sync`).
  bool wrote_attributes = write_gitattributes(dir);
  keep_merge_driver_quietly(dir);
  // A new repository starts with the settings; an existing work tree gets
  // only what init wrote.
  std::vector<fs::path> files;
  if (new_repo || wrote_settings) files.push_back(settings);
  if (new_repo || wrote_gitignore) files.push_back(gitignore);
  if (new_repo || wrote_attributes) files.push_back(dir / ".gitattributes");
  commit_change_in(ctx, dir, settings_of(settings), files, "kith: init");
  if (!new_repo) return;
  ctx.out << "created a git repository there: kith commits each change (`kith git log` shows them)\n";
  // People kept before there was a repository are the user's to commit.
  if (std::size_t n = Store(dir).person_files().size(); n > 0)
    ctx.out << fmt::format("{} person file{} already there {} not committed: `kith git add -A && kith git commit`\n",
                           n, n == 1 ? "" : "s", n == 1 ? "is" : "are");
}

}  // namespace

void setup_init(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<InitOptions>();
  CLI::App* sub = app.add_subcommand("init", "Create the data directory, its kith.yaml and a git repository");
  sub->add_option("DIR", o->dir, "Directory to create (default: the data directory)");
  sub->add_flag("--no-git", o->no_git, "Do not create a git repository");
  sub->callback([&ctx, o] { run_init(ctx, *o); });
}

}  // namespace kith
