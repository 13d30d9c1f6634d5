// SPDX-License-Identifier: MIT
// End-to-end tests of `kith intro A B` (one entry in each file, both or
// neither written) and `kith intro --suggest`: the real binary on temporary
// directories, with today pinned to 2026-11-21.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <csignal>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "cli_util.h"

namespace kith::test {
namespace {

// Hand-written files: comments, a flow item, `log:` not the last key, and a
// file with no log at all.
const std::string ada_text =
    "# Ada: met at FOSDEM\n"
    "name: Ada Lovelace  # the first programmer\n"
    "tags: [math, engines]\n"
    "needs: [funding]\n"
    "log:\n"
    "  - date: 2026-01-10\n"
    "    kind: met\n"
    "    note: FOSDEM # hallway\n"
    "  # between entries\n"
    "  - date: 2026-01-11\n"
    "    kind: talk\n"
    "email: ada@example.org   # work address\n";
const std::string charles_text =
    "name: Charles Babbage\n"
    "offers: [Funding]\n"
    "tags: [engines]\n"
    "# no log yet\n";
const std::string grace_text =
    "name: Grace Hopper\n"
    "log:\n"
    "- date: 2026-02-01\n"
    "  kind: talk     # a call\n";

void write_network(const TempDir& tmp) {
  tmp.write("net/ada.yaml", ada_text);
  tmp.write("net/charles.yaml", charles_text);
  tmp.write("net/grace.yaml", grace_text);
}

std::vector<std::string> args(const std::vector<std::string>& rest) {
  std::vector<std::string> out{"--dir", "net"};
  out.insert(out.end(), rest.begin(), rest.end());
  return out;
}

// The person files of `tmp` (the lock file and git's are not the user's).
std::map<std::string, std::string> user_files(const TempDir& tmp) {
  std::map<std::string, std::string> files = tmp.snapshot();
  std::erase_if(files, [](const auto& kv) { return kv.first.find("/.") != std::string::npos; });
  return files;
}

// `original` with `added` inserted just before the first `marker`, or at
// the end when `marker` is empty.
std::string inserted(const std::string& original, const std::string& marker, const std::string& added) {
  if (marker.empty()) return original + added;
  std::size_t at = original.find(marker);
  EXPECT_NE(at, std::string::npos) << marker;
  return original.substr(0, at) + added + original.substr(at);
}

YAML::Node parse_json(const std::string& text) { return YAML::Load(text); }

// "a b score" for each suggestion of `intro --suggest --json`.
std::vector<std::string> pairs_of(const RunResult& r) {
  std::vector<std::string> out;
  YAML::Node list = parse_json(r.out);
  EXPECT_TRUE(list.IsSequence()) << r.describe();
  for (const YAML::Node& s : list)
    out.push_back(fmt::format("{} {} {}", s["a"].as<std::string>(), s["b"].as<std::string>(), s["score"].as<int>()));
  return out;
}

bool contains(const std::vector<std::string>& v, const std::string& item) {
  return std::find(v.begin(), v.end(), item) != v.end();
}

TEST(IntroCli, LogsOneEntryInEachFileWithTheOtherAndChangesNothingElse) {
  TempDir tmp;
  write_network(tmp);
  RunResult r = run_kith(tmp, args({"intro", "ada", "charles", "both", "love", "engines"}));
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(r.out, "ada <-> charles: intro on 2026-11-21\n");
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(tmp.read("net/ada.yaml"),
            inserted(ada_text, "email:",
                     "  - date: 2026-11-21\n    kind: intro\n    note: both love engines\n    with: charles\n"));
  EXPECT_EQ(tmp.read("net/charles.yaml"),
            charles_text + "log:\n  - date: 2026-11-21\n    kind: intro\n    note: both love engines\n    with: ada\n");
  EXPECT_EQ(tmp.read("net/grace.yaml"), grace_text);
  EXPECT_EQ(user_files(tmp).size(), 3u);
}

TEST(IntroCli, MatchesPrefixesAndTakesADateAndIndentsLikeTheNeighbours) {
  TempDir tmp;
  write_network(tmp);
  RunResult r = run_kith(tmp, args({"intro", "Grace", "ada love", "-d", "2026-11-01"}));
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(r.out, "grace <-> ada: intro on 2026-11-01\n");
  // Grace's log is indented 0: the new entry is too.
  EXPECT_EQ(tmp.read("net/grace.yaml"), grace_text + "- date: 2026-11-01\n  kind: intro\n  with: ada\n");
  EXPECT_EQ(tmp.read("net/ada.yaml"),
            inserted(ada_text, "email:", "  - date: 2026-11-01\n    kind: intro\n    with: grace\n"));
  EXPECT_EQ(tmp.read("net/charles.yaml"), charles_text);
}

TEST(IntroCli, BothEntriesReadBackAsIntrosForShowAndReport) {
  TempDir tmp;
  write_network(tmp);
  ASSERT_EQ(run_kith(tmp, args({"intro", "ada", "charles", "-d", "yesterday"})).code, 0);
  RunResult show = run_kith(tmp, args({"show", "charles", "--json"}));
  ASSERT_EQ(show.code, 0) << show.describe();
  YAML::Node log = parse_json(show.out)["log"];
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0]["kind"].as<std::string>(), "intro");
  EXPECT_EQ(log[0]["with"].as<std::string>(), "ada");
  EXPECT_EQ(log[0]["date"].as<std::string>(), "2026-11-20");
  RunResult report = run_kith(tmp, args({"report", "--json"}));
  ASSERT_EQ(report.code, 0) << report.describe();
  EXPECT_EQ(parse_json(report.out)["intros"].as<int>(), 1);  // logged twice, one intro
}

