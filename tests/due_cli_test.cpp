// SPDX-License-Identifier: MIT
// End-to-end tests of `kith due` and `kith snooze` (and `log --next`): the
// real binary on temporary directories, with today pinned.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "cli_util.h"

namespace kith::test {
namespace {

RunOptions on_day(const std::string& today) {
  RunOptions o;
  o.env["KITH_TODAY"] = today;
  return o;
}

// JSON is YAML too, so yaml-cpp reads `--json` output without a JSON parser.
YAML::Node parse_json(const std::string& text) { return YAML::Load(text); }

// "slug reason due overdue_days" for each item of `kith due --json`, in order.
std::vector<std::string> due_rows(const RunResult& r) {
  std::vector<std::string> out;
  YAML::Node list = parse_json(r.out);
  EXPECT_TRUE(list.IsSequence()) << r.describe();
  for (const YAML::Node& item : list)
    out.push_back(fmt::format("{} {} {} {}", item["slug"].as<std::string>(), item["reason"].as<std::string>(),
                              item["due"].as<std::string>(), item["overdue_days"].as<int>()));
  return out;
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

// The person files and settings below `tmp`; dot-files (the store's lock
// file) are the store's business, not the user's data.
std::map<std::string, std::string> user_files(const TempDir& tmp) {
  std::map<std::string, std::string> files = tmp.snapshot();
  std::erase_if(files, [](const auto& kv) { return kv.first.find("/.") != std::string::npos; });
  return files;
}

// Where each cell of a table line starts, in code points; cells are
// separated by two spaces or more (a cell never holds two spaces in a row).
std::vector<std::size_t> cell_starts(const std::string& line) {
  std::vector<std::size_t> starts;
  std::size_t i = 0;
  while (i < line.size()) {
    starts.push_back(code_points(line.substr(0, i)));
    std::size_t gap = line.find("  ", i);
    if (gap == std::string::npos) break;
    i = line.find_first_not_of(' ', gap);
    if (i == std::string::npos) break;
  }
  return starts;
}

// A directory built so that each rule of DESIGN.md section 3 decides one
// person, on 2025-03-03 (default settings: team 14d, community 30d, followup 2d).
void write_rules_network(const TempDir& tmp) {
  tmp.write("net/kith.yaml", "followup: 2d\n");
  // Jan 31 + 1m in a leap year is Feb 29; a year overdue, so first.
  tmp.write("net/leap-month-end.yaml",
            "name: Leap Month End\nevery: 1m\nlog:\n  - {date: 2024-01-31, kind: talk}\n");
  // A `next` later than the last contact wins over the cadence.
  tmp.write("net/fresh-next.yaml",
            "name: Fresh Next\nnext: 2025-03-01\nlog:\n  - {date: 2025-02-20, kind: talk}\n");
  // A `next` older than the last contact is ignored: the team cadence counts.
  tmp.write("net/stale-next.yaml",
            "name: Stale Next\ncircle: team\nnext: 2025-01-10\nlog:\n"
            "  - date: 2025-02-01\n    kind: ask\n    note: asked for a review\n");
  // Overdue cadence (31/30) beats a birthday today (0): one item per person.
  tmp.write("net/birthday-and-cadence.yaml",
            "name: Birthday And Cadence\nbirthday: --03-03\nlog:\n  - {date: 2025-01-01, kind: give}\n");
  // A `met` followed only by a `note` still wants its follow-up.
  tmp.write("net/met-then-note.yaml",
            "name: Met Then Note\nlog:\n"
            "  - date: 2025-02-27\n    kind: met\n    note: FOSDEM, the Rust devroom\n"
            "  - date: 2025-03-02\n    kind: note\n    note: wants an intro to a Rust shop\n");
  // Jan 31 + 1m in a common year is Feb 28.
  tmp.write("net/month-end.yaml", "name: Month End\nevery: 1m\nlog:\n  - {date: 2025-01-31, kind: talk}\n");
  // Feb 29 + 1y is Feb 28 of the next year.
  tmp.write("net/leap-day.yaml", "name: Leap Day\nevery: 1y\nlog:\n  - {date: 2024-02-29, kind: talk}\n");
  // Two items of urgency 0 due the same day: ordered by slug.
  tmp.write("net/due-today-cadence.yaml",
            "name: Due Today Cadence\nlog:\n  - {date: 2025-02-01, kind: talk}\n");
  tmp.write("net/birthday-today.yaml", "name: Birthday Today\nbirthday: 1990-03-03\n");
  // Never due:
  tmp.write("net/never.yaml", "name: Never\nevery: never\nlog:\n  - {date: 2020-01-01, kind: talk}\n");
  tmp.write("net/no-contact.yaml", "name: No Contact\ncircle: online\n");
  tmp.write("net/only-notes.yaml", "name: Only Notes\nlog:\n  - {date: 2024-01-01, kind: note, note: saw her talk}\n");
  tmp.write("net/met-then-talk.yaml",
            "name: Met Then Talk\nlog:\n  - {date: 2025-02-27, kind: met}\n  - {date: 2025-02-28, kind: talk}\n");
}

const std::vector<std::string> sample_due_today{
    "camille-lefevre next 2026-11-18 3",   "mehdi-benali cadence 2026-10-15 37",
    "nicolas-moreau cadence 2026-10-10 42", "ingrid-johansson cadence 2026-09-29 53",
    "thomas-girard followup 2026-11-21 0",
};

TEST(DueCli, SampleNetworkPrintsTheFiveDuePeopleAsAnAlignedTable) {
  TempDir tmp;
  copy_examples(tmp);
  RunResult r = run_kith(tmp, {"--dir", "people", "due"});
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out,
            "Camille Lefèvre   community  next set for 2026-11-18                    3d overdue\n"
            "Mehdi Benali      team       every 14d, last ask 51d ago                37d overdue  "
            "give before you ask (balance -2)\n"
            "Nicolas Moreau    community  every 30d, last talk 72d ago               42d overdue\n"
            "Ingrid Johansson  online     every 90d, last talk 143d ago              53d overdue\n"
            "Thomas Girard     community  follow up after meeting at Lyon.js meetup  due today\n");
}

TEST(DueCli, SampleNetworkJsonHasTheDocumentedKeysInUrgencyOrder) {
  TempDir tmp;
  copy_examples(tmp);
  RunResult r = run_kith(tmp, {"--dir", "people", "due", "--json"});
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(due_rows(r), sample_due_today);

  YAML::Node list = parse_json(r.out);
  std::vector<std::string> keys;
  for (const auto& kv : list[0]) keys.push_back(kv.first.as<std::string>());
  EXPECT_EQ(keys, (std::vector<std::string>{"slug", "name", "circle", "due", "overdue_days", "reason",
                                            "last_contact", "balance", "path", "urgency", "window_days",
                                            "last_kind", "cadence", "note", "also"}));
  EXPECT_EQ(list[0]["name"].as<std::string>(), "Camille Lefèvre");
  EXPECT_EQ(list[0]["last_contact"].as<std::string>(), "2026-10-30");
  EXPECT_EQ(list[0]["balance"].as<int>(), 1);
  EXPECT_EQ(list[1]["balance"].as<int>(), -2);
  EXPECT_EQ(list[1]["last_kind"].as<std::string>(), "ask");
  EXPECT_EQ(list[1]["cadence"].as<std::string>(), "14d");
  EXPECT_EQ(list[1]["window_days"].as<int>(), 14);
  EXPECT_NEAR(list[1]["urgency"].as<double>(), 37.0 / 14, 1e-9);
  EXPECT_EQ(list[3]["circle"].as<std::string>(), "online");
  EXPECT_EQ(list[3]["path"].as<std::string>(), "people/online/ingrid-johansson.yaml");
  EXPECT_EQ(list[4]["note"].as<std::string>(),
            "Lyon.js meetup, his talk on TypeScript monorepos; his team starts on k8s");
  EXPECT_TRUE(list[0]["note"].IsNull());
}

TEST(DueCli, EachScheduleRuleDecidesWhoIsDueWhyAndInWhichOrder) {
  TempDir tmp;
  write_rules_network(tmp);
  RunResult r = run_kith(tmp, {"--dir", "net", "due", "--json"}, on_day("2025-03-03"));
  ASSERT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(due_rows(r), (std::vector<std::string>{
                             "leap-month-end cadence 2024-02-29 368",
                             "fresh-next next 2025-03-01 2",
                             "stale-next cadence 2025-02-15 16",
                             "birthday-and-cadence cadence 2025-01-31 31",
                             "met-then-note followup 2025-03-01 2",
                             "month-end cadence 2025-02-28 3",
                             "leap-day cadence 2025-02-28 3",
                             "birthday-today birthday 2025-03-03 0",
                             "due-today-cadence cadence 2025-03-03 0",
                         }));
}

TEST(DueCli, JsonGivesLastContactBalanceAndTheMeetingNote) {
  TempDir tmp;
  write_rules_network(tmp);
  RunResult r = run_kith(tmp, {"--dir", "net", "due", "--json"}, on_day("2025-03-03"));
  ASSERT_EQ(r.code, 0) << r.describe();
  std::map<std::string, YAML::Node> by_slug;
  for (const YAML::Node& item : parse_json(r.out)) by_slug[item["slug"].as<std::string>()] = item;

  YAML::Node met = by_slug["met-then-note"];
  EXPECT_EQ(met["last_contact"].as<std::string>(), "2025-02-27");  // the later `note` is no contact
  EXPECT_EQ(met["last_kind"].as<std::string>(), "met");
  EXPECT_EQ(met["note"].as<std::string>(), "FOSDEM, the Rust devroom");
  EXPECT_EQ(met["window_days"].as<int>(), 2);

  YAML::Node stale = by_slug["stale-next"];
  EXPECT_EQ(stale["balance"].as<int>(), -1);
  EXPECT_EQ(stale["circle"].as<std::string>(), "team");
  EXPECT_EQ(stale["cadence"].as<std::string>(), "14d");

  YAML::Node birthday = by_slug["birthday-today"];
  EXPECT_TRUE(birthday["last_contact"].IsNull());
  EXPECT_TRUE(birthday["last_kind"].IsNull());
  EXPECT_EQ(birthday["circle"].as<std::string>(), "community");  // default_circle
  EXPECT_EQ(birthday["balance"].as<int>(), 0);

  EXPECT_EQ(by_slug["leap-month-end"]["window_days"].as<int>(), 29);
  EXPECT_EQ(by_slug["leap-day"]["window_days"].as<int>(), 365);
}

TEST(DueCli, TableSaysWhyInWordsAndHintsWhenTheBalanceIsNegative) {
  TempDir tmp;
  write_rules_network(tmp);
  RunResult r = run_kith(tmp, {"--dir", "net", "due"}, on_day("2025-03-03"));
  ASSERT_EQ(r.code, 0) << r.describe();
  std::vector<std::string> lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), 9u) << r.out;
  auto line_of = [&](const std::string& name) {
    for (const std::string& l : lines)
      if (l.rfind(name + " ", 0) == 0) return l;
    ADD_FAILURE() << name << " not in\n" << r.out;
    return std::string();
  };
  EXPECT_NE(line_of("Fresh Next").find("next set for 2025-03-01"), std::string::npos);
  EXPECT_NE(line_of("Fresh Next").find("2d overdue"), std::string::npos);
  EXPECT_NE(line_of("Stale Next").find("every 14d, last ask 30d ago"), std::string::npos);
  EXPECT_NE(line_of("Stale Next").find("give before you ask (balance -1)"), std::string::npos);
  // The meeting note's first clause says where.
  EXPECT_NE(line_of("Met Then Note").find("follow up after meeting at FOSDEM  "), std::string::npos);
  EXPECT_NE(line_of("Birthday Today").find("birthday, turns 35"), std::string::npos);
  EXPECT_NE(line_of("Birthday Today").find("due today"), std::string::npos);
  EXPECT_NE(line_of("Leap Month End").find("every 1m, last talk 397d ago"), std::string::npos);
  for (const std::string& l : lines) {
    bool stale = l.rfind("Stale Next", 0) == 0;
    EXPECT_EQ(l.find("give before you ask") != std::string::npos, stale) << l;
  }
}

