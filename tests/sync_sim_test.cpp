// SPDX-License-Identifier: MIT
// The proof that `kith sync` never bothers the user: a bare repository and
// N clones ("machines"); for D simulated days each machine runs random kith
// commands and hand edits, and syncs at random times; then all sync. Every
// logged entry must be present exactly once everywhere, every clone must
// pass `kith check` and be identical, and no conflict may reach the user
// except the ones the scenario provokes on purpose (two machines setting
// one company differently), which it resolves with `kith edit` and counts.
// The suite runs 3 machines for 100 days (about a minute; the sanitized
// pass of test.sh runs 10). N, D and the seed come from KITH_SIM_MACHINES /
// KITH_SIM_DAYS / KITH_SIM_SEED, so bench/sync_sim.sh runs the same code
// larger.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <map>
#include <random>
#include <set>

#include "cli_util.h"
#include "model/dates.h"
#include "system/process.h"
#include "yaml/load.h"

namespace kith::test {
namespace {

void write_text(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

int env_int(const char* name, int fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::atoi(v) : fallback;
}

// One entry as `kith show` would see it: person, date, kind, note, with.
using Logged = std::tuple<std::string, std::string, std::string, std::string, std::string>;

class Sim {
 public:
  Sim(int machines, int days, unsigned seed) : machines_(machines), days_(days), rng_(seed) {}

  void run() {
    remote_ = (tmp_ / "remote.git").string();
    ASSERT_EQ(run_captured({"git", "init", "-q", "--bare", remote_}).status, 0);
    ok(0, {"init"});
    ok(0, {"git", "remote", "add", "origin", remote_});
    ok(0, {"sync"});
    for (int m = 1; m < machines_; ++m) {
      RunResult r = run_kith(tmp_, {"clone", remote_, dir(m).string()}, at_day());
      ASSERT_EQ(r.code, 0) << r.describe();
    }
    for (day_ = 0; day_ < days_; ++day_) {
      for (int m = 0; m < machines_; ++m) {
        int actions = pick(0, 2);
        for (int a = 0; a < actions; ++a) act(m);
        if (pick(0, 99) < 35) sync(m);
        if (::testing::Test::HasFatalFailure()) return;
      }
    }
    for (int round = 0; round < 2; ++round)
      for (int m = 0; m < machines_; ++m) sync(m);
  }

  void check() {
    std::multiset<Logged> first_present;
    for (int m = 0; m < machines_; ++m) {
      RunResult c = run_kith(tmp_, {"--dir", dir(m).string(), "check"}, at_day());
      EXPECT_EQ(c.code, 0) << "machine " << m << ": " << c.describe();
      std::multiset<Logged> present = entries(m);
      if (m == 0) first_present = present;
      EXPECT_EQ(present, first_present) << "machine " << m << " differs from machine 0";
      EXPECT_EQ(people_text(m), people_text(0)) << "machine " << m << " differs from machine 0";
    }
    std::multiset<Logged> expected(logged_.begin(), logged_.end());
    std::size_t missing = 0, doubled = 0;
    for (const auto& e : expected)
      if (first_present.count(e) == 0) ++missing;
    for (const auto& e : first_present)
      if (first_present.count(e) > 1 || expected.count(e) == 0) ++doubled;
    EXPECT_EQ(missing, 0u);
    EXPECT_EQ(doubled, 0u);
    EXPECT_EQ(unexpected_conflicts_, 0);
    std::printf("[ sync sim ] machines %d, days %d: %zu entries logged, %zu present (missing %zu, extra %zu), "
                "%d syncs, %d conflicts provoked and resolved, %d unexpected conflicts\n",
                machines_, days_, expected.size(), first_present.size(), missing, doubled, syncs_,
                provoked_conflicts_, unexpected_conflicts_);
  }

 private:
  fs::path dir(int m) const { return tmp_ / ("m" + std::to_string(m)); }
  int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  std::string today() const {
    return format_date(Date(date::sys_days(date::year{2026} / 1 / 1) + date::days{day_}));
  }
  RunOptions at_day() const {
    RunOptions o;
    o.env["KITH_TODAY"] = today();
    return o;
  }
  RunResult kith(int m, std::vector<std::string> args, const RunOptions& o) {
    args.insert(args.begin(), {"--dir", dir(m).string()});
    return run_kith(tmp_, args, o);
  }
  void ok(int m, const std::vector<std::string>& args) {
    RunResult r = kith(m, args, at_day());
    ASSERT_EQ(r.code, 0) << "machine " << m << " day " << day_ << ": " << r.describe();
  }

  // The people this machine knows (its files), by slug.
  std::vector<std::string> people(int m) const {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir(m)))
      if (e.path().extension() == ".yaml" && e.path().filename() != "kith.yaml") out.push_back(e.path().stem().string());
    std::sort(out.begin(), out.end());
    return out;
  }

