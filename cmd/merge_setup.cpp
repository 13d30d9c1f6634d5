// SPDX-License-Identifier: MIT
#include "merge_setup.h"

#include <fmt/format.h>

#include <cstdlib>
#include <ostream>

#include "git/git.h"
#include "store/store.h"

namespace kith {

namespace fs = std::filesystem;

bool keep_merge_driver(Context& ctx, const fs::path& dir) {
  std::error_code ec;
  if (!fs::exists(dir / ".git", ec)) return false;
  try {
    if (merge_driver_configured(dir)) return false;
    configure_merge_driver(dir);
  } catch (const Error&) {  // git missing, a read-only config: the command goes on without it
    return false;
  }
  ctx.err << "kith: note: set up git's merge driver for person files in this clone (merge.kith.driver)\n";
  return true;
}

void keep_merge_driver_for(Context& ctx, const CLI::App& app) {
  auto chosen = app.get_subcommands();
  if (chosen.empty()) return;
  const std::string& name = chosen.front()->get_name();
  for (const char* skipped : {"init", "clone", "merge-file", "completion"})
    if (name == skipped) return;
  try {
    keep_merge_driver(ctx, ctx.data_dir());
  } catch (const Error&) {  // no data directory yet: the command itself will say so
  }
}

bool write_gitattributes(const fs::path& dir) {
  fs::path path = dir / ".gitattributes";
  std::string text;
  std::error_code ec;
  if (fs::exists(path, ec)) {
    text = read_file(path);
    if (text.find("merge=kith") != std::string::npos) return false;
    if (!text.empty() && text.back() != '\n') text += '\n';
  } else {
    text = "# git merges person files with `kith merge-file`: both machines' log entries are kept.\n";
  }
  write_atomic(path, text + kGitattributesLine + "\n");
  return true;
}

void prepare_git_environment() {
  // The process environment is changed here, not passed down, because every
  // git child (and the driver git starts in turn) must inherit it.
  ::setenv("GIT_TERMINAL_PROMPT", "0", 1);
  if (!std::getenv("GIT_SSH_COMMAND")) ::setenv("GIT_SSH_COMMAND", "ssh -o BatchMode=yes", 1);
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (ec || self.empty()) return;
  const char* path = std::getenv("PATH");
  std::string value = self.parent_path().string() + (path && *path ? std::string(":") + path : "");
  ::setenv("PATH", value.c_str(), 1);
}

}  // namespace kith
