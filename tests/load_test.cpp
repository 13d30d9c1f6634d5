// SPDX-License-Identifier: MIT
#include "yaml/load.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kith {
namespace {

const std::string kPath = "people/ada-lovelace.yaml";

Date ymd(int y, unsigned m, unsigned d) { return Date{date::year{y}, date::month{m}, date::day{d}}; }

LoadResult load(std::string_view text, const Settings& settings = {}) { return load_person(text, kPath, settings); }

// Every problem as the user reads it: "path:line:col: message".
std::vector<std::string> problems(const LoadResult& r) {
  std::vector<std::string> out;
  for (const Diagnostic& d : r.problems) out.push_back(d.to_string());
  return out;
}

std::vector<std::string> unknown_keys(const LoadResult& r) {
  std::vector<std::string> out;
  for (const Diagnostic& d : r.unknown_keys) out.push_back(d.to_string());
  return out;
}

// The one problem of a file that must not load.
std::string only_problem(std::string_view text, const Settings& settings = {}) {
  LoadResult r = load(text, settings);
  // A named map still loads with what it could read (DESIGN.md section 5).
  EXPECT_EQ(r.problems.size(), 1u) << text;
  return r.problems.empty() ? "" : r.problems.front().to_string();
}

Settings with_coffee() {
  SettingsResult s = parse_settings("kinds:\n  coffee: {}\n", "kith.yaml");
  EXPECT_TRUE(s.problems.empty());
  return s.settings;
}

const char* kFullPerson = R"(name: Ada Lovelace            # required
aka: [Ada, Countess]
circle: team
every: 2w
next: 2026-12-01
tags: [math, Engines]
offers:
  - analysis
  - notes on engines
needs: [funding]
email: ada@example.org
phone: "+44 20 1234 5678"
company: Analytical Engines Ltd
role: Mathematician
location: London
birthday: 1815-12-10
links: {github: "https://github.com/ada", mastodon: "@ada@example.social"}
notes: |
  Wrote the first program.
  Likes poetry.
log:
  - date: 2026-03-14
    kind: met
    note: Royal Society
  - date: 2026-03-15
    kind: give
    note: sent the Bernoulli notes
  - date: 2026-01-02
    kind: intro
    with: charles-babbage
    note: engines
)";

TEST(LoadPerson, ReadsEveryKey) {
  LoadResult r = load(kFullPerson);
  ASSERT_TRUE(r.person) << ::testing::PrintToString(problems(r));
  EXPECT_TRUE(r.problems.empty());
  EXPECT_TRUE(r.unknown_keys.empty());
  const Person& p = *r.person;
  EXPECT_EQ(p.slug, "ada-lovelace");
  EXPECT_EQ(p.path, kPath);
  EXPECT_EQ(p.name, "Ada Lovelace");
  EXPECT_EQ(p.aka, (std::vector<std::string>{"Ada", "Countess"}));
  EXPECT_EQ(p.circle, "team");
  ASSERT_TRUE(p.every);
  EXPECT_EQ(*p.every, (Duration{2, Duration::Unit::weeks}));
  ASSERT_TRUE(p.next);
  EXPECT_EQ(*p.next, ymd(2026, 12, 1));
  EXPECT_EQ(p.tags, (std::vector<std::string>{"math", "Engines"}));
  EXPECT_EQ(p.offers, (std::vector<std::string>{"analysis", "notes on engines"}));
  EXPECT_EQ(p.needs, (std::vector<std::string>{"funding"}));
  EXPECT_EQ(p.email, "ada@example.org");
  EXPECT_EQ(p.phone, "+44 20 1234 5678");
  EXPECT_EQ(p.company, "Analytical Engines Ltd");
  EXPECT_EQ(p.role, "Mathematician");
  EXPECT_EQ(p.location, "London");
  ASSERT_TRUE(p.birthday);
  EXPECT_EQ(p.birthday->year, 1815);
  EXPECT_EQ(p.birthday->month, 12u);
  EXPECT_EQ(p.birthday->day, 10u);
  EXPECT_EQ(p.links.size(), 2u);
  EXPECT_EQ(p.links.at("github"), "https://github.com/ada");
  EXPECT_EQ(p.links.at("mastodon"), "@ada@example.social");
  EXPECT_EQ(p.notes, "Wrote the first program.\nLikes poetry.\n");
  ASSERT_EQ(p.log.size(), 3u);
  EXPECT_EQ(p.log[0].date, ymd(2026, 3, 14));
  EXPECT_EQ(p.log[0].kind, "met");
  EXPECT_EQ(p.log[0].note, "Royal Society");
  EXPECT_EQ(p.log[0].with, "");
  EXPECT_EQ(p.log[0].line, 22);
  EXPECT_EQ(p.log[1].kind, "give");
  EXPECT_EQ(p.log[1].line, 25);
  // File order is kept, even when it is not date order.
  EXPECT_EQ(p.log[2].date, ymd(2026, 1, 2));
  EXPECT_EQ(p.log[2].kind, "intro");
  EXPECT_EQ(p.log[2].with, "charles-babbage");
  EXPECT_EQ(p.log[2].note, "engines");
}

