// SPDX-License-Identifier: MIT
// End-to-end tests of what a new user trips on (issue 14): people added but
// never contacted, weekend birthdays, a birthday behind another reason, and a
// bad value that must not hide the whole person.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "cli_util.h"
#include "system/process.h"

namespace kith::test {
namespace {

RunOptions on_day(const std::string& today) {
  RunOptions o;
  o.env["KITH_TODAY"] = today;
  return o;
}

// Rule 5: a teammate added on day one, never contacted, is due 14 days later
// (team cadence), with "added 14d ago, never contacted" and reason `new`.
TEST(NewUserDue, AddedButNeverContactedFallsDueAfterTheCadence) {
  TempDir tmp;
  tmp.write("net/kith.yaml", "circles: {team: 14d, community: 30d}\ndefault_circle: community\n");
  tmp.write("net/bjorn-astrom.yaml", "# hand-written\nname: Björn Åström\ncircle: team\nadded: 2026-11-01   # day one\n");
  tmp.write("net/imported.yaml", "name: Imported Person\nconnected: 2020-01-01\n");
  tmp.write("net/never-ever.yaml", "name: Never Ever\nevery: never\nadded: 2026-01-01\n");

  RunResult before = run_kith(tmp, {"--dir", "net", "due"}, on_day("2026-11-14"));
  EXPECT_EQ(before.code, 0) << before.describe();
  EXPECT_EQ(before.out, "") << before.describe();

  RunResult due = run_kith(tmp, {"--dir", "net", "due"}, on_day("2026-11-15"));
  EXPECT_EQ(due.code, 0) << due.describe();
  EXPECT_EQ(due.out, "Björn Åström  team  added 14d ago, never contacted  due today\n");

  RunResult json = run_kith(tmp, {"--dir", "net", "due", "--json"}, on_day("2026-11-22"));
  YAML::Node list = YAML::Load(json.out);
  ASSERT_EQ(list.size(), 1u) << json.describe();
  EXPECT_EQ(list[0]["reason"].as<std::string>(), "new");
  EXPECT_EQ(list[0]["due"].as<std::string>(), "2026-11-15");
  EXPECT_EQ(list[0]["window_days"].as<int>(), 14);
  EXPECT_EQ(list[0]["overdue_days"].as<int>(), 7);
  EXPECT_TRUE(list[0]["also"].IsSequence());
  EXPECT_EQ(list[0]["also"].size(), 0u);

  // A first contact replaces rule 5 by the cadence.
  tmp.write("net/bjorn-astrom.yaml",
            "name: Björn Åström\ncircle: team\nadded: 2026-11-01\nlog:\n  - {date: 2026-11-20, kind: talk}\n");
  RunResult after = run_kith(tmp, {"--dir", "net", "due"}, on_day("2026-11-22"));
  EXPECT_EQ(after.out, "") << after.describe();
}

// Rule 6: a Sunday birthday is still in Monday's cron mail, for a week, until
// a contact is logged on or after it.
TEST(NewUserDue, WeekendBirthdayStaysDueUntilAContact) {
  TempDir tmp;
  // 2026-11-22 is a Sunday.
  tmp.write("net/ada.yaml", "name: Ada\nbirthday: 1990-11-22\nlog:\n  - {date: 2026-11-10, kind: talk}\n");
  RunResult monday = run_kith(tmp, {"--dir", "net", "due"}, on_day("2026-11-23"));
  EXPECT_EQ(monday.code, 0) << monday.describe();
  EXPECT_EQ(monday.out, "Ada  community  birthday 1d ago, turned 36  1d overdue\n");

  RunResult week_on = run_kith(tmp, {"--dir", "net", "due", "--json"}, on_day("2026-11-28"));
  YAML::Node list = YAML::Load(week_on.out);
  ASSERT_EQ(list.size(), 1u) << week_on.describe();
  EXPECT_EQ(list[0]["reason"].as<std::string>(), "birthday");
  EXPECT_EQ(list[0]["due"].as<std::string>(), "2026-11-22");

  // After seven days it is gone.
  EXPECT_EQ(run_kith(tmp, {"--dir", "net", "due"}, on_day("2026-11-29")).out, "");

  // A contact on the Monday ends it.
  tmp.write("net/ada.yaml", "name: Ada\nbirthday: 1990-11-22\nlog:\n  - {date: 2026-11-23, kind: talk}\n");
  EXPECT_EQ(run_kith(tmp, {"--dir", "net", "due"}, on_day("2026-11-24")).out, "");
}

// A birthday is shown with an overdue cadence, in words and in `also`.
TEST(NewUserDue, BirthdayIsNotHiddenBehindACadence) {
  TempDir tmp;
  tmp.write("net/kith.yaml", "circles: {team: 14d}\ndefault_circle: team\n");
  tmp.write("net/ada.yaml", "name: Ada\nbirthday: --11-21\nlog:\n  - {date: 2026-10-01, kind: talk}\n");
  RunResult text = run_kith(tmp, {"--dir", "net", "due"}, on_day("2026-11-21"));
  EXPECT_EQ(text.out, "Ada  team  every 14d, last talk 51d ago; also birthday  37d overdue\n") << text.describe();

  RunResult json = run_kith(tmp, {"--dir", "net", "due", "--json"}, on_day("2026-11-21"));
  YAML::Node list = YAML::Load(json.out);
  ASSERT_EQ(list.size(), 1u) << json.describe();
  EXPECT_EQ(list[0]["reason"].as<std::string>(), "cadence");
  ASSERT_EQ(list[0]["also"].size(), 1u);
  EXPECT_EQ(list[0]["also"][0]["reason"].as<std::string>(), "birthday");
  EXPECT_EQ(list[0]["also"][0]["due"].as<std::string>(), "2026-11-21");
  EXPECT_EQ(list[0]["also"][0]["overdue_days"].as<int>(), 0);
}

// Section 5: a typo in one circle shows the person with a warning; a bad log
// entry is reported and skipped; the exit code says something was reported.
TEST(NewUserLoad, BadValueDoesNotHideThePerson) {
  TempDir tmp;
  tmp.write("net/kith.yaml", "circles: {team: 14d, community: 30d}\ndefault_circle: community\n");
  tmp.write("net/bjorn.yaml",
            "name: Björn\ncircle: teams\nlog:\n"
            "  - {date: 2026-10-01, kind: talk}\n"
            "  - {date: 2026-13-01, kind: give}\n"
            "  - {date: 2026-10-05, kind: giv}\n");
  RunResult list = run_kith(tmp, {"--dir", "net", "list", "--json"}, on_day("2026-11-21"));
  EXPECT_EQ(list.code, 1) << list.describe();
  YAML::Node people = YAML::Load(list.out);
  ASSERT_EQ(people.size(), 1u) << list.describe();
  EXPECT_EQ(people[0]["name"].as<std::string>(), "Björn");
  EXPECT_EQ(people[0]["circle"].as<std::string>(), "community");
  EXPECT_EQ(people[0]["last_contact"].as<std::string>(), "2026-10-01");
  EXPECT_NE(list.err.find("bjorn.yaml:2:9: unknown circle 'teams'"), std::string::npos) << list.err;
  EXPECT_NE(list.err.find("bjorn.yaml:5:12: date '2026-13-01'"), std::string::npos) << list.err;
  EXPECT_NE(list.err.find("bjorn.yaml:6:30: unknown kind 'giv'"), std::string::npos) << list.err;

  // Default circle's cadence (30d) from the one good entry: due since Oct 31.
  RunResult due = run_kith(tmp, {"--dir", "net", "due"}, on_day("2026-11-21"));
  EXPECT_EQ(due.code, 1) << due.describe();
  EXPECT_EQ(due.out, "Björn  community  every 30d, last talk 51d ago  21d overdue\n");

  // Not YAML, or no name: left out, still reported.
  tmp.write("net/broken.yaml", "name: [unclosed\n");
  tmp.write("net/nameless.yaml", "circle: team\n");
  RunResult more = run_kith(tmp, {"--dir", "net", "list", "--json"}, on_day("2026-11-21"));
  EXPECT_EQ(more.code, 1);
  EXPECT_EQ(YAML::Load(more.out).size(), 1u) << more.describe();
  EXPECT_NE(more.err.find("nameless.yaml"), std::string::npos);
  EXPECT_NE(more.err.find("broken.yaml"), std::string::npos);
}

// --- Errors that help ---

TEST(NewUserErrors, MistypedCommandSuggestsTheClosest) {
  TempDir tmp;
  RunResult lsit = run_kith(tmp, {"lsit"});
  EXPECT_EQ(lsit.code, 2);
  EXPECT_EQ(lsit.out, "");
  EXPECT_EQ(lsit.err, "kith: unknown command 'lsit'; did you mean 'list'?\nRun `kith --help` for the list of commands.\n");
  EXPECT_NE(run_kith(tmp, {"ls"}).err.find("did you mean 'list'?"), std::string::npos);
  RunResult far = run_kith(tmp, {"--dir", "x", "frobnicate"});
  EXPECT_EQ(far.code, 2);
  EXPECT_EQ(far.err, "kith: unknown command 'frobnicate'\nRun `kith --help` for the list of commands.\n");
}

TEST(NewUserErrors, BareKithAndKithHelpShowTheCommands) {
  TempDir tmp;
  RunResult bare = run_kith(tmp, {});
  EXPECT_EQ(bare.code, 0) << bare.describe();
  EXPECT_NE(bare.out.find("due"), std::string::npos);
  EXPECT_EQ(bare.err, "");
  RunResult help = run_kith(tmp, {"help"});
  EXPECT_EQ(help.code, 0);
  EXPECT_EQ(help.out, run_kith(tmp, {"--help"}).out);
  RunResult help_log = run_kith(tmp, {"help", "log"});
  EXPECT_EQ(help_log.code, 0);
  EXPECT_EQ(help_log.out, run_kith(tmp, {"log", "--help"}).out);
  EXPECT_NE(help_log.out.find("KIND"), std::string::npos);
  EXPECT_EQ(run_kith(tmp, {"help", "lsit"}).code, 2);
}

TEST(NewUserErrors, ParserErrorsSpeakKithsVoice) {
  TempDir tmp;
  ASSERT_EQ(run_kith(tmp, {"--dir", "net", "init", "--no-git"}).code, 0);
  RunResult extra = run_kith(tmp, {"--dir", "net", "due", "3", "--limit"});
  EXPECT_EQ(extra.code, 2);
  EXPECT_EQ(extra.err.find("The following"), std::string::npos) << extra.err;
  RunResult html = run_kith(tmp, {"--dir", "net", "report", "--html"});
  EXPECT_EQ(html.code, 2);
  EXPECT_EQ(html.err, "kith: report: --html needs a FILE\nRun `kith report --help` for its usage.\n");
  RunResult missing = run_kith(tmp, {"--dir", "net", "log", "ana"});
  EXPECT_EQ(missing.err, "kith: log: missing KIND\nRun `kith log --help` for its usage.\n");
  RunResult extras = run_kith(tmp, {"--dir", "net", "list", "foo"});
  EXPECT_EQ(extras.err, "kith: list: unexpected argument 'foo'\nRun `kith list --help` for its usage.\n");
}

TEST(NewUserErrors, MistypedKindAndCircleSuggestTheClosestAndAreUsageErrors) {
  TempDir tmp;
  ASSERT_EQ(run_kith(tmp, {"--dir", "net", "init", "--no-git"}).code, 0);
  tmp.write("net/pierre.yaml", "name: Pierre\n");
  RunResult kind = run_kith(tmp, {"--dir", "net", "log", "pierre", "giv"});
  EXPECT_EQ(kind.code, 2);
  EXPECT_EQ(kind.err.rfind("kith: unknown kind 'giv'; did you mean 'give'? (known: met, talk, give", 0), 0u) << kind.err;
  EXPECT_EQ(tmp.read("net/pierre.yaml"), "name: Pierre\n");
  for (const char* command : {"due", "list"}) {
    RunResult circle = run_kith(tmp, {"--dir", "net", command, "--circle", "teams"});
    EXPECT_EQ(circle.code, 2) << command;
    EXPECT_EQ(circle.err, "kith: unknown circle 'teams'; did you mean 'team'? (known: community, online, team)\n");
  }
}

// --- Dates: one parser ---

// WHEN is the rest of the line, so the two-word forms need no quotes.
TEST(NewUserDates, SnoozeTakesAWhenOfSeveralWordsUnquoted) {
  TempDir tmp;
  ASSERT_EQ(run_kith(tmp, {"--dir", "net", "init", "--no-git"}).code, 0);
  tmp.write("net/ana.yaml", "name: Ana\n");
  RunResult r = run_kith(tmp, {"--dir", "net", "snooze", "ana", "next", "friday"}, on_day("2026-11-21"));
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(tmp.read("net/ana.yaml"), "name: Ana\nnext: 2026-11-27\n");
  RunResult dec = run_kith(tmp, {"--dir", "net", "snooze", "ana", "Dec", "7"}, on_day("2026-11-21"));
  ASSERT_EQ(dec.code, 0) << dec.describe();
  EXPECT_EQ(tmp.read("net/ana.yaml"), "name: Ana\nnext: 2026-12-07\n");
}

TEST(NewUserDates, EveryDateOptionTakesTheSameFormsUnquoted) {
  TempDir tmp;
  ASSERT_EQ(run_kith(tmp, {"--dir", "net", "init", "--no-git"}).code, 0);
  tmp.write("net/ana.yaml", "name: Ana\n");
  // 2026-11-21 is a Saturday.
  struct Case {
    std::vector<std::string> date;
    std::string expected;
  };
  for (const Case& c : std::vector<Case>{{{"2d", "ago"}, "2026-11-19"},
                                         {{"2", "weeks", "ago"}, "2026-11-07"},
                                         {{"3", "days", "ago"}, "2026-11-18"},
                                         {{"last", "monday"}, "2026-11-16"},
                                         {{"Dec", "7"}, "2025-12-07"},
                                         {{"7", "dec"}, "2025-12-07"},
                                         {{"nov", "21"}, "2026-11-21"},
                                         {{"1 month ago"}, "2026-10-21"}}) {
    // --again: two of these forms name one day, and the note is the same.
    std::vector<std::string> args{"--dir", "net", "log", "ana", "talk", "--again", "-d"};
    args.insert(args.end(), c.date.begin(), c.date.end());
    args.push_back("lunch");
    RunResult r = run_kith(tmp, args);
    ASSERT_EQ(r.code, 0) << r.describe();
    EXPECT_EQ(r.out, "ana: talk on " + c.expected + "\n") << c.expected;
  }
  EXPECT_EQ(tmp.read("net/ana.yaml").find("note: ago"), std::string::npos);
  EXPECT_EQ(tmp.read("net/ana.yaml").find("note: weeks"), std::string::npos);

  RunResult add = run_kith(tmp, {"--dir", "net", "add", "Bob", "--met", "MiXiT", "-d", "2d", "ago"});
  EXPECT_EQ(add.code, 0) << add.describe();
  EXPECT_NE(tmp.read("net/bob.yaml").find("2026-11-19"), std::string::npos) << tmp.read("net/bob.yaml");
}

TEST(NewUserDates, DurationsAndYearsAreReadTheSameEverywhere) {
  TempDir tmp;
  ASSERT_EQ(run_kith(tmp, {"--dir", "net", "init", "--no-git"}).code, 0);
  tmp.write("net/ana.yaml", "name: Ana\nbirthday: --11-27\n");
  for (std::vector<std::string> within : std::vector<std::vector<std::string>>{{"1", "week"}, {"2weeks"}, {"7d"}}) {
    std::vector<std::string> args{"--dir", "net", "due", "--within"};
    args.insert(args.end(), within.begin(), within.end());
    RunResult r = run_kith(tmp, args);
    EXPECT_EQ(r.code, 0) << r.describe();
    EXPECT_NE(r.out.find("Ana"), std::string::npos) << r.describe();
  }
  RunResult seven = run_kith(tmp, {"--dir", "net", "due", "--within", "7"});
  EXPECT_EQ(seven.code, 2);
  EXPECT_EQ(seven.err, "kith: --within '7' is not a duration like 7d, 2w, 2 weeks, 1m or 1y\n");
  RunResult never = run_kith(tmp, {"--dir", "net", "due", "--within", "never"});
  EXPECT_EQ(never.code, 2);
  EXPECT_EQ(never.err, "kith: --within 'never' is not a duration like 7d, 2w, 2 weeks, 1m or 1y\n");

  RunResult year = run_kith(tmp, {"--dir", "net", "report", "--year", "26"});
  EXPECT_EQ(year.code, 2);
  EXPECT_EQ(year.err, "kith: --year 26 is not a four-digit year like 2026\n");

  RunResult past_next = run_kith(tmp, {"--dir", "net", "log", "ana", "talk", "-d", "2026-11-01", "--next", "+1w"});
  EXPECT_EQ(past_next.code, 1);
  EXPECT_EQ(past_next.err, "kith: --next 2026-11-08 is in the past; plan it for today or later\n");
  EXPECT_EQ(tmp.read("net/ana.yaml"), "name: Ana\nbirthday: --11-27\n");
}

// --- Output ---

TEST(NewUserOutput, ListSortsLimitsFiltersAndPrintsTagsInJson) {
  TempDir tmp;
  tmp.write("net/kith.yaml", "circles: {team: 14d, community: 30d}\ndefault_circle: community\n");
  tmp.write("net/ana.yaml", "name: Ana\ntags: [lyon, rust]\nlog:\n  - {date: 2026-11-01, kind: ask}\n");
  tmp.write("net/bob.yaml", "name: Bob\nlog:\n  - {date: 2026-03-01, kind: give}\n");
  tmp.write("net/cleo.yaml", "name: Cléo\n");
  tmp.write("net/dan.yaml", "name: Dan\nlog:\n  - {date: 2026-10-01, kind: talk}\n");
  auto names = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"--dir", "net", "list", "--json"});
    RunResult r = run_kith(tmp, args);
    EXPECT_EQ(r.code, 0) << r.describe();
    std::string out;
    for (const YAML::Node& p : YAML::Load(r.out)) out += p["slug"].as<std::string>() + " ";
    return out;
  };
  EXPECT_EQ(names({}), "ana bob cleo dan ");
  EXPECT_EQ(names({"--sort", "last"}), "cleo bob dan ana ");
  EXPECT_EQ(names({"--sort", "due"}), "bob dan ana cleo ");
  EXPECT_EQ(names({"--sort", "balance"}), "ana cleo dan bob ");
  EXPECT_EQ(names({"--sort", "last", "--limit", "2"}), "cleo bob ");
  EXPECT_EQ(names({"--quiet-since", "6m"}), "bob cleo ");            // since 2026-05-21
  EXPECT_EQ(names({"--quiet-since", "6", "weeks", "ago"}), "bob cleo dan ");  // since 2026-10-10
  RunResult json = run_kith(tmp, {"--dir", "net", "list", "--json", "--limit", "1"});
  YAML::Node ana = YAML::Load(json.out)[0];
  EXPECT_EQ(ana["tags"].size(), 2u);
  EXPECT_EQ(ana["tags"][1].as<std::string>(), "rust");
  EXPECT_EQ(ana["last_kind"].as<std::string>(), "ask");
  EXPECT_EQ(run_kith(tmp, {"--dir", "net", "list", "--sort", "age"}).code, 2);
  EXPECT_EQ(run_kith(tmp, {"--dir", "net", "list", "--limit", "0"}).code, 2);
}

