// SPDX-License-Identifier: MIT
// End-to-end tests of the foundation (issue 2): init, add, log, show, list,
// check, where the directory is, WHO and DATE arguments, exit codes, writes
// into hand-written files, and broken files. The real binary on temporary
// directories, today pinned to Saturday 2026-11-21.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "cli_util.h"
#include "model/settings.h"

namespace kith::test {
namespace {

// JSON is YAML too, so yaml-cpp reads `--json` output.
YAML::Node parse_json(const std::string& text) { return YAML::Load(text); }

// The files below `tmp` a user cares about: dot-files (the store's lock) are
// the store's business.
std::map<std::string, std::string> user_files(const TempDir& tmp) {
  std::map<std::string, std::string> files = tmp.snapshot();
  std::erase_if(files,
                [](const auto& kv) { return kv.first.rfind(".", 0) == 0 || kv.first.find("/.") != std::string::npos; });
  return files;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Dates of the log entries of a person file, in file order.
std::vector<std::string> log_dates(const std::string& yaml) {
  std::vector<std::string> out;
  for (const YAML::Node& e : YAML::Load(yaml)["log"]) out.push_back(e["date"].as<std::string>());
  return out;
}

class FoundationCli : public ::testing::Test {
 protected:
  TempDir tmp;
  std::string net = (tmp / "net").string();

  // `kith --dir <tmp>/net args...`
  RunResult kith(std::vector<std::string> args, const RunOptions& options = {}) {
    args.insert(args.begin(), {"--dir", net});
    return run_kith(tmp, args, options);
  }
  void init() {
    RunResult r = run_kith(tmp, {"init", net, "--no-git"});
    ASSERT_EQ(r.code, 0) << r.describe();
  }
  void add_charlene() {
    RunResult r =
        kith({"add", "Charlène Dupont", "--circle", "community", "--tags", "devops,k8s", "--met", "MiXiT Lyon"});
    ASSERT_EQ(r.code, 0) << r.describe();
  }
  // A usage or data error: the code, `kith: ` on stderr, nothing on stdout,
  // and not one user file changed.
  RunResult refused(int code, std::vector<std::string> args, const RunOptions& options = {}) {
    auto before = user_files(tmp);
    RunResult r = kith(std::move(args), options);
    EXPECT_EQ(r.code, code) << r.describe();
    EXPECT_EQ(r.out, "") << r.describe();
    EXPECT_EQ(r.err.rfind("kith: ", 0), 0u) << r.describe();
    EXPECT_EQ(user_files(tmp), before) << r.describe();
    return r;
  }
};

// --- The user story of issue 2 ---

TEST_F(FoundationCli, InitCreatesTheDirectoryWithTheCommentedKithYaml) {
  RunResult r = run_kith(tmp, {"init", net + "/deep/er", "--no-git"});
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(r.out, "kith directory ready at " + net + "/deep/er\n");
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(tmp.read("net/deep/er/kith.yaml"), default_settings_text());
  EXPECT_FALSE(tmp.exists("net/deep/er/.git"));
}

TEST_F(FoundationCli, InitLeavesAnExistingKithYamlAlone) {
  tmp.write("net/kith.yaml", "followup: 3d   # mine\n");
  RunResult r = run_kith(tmp, {"init", net, "--no-git"});
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(r.out, "kith directory ready at " + net + " (kith.yaml was already there, left as is)\n");
  EXPECT_EQ(tmp.read("net/kith.yaml"), "followup: 3d   # mine\n");
}

TEST_F(FoundationCli, InitWithoutDirUsesTheDataDirectory) {
  RunResult r = run_kith(tmp, {"init", "--no-git"});
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_TRUE(tmp.exists("home/.local/share/kith/kith.yaml"));
}

TEST_F(FoundationCli, InitMakesAGitRepositoryUnlessToldNot) {
  if (std::system("git --version >/dev/null 2>&1") != 0) GTEST_SKIP() << "git is not installed";
  RunResult r = run_kith(tmp, {"init", net});
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_TRUE(fs::is_directory(tmp / "net/.git")) << r.describe();
  EXPECT_EQ(tmp.read("net/kith.yaml"), default_settings_text());
}

TEST_F(FoundationCli, AddPrintsThePathAndWritesNameCircleTagsAndTheMeeting) {
  init();
  RunResult r =
      kith({"add", "Charlène Dupont", "--circle", "community", "--tags", "devops,k8s", "--met", "MiXiT Lyon"});
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(r.out, net + "/charlene-dupont.yaml\n");
  EXPECT_EQ(r.err, "");
  YAML::Node p = YAML::Load(tmp.read("net/charlene-dupont.yaml"));
  EXPECT_EQ(p["name"].as<std::string>(), "Charlène Dupont");
  EXPECT_EQ(p["circle"].as<std::string>(), "community");
  EXPECT_EQ(p["tags"].as<std::vector<std::string>>(), (std::vector<std::string>{"devops", "k8s"}));
  ASSERT_EQ(p["log"].size(), 1u);
  EXPECT_EQ(p["log"][0]["date"].as<std::string>(), "2026-11-21");
  EXPECT_EQ(p["log"][0]["kind"].as<std::string>(), "met");
  EXPECT_EQ(p["log"][0]["note"].as<std::string>(), "MiXiT Lyon");
}

TEST_F(FoundationCli, AddWritesEveryOptionAndAMeetingOnAnEarlierDay) {
  init();
  RunResult r = kith({"add",       "Julie Martin", "--circle",    "team",    "--every",  "2w",      "--tags",
                      "go, rust",  "--offers",     "code review", "--needs", "a mentor", "--email", "julie@example.org",
                      "--company", "Acme",         "--role",      "SRE",     "--met",    "Devoxx",  "-d",
                      "3d ago"});
  ASSERT_EQ(r.code, 0) << r.describe();
  YAML::Node p = YAML::Load(tmp.read("net/julie-martin.yaml"));
  EXPECT_EQ(p["circle"].as<std::string>(), "team");
  EXPECT_EQ(p["every"].as<std::string>(), "2w");
  EXPECT_EQ(p["tags"].as<std::vector<std::string>>(), (std::vector<std::string>{"go", "rust"}));
  EXPECT_EQ(p["offers"].as<std::vector<std::string>>(), std::vector<std::string>{"code review"});
  EXPECT_EQ(p["needs"].as<std::vector<std::string>>(), std::vector<std::string>{"a mentor"});
  EXPECT_EQ(p["email"].as<std::string>(), "julie@example.org");
  EXPECT_EQ(p["company"].as<std::string>(), "Acme");
  EXPECT_EQ(p["role"].as<std::string>(), "SRE");
  EXPECT_EQ(p["log"][0]["date"].as<std::string>(), "2026-11-18");
}

TEST_F(FoundationCli, TheWholeStoryAddLogShowListCheck) {
  init();
  add_charlene();
  std::string before = tmp.read("net/charlene-dupont.yaml");

  RunResult log = kith({"log", "charl", "give", "sent the Argo CD article"});
  ASSERT_EQ(log.code, 0) << log.describe();
  EXPECT_EQ(log.out, "charlene-dupont: give on 2026-11-21\n");
  EXPECT_EQ(log.err, "");
  EXPECT_EQ(tmp.read("net/charlene-dupont.yaml"),
            before + "  - date: 2026-11-21\n    kind: give\n    note: sent the Argo CD article\n");

  RunResult show = kith({"show", "charlene"});
  ASSERT_EQ(show.code, 0) << show.describe();
  EXPECT_EQ(show.err, "");
  EXPECT_EQ(show.out.rfind("Charlène Dupont  charlene-dupont\n", 0), 0u) << show.out;
  EXPECT_TRUE(contains(show.out, "  circle   community, every 30d (the circle's)\n")) << show.out;
  EXPECT_TRUE(contains(show.out, "  tags     devops, k8s\n")) << show.out;
  EXPECT_TRUE(contains(show.out, "  last     2026-11-21 give\n")) << show.out;
  EXPECT_TRUE(contains(show.out, "  due      2026-12-21 (cadence, in 30 days)\n")) << show.out;
  EXPECT_TRUE(contains(show.out, "  balance  +1\n")) << show.out;
  // The log, newest first: the give was written after the meeting.
  EXPECT_TRUE(contains(show.out,
                       "  2026-11-21  give  sent the Argo CD article\n"
                       "  2026-11-21  met   MiXiT Lyon\n"))
      << show.out;

  RunResult json = kith({"show", "CHARLÈNE", "--json"});
  ASSERT_EQ(json.code, 0) << json.describe();
  YAML::Node j = parse_json(json.out);
  EXPECT_EQ(j["slug"].as<std::string>(), "charlene-dupont");
  EXPECT_EQ(j["name"].as<std::string>(), "Charlène Dupont");
  EXPECT_EQ(j["circle"].as<std::string>(), "community");
  EXPECT_EQ(j["tags"].as<std::vector<std::string>>(), (std::vector<std::string>{"devops", "k8s"}));
  EXPECT_EQ(j["balance"].as<int>(), 1);
  EXPECT_EQ(j["last_contact"].as<std::string>(), "2026-11-21");
  EXPECT_EQ(j["due"]["date"].as<std::string>(), "2026-12-21");
  EXPECT_EQ(j["due"]["reason"].as<std::string>(), "cadence");
  ASSERT_EQ(j["log"].size(), 2u);
  EXPECT_EQ(j["log"][0]["kind"].as<std::string>(), "give");
  EXPECT_EQ(j["log"][0]["note"].as<std::string>(), "sent the Argo CD article");
  EXPECT_EQ(j["log"][1]["kind"].as<std::string>(), "met");
  EXPECT_TRUE(j["every"].IsNull());

  RunResult list = kith({"list"});
  ASSERT_EQ(list.code, 0) << list.describe();
  EXPECT_EQ(list.out,
            "NAME             CIRCLE     LAST CONTACT     DUE         BALANCE\n"
            "Charlène Dupont  community  2026-11-21 give  2026-12-21       +1\n");

  RunResult list_json = kith({"list", "--json"});
  ASSERT_EQ(list_json.code, 0) << list_json.describe();
  YAML::Node l = parse_json(list_json.out);
  ASSERT_TRUE(l.IsSequence());
  ASSERT_EQ(l.size(), 1u);
  EXPECT_EQ(l[0]["slug"].as<std::string>(), "charlene-dupont");
  EXPECT_EQ(l[0]["name"].as<std::string>(), "Charlène Dupont");
  EXPECT_EQ(l[0]["circle"].as<std::string>(), "community");
  EXPECT_EQ(l[0]["last_contact"].as<std::string>(), "2026-11-21");
  EXPECT_EQ(l[0]["due"]["date"].as<std::string>(), "2026-12-21");
  EXPECT_EQ(l[0]["balance"].as<int>(), 1);

  RunResult check = kith({"check"});
  EXPECT_EQ(check.code, 0) << check.describe();
  EXPECT_EQ(check.out, "1 file checked, no problems\n");
  EXPECT_EQ(check.err, "");
  RunResult strict = kith({"check", "--strict"});
  EXPECT_EQ(strict.code, 0) << strict.describe();
  EXPECT_EQ(strict.out, "1 file checked, no problems\n");
}

TEST_F(FoundationCli, AFreshMeetingIsDueForItsFollowUp) {
  init();
  add_charlene();
  RunResult json = kith({"show", "charlene-dupont", "--json"});
  YAML::Node j = parse_json(json.out);
  EXPECT_EQ(j["due"]["date"].as<std::string>(), "2026-11-23");
  EXPECT_EQ(j["due"]["reason"].as<std::string>(), "followup");
}

TEST_F(FoundationCli, ShowListsEntriesOfOneDayLaterInTheFileFirstEvenOnOneLine) {
  init();
  tmp.write("net/ana.yaml",
            "name: Ana\nlog: [{date: 2026-01-01, kind: met}, {date: 2026-01-01, kind: give}, "
            "{date: 2025-12-01, kind: note}, {date: 2026-01-01, kind: talk}]\n");
  RunResult r = kith({"show", "ana", "--json"});
  ASSERT_EQ(r.code, 0) << r.describe();
  std::vector<std::string> kinds;
  for (const YAML::Node& e : parse_json(r.out)["log"]) kinds.push_back(e["kind"].as<std::string>());
  EXPECT_EQ(kinds, (std::vector<std::string>{"talk", "give", "met", "note"}));
  RunResult text = kith({"show", "ana"});
  EXPECT_TRUE(contains(text.out, "  2026-01-01  talk\n  2026-01-01  give\n  2026-01-01  met\n  2025-12-01  note\n"))
      << text.out;
}

TEST_F(FoundationCli, CheckStrictListsKeysKithDoesNotKnow) {
  init();
  tmp.write("net/ana.yaml",
            "name: Ana\nfavourite_tea: sencha\nlog:\n  - date: 2026-01-01\n    kind: talk\n    mood: good\n");
  RunResult check = kith({"check"});
  EXPECT_EQ(check.code, 0) << check.describe();
  RunResult strict = kith({"check", "--strict"});
  EXPECT_EQ(strict.code, 1) << strict.describe();
  EXPECT_EQ(strict.err, "kith: " + net +
                            "/ana.yaml:2:1: unknown key 'favourite_tea'\n"
                            "kith: " +
                            net + "/ana.yaml:6:5: unknown key 'mood' in a log entry\n");
  EXPECT_EQ(strict.out, "2 problems in 1 file\n");
}

TEST_F(FoundationCli, LogJoinsTheNoteWordsAndAcceptsKindsOfKithYaml) {
  init();
  add_charlene();
  RunResult r = kith({"log", "charlene-dupont", "coffee", "at", "the", "station"});
  ASSERT_EQ(r.code, 0) << r.describe();
  YAML::Node p = YAML::Load(tmp.read("net/charlene-dupont.yaml"));
  EXPECT_EQ(p["log"][1]["kind"].as<std::string>(), "coffee");
  EXPECT_EQ(p["log"][1]["note"].as<std::string>(), "at the station");
  RunResult bare = kith({"log", "charlene-dupont", "talk"});
  ASSERT_EQ(bare.code, 0) << bare.describe();
  EXPECT_FALSE(YAML::Load(tmp.read("net/charlene-dupont.yaml"))["log"][2]["note"]);
}

// --- Where the directory is ---

TEST_F(FoundationCli, DirWorksBeforeAndAfterTheSubcommand) {
  init();
  add_charlene();
  RunResult before = run_kith(tmp, {"--dir", net, "list"});
  RunResult after = run_kith(tmp, {"list", "--dir", net});
  RunResult equals = run_kith(tmp, {"list", "--dir=" + net});
  ASSERT_EQ(before.code, 0) << before.describe();
  EXPECT_EQ(after.code, 0) << after.describe();
  EXPECT_EQ(after.out, before.out);
  EXPECT_EQ(equals.out, before.out);
  RunResult log = run_kith(tmp, {"log", "charl", "give", "--dir", net, "an article"});
  ASSERT_EQ(log.code, 0) << log.describe();
  EXPECT_EQ(YAML::Load(tmp.read("net/charlene-dupont.yaml"))["log"][1]["note"].as<std::string>(), "an article");
}

TEST_F(FoundationCli, RelativeDirIsRelativeToTheWorkingDirectory) {
  init();
  add_charlene();
  RunResult r = run_kith(tmp, {"--dir", "net", "show", "charl", "--json"});
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(parse_json(r.out)["path"].as<std::string>(), "net/charlene-dupont.yaml");
}

TEST_F(FoundationCli, KithDirIsUsedWithoutDirAndDirBeatsIt) {
  init();
  add_charlene();
  tmp.write("other/ana.yaml", "name: Ana\n");
  RunOptions env;
  env.env["KITH_DIR"] = net;
  RunResult r = run_kith(tmp, {"list", "--json"}, env);
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(parse_json(r.out)[0]["slug"].as<std::string>(), "charlene-dupont");
  RunResult flag = run_kith(tmp, {"--dir", (tmp / "other").string(), "list", "--json"}, env);
  ASSERT_EQ(flag.code, 0) << flag.describe();
  EXPECT_EQ(parse_json(flag.out)[0]["slug"].as<std::string>(), "ana");
}

TEST_F(FoundationCli, ConfigDirIsUsedWithTildeAndKithDirBeatsIt) {
  tmp.write("home/.config/kith/config.yaml", "# my settings\ndir: ~/network\n");
  RunResult add = run_kith(tmp, {"add", "Ana"});
  ASSERT_EQ(add.code, 0) << add.describe();
  EXPECT_EQ(add.out, (tmp / "home/network/ana.yaml").string() + "\n");
  EXPECT_TRUE(tmp.exists("home/network/ana.yaml"));
  tmp.write("other/bob.yaml", "name: Bob\n");
  RunOptions env;
  env.env["KITH_DIR"] = (tmp / "other").string();
  RunResult r = run_kith(tmp, {"list", "--json"}, env);
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(parse_json(r.out)[0]["slug"].as<std::string>(), "bob");
}

TEST_F(FoundationCli, WithNothingSetTheDataDirectoryIsUnderXdgDataHome) {
  RunResult add = run_kith(tmp, {"add", "Ana"});
  ASSERT_EQ(add.code, 0) << add.describe();
  EXPECT_TRUE(tmp.exists("home/.local/share/kith/ana.yaml")) << add.describe();
  RunOptions no_xdg;
  no_xdg.env["XDG_DATA_HOME"] = "";
  RunResult list = run_kith(tmp, {"list", "--json"}, no_xdg);  // ~/.local/share/kith, the same here
  ASSERT_EQ(list.code, 0) << list.describe();
  EXPECT_EQ(parse_json(list.out)[0]["slug"].as<std::string>(), "ana");
}

TEST_F(FoundationCli, ABadConfigFileIsAnErrorWithItsPosition) {
  tmp.write("home/.config/kith/config.yaml", "dir: ~/net\ncolor: loud\n");
  RunResult r = run_kith(tmp, {"list"});
  EXPECT_EQ(r.code, 1) << r.describe();
  EXPECT_EQ(r.err, "kith: " + (tmp / "home/.config/kith/config.yaml").string() +
                       ":2:8: color 'loud' must be auto, always or never\n");
}

TEST_F(FoundationCli, EveryCommandButAddFailsOnAMissingDirectoryNamingItAndInit) {
  std::string missing = (tmp / "nope").string();
  for (std::vector<std::string> args : std::vector<std::vector<std::string>>{
           {"list"}, {"show", "ana"}, {"log", "ana", "talk"}, {"check"}, {"check", "--strict"}}) {
    args.insert(args.begin(), {"--dir", missing});
    RunResult r = run_kith(tmp, args);
    EXPECT_EQ(r.code, 1) << r.describe();
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "kith: no kith directory at " + missing + " (create it with `kith init " + missing + "`)\n")
        << r.describe();
    EXPECT_FALSE(tmp.exists("nope"));
  }
}

TEST_F(FoundationCli, AddCreatesAMissingDirectory) {
  RunResult r = run_kith(tmp, {"--dir", net + "/a/b", "add", "Ana"});
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(tmp.read("net/a/b/ana.yaml").rfind("name: Ana\n", 0), 0u);
  EXPECT_FALSE(tmp.exists("net/a/b/kith.yaml"));
}

// --- add: slugs and refusals ---

TEST_F(FoundationCli, AddRefusesAnExistingSlugAndLeavesTheFileAlone) {
  init();
  add_charlene();
  RunResult r = refused(1, {"add", "Charlene  DUPONT", "--met", "again"});
  EXPECT_TRUE(contains(r.err, net + "/charlene-dupont.yaml")) << r.err;
  EXPECT_TRUE(contains(r.err, "already exists")) << r.err;
}

TEST_F(FoundationCli, AddRefusesASlugTakenInASubfolder) {
  init();
  tmp.write("net/former/ana.yaml", "name: Ana\n");
  RunResult r = refused(1, {"add", "Ana"});
  EXPECT_TRUE(contains(r.err, net + "/former/ana.yaml")) << r.err;
}

TEST_F(FoundationCli, SlugsOfAccentedAndNonLatinNames) {
  init();
  std::map<std::string, std::string> cases{
      {"Zoë Ñúñez-O'Brien", "zoe-nunez-o-brien.yaml"},
      {"Łukasz Żółć", "lukasz-zolc.yaml"},
      {"李小龍", "李小龍.yaml"},
      {"Пётр Ильич", "петр-ильич.yaml"},
      {"Ｆｕｌｌ", "full.yaml"},
      {"  Ana   María  ", "ana-maria.yaml"},
      {"!!!", "person.yaml"},
  };
  for (const auto& [name, file] : cases) {
    RunResult r = kith({"add", name});
    ASSERT_EQ(r.code, 0) << name << "\n" << r.describe();
    EXPECT_EQ(r.out, net + "/" + file + "\n") << name;
    EXPECT_TRUE(tmp.exists("net/" + file)) << name;
  }
  // The name itself is kept as typed (trimmed).
  EXPECT_EQ(YAML::Load(tmp.read("net/ana-maria.yaml"))["name"].as<std::string>(), "Ana   María");
  RunResult check = kith({"check"});
  EXPECT_EQ(check.code, 0) << check.describe();
}

TEST_F(FoundationCli, APersonCalledKithDoesNotBecomeTheSettingsFile) {
  init();
  std::string settings = tmp.read("net/kith.yaml");
  RunResult r = kith({"add", "Kith"});
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(r.out, net + "/kith-person.yaml\n");
  EXPECT_EQ(tmp.read("net/kith.yaml"), settings);
  EXPECT_EQ(YAML::Load(tmp.read("net/kith-person.yaml"))["name"].as<std::string>(), "Kith");
  RunResult show = kith({"show", "kith", "--json"});
  ASSERT_EQ(show.code, 0) << show.describe();
  EXPECT_EQ(parse_json(show.out)["slug"].as<std::string>(), "kith-person");
}

TEST_F(FoundationCli, APersonCalledKithInANewDirectoryLeavesNoKithYaml) {
  RunResult r = kith({"add", "KITH", "--met", "somewhere"});
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_FALSE(tmp.exists("net/kith.yaml"));
  EXPECT_TRUE(tmp.exists("net/kith-person.yaml"));
  RunResult check = kith({"check"});
  EXPECT_EQ(check.code, 0) << check.describe();
}

TEST_F(FoundationCli, AddRefusesBadArgumentsBeforeCreatingAnything) {
  refused(2, {"add", "Ana", "--every", "often"});
  refused(2, {"add", "Ana", "-d", "yesterday"});  // -d is the date of --met
  refused(2, {"add", "Ana", "--met", "x", "-d", "someday"});
  refused(2, {"add", "   "});
  refused(1, {"add", "Ana", "--met", "x", "-d", "2026-11-22"});  // the future
  EXPECT_FALSE(tmp.exists("net"));
}

TEST_F(FoundationCli, AddRefusesAnUnknownCircleListingTheKnownOnes) {
  init();
  RunResult r = refused(2, {"add", "Ana", "--circle", "famly"});
  EXPECT_EQ(r.err, "kith: unknown circle 'famly' (known: community, online, team)\n");
}

// --- DATE arguments ---

TEST_F(FoundationCli, LogDateFormsAreRelativeToToday) {
  init();
  RunResult add = kith({"add", "Ana"});
  ASSERT_EQ(add.code, 0) << add.describe();
  // 2026-11-21 is a Saturday.
  for (const char* when : {"2026-03-14", "today", "yesterday", "3d ago", "2w ago", "monday", "SAT", "1m ago"}) {
    RunResult r = kith({"log", "ana", "talk", when, "-d", when});
    ASSERT_EQ(r.code, 0) << when << "\n" << r.describe();
  }
  EXPECT_EQ(log_dates(tmp.read("net/ana.yaml")),
            (std::vector<std::string>{"2026-03-14", "2026-11-21", "2026-11-20", "2026-11-18", "2026-11-07",
                                      "2026-11-16", "2026-11-14", "2026-10-21"}));
}

TEST_F(FoundationCli, DateAgoTypedWithoutQuotesIsUnderstood) {
  init();
  RunResult add = kith({"add", "Ana"});
  ASSERT_EQ(add.code, 0) << add.describe();
  // The shell splits `-d 2w ago`: `2w` is the date and `ago` a note word.
  RunResult r = kith({"log", "ana", "talk", "-d", "2w", "ago", "lunch", "at", "noon"});
  ASSERT_EQ(r.code, 0) << r.describe();
  std::string text = tmp.read("net/ana.yaml");
  EXPECT_EQ(log_dates(text), (std::vector<std::string>{"2026-11-07"}));
  EXPECT_TRUE(contains(text, "note: lunch at noon\n")) << text;
  // `ago` stays in a note when the date did not ask for it.
  RunResult kept = kith({"log", "ana", "talk", "-d", "yesterday", "ago", "is", "a", "word"});
  ASSERT_EQ(kept.code, 0) << kept.describe();
  EXPECT_TRUE(contains(tmp.read("net/ana.yaml"), "note: ago is a word\n"));
}

TEST_F(FoundationCli, AFutureDateIsRefusedAndTheFileIsUnchanged) {
  init();
  add_charlene();
  RunResult r = refused(1, {"log", "charl", "talk", "-d", "2026-11-22"});
  EXPECT_TRUE(contains(r.err, "2026-11-22 is in the future")) << r.err;
}

TEST_F(FoundationCli, UnknownKindListsTheKnownOnesAndTheFileIsUnchanged) {
  init();
  add_charlene();
  RunResult r = refused(2, {"log", "charl", "giv", "sent the article"});
  EXPECT_EQ(r.err, "kith: unknown kind 'giv'; did you mean 'give'? (known: met, talk, give, ask, got, intro, note, mentoring, coffee)\n");
}

TEST_F(FoundationCli, UsageErrorsExitTwoAndChangeNothing) {
  init();
  add_charlene();
  refused(2, {"log"});
  refused(2, {"log", "charl"});
  refused(2, {"add"});
  refused(2, {"show"});
  refused(2, {"list", "--bogus"});
  refused(2, {"--bogus", "list"});
  refused(2, {"--color", "purple", "list"});
  refused(2, {"frobnicate"});
  RunResult bad_date = refused(2, {"log", "charl", "talk", "-d", "someday"});
  EXPECT_TRUE(contains(bad_date.err, "'someday' is not a DATE")) << bad_date.err;
  refused(2, {"log", "charl", "talk", "-d", "2026-02-30"});
  refused(2, {"log", "charl", "talk", "-d"});
  refused(2, {"log", "nobody-at-all", "talk", "-d", "someday"});  // the arguments are wrong whoever WHO is
  refused(2, {"log", "charl", "talk", "--next", "later"});
  refused(2, {"log", "charl", "intro", "x"});  // `kith intro` writes both files
  RunResult help = kith({"--help"});
  EXPECT_EQ(help.code, 0) << help.describe();
  EXPECT_TRUE(contains(help.out, "log")) << help.out;
}

// --- WHO arguments ---

TEST_F(FoundationCli, AmbiguousWhoListsTheCandidatesAndChangesNothing) {
  init();
  add_charlene();
  ASSERT_EQ(kith({"add", "Charles Xavier"}).code, 0);
  RunResult show = refused(1, {"show", "charl"});
  EXPECT_EQ(show.err,
            "kith: 'charl' matches 2 people; say which:\n"
            "  charlene-dupont (Charlène Dupont)\n"
            "  charles-xavier (Charles Xavier)\n");
  refused(1, {"log", "charl", "give"});
  refused(1, {"log", "charlè", "give"});  // still both: è folds to e
  RunResult unique = kith({"log", "charlen", "give"});
  EXPECT_EQ(unique.code, 0) << unique.describe();
}

TEST_F(FoundationCli, UnknownWhoSuggestsTheClosestAndChangesNothing) {
  init();
  add_charlene();
  RunResult r = refused(1, {"log", "charleen", "give"});
  EXPECT_EQ(r.err, "kith: nobody matches 'charleen'; did you mean:\n  charlene-dupont (Charlène Dupont)\n");
  RunResult far = refused(1, {"show", "zygmunt"});
  EXPECT_EQ(far.err, "kith: nobody matches 'zygmunt'\n");
}

// --- Writes into hand-written files: only the added lines change ---

class HandWrittenFiles : public FoundationCli {
 protected:
  // Logs a give on 2026-11-20 to `slug` and expects the file to become `after`.
  void expect_log(const std::string& slug, const std::string& before, const std::string& after) {
    tmp.write("net/" + slug + ".yaml", before);
    RunResult r = kith({"log", slug, "give", "sent it", "-d", "yesterday"});
    ASSERT_EQ(r.code, 0) << r.describe();
    EXPECT_EQ(tmp.read("net/" + slug + ".yaml"), after);
    RunResult check = kith({"check"});
    EXPECT_EQ(check.code, 0) << check.describe();
  }
  const std::string entry = "  - date: 2026-11-20\n    kind: give\n    note: sent it\n";
};

TEST_F(HandWrittenFiles, CommentsEverywhereAndLogNotTheLastKey) {
  const std::string top =
      "# Alice, from the Rust meetup\n"
      "name: Alice   # she prefers Al\n"
      "aka: [Al, \"A. L.\"]   # flow list\n"
      "\n"
      "log:\n"
      "  # the first time\n"
      "  - date: 2026-01-01   # a Thursday\n"
      "    kind: met\n"
      "\n"
      "  # between entries\n"
      "  - date: 2026-01-05\n"
      "    kind: talk\n"
      "    note: 'coffee, \"quoted\"'\n";
  const std::string rest =
      "tags: [rust, Lyon]   # log is not last\n"
      "# a comment before the end\n"
      "email: alice@example.org\n";
  expect_log("alice", top + rest, top + entry + rest);
}

TEST_F(HandWrittenFiles, EntriesIndentedByZeroTwoAndFourSpaces) {
  expect_log("zero", "name: Zero\nlog:\n- date: 2026-01-01\n  kind: met\n",
             "name: Zero\nlog:\n- date: 2026-01-01\n  kind: met\n- date: 2026-11-20\n  kind: give\n  note: sent it\n");
  expect_log("two", "name: Two\nlog:\n  - date: 2026-01-01\n    kind: met\n",
             "name: Two\nlog:\n  - date: 2026-01-01\n    kind: met\n" + entry);
  expect_log("four", "name: Four\nlog:\n    - date: 2026-01-01\n      kind: met\n",
             "name: Four\nlog:\n    - date: 2026-01-01\n      kind: met\n"
             "    - date: 2026-11-20\n      kind: give\n      note: sent it\n");
}

TEST_F(HandWrittenFiles, FlowStyleEntriesAndFlowListsElsewhere) {
  expect_log("flow", "name: Flow\ntags: [a, b]\naka: []\nlog:\n  - {date: 2026-01-01, kind: met}\nneeds: [x]\n",
             "name: Flow\ntags: [a, b]\naka: []\nlog:\n  - {date: 2026-01-01, kind: met}\n"
             "  - {date: 2026-11-20, kind: give, note: sent it}\nneeds: [x]\n");  // in the style of its neighbours
}

TEST_F(HandWrittenFiles, NoFinalNewline) {
  expect_log("dan", "name: Dan\nlog:\n  - date: 2026-01-01\n    kind: met",
             "name: Dan\nlog:\n  - date: 2026-01-01\n    kind: met\n" + entry);
}

TEST_F(HandWrittenFiles, CrlfLineEndingsStayCrlf) {
  expect_log("eve", "name: Eve\r\nlog:\r\n  - date: 2026-01-01\r\n    kind: met\r\n",
             "name: Eve\r\nlog:\r\n  - date: 2026-01-01\r\n    kind: met\r\n"
             "  - date: 2026-11-20\r\n    kind: give\r\n    note: sent it\r\n");
}

TEST_F(HandWrittenFiles, AnEmptyFlowLog) {
  expect_log("fay", "name: Fay   # hi\nlog: []\nemail: f@example.org\n",
             "name: Fay   # hi\nlog:\n" + entry + "email: f@example.org\n");
}

TEST_F(HandWrittenFiles, NoLogAtAll) {
  expect_log("gus", "name: Gus\n# no log yet\n", "name: Gus\n# no log yet\nlog:\n" + entry);
}

TEST_F(HandWrittenFiles, LogNextSetsOnlyTheNextLine) {
  tmp.write("net/hal.yaml", "name: Hal\nnext: 2026-01-01   # old plan\nlog:\n  - date: 2026-01-01\n    kind: met\n");
  RunResult r = kith({"log", "hal", "talk", "-d", "yesterday", "--next", "+2w"});
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(r.out, "hal: talk on 2026-11-20, next 2026-12-04\n");
  EXPECT_EQ(tmp.read("net/hal.yaml"),
            "name: Hal\nnext: 2026-12-04   # old plan\nlog:\n  - date: 2026-01-01\n    kind: met\n"
            "  - date: 2026-11-20\n    kind: talk\n");
}

TEST_F(HandWrittenFiles, AddAndLogLeaveEveryOtherFileByteForByte) {
  init();
  tmp.write("net/odd.yaml", "# odd\r\nname: Odd   # x\r\nlog: []");
  tmp.write("net/sub/deep.yaml", "name:    Deep\nlog:\n- {date: 2026-01-01, kind: talk}\n");
  auto before = user_files(tmp);
  ASSERT_EQ(kith({"add", "New Person", "--met", "here"}).code, 0);
  ASSERT_EQ(kith({"log", "new", "give"}).code, 0);
  auto after = user_files(tmp);
  after.erase("net/new-person.yaml");
  EXPECT_EQ(after, before);
}

// --- Broken files ---

class BrokenFiles : public FoundationCli {
 protected:
  void SetUp() override {
    init();
    tmp.write("net/good.yaml", "name: Good Person\nlog:\n  - date: 2026-11-01\n    kind: give\n");
    tmp.write("net/bad-yaml.yaml", "name: Bad Yaml\n  email: x\n");
    tmp.write("net/bad-date.yaml", "name: Bad Date\nlog:\n  - date: 2026-13-01\n    kind: talk\n");
    tmp.write("net/sub/bad-kind.yaml",
              "name: Bad Kind\nlog:\n  - date: 2026-11-01\n    kind: giv\n  - date: 2026-11-02\n    kind: talk\n");
    snapshot = user_files(tmp);
  }
  std::string p(const std::string& rel) const { return net + "/" + rel; }
  std::string problems() const {
    return "kith: " + p("bad-date.yaml") + ":3:11: date '2026-13-01' is not a valid YYYY-MM-DD date\n" +
           "kith: " + p("bad-yaml.yaml") + ":2:8: invalid YAML: a key inside the value that starts at line 1 (is line 2 "
           "indented too much?)\n" +
           "kith: " + p("sub/bad-kind.yaml") +
           ":4:11: unknown kind 'giv' (known: met, talk, give, ask, got, intro, note, mentoring, coffee)\n";
  }
  std::map<std::string, std::string> snapshot;
};

TEST_F(BrokenFiles, CheckListsEveryProblemOfEveryFileAndExitsOne) {
  RunResult r = kith({"check"});
  EXPECT_EQ(r.code, 1) << r.describe();
  EXPECT_EQ(r.err, problems());
  EXPECT_EQ(r.out, "3 problems in 4 files\n");
  EXPECT_EQ(user_files(tmp), snapshot);
}

TEST_F(BrokenFiles, ABrokenKithYamlIsCheckedToo) {
  tmp.write("net/kith.yaml", "followup: soon\n");
  RunResult r = kith({"check"});
  EXPECT_EQ(r.code, 1) << r.describe();
  EXPECT_TRUE(contains(r.err, "kith: " + p("kith.yaml") + ":1:11: followup 'soon' is not a duration")) << r.err;
}

// A bad value (a bad date, an unknown kind) hides only its entry; only the
// file that is not YAML is left out (DESIGN.md section 5).
TEST_F(BrokenFiles, ListShowsWhatCanBeReadWarnsAboutTheRestAndExitsOne) {
  RunResult r = kith({"list"});
  EXPECT_EQ(r.code, 1) << r.describe();
  EXPECT_EQ(r.err, problems());
  EXPECT_EQ(r.out,
            "NAME         CIRCLE     LAST CONTACT     DUE         BALANCE\n"
            "Bad Date     community  never            -                 0\n"
            "Bad Kind     community  2026-11-02 talk  2026-12-02        0\n"
            "Good Person  community  2026-11-01 give  2026-12-01       +1\n");
  RunResult json = kith({"list", "--json"});
  EXPECT_EQ(json.code, 1) << json.describe();
  YAML::Node l = parse_json(json.out);
  ASSERT_EQ(l.size(), 3u);
  EXPECT_EQ(l[2]["slug"].as<std::string>(), "good");
  EXPECT_EQ(user_files(tmp), snapshot);
}

TEST_F(BrokenFiles, ShowAndLogStillWorkForAGoodFile) {
  RunResult show = kith({"show", "good"});
  EXPECT_EQ(show.code, 1) << show.describe();  // like list: it warns about the others
  EXPECT_EQ(show.err, problems());
  EXPECT_EQ(show.out.rfind("Good Person  good\n", 0), 0u) << show.out;
  RunResult json = kith({"show", "good", "--json"});
  EXPECT_EQ(json.code, 1) << json.describe();
  EXPECT_EQ(parse_json(json.out)["slug"].as<std::string>(), "good");
  RunResult log = kith({"log", "good", "talk"});
  EXPECT_EQ(log.code, 0) << log.describe();
  auto now = user_files(tmp);
  EXPECT_NE(now["net/good.yaml"], snapshot["net/good.yaml"]);
  now.erase("net/good.yaml");
  snapshot.erase("net/good.yaml");
  EXPECT_EQ(now, snapshot);
}

TEST_F(BrokenFiles, WhoNamingABrokenFileGetsItsProblemWithThePosition) {
  // Shown with what can be read, but not written to until fixed.
  RunResult log = refused(1, {"log", "bad-date", "give", "x"});
  EXPECT_EQ(log.err, "kith: " + p("bad-date.yaml") +
                         ":3:11: date '2026-13-01' is not a valid YYYY-MM-DD date (fix the file first; "
                         "`kith check` lists every problem)\n");
  RunResult prefix = refused(1, {"log", "bad-y", "give"});
  EXPECT_EQ(prefix.err.rfind("kith: " + p("bad-yaml.yaml") + ":2:8: invalid YAML: a key inside", 0), 0u)
      << prefix.err;
  // show warns about every problem first, like list, then shows what it can.
  RunResult show = kith({"show", "bad-kind"});
  EXPECT_EQ(show.code, 1) << show.describe();
  EXPECT_EQ(show.err, problems());
  EXPECT_EQ(show.out.rfind("Bad Kind  bad-kind\n", 0), 0u) << show.out;
}

TEST_F(BrokenFiles, WhoMatchingSeveralFilesWithProblemsListsThem) {
  RunResult r = refused(1, {"log", "bad", "give"});
  EXPECT_EQ(r.err,
            "kith: 'bad' matches 2 people; say which:\n  bad-date (Bad Date)\n  bad-kind (Bad Kind)\n"
            "(some files could not be read and were left out; `kith check` lists them)\n");
}

TEST_F(BrokenFiles, AddCannotTakeTheSlugOfABrokenFile) {
  RunResult r = refused(1, {"add", "Bad Date"});
  EXPECT_TRUE(contains(r.err, p("bad-date.yaml"))) << r.err;
}

TEST_F(BrokenFiles, HostileFilesAreReportedNotCrashedOn) {
  tmp.write("net/binary.yaml", std::string("name: \0\x01\x02", 9));
  tmp.write("net/deep.yaml", "name: x\nnotes: " + std::string(100000, '[') + "\n");
  tmp.write("net/latin1.yaml", "name: Ren\xE9\n");
  RunResult r = kith({"check"});
  EXPECT_EQ(r.code, 1) << r.describe();
  EXPECT_TRUE(contains(r.err, p("binary.yaml") + ":1:7: binary file (NUL byte), not YAML text\n")) << r.err;
  EXPECT_TRUE(contains(r.err, p("deep.yaml") + ":2:72: nested more than 64 levels deep\n")) << r.err;
  EXPECT_TRUE(contains(r.err, p("latin1.yaml") + ":1:10: invalid UTF-8 (the file must be UTF-8 text)\n")) << r.err;
  EXPECT_EQ(r.out, "6 problems in 7 files\n");
}

}  // namespace
}  // namespace kith::test