TEST(LoadPerson, NameAloneIsAWholePerson) {
  LoadResult r = load("name: Ada\n");
  ASSERT_TRUE(r.person);
  EXPECT_EQ(r.person->name, "Ada");
  EXPECT_EQ(r.person->circle, "community");  // the default circle
  EXPECT_FALSE(r.person->every);
  EXPECT_FALSE(r.person->next);
  EXPECT_FALSE(r.person->birthday);
  EXPECT_TRUE(r.person->log.empty());
  EXPECT_TRUE(r.person->tags.empty());
}

TEST(LoadPerson, MissingCircleTakesTheSettingsDefaultCircle) {
  Settings s;
  s.default_circle = "team";
  EXPECT_EQ(load("name: Ada\n", s).person->circle, "team");
  EXPECT_EQ(load("name: Ada\ncircle:\n", s).person->circle, "team");
}

TEST(LoadPerson, BlockAndFlowListsReadTheSame) {
  LoadResult flow = load("name: A\ntags: [devops, k8s, \"lyon, fr\"]\n");
  LoadResult block = load("name: A\ntags:\n  - devops\n  - k8s\n  - \"lyon, fr\"\n");
  LoadResult unindented = load("name: A\ntags:\n- devops\n- k8s\n- lyon, fr\n");
  std::vector<std::string> want{"devops", "k8s", "lyon, fr"};
  ASSERT_TRUE(flow.person);
  ASSERT_TRUE(block.person);
  ASSERT_TRUE(unindented.person);
  EXPECT_EQ(flow.person->tags, want);
  EXPECT_EQ(block.person->tags, want);
  EXPECT_EQ(unindented.person->tags, want);
}

TEST(LoadPerson, FlowLogEntriesAndFlowLogRead) {
  LoadResult r = load("name: A\nlog: [{date: 2026-01-01, kind: talk}, {date: 2026-01-02, kind: note, note: hi}]\n");
  ASSERT_TRUE(r.person) << ::testing::PrintToString(problems(r));
  ASSERT_EQ(r.person->log.size(), 2u);
  EXPECT_EQ(r.person->log[1].kind, "note");
  EXPECT_EQ(r.person->log[1].note, "hi");
}

TEST(LoadPerson, AScalarWhereAListIsExpectedIsOneItem) {
  LoadResult r = load("name: A\ntags: devops\naka: Charlie\n");
  ASSERT_TRUE(r.person);
  EXPECT_EQ(r.person->tags, std::vector<std::string>{"devops"});
  EXPECT_EQ(r.person->aka, std::vector<std::string>{"Charlie"});
}

TEST(LoadPerson, EmptyListsAndLogAreFine) {
  LoadResult r = load("name: A\ntags: []\nlog: []\nlinks: {}\nlog_unused: 1\n");
  ASSERT_TRUE(r.person);
  EXPECT_TRUE(r.person->tags.empty());
  EXPECT_TRUE(r.person->log.empty());
  LoadResult empty_log = load("name: A\nlog:\n");
  ASSERT_TRUE(empty_log.person);
  EXPECT_TRUE(empty_log.person->log.empty());
}

