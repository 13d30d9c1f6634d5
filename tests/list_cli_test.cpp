// SPDX-License-Identifier: MIT
// `list` over a network large enough that its rows are made on several
// threads and sorted on another: every row as its JSON says, in order.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cli_util.h"
#include "interop/json_parse.h"
#include "model/person.h"

namespace kith {
namespace {

using test::run_kith;
using test::TempDir;
namespace fs = std::filesystem;

// 5,000 people: names of several scripts and cases (their order is
// fold()'s), many shared by several people (ties go by slug), every kind of
// last contact, due date and balance.
fs::path make_large_network(const TempDir& tmp) {
  const char* first[] = {"Ada", "ada", "Élodie", "elodie", "Zoë", "Björn", "李", "Ørjan", "Ünal", "Max"};
  const char* last[] = {"Martin", "MARTIN", "Dubois", "Ng", "Ångström", "O'Brien", "Smith-Jones"};
  const char* kinds[] = {"talk", "give", "ask", "got", "met"};
  for (int i = 0; i < 5000; ++i) {
    std::string text = "name: \"" + std::string(first[i % 10]) + " " + last[i / 10 % 7] +
                       (i % 3 ? " " + std::to_string(i % 40) : "") + "\"\n";
    if (i % 4 == 0) text += "circle: team\n";
    if (i % 6 == 0) text += "tags: [lyon, Rust]\n";
    if (i % 5 == 0) text += "every: 2w\n";
    if (i % 3 != 2) {
      text += "log:\n";
      for (int e = 0; e <= i % 4; ++e)
        text += "  - date: 2026-" + std::string(1 + (i + e) % 9 < 10 ? "0" : "") + std::to_string(1 + (i + e) % 9) +
                "-1" + std::to_string((i * 7 + e) % 10) + "\n    kind: " + kinds[(i + e) % 5] + "\n";
    }
    tmp.write("net/p" + std::to_string(i) + ".yaml", text);
  }
  return tmp / "net";
}

YAML::Node json_of(const TempDir& tmp, const std::vector<std::string>& args) {
  test::RunResult r = run_kith(tmp, args);
  EXPECT_EQ(r.code, 0) << r.describe();
  return parse_json(r.out, "stdout");
}

TEST(ListLarge, EveryRowIsItsJsonInFoldedNameOrderAndFiltersKeepThatOrder) {
  TempDir tmp;
  const std::string dir = make_large_network(tmp).string();
  const YAML::Node all = json_of(tmp, {"--dir", dir, "list", "--json"});
  ASSERT_EQ(all.size(), 5000u);
  for (std::size_t k = 1; k < all.size(); ++k) {
    const std::string a = fold(all[k - 1]["name"].as<std::string>()), b = fold(all[k]["name"].as<std::string>());
    ASSERT_TRUE(a < b || (a == b && all[k - 1]["slug"].as<std::string>() < all[k]["slug"].as<std::string>()))
        << k << ": " << a << " / " << b;
  }

  test::RunResult table = run_kith(tmp, {"--dir", dir, "list"});
  ASSERT_EQ(table.code, 0) << table.describe();
  const std::vector<std::string> lines = test::lines_of(table.out);
  ASSERT_EQ(lines.size(), 5001u);
  EXPECT_EQ(lines[0].rfind("NAME", 0), 0u);
  for (std::size_t k = 0; k < all.size(); ++k) {
    const YAML::Node row = all[k];
    const std::string& line = lines[k + 1];
    EXPECT_EQ(line.rfind(row["name"].as<std::string>() + "  ", 0), 0u) << line;
    const std::string last = row["last_contact"].IsNull()
                                 ? "never"
                                 : row["last_contact"].as<std::string>() + " " + row["last_kind"].as<std::string>();
    EXPECT_NE(line.find("  " + last + "  "), std::string::npos) << line;
    const std::string due = row["due"].IsNull() ? "-" : row["due"]["date"].as<std::string>();
    EXPECT_NE(line.find("  " + due + "  "), std::string::npos) << line;
    const int balance = row["balance"].as<int>();
    const std::string signed_balance = (balance > 0 ? "+" : "") + std::to_string(balance);
    EXPECT_EQ(line.substr(line.size() - signed_balance.size() - 1), " " + signed_balance) << line;
  }

  // A filter keeps the people it names, in the same order.
  const YAML::Node tagged = json_of(tmp, {"--dir", dir, "list", "--tag", "RUST", "--json"});
  std::vector<std::string> expected;
  for (const YAML::Node& row : all)
    for (const YAML::Node& tag : row["tags"])
      if (fold(tag.as<std::string>()) == "rust") expected.push_back(row["slug"].as<std::string>());
  ASSERT_EQ(tagged.size(), expected.size());
  ASSERT_GT(expected.size(), 800u);
  for (std::size_t k = 0; k < expected.size(); ++k) EXPECT_EQ(tagged[k]["slug"].as<std::string>(), expected[k]);

  // --sort last: never contacted first, then the oldest contact; ties by name.
  const YAML::Node by_last = json_of(tmp, {"--dir", dir, "list", "--sort", "last", "--json"});
  ASSERT_EQ(by_last.size(), 5000u);
  for (std::size_t k = 1; k < by_last.size(); ++k) {
    const YAML::Node a = by_last[k - 1]["last_contact"], b = by_last[k]["last_contact"];
    ASSERT_TRUE(a.IsNull() || (!b.IsNull() && a.as<std::string>() <= b.as<std::string>())) << k;
  }
}

}  // namespace
}  // namespace kith
