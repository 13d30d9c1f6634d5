// SPDX-License-Identifier: MIT
// End-to-end tests of `kith completion`: the bash script driven the way bash
// drives it (COMP_WORDS, COMP_CWORD, _kith, COMPREPLY) with the real binary
// in PATH and a temporary data directory; fish the same through
// `complete -C`; zsh checked for syntax. A shell that is not installed skips
// its tests.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "cli_util.h"
#include "system/process.h"

namespace kith::test {
namespace {

// A data directory with people whose slugs share prefixes, one in a
// subfolder, and kith.yaml adding a circle and a kind.
void write_network(const TempDir& tmp, const std::string& rel = "net") {
  tmp.write(rel + "/kith.yaml", "circles: {alumni: 180d}\nkinds:\n  mentoring: {balance: 1}\n");
  tmp.write(rel + "/charlene-dupont.yaml", "name: Charlène Dupont\n");
  tmp.write(rel + "/chloe-martin.yaml", "name: Chloé Martin\n");
  tmp.write(rel + "/former/christophe-roy.yaml", "name: Christophe Roy\n");
  tmp.write(rel + "/julie-martin.yaml", "name: Julie Martin\n");
}

// Runs `shell args...` with a clean environment: kith's folder first in
// PATH, HOME in the temp dir, and `env` added.
ProcessResult run_shell(const TempDir& tmp, const std::vector<std::string>& shell_argv,
                        const std::map<std::string, std::string>& env = {}) {
  std::string bin = fs::path(KITH_BINARY).parent_path().string();
  std::vector<std::string> argv{"env", "-i", "PATH=" + bin + ":/usr/local/bin:/usr/bin:/bin",
                                "HOME=" + (tmp.path() / "home").string(), "LANG=C.UTF-8",
                                "XDG_CONFIG_HOME=" + (tmp.path() / "home/.config").string(),
                                "XDG_DATA_HOME=" + (tmp.path() / "home/.local/share").string()};
  for (const auto& [k, v] : env) argv.push_back(k + "=" + v);
  argv.insert(argv.end(), shell_argv.begin(), shell_argv.end());
  ProcessOptions options;
  options.cwd = tmp.path();
  return run_captured(argv, options);
}

// COMPREPLY for the command line `words` (the last one is under the cursor),
// as bash would compute it after `source <(kith completion bash)`.
std::string bash_complete(const TempDir& tmp, const std::string& words,
                          const std::map<std::string, std::string>& env) {
  std::string script =
      "source <(kith completion bash) || exit 9\n"
      "COMP_WORDS=(" + words + ")\n"
      "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\n"
      "_kith\n"
      "echo \"${COMPREPLY[@]}\"\n";
  ProcessResult r = run_shell(tmp, {"bash", "--norc", "--noprofile", "-c", script}, env);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  std::string out = r.out;
  if (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

// The subcommands `kith --help` lists, so the scripts are checked against
// what the binary really has.
std::vector<std::string> help_subcommands() {
  TempDir tmp;
  std::istringstream in(run_kith(tmp, {"--help"}).out);
  std::vector<std::string> out;
  bool in_section = false;
  for (std::string line; std::getline(in, line);) {
    if (line == "Subcommands:") in_section = true;
    else if (line.empty()) in_section = false;
    else if (in_section && line.rfind("  ", 0) == 0) out.push_back(line.substr(2, line.find(' ', 2) - 2));
  }
  return out;
}

class BashCompletion : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!installed("bash")) GTEST_SKIP() << "bash is not installed";
    write_network(tmp_);
    env_["KITH_DIR"] = (tmp_.path() / "net").string();
  }
  std::string complete(const std::string& words) { return bash_complete(tmp_, words, env_); }