TEST(LoadPerson, EveryNeverAndBirthdayWithoutAYear) {
  LoadResult r = load("name: A\nevery: never\nbirthday: --02-29\n");
  ASSERT_TRUE(r.person);
  EXPECT_TRUE(r.person->every->is_never());
  EXPECT_FALSE(r.person->birthday->year);
  EXPECT_EQ(r.person->birthday->month, 2u);
  EXPECT_EQ(r.person->birthday->day, 29u);
}

TEST(LoadPerson, KindsFromSettingsAreKnown) {
  LoadResult r = load("name: A\nlog:\n  - date: 2026-01-01\n    kind: coffee\n", with_coffee());
  ASSERT_TRUE(r.person) << ::testing::PrintToString(problems(r));
  EXPECT_EQ(r.person->log[0].kind, "coffee");
}

TEST(LoadPerson, CrlfLineEndingsAndAByteOrderMarkRead) {
  LoadResult r = load("\xEF\xBB\xBFname: Ada\r\nlog:\r\n  - date: 2026-01-01\r\n    kind: talk\r\n    note: hi\r\n");
  ASSERT_TRUE(r.person) << ::testing::PrintToString(problems(r));
  EXPECT_EQ(r.person->name, "Ada");
  EXPECT_EQ(r.person->log[0].note, "hi");
}

TEST(LoadPerson, ALeadingDocumentMarkerIsOneDocument) {
  LoadResult r = load("---\nname: Ada\n...\n");
  ASSERT_TRUE(r.person) << ::testing::PrintToString(problems(r));
  EXPECT_EQ(r.person->name, "Ada");
}

TEST(LoadPerson, SlugIsTheFileStemWhateverTheFolder) {
  LoadResult r = load_person("name: A\n", "/data/net/former/li-wei.yaml", Settings{});
  ASSERT_TRUE(r.person);
  EXPECT_EQ(r.person->slug, "li-wei");
  EXPECT_EQ(r.person->path, "/data/net/former/li-wei.yaml");
}

// --- Problems, each with the exact position of what is wrong ---

TEST(LoadPersonProblems, UnknownKindListsTheKnownOnesIncludingTheSettingsKinds) {
  EXPECT_EQ(only_problem("name: Ada\nlog:\n  - date: 2026-03-14\n    kind: giv\n", with_coffee()),
            "people/ada-lovelace.yaml:4:11: unknown kind 'giv' (known: met, talk, give, ask, got, intro, note, "
            "coffee)");
  EXPECT_EQ(only_problem("name: Ada\nlog:\n  - date: 2026-03-14\n    kind: coffee\n"),
            "people/ada-lovelace.yaml:4:11: unknown kind 'coffee' (known: met, talk, give, ask, got, intro, "
            "note)");
}

TEST(LoadPersonProblems, KindsAreCaseSensitive) {
  EXPECT_EQ(only_problem("name: Ada\nlog:\n  - {date: 2026-03-14, kind: Give}\n"),
            "people/ada-lovelace.yaml:3:30: unknown kind 'Give' (known: met, talk, give, ask, got, intro, note)");
}

TEST(LoadPersonProblems, ImpossibleDateIsNamed) {
  EXPECT_EQ(only_problem("name: Ada\nlog:\n  - date: 2026-13-01\n    kind: talk\n"),
            "people/ada-lovelace.yaml:3:11: date '2026-13-01' is not a valid YYYY-MM-DD date");
  EXPECT_EQ(only_problem("name: Ada\nlog:\n  - date: 2025-02-29\n    kind: talk\n"),
            "people/ada-lovelace.yaml:3:11: date '2025-02-29' is not a valid YYYY-MM-DD date");
  EXPECT_EQ(only_problem("name: Ada\nlog:\n  - date: 14/03/2026\n    kind: talk\n"),
            "people/ada-lovelace.yaml:3:11: date '14/03/2026' is not a valid YYYY-MM-DD date");
}

TEST(LoadPersonProblems, BadNextIsADateProblem) {
  EXPECT_EQ(only_problem("name: Ada\nnext: soon\n"),
            "people/ada-lovelace.yaml:2:7: next 'soon' is not a valid YYYY-MM-DD date");
}

