// SPDX-License-Identifier: MIT
// End-to-end tests of `kith report`: the JSON figures on a network built by
// hand (each figure recomputed below from the files), the periods, the
// 80-column text report and the standalone HTML page.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <string>
#include <utility>
#include <vector>

#include "cli_util.h"

namespace kith::test {
namespace {

// Today is 2026-06-30, so the default period is 2025-07-01 .. 2026-06-30
// (365 days) and the goal [2, 4] applies as is.
const char* const today = "2026-06-30";

void write_network(const TempDir& tmp) {
  tmp.write("net/kith.yaml",
            "circles:\n  friends: 60d\ngoals:\n  new_contacts_per_year: [2, 4]\nkinds:\n  mentoring: {balance: 1}\n");
  // team; met before the period; a give on the first day and a talk on the
  // last day of the period. Balance +1; due 2026-07-14.
  tmp.write("net/ana.yaml",
            "name: Ana Alves\ncircle: team\nlog:\n"
            "  - {date: 2025-05-01, kind: met}\n"
            "  - {date: 2025-07-01, kind: give}\n"
            "  - {date: 2026-06-30, kind: talk}\n");
  // community; met, followed up the next day, asked before giving, a note
  // (not a contact) last. Balance 0; due 2026-03-01 + 30d = 2026-03-31.
  tmp.write("net/ben.yaml",
            "name: Ben Brun\ncircle: community\nlog:\n"
            "  - {date: 2026-01-10, kind: met}\n"
            "  - {date: 2026-01-11, kind: talk}\n"
            "  - {date: 2026-02-01, kind: ask}\n"
            "  - {date: 2026-03-01, kind: give}\n"
            "  - {date: 2026-03-02, kind: note, note: moving to Nantes}\n");
  // community; met, then a talk 5 days later: not followed up within 2d,
  // and one contact since is not "real" yet. Due 2026-07-25.
  tmp.write("net/cleo.yaml",
            "name: Cléo Chaix\ncircle: community\nlog:\n"
            "  - {date: 2026-06-20, kind: met}\n"
            "  - {date: 2026-06-25, kind: talk}\n");
  // online; never contacted (an import).
  tmp.write("net/dan.yaml", "name: Dan Dupuis\ncircle: online\n");
  // online; got help before the period, asked in it, never gave: owes -2
  // and asked before giving. Due 2026-04-01 + 90d = 2026-06-30, today.
  tmp.write("net/eve.yaml",
            "name: Eve Example\ncircle: online\nlog:\n"
            "  - {date: 2025-03-01, kind: got}\n"
            "  - {date: 2026-04-01, kind: ask}\n");
  // team; introduced to gus (logged in both files: one intro), then
  // mentoring (+1). Balance +2; due 2026-05-20 + 14d = 2026-06-03.
  tmp.write("net/fay.yaml",
            "name: Fay Favre\ncircle: team\nlog:\n"
            "  - {date: 2026-05-05, kind: intro, with: gus}\n"
            "  - {date: 2026-05-20, kind: mentoring}\n");
  // community, every: never; the other side of the intro; a note. Never due.
  tmp.write("net/gus.yaml",
            "name: Gus Girard\ncircle: community\nevery: never\nlog:\n"
            "  - {date: 2026-05-05, kind: intro, with: fay}\n"
            "  - {date: 2026-06-01, kind: note}\n");
  // A circle kith.yaml adds; an intro logged on one side only
  // (still one intro); met yesterday: follow-up due 2026-07-01.
  tmp.write("net/sub/hal.yaml",
            "name: Hal Hugo\ncircle: friends\nlog:\n"
            "  - {date: 2025-09-09, kind: intro, with: ana}\n"
            "  - {date: 2026-06-29, kind: met}\n");
}

RunOptions on_day(const std::string& day) {
  RunOptions o;
  o.env["KITH_TODAY"] = day;
  return o;
}

RunResult report(const TempDir& tmp, std::vector<std::string> extra = {}, const std::string& day = today) {
  std::vector<std::string> a{"--dir", "net", "report"};
  a.insert(a.end(), extra.begin(), extra.end());
  return run_kith(tmp, a, on_day(day));
}

YAML::Node parse_json(const std::string& text) { return YAML::Load(text); }

// An object's keys and values in document order: "key=n,...".
std::string counts(const YAML::Node& object) {
  std::string out;
  for (const auto& kv : object)
    out += fmt::format("{}{}={}", out.empty() ? "" : ",", kv.first.as<std::string>(), kv.second.as<int>());
  return out;
}

std::vector<std::string> keys(const YAML::Node& object) {
  std::vector<std::string> out;
  for (const auto& kv : object) out.push_back(kv.first.as<std::string>());
  return out;
}

std::vector<std::string> strings(const YAML::Node& list) {
  std::vector<std::string> out;
  for (const YAML::Node& s : list) out.push_back(s.as<std::string>());
  return out;
}

// Display columns: code points, escape sequences not counted.
std::size_t columns(const std::string& line) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\x1b') {
      while (i < line.size() && line[i] != 'm') ++i;
      continue;
    }
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++n;
  }
  return n;
}

