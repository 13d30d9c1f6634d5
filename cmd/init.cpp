// SPDX-License-Identifier: MIT
// kith init [DIR] [--no-git]: create the data directory with a commented
// kith.yaml and, unless asked not to or git is missing, a git repository.
#include <fmt/format.h>

#include <optional>
#include <ostream>
#include <utility>

#include "args.h"
#include "commands.h"
#include "commit.h"
#include "git/git.h"
#include "merge_setup.h"
#include "model/settings.h"

namespace kith {

namespace {

struct InitOptions {
  std::string dir, git_user;
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

// `--git-user "Ada Lovelace <ada@example.com>"` -> name and email.
std::pair<std::string, std::string> parse_git_user(const std::string& text) {
  std::size_t open = text.find('<'), close = text.rfind('>');
  std::string name = open == std::string::npos ? "" : trim_arg(text.substr(0, open));
  std::string email = open == std::string::npos || close == std::string::npos || close < open
                          ? ""
                          : trim_arg(text.substr(open + 1, close - open - 1));
  if (name.empty() || email.empty() || email.find('@') == std::string::npos || trim_arg(text.substr(close + 1)) != "")
    throw UsageError(fmt::format("--git-user '{}' is not like \"Your Name <you@example.com>\"", text));
  return {name, email};
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
  std::optional<std::pair<std::string, std::string>> identity;
  if (!o.git_user.empty()) identity = parse_git_user(o.git_user);
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
  // A repository without a commit yet (an init that could not commit) starts now.
  const bool first_commit = new_repo || !git_has_commits(dir);
  fs::path gitignore = dir / ".gitignore";
  bool wrote_gitignore = create_file(gitignore, kGitignore);
  // Person files merge entry by entry, on every clone (see `kith sync`).
  bool wrote_attributes = write_gitattributes(dir);
  keep_merge_driver_quietly(dir);
  if (identity) git_set_identity(dir, identity->first, identity->second);
  if (!git_has_identity(dir)) {
    // Committing now would only fail: say what to do, and nothing that is not true.
    ctx.out << fmt::format("{} git repository there, but kith cannot commit yet: git does not know who you are\n",
                           new_repo ? "created a" : "using the");
    ctx.err << "kith: note: run `git config --global user.name \"Your Name\"` and "
               "`git config --global user.email you@example.com`,\n"
               "  or `kith init --git-user \"Your Name <you@example.com>\"` for this directory only;\n"
               "  until then kith writes your files without committing them\n";
    return;
  }
  // A new repository starts with the settings; an existing work tree gets
  // only what init wrote.
  std::vector<fs::path> files;
  if (first_commit || wrote_settings) files.push_back(settings);
  if (first_commit || wrote_gitignore) files.push_back(gitignore);
  if (first_commit || wrote_attributes) files.push_back(dir / ".gitattributes");
  commit_change_in(ctx, dir, settings_of(settings), files, "kith: init");
  if (!first_commit) return;
  ctx.out << fmt::format("{}: kith commits each change (`kith git log` shows them)\n",
                         new_repo ? "created a git repository there" : "made the first commit of the git repository there");
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
  sub->add_option("--git-user", o->git_user, "Commit as this identity in this directory only: \"Name <email>\"")
      ->type_name("IDENTITY");
  sub->callback([&ctx, o] { run_init(ctx, *o); });
}

}  // namespace kith