TEST(DueCli, TableColumnsLineUpInCodePointsDespiteAccents) {
  TempDir tmp;
  copy_examples(tmp);
  RunResult r = run_kith(tmp, {"--dir", "people", "due", "--within", "7d"});
  ASSERT_EQ(r.code, 0) << r.describe();
  std::vector<std::string> lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), 8u) << r.out;  // Léa and Émilie are in it
  std::vector<std::size_t> first = cell_starts(lines[0]);
  ASSERT_GE(first.size(), 4u) << lines[0];
  for (const std::string& l : lines) {
    std::vector<std::size_t> starts = cell_starts(l);
    ASSERT_GE(starts.size(), 4u) << l;
    starts.resize(4);  // the hint column only exists on some lines
    EXPECT_EQ(starts, std::vector<std::size_t>(first.begin(), first.begin() + 4)) << r.out;
    EXPECT_NE(l.back(), ' ') << "trailing space in: " << l;
  }
}

TEST(DueCli, LeapDayBirthdayFallsOnFeb28InACommonYearAndFeb29InALeapYear) {
  TempDir tmp;
  tmp.write("net/leapling.yaml", "name: Leapling\nbirthday: --02-29\n");
  RunResult common = run_kith(tmp, {"--dir", "net", "due", "--within", "1d", "--json"}, on_day("2027-02-27"));
  ASSERT_EQ(common.code, 0) << common.describe();
  EXPECT_EQ(due_rows(common), std::vector<std::string>{"leapling birthday 2027-02-28 -1"});

  RunResult leap = run_kith(tmp, {"--dir", "net", "due", "--within", "2d", "--json"}, on_day("2028-02-27"));
  ASSERT_EQ(leap.code, 0) << leap.describe();
  EXPECT_EQ(due_rows(leap), std::vector<std::string>{"leapling birthday 2028-02-29 -2"});

  RunResult table = run_kith(tmp, {"--dir", "net", "due", "--within", "2d"}, on_day("2028-02-27"));
  EXPECT_EQ(table.out, "Leapling  community  birthday  in 2d\n");
}

