// SPDX-License-Identifier: MIT
#include "transaction.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <algorithm>
#include <set>

#include "model/error.h"
#include "store.h"
#include "system/atomic_write.h"

namespace kith {

namespace transaction_hooks {
void (*after_rename)(std::size_t) = nullptr;
}  // namespace transaction_hooks

namespace {

std::string errno_text() { return std::strerror(errno); }

// What a symlinked person file names is what gets written (as write_atomic does).
fs::path real_target(const fs::path& path) {
  std::error_code ec;
  if (fs::is_symlink(path, ec))
    if (fs::path target = fs::canonical(path, ec); !ec) return target;
  fs::path abs = fs::absolute(path, ec);
  fs::path folder = fs::weakly_canonical(abs.parent_path(), ec);
  return ec ? abs : folder / abs.filename();
}

// The temp files of more changes than this are synced with one syncfs(2)
// instead of one fsync each: an import of 30,000 people spent minutes in
// fsync. Below it, fsync stays: syncfs flushes whatever else is dirty.
constexpr std::size_t fsync_each_up_to = 8;

// One step of the journal: move `temp` over `target`, or (no temp) remove `target`.
struct Step {
  fs::path target;
  std::optional<fs::path> temp;
  const FileChange* change = nullptr;  // what it comes from (not known when recovering)
};

// The journal: a header line, one line per step with length-prefixed paths
// (any byte may be in a file name), and `end`.
std::string field(const fs::path& p) { return fmt::format("{}:{}", p.string().size(), p.string()); }

std::string journal_text(const std::vector<Step>& steps) {
  std::string out = "kith-journal 1\n";
  for (const Step& s : steps)
    out += s.temp ? fmt::format("rename {} {}\n", field(*s.temp), field(s.target))
                  : fmt::format("remove {}\n", field(s.target));
  return out + "end\n";
}

std::vector<Step> parse_journal(const std::string& text, const fs::path& journal) {
  std::size_t at = 0;
  auto bad = [&] { return Error("the journal of an unfinished change does not read; remove it by hand after "
                                "checking the files it names", journal.string()); };
  auto expect = [&](std::string_view word) {
    if (text.compare(at, word.size(), word) != 0) throw bad();
    at += word.size();
  };
  auto path_field = [&]() -> fs::path {
    std::size_t colon = text.find(':', at);
    if (colon == std::string::npos || colon == at || colon - at > 9) throw bad();
    std::size_t len = 0;
    for (std::size_t i = at; i < colon; ++i) {
      if (text[i] < '0' || text[i] > '9') throw bad();
      len = len * 10 + static_cast<std::size_t>(text[i] - '0');
    }
    if (colon + 1 + len > text.size()) throw bad();
    at = colon + 1 + len;
    return fs::path(text.substr(colon + 1, len));
  };
  expect("kith-journal 1\n");
  std::vector<Step> steps;
  while (text.compare(at, 4, "end\n") != 0) {
    if (text.compare(at, 7, "rename ") == 0) {
      at += 7;
      fs::path temp = path_field();
      expect(" ");
      steps.push_back({path_field(), temp});
    } else if (text.compare(at, 7, "remove ") == 0) {
      at += 7;
      steps.push_back({path_field(), std::nullopt});
    } else {
      throw bad();
    }
    expect("\n");
  }
  return steps;
}

// Does one step; `recovering`: a step already done before the crash is fine.
void run_step(const Step& s, bool recovering) {
  if (s.temp) {
    if (::rename(s.temp->c_str(), s.target.c_str()) == 0) return;
    if (recovering && errno == ENOENT) return;  // renamed before the crash
    throw Error(fmt::format("cannot replace the file: {}", errno_text()), s.target.string());
  }
  if (::unlink(s.target.c_str()) == 0 || errno == ENOENT) return;
  throw Error(fmt::format("cannot remove: {}", errno_text()), s.target.string());
}

void remove_journal(const fs::path& dir) {
  fs::path journal = journal_path(dir);
  if (::unlink(journal.c_str()) != 0 && errno != ENOENT)
    throw Error(fmt::format("cannot remove the journal: {}", errno_text()), journal.string());
  sync_folder(dir);
}

void sync_folders(const std::vector<Step>& steps) {
  std::set<fs::path> folders;
  for (const Step& s : steps) folders.insert(s.target.parent_path());
  for (const fs::path& f : folders) sync_folder(f);
}

}  // namespace

fs::path journal_path(const fs::path& dir) { return dir / ".kith-journal"; }

void apply_changes(const fs::path& dir, const std::vector<FileChange>& changes) {
  // 1. Every new text in a synced temporary file; nothing visible changes yet.
  std::vector<Step> steps;
  auto drop_temps = [&](std::size_t from) {
    for (std::size_t i = from; i < steps.size(); ++i)
      if (steps[i].temp) ::unlink(steps[i].temp->c_str());
  };
  try {
    const bool sync_each = changes.size() <= fsync_each_up_to;
    for (const FileChange& c : changes) {
      fs::path target = c.after ? real_target(c.path) : fs::absolute(c.path);
      std::optional<fs::path> temp;
      if (c.after) temp = write_temp_file(target, *c.after, !c.before, sync_each);
      steps.push_back({target, temp, &c});
    }
    if (!sync_each) sync_filesystem(dir);
  } catch (const Error&) {
    drop_temps(0);
    throw;
  }
  // Creations and replacements before removals: a crash never loses a text
  // that is nowhere else (mv removes the old file last).
  std::stable_partition(steps.begin(), steps.end(), [](const Step& s) { return s.temp.has_value(); });

  // 2. The decision: once the journal is on disk, the change will complete.
  try {
    write_atomic(journal_path(dir), journal_text(steps));
  } catch (const Error&) {
    drop_temps(0);
    throw;
  }

  // 3. The renames and removals, then the journal goes.
  std::size_t done = 0;
  try {
    for (; done < steps.size(); ++done) {
      run_step(steps[done], false);
      if (transaction_hooks::after_rename) transaction_hooks::after_rename(done);
    }
    sync_folders(steps);
    remove_journal(dir);
  } catch (const Error& e) {
    if (done == steps.size()) throw;  // all landed; only the journal's removal failed
    // An error, not a crash: put back what was done and drop the rest.
    Diagnostic d = e.diagnostic();
    drop_temps(done);
    std::vector<std::string> lost;
    for (std::size_t i = done; i-- > 0;) {
      try {
        if (steps[i].change->before) write_atomic(steps[i].target, *steps[i].change->before);
        else run_step({steps[i].target, std::nullopt}, false);
      } catch (const Error& undo) {
        lost.push_back(fmt::format("{} ({})", steps[i].target.string(), undo.diagnostic().message));
      }
    }
    try {  // what it described is undone or reported: the next command must not redo it
      remove_journal(dir);
    } catch (const Error&) {
    }
    if (done > 0 && lost.empty()) d.message += "; the files already changed were restored, nothing was written";
    for (const std::string& l : lost) d.message += fmt::format("; and {} could not be restored", l);
    throw Error(d);
  }
}

int recover_changes(const fs::path& dir) {
  fs::path journal = journal_path(dir);
  std::error_code ec;
  if (!fs::is_regular_file(fs::symlink_status(journal, ec))) return 0;
  std::vector<Step> steps = parse_journal(read_file(journal), journal);
  for (const Step& s : steps) run_step(s, true);
  sync_folders(steps);
  remove_journal(dir);
  return static_cast<int>(steps.size());
}

}  // namespace kith