TEST(LoadPersonProblems, MissingNameIsReportedAtTheTopOfTheFile) {
  EXPECT_EQ(only_problem("aka: [Ada]\n"), "people/ada-lovelace.yaml:1:1: missing `name:` (the only required key)");
}

TEST(LoadPersonProblems, EmptyNameIsAProblemAtTheKey) {
  EXPECT_EQ(only_problem("name: \"  \"\n"), "people/ada-lovelace.yaml:1:7: name is empty");
  // An empty value: yaml-cpp places it on the next line, so the key is named.
  EXPECT_EQ(only_problem("aka: [x]\nname:\ntags: [a]\n"), "people/ada-lovelace.yaml:2:1: name is empty");
  EXPECT_EQ(only_problem("name: ~\n"), "people/ada-lovelace.yaml:1:1: name is empty");
}

TEST(LoadPersonProblems, NameMustBeText) {
  EXPECT_EQ(only_problem("name: [Ada, Lovelace]\n"), "people/ada-lovelace.yaml:1:7: name must be text, not a list");
  EXPECT_EQ(only_problem("name: {first: Ada}\n"), "people/ada-lovelace.yaml:1:7: name must be text, not a map");
}

TEST(LoadPersonProblems, IntroWithoutWithPointsAtTheEntry) {
  EXPECT_EQ(only_problem("name: Ada\nlog:\n  - date: 2026-03-14\n    kind: intro\n    note: x\n"),
            "people/ada-lovelace.yaml:3:5: an intro entry needs `with:` (the slug of the person introduced)");
  EXPECT_EQ(only_problem("name: Ada\nlog:\n  - date: 2026-03-14\n    kind: intro\n    with: \" \"\n"),
            "people/ada-lovelace.yaml:3:5: an intro entry needs `with:` (the slug of the person introduced)");
}

TEST(LoadPersonProblems, EntryWithoutDateOrKind) {
  EXPECT_EQ(only_problem("name: Ada\nlog:\n  - kind: talk\n"),
            "people/ada-lovelace.yaml:3:5: log entry without `date:`");
  EXPECT_EQ(only_problem("name: Ada\nlog:\n  - date: 2026-01-01\n"),
            "people/ada-lovelace.yaml:3:5: log entry without `kind:`");
}

TEST(LoadPersonProblems, EntryWithAnEmptyDateOrKindIsNotDroppedSilently) {
  EXPECT_EQ(only_problem("name: Ada\nlog:\n  - date:\n    kind: talk\n"),
            "people/ada-lovelace.yaml:3:5: log entry without `date:`");
  EXPECT_EQ(only_problem("name: Ada\nlog:\n  - date: 2026-01-01\n    kind:\n"),
            "people/ada-lovelace.yaml:4:5: log entry without `kind:`");
  EXPECT_EQ(only_problem("name: Ada\nlog:\n  - {date: 2026-01-01, kind: ~}\n"),
            "people/ada-lovelace.yaml:3:24: log entry without `kind:`");
}

TEST(LoadPersonProblems, EntryThatIsNotAMap) {
  EXPECT_EQ(only_problem("name: Ada\nlog:\n  - talked on monday\n"),
            "people/ada-lovelace.yaml:3:5: a log entry must be a map with `date:` and `kind:`");
}

TEST(LoadPersonProblems, DuplicateKeysAreNamed) {
  EXPECT_EQ(only_problem("name: Ada\nnext: 2026-12-01\nnext: 2026-12-02\n"),
            "people/ada-lovelace.yaml:3:1: key 'next' appears twice");
  EXPECT_EQ(only_problem("name: Ada\nlog:\n  - date: 2026-01-01\n    kind: talk\n    date: 2026-01-02\n"),
            "people/ada-lovelace.yaml:5:5: key 'date' appears twice");
}

// Past 32 keys the duplicates are found through a set, not by looking back.
TEST(LoadPersonProblems, DuplicateKeysAreNamedInALargeMap) {
  std::string text = "name: Ada\n";
  for (int i = 0; i < 40; ++i) text += "x" + std::to_string(i) + ": 1\n";
  text += "x7: 2\nname: Bea\n";
  LoadResult r = load(text);
  ASSERT_EQ(r.problems.size(), 2u);
  EXPECT_EQ(r.problems[0].to_string(), "people/ada-lovelace.yaml:42:1: key 'x7' appears twice");
  EXPECT_EQ(r.problems[1].to_string(), "people/ada-lovelace.yaml:43:1: key 'name' appears twice");
}