// The text with each wrapped paragraph joined back into one line.
std::string unwrapped(std::string text) {
  for (std::size_t at = text.find("\n    "); at != std::string::npos; at = text.find("\n    ", at))
    text.replace(at, 5, " ");
  return text;
}

void expect_fits_80_columns(const std::string& text) {
  for (const std::string& line : lines_of(text)) EXPECT_LE(columns(line), 80u) << "too wide: " << line;
}

TEST(ReportCli, JsonHasEveryDocumentedKeyInOrder) {
  TempDir tmp;
  write_network(tmp);
  RunResult r = report(tmp, {"--json"});
  ASSERT_EQ(r.code, 0) << r.describe();
  YAML::Node j = parse_json(r.out);
  EXPECT_EQ(keys(j), (std::vector<std::string>{"period", "people", "interactions", "balance", "new_contacts", "intros",
                                               "overdue", "circles"}));
  EXPECT_EQ(keys(j["period"]), (std::vector<std::string>{"since", "until", "days", "since_first_entry"}));
  EXPECT_EQ(keys(j["people"]), (std::vector<std::string>{"total", "by_circle", "active", "never_contacted"}));
  EXPECT_EQ(keys(j["interactions"]), (std::vector<std::string>{"total", "by_kind", "by_month"}));
  EXPECT_EQ(keys(j["balance"]), (std::vector<std::string>{"given", "received", "owing", "asked_before_giving",
                                                          "overall", "by_month"}));
  EXPECT_EQ(keys(j["new_contacts"]),
            (std::vector<std::string>{"met", "followed_up", "became_real", "goal", "verdict"}));
  EXPECT_EQ(keys(j["overdue"]), (std::vector<std::string>{"total", "by_circle", "slugs"}));
}

