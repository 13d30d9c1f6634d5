// SPDX-License-Identifier: MIT
// kith merge-file BASE OURS THEIRS [PATH]: git's merge driver for person
// files (`%O %A %B %P`). Writes the merge into OURS, like `git merge-file`;
// exits 1 when a real conflict is left, marked in the file.
#include <fmt/format.h>

#include <ostream>

#include "commands.h"
#include "git/git.h"
#include "merge/markers.h"
#include "merge/merge.h"
#include "model/settings.h"
#include "yaml/load.h"

namespace kith {

namespace {

struct MergeFileOptions {
  std::string base, ours, theirs, path;
};

// The kinds a person file may use come from kith.yaml; git runs the driver
// at the top of the work tree, where it usually is.
Settings settings_here() {
  std::error_code ec;
  if (!fs::exists("kith.yaml", ec)) return {};
  try {
    return parse_settings(read_file("kith.yaml"), "kith.yaml").settings;
  } catch (const Error&) {
    return {};
  }
}

std::vector<Diagnostic> problems_of(const std::string& text, const std::string& path, const Settings& settings) {
  if (fs::path(path).filename() == "kith.yaml") return parse_settings(text, path).problems;
  return load_person(text, path, settings).problems;
}

void run_merge_file(Context& ctx, const MergeFileOptions& o) {
  const std::string shown = o.path.empty() ? o.ours : o.path;
  const std::string base = read_file(o.base), ours = read_file(o.ours), theirs = read_file(o.theirs);
  merge::MergeResult r = merge::merge_person(base, ours, theirs, git_merge_text);
  write_atomic(o.ours, r.text);
  if (!r.clean()) {
    auto at = merge::find_conflict_markers(r.text, shown);
    for (const std::string& c : r.conflicts)
      ctx.err << fmt::format("kith: {}: merge conflict: {}\n",
                             at ? fmt::format("{}:{}:{}", shown, at->line, at->col) : shown, c);
    ctx.exit_code = 1;
    return;
  }
  // A clean merge must also pass `kith check`, unless a side already did not.
  Settings settings = settings_here();
  std::vector<Diagnostic> problems = problems_of(r.text, shown, settings);
  if (problems.empty() || !problems_of(ours, shown, settings).empty() || !problems_of(theirs, shown, settings).empty())
    return;
  for (const Diagnostic& d : problems) ctx.err << fmt::format("kith: {} (after merging)\n", d.to_string());
  ctx.exit_code = 1;
}

}  // namespace

void setup_merge_file(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<MergeFileOptions>();
  CLI::App* sub = app.add_subcommand(
      "merge-file", "git's merge driver for person files: kith merge-file BASE OURS THEIRS [PATH] (%O %A %B %P)");
  sub->add_option("BASE", o->base, "The common ancestor's version (%O)")->required();
  sub->add_option("OURS", o->ours, "Our version (%A); receives the result")->required();
  sub->add_option("THEIRS", o->theirs, "Their version (%B)")->required();
  sub->add_option("PATH", o->path, "The file's path in the repository (%P), for messages");
  sub->callback([&ctx, o] { run_merge_file(ctx, *o); });
}

}  // namespace kith