// The pager runs only on a terminal: `script` gives kith one.
TEST(NewUserOutput, PagerOnlyOnATerminalAndNeverWithNoPager) {
  if (!fs::exists("/usr/bin/script")) GTEST_SKIP() << "script(1) is not installed";
  TempDir tmp;
  tmp.write("net/ana.yaml", "name: Ana\n");
  tmp.write("pager.sh", "#!/bin/sh\necho PAGED BY TEST\ncat\n");
  fs::permissions(tmp / "pager.sh", fs::perms::owner_all);
  RunOptions o;
  o.env["PAGER"] = (tmp / "pager.sh").string();
  o.env["TERM"] = "xterm";
  auto on_tty = [&](const std::string& args) {
    return run_captured({"script", "-qec", std::string(KITH_BINARY) + " --dir net " + args, "/dev/null"},
                        [&] {
                          ProcessOptions p;
                          p.cwd = tmp.path();
                          for (const auto& [k, v] : o.env) p.env.push_back(k + "=" + v);
                          p.env.push_back("KITH_TODAY=2026-11-21");
                          return p;
                        }());
  };
  ProcessResult paged = on_tty("list");
  EXPECT_NE(paged.out.find("PAGED BY TEST"), std::string::npos) << paged.out << paged.err;
  EXPECT_NE(paged.out.find("Ana"), std::string::npos) << paged.out;
  ProcessResult plain = on_tty("list --no-pager");
  EXPECT_EQ(plain.out.find("PAGED BY TEST"), std::string::npos) << plain.out;
  EXPECT_NE(plain.out.find("Ana"), std::string::npos) << plain.out;
  // Piped, as under cron: never.
  RunResult piped = run_kith(tmp, {"--dir", "net", "list"}, o);
  EXPECT_EQ(piped.out.find("PAGED BY TEST"), std::string::npos) << piped.out;
  EXPECT_NE(piped.out.find("Ana"), std::string::npos);
}