  void act(int m) {
    std::vector<std::string> known = people(m);
    int roll = pick(0, 99);
    std::string note = "m" + std::to_string(m) + " #" + std::to_string(++counter_);
    if (known.size() < 2 || roll < 10) {
      // Each machine adds its own people: two files with one slug is not a merge.
      std::string name = "Person M" + std::to_string(m) + " N" + std::to_string(++added_[m]);
      ok(m, {"add", name, "--circle", "community", "--email", "p@x.invalid", "--company", "Acme"});
      return;
    }
    const std::string& who = known[static_cast<std::size_t>(pick(0, static_cast<int>(known.size()) - 1))];
    if (roll < 55) {
      static const char* kinds[] = {"talk", "give", "ask", "got", "note"};
      std::string kind = kinds[pick(0, 4)];
      ok(m, {"log", who, kind, note});
      logged_.emplace_back(who, today(), kind, note, "");
    } else if (roll < 65 && machines_ > 1) {
      // The same entry logged on two machines the same day: it must be there once.
      int other = (m + 1) % machines_;
      if (!fs::exists(dir(other) / (who + ".yaml"))) return;
      std::string same = "both machines: " + note;
      ok(m, {"log", who, "talk", same});
      ok(other, {"log", who, "talk", same});
      logged_.emplace_back(who, today(), "talk", same, "");
    } else if (roll < 75) {
      std::string other = known[static_cast<std::size_t>(pick(0, static_cast<int>(known.size()) - 1))];
      if (other == who) return;
      ok(m, {"intro", who, other, note});
      logged_.emplace_back(who, today(), "intro", note, other);
      logged_.emplace_back(other, today(), "intro", note, who);
    } else if (roll < 85) {
      ok(m, {"snooze", who, "+" + std::to_string(pick(1, 30)) + "d"});
    } else if (roll < 97 && m == 0) {
      hand_edit(m, who, note);
    } else if (roll >= 97 && machines_ > 1) {
      provoke_conflict(m, who);
    }
  }

  // The user's own edits: a comment on the name line, a line of notes,
  // committed by hand.
  void hand_edit(int m, const std::string& who, const std::string& note) {
    fs::path file = dir(m) / (who + ".yaml");
    std::vector<std::string> lines = lines_of(read_text(file));
    if (lines.empty()) return;
    if (pick(0, 1) == 0) {
      std::string& name = lines[0];
      if (auto hash = name.find("  #"); hash != std::string::npos) name.erase(hash);
      name += "  # edited by hand, " + note;
    } else {
      auto notes = std::find(lines.begin(), lines.end(), "notes: |");
      if (notes == lines.end()) {
        lines.insert(lines.begin() + 1, {"notes: |", "  " + note});
      } else {
        lines.insert(notes + 1, "  " + note);
      }
    }
    std::string text;
    for (const auto& l : lines) text += l + "\n";
    write_text(file, text);
    ok(m, {"git", "commit", "-q", "-am", "hand edit " + note});
  }

