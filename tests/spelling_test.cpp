// SPDX-License-Identifier: MIT
#include "rules/spelling.h"

#include <gtest/gtest.h>

namespace kith {
namespace {

const std::vector<std::string> kCommands{"init", "add", "log", "due", "intro", "report", "show", "list",
                                         "snooze", "check", "edit", "git", "completion"};

TEST(Spelling, TypoDistanceCountsSwapsAsOne) {
  EXPECT_EQ(typo_distance("lsit", "list"), 1u);
  EXPECT_EQ(typo_distance("giv", "give"), 1u);
  EXPECT_EQ(typo_distance("GIVE", "give"), 0u);
  EXPECT_EQ(typo_distance("", "abc"), 3u);
}

TEST(Spelling, SuggestsTheClosestKnownWord) {
  EXPECT_EQ(closest_spelling("lsit", kCommands), "list");
  EXPECT_EQ(closest_spelling("ls", kCommands), "list");  // an abbreviation
  EXPECT_EQ(closest_spelling("reprot", kCommands), "report");
  EXPECT_EQ(closest_spelling("snoze", kCommands), "snooze");
  EXPECT_EQ(closest_spelling("giv", {"met", "talk", "give", "ask", "got"}), "give");
  EXPECT_EQ(closest_spelling("teams", {"community", "online", "team"}), "team");
}

TEST(Spelling, SuggestsNothingFarAway) {
  EXPECT_FALSE(closest_spelling("frobnicate", kCommands));
  EXPECT_FALSE(closest_spelling("x", kCommands));
  EXPECT_FALSE(closest_spelling("", kCommands));
  EXPECT_FALSE(closest_spelling("zz", kCommands));
}

}  // namespace
}  // namespace kith
