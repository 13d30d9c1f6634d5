// SPDX-License-Identifier: MIT
#include "model/settings.h"

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

namespace kith {
namespace {

constexpr Duration days(int n) { return {n, Duration::Unit::days}; }

SettingsResult parse(std::string_view text) { return parse_settings(text, "net/kith.yaml"); }

// Every problem as the user reads it.
std::vector<std::string> problems(const SettingsResult& r) {
  std::vector<std::string> out;
  for (const Diagnostic& d : r.problems) out.push_back(d.to_string());
  return out;
}

std::string only_problem(std::string_view text) {
  SettingsResult r = parse(text);
  EXPECT_EQ(r.problems.size(), 1u) << text << ::testing::PrintToString(problems(r));
  return r.problems.empty() ? "" : r.problems.front().to_string();
}

void expect_defaults(const Settings& s) {
  EXPECT_EQ(s.circles.size(), 3u);
  EXPECT_EQ(s.circles.at("team"), days(14));
  EXPECT_EQ(s.circles.at("community"), days(30));
  EXPECT_EQ(s.circles.at("online"), days(90));
  EXPECT_EQ(s.default_circle, "community");
  EXPECT_EQ(s.followup, days(2));
  EXPECT_EQ(s.goal_low, 5);
  EXPECT_EQ(s.goal_high, 10);
  EXPECT_EQ(s.kind_names(), "met, talk, give, ask, got, intro, note");
  EXPECT_TRUE(s.git_auto);
}

TEST(Settings, NoFileOrAnEmptyFileMeansTheDefaults) {
  expect_defaults(Settings{});
  SettingsResult empty = parse("");
  EXPECT_TRUE(empty.problems.empty());
  expect_defaults(empty.settings);
  SettingsResult comments = parse("# nothing set yet\n\n");
  EXPECT_TRUE(comments.problems.empty());
  expect_defaults(comments.settings);
}

TEST(Settings, BuiltinKindsFollowTheDesignTable) {
  const std::vector<KindInfo>& k = builtin_kinds();
  ASSERT_EQ(k.size(), 7u);
  auto is = [](const KindInfo& info, const char* name, bool contact, int balance) {
    return info.name == name && info.contact == contact && info.balance == balance;
  };
  EXPECT_TRUE(is(k[0], "met", true, 0));
  EXPECT_TRUE(is(k[1], "talk", true, 0));
  EXPECT_TRUE(is(k[2], "give", true, 1));
  EXPECT_TRUE(is(k[3], "ask", true, -1));
  EXPECT_TRUE(is(k[4], "got", true, -1));
  EXPECT_TRUE(is(k[5], "intro", true, 1));
  EXPECT_TRUE(is(k[6], "note", false, 0));
}

// 60,000 kinds checked against a 20,000-entry file took 30 s when each
// lookup scanned the list (bench/run.sh measures it; no timing here).
TEST(Settings, FindKindFindsManyKindsAndFollowsChangesToKinds) {
  Settings s;
  for (int i = 0; i < 60000; ++i) s.kinds.push_back(KindInfo{"k" + std::to_string(i), true, 0});
  int found = 0;
  for (int i = 0; i < 200000; ++i) found += s.find_kind("k" + std::to_string(59999 - i % 60000)) != nullptr;
  EXPECT_EQ(found, 200000);
  EXPECT_EQ(s.find_kind("nope"), nullptr);
  s.kinds.push_back(KindInfo{"late", false, 0});  // added after lookups: still found
  ASSERT_NE(s.find_kind("late"), nullptr);
  EXPECT_FALSE(s.find_kind("late")->contact);
  Settings copy = s;  // a copy finds its own kinds, not the original's
  EXPECT_EQ(copy.find_kind("late"), &copy.kinds.back());
}

// Files are parsed on several threads that all look kinds up; the first
// lookups of a fresh Settings used to rebuild its index at the same time
// (a use-after-free under AddressSanitizer, in `kith check` on 56 files).
TEST(Settings, FindKindFromManyThreadsAtOnce) {
  for (int round = 0; round < 300; ++round) {
    Settings s;
    s.kinds.push_back(KindInfo{"coffee", true, 0});
    if (round % 2 == 1)  // past the few kinds that are scanned: the shared index
      for (int i = 0; i < 20; ++i) s.kinds.push_back(KindInfo{"k" + std::to_string(i), true, 0});
    std::atomic<bool> go{false};
    std::atomic<int> found{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
      threads.emplace_back([&] {
        while (!go) std::this_thread::yield();
        for (int i = 0; i < 50; ++i) found += s.find_kind(i % 2 ? "coffee" : "talk") != nullptr;
      });
    go = true;
    for (std::thread& t : threads) t.join();
    ASSERT_EQ(found, 200);
  }
}

TEST(Settings, AKindDeclaredTwiceIsTheFirstFewOrMany) {
  for (int extra : {0, 30}) {
    Settings s;
    s.kinds.push_back(KindInfo{"coffee", true, 2});
    for (int i = 0; i < extra; ++i) s.kinds.push_back(KindInfo{"k" + std::to_string(i), true, 0});
    s.kinds.push_back(KindInfo{"coffee", false, -1});
    ASSERT_NE(s.find_kind("coffee"), nullptr) << extra;
    EXPECT_EQ(s.find_kind("coffee")->balance, 2) << extra;
    EXPECT_EQ(s.find_kind("give")->balance, 1) << extra;
    EXPECT_EQ(s.find_kind("coffe"), nullptr) << extra;
  }
}

TEST(Settings, KindNamesListTenThenACount) {
  Settings s;
  EXPECT_EQ(s.kind_names(), "met, talk, give, ask, got, intro, note");
  for (int i = 0; i < 5; ++i) s.kinds.push_back(KindInfo{"k" + std::to_string(i), true, 0});
  EXPECT_EQ(s.kind_names(), "met, talk, give, ask, got, intro, note, k0, k1, k2 and 2 more");
}

TEST(Settings, ReadsEveryKey) {
  SettingsResult r = parse(R"(circles:
  team: 7d
  family: 2w
  online: never
default_circle: family
followup: 3d
goals:
  new_contacts_per_year: [2, 4]
kinds:
  mentoring: {balance: 1}
  borrowed: {balance: -1}
  coffee: {}
  private: {contact: false}
  lunch:
git: off
)");
  EXPECT_TRUE(r.problems.empty()) << ::testing::PrintToString(problems(r));
  const Settings& s = r.settings;
  EXPECT_EQ(s.circles.at("team"), days(7));
  EXPECT_EQ(s.circles.at("family"), (Duration{2, Duration::Unit::weeks}));
  EXPECT_TRUE(s.circles.at("online").is_never());
  EXPECT_EQ(s.circles.at("community"), days(30));  // kept: kith.yaml overrides or adds
  EXPECT_EQ(s.circle_names(), "community, family, online, team");
  EXPECT_EQ(s.default_circle, "family");
  EXPECT_EQ(s.followup, days(3));
  EXPECT_EQ(s.goal_low, 2);
  EXPECT_EQ(s.goal_high, 4);
  EXPECT_FALSE(s.git_auto);
  EXPECT_EQ(s.kind_names(), "met, talk, give, ask, got, intro, note, mentoring, borrowed, coffee and 2 more");
  ASSERT_TRUE(s.find_kind("mentoring"));
  EXPECT_EQ(s.find_kind("mentoring")->balance, 1);
  EXPECT_TRUE(s.find_kind("mentoring")->contact);
  EXPECT_EQ(s.find_kind("borrowed")->balance, -1);
  EXPECT_EQ(s.find_kind("coffee")->balance, 0);
  EXPECT_TRUE(s.find_kind("coffee")->contact);
  EXPECT_FALSE(s.find_kind("private")->contact);
  EXPECT_TRUE(s.find_kind("lunch")->contact);
  EXPECT_EQ(s.find_kind("give")->balance, 1);
  EXPECT_EQ(s.find_kind("Give"), nullptr);
  EXPECT_EQ(s.find_kind("nope"), nullptr);
}

TEST(Settings, ContactAndGitAcceptYamlBooleansSpelledOut) {
  SettingsResult r = parse("kinds:\n  a: {contact: no}\n  b: {contact: yes}\n  c: {contact: true}\ngit: auto\n");
  EXPECT_TRUE(r.problems.empty()) << ::testing::PrintToString(problems(r));
  EXPECT_FALSE(r.settings.find_kind("a")->contact);
  EXPECT_TRUE(r.settings.find_kind("b")->contact);
  EXPECT_TRUE(r.settings.find_kind("c")->contact);
  EXPECT_TRUE(r.settings.git_auto);
  EXPECT_FALSE(parse("git: false\n").settings.git_auto);
}

TEST(Settings, AGoalMayBeOneNumber) {
  SettingsResult r = parse("goals:\n  new_contacts_per_year: 12\n");
  EXPECT_TRUE(r.problems.empty());
  EXPECT_EQ(r.settings.goal_low, 12);
  EXPECT_EQ(r.settings.goal_high, 12);
}

TEST(Settings, DefaultCircleMayComeBeforeTheCircles) {
  SettingsResult r = parse("default_circle: family\ncircles:\n  family: 7d\n");
  EXPECT_TRUE(r.problems.empty()) << ::testing::PrintToString(problems(r));
  EXPECT_EQ(r.settings.default_circle, "family");
}

TEST(Settings, TheCommentedFileOfInitReadsCleanly) {
  SettingsResult r = parse(default_settings_text());
  EXPECT_TRUE(r.problems.empty()) << ::testing::PrintToString(problems(r));
  EXPECT_EQ(r.settings.circle_names(), "community, online, team");
  EXPECT_EQ(r.settings.kind_names(), "met, talk, give, ask, got, intro, note, mentoring, coffee");
  EXPECT_EQ(r.settings.followup, days(2));
  EXPECT_TRUE(r.settings.git_auto);
  EXPECT_NE(default_settings_text().find("# "), std::string::npos);  // it explains itself
}

TEST(Settings, SectionsLeftEmptyByCommentingOutTheirLinesAreFine) {
  SettingsResult r = parse("circles:\n  # family: 7d\nkinds:\n  # coffee: {}\ngoals:\n");
  EXPECT_TRUE(r.problems.empty()) << ::testing::PrintToString(problems(r));
  expect_defaults(r.settings);
}

// --- Problems, each with its position; the rest of the file still applies ---

TEST(SettingsProblems, BadCadenceOfACircle) {
  EXPECT_EQ(only_problem("circles:\n  team: 2 weeks\n"),
            "net/kith.yaml:2:9: cadence '2 weeks' is not a duration like 14d, 2w, 3m or 1y");
  EXPECT_EQ(only_problem("circles:\n  team: -3d\n"),
            "net/kith.yaml:2:9: cadence '-3d' is not a duration like 14d, 2w, 3m or 1y");
}

TEST(SettingsProblems, EmptyCadenceIsNamedAtItsKey) {
  EXPECT_EQ(only_problem("circles:\n  team:\nfollowup: 2d\n"),
            "net/kith.yaml:2:3: cadence is empty; give a duration like 14d, 2w, 3m or 1y");
  EXPECT_EQ(only_problem("followup:\ngit: off\n"),
            "net/kith.yaml:1:1: followup is empty; give a duration like 14d, 2w, 3m or 1y");
}

TEST(SettingsProblems, BadFollowup) {
  EXPECT_EQ(only_problem("followup: 48h\n"),
            "net/kith.yaml:1:11: followup '48h' is not a duration like 14d, 2w, 3m or 1y");
  // A follow-up window of `never` is no window.
  EXPECT_EQ(only_problem("followup: never\n"),
            "net/kith.yaml:1:11: followup 'never' is not a duration like 14d, 2w, 3m or 1y");
  EXPECT_EQ(parse("followup: never\n").settings.followup, days(2));  // the default stays
}

TEST(SettingsProblems, OtherSettingsStillApplyNextToABadOne) {
  SettingsResult r = parse("circles:\n  team: soon\n  family: 7d\nfollowup: 5d\n");
  EXPECT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.settings.circles.at("team"), days(14));
  EXPECT_EQ(r.settings.circles.at("family"), days(7));
  EXPECT_EQ(r.settings.followup, days(5));
}

TEST(SettingsProblems, UnknownDefaultCircleNamesTheCircles) {
  SettingsResult r = parse("default_circle: famly\n");
  EXPECT_EQ(problems(r),
            std::vector<std::string>{
                "net/kith.yaml:1:17: default_circle 'famly' is not a circle (known: community, online, team)"});
  EXPECT_EQ(r.settings.default_circle, "community");
}

TEST(SettingsProblems, UnknownSettingListsTheKnownOnes) {
  EXPECT_EQ(
      only_problem("followup: 2d\ncolour: red\n"),
      "net/kith.yaml:2:1: unknown setting 'colour' (known: circles, default_circle, followup, goals, kinds, git)");
}

TEST(SettingsProblems, ARepeatedSettingIsNamedAndTheFirstStays) {
  SettingsResult r = parse("followup: 3d\ngit: off\nfollowup: 5d\n");
  EXPECT_EQ(problems(r), std::vector<std::string>{"net/kith.yaml:3:1: key 'followup' appears twice"});
  EXPECT_EQ(r.settings.followup, days(3));
}

TEST(SettingsProblems, CirclesMustBeAMap) {
  EXPECT_EQ(only_problem("circles: [team, online]\n"),
            "net/kith.yaml:1:10: circles must be a map of circle: cadence, e.g. team: 14d");
}

TEST(SettingsProblems, KindsCannotRedefineABuiltinOrRepeat) {
  EXPECT_EQ(only_problem("kinds:\n  met: {balance: 1}\n"), "net/kith.yaml:2:3: kind 'met' is already known");
  SettingsResult r = parse("kinds:\n  give: {}\n");
  EXPECT_EQ(r.settings.find_kind("give")->balance, 1);  // the built-in stays
}

TEST(SettingsProblems, KindBalanceIsMinusOneZeroOrOne) {
  EXPECT_EQ(only_problem("kinds:\n  mentoring: {balance: 2}\n"), "net/kith.yaml:2:24: balance must be -1, 0 or 1");
  EXPECT_EQ(only_problem("kinds:\n  x: {balance: lots}\n"), "net/kith.yaml:2:16: balance 'lots' is not a whole number");
  EXPECT_EQ(only_problem("kinds:\n  x: {balance: 0.5}\n"), "net/kith.yaml:2:16: balance '0.5' is not a whole number");
}

TEST(SettingsProblems, KindContactIsTrueOrFalse) {
  EXPECT_EQ(only_problem("kinds:\n  x: {contact: maybe}\n"), "net/kith.yaml:2:16: contact must be true or false");
}

TEST(SettingsProblems, KindWithAnUnknownKeyOrNotAMap) {
  EXPECT_EQ(only_problem("kinds:\n  x: {weight: 1}\n"),
            "net/kith.yaml:2:7: unknown key 'weight' for a kind (known: balance, contact)");
  EXPECT_EQ(only_problem("kinds:\n  x: 1\n"), "net/kith.yaml:2:6: a kind is a map like {balance: 1} or {}");
  EXPECT_EQ(only_problem("kinds: [coffee]\n"), "net/kith.yaml:1:8: kinds must be a map, e.g. mentoring: {balance: 1}");
}

TEST(SettingsProblems, Goals) {
  EXPECT_EQ(only_problem("goals:\n  new_contacts_per_year: [10, 5]\n"),
            "net/kith.yaml:2:26: the goal is [low, high] with 0 <= low <= high");
  EXPECT_EQ(only_problem("goals:\n  new_contacts_per_year: [-1, 5]\n"),
            "net/kith.yaml:2:26: the goal is [low, high] with 0 <= low <= high");
  EXPECT_EQ(only_problem("goals:\n  new_contacts_per_year: many\n"),
            "net/kith.yaml:2:26: goal 'many' is not a whole number");
  EXPECT_EQ(only_problem("goals:\n  new_contacts_per_year: -3\n"), "net/kith.yaml:2:26: the goal cannot be negative");
  EXPECT_EQ(only_problem("goals:\n  new_contacts_per_year: {low: 1}\n"),
            "net/kith.yaml:2:26: new_contacts_per_year is a number or [low, high], e.g. [5, 10]");
  EXPECT_EQ(only_problem("goals:\n  friends: 3\n"),
            "net/kith.yaml:2:3: unknown goal 'friends' (known: new_contacts_per_year)");
  EXPECT_EQ(only_problem("goals: 5\n"), "net/kith.yaml:1:8: goals must be a map, e.g. new_contacts_per_year: [5, 10]");
  SettingsResult r = parse("goals:\n  new_contacts_per_year: [10, 5]\n");
  EXPECT_EQ(r.settings.goal_low, 5);  // the defaults stay
  EXPECT_EQ(r.settings.goal_high, 10);
}

TEST(SettingsProblems, GitIsAutoOrOff) {
  SettingsResult r = parse("git: sometimes\n");
  EXPECT_EQ(problems(r), std::vector<std::string>{"net/kith.yaml:1:6: git 'sometimes' must be auto or off"});
  EXPECT_TRUE(r.settings.git_auto);
}

TEST(SettingsProblems, RootMustBeAMap) {
  EXPECT_EQ(only_problem("- team: 14d\n"), "net/kith.yaml:1:1: kith.yaml must be a map of settings");
}

TEST(SettingsProblems, BrokenYamlLeavesTheDefaults) {
  SettingsResult r = parse("circles:\n  team: 7d\n bad: x\n");
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].path, "net/kith.yaml");
  EXPECT_EQ(r.problems[0].line, 3);
  EXPECT_EQ(r.problems[0].message.rfind("invalid YAML: ", 0), 0u) << r.problems[0].message;
  expect_defaults(r.settings);
}

TEST(SettingsProblems, HostileTextIsStoppedByTheGuard) {
  SettingsResult r = parse(std::string("followup: 2d\0", 13));
  EXPECT_EQ(problems(r), std::vector<std::string>{"net/kith.yaml:1:13: binary file (NUL byte), not YAML text"});
}

TEST(SettingsProblems, EveryProblemIsListed) {
  SettingsResult r = parse("followup: x\ngit: y\ncolour: z\n");
  EXPECT_EQ(problems(r), (std::vector<std::string>{
                             "net/kith.yaml:1:11: followup 'x' is not a duration like 14d, 2w, 3m or 1y",
                             "net/kith.yaml:2:6: git 'y' must be auto or off",
                             "net/kith.yaml:3:1: unknown setting 'colour' (known: circles, default_circle, followup, "
                             "goals, kinds, git)",
                         }));
}

}  // namespace
}  // namespace kith