TEST(DueCli, WithinAddsWhoFallsDueAheadAfterWhoIsDueNow) {
  TempDir tmp;
  copy_examples(tmp);
  std::vector<std::string> week = sample_due_today;
  week.insert(week.end(), {"antoine-rousseau cadence 2026-11-26 -5", "lea-nguyen cadence 2026-11-27 -6",
                           "emilie-chevalier birthday 2026-11-23 -2"});
  RunResult days = run_kith(tmp, {"--dir", "people", "due", "--within", "7d", "--json"});
  ASSERT_EQ(days.code, 0) << days.describe();
  EXPECT_EQ(due_rows(days), week);
  RunResult weeks = run_kith(tmp, {"--dir", "people", "due", "--within", "1w", "--json"});
  EXPECT_EQ(due_rows(weeks), week);

  std::vector<std::string> two_days = sample_due_today;
  two_days.push_back("emilie-chevalier birthday 2026-11-23 -2");
  EXPECT_EQ(due_rows(run_kith(tmp, {"--dir", "people", "due", "--within", "2d", "--json"})), two_days);
  EXPECT_EQ(due_rows(run_kith(tmp, {"--dir", "people", "due", "--within", "0d", "--json"})), sample_due_today);
}

TEST(DueCli, WithinRejectsWhatIsNotASpanOfTime) {
  TempDir tmp;
  copy_examples(tmp);
  for (const char* bad : {"soon", "never", "-3d", "7", "7 dayz"}) {
    RunResult r = run_kith(tmp, {"--dir", "people", "due", "--within", bad});
    EXPECT_EQ(r.code, 2) << bad << "\n" << r.describe();
    EXPECT_EQ(r.out, "") << bad;
    EXPECT_NE(r.err.find("--within"), std::string::npos) << r.err;
  }
}