TEST(LoadPersonProblems, UnknownCircleNamesTheKnownCircles) {
  EXPECT_EQ(only_problem("name: Ada\ncircle: famly\n"),
            "people/ada-lovelace.yaml:2:9: unknown circle 'famly' (known: community, online, team)");
  Settings s;
  s.circles["family"] = Duration{7, Duration::Unit::days};
  EXPECT_TRUE(load("name: Ada\ncircle: family\n", s).person);
  EXPECT_EQ(only_problem("name: Ada\ncircle: famly\n", s),
            "people/ada-lovelace.yaml:2:9: unknown circle 'famly' (known: community, family, online, team)");
}

TEST(LoadPersonProblems, BadEvery) {
  EXPECT_EQ(only_problem("name: Ada\nevery: 30 days\n"),
            "people/ada-lovelace.yaml:2:8: every '30 days' is not a cadence like 30d, 2w, 3m, 1y or never");
  EXPECT_EQ(only_problem("name: Ada\nevery: 30D\n"),
            "people/ada-lovelace.yaml:2:8: every '30D' is not a cadence like 30d, 2w, 3m, 1y or never");
}

TEST(LoadPersonProblems, BadBirthday) {
  EXPECT_EQ(only_problem("name: Ada\nbirthday: 1990-02-30\n"),
            "people/ada-lovelace.yaml:2:11: birthday '1990-02-30' is not a date like 1990-05-12 or --05-12");
  EXPECT_EQ(only_problem("name: Ada\nbirthday: --13-01\n"),
            "people/ada-lovelace.yaml:2:11: birthday '--13-01' is not a date like 1990-05-12 or --05-12");
}

TEST(LoadPersonProblems, LinksNotAMap) {
  EXPECT_EQ(only_problem("name: Ada\nlinks: [https://example.org]\n"),
            "people/ada-lovelace.yaml:2:8: links must be a map like {linkedin: URL}");
  EXPECT_EQ(only_problem("name: Ada\nlinks: https://example.org\n"),
            "people/ada-lovelace.yaml:2:8: links must be a map like {linkedin: URL}");
}

TEST(LoadPersonProblems, LogNotAList) {
  EXPECT_EQ(only_problem("name: Ada\nlog: talked yesterday\n"),
            "people/ada-lovelace.yaml:2:6: log must be a list of entries (`- date: ...`)");
  EXPECT_EQ(only_problem("name: Ada\nlog:\n  date: 2026-01-01\n  kind: talk\n"),
            "people/ada-lovelace.yaml:3:3: log must be a list of entries (`- date: ...`)");
}

TEST(LoadPersonProblems, ListItemsMustBeText) {
  EXPECT_EQ(only_problem("name: Ada\ntags: [a, [b, c]]\n"),
            "people/ada-lovelace.yaml:2:11: each item of tags must be text");
  EXPECT_EQ(only_problem("name: Ada\noffers: {a: b}\n"),
            "people/ada-lovelace.yaml:2:9: offers must be a list like [a, b]");
}

// Every problem names a line, even in a file with none worth the name.
TEST(LoadPersonProblems, EmptyFile) {
  EXPECT_EQ(only_problem(""), "people/ada-lovelace.yaml:1:1: the file is empty; a person needs at least `name:`");
  EXPECT_EQ(only_problem("# just a comment\n\n"),
            "people/ada-lovelace.yaml:1:1: the file is empty; a person needs at least `name:`");
  EXPECT_EQ(only_problem("%YAML 1.2\n"),
            "people/ada-lovelace.yaml:1:1: invalid YAML: a `%` directive must be followed by `---` and a document");
}

TEST(LoadPersonProblems, RootThatIsNotAMap) {
  EXPECT_EQ(only_problem("- name: Ada\n"),
            "people/ada-lovelace.yaml:1:1: a person file must be a map of keys like `name: Ada Lovelace`");
  EXPECT_EQ(only_problem("Ada Lovelace\n"),
            "people/ada-lovelace.yaml:1:1: a person file must be a map of keys like `name: Ada Lovelace`");
}