  TempDir tmp_;
  std::map<std::string, std::string> env_;
};

TEST_F(BashCompletion, SubcommandsByPrefix) {
  EXPECT_EQ(complete("kith l"), "list log");
  EXPECT_EQ(complete("kith s"), "set show snooze sync");
  std::vector<std::string> all = help_subcommands();
  std::sort(all.begin(), all.end());
  std::string expected;
  for (const std::string& s : all) expected += (expected.empty() ? "" : " ") + s;
  EXPECT_EQ(complete("kith ''"), expected);
}

TEST_F(BashCompletion, WhoOfLogCompletesSlugsOfTheDataDirectoryIncludingSubfolders) {
  EXPECT_EQ(complete("kith log ch"), "charlene-dupont chloe-martin christophe-roy");
  EXPECT_EQ(complete("kith log chr"), "christophe-roy");
  EXPECT_EQ(complete("kith log x"), "");
}

TEST_F(BashCompletion, EveryWhoPositionCompletesSlugs) {
  EXPECT_EQ(complete("kith show j"), "julie-martin");
  EXPECT_EQ(complete("kith snooze j"), "julie-martin");
  EXPECT_EQ(complete("kith edit j"), "julie-martin");
  EXPECT_EQ(complete("kith intro j"), "julie-martin");
  EXPECT_EQ(complete("kith intro julie-martin chl"), "chloe-martin");
  // The third word of intro is the free NOTE: nothing to offer.
  EXPECT_EQ(complete("kith intro julie-martin chloe-martin ch"), "");
  // The second word of snooze is WHEN: not a person.
  EXPECT_EQ(complete("kith snooze julie-martin ch"), "");
}

TEST_F(BashCompletion, KindOfLogCompletesBuiltinAndKithYamlKindsButNotIntro) {
  EXPECT_EQ(complete("kith log julie-martin m"), "met mentoring");
  EXPECT_EQ(complete("kith log julie-martin ''"), "met talk give ask got note mentoring");
}

TEST_F(BashCompletion, ValuesOfOptionsAreSkippedWhenCountingPositionals) {
  EXPECT_EQ(complete("kith log -d yesterday ch"), "charlene-dupont chloe-martin christophe-roy");
  EXPECT_EQ(complete("kith log julie-martin --date '3d ago' mentor"), "mentoring");
  EXPECT_EQ(complete("kith --color never log chl"), "chloe-martin");
}

TEST_F(BashCompletion, CircleOptionCompletesCirclesOfKithYaml) {
  EXPECT_EQ(complete("kith due --circle ''"), "alumni community online team");
  EXPECT_EQ(complete("kith list --circle t"), "team");
  EXPECT_EQ(complete("kith add Someone --circle a"), "alumni");
  // `--circle=x`, which bash splits at "=".
  EXPECT_EQ(complete("kith due --circle = c"), "community");
}

TEST_F(BashCompletion, FixedValuesCompleteFromTheirList) {
  EXPECT_EQ(complete("kith --color a"), "auto always");
  EXPECT_EQ(complete("kith completion ''"), "bash zsh fish");
}

TEST_F(BashCompletion, OptionsOfTheSubcommandAndTheGlobalOnes) {
  EXPECT_EQ(complete("kith log --"), "--help --edit --again --date --next --dir --color --no-cache");
  EXPECT_EQ(complete("kith due --l"), "--limit");
  EXPECT_EQ(complete("kith --"), "--help --version --dir --color --no-cache");
}

TEST_F(BashCompletion, DirOptionOnTheLineWinsOverKithDir) {
  write_network(tmp_, "other");
  tmp_.write("other/zoe-blanc.yaml", "name: Zoé Blanc\n");
  EXPECT_EQ(complete("kith --dir other log z"), "zoe-blanc");
  EXPECT_EQ(complete("kith log --dir other z"), "zoe-blanc");
  EXPECT_EQ(complete("kith log z"), "");  // KITH_DIR has no Zoé
}

TEST_F(BashCompletion, WhoCompletesFromNamesAndWordsInAnyCaseOrAccents) {
  EXPECT_EQ(complete("kith log Charl"), "charlene-dupont");
  EXPECT_EQ(complete("kith show marti"), "chloe-martin julie-martin");
  EXPECT_EQ(complete("kith show CHLOÉ"), "chloe-martin");
  EXPECT_EQ(complete("kith show roy"), "christophe-roy");
}

TEST_F(BashCompletion, TagOptionCompletesTheTagsInUse) {
  tmp_.write("net/julie-martin.yaml", "name: Julie Martin\ntags: [lyon, kubernetes]\n");
  tmp_.write("net/chloe-martin.yaml", "name: Chloé Martin\ntags:\n  - lyon\n  - rust\n");
  EXPECT_EQ(complete("kith due --tag ''"), "kubernetes lyon rust");
  EXPECT_EQ(complete("kith list --tag l"), "lyon");
}

TEST_F(BashCompletion, KithGitHandsOverToGitsOwnCompletion) {
  if (!fs::exists("/usr/share/bash-completion/completions/git")) GTEST_SKIP() << "no git completion for bash";
  std::string got = complete("kith git chec");
  EXPECT_NE(got.find("checkout"), std::string::npos) << got;
  EXPECT_EQ(got.find("charlene"), std::string::npos) << got;
}

TEST_F(BashCompletion, NoDataDirectoryOffersNothingAndPrintsNothing) {
  env_["KITH_DIR"] = (tmp_.path() / "missing").string();
  EXPECT_EQ(complete("kith log ch"), "");
  EXPECT_EQ(complete("kith log julie ta"), "talk");  // the built-in kinds still
}

TEST_F(BashCompletion, FileNamesAreNeverExpandedByTheShell) {
  tmp_.write("net/$(touch pwned).yaml", "name: Hostile\n");
  tmp_.write("net/`touch pwned2`.yaml", "name: Hostile\n");
  std::string got = complete("kith log ''");
  EXPECT_NE(got.find("$(touch pwned)"), std::string::npos) << got;
  EXPECT_FALSE(tmp_.exists("pwned"));
  EXPECT_FALSE(tmp_.exists("pwned2"));
}

TEST(CompletionHelpers, SlugsArePrintedOnceEachInOrder) {
  TempDir tmp;
  write_network(tmp);
  RunResult r = run_kith(tmp, {"--dir", "net", "completion", "--slugs"});
  EXPECT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(r.out, "charlene-dupont\nchloe-martin\nchristophe-roy\njulie-martin\n");
  EXPECT_EQ(r.err, "");
}

TEST(CompletionHelpers, KindsAndCirclesIncludeKithYamlOnes) {
  TempDir tmp;
  write_network(tmp);
  RunOptions in_net;
  in_net.env["KITH_DIR"] = (tmp / "net").string();
  RunResult kinds = run_kith(tmp, {"completion", "--kinds"}, in_net);
  EXPECT_EQ(kinds.out, "met\ntalk\ngive\nask\ngot\nnote\nmentoring\n") << kinds.describe();
  RunResult circles = run_kith(tmp, {"completion", "--circles", "--dir", "net"});
  EXPECT_EQ(circles.out, "alumni\ncommunity\nonline\nteam\n") << circles.describe();
}

TEST(CompletionHelpers, AreSilentAndSucceedOnAMissingDirectoryOrABrokenKithYaml) {
  TempDir tmp;
  for (const char* helper : {"--slugs", "--kinds", "--circles"}) {
    RunResult r = run_kith(tmp, {"--dir", "nowhere", "completion", helper});
    EXPECT_EQ(r.code, 0) << r.describe();
    EXPECT_EQ(r.err, "") << helper;
  }
  tmp.write("net/kith.yaml", "circles: [oops\n");
  RunResult kinds = run_kith(tmp, {"--dir", "net", "completion", "--kinds"});
  EXPECT_EQ(kinds.code, 0);
  EXPECT_EQ(kinds.err, "");
  EXPECT_EQ(kinds.out, "met\ntalk\ngive\nask\ngot\nnote\n");
}

TEST(CompletionCommand, WithoutAShellOrWithAnUnknownOneIsAUsageError) {
  TempDir tmp;
  RunResult none = run_kith(tmp, {"completion"});
  EXPECT_EQ(none.code, 2) << none.describe();
  EXPECT_NE(none.err.find("bash, zsh or fish"), std::string::npos) << none.err;
  RunResult tcsh = run_kith(tmp, {"completion", "tcsh"});
  EXPECT_EQ(tcsh.code, 2) << tcsh.describe();
  EXPECT_NE(tcsh.err.find("tcsh"), std::string::npos);
  RunResult both = run_kith(tmp, {"completion", "bash", "--slugs"});
  EXPECT_EQ(both.code, 2) << both.describe();
}

TEST(CompletionScripts, NameEverySubcommandOfTheHelp) {
  TempDir tmp;
  std::vector<std::string> subcommands = help_subcommands();
  ASSERT_GE(subcommands.size(), 10u);
  for (const char* shell : {"bash", "zsh", "fish"}) {
    RunResult r = run_kith(tmp, {"completion", shell});
    ASSERT_EQ(r.code, 0) << r.describe();
    for (const std::string& s : subcommands) {
      std::string quoted = "'" + s + "'";
      bool named = r.out.find(quoted + ")") != std::string::npos      // bash
                   || r.out.find("'" + s + ":") != std::string::npos  // zsh
                   || r.out.find("-a " + quoted) != std::string::npos;  // fish
      EXPECT_TRUE(named) << shell << " does not complete " << s;
    }
  }
}

TEST(CompletionScripts, ZshScriptIsValidZsh) {
  if (!installed("zsh")) GTEST_SKIP() << "zsh is not installed";
  TempDir tmp;
  tmp.write("_kith", run_kith(tmp, {"completion", "zsh"}).out);
  ProcessResult r = run_shell(tmp, {"zsh", "-n", (tmp / "_kith").string()});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(tmp.read("_kith").rfind("#compdef kith\n", 0), 0u);
}

TEST(CompletionScripts, FishScriptIsValidFishAndCompletesSlugsAndKinds) {
  if (!installed("fish")) GTEST_SKIP() << "fish is not installed";
  TempDir tmp;
  write_network(tmp);
  tmp.write("kith.fish", run_kith(tmp, {"completion", "fish"}).out);
  ProcessResult syntax = run_shell(tmp, {"fish", "-n", (tmp / "kith.fish").string()});
  ASSERT_EQ(syntax.status, 0) << syntax.err;
  auto complete = [&](const std::string& line) {
    std::string script = "source kith.fish; complete -C '" + line + "' | cut -f1";  // drop the descriptions
    ProcessResult r = run_shell(tmp, {"fish", "--no-config", "-c", script},
                                {{"KITH_DIR", (tmp / "net").string()}});
    EXPECT_EQ(r.status, 0) << r.err;
    return r.out;
  };
  EXPECT_EQ(complete("kith l"), "list\nlog\n");
  EXPECT_EQ(complete("kith log ch"), "charlene-dupont\nchloe-martin\nchristophe-roy\n");
  EXPECT_EQ(complete("kith log -d yesterday julie-martin me"), "mentoring\nmet\n");
  EXPECT_EQ(complete("kith due --circle a"), "alumni\n");
  EXPECT_EQ(complete("kith show Marti"), "chloe-martin\njulie-martin\n");
}

}  // namespace
}  // namespace kith::test
