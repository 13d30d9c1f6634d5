// SPDX-License-Identifier: MIT
// End-to-end tests of `kith import`: the real binary on temporary copies of
// examples/people, with the awkward inputs of examples/import/.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "cli_util.h"
#include "system/process.h"

namespace kith::test {
namespace {

std::string example(const std::string& name) { return std::string(KITH_SOURCE_DIR) + "/examples/import/" + name; }

// The files of the directory, without the lock file any write command leaves.
std::map<std::string, std::string> files_of(const TempDir& tmp) {
  auto files = tmp.snapshot();
  std::erase_if(files, [](const auto& f) { return f.first.ends_with(".kith.lock"); });
  return files;
}

// Every line of `before` is still in `after`, in order: only lines were
// added, except to the flow lists of `tags:` (items go in at the front).
bool only_added_to(const std::string& before, const std::string& after) {
  std::vector<std::string> a = lines_of(before), b = lines_of(after);
  std::erase_if(a, [](const std::string& l) { return l.starts_with("tags: ["); });
  std::size_t i = 0;
  for (std::size_t j = 0; i < a.size() && j < b.size(); ++j)
    if (a[i] == b[j]) ++i;
  return i == a.size();
}

std::string example_person(const std::string& name) {
  return read_text(fs::path(KITH_SOURCE_DIR) / "examples/people" / name);
}

RunResult kith_in(const TempDir& tmp, const fs::path& dir, std::vector<std::string> args) {
  args.insert(args.begin(), {"--dir", dir.string()});
  return run_kith(tmp, args);
}

// Hand-written, oddly formatted: a comment on every other line, CRLF, a
// block list with an odd indent, a LinkedIn URL spelled differently.
const std::string ingrid_text =
    "# Ingrid: met her on Mastodon first\r\n"
    "name: Ingrid Johansson  # Swedish\r\n"
    "circle: online\r\n"
    "tags:\r\n"
    "   - rust   # odd indent\r\n"
    "links:\r\n"
    "    linkedin: \"HTTPS://SE.LINKEDIN.COM/in/ingrid-johansson\"   # old link\r\n"
    "company: Klarna   # before Spotify?\r\n"
    "log:\r\n"
    "  - date: 2026-02-01\r\n"
    "    kind: talk\r\n"
    "# the end\r\n";

TEST(ImportCli, LinkedinCreatesMergesAndASecondImportChangesNothing) {
  TempDir tmp;
  const fs::path dir = copy_examples(tmp);
  tmp.write("people/online/ingrid-johansson.yaml", ingrid_text);
  const RunResult due_before = kith_in(tmp, dir, {"due"});

  RunResult r = kith_in(tmp, dir, {"import", "linkedin", example("linkedin-2024.csv")});
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_NE(r.out.find("4 created, 2 merged, 0 unchanged, 2 skipped, 2 conflicts\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("linkedin-2024.csv:8: no name"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("ingrid-johansson: company is 'Klarna' here, 'Spotify, Stockholm' in the import (line 6)"),
            std::string::npos)
      << r.out;
  // Ingrid keeps every byte she had; only the missing fields came in.
  const std::string ingrid = tmp.read("people/online/ingrid-johansson.yaml");
  EXPECT_EQ(ingrid, std::string(ingrid_text).insert(ingrid_text.find("log:"),
                                                    "role: \"Engineer, Platform\"\r\nconnected: 2023-03-12\r\n"));
  // Charlène's file has another LinkedIn URL: matched by her unique name,
  // the URL is listed as a conflict and only the connection date comes in.
  const std::string charlene = example_person("charlene-dupont.yaml");
  EXPECT_EQ(tmp.read("people/charlene-dupont.yaml"),
            std::string(charlene).insert(charlene.find("log:"), "connected: 2024-10-09\n"));
  EXPECT_NE(r.out.find("charlene-dupont: links.linkedin is 'https://www.linkedin.com/in/charlene-dupont-example' here"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(tmp.read("people/jean-luc-picard.yaml"),
            "name: Jean-Luc Picard\ncircle: online\ncompany: Starfleet\nrole: Captain \"Make it so\"\n"
            "links: {linkedin: \"https://www.linkedin.com/in/jlpicard\"}\nconnected: 2022-01-01\n");
  EXPECT_TRUE(tmp.exists("people/dr-amelie-poulain.yaml"));
  EXPECT_TRUE(tmp.exists("people/李-小龍.yaml"));

  // `check` passes and nobody new is due.
  EXPECT_EQ(kith_in(tmp, dir, {"check"}).code, 0) << kith_in(tmp, dir, {"check"}).describe();
  const RunResult due_after = kith_in(tmp, dir, {"due"});
  EXPECT_EQ(due_after.out, due_before.out);

  const auto snapshot = files_of(tmp);
  RunResult again = kith_in(tmp, dir, {"import", "linkedin", example("linkedin-2024.csv")});
  ASSERT_EQ(again.code, 0) << again.describe();
  EXPECT_NE(again.out.find("0 created, 0 merged, 6 unchanged"), std::string::npos) << again.out;
  EXPECT_NE(again.out.find("Nothing to change"), std::string::npos) << again.out;
  EXPECT_EQ(files_of(tmp), snapshot);
}

TEST(ImportCli, EveryLinkedinLayoutImportsAndCheckPasses) {
  TempDir tmp;
  const fs::path dir = tmp / "net";
  ASSERT_EQ(run_kith(tmp, {"init", "--no-git", dir.string()}).code, 0);
  for (const char* f : {"linkedin-excel.csv", "linkedin-2018.csv", "linkedin-more-columns.csv",
                        "linkedin-windows-1252.csv"}) {
    RunResult r = kith_in(tmp, dir, {"import", "linkedin", example(f)});
    EXPECT_EQ(r.code, 0) << f << r.describe();
  }
  EXPECT_NE(tmp.read("net/marta-kowalska.yaml").find("connected: 2018-01-08"), std::string::npos);
  EXPECT_NE(tmp.read("net/sophie-laurent.yaml").find("email: sophie.laurent@example.com"), std::string::npos);
  EXPECT_NE(tmp.read("net/helene-berard.yaml").find("company: Société Générale"), std::string::npos);
  EXPECT_EQ(kith_in(tmp, dir, {"check", "--strict"}).code, 0);
  EXPECT_EQ(kith_in(tmp, dir, {"due"}).out, "");
}

TEST(ImportCli, DryRunWritesNothingAndBadInputIsAClearError) {
  TempDir tmp;
  const fs::path dir = copy_examples(tmp);
  tmp.write("bad.csv", "name,email\nA,a@b\n");
  tmp.write("open.csv", "First Name,Last Name\n\"Ada,Lovelace\n");
  const auto snapshot = files_of(tmp);
  RunResult dry = kith_in(tmp, dir, {"import", "linkedin", example("linkedin-2024.csv"), "--dry-run"});
  ASSERT_EQ(dry.code, 0) << dry.describe();
  EXPECT_NE(dry.out.find("Dry run: "), std::string::npos) << dry.out;
  EXPECT_EQ(files_of(tmp), snapshot);

  RunResult bad = kith_in(tmp, dir, {"import", "linkedin", (tmp / "bad.csv").string()});
  EXPECT_EQ(bad.code, 1);
  EXPECT_EQ(bad.err, "kith: " + (tmp / "bad.csv").string() +
                         ": no header line with `First Name` and `Last Name`: is this LinkedIn's Connections.csv?\n");
  RunResult open = kith_in(tmp, dir, {"import", "linkedin", (tmp / "open.csv").string()});
  EXPECT_EQ(open.code, 1);
  EXPECT_NE(open.err.find("open.csv:2: a quoted field never ends"), std::string::npos) << open.err;
  RunResult missing = kith_in(tmp, dir, {"import", "vcard", (tmp / "nope.vcf").string()});
  EXPECT_EQ(missing.code, 1);
  RunResult usage = kith_in(tmp, dir, {"import", "linkedin", example("linkedin-2024.csv"), "--circle", "nope"});
  EXPECT_EQ(usage.code, 2);
  RunResult source = kith_in(tmp, dir, {"import", "outlook", "x"});
  EXPECT_EQ(source.code, 2);
  EXPECT_EQ(files_of(tmp), snapshot);
}

TEST(ImportCli, AnUnreadablePersonFileStopsTheImportBeforeAnyWrite) {
  TempDir tmp;
  const fs::path dir = copy_examples(tmp);
  tmp.write("people/broken.yaml", "name: [unclosed\n");
  const auto snapshot = files_of(tmp);
  RunResult r = kith_in(tmp, dir, {"import", "linkedin", example("linkedin-2024.csv")});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("broken.yaml"), std::string::npos) << r.err;
  EXPECT_EQ(files_of(tmp), snapshot);
}

// Many new files are synced with one syncfs(2): when it fails, nothing is
// imported and no temporary file is left.
TEST(ImportCli, WhenSyncingTheNewFilesFailsNothingIsImported) {
  if (std::system("strace -V >/dev/null 2>&1") != 0) GTEST_SKIP() << "strace is not installed";
  TempDir tmp;
  const fs::path dir = copy_examples(tmp);
  std::string csv = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
  for (int i = 0; i < 12; ++i) csv += fmt::format("Person{},Number {},,,Acme,Engineer,01 Jan 2024\n", i, i);
  tmp.write("Connections.csv", csv);
  const auto snapshot = files_of(tmp);
  RunOptions o;
  o.wrapper = {"strace", "-f", "-o", "/dev/null", "-e", "trace=syncfs", "-e", "inject=syncfs:error=EIO"};
  RunResult r = run_kith(tmp, {"--dir", dir.string(), "import", "linkedin", (tmp / "Connections.csv").string()}, o);
  EXPECT_EQ(r.code, 1) << r.describe();
  EXPECT_EQ(r.err, "kith: " + dir.string() + ": cannot sync the files written: Input/output error\n");
  EXPECT_EQ(files_of(tmp), snapshot);
  // Without the fault, the same import goes through.
  r = kith_in(tmp, dir, {"import", "linkedin", (tmp / "Connections.csv").string()});
  EXPECT_EQ(r.code, 0) << r.describe();
  EXPECT_TRUE(fs::exists(dir / "person11-number-11.yaml"));
}

// An export larger than a person file may be (LinkedIn's 30,000 rows are
// 3 MB) is read: the 1 MiB limit is for person files only.
TEST(ImportCli, AnExportLargerThanOneMebibyteImports) {
  TempDir tmp;
  const fs::path dir = tmp / "net";
  ASSERT_EQ(run_kith(tmp, {"init", "--no-git", dir.string()}).code, 0);
  std::string csv = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
  const std::string long_role(600, 'x');
  for (int i = 0; i < 2000; ++i) csv += fmt::format("Person{},Number {},,,Acme,{},01 Jan 2024\n", i, i, long_role);
  ASSERT_GT(csv.size(), 1u << 20);
  tmp.write("Connections.csv", csv);
  RunResult r = kith_in(tmp, dir, {"import", "linkedin", (tmp / "Connections.csv").string()});
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(r.out.rfind("2000 created, ", 0), 0u) << r.out;
  EXPECT_TRUE(fs::exists(dir / "person1999-number-1999.yaml"));
}

TEST(ImportCli, VcardFilesAndAVdirTwice) {
  TempDir tmp;
  const fs::path dir = copy_examples(tmp);
  for (const char* f : {"phone-2.1.vcf", "apple-3.0.vcf", "nextcloud-4.0.vcf", "webmail.vcf", "vdir"}) {
    RunResult r = kith_in(tmp, dir, {"import", "vcard", example(f)});
    EXPECT_EQ(r.code, 0) << f << r.describe();
  }
  // Léa and Mehdi are in the examples: merged by unique name, their files kept.
  const std::string lea = tmp.read("people/lea-nguyen.yaml");
  EXPECT_TRUE(only_added_to(example_person("lea-nguyen.yaml"), lea)) << lea;
  EXPECT_NE(lea.find("vcard_uid: 1F0A2E7C-5B1D-4F6B-9C6E-1A2B3C4D5E6F"), std::string::npos) << lea;
  EXPECT_TRUE(only_added_to(example_person("camille-lefevre.yaml"), tmp.read("people/camille-lefevre.yaml")));
  EXPECT_TRUE(only_added_to(example_person("mehdi-benali.yaml"), tmp.read("people/mehdi-benali.yaml")));
  EXPECT_TRUE(tmp.exists("people/nora-petit.yaml"));
  EXPECT_NE(tmp.read("people/anna-smith.yaml").find("birthday: --05-12"), std::string::npos);
  EXPECT_EQ(kith_in(tmp, dir, {"check", "--strict"}).code, 0) << kith_in(tmp, dir, {"check", "--strict"}).describe();

  const auto snapshot = files_of(tmp);
  for (const char* f : {"phone-2.1.vcf", "apple-3.0.vcf", "nextcloud-4.0.vcf", "webmail.vcf", "vdir"}) {
    RunResult r = kith_in(tmp, dir, {"import", "vcard", example(f)});
    EXPECT_EQ(r.code, 0) << f << r.describe();
    EXPECT_NE(r.out.find("Nothing to change"), std::string::npos) << f << r.out;
  }
  EXPECT_EQ(files_of(tmp), snapshot);
}

TEST(ImportCli, OneImportIsOneCommit) {
  if (run_captured({"git", "--version"}).status != 0) GTEST_SKIP() << "git is not installed";
  TempDir tmp;
  const fs::path dir = tmp / "net";
  ASSERT_EQ(run_kith(tmp, {"init", dir.string()}).code, 0);
  RunResult r = kith_in(tmp, dir, {"import", "linkedin", example("linkedin-2024.csv")});
  ASSERT_EQ(r.code, 0) << r.describe();
  ProcessResult log = run_captured({"git", "-C", dir.string(), "log", "--format=%s", "--name-only"});
  EXPECT_EQ(log.out.find("kith: import linkedin linkedin-2024.csv (6 created, 0 merged)\n\n"), 0u) << log.out;
  ProcessResult status = run_captured({"git", "-C", dir.string(), "status", "--porcelain"});
  EXPECT_EQ(status.out, "");
}

}  // namespace
}  // namespace kith::test