// In its first months, the default report starts at the first entry.
TEST(NewUserOutput, FirstYearReportStartsAtTheFirstEntry) {
  TempDir tmp;
  tmp.write("net/ana.yaml", "name: Ana\nlog:\n  - {date: 2026-10-25, kind: met}\n  - {date: 2026-10-26, kind: give}\n");
  RunResult json = run_kith(tmp, {"--dir", "net", "report", "--json"});
  ASSERT_EQ(json.code, 0) << json.describe();
  YAML::Node period = YAML::Load(json.out)["period"];
  EXPECT_EQ(period["since"].as<std::string>(), "2026-10-25");
  EXPECT_TRUE(period["since_first_entry"].as<bool>());
  EXPECT_EQ(YAML::Load(json.out)["interactions"]["by_month"].size(), 2u);
  RunResult text = run_kith(tmp, {"--dir", "net", "report"});
  EXPECT_EQ(text.out.rfind("Your network since your first entry (2026-10-25 to 2026-11-21)", 0), 0u) << text.out;
  // An explicit period is the user's.
  RunResult year = run_kith(tmp, {"--dir", "net", "report", "--json", "--since", "2026-01-01"});
  EXPECT_EQ(YAML::Load(year.out)["period"]["since"].as<std::string>(), "2026-01-01");
}

