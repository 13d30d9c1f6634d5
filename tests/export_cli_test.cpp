// SPDX-License-Identifier: MIT
// End-to-end tests of `kith export`: vCard (and a vdir khard reads), ICS and
// JSON, each read back by kith's own import.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cli_util.h"
#include "system/process.h"

namespace kith::test {
namespace {

RunResult kith_in(const TempDir& tmp, const fs::path& dir, std::vector<std::string> args) {
  args.insert(args.begin(), {"--dir", dir.string()});
  return run_kith(tmp, args);
}

fs::path empty_dir(const TempDir& tmp, const std::string& name) {
  fs::create_directories(tmp / name);
  return tmp / name;
}

TEST(ExportCli, VcardRoundTripsThroughImportInBothVersions) {
  TempDir tmp;
  const fs::path dir = copy_examples(tmp);
  for (const char* version : {"4.0", "3.0"}) {
    RunResult first = kith_in(tmp, dir, {"export", "vcard", "--version", version});
    ASSERT_EQ(first.code, 0) << first.describe();
    tmp.write(std::string("cards-") + version + ".vcf", first.out);
    const fs::path copy = empty_dir(tmp, std::string("copy-") + version);
    tmp.write(std::string("copy-") + version + "/kith.yaml", read_text(dir / "kith.yaml"));
    RunResult in = kith_in(tmp, copy, {"import", "vcard", (tmp / (std::string("cards-") + version + ".vcf")).string()});
    ASSERT_EQ(in.code, 0) << in.describe();
    EXPECT_NE(in.out.find("14 created, 0 merged"), std::string::npos) << in.out;
    RunResult second = kith_in(tmp, copy, {"export", "vcard", "--version", version});
    EXPECT_EQ(second.out, first.out);
    EXPECT_EQ(kith_in(tmp, copy, {"check"}).code, 0);
  }
}

TEST(ExportCli, VcardLinesAreFoldedCrlfAndWhoChoosesPeople) {
  TempDir tmp;
  const fs::path dir = copy_examples(tmp);
  RunResult r = kith_in(tmp, dir, {"export", "vcard", "charlene"});
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_TRUE(r.out.starts_with("BEGIN:VCARD\r\nVERSION:4.0\r\n")) << r.out;
  EXPECT_NE(r.out.find("FN:Charlène Dupont\r\n"), std::string::npos);
  EXPECT_NE(r.out.find("BDAY:19900512\r\n"), std::string::npos);
  for (const std::string& line : lines_of(r.out)) {
    EXPECT_LE(line.size(), 76u) << line;  // 75 octets + the CR lines_of keeps
  }
  EXPECT_EQ(kith_in(tmp, dir, {"export", "ics", "charlene"}).code, 2);
  EXPECT_EQ(kith_in(tmp, dir, {"export", "vcard", "nobody-at-all"}).code, 1);
}

TEST(ExportCli, KhardListsEveryContactOfAVdir) {
  if (!installed("khard")) GTEST_SKIP() << "khard is not installed";
  TempDir tmp;
  const fs::path dir = copy_examples(tmp);
  RunResult r = kith_in(tmp, dir, {"export", "vcard", "--vdir", (tmp / "vdir").string()});
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(r.err, "14 card(s) in " + (tmp / "vdir").string() + ", 14 written\n");
  tmp.write("xdg/khard/khard.conf", "[addressbooks]\n[[kith]]\npath = " + (tmp / "vdir").string() +
                                        "\n\n[general]\ndebug = no\ndefault_action = list\n"
                                        "editor = true\nmerge_editor = true\n");
  ProcessResult list = run_captured({"env", "XDG_CONFIG_HOME=" + (tmp / "xdg").string(), "HOME=" + tmp.path().string(),
                                     "khard", "list", "--parsable"});
  ASSERT_EQ(list.status, 0) << list.err;
  EXPECT_EQ(lines_of(list.out).size(), 14u) << list.out << list.err;
  for (const char* name : {"Charlène Dupont", "Pierre-Yves Le Goff", "Sophie Laurent", "Lukas Becker"})
    EXPECT_NE(list.out.find(name), std::string::npos) << name << "\n" << list.out;
  EXPECT_EQ(list.err.find("rror"), std::string::npos) << list.err;
  // Nothing changed: nothing written the second time.
  RunResult again = kith_in(tmp, dir, {"export", "vcard", "--vdir", (tmp / "vdir").string()});
  EXPECT_EQ(again.err, "14 card(s) in " + (tmp / "vdir").string() + ", 0 written\n");
}

TEST(ExportCli, IcsHasTheDueFollowUpsAndBirthdays) {
  TempDir tmp;
  const fs::path dir = copy_examples(tmp);
  RunResult r = kith_in(tmp, dir, {"export", "ics", "--within", "2w"});
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_TRUE(r.out.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:")) << r.out;
  EXPECT_NE(r.out.find("SUMMARY:Charlène Dupont's birthday\r\n"), std::string::npos);
  EXPECT_NE(r.out.find("SUMMARY:Get in touch with "), std::string::npos);
  EXPECT_EQ(kith_in(tmp, dir, {"export", "ics", "--within", "2w"}).out, r.out);  // stable
  EXPECT_EQ(kith_in(tmp, dir, {"export", "ics", "--within", "never"}).code, 2);
}

// Someone added and never contacted (rule 5, `new`) had an event with an
// empty reason: "DESCRIPTION: (new)".
TEST(ExportCli, IcsSaysWhyANewPersonIsDue) {
  TempDir tmp;
  const fs::path dir = empty_dir(tmp, "net");
  tmp.write("net/bjorn.yaml", "name: Björn Åström\ncircle: team\nadded: 2026-11-01\n");
  RunResult r = kith_in(tmp, dir, {"export", "ics", "--within", "2w"});
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_NE(r.out.find("DESCRIPTION:added 2026-11-01\\, never contacted (new). kith log bjorn talk"),
            std::string::npos)
      << r.out;
}

TEST(ExportCli, JsonIntoAnEmptyDirectoryIsLossless) {
  TempDir tmp;
  const fs::path dir = copy_examples(tmp);
  RunResult first = kith_in(tmp, dir, {"export", "json"});
  ASSERT_EQ(first.code, 0) << first.describe();
  EXPECT_NE(first.out.find("\"kind\": \"coffee\""), std::string::npos);
  tmp.write("net.json", first.out);
  const fs::path copy = empty_dir(tmp, "copy");
  RunResult in = kith_in(tmp, copy, {"import", "json", (tmp / "net.json").string()});
  ASSERT_EQ(in.code, 0) << in.describe();
  EXPECT_EQ(in.out, "15 file(s) created, 0 unchanged, 0 skipped\n");
  EXPECT_TRUE(tmp.exists("copy/online/lukas-becker.yaml"));
  RunResult second = kith_in(tmp, copy, {"export", "json"});
  EXPECT_EQ(second.out, first.out);
  EXPECT_EQ(kith_in(tmp, copy, {"check"}).code, 0);
  EXPECT_EQ(kith_in(tmp, copy, {"due"}).out, kith_in(tmp, dir, {"due"}).out);
  RunResult again = kith_in(tmp, copy, {"import", "json", (tmp / "net.json").string()});
  EXPECT_EQ(again.out, "0 file(s) created, 15 unchanged, 0 skipped\n"
                       "Nothing to change: kith already has everything this import brings.\n");
}

}  // namespace
}  // namespace kith::test
