// SPDX-License-Identifier: MIT
// One UTF-8 check for the file guard and for what kith prints.
#include "model/utf8.h"

#include <gtest/gtest.h>

namespace kith {
namespace {

TEST(Utf8Length, ValidSequencesOfOneToFourBytes) {
  EXPECT_EQ(utf8_length("a", 0), 1u);
  EXPECT_EQ(utf8_length("\xc3\xa8", 0), 2u);          // è
  EXPECT_EQ(utf8_length("\xe6\x97\xa5", 0), 3u);      // 日
  EXPECT_EQ(utf8_length("\xf0\x9f\x98\x80", 0), 4u);  // 😀
  EXPECT_EQ(utf8_length("x\xc3\xa8", 1), 2u);
}

TEST(Utf8Length, ZeroForStrayTruncatedOverlongSurrogateAndTooLarge) {
  EXPECT_EQ(utf8_length("\x80", 0), 0u);              // a continuation byte alone
  EXPECT_EQ(utf8_length("\xc3", 0), 0u);              // cut short
  EXPECT_EQ(utf8_length("\xe6\x97x", 0), 0u);         // a non-continuation inside
  EXPECT_EQ(utf8_length("\xc0\xaf", 0), 0u);          // overlong '/'
  EXPECT_EQ(utf8_length("\xed\xa0\x80", 0), 0u);      // U+D800, a surrogate
  EXPECT_EQ(utf8_length("\xf4\x90\x80\x80", 0), 0u);  // past U+10FFFF
  EXPECT_EQ(utf8_length("\xff", 0), 0u);
}

}  // namespace
}  // namespace kith
