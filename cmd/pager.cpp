// SPDX-License-Identifier: MIT
#include "pager.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <ostream>

#include "system/process.h"

namespace kith {

namespace {

// The text the pager reads: a file of its own, removed afterwards.
class PagerInput {
 public:
  explicit PagerInput(const std::string& text) {
    std::string tmpl = (fs::temp_directory_path() / "kith-pager-XXXXXX").string();
    int fd = ::mkstemp(tmpl.data());
    if (fd < 0) return;
    ::close(fd);
    path_ = tmpl;
    std::ofstream out(path_, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush()) path_.clear();
  }
  ~PagerInput() {
    std::error_code ec;
    if (!path_.empty()) fs::remove(path_, ec);
  }
  PagerInput(const PagerInput&) = delete;
  PagerInput& operator=(const PagerInput&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

}  // namespace

std::optional<std::vector<std::string>> pager_command(const Getenv& env, bool to_terminal, bool no_pager) {
  if (!to_terminal || no_pager) return std::nullopt;
  if (auto term = env("TERM"); term && *term == "dumb") return std::nullopt;
  std::vector<std::string> command{"less", "-FRX"};
  if (auto pager = env("PAGER")) command = split_command(*pager);
  if (command.empty() || command == std::vector<std::string>{"cat"}) return std::nullopt;
  return command;
}

bool pages(const Context& ctx, bool no_pager) {
  return pager_command(ctx.env, ::isatty(STDOUT_FILENO) != 0, no_pager).has_value();
}

void print_paged(Context& ctx, const std::string& text, bool no_pager) {
  std::optional<std::vector<std::string>> pager =
      text.empty() ? std::nullopt : pager_command(ctx.env, ::isatty(STDOUT_FILENO) != 0, no_pager);
  if (pager) {
    PagerInput input(text);
    if (!input.path().empty()) {
      ctx.out.flush();
      try {
        ProcessOptions options;
        options.input = input.path();
        run_attached(*pager, options);
        return;
      } catch (const Error&) {
        // No such pager: the output still matters more than the paging.
      }
    }
  }
  ctx.out << text;
}

void add_no_pager_flag(CLI::App& command, bool& no_pager) {
  command.add_flag("--no-pager", no_pager, "Print straight to the terminal, without $PAGER");
}

}  // namespace kith