TEST(LoadPersonProblems, MultipleDocuments) {
  EXPECT_EQ(only_problem("name: Ada\n---\nname: Charles\n"),
            "people/ada-lovelace.yaml:2:1: the file holds more than one YAML document (a second `---`)");
}

// The YAML 1.2 check (libfyaml) finds these before yaml-cpp does.
TEST(LoadPersonProblems, BrokenYamlHasThePositionOfTheSyntaxError) {
  EXPECT_EQ(only_problem("name: Ada\n  email: x\n"),
            "people/ada-lovelace.yaml:2:8: invalid YAML: a key inside the value that starts at line 1 (is line 2 "
            "indented too much?)");
  EXPECT_EQ(only_problem("name: Ada: Lovelace\n"),
            "people/ada-lovelace.yaml:1:10: invalid YAML: invalid nested block mapping on the same line");
  EXPECT_EQ(only_problem("name: Ada\nlog:\n  - date: 2026-01-01\n   kind: talk\n"),
            "people/ada-lovelace.yaml:4:4: invalid YAML: did not find expected '-' indicator");
  EXPECT_EQ(only_problem("name: Ada\ntags: [a, b]]\n"),
            "people/ada-lovelace.yaml:2:13: invalid YAML: flow sequence with invalid extra closing bracket");
  EXPECT_EQ(only_problem("name: Ada\n\temail: x\n"),
            "people/ada-lovelace.yaml:2:7: invalid YAML: a key inside the value that starts at line 1 (is line 2 "
            "indented too much?)");
}

TEST(LoadPersonProblems, EveryProblemOfAFileIsListedNotJustTheFirst) {
  LoadResult r = load(
      "circle: famly\n"
      "every: often\n"
      "log:\n"
      "  - date: 2026-02-30\n"
      "    kind: talk\n"
      "  - date: 2026-03-01\n"
      "    kind: giv\n");
  // Every problem is reported, in file order, whatever is kept.
  EXPECT_EQ(problems(r),
            (std::vector<std::string>{
                "people/ada-lovelace.yaml:1:9: unknown circle 'famly' (known: community, online, team)",
                "people/ada-lovelace.yaml:2:8: every 'often' is not a cadence like 30d, 2w, 3m, 1y or never",
                "people/ada-lovelace.yaml:4:11: date '2026-02-30' is not a valid YYYY-MM-DD date",
                "people/ada-lovelace.yaml:7:11: unknown kind 'giv' (known: met, talk, give, ask, got, "
                "intro, note)",
                "people/ada-lovelace.yaml:1:1: missing `name:` (the only required key)",
            }));
}

TEST(LoadPersonProblems, UnknownKeysAreNotProblemsButAreListedForStrict) {
  LoadResult r = load(
      "name: Ada\n"
      "favourite_color: blue\n"
      "log:\n"
      "  - date: 2026-01-01\n"
      "    kind: talk\n"
      "    mood: good\n");
  ASSERT_TRUE(r.person);
  EXPECT_TRUE(r.problems.empty());
  EXPECT_EQ(unknown_keys(r), (std::vector<std::string>{
                                 "people/ada-lovelace.yaml:2:1: unknown key 'favourite_color'",
                                 "people/ada-lovelace.yaml:6:5: unknown key 'mood' in a log entry",
                             }));
  ASSERT_EQ(r.person->log.size(), 1u);
}

// What an import writes is known to `check --strict`, and a bad date there
// is a problem like any other.
TEST(LoadPersonProblems, TheKeysImportsWriteAreKnownAndChecked) {
  LoadResult r = load("name: Ada\nconnected: 2018-01-08\nvcard_uid: 1F0A-2E7C\n");
  ASSERT_TRUE(r.person);
  EXPECT_TRUE(r.problems.empty());
  EXPECT_TRUE(r.unknown_keys.empty());
  r = load("name: Ada\nconnected: 8 Jan 2018\n");
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_NE(r.problems[0].to_string().find("people/ada-lovelace.yaml:2:12: "), std::string::npos)
      << r.problems[0].to_string();
}

// --- Hostile text is stopped before yaml-cpp sees it ---

