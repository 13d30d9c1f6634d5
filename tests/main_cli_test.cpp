// SPDX-License-Identifier: MIT
// The top level: help and version always answer, and what main reads from
// the environment fails only the commands that need it.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "cli_util.h"

namespace kith::test {
namespace {

TEST(MainCli, HelpAndVersionWorkDespiteABrokenConfigAndToday) {
  TempDir tmp;
  tmp.write("home/.config/kith/config.yaml", "dir: [unclosed\n");
  RunOptions bad_today{{{"KITH_TODAY", "someday"}}, std::nullopt, {}, {}};
  for (const RunOptions& o : {RunOptions{}, bad_today}) {
    RunResult help = run_kith(tmp, {"--help"}, o);
    EXPECT_EQ(help.code, 0) << help.describe();
    EXPECT_NE(help.out.find("due"), std::string::npos) << help.describe();
    RunResult version = run_kith(tmp, {"--version"}, o);
    EXPECT_EQ(version.code, 0) << version.describe();
    EXPECT_EQ(version.out.rfind("kith ", 0), 0u) << version.describe();
  }
}

TEST(MainCli, ACommandReportsTheBrokenConfigWithItsPosition) {
  TempDir tmp;
  tmp.write("home/.config/kith/config.yaml", "color: sometimes\n");
  RunResult r = run_kith(tmp, {"list"});
  EXPECT_EQ(r.code, 1) << r.describe();
  EXPECT_NE(r.err.find("config.yaml:1:8: color 'sometimes' must be auto, always or never"), std::string::npos)
      << r.describe();
}

TEST(MainCli, ABadKithTodayIsAnErrorNamingIt) {
  TempDir tmp;
  RunResult r = run_kith(tmp, {"due"}, RunOptions{{{"KITH_TODAY", "2026-02-30"}}, std::nullopt, {}, {}});
  EXPECT_EQ(r.code, 1) << r.describe();
  EXPECT_NE(r.err.find("kith: KITH_TODAY '2026-02-30' is not a YYYY-MM-DD date"), std::string::npos) << r.describe();
  EXPECT_TRUE(r.out.empty());
}

TEST(MainCli, NoSubcommandPrintsTheCommandList) {
  TempDir tmp;
  RunResult r = run_kith(tmp, {});
  EXPECT_EQ(r.code, 0) << r.describe();
  EXPECT_NE(r.out.find("Subcommands:"), std::string::npos) << r.describe();
  EXPECT_EQ(r.err, "");
}

// `kith CMD ...` builds only CMD's options (a faster start); `kith completion`
// reads the whole table. Each command alone has all it has in the table.
TEST(MainCli, EachCommandBuiltAloneHasItsOptionsOfTheWholeTable) {
  TempDir tmp;
  RunResult fish = run_kith(tmp, {"completion", "fish"});
  ASSERT_EQ(fish.code, 0) << fish.describe();
  std::set<std::string> commands;
  std::map<std::string, std::vector<std::string>> options;  // command -> its options as help prints them
  const std::regex command_line(R"(__kith_wants command' -a '([a-z-]+)')");
  const std::regex option_line(R"(__kith_in ([a-z-]+)'((?: -[sl] [a-z-]+)+))");
  const std::regex option_name(R"(-([sl]) ([a-z-]+))");
  for (const std::string& line : lines_of(fish.out)) {
    std::smatch m;
    if (std::regex_search(line, m, command_line)) commands.insert(m[1]);
    if (!std::regex_search(line, m, option_line)) continue;
    const std::string names = m[2];
    for (std::sregex_iterator it(names.begin(), names.end(), option_name), end; it != end; ++it)
      options[m[1]].push_back(((*it)[1] == "s" ? "-" : "--") + (*it)[2].str());
  }
  ASSERT_GE(commands.size(), 20u) << fish.out;
  ASSERT_GE(options.size(), 10u) << fish.out;
  for (const std::string& command : commands) {
    if (command == "git") continue;  // `kith git --help` is git's help
    RunResult help = run_kith(tmp, {command, "--help"});
    ASSERT_EQ(help.code, 0) << help.describe();
    EXPECT_NE(help.out.find("Usage: kith " + command + " "), std::string::npos) << help.describe();
    EXPECT_NE(help.out.find("Global options, here too"), std::string::npos) << help.describe();
    for (const std::string& option : options[command])
      EXPECT_TRUE(std::regex_search(help.out, std::regex("[ ,]" + option + "[ ,\\n]"))) << option << "\n"
                                                                                          << help.describe();
  }
  // Before the command word, a global option's value is not a command.
  tmp.write("due/kith.yaml", "");
  RunResult r = run_kith(tmp, {"--dir", (tmp / "due").string(), "list"});
  EXPECT_EQ(r.code, 0) << r.describe();
  RunResult misspelt = run_kith(tmp, {"lsit"});
  EXPECT_EQ(misspelt.code, 2) << misspelt.describe();
  EXPECT_NE(misspelt.err.find("did you mean 'list'?"), std::string::npos) << misspelt.describe();
}

}  // namespace
}  // namespace kith::test