TEST(DueCli, CircleKeepsOnlyThatCircleAndRejectsAnUnknownOneListingTheKnown) {
  TempDir tmp;
  copy_examples(tmp);
  EXPECT_EQ(due_rows(run_kith(tmp, {"--dir", "people", "due", "--circle", "team", "--json"})),
            std::vector<std::string>{"mehdi-benali cadence 2026-10-15 37"});
  EXPECT_EQ(due_rows(run_kith(tmp, {"--dir", "people", "due", "--circle", "online", "--json"})),
            std::vector<std::string>{"ingrid-johansson cadence 2026-09-29 53"});

  RunResult bad = run_kith(tmp, {"--dir", "people", "due", "--circle", "friends"});
  EXPECT_EQ(bad.code, 2) << bad.describe();
  EXPECT_EQ(bad.out, "");
  EXPECT_NE(bad.err.find("unknown circle 'friends' (known: community, online, team)"), std::string::npos)
      << bad.err;
}

TEST(DueCli, TagMatchesCaseAndAccentInsensitively) {
  TempDir tmp;
  copy_examples(tmp);
  EXPECT_EQ(due_rows(run_kith(tmp, {"--dir", "people", "due", "--tag", "LYON", "--json"})),
            std::vector<std::string>{"thomas-girard followup 2026-11-21 0"});
  // Emilie's birthday is in 2d; she and Thomas share `lyon`.
  EXPECT_EQ(due_rows(run_kith(tmp, {"--dir", "people", "due", "--tag", "lyon", "--within", "2d", "--json"})),
            (std::vector<std::string>{"thomas-girard followup 2026-11-21 0",
                                      "emilie-chevalier birthday 2026-11-23 -2"}));

  tmp.write("people/zoe.yaml", "name: Zoé\ntags: [Café Crème]\nlog:\n  - {date: 2026-01-01, kind: talk}\n");
  EXPECT_EQ(due_rows(run_kith(tmp, {"--dir", "people", "due", "--tag", "cafe creme", "--json"})),
            std::vector<std::string>{"zoe cadence 2026-01-31 294"});
  RunResult none = run_kith(tmp, {"--dir", "people", "due", "--tag", "nobody-has-this"});
  EXPECT_EQ(none.code, 0);
  EXPECT_EQ(none.out, "");
}