TEST(GuardText, PlainYamlPasses) {
  EXPECT_FALSE(guard_text(kFullPerson, kPath));
  EXPECT_FALSE(guard_text("name: \"[[[[ not nesting ]]]]\" # [[[[\n", kPath));
  EXPECT_FALSE(guard_text("name: Zoë 李小龍 🙂\r\n\tnote: tab\n", kPath));
}

TEST(GuardText, NulByteIsABinaryFile) {
  LoadResult r = load(std::string("name: Ada\nnote: a\0b\n", 20));
  EXPECT_EQ(problems(r),
            std::vector<std::string>{"people/ada-lovelace.yaml:2:8: binary file (NUL byte), not YAML text"});
}

TEST(GuardText, InvalidUtf8) {
  EXPECT_EQ(only_problem("name: Ren\xE9\n"),
            "people/ada-lovelace.yaml:1:10: invalid UTF-8 (the file must be UTF-8 text)");
}

// A backslash in a double-quoted scalar made the guard skip the next byte
// unchecked, so invalid UTF-8 reached libfyaml, which loops forever on it
// in a directive (edit_fuzzer's timeout, exactly).
TEST(GuardText, InvalidUtf8AfterABackslashInQuotes) {
  EXPECT_EQ(only_problem("% ame: \"me\\\xaat\"\naka2: [ '\niT''s' \n"),
            "people/ada-lovelace.yaml:1:12: invalid UTF-8 (the file must be UTF-8 text)");
  EXPECT_EQ(only_problem("name: \"a\\\xe9\"\n"), "people/ada-lovelace.yaml:1:10: invalid UTF-8 (the file must be UTF-8 text)");
  EXPECT_EQ(only_problem("name: \"a\\\"b\"\nx: [\n"), "people/ada-lovelace.yaml:2:4: invalid YAML: this `[` is never closed (no matching `]`)");
}

TEST(GuardText, ControlCharacter) {
  EXPECT_EQ(only_problem("name: A\x1b[0m\n"), "people/ada-lovelace.yaml:1:8: control character 0x1b in the text");
}

TEST(GuardText, DeepFlowNesting) {
  std::string text = "name: Ada\nnotes: " + std::string(100000, '[') + std::string(100000, ']') + "\n";
  EXPECT_EQ(only_problem(text), "people/ada-lovelace.yaml:2:72: nested more than 64 levels deep");
}

TEST(GuardText, AnApostropheInsidePlainTextOpensNoQuote) {
  // Were `'n` a quote, it would close at the next `'` and the brackets
  // quoted after it would count as nesting.
  std::string brackets(100, '[');
  LoadResult r = load("name: Ada\nnotes: rock 'n roll\nrole: '" + brackets + "'\n");
  ASSERT_TRUE(r.person) << ::testing::PrintToString(problems(r));
  EXPECT_EQ(r.person->role, brackets);
  EXPECT_EQ(only_problem("name: Ada\nrole: rock 'n roll\nnotes: " + std::string(100000, '[') + "\n"),
            "people/ada-lovelace.yaml:3:72: nested more than 64 levels deep");
}

TEST(GuardText, DeepBlockNesting) {
  std::string text = "name: Ada\nnotes:\n";
  for (int i = 0; i < 200; ++i) text += std::string(2 * i, ' ') + "- \n";
  // Line 3 + 65 starts its `-` at column 131: more than 64 levels of 2 columns.
  EXPECT_EQ(only_problem(text), "people/ada-lovelace.yaml:68:131: indented more than 128 columns");
  std::string chain = "name: Ada\nnotes:\n" + [] {
    std::string s;
    for (int i = 0; i < 100; ++i) s += "- ";
    return s;
  }() + "x\n";
  EXPECT_EQ(only_problem(chain), "people/ada-lovelace.yaml:3:129: nested more than 64 levels deep");
}

TEST(GuardText, HugeFile) {
  std::string text = "name: Ada\nnotes: " + std::string(2 << 20, 'x') + "\n";
  EXPECT_EQ(
      only_problem(text),
      fmt::format("people/ada-lovelace.yaml: file is too large ({} bytes; the limit is 1048576 bytes)", text.size()));
}

}  // namespace
}  // namespace kith
