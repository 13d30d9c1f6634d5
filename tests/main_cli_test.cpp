// SPDX-License-Identifier: MIT
// The top level: help and version always answer, and what main reads from
// the environment fails only the commands that need it.
#include <gtest/gtest.h>

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

}  // namespace
}  // namespace kith::test