TEST(DueCli, LimitKeepsTheMostUrgentAndMustBeAtLeastOne) {
  TempDir tmp;
  copy_examples(tmp);
  EXPECT_EQ(due_rows(run_kith(tmp, {"--dir", "people", "due", "--limit", "2", "--json"})),
            (std::vector<std::string>{sample_due_today[0], sample_due_today[1]}));
  EXPECT_EQ(due_rows(run_kith(tmp, {"--dir", "people", "due", "--limit", "50", "--json"})), sample_due_today);
  RunResult table = run_kith(tmp, {"--dir", "people", "due", "--limit", "1"});
  EXPECT_EQ(lines_of(table.out).size(), 1u) << table.out;
  EXPECT_EQ(table.out.rfind("Camille Lefèvre", 0), 0u) << table.out;

  for (const char* bad : {"0", "-1", "two"}) {
    RunResult r = run_kith(tmp, {"--dir", "people", "due", "--limit", bad});
    EXPECT_EQ(r.code, 2) << bad << "\n" << r.describe();
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("--limit"), std::string::npos) << r.err;
  }
}

TEST(DueCli, NothingDuePrintsNothingAtAllSoCronMailsNothing) {
  TempDir tmp;
  tmp.write("net/kith.yaml", "followup: 2d\n");
  tmp.write("net/recent.yaml", "name: Recent\nlog:\n  - {date: 2026-11-20, kind: talk}\n");
  tmp.write("net/imported.yaml", "name: Imported From LinkedIn\ncircle: online\n");
  tmp.write("net/never.yaml", "name: Never\nevery: never\nlog:\n  - {date: 2020-01-01, kind: talk}\n");
  RunResult r = run_kith(tmp, {"--dir", "net", "due"});
  EXPECT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "");
  // Forcing colour does not make silence print anything either.
  EXPECT_EQ(run_kith(tmp, {"--dir", "net", "--color", "always", "due"}).out, "");

  // --json is one document even when empty: an empty array.
  RunResult json = run_kith(tmp, {"--dir", "net", "due", "--json"});
  EXPECT_EQ(json.code, 0) << json.describe();
  EXPECT_EQ(json.out, "[]\n");
}