TEST(IntroCli, TheSamePersonTwiceIsAUsageErrorAndWritesNothing) {
  TempDir tmp;
  write_network(tmp);
  auto before = user_files(tmp);
  RunResult r = run_kith(tmp, args({"intro", "ada", "Ada Lovelace"}));
  EXPECT_EQ(r.code, 2) << r.describe();
  EXPECT_NE(r.err.find("kith: "), std::string::npos);
  EXPECT_NE(r.err.find("two different people"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(user_files(tmp), before);
}

TEST(IntroCli, AnUnknownPersonFailsAndWritesNothing) {
  TempDir tmp;
  write_network(tmp);
  auto before = user_files(tmp);
  RunResult r = run_kith(tmp, args({"intro", "ada", "zorro"}));
  EXPECT_EQ(r.code, 1) << r.describe();
  EXPECT_NE(r.err.find("zorro"), std::string::npos) << r.err;
  EXPECT_EQ(user_files(tmp), before);
  r = run_kith(tmp, args({"intro", "zorro", "ada"}));
  EXPECT_EQ(r.code, 1) << r.describe();
  EXPECT_EQ(user_files(tmp), before);
}

TEST(IntroCli, AnAmbiguousPrefixListsTheCandidatesAndWritesNothing) {
  TempDir tmp;
  write_network(tmp);
  tmp.write("net/adam.yaml", "name: Adam Smith\n");
  auto before = user_files(tmp);
  RunResult r = run_kith(tmp, args({"intro", "ada", "charles"}));  // `ada` is a slug: exact wins
  EXPECT_EQ(r.code, 0) << r.describe();
  before = user_files(tmp);
  r = run_kith(tmp, args({"intro", "Ad", "charles"}));
  EXPECT_EQ(r.code, 1) << r.describe();
  EXPECT_NE(r.err.find("adam"), std::string::npos) << r.err;
  EXPECT_EQ(user_files(tmp), before);
}

TEST(IntroCli, AFutureDateIsRefusedAndABadDateIsAUsageError) {
  TempDir tmp;
  write_network(tmp);
  auto before = user_files(tmp);
  RunResult r = run_kith(tmp, args({"intro", "ada", "charles", "-d", "2026-11-22"}));
  EXPECT_EQ(r.code, 1) << r.describe();
  EXPECT_NE(r.err.find("future"), std::string::npos) << r.err;
  r = run_kith(tmp, args({"intro", "ada", "charles", "-d", "someday"}));
  EXPECT_EQ(r.code, 2) << r.describe();
  EXPECT_EQ(user_files(tmp), before);
}

TEST(IntroCli, NeedsExactlyTwoPeopleWithoutSuggest) {
  TempDir tmp;
  write_network(tmp);
  auto before = user_files(tmp);
  RunResult r = run_kith(tmp, args({"intro", "ada"}));
  EXPECT_EQ(r.code, 2) << r.describe();
  EXPECT_NE(r.err.find("two people"), std::string::npos) << r.err;
  EXPECT_EQ(run_kith(tmp, args({"intro"})).code, 2);
  EXPECT_EQ(user_files(tmp), before);
}

TEST(IntroCli, RefusesWhenTheOtherFileCannotBeReadAndTheFirstStaysUntouched) {
  TempDir tmp;
  write_network(tmp);
  tmp.write("net/broken.yaml", "name: Broken\nlog: [\n");
  auto before = user_files(tmp);
  RunResult r = run_kith(tmp, args({"intro", "ada", "broken"}));
  EXPECT_EQ(r.code, 1) << r.describe();
  EXPECT_NE(r.err.find("could not be read"), std::string::npos) << r.err;
  EXPECT_EQ(user_files(tmp), before);
}

// The second write fails (the file-size limit lets the small first file
// through and stops the big second one): the first file gets its text back.
// Works as root too, unlike a read-only folder.
TEST(IntroCli, WhenTheSecondWriteFailsTheFirstFileIsRestored) {
  TempDir tmp;
  tmp.write("net/ann.yaml", "name: Ann  # short\n");
  std::string big = "name: Bob\nnotes: |\n";
  for (int i = 0; i < 100; ++i) big += fmt::format("  line {} of a note long enough to pass the limit\n", i);
  tmp.write("net/bob.yaml", big);
  auto before = user_files(tmp);

  struct rlimit old {};
  ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &old), 0);
  struct rlimit small = old;
  small.rlim_cur = 2048;  // ann's new text fits, bob's does not
  auto old_handler = std::signal(SIGXFSZ, SIG_IGN);  // write() fails with EFBIG instead of killing
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
  RunResult r = run_kith(tmp, args({"intro", "ann", "bob", "same city"}));
  ::setrlimit(RLIMIT_FSIZE, &old);
  std::signal(SIGXFSZ, old_handler);

  EXPECT_EQ(r.code, 1) << r.describe();
  EXPECT_NE(r.err.find("bob.yaml"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("File too large"), std::string::npos) << r.err;  // temps first: nothing was renamed
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(user_files(tmp), before);
  // And with room to write, the same intro goes through.
  RunResult again = run_kith(tmp, args({"intro", "ann", "bob", "same city"}));
  EXPECT_EQ(again.code, 0) << again.describe();
}

// The same with the second file's folder read-only: the way it happens to
// users. Root writes anywhere, so this one needs an ordinary user.
TEST(IntroCli, WhenTheSecondFilesFolderIsReadOnlyTheFirstFileIsUnchanged) {
  if (::geteuid() == 0) GTEST_SKIP() << "root ignores folder permissions";
  TempDir tmp;
  tmp.write("net/ann.yaml", "name: Ann\n# keep me\n");
  tmp.write("net/locked/bob.yaml", "name: Bob\n");
  auto before = user_files(tmp);
  fs::permissions(tmp / "net/locked", fs::perms::owner_read | fs::perms::owner_exec);
  RunResult r = run_kith(tmp, args({"intro", "ann", "bob"}));
  fs::permissions(tmp / "net/locked", fs::perms::owner_all);
  EXPECT_EQ(r.code, 1) << r.describe();
  EXPECT_NE(r.err.find("locked"), std::string::npos) << r.err;
  EXPECT_EQ(user_files(tmp), before);
}

std::string git_output(const TempDir& tmp, const std::string& command) {
  std::string full = fmt::format("cd '{}' && git {} 2>/dev/null", (tmp / "net").string(), command);
  std::string out;
  if (FILE* p = ::popen(full.c_str(), "r")) {
    char buf[512];
    while (std::fgets(buf, sizeof buf, p)) out += buf;
    ::pclose(p);
  }
  return out;
}

TEST(IntroCli, CommitsBothFilesInOneCommitInAGitDirectory) {
  if (std::system("git --version >/dev/null 2>&1") != 0) GTEST_SKIP() << "git is not installed";
  TempDir tmp;
  write_network(tmp);
  git_output(tmp, "init -q && git add -A && git -c user.name=t -c user.email=t@t.invalid commit -qm start");
  ASSERT_NE(git_output(tmp, "log --format=%s"), "");
  RunResult r = run_kith(tmp, args({"intro", "ada", "charles"}));
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(git_output(tmp, "log -1 --format=%s --name-only"), "kith: intro ada charles\n\nada.yaml\ncharles.yaml\n");
  EXPECT_EQ(git_output(tmp, "status --porcelain --untracked-files=no"), "");
}

// Suggestions on the sample network (notes/examples.md lists them).
TEST(IntroSuggestCli, PairsSomeonesNeedsWithAnothersOffersBestFirst) {
  TempDir tmp;
  copy_examples(tmp);
  RunResult r = run_kith(tmp, {"--dir", "people", "intro", "--suggest", "--json"});
  ASSERT_EQ(r.code, 0) << r.describe();
  YAML::Node list = parse_json(r.out);
  std::map<std::string, int> score;  // "a b" -> score
  for (const YAML::Node& s : list)
    score[s["a"].as<std::string>() + " " + s["b"].as<std::string>()] = s["score"].as<int>();
  // One's need meets the other's offer: 10 points each (case and accents folded).
  for (const char* strong : {"charlene-dupont nicolas-moreau", "charlene-dupont thomas-girard",
                             "camille-lefevre lea-nguyen", "mehdi-benali sarah-cohen",
                             "antoine-rousseau nicolas-moreau", "lukas-becker nicolas-moreau"})
    EXPECT_GE(score[strong], 10) << strong;
  EXPECT_EQ(score["antoine-rousseau lukas-becker"], 1);  // only the shared tag rust
  // Scores never increase down the list.
  for (std::size_t i = 1; i < list.size(); ++i)
    EXPECT_LE(list[i]["score"].as<int>(), list[i - 1]["score"].as<int>());
  // Each one comes with names and its reasons in words.
  for (const YAML::Node& s : list) {
    EXPECT_FALSE(s["a_name"].as<std::string>().empty());
    EXPECT_FALSE(s["b_name"].as<std::string>().empty());
    EXPECT_GE(s["reasons"].size(), 1u);
  }
}

TEST(IntroSuggestCli, NeverSuggestsAPairAlreadyIntroduced) {
  TempDir tmp;
  copy_examples(tmp);
  RunResult r = run_kith(tmp, {"--dir", "people", "intro", "--suggest", "--json"});
  ASSERT_EQ(r.code, 0) << r.describe();
  for (const std::string& p : pairs_of(r)) {
    EXPECT_EQ(p.find("charlene-dupont julie-martin"), std::string::npos) << p;
    EXPECT_EQ(p.find("sarah-cohen sophie-laurent"), std::string::npos) << p;
  }
  // Introducing a suggested pair takes it off the list.
  ASSERT_EQ(run_kith(tmp, {"--dir", "people", "intro", "charlene", "nicolas", "job search"}).code, 0);
  r = run_kith(tmp, {"--dir", "people", "intro", "--suggest", "--json"});
  for (const std::string& p : pairs_of(r)) EXPECT_EQ(p.find("charlene-dupont nicolas-moreau"), std::string::npos);
}

TEST(IntroSuggestCli, TextSaysWhoWhyAndTheCommandToLogIt) {
  TempDir tmp;
  copy_examples(tmp);
  RunResult r = run_kith(tmp, {"--dir", "people", "intro", "--suggest"});
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_NE(r.out.find("Charlène Dupont and Nicolas Moreau\n"
                       "  - Charlène Dupont needs 'job search'; Nicolas Moreau offers 'job search'\n"
                       "  kith intro charlene-dupont nicolas-moreau\n"),
            std::string::npos)
      << r.out;
  // Case and accents do not hide a match; the values show as written.
  EXPECT_NE(r.out.find("Léa Nguyen needs 'public speaking'; Camille Lefèvre offers 'Public speaking'"),
            std::string::npos);
  EXPECT_NE(r.out.find("Mehdi Benali needs 'observabilite'; Sarah Cohen offers 'observabilité'"), std::string::npos);
  EXPECT_NE(r.out.find("both tagged rust"), std::string::npos);
  EXPECT_EQ(r.out.find("\x1b["), std::string::npos);  // not a TTY: no colour
}

TEST(IntroSuggestCli, WhoKeepsOnlyTheirPairsWithThemFirst) {
  TempDir tmp;
  copy_examples(tmp);
  RunResult r = run_kith(tmp, {"--dir", "people", "intro", "--suggest", "Nicolas", "--json"});
  ASSERT_EQ(r.code, 0) << r.describe();
  std::vector<std::string> pairs = pairs_of(r);
  EXPECT_EQ(pairs, (std::vector<std::string>{"nicolas-moreau antoine-rousseau 10", "nicolas-moreau charlene-dupont 10",
                                             "nicolas-moreau lukas-becker 10"}));
  r = run_kith(tmp, {"--dir", "people", "intro", "--suggest", "nobody-at-all"});
  EXPECT_EQ(r.code, 1) << r.describe();
}

TEST(IntroSuggestCli, LimitKeepsTheBestNAndMustBePositive) {
  TempDir tmp;
  copy_examples(tmp);
  std::vector<std::string> all = pairs_of(run_kith(tmp, {"--dir", "people", "intro", "--suggest", "--json"}));
  ASSERT_GT(all.size(), 2u);
  RunResult r = run_kith(tmp, {"--dir", "people", "intro", "--suggest", "--limit", "2", "--json"});
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(pairs_of(r), (std::vector<std::string>{all[0], all[1]}));
  EXPECT_EQ(run_kith(tmp, {"--dir", "people", "intro", "--suggest", "--limit", "0"}).code, 2);
  EXPECT_EQ(run_kith(tmp, {"--dir", "people", "intro", "--suggest", "--limit", "x"}).code, 2);
}

// A crowd sharing one tag has hundreds of pairs: without --limit, the best
// 20 and how many more there are, not a wall of text.
TEST(IntroSuggestCli, WithoutLimitShowsTwentyAndSaysHowManyMore) {
  TempDir tmp;
  for (int i = 0; i < 30; ++i) tmp.write(fmt::format("net/p{:02}.yaml", i), fmt::format("name: P {:02}\ntags: [rust]\n", i));
  RunResult r = run_kith(tmp, args({"intro", "--suggest"}));
  ASSERT_EQ(r.code, 0) << r.describe();
  std::size_t commands = 0;
  for (std::size_t at = 0; (at = r.out.find("  kith intro ", at)) != std::string::npos; ++at) ++commands;
  EXPECT_EQ(commands, 20u) << r.out;
  EXPECT_NE(r.out.find("\n415 more pairs (435 in all); `--limit N` shows the N best.\n"), std::string::npos) << r.out;
  EXPECT_EQ(pairs_of(run_kith(tmp, args({"intro", "--suggest", "--json"}))).size(), 20u);
  r = run_kith(tmp, args({"intro", "--suggest", "--limit", "435"}));
  EXPECT_EQ(r.out.find("more pairs"), std::string::npos) << r.out;
  EXPECT_EQ(pairs_of(run_kith(tmp, args({"intro", "--suggest", "--limit", "1000", "--json"}))).size(), 435u);
}

TEST(IntroSuggestCli, NothingToSuggestIsAnEmptyArrayOrASentence) {
  TempDir tmp;
  tmp.write("net/ann.yaml", "name: Ann\ntags: [go]\n");
  tmp.write("net/bob.yaml", "name: Bob\ntags: [rust]\n");
  RunResult r = run_kith(tmp, args({"intro", "--suggest", "--json"}));
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(r.out, "[]\n");
  r = run_kith(tmp, args({"intro", "--suggest"}));
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_NE(r.out.find("No introductions to suggest"), std::string::npos) << r.out;
}

TEST(IntroSuggestCli, OptionsThatDoNotGoTogetherAreUsageErrors) {
  TempDir tmp;
  write_network(tmp);
  auto before = user_files(tmp);
  EXPECT_EQ(run_kith(tmp, args({"intro", "--suggest", "ada", "charles"})).code, 2);
  EXPECT_EQ(run_kith(tmp, args({"intro", "ada", "charles", "--json"})).code, 2);
  EXPECT_EQ(run_kith(tmp, args({"intro", "ada", "charles", "--limit", "3"})).code, 2);
  EXPECT_EQ(run_kith(tmp, args({"intro", "--suggest", "-d", "yesterday"})).code, 2);
  EXPECT_EQ(user_files(tmp), before);
}

TEST(IntroSuggestCli, ABadFileIsReportedAndTheOthersStillSuggested) {
  TempDir tmp;
  write_network(tmp);
  tmp.write("net/broken.yaml", "name: [unclosed\n");
  RunResult r = run_kith(tmp, args({"intro", "--suggest", "--json"}));
  EXPECT_EQ(r.code, 1) << r.describe();
  EXPECT_NE(r.err.find("broken.yaml:"), std::string::npos) << r.err;
  EXPECT_TRUE(contains(pairs_of(r), "ada charles 11"));  // funding (case folded) + engines
}

}  // namespace
}  // namespace kith::test
