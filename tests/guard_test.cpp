// SPDX-License-Identifier: MIT
// guard_text: what yaml-cpp must never see (too large, binary, not UTF-8,
// nested too deeply) is stopped with a position, quickly, and ordinary
// files, however unusual, pass.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "yaml/load.h"

namespace kith {
namespace {

const std::string path = "people/ada.yaml";

std::optional<Diagnostic> guard(const std::string& text) { return guard_text(text, path); }

void expect_refused_at(const std::string& text, int line, int col, const std::string& words) {
  auto d = guard(text);
  ASSERT_TRUE(d.has_value()) << text.substr(0, 200);
  EXPECT_EQ(d->path, path);
  EXPECT_EQ(d->line, line) << d->to_string();
  EXPECT_EQ(d->col, col) << d->to_string();
  EXPECT_NE(d->message.find(words), std::string::npos) << d->to_string();
}

template <typename F>
double seconds_for(F f) {
  auto start = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

TEST(GuardText, PassesEveryExampleFile) {
  int seen = 0;
  for (auto& e : std::filesystem::recursive_directory_iterator(std::filesystem::path(KITH_SOURCE_DIR) / "examples")) {
    if (e.path().extension() != ".yaml") continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    EXPECT_FALSE(guard_text(text.str(), e.path().string()).has_value()) << e.path();
    ++seen;
  }
  EXPECT_GT(seen, 5);
}

TEST(GuardText, PassesUnusualButValidText) {
  EXPECT_FALSE(guard(""));
  EXPECT_FALSE(guard("\xEF\xBB\xBFname: Ada\n"));                       // byte order mark
  EXPECT_FALSE(guard("name: Ada\r\nlog:\r\n\t- x\r\n"));               // CRLF and a tab
  EXPECT_FALSE(guard("name: \"Zoë 😀 \\u00e9\"\nnotes: 東京\n"));      // 2-, 3- and 4-byte UTF-8
  EXPECT_FALSE(guard("a: &x [1, 2]\nb: *x\nc: !!binary aGk=\n"));       // anchors, aliases, tags
  EXPECT_FALSE(guard("name: Ada\n---\nname: Bob\n"));                  // the parser reports this one
}

TEST(GuardText, RefusesAFileOverOneMebibyteWithoutPosition) {
  std::string text = "name: Ada\nnotes: |\n";
  text += std::string((1 << 20) - text.size(), 'x');
  EXPECT_FALSE(guard(text)) << "exactly 1 MiB is allowed";
  text += "x";
  auto d = guard(text);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->line, 0);
  EXPECT_EQ(d->to_string(), path + ": file is too large (1048577 bytes; the limit is 1048576 bytes)");
}

TEST(GuardText, RefusesFiftyMegabytesAtOnce) {
  std::string text(50u << 20, 'a');
  double s = seconds_for([&] { EXPECT_TRUE(guard(text)); });
  EXPECT_LT(s, 0.5);
}

TEST(GuardText, RefusesANulByteAtItsPosition) {
  expect_refused_at(std::string("name: Ada\nnotes: a\0b\n", 21), 2, 9, "binary file (NUL byte)");
}

TEST(GuardText, CountsColumnsInCharactersNotBytes) {
  expect_refused_at(std::string("name: Zoë\0", 11), 1, 10, "NUL");
}

TEST(GuardText, RefusesControlCharacters) {
  expect_refused_at("name: Ada\x1b[31m\n", 1, 10, "control character 0x1b");
  expect_refused_at("a: b\x0c\n", 1, 5, "control character 0x0c");
}

TEST(GuardText, RefusesInvalidUtf8) {
  expect_refused_at("name: caf\xC3\n", 1, 10, "invalid UTF-8");        // truncated sequence
  expect_refused_at("name: caf\xC3", 1, 10, "invalid UTF-8");          // truncated at the end of the file
  expect_refused_at("x: \x80\n", 1, 4, "invalid UTF-8");               // lone continuation byte
  expect_refused_at("x: \xC0\x80\n", 1, 4, "invalid UTF-8");           // overlong NUL
  expect_refused_at("x: \xE0\x80\xAF\n", 1, 4, "invalid UTF-8");       // overlong '/'
  expect_refused_at("x: \xED\xA0\x80\n", 1, 4, "invalid UTF-8");       // UTF-16 surrogate
  expect_refused_at("x: \xF4\x90\x80\x80\n", 1, 4, "invalid UTF-8");   // above U+10FFFF
  expect_refused_at("x: \xFF\xFE\n", 1, 4, "invalid UTF-8");           // not UTF-8 at all
  expect_refused_at("\xFF\xFEn\0a\0", 1, 1, "invalid UTF-8");          // a UTF-16 file
}

TEST(GuardText, RefusesRandomBinaryGarbage) {
  std::string text;
  unsigned x = 12345;
  for (int i = 0; i < 4096; ++i) text += static_cast<char>((x = x * 1103515245 + 12345) >> 16);
  EXPECT_TRUE(guard(text));
}

TEST(GuardText, AllowsSixtyFourFlowLevelsAndRefusesSixtyFive) {
  EXPECT_FALSE(guard("x: " + std::string(64, '[') + std::string(64, ']') + "\n"));
  expect_refused_at("x: " + std::string(65, '['), 1, 68, "nested more than 64 levels deep");
  expect_refused_at("x: " + std::string(40, '{') + std::string(25, '['), 1, 68, "nested more than 64");
}

TEST(GuardText, RefusesAHundredThousandBracketsQuickly) {
  std::string text = "name: " + std::string(100000, '[');
  double s = seconds_for([&] { expect_refused_at(text, 1, 71, "nested more than 64 levels deep"); });
  EXPECT_LT(s, 0.5);
}

TEST(GuardText, DoesNotCountBracketsInQuotesOrComments) {
  std::string many(100, '[');
  EXPECT_FALSE(guard("a: \"" + many + "\"\n"));
  EXPECT_FALSE(guard("a: '" + many + "'\n"));
  EXPECT_FALSE(guard("a: 'it''s " + many + "'\n"));
  EXPECT_FALSE(guard("a: \"\\\" " + many + "\"\n"));
  EXPECT_FALSE(guard("a: b # " + many + "\n"));
  EXPECT_FALSE(guard("# " + many + "\n"));
  EXPECT_FALSE(guard("a: \"multi\n  line " + many + "\"\n"));
}

TEST(GuardText, ClosingBracketsFreeTheirLevels) {
  std::string line = "x: " + std::string(60, '[') + std::string(60, ']') + "\n";
  std::string text;
  for (int i = 0; i < 100; ++i) text += line;
  EXPECT_FALSE(guard(text));
}

TEST(GuardText, RefusesLongChainsOfBlockIndicatorsOnOneLine) {
  std::string ok, bad;
  for (int i = 0; i < 64; ++i) ok += "- ";
  EXPECT_FALSE(guard(ok + "x\n"));
  bad = ok + "- x\n";
  expect_refused_at(bad, 1, 129, "nested more than 64 levels deep");
  std::string keys;
  for (int i = 0; i < 65; ++i) keys += "? ";
  EXPECT_TRUE(guard(keys + "x\n"));
}

TEST(GuardText, RefusesDeepIndentation) {
  EXPECT_FALSE(guard("a:\n" + std::string(128, ' ') + "b: c\n"));
  expect_refused_at("a:\n" + std::string(129, ' ') + "b: c\n", 2, 130, "indented more than 128 columns");
  expect_refused_at("a:\n" + std::string(200, '\t') + "b\n", 2, 201, "indented more than 128 columns");
}

TEST(GuardText, AllowsLongLinesAndManyKeys) {
  std::string text = "name: Ada\nnotes: " + std::string(500000, 'w') + "\n";
  for (int i = 0; i < 20000; ++i) text += "k" + std::to_string(i) + ": v\n";
  double s = seconds_for([&] { EXPECT_FALSE(guard(text)); });
  EXPECT_LT(s, 0.5);
}

// yaml-cpp spends some 600 bytes on each node: 1 MB of nested flow lists,
// valid YAML, cost 250 MB and 4 s before this limit.
TEST(GuardText, RefusesAMegabyteOfNestedFlowListsQuickly) {
  std::string unit = std::string(10, '[') + "a" + std::string(10, ']');
  std::string text = "name: Ada\ntags: [";
  while (text.size() < 1000000) text += unit + ", ";
  text += "b]\n";
  std::optional<Diagnostic> d;
  double s = seconds_for([&] { d = guard(text); });
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->line, 2);
  EXPECT_NE(d->message.find("more than 250000 values, lists and maps in one file"), std::string::npos)
      << d->to_string();
  EXPECT_LT(s, 0.5);
}

TEST(GuardText, AllowsTheLargestRealisticFiles) {
  // 25,000 flow-map entries (the size limit allows about that many)...
  std::string log = "name: Ada\nlog:\n";
  for (int i = 0; i < 25000; ++i) log += "  - {date: 2026-01-01, kind: talk}\n";
  EXPECT_FALSE(guard(log));
  // ...and 60,000 kinds in kith.yaml.
  std::string kinds = "kinds:\n";
  for (int i = 0; i < 60000; ++i) kinds += "  k" + std::to_string(i) + ": {}\n";
  EXPECT_FALSE(guard(kinds));
}

TEST(GuardText, RefusesTooManyKeysOrItemsWhateverTheirShape) {
  std::string pairs;
  for (int i = 0; i < 130000; ++i) pairs += "a: b\n";
  expect_refused_at(pairs, 125001, 2, "more than 250000 values");
  std::string items = "x:\n";
  for (int i = 0; i < 260000; ++i) items += "- a\n";
  expect_refused_at(items, 250000, 1, "more than 250000 values");
}

}  // namespace
}  // namespace kith