  // Two machines set one person's company differently, each committed:
  // the one real conflict kith leaves to the user.
  void provoke_conflict(int m, const std::string& who) {
    int other = (m + 1) % machines_;
    if (!fs::exists(dir(other) / (who + ".yaml"))) return;
    for (int side : {m, other}) {
      fs::path file = dir(side) / (who + ".yaml");
      std::vector<std::string> lines = lines_of(read_text(file));
      auto at = std::find_if(lines.begin(), lines.end(), [](const std::string& l) { return l.starts_with("company:"); });
      if (at == lines.end()) return;
      *at = "company: m" + std::to_string(side) + "-" + std::to_string(counter_);
      std::string text;
      for (const auto& l : lines) text += l + "\n";
      write_text(file, text);
      ok(side, {"git", "commit", "-q", "-am", "company on machine " + std::to_string(side)});
    }
    expected_conflicts_ += 1;
  }

  void sync(int m) {
    ++syncs_;
    RunResult r = kith(m, {"sync"}, at_day());
    // A rebase replaying several commits may stop once per provoked conflict.
    for (int round = 0; r.code != 0 && round < 5; ++round) {
      if (r.err.find("sync stopped") == std::string::npos ||
          r.err.find("`company` changed on both sides") == std::string::npos || expected_conflicts_ == 0) {
        ++unexpected_conflicts_;
        ADD_FAILURE() << "machine " << m << " day " << day_ << ": " << r.describe();
        return;
      }
      ++provoked_conflicts_;
      --expected_conflicts_;
      resolve(m);
      r = kith(m, {"sync", "--continue"}, at_day());
    }
    EXPECT_EQ(r.code, 0) << r.describe();
  }

  // The user keeps one of the two companies: an editor that drops the marker
  // lines and the first version.
  void resolve(int m) {
    fs::path script = tmp_ / "resolve.sh";
    write_text(script,
               "#!/bin/sh\nawk '/^<<<<<<< /{skip=1; next} /^=======/{skip=0; next} /^>>>>>>> /{next} "
               "!skip' \"$1\" > \"$1.new\" && mv \"$1.new\" \"$1\"\n");
    fs::permissions(script, fs::perms::owner_all);
    RunResult status = kith(m, {"git", "diff", "--name-only", "--diff-filter=U"}, at_day());
    for (const auto& f : lines_of(status.out)) {
      RunOptions o = at_day();
      o.env["EDITOR"] = script.string();
      RunResult e = kith(m, {"edit", fs::path(f).stem().string()}, o);
      ASSERT_EQ(e.code, 0) << e.describe();
    }
  }

  std::multiset<Logged> entries(int m) const {
    std::multiset<Logged> out;
    for (const auto& slug : people(m)) {
      fs::path file = dir(m) / (slug + ".yaml");
      LoadResult r = load_person(read_text(file), file.string(), Settings{});
      EXPECT_TRUE(r.person) << file;
      if (!r.person) continue;
      for (const Entry& e : r.person->log) out.emplace(slug, format_date(e.date), e.kind, e.note, e.with);
    }
    return out;
  }

  std::string people_text(int m) const {
    std::string out;
    for (const auto& slug : people(m)) out += slug + ":\n" + read_text(dir(m) / (slug + ".yaml"));
    return out;
  }

  int machines_, days_;
  std::mt19937 rng_;
  TempDir tmp_;
  std::string remote_;
  int day_ = 0, counter_ = 0, syncs_ = 0;
  int expected_conflicts_ = 0, provoked_conflicts_ = 0, unexpected_conflicts_ = 0;
  std::map<int, int> added_;
  std::vector<Logged> logged_;
};

TEST(SyncSim, ThreeMachinesLoseNothingAndAgree) {
  if (run_captured({"git", "--version"}).status != 0) GTEST_SKIP() << "git is not installed";
  Sim sim(env_int("KITH_SIM_MACHINES", 3), env_int("KITH_SIM_DAYS", 100),
          static_cast<unsigned>(env_int("KITH_SIM_SEED", 13)));
  auto start = std::chrono::steady_clock::now();
  sim.run();
  if (::testing::Test::HasFatalFailure()) return;
  sim.check();
  std::printf("[ sync sim ] %.1f s\n",
              std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
}

}  // namespace
}  // namespace kith::test