TEST(ReportCli, JsonFiguresOfTheDefaultPeriodMatchTheFilesCountedByHand) {
  TempDir tmp;
  write_network(tmp);
  RunResult r = report(tmp, {"--json"});
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(r.err, "");
  YAML::Node j = parse_json(r.out);

  EXPECT_EQ(j["period"]["since"].as<std::string>(), "2025-07-01");
  EXPECT_EQ(j["period"]["until"].as<std::string>(), "2026-06-30");
  EXPECT_EQ(j["period"]["days"].as<int>(), 365);

  // 8 people; circles by name, the three defaults plus kith.yaml's `friends`.
  EXPECT_EQ(j["people"]["total"].as<int>(), 8);
  EXPECT_EQ(counts(j["people"]["by_circle"]), "community=3,friends=1,online=2,team=2");
  // Everyone but dan (never) has a contact in the period; gus's intro counts.
  EXPECT_EQ(j["people"]["active"].as<int>(), 7);
  EXPECT_EQ(j["people"]["never_contacted"].as<int>(), 1);

  // Contact entries in the period: ana 2 (not the 2025-05 met), ben 4 (not
  // the note), cleo 2, eve 1 (not the 2025-03 got), fay 2, gus 1, hal 2.
  EXPECT_EQ(j["interactions"]["total"].as<int>(), 14);
  // Built-in kinds in the DESIGN table's order, then kith.yaml's; `got` did
  // not occur in the period, so it is left out.
  EXPECT_EQ(counts(j["interactions"]["by_kind"]), "met=3,talk=3,give=2,ask=2,intro=3,mentoring=1");
  EXPECT_EQ(counts(j["interactions"]["by_month"]),
            "2025-07=1,2025-08=0,2025-09=1,2025-10=0,2025-11=0,2025-12=0,"
            "2026-01=2,2026-02=1,2026-03=1,2026-04=1,2026-05=3,2026-06=4");

  // Given: ana give, ben give, fay intro + mentoring, gus intro, hal intro.
  // Received: ben ask, eve ask (eve's got is before the period).
  EXPECT_EQ(j["balance"]["given"].as<int>(), 6);
  EXPECT_EQ(j["balance"]["received"].as<int>(), 2);
  ASSERT_EQ(j["balance"]["owing"].size(), 1u);
  EXPECT_EQ(j["balance"]["owing"][0]["slug"].as<std::string>(), "eve");
  EXPECT_EQ(j["balance"]["owing"][0]["balance"].as<int>(), -2);
  EXPECT_EQ(j["balance"]["owing"][0]["name"].as<std::string>(), "Eve Example");
  EXPECT_EQ(strings(j["balance"]["asked_before_giving"]), (std::vector<std::string>{"ben", "eve"}));
  // ana +1, ben 0, cleo 0, dan 0, eve -2, fay +2, gus +1, hal +1.
  EXPECT_EQ(j["balance"]["overall"].as<int>(), 3);
  EXPECT_EQ(j["balance"]["by_month"]["2026-05"]["given"].as<int>(), 3);
  EXPECT_EQ(j["balance"]["by_month"]["2026-04"]["received"].as<int>(), 1);
  EXPECT_EQ(j["balance"]["by_month"].size(), 12u);

  // Met in the period: ben, cleo, hal. Followed up within 2d: ben only.
  // Two contacts or more after meeting: ben only.
  EXPECT_EQ(j["new_contacts"]["met"].as<int>(), 3);
  EXPECT_EQ(j["new_contacts"]["followed_up"].as<int>(), 1);
  EXPECT_EQ(j["new_contacts"]["became_real"].as<int>(), 1);
  EXPECT_EQ(j["new_contacts"]["goal"][0].as<int>(), 2);
  EXPECT_EQ(j["new_contacts"]["goal"][1].as<int>(), 4);
  EXPECT_EQ(j["new_contacts"]["verdict"].as<std::string>(), "within");

  // fay<->gus logged in both files is one; hal->ana logged once is one.
  EXPECT_EQ(j["intros"].as<int>(), 2);

  // Due on or before today: ben (cadence, 2026-03-31), fay (2026-06-03),
  // eve (due today). Not ana, cleo, hal (ahead), dan (no contact), gus (never).
  EXPECT_EQ(j["overdue"]["total"].as<int>(), 3);
  EXPECT_EQ(counts(j["overdue"]["by_circle"]), "community=1,friends=0,online=1,team=1");
  EXPECT_EQ(strings(j["overdue"]["slugs"]), (std::vector<std::string>{"ben", "fay", "eve"}));

  // The per-circle split adds up to the totals.
  int people = 0, interactions = 0;
  for (const YAML::Node& c : j["circles"]) {
    people += c["people"].as<int>();
    interactions += c["interactions"].as<int>();
  }
  EXPECT_EQ(people, 8);
  EXPECT_EQ(interactions, 14);
}

TEST(ReportCli, YearIsTheCalendarYearAndBecameRealLooksPastIt) {
  TempDir tmp;
  write_network(tmp);
  RunResult r = report(tmp, {"--year", "2025", "--json"});
  ASSERT_EQ(r.code, 0) << r.describe();
  YAML::Node j = parse_json(r.out);
  EXPECT_EQ(j["period"]["since"].as<std::string>(), "2025-01-01");
  EXPECT_EQ(j["period"]["until"].as<std::string>(), "2025-12-31");
  // 2025: eve got (03), ana met (05), ana give (07), hal intro (09).
  EXPECT_EQ(j["interactions"]["total"].as<int>(), 4);
  EXPECT_EQ(counts(j["interactions"]["by_kind"]), "met=1,give=1,got=1,intro=1");
  EXPECT_EQ(counts(j["interactions"]["by_month"]),
            "2025-01=0,2025-02=0,2025-03=1,2025-04=0,2025-05=1,2025-06=0,"
            "2025-07=1,2025-08=0,2025-09=1,2025-10=0,2025-11=0,2025-12=0");
  EXPECT_EQ(j["people"]["active"].as<int>(), 3);
  EXPECT_EQ(j["balance"]["given"].as<int>(), 2);
  EXPECT_EQ(j["balance"]["received"].as<int>(), 1);
  // ana met 2025-05-01: no contact within 2 days, but two after it by today.
  EXPECT_EQ(j["new_contacts"]["met"].as<int>(), 1);
  EXPECT_EQ(j["new_contacts"]["followed_up"].as<int>(), 0);
  EXPECT_EQ(j["new_contacts"]["became_real"].as<int>(), 1);
  EXPECT_EQ(j["new_contacts"]["verdict"].as<std::string>(), "below");
  EXPECT_EQ(j["intros"].as<int>(), 1);
  // Overdue is about today, whatever the period.
  EXPECT_EQ(j["overdue"]["total"].as<int>(), 3);
}