TEST(DueCli, DirectoryWithNoPeopleIsSilent) {
  TempDir tmp;
  tmp.write("net/kith.yaml", "# nobody yet\n");
  RunResult r = run_kith(tmp, {"--dir", "net", "due"});
  EXPECT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "");
}

TEST(DueCli, MissingDirectoryFailsNamingItAndSuggestingInit) {
  TempDir tmp;
  RunResult r = run_kith(tmp, {"--dir", "nowhere", "due"});
  EXPECT_EQ(r.code, 1) << r.describe();
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("nowhere"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("kith init"), std::string::npos) << r.err;
}

TEST(DueCli, BrokenFileIsReportedWithItsPositionAndTheOthersStillShow) {
  TempDir tmp;
  copy_examples(tmp);
  tmp.write("people/broken.yaml", "name: Broken\nlog:\n  - date: 2026-02-30\n    kind: talk\n");
  tmp.write("people/online/typo.yaml", "name: Typo\nlog:\n  - {date: 2026-01-01, kind: giv}\n");
  RunResult r = run_kith(tmp, {"--dir", "people", "due", "--json"});
  EXPECT_EQ(r.code, 1) << r.describe();
  EXPECT_EQ(due_rows(r), sample_due_today);
  EXPECT_TRUE(std::regex_search(r.err, std::regex(R"(kith: people/broken\.yaml:3:\d+: .*2026-02-30)"))) << r.err;
  EXPECT_TRUE(std::regex_search(r.err, std::regex(R"(kith: people/online/typo\.yaml:3:\d+: .*giv)"))) << r.err;

  RunResult table = run_kith(tmp, {"--dir", "people", "due"});
  EXPECT_EQ(table.code, 1);
  EXPECT_EQ(lines_of(table.out).size(), 5u) << table.describe();
}

TEST(DueCli, BrokenFileWithNobodyElseDueWarnsOnStderrOnly) {
  TempDir tmp;
  tmp.write("net/recent.yaml", "name: Recent\nlog:\n  - {date: 2026-11-20, kind: talk}\n");
  tmp.write("net/broken.yaml", "name: [unclosed\n");
  RunResult r = run_kith(tmp, {"--dir", "net", "due"});
  EXPECT_EQ(r.code, 1) << r.describe();
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(std::regex_search(r.err, std::regex(R"(kith: net/broken\.yaml:\d+:\d+: )"))) << r.err;
}

TEST(DueCli, ColourOnlyWhenAskedForOrOnATerminal) {
  TempDir tmp;
  copy_examples(tmp);
  RunResult plain = run_kith(tmp, {"--dir", "people", "due"});  // stdout is a file here, not a TTY
  EXPECT_EQ(plain.out.find('\x1b'), std::string::npos);
  RunResult never = run_kith(tmp, {"--dir", "people", "--color", "never", "due"});
  EXPECT_EQ(never.out, plain.out);

  RunResult always = run_kith(tmp, {"--dir", "people", "--color", "always", "due"});
  ASSERT_EQ(always.code, 0) << always.describe();
  EXPECT_NE(always.out.find("\x1b[31m37d overdue\x1b[0m"), std::string::npos) << always.out;
  EXPECT_NE(always.out.find("\x1b[33mdue today\x1b[0m"), std::string::npos) << always.out;
  // Without its escape codes, the coloured table is the plain one: alignment holds.
  EXPECT_EQ(std::regex_replace(always.out, std::regex("\x1b\\[[0-9;]*m"), ""), plain.out);
}

