// SPDX-License-Identifier: MIT
#include "commit.h"

#include <fmt/format.h>

#include <ostream>

#include "git.h"
#include "render.h"

namespace kith {

void commit_change_in(Context& ctx, const std::filesystem::path& dir, const Settings& settings,
                      const std::vector<std::filesystem::path>& files, const std::string& message) {
  if (!settings.git_auto || files.empty()) return;
  CommitResult r = commit_files(dir, files, message);
  if (r.status == CommitResult::Status::failed)
    ctx.err << fmt::format("kith: warning: wrote the file but git commit failed: {}\n", visible(r.message));
}

void commit_change(Context& ctx, const Settings& settings, const std::vector<std::filesystem::path>& files,
                   const std::string& message) {
  commit_change_in(ctx, ctx.data_dir(), settings, files, message);
}

}  // namespace kith