TEST(ReportCli, SinceAndUntilBoundThePeriodAndProrateTheGoal) {
  TempDir tmp;
  write_network(tmp);
  RunResult r = report(tmp, {"--since", "2026-01-01", "--until", "2026-03-31", "--json"});
  ASSERT_EQ(r.code, 0) << r.describe();
  YAML::Node j = parse_json(r.out);
  EXPECT_EQ(j["period"]["days"].as<int>(), 90);
  EXPECT_EQ(counts(j["interactions"]["by_month"]), "2026-01=2,2026-02=1,2026-03=1");
  EXPECT_EQ(counts(j["interactions"]["by_kind"]), "met=1,talk=1,give=1,ask=1");
  EXPECT_EQ(j["people"]["active"].as<int>(), 1);
  // [2, 4] * 90 / 365.25 = [0.49, 0.99] -> [0, 1]; one met: within.
  EXPECT_EQ(j["new_contacts"]["goal"][0].as<int>(), 0);
  EXPECT_EQ(j["new_contacts"]["goal"][1].as<int>(), 1);
  EXPECT_EQ(j["new_contacts"]["verdict"].as<std::string>(), "within");
  EXPECT_EQ(j["intros"].as<int>(), 0);

  // --since alone runs to today; --until alone starts 12 months before it.
  j = parse_json(report(tmp, {"--since", "2026-06-01", "--json"}).out);
  EXPECT_EQ(j["period"]["until"].as<std::string>(), "2026-06-30");
  EXPECT_EQ(j["interactions"]["total"].as<int>(), 4);
  j = parse_json(report(tmp, {"--until", "2025-12-31", "--json"}).out);
  EXPECT_EQ(j["period"]["since"].as<std::string>(), "2025-01-01");
  // Relative dates work too.
  j = parse_json(report(tmp, {"--since", "30d ago", "--json"}).out);
  EXPECT_EQ(j["period"]["since"].as<std::string>(), "2026-05-31");
}

TEST(ReportCli, ConflictingOrBadPeriodsAreUsageErrors) {
  TempDir tmp;
  write_network(tmp);
  EXPECT_EQ(report(tmp, {"--year", "2025", "--since", "2025-02-01"}).code, 2);
  EXPECT_EQ(report(tmp, {"--since", "2026-03-01", "--until", "2026-02-01"}).code, 2);
  RunResult r = report(tmp, {"--since", "last spring"});
  EXPECT_EQ(r.code, 2) << r.describe();
  EXPECT_NE(r.err.find("--since"), std::string::npos) << r.err;
  EXPECT_EQ(report(tmp, {"--year", "twenty"}).code, 2);
  EXPECT_EQ(report(tmp, {"--json", "--html", "x.html"}).code, 2);
  EXPECT_FALSE(tmp.exists("x.html"));
}

TEST(ReportCli, ABadFileIsWarnedWithItsPositionAndTheOthersStillCount) {
  TempDir tmp;
  write_network(tmp);
  tmp.write("net/broken.yaml", "name: Broken\nlog:\n  - {date: 2026-13-01, kind: talk}\n");
  RunResult r = report(tmp, {"--json"});
  EXPECT_EQ(r.code, 1) << r.describe();
  EXPECT_NE(r.err.find("broken.yaml:3:"), std::string::npos) << r.err;
  // Broken shows with what can be read: its bad entry is skipped.
  EXPECT_EQ(parse_json(r.out)["people"]["total"].as<int>(), 9);
  r = report(tmp);
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("9 people"), std::string::npos) << r.out;
}