TEST(DueSnoozeCli, SnoozeMovesSomeoneOutOfTodaysListToTheirNewDate) {
  TempDir tmp;
  copy_examples(tmp);
  RunResult s = run_kith(tmp, {"--dir", "people", "snooze", "cam", "2026-12-01"});
  ASSERT_EQ(s.code, 0) << s.describe();
  EXPECT_EQ(s.out, "camille-lefevre: next 2026-12-01 (was 2026-11-18)\n");

  std::vector<std::string> rest(sample_due_today.begin() + 1, sample_due_today.end());
  EXPECT_EQ(due_rows(run_kith(tmp, {"--dir", "people", "due", "--json"})), rest);
  std::vector<std::string> ahead =
      due_rows(run_kith(tmp, {"--dir", "people", "due", "--within", "10d", "--json"}));
  EXPECT_NE(std::find(ahead.begin(), ahead.end(), "camille-lefevre next 2026-12-01 -10"), ahead.end());
}

TEST(DueSnoozeCli, SnoozeWithARelativeWhenCountsFromTodayAndBeatsTheCadence) {
  TempDir tmp;
  copy_examples(tmp);
  RunResult s = run_kith(tmp, {"--dir", "people", "snooze", "Ingrid", "+1w"});
  ASSERT_EQ(s.code, 0) << s.describe();
  EXPECT_EQ(s.out, "ingrid-johansson: next 2026-11-28\n");
  EXPECT_NE(tmp.read("people/online/ingrid-johansson.yaml").find("\nnext: 2026-11-28\n"), std::string::npos);

  std::vector<std::string> week = due_rows(run_kith(tmp, {"--dir", "people", "due", "--within", "1w", "--json"}));
  EXPECT_NE(std::find(week.begin(), week.end(), "ingrid-johansson next 2026-11-28 -7"), week.end());
  std::vector<std::string> today = due_rows(run_kith(tmp, {"--dir", "people", "due", "--json"}));
  EXPECT_EQ(std::find(today.begin(), today.end(), sample_due_today[3]), today.end());
  EXPECT_EQ(today.size(), 4u);
}

const char* hand_written =
    "# Ana: met her at the Rust meetup.\n"
    "name: Ana Pereira   # as she writes it\n"
    "circle: community\n"
    "next: 2026-11-01  # ask about the job\n"
    "tags: [rust,  embedded]\n"
    "\n"
    "notes: |\n"
    "  Likes 'quoted' things: yes.\n"
    "log:\n"
    "    - date: 2026-10-01\n"
    "      kind: talk   # at the bar\n"
    "    # a comment between entries\n"
    "    - {date: 2026-10-05, kind: give, note: \"sent: the slides\"}\n"
    "email: ana@example.org\n";

TEST(DueSnoozeCli, SnoozeChangesOnlyTheValueOfTheNextLine) {
  TempDir tmp;
  tmp.write("net/ana-pereira.yaml", hand_written);
  RunResult s = run_kith(tmp, {"--dir", "net", "snooze", "ana", "2026-12-24"});
  ASSERT_EQ(s.code, 0) << s.describe();
  EXPECT_EQ(s.out, "ana-pereira: next 2026-12-24 (was 2026-11-01)\n");
  std::string expected = hand_written;
  expected.replace(expected.find("2026-11-01"), 10, "2026-12-24");
  EXPECT_EQ(tmp.read("net/ana-pereira.yaml"), expected);
}

TEST(DueSnoozeCli, SnoozeAddsAMissingNextLineAndTouchesNothingElse) {
  TempDir tmp;
  std::string without = hand_written;
  without.erase(without.find("next: "), std::string("next: 2026-11-01  # ask about the job\n").size());
  tmp.write("net/ana-pereira.yaml", without);
  RunResult s = run_kith(tmp, {"--dir", "net", "snooze", "ana-pereira", "tomorrow"});
  ASSERT_EQ(s.code, 0) << s.describe();
  EXPECT_EQ(s.out, "ana-pereira: next 2026-11-22\n");
  std::string after = tmp.read("net/ana-pereira.yaml");
  std::string expected = without;
  expected.insert(expected.find("log:\n"), "next: 2026-11-22\n");
  EXPECT_EQ(after, expected);
  EXPECT_EQ(due_rows(run_kith(tmp, {"--dir", "net", "due", "--within", "1d", "--json"})),
            std::vector<std::string>{"ana-pereira next 2026-11-22 -1"});
}

