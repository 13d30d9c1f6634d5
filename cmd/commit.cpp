// SPDX-License-Identifier: MIT
#include "commit.h"

#include <fmt/format.h>

#include <ostream>

#include "git/git.h"
#include "render.h"

namespace kith {

namespace {

void warn_if_failed(Context& ctx, const CommitResult& r) {
  if (r.status == CommitResult::Status::failed)
    ctx.err << fmt::format("kith: warning: wrote the file but git commit failed: {}\n", visible(r.message));
}

}  // namespace

void commit_change_in(Context& ctx, const std::filesystem::path& dir, const Settings& settings,
                      const std::vector<std::filesystem::path>& files, const std::string& message) {
  if (!settings.git_auto || files.empty()) return;
  warn_if_failed(ctx, commit_files(dir, files, message));
}

void commit_change(Context& ctx, const Settings& settings, const std::vector<std::filesystem::path>& files,
                   const std::string& message) {
  commit_change_in(ctx, ctx.data_dir(), settings, files, message);
}

void commit_edits(Context& ctx, const Settings& settings, const std::vector<FileEdit>& edits,
                  const std::string& message) {
  if (!settings.git_auto || edits.empty()) return;
  warn_if_failed(ctx, commit_edits(ctx.data_dir(), edits, message));
}

}  // namespace kith