TEST(ReportCli, TextReadsAsAdviceAndFitsEightyColumns) {
  TempDir tmp;
  write_network(tmp);
  RunResult r = report(tmp);
  ASSERT_EQ(r.code, 0) << r.describe();
  for (const char* sentence :
       {"Your network in the last 12 months (2025-07-01 to 2026-06-30)", "8 people: community 3, friends 1",
        "1 person never contacted: a collection, not a network.", "You owe Eve Example (-2): give before you ask",
        "You asked Ben Brun and Eve Example before ever giving", "You met 3 new people in the last 12 months",
        "within your goal of 2–4", "1 of 3 got a follow-up within 2 days", "You made 2 introductions",
        "3 people overdue today: community 1, online 1, team 1.", "`kith due` lists them all."})
    EXPECT_NE(unwrapped(r.out).find(sentence), std::string::npos) << sentence << "\n" << r.out;
  // Interactions per month as a bar chart: the busiest month has the longest bar.
  std::string full_bar;
  for (int i = 0; i < 50; ++i) full_bar += "█";
  EXPECT_NE(r.out.find("  2026-06  " + full_bar + " 4\n"), std::string::npos) << r.out;
  // 1 of 4 is an eighth of 50 cells: 12.5 cells, 12 full and a half block.
  EXPECT_NE(r.out.find("  2025-07  " + full_bar.substr(0, 12 * 3) + "▌ 1\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  2025-08  0\n"), std::string::npos);
  expect_fits_80_columns(r.out);
  EXPECT_EQ(r.out.find("\x1b["), std::string::npos);
}

TEST(ReportCli, TextStaysWithinEightyColumnsWithLongNamesAndColour) {
  TempDir tmp;
  write_network(tmp);
  tmp.write("net/long.yaml",
            "name: " + std::string(120, 'x') + "\nlog:\n  - {date: 2026-06-01, kind: ask}\n");
  std::string settings = tmp.read("net/kith.yaml");
  settings.insert(settings.find("goals:"), "  a-circle-with-a-really-long-name-that-goes-on: 30d\n");
  tmp.write("net/kith.yaml", settings);
  tmp.write("net/longer.yaml",
            "name: Maximilian Alexander von Hohenzollern-Sigmaringen der Dritte und Letzte seines Namens\n"
            "circle: a-circle-with-a-really-long-name-that-goes-on\n"
            "log:\n  - {date: 2026-06-01, kind: ask}\n");
  for (const std::string color : {"never", "always"}) {
    RunResult r = report(tmp, {"--color", color});
    ASSERT_EQ(r.code, 0) << r.describe();
    expect_fits_80_columns(r.out);
    EXPECT_EQ(r.out.find("\x1b[") != std::string::npos, color == "always");
  }
  // A long period is one bar per month, still 80 columns.
  RunResult r = report(tmp, {"--since", "2015-01-01"});
  ASSERT_EQ(r.code, 0) << r.describe();
  expect_fits_80_columns(r.out);
  EXPECT_NE(r.out.find("  2015-01  0\n"), std::string::npos);
}

TEST(ReportCli, TheSampleNetworkReportMatchesItsNotes) {
  TempDir tmp;
  copy_examples(tmp);
  RunResult r = run_kith(tmp, {"--dir", "people", "report", "--json"});
  ASSERT_EQ(r.code, 0) << r.describe();
  YAML::Node j = parse_json(r.out);
  EXPECT_EQ(j["people"]["total"].as<int>(), 14);
  EXPECT_EQ(counts(j["people"]["by_circle"]), "community=7,online=3,team=4");
  EXPECT_EQ(j["people"]["active"].as<int>(), 12);
  EXPECT_EQ(j["interactions"]["total"].as<int>(), 36);
  EXPECT_EQ(j["balance"]["given"].as<int>(), 15);
  EXPECT_EQ(j["balance"]["received"].as<int>(), 5);
  EXPECT_EQ(strings(j["balance"]["asked_before_giving"]),
            (std::vector<std::string>{"mehdi-benali", "nicolas-moreau"}));
  EXPECT_EQ(j["new_contacts"]["verdict"].as<std::string>(), "below");
  EXPECT_EQ(j["intros"].as<int>(), 2);
  EXPECT_EQ(counts(j["overdue"]["by_circle"]), "community=3,online=1,team=1");
  RunResult text = run_kith(tmp, {"--dir", "people", "report"});
  EXPECT_NE(unwrapped(text.out).find("You met 3 new people in the last 12 months — below your goal of 5–10. "
                                     "Quality over quantity, but go to a meetup."),
            std::string::npos)
      << text.out;
  EXPECT_NE(unwrapped(text.out).find("You owe Mehdi Benali (-2): give before you ask again."), std::string::npos);
  EXPECT_NE(unwrapped(text.out).find("1 person never contacted: a collection, not a network. Write to Lukas Becker"),
            std::string::npos);
  expect_fits_80_columns(text.out);
}