TEST(NewUserOutput, HtmlReportGoesToStdoutAndListsThePeople) {
  TempDir tmp;
  tmp.write("net/kith.yaml", "circles: {team: 14d, community: 30d}\ndefault_circle: community\n");
  tmp.write("net/ana.yaml", "name: Ana <b>\nneeds: [rust]\nlog:\n  - {date: 2026-09-01, kind: ask}\n");
  tmp.write("net/bob.yaml", "name: Bob\noffers: [rust]\nlog:\n  - {date: 2026-11-20, kind: talk}\n");
  RunResult r = run_kith(tmp, {"--dir", "net", "report", "--html", "-"});
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(r.out.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_FALSE(tmp.exists("-"));
  EXPECT_EQ(r.out.find("kith due"), std::string::npos);          // no command to run in a mail
  EXPECT_EQ(r.out.find("kith intro --suggest"), std::string::npos);
  EXPECT_NE(r.out.find("<td>Ana &lt;b&gt;</td>"), std::string::npos);  // overdue, and owing
  std::size_t intro = r.out.find("<li><strong>");
  ASSERT_NE(intro, std::string::npos) << r.out;
  std::string item = r.out.substr(intro, r.out.find("</li>", intro) - intro);
  EXPECT_NE(item.find("<strong>Ana &lt;b&gt;</strong>"), std::string::npos) << item;
  EXPECT_NE(item.find("<strong>Bob</strong>"), std::string::npos) << item;
  EXPECT_NE(item.find("rust"), std::string::npos) << item;
  EXPECT_NE(r.out.find("prefers-color-scheme: dark"), std::string::npos);
  EXPECT_NE(r.out.find("you asked or got"), std::string::npos);
  EXPECT_EQ(r.out.find(">received (asked or got)<"), std::string::npos);
}

}  // namespace
}  // namespace kith::test
