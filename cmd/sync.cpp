// SPDX-License-Identifier: MIT
// kith sync [--status] [--continue]: bring this machine and the remote to
// the same history: fetch, rebase this machine's commits on the remote's
// (what `git pull --rebase --autostash` does, in steps so that each failure
// gets its own message), then push. Person files merge through
// `kith merge-file`, so only two different values of one key stop it.
// Safe from cron: no prompt, and silent when there is nothing to do.
#include <fmt/format.h>

#include <optional>
#include <ostream>
#include <sstream>

#include "commands.h"
#include "git/git.h"
#include "merge/markers.h"
#include "merge_setup.h"

namespace kith {

namespace {

struct SyncOptions {
  bool status = false;
  bool resume = false;
};

std::string chomp(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!chomp(line).empty()) out.push_back(chomp(line));
  return out;
}

// Runs git, and turns a failure into an Error saying what kith was doing.
std::string git_ok(const fs::path& dir, const std::vector<std::string>& args, std::string_view doing) {
  ProcessResult r = run_git(dir, args);
  if (r.status != 0) throw Error(fmt::format("{}: {}", doing, git_complaint(r, args.front())));
  return r.out;
}

fs::path git_path(const fs::path& dir, const std::string& what) {
  ProcessResult r = run_git(dir, {"rev-parse", "--git-path", what});
  if (r.status != 0) return {};
  fs::path p = chomp(r.out);
  return p.is_relative() ? dir / p : p;
}

bool exists_in_git_dir(const fs::path& dir, const std::string& what) {
  fs::path p = git_path(dir, what);
  std::error_code ec;
  return !p.empty() && fs::exists(p, ec);
}

std::optional<std::string> read_git_file(const fs::path& dir, const std::string& what) {
  if (!exists_in_git_dir(dir, what)) return std::nullopt;
  return chomp(read_file(git_path(dir, what)));
}

struct Upstream {
  std::string remote, branch;
  bool tracked = false;  // the branch already has this upstream
  std::string ref() const { return remote + "/" + branch; }
};

Upstream upstream_of(const fs::path& dir) {
  ProcessResult b = run_git(dir, {"symbolic-ref", "--quiet", "--short", "HEAD"});
  std::string branch = chomp(b.out);
  // A stopped rebase is on a detached HEAD; the branch it rebases is noted.
  if (b.status != 0) {
    if (auto head = read_git_file(dir, "rebase-merge/head-name")) branch = *head;
    if (branch.starts_with("refs/heads/")) branch.erase(0, 11);
    if (branch.empty())
      throw Error("the data directory is not on a branch (a detached HEAD): `kith git switch -` first");
  }
  ProcessResult remote = run_git(dir, {"config", "--get", "branch." + branch + ".remote"});
  ProcessResult merge = run_git(dir, {"config", "--get", "branch." + branch + ".merge"});
  if (remote.status == 0 && merge.status == 0) {
    std::string m = chomp(merge.out);
    if (m.starts_with("refs/heads/")) m.erase(0, 11);
    return {chomp(remote.out), m, true};
  }
  std::vector<std::string> remotes = lines_of(git_ok(dir, {"remote"}, "cannot list the remotes"));
  if (remotes.empty())
    throw Error("no remote to sync with: add one with `kith git remote add origin URL` (any git host, "
                "or a bare repository on a server or a USB stick)");
  std::string name = remotes.front();
  for (const auto& r : remotes)
    if (r == "origin") name = r;
  return {name, branch, false};
}

bool rebase_in_progress(const fs::path& dir) {
  return exists_in_git_dir(dir, "rebase-merge") || exists_in_git_dir(dir, "rebase-apply");
}

std::vector<std::string> unmerged_files(const fs::path& dir) {
  return lines_of(run_git(dir, {"diff", "--name-only", "--diff-filter=U"}).out);
}

// Where the sync stopped, and what to do: the driver's own messages say
// which value, the files say whom to edit.
[[noreturn]] void stopped_on_conflict(const fs::path& dir, const std::string& git_err) {
  std::string msg = "sync stopped: both sides changed the same thing, which kith cannot choose for you\n";
  // git's progress ("Rebasing (1/2)\r") may share the driver's line.
  for (const auto& line : lines_of(git_err))
    if (auto at = line.find("kith: "); at != std::string::npos && line.find("merge conflict", at) != std::string::npos)
      msg += "  " + line.substr(at + 6) + "\n";
  std::vector<std::string> files = unmerged_files(dir);
  std::string edits;
  for (const auto& f : files) {
    fs::path p(f);
    if (p == "kith.yaml")
      edits += "  kith edit\n";
    else if (p.extension() == ".yaml")
      edits += fmt::format("  kith edit {}\n", p.stem().string());
    else
      edits += fmt::format("  edit {} (not a person file)\n", f);
  }
  msg += fmt::format("fix {}, keeping the right lines and removing the <<<<<<< ======= >>>>>>> markers:\n{}",
                     files.size() == 1 ? "this file" : "these files", edits);
  msg += "then run `kith sync --continue` (or `kith git rebase --abort` to put everything back as it was)";
  throw Error(msg);
}

// `git rebase ARGS`; a stop on a conflict throws the message saying what to do.
void rebase(const fs::path& dir, const std::vector<std::string>& args) {
  std::vector<std::string> argv{"-c", "core.editor=true", "rebase"};
  argv.insert(argv.end(), args.begin(), args.end());
  ProcessResult r = run_git(dir, argv);
  if (r.status == 0) return;
  if (rebase_in_progress(dir)) {
    if (!unmerged_files(dir).empty()) stopped_on_conflict(dir, r.err);
    // The commit being replayed became empty (the fix kept the remote's version).
    if (r.err.find("--skip") != std::string::npos || r.out.find("--skip") != std::string::npos ||
        r.out.find("nothing to commit") != std::string::npos) {
      rebase(dir, {"--skip"});
      return;
    }
  }
  throw Error(fmt::format("git rebase failed: {}", git_complaint(r, "rebase")));
}

// Stages the files the user fixed after a conflict; refuses any that still has markers.
void stage_fixed_files(const fs::path& dir) {
  std::string top = chomp(git_ok(dir, {"rev-parse", "--show-toplevel"}, "cannot find the work tree"));
  std::vector<std::string> files = unmerged_files(dir);
  std::vector<std::string> left;
  for (const auto& f : files) {
    fs::path path = fs::path(top) / f;
    std::error_code ec;
    if (!fs::exists(path, ec)) continue;
    if (auto marker = merge::find_conflict_markers(read_file(path), f)) left.push_back(marker->to_string());
  }
  if (!left.empty()) {
    std::string msg = "conflict markers are still there:";
    for (const auto& l : left) msg += "\n  " + l;
    throw Error(msg + "\nfix them with `kith edit WHO`, then run `kith sync --continue` again");
  }
  if (!files.empty()) {
    std::vector<std::string> add{"add", "--"};
    add.insert(add.end(), files.begin(), files.end());
    git_ok(top, add, "cannot stage the fixed files");
  }
}

struct Counts {
  int ahead = 0, behind = 0;
};

Counts ahead_behind(const fs::path& dir, const std::string& ref) {
  std::istringstream in(git_ok(dir, {"rev-list", "--left-right", "--count", "HEAD..." + ref}, "cannot compare with the remote"));
  Counts c;
  in >> c.ahead >> c.behind;
  return c;
}

bool has_ref(const fs::path& dir, const std::string& ref) {
  return run_git(dir, {"rev-parse", "--verify", "--quiet", "refs/remotes/" + ref}).status == 0;
}

// Fetches; a failure reads as being offline or the remote being wrong.
void fetch(const fs::path& dir, const Upstream& u) {
  ProcessResult r = run_git(dir, {"fetch", "--quiet", u.remote});
  if (r.status == 0) return;
  std::string url = chomp(run_git(dir, {"remote", "get-url", u.remote}).out);
  throw Error(fmt::format("cannot reach the remote '{}' ({}): {}\nnothing was changed; offline? `kith sync` again "
                          "when the remote can be reached",
                          u.remote, url, git_complaint(r, "fetch")));
}

std::string commits(int n) { return fmt::format("{} commit{}", n, n == 1 ? "" : "s"); }

void run_status(Context& ctx, const fs::path& dir, const Upstream& u) {
  std::string note;
  try {
    fetch(dir, u);
  } catch (const Error&) {
    note = " (offline: as of the last sync)";
  }
  if (!has_ref(dir, u.ref())) {
    int local = std::stoi(chomp(git_ok(dir, {"rev-list", "--count", "HEAD"}, "cannot count the commits")));
    ctx.out << fmt::format("{} has no branch {} yet{}: `kith sync` sends {}\n", u.remote, u.branch, note, commits(local));
    return;
  }
  Counts c = ahead_behind(dir, u.ref());
  if (c.ahead == 0 && c.behind == 0)
    ctx.out << fmt::format("up to date with {}{}\n", u.ref(), note);
  else
    ctx.out << fmt::format("{} to send, {} to get from {}{}\n", commits(c.ahead), commits(c.behind), u.ref(), note);
  if (rebase_in_progress(dir)) ctx.out << "a sync is stopped on a conflict: fix it, then `kith sync --continue`\n";
}

void run_sync(Context& ctx, const SyncOptions& o) {
  Store store = ctx.store();
  store.require_exists();
  const fs::path dir = store.dir();
  if (!is_git_work_tree(dir))
    throw Error(fmt::format("{} is not a git repository, so there is nothing to sync: `kith init` makes one, "
                            "`kith clone URL` gets one from another machine",
                            dir.string()));
  prepare_git_environment();
  // Held throughout: a `kith log` from cron must not commit in the middle of a rebase.
  auto lock = store.lock();
  keep_merge_driver(ctx, dir);
  const Upstream u = upstream_of(dir);
  if (o.status) return run_status(ctx, dir, u);

  if (rebase_in_progress(dir)) {
    if (!o.resume)
      throw Error("a sync stopped on a conflict earlier: fix the files `kith git status` lists as unmerged with "
                  "`kith edit WHO`, then run `kith sync --continue`");
    stage_fixed_files(dir);
    rebase(dir, {"--continue"});
  }
  if (write_gitattributes(dir)) {
    git_ok(dir, {"add", "--", ".gitattributes"}, "cannot stage .gitattributes");
    git_ok(dir, {"commit", "-q", "-m", "kith: merge person files with kith's driver", "--", ".gitattributes"},
           "cannot commit .gitattributes");
  }

  int got = 0, sent = 0;
  for (int attempt = 1;; ++attempt) {
    fetch(dir, u);
    bool remote_branch = has_ref(dir, u.ref());
    if (remote_branch) {
      Counts c = ahead_behind(dir, u.ref());
      if (c.behind > 0) {
        rebase(dir, {"--autostash", u.ref()});
        got += c.behind;
      }
    }
    int ahead = remote_branch ? ahead_behind(dir, u.ref()).ahead : 1;
    if (ahead == 0) break;
    std::vector<std::string> push{"push", "--quiet", "--porcelain"};
    if (!u.tracked) push.push_back("--set-upstream");
    push.insert(push.end(), {u.remote, "HEAD:refs/heads/" + u.branch});
    ProcessResult r = run_git(dir, push);
    if (r.status == 0) {
      sent += remote_branch ? ahead : std::stoi(chomp(git_ok(dir, {"rev-list", "--count", "HEAD"}, "cannot count")));
      break;
    }
    bool rejected = r.out.find("[rejected]") != std::string::npos || r.err.find("rejected") != std::string::npos;
    if (!rejected)
      throw Error(fmt::format("cannot push to '{}': {}", u.remote, git_complaint(r, "push")));
    // Another machine pushed between our fetch and our push: fetch again.
    if (attempt == 3)
      throw Error(fmt::format("the push to '{}' was rejected three times (other machines keep pushing, or the "
                              "remote refuses): {}; run `kith sync` again",
                              u.remote, git_complaint(r, "push")));
  }
  if (got > 0 || sent > 0) ctx.out << fmt::format("synced with {}: got {}, sent {}\n", u.ref(), commits(got), commits(sent));
}

}  // namespace

void setup_sync(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<SyncOptions>();
  CLI::App* sub = app.add_subcommand(
      "sync", "Get the other machines' changes and send this one's (git pull --rebase, then push); cron-safe");
  sub->add_flag("--status", o->status, "Only say how many commits there are to send and to get");
  sub->add_flag("--continue", o->resume, "Go on after fixing a conflict with `kith edit`");
  sub->callback([&ctx, o] { run_sync(ctx, *o); });
}

}  // namespace kith