TEST(ReportCli, HtmlIsOneStandalonePageWithSvgChartsAndEscapedNames) {
  TempDir tmp;
  write_network(tmp);
  std::string settings = tmp.read("net/kith.yaml");
  settings.insert(settings.find("goals:"), "  \"<i>inner</i>\": 30d\n");  // a circle, in markup
  tmp.write("net/kith.yaml", settings);
  tmp.write("net/zoe.yaml",
            "name: \"Zoë <b>&</b> <script>alert('x')</script>\"\ncircle: \"<i>inner</i>\"\n"
            "log:\n  - {date: 2026-06-01, kind: ask, note: \"<img src=x>\"}\n");
  RunResult r = report(tmp, {"--html", "out/report.html"});
  EXPECT_EQ(r.code, 1) << r.describe();  // the folder does not exist
  EXPECT_FALSE(tmp.exists("out/report.html"));
  r = report(tmp, {"--html", "report.html"});
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(r.out, "report.html\n");
  ASSERT_TRUE(tmp.exists("report.html"));
  const std::string html = tmp.read("report.html");
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("</html>\n"), std::string::npos);
  std::size_t svgs = 0;
  for (std::size_t at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1)) ++svgs;
  EXPECT_GE(svgs, 4u);  // per month, by circle (2), by kind, give vs ask
  EXPECT_NE(html.find("Interactions per month"), std::string::npos);
  EXPECT_NE(html.find("Give vs ask"), std::string::npos);
  EXPECT_NE(html.find("class=\"given\""), std::string::npos);
  EXPECT_NE(html.find("class=\"received\""), std::string::npos);
  // Nothing to fetch, nothing to run.
  for (const char* banned : {"<script", "http://", "https://", "src=", "href=", "url(", "@import"})
    EXPECT_EQ(html.find(banned), std::string::npos) << banned;
  // User strings are text, not markup.
  EXPECT_NE(html.find("Zoë &lt;b&gt;&amp;&lt;/b&gt; &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
            std::string::npos);
  EXPECT_NE(html.find("&lt;i&gt;inner&lt;/i&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<b>&</b>"), std::string::npos);
  EXPECT_EQ(html.find("<i>inner"), std::string::npos);
  // The same advice as the text report.
  EXPECT_NE(html.find("You owe Eve Example (-2): give before you ask again."), std::string::npos);
  // Rewriting replaces the file whole.
  ASSERT_EQ(report(tmp, {"--html", "report.html", "--year", "2025"}).code, 0);
  EXPECT_NE(tmp.read("report.html").find("Your network in 2025"), std::string::npos);
}

TEST(ReportCli, AnEmptyDirectoryStillReports) {
  TempDir tmp;
  tmp.write("net/kith.yaml", "");
  RunResult r = report(tmp);
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_NE(r.out.find("No people yet"), std::string::npos) << r.out;
  expect_fits_80_columns(r.out);
  r = report(tmp, {"--json"});
  ASSERT_EQ(r.code, 0) << r.describe();
  YAML::Node j = parse_json(r.out);
  EXPECT_EQ(j["people"]["total"].as<int>(), 0);
  EXPECT_EQ(j["new_contacts"]["verdict"].as<std::string>(), "below");
  ASSERT_EQ(report(tmp, {"--html", "r.html"}).code, 0);
  EXPECT_NE(tmp.read("r.html").find("<svg"), std::string::npos);
}

TEST(ReportCli, AMissingDirectorySaysKithInit) {
  TempDir tmp;
  RunResult r = report(tmp);
  EXPECT_EQ(r.code, 1) << r.describe();
  EXPECT_NE(r.err.find("kith init"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace kith::test
