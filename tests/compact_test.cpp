// SPDX-License-Identifier: MIT
#include "model/compact.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace kith {
namespace {

TEST(CompactText, CostsAPointerAndReadsAsTheStringItHolds) {
  EXPECT_EQ(sizeof(Text), sizeof(void*));
  Text t;
  EXPECT_TRUE(t.empty());
  EXPECT_EQ(t.str(), "");
  EXPECT_EQ(t.size(), 0u);
  EXPECT_STREQ(t.c_str(), "");
  t = std::string("ada@example.org");
  EXPECT_FALSE(t.empty());
  const std::string& s = t;
  std::string_view v = t;
  EXPECT_EQ(s, "ada@example.org");
  EXPECT_EQ(v, "ada@example.org");
  EXPECT_EQ(t, "ada@example.org");
  EXPECT_EQ(t, std::string("ada@example.org"));
  EXPECT_EQ(fmt::format("<{}>", t), "<ada@example.org>");
  EXPECT_EQ(fmt::format("<{:>4}>", Text("ab")), "<  ab>");
  t = "";
  EXPECT_TRUE(t.empty()) << "an empty string holds nothing";
}

TEST(CompactText, CopiesAreDeepAndMovesLeaveItEmpty) {
  Text a("Lyon");
  Text b = a;
  b = std::string("Paris");
  EXPECT_EQ(a, "Lyon");
  EXPECT_EQ(b, "Paris");
  a = b;
  EXPECT_EQ(a, b);
  a = a;  // NOLINT: self-assignment keeps it
  EXPECT_EQ(a, "Paris");
  Text c = std::move(a);
  EXPECT_EQ(c, "Paris");
  Text d = std::exchange(c, {});
  EXPECT_TRUE(c.empty());
  EXPECT_EQ(d, "Paris");
}

TEST(CompactLinks, AnEmptyOneAllocatesNothingAndReadsAsAnEmptyMap) {
  EXPECT_EQ(sizeof(Links), sizeof(void*));
  const Links none;
  EXPECT_TRUE(none.empty());
  EXPECT_EQ(none.size(), 0u);
  EXPECT_EQ(none.begin(), none.end());
  EXPECT_EQ(none.find("site"), none.end());
  EXPECT_EQ(none.count("site"), 0u);
  EXPECT_THROW((void)none.at("site"), std::out_of_range);
  EXPECT_EQ(none, Links::Map{});
}

TEST(CompactLinks, WritesCopiesAndComparisonsActAsAMap) {
  Links l{{"site", "https://ada.example"}};
  l["git"] = "https://git.example/ada";
  auto [it, added] = l.emplace("site", "ignored");
  EXPECT_FALSE(added);
  EXPECT_EQ(it->second, "https://ada.example");
  EXPECT_EQ(l.size(), 2u);
  EXPECT_EQ(l.at("git"), "https://git.example/ada");
  std::string keys;
  for (const auto& [k, v] : l) keys += k + ";";
  EXPECT_EQ(keys, "git;site;") << "in key order";
  Links copy = l;
  copy["site"] = "changed";
  EXPECT_EQ(l.at("site"), "https://ada.example");
  EXPECT_FALSE(copy == l);
  const Links::Map& m = l;
  EXPECT_EQ(m.size(), 2u);
  Links moved = std::exchange(l, {});
  EXPECT_TRUE(l.empty());
  EXPECT_EQ(moved.size(), 2u);
}

}  // namespace
}  // namespace kith
