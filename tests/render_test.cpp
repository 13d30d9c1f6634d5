// SPDX-License-Identifier: MIT
// Table alignment counts what a terminal shows, not bytes.
#include "render.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

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
  t.add({"李小龍", "x"});
  t.add({"Charlène", "y"});
  EXPECT_EQ(t.render(), "李小龍    x\nCharlène  y\n");
}

TEST(Table, RowsOfDifferentLengthsRightAlignedColumnsAndAnIndent) {
  Table t;
  t.right_aligned = {false, true};
  t.add({"a", "1", "x"});
  t.add(std::vector<std::string>{"long name", "-12"});
  t.add({"é", "", ""});  // nothing after the padding: no trailing blanks
  EXPECT_EQ(t.render("  "), "  a            1  x\n  long name  -12\n  é\n");
  Table none;
  EXPECT_EQ(none.render(), "");
}

TEST(Table, RendersTheRowsAskedInTheirOrderAsWideAsTheRowsShown) {
  Table t;
  t.add({"NAME", "N"});
  t.add({"a very long name", "1"});
  t.add({"bo", "22"});
  t.add({"cy", "3"});
  EXPECT_EQ(t.render("", {0, 3, 2}), "NAME  N\ncy    3\nbo    22\n");
  EXPECT_EQ(t.render(), "NAME              N\na very long name  1\nbo                22\ncy                3\n");
}

// write() hands the text over in 64 KB pieces: a table of several pieces,
// right-aligned and painted cells and lines of many widths, comes out as
// render() makes it whole.
TEST(Table, WritesInPiecesWhatRenderMakesWhole) {
  Table t;
  t.right_aligned = {false, true};
  std::vector<std::size_t> order;
  const std::string stems[] = {"a", "é", "李"};
  for (std::size_t r = 0; r < 9000; ++r) {
    std::string name;
    for (std::size_t k = 0; k < r % 13; ++k) name += stems[r % 3];
    t.add({name + std::to_string(r), std::to_string(r * 7919 % 1000), r % 5 ? "x" : "\x1b[31my\x1b[0m"});
    order.push_back(r * 4099 % 9000);  // every row once, shuffled
  }
  const std::string whole = t.render("  ", order);
  ASSERT_GT(whole.size(), 4u * 65536);
  std::ostringstream written;
  t.write(written, "  ", order);
  EXPECT_EQ(written.str(), whole);
  std::ostringstream none;
  t.write(none, "", {});
  EXPECT_EQ(none.str(), "");
}

// A row given a cell at a time is the row add() makes; visible_cell shows
// control characters as visible() does, and keeps plain text (tabs too).
TEST(Table, ARowGivenCellByCellIsTheRowAddMakes) {
  const std::string cells[] = {"Zoë\x1b[2J", "team\tA", "\x9b", "plain"};
  Table by_cell, whole;
  by_cell.right_aligned = whole.right_aligned = {false, true};
  for (int r = 0; r < 3; ++r) {
    by_cell.begin_row();
    for (const std::string& c : cells) by_cell.visible_cell(c);
    by_cell.cell(std::to_string(r * 50));
    whole.add({visible(cells[0]), visible(cells[1]), visible(cells[2]), visible(cells[3]), std::to_string(r * 50)});
  }
  EXPECT_EQ(by_cell.render(), whole.render());
  EXPECT_NE(by_cell.render().find("Zoë\\e[2J"), std::string::npos);
  EXPECT_NE(by_cell.render().find("team\tA"), std::string::npos);
}

TEST(Visible, ShowsControlCharactersInsteadOfSendingThem) {
  EXPECT_EQ(visible("Ada \x1b[2J\x1b]0;title\a"), "Ada \\e[2J\\e]0;title\\a");
  EXPECT_EQ(visible("a\bb\fc\vd\re\nf\x01g\x7f"), "a\\bb\\fc\\vd\\re\\nf\\x01g\\x7f");
  EXPECT_EQ(visible("csi \xc2\x9b end \xc2\x80"), "csi \\u009b end \\u0080");
}

TEST(Visible, KeepsTabsTextAndOptionallyNewlines) {
  EXPECT_EQ(visible("Charl\xc3\xa8ne\tDupont \xe6\x97\xa5 \xc2\xa0nbsp"),
            "Charl\xc3\xa8ne\tDupont \xe6\x97\xa5 \xc2\xa0nbsp");
  EXPECT_EQ(visible("line one\nline two"), "line one\\nline two");
  EXPECT_EQ(visible("line one\nline two", true), "line one\nline two");
}

TEST(Visible, ShowsBytesThatAreNotUtf8AsHex) {
  EXPECT_EQ(visible("\xff\xfe.yaml"), "\\xff\\xfe.yaml");
  EXPECT_EQ(visible("cut \xc3"), "cut \\xc3");
  EXPECT_EQ(visible("overlong \xc0\xaf"), "overlong \\xc0\\xaf");
}

}  // namespace
}  // namespace kith
