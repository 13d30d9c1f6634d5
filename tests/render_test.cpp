// SPDX-License-Identifier: MIT
// Table alignment counts what a terminal shows, not bytes.
#include "render.h"

#include <gtest/gtest.h>

namespace kith {
namespace {

TEST(DisplayWidth, CountsAccentsOnceWideCharactersTwiceAndColourNotAtAll) {
  EXPECT_EQ(display_width("abc"), 3u);
  EXPECT_EQ(display_width("Charlène"), 8u);
  EXPECT_EQ(display_width("李小龍"), 6u);
  EXPECT_EQ(display_width("Пётр"), 4u);
  EXPECT_EQ(display_width("\x1b[1mbold\x1b[0m"), 4u);
}

TEST(Table, AlignsColumnsWithWideNames) {
  Table t;
  t.rows = {{"李小龍", "x"}, {"Charlène", "y"}};
  EXPECT_EQ(t.render(), "李小龍    x\nCharlène  y\n");
}

}  // namespace
}  // namespace kith
