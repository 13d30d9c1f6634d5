// SPDX-License-Identifier: MIT
// Names in any script, end to end: one slug and one person whatever the
// case or normalization form typed, names stored in NFC (issue 11).
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "cli_util.h"

namespace kith::test {
namespace {

class UnicodeCli : public testing::Test {
 protected:
  TempDir tmp;
  RunResult kith(std::vector<std::string> args) {
    args.insert(args.begin(), {"--dir", "net"});
    return run_kith(tmp, args);
  }
  std::string name_in(const std::string& file) {
    return YAML::Load(tmp.read("net/" + file))["name"].as<std::string>();
  }
};

const std::string pyotr_nfc = "\u041F\u0451\u0442\u0440";         // Пётр
const std::string pyotr_nfd = "\u041F\u0435\u0308\u0442\u0440";   // е + U+0308

TEST_F(UnicodeCli, NfcAndNfdNamesAreOnePerson) {
  RunResult add = kith({"add", pyotr_nfd});
  ASSERT_EQ(add.code, 0) << add.describe();
  EXPECT_EQ(add.out, "net/петр.yaml\n");
  EXPECT_EQ(name_in("петр.yaml"), pyotr_nfc);  // written composed
  RunResult again = kith({"add", pyotr_nfc});
  EXPECT_EQ(again.code, 1) << again.describe();
  EXPECT_NE(again.err.find("already exists"), std::string::npos) << again.describe();
  for (const std::string& who : {pyotr_nfc, pyotr_nfd, std::string("петр"), std::string("ПЁТР")}) {
    RunResult show = kith({"show", who});
    EXPECT_EQ(show.code, 0) << who << show.describe();
  }
}

TEST_F(UnicodeCli, FinalSigmaFullWidthAndDigraphsMatch) {
  ASSERT_EQ(kith({"add", "Σίσυφος"}).code, 0);
  RunResult upper = kith({"add", "ΣΊΣΥΦΟΣ"});
  EXPECT_EQ(upper.code, 1) << upper.describe();
  ASSERT_EQ(kith({"add", "Ｆｕｌｌ"}).code, 0);
  EXPECT_TRUE(tmp.exists("net/full.yaml"));
  ASSERT_EQ(kith({"add", "ǅemal"}).code, 0);
  EXPECT_TRUE(tmp.exists("net/dzemal.yaml"));
  for (auto [who, file] : std::vector<std::pair<std::string, std::string>>{
           {"ΣΊΣΥΦΟΣ", "σισυφοσ"}, {"σίσυφος", "σισυφοσ"}, {"full", "full"}, {"ｆｕｌｌ", "full"},
           {"FULL", "full"}, {"dzemal", "dzemal"}, {"DŽEMAL", "dzemal"}}) {
    RunResult log = kith({"log", who, "talk", "--again", "hi"});  // one file, logged several times
    EXPECT_EQ(log.code, 0) << who << log.describe();
    EXPECT_NE(tmp.read("net/" + file + ".yaml").find("note: hi"), std::string::npos) << who;
  }
}

TEST_F(UnicodeCli, LatinNamesKeepTheirSlugsAndMatches) {
  ASSERT_EQ(kith({"add", "Charlène Dupont"}).code, 0);
  EXPECT_TRUE(tmp.exists("net/charlene-dupont.yaml"));
  ASSERT_EQ(kith({"add", "Łukasz Żółć"}).code, 0);
  EXPECT_TRUE(tmp.exists("net/lukasz-zolc.yaml"));
  EXPECT_EQ(kith({"show", "charlene"}).code, 0);
  EXPECT_EQ(kith({"show", "LUKASZ"}).code, 0);
  ASSERT_EQ(kith({"add", "李小龍"}).code, 0);
  EXPECT_TRUE(tmp.exists("net/李小龍.yaml"));
}

}  // namespace
}  // namespace kith::test
