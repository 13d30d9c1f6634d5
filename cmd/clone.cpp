// SPDX-License-Identifier: MIT
// kith clone URL [DIR]: the network of another machine onto this one, with
// the merge driver set up, ready for `kith sync`.
#include <fmt/format.h>

#include <ostream>

#include "commands.h"
#include "git/git.h"
#include "merge_setup.h"
#include "system/process.h"

namespace kith {

namespace {

struct CloneOptions {
  std::string url, dir;
};

void run_clone(Context& ctx, const CloneOptions& o) {
  const fs::path dir = o.dir.empty() ? ctx.data_dir() : fs::path(expand_home(o.dir, ctx.env));
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_empty(dir, ec))
    throw Error(fmt::format("{} already exists and is not empty; clone into a new directory: kith clone URL DIR",
                            dir.string()));
  prepare_git_environment();
  ProcessResult r;
  try {
    r = run_captured({"git", "clone", "--quiet", o.url, dir.string()}, git_process_options());
  } catch (const ProgramNotFound&) {
    throw Error("git is not installed (not found in PATH); kith clone needs it");
  }
  if (r.status != 0) throw Error(fmt::format("cannot clone {}: {}", o.url, git_complaint(r, "clone")));
  configure_merge_driver(dir);
  std::size_t people = Store(dir).person_files().size();
  ctx.out << fmt::format("cloned {} into {}: {} {}\n", o.url, dir.string(), people, people == 1 ? "person" : "people");
  if (fs::weakly_canonical(dir, ec) != fs::weakly_canonical(ctx.data_dir(), ec))
    ctx.out << fmt::format("it is not your data directory: use `kith --dir {0}`, KITH_DIR={0}, or dir: in "
                           "~/.config/kith/config.yaml\n",
                           dir.string());
}

}  // namespace

void setup_clone(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<CloneOptions>();
  CLI::App* sub = app.add_subcommand("clone", "Copy a network from a git remote onto this machine, ready for `kith sync`");
  sub->add_option("URL", o->url, "Where the network is: a git URL, ssh host:path, or a folder")->required();
  sub->add_option("DIR", o->dir, "Where to put it (default: the data directory)");
  sub->callback([&ctx, o] { run_clone(ctx, *o); });
}

}  // namespace kith