TEST(DueSnoozeCli, SnoozeRefusesBadArgumentsAndLeavesEveryFileAlone) {
  TempDir tmp;
  copy_examples(tmp);
  auto before = user_files(tmp);

  RunResult past = run_kith(tmp, {"--dir", "people", "snooze", "camille", "yesterday"});
  EXPECT_EQ(past.code, 1) << past.describe();
  EXPECT_NE(past.err.find("2026-11-20 is in the past"), std::string::npos) << past.err;

  RunResult bad_when = run_kith(tmp, {"--dir", "people", "snooze", "camille", "someday"});
  EXPECT_EQ(bad_when.code, 2) << bad_when.describe();
  EXPECT_NE(bad_when.err.find("'someday' is not a WHEN"), std::string::npos) << bad_when.err;

  RunResult unknown = run_kith(tmp, {"--dir", "people", "snooze", "zorro", "+1w"});
  EXPECT_EQ(unknown.code, 1) << unknown.describe();

  RunResult ambiguous = run_kith(tmp, {"--dir", "people", "snooze", "c", "+1w"});
  EXPECT_EQ(ambiguous.code, 1) << ambiguous.describe();

  RunResult missing = run_kith(tmp, {"--dir", "people", "snooze", "camille"});
  EXPECT_EQ(missing.code, 2) << missing.describe();

  for (const RunResult* r : {&past, &bad_when, &unknown, &ambiguous, &missing}) EXPECT_EQ(r->out, "");
  EXPECT_EQ(user_files(tmp), before);
}

TEST(DueSnoozeCli, SnoozeToTodayAfterTodaysContactWarnsThatItDoesNotCount) {
  TempDir tmp;
  tmp.write("net/sam.yaml", "name: Sam\nlog:\n  - {date: 2026-11-21, kind: talk}\n");
  RunResult r = run_kith(tmp, {"--dir", "net", "snooze", "sam", "today"});
  EXPECT_EQ(r.code, 0) << r.describe();
  EXPECT_EQ(r.out, "sam: next 2026-11-21\n");
  EXPECT_NE(r.err.find("does not count"), std::string::npos) << r.err;
  EXPECT_EQ(run_kith(tmp, {"--dir", "net", "due"}).out, "");
}

TEST(DueSnoozeCli, LogNextSetsTheFollowUpFromTheEntryDate) {
  TempDir tmp;
  copy_examples(tmp);
  RunResult log = run_kith(tmp, {"--dir", "people", "log", "thomas", "talk", "sent", "the", "k8s", "links",
                                 "--next", "+2w"});
  ASSERT_EQ(log.code, 0) << log.describe();
  std::vector<std::string> rest(sample_due_today.begin(), sample_due_today.end() - 1);
  EXPECT_EQ(due_rows(run_kith(tmp, {"--dir", "people", "due", "--json"})), rest);
  std::vector<std::string> ahead = due_rows(run_kith(tmp, {"--dir", "people", "due", "--within", "2w", "--json"}));
  EXPECT_NE(std::find(ahead.begin(), ahead.end(), "thomas-girard next 2026-12-05 -14"), ahead.end());

  // From a back-dated entry, +2w counts from that entry's date.
  RunResult back = run_kith(tmp, {"--dir", "people", "log", "nicolas", "talk", "-d", "2026-11-20", "--next", "+2w"});
  ASSERT_EQ(back.code, 0) << back.describe();
  ahead = due_rows(run_kith(tmp, {"--dir", "people", "due", "--within", "2w", "--json"}));
  EXPECT_NE(std::find(ahead.begin(), ahead.end(), "nicolas-moreau next 2026-12-04 -13"), ahead.end());
}

}  // namespace
}  // namespace kith::test
