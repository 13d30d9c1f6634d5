// SPDX-License-Identifier: MIT
// check_yaml_1_2 (libfyaml) in front of yaml-cpp: every class of text
// yaml-cpp 0.7 accepts but YAML 1.2 refuses is refused at its line and
// column; valid texts, including those yaml-cpp's users rarely write, pass
// and read as YAML 1.2 says. fy-tool, when installed, is the oracle.
#include "yaml/yaml_strict.h"

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>
#include <filesystem>
#include <fstream>

#include "yaml/yaml_util.h"

namespace kith {
namespace {

struct Invalid {
  const char* what;
  std::string text;
  int line, col;
  const char* message;  // a part of the message
};

// Each class of issue 11, in several small variants.
std::vector<Invalid> invalid_cases() {
  return {
      {"unclosed double quote", "name: \"Test Person\n", 1, 8, "without closing quote"},
      {"unclosed single quote", "name: 'Test Person\nnext: 2026-01-01\n", 1, 7, "not closed"},
      {"unclosed quote in a list", "tags: [\"a, b]\n", 1, 9, "without closing quote"},
      {"comment glued to a double-quoted value", "key: \"value\"# comment\n", 1, 13, "comment"},
      {"comment glued to a single-quoted value", "key: 'value'# comment\n", 1, 13, "comment"},
      {"comment glued to a flow list", "a: [ a, b, c, ]#invalid\n", 1, 16, "comment"},
      {"comment glued to a flow map", "a: {b: c}#x\n", 1, 10, "comment"},
      {"comment glued to a block scalar header", "block: ># comment\n  x\n", 1, 9, "comment"},
      {"comment glued to a literal header", "block: |# comment\n  x\n", 1, 9, "comment"},
      {"leading comma in a flow list", "a: [ , a, b ]\n", 1, 6, "comma"},
      {"double comma in a flow list", "a: [ a, b, , ]\n", 1, 12, "comma"},
      {"lone dash in a flow list", "a: [-]\n", 1, 5, "cannot start with '-'"},
      {"dashes in a nested flow list", "- [-, -]\n", 1, 4, "cannot start with '-'"},
      {"invalid escape \\'", "a: \"quoted \\' scalar\"\n", 1, 12, "invalid escape"},
      {"invalid escape \\q", "a: \"x\\qy\"\n", 1, 6, "invalid escape"},
      {"tab indenting a quoted continuation", "a: \"x\n\ty\"\n", 2, 1, "tab"},
      {"tab as indentation", "a:\n\tb: 1\n", 2, 1, "tab"},
      {"under-indented quoted continuation", "a:\n  b: \"x\n y\"\n", 2, 6, "indented"},
      {"under-indented plain continuation", "a:\n  b: x\n y\n", 3, 2, "after mapping"},
      {"text after a mapping, less indented", "foo:\n  bar\ninvalid\n", 3, 1, "after mapping"},
      {"anchor at a wrong indentation", "a:\n  - b\n &x c: d\n", 3, 2, "indentation"},
      {"tag at a wrong indentation", "a:\n  - b\n !!str c: d\n", 3, 2, "indentation"},
      {"%YAML after content", "a: 1\n%YAML 1.2\n---\nb: 2\n", 2, 7, "directive"},
      {"only a directive", "%YAML 1.2\n", 1, 1, "directive"},
      {"a directive after a comment", "# kith\n%YAML 1.2\n", 2, 1, "directive"},
      {"spaces-only line deeper than a block scalar", "block: |\n   \n  x\n", 2, 1, "block scalar"},
      {"missing ] at its bracket", "name: x\nlog: [a, b\nnext: 2\n", 2, 6, "never closed"},
      {"missing ] of a nested list", "name: x\nlog: [a, [b, c]\n", 2, 6, "never closed"},
      {"missing ] after a tag", "name: x\ntags: !!seq [a,\n  b\n", 2, 13, "never closed"},
      // YAML test suite 9C9N: a flow list's lines belong inside the key's value.
      {"] at the key's column", "log: [\n  a,\n]\n", 3, 1, "wrongly indented"},
      {"missing } at its brace", "name: x\nlinks: {a: b\n", 2, 8, "never closed"},
      {"missing ] before the next key", "name: x\nlog: [\n  a,\n  b\n\nnext: 2\n", 2, 6, "never closed"},
      {"missing ] before a less indented key", "name: x\nlog: [a,\nb]\n", 2, 6, "still open at line 3"},
  };
}

// Valid YAML 1.2 that kith must keep reading.
std::vector<std::string> valid_cases() {
  return {
      "name: Ada\n",
      "--- &a\nname: x\n",
      "--- !!map\nname: x\n",
      "%YAML 1.2\n---\nname: Ada\n...\n",
      "name: \"Ada \\\"Countess\\\" Lovelace\"\n",
      "name: 'It''s'\n",
      "key: \"value\" # comment\n",
      "a: [ a, b, c, ] # trailing comma is allowed\n",
      "a: [a, b,]\n",
      "a: \"x\n  y\"\n",
      "a: \"x\n  \ty\"\n",
      "a: x\n  y\n",
      "name: Ada\n  more\nnext: 2\n",
      "block: > # comment\n  x\n",
      "block: |\n  \n  x\n",
      "block: |2\n   x\n",
      "a: &x [1, 2]\nb: *x\n",
      "name: Ada\r\nnext: 2026-01-01\r\n",
      "\xEF\xBB\xBFname: Ada\n",
      "rock: rock 'n roll\n",
      "a: -1\nb: [-1, -x]\n",
      "# only a comment\n",
      "",
  };
}

TEST(YamlStrict, RefusesEachClassAtItsLineAndColumn) {
  for (const Invalid& c : invalid_cases()) {
    std::optional<Diagnostic> d = check_yaml_1_2(c.text, "p.yaml");
    ASSERT_TRUE(d) << c.what;
    EXPECT_EQ(d->path, "p.yaml") << c.what;
    EXPECT_EQ(d->line, c.line) << c.what << ": " << d->to_string();
    EXPECT_EQ(d->col, c.col) << c.what << ": " << d->to_string();
    EXPECT_EQ(d->message.rfind("invalid YAML: ", 0), 0u) << c.what << ": " << d->message;
    EXPECT_NE(d->message.find(c.message), std::string::npos) << c.what << ": " << d->message;
  }
}

TEST(YamlStrict, AcceptsValidYaml) {
  for (const std::string& text : valid_cases()) {
    std::optional<Diagnostic> d = check_yaml_1_2(text, "p.yaml");
    EXPECT_FALSE(d) << text << " -> " << (d ? d->to_string() : "");
  }
}

TEST(YamlStrict, ParseYamlRefusesWhatYamlCppWouldHaveMisread) {
  // yaml-cpp 0.7 alone read this as the name `"Test Person ` ...
  YAML::Node root;
  std::optional<Diagnostic> d = parse_yaml("name: \"Test Person\nnext: 2026-01-01\n", "p.yaml", root);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->to_string(),
            "p.yaml:1:7: invalid YAML: this `\"` is not closed on its line, and the next line is not indented to "
            "continue it");
  // ... and these as plain values.
  EXPECT_TRUE(parse_yaml("name: \"Ada\"# x\n", "p.yaml", root));
  EXPECT_TRUE(parse_yaml("tags: [ , a]\n", "p.yaml", root));
}

TEST(YamlStrict, ValidTextsStillReadTheirValues) {
  YAML::Node root;
  ASSERT_FALSE(parse_yaml("--- &a\nname: x\ntags: [a, b,]\n", "p.yaml", root));
  EXPECT_EQ(root["name"].as<std::string>(), "x");
  EXPECT_EQ(root["tags"].size(), 2u);
  ASSERT_FALSE(parse_yaml("name: \"x\n  y\"\n", "p.yaml", root));
  EXPECT_EQ(root["name"].as<std::string>(), "x y");
}

// Found by the fuzzer: libfyaml gives no position for a bad version, and a
// message must still name a place.
TEST(YamlStrict, AnErrorWithoutAPositionIsAtTheStart) {
  std::optional<Diagnostic> d = check_yaml_1_2("%YAML 11.2\n.2\n---na\nme: Ada\n...\n", "p.yaml");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->line, 1);
  EXPECT_EQ(d->col, 1);
}

// libfyaml's printed report echoes the source line; a text holding
// `: error: ` after a warning (an unknown `%T` directive) was taken for the
// report and gave no position. The fuzzer's input, exactly.
TEST(YamlStrict, ATextThatReadsLikeAnErrorReportIsNotTakenForOne) {
  std::optional<Diagnostic> d =
      check_yaml_1_2("%T: %T: error: 2024:\r\r\r\r\r\r~error: 2024:\r\r\r\r\r\r~", "p.yaml");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->to_string(), "p.yaml:7:13: invalid YAML: invalid nested block mapping on the same line");
}

TEST(YamlStrict, ColumnsCountCharactersNotBytes) {
  std::optional<Diagnostic> d = check_yaml_1_2("é: \"x\n", "p.yaml");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->line, 1);
  EXPECT_EQ(d->col, 5);
}

TEST(YamlStrict, PrintsNothingItself) {
  testing::internal::CaptureStderr();
  testing::internal::CaptureStdout();
  for (const Invalid& c : invalid_cases()) (void)check_yaml_1_2(c.text, "p.yaml");
  EXPECT_EQ(testing::internal::GetCapturedStdout(), "");
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
}

TEST(YamlStrict, ANestedFlowMegabyteIsCheckedQuickly) {
  std::string text = "log:\n";
  while (text.size() < (1u << 20) - 64) text += "  - [[[[a, b], [c, d]], [[e, f]]]]\n";
  auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(check_yaml_1_2(text, "p.yaml"));
  // About 0.1 s of CPU; generous for a loaded machine.
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 5.0);
}

// fy-tool (libfyaml-utils) as an independent judge of every case above:
// kith refuses exactly what it refuses.
bool fy_tool_accepts(const std::string& text) {
  namespace fs = std::filesystem;
  fs::path file = fs::temp_directory_path() / ("kith-oracle-" + std::to_string(getpid()) + ".yaml");
  std::ofstream(file, std::ios::binary) << text;
  std::string command = "fy-tool --testsuite '" + file.string() + "' >/dev/null 2>&1";
  int status = std::system(command.c_str());
  fs::remove(file);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

TEST(YamlStrictOracle, AgreesWithFyTool) {
  if (std::system("command -v fy-tool >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "fy-tool is not installed (apt-get install libfyaml-utils)";
  for (const Invalid& c : invalid_cases()) EXPECT_FALSE(fy_tool_accepts(c.text)) << c.what;
  for (const std::string& text : valid_cases()) EXPECT_TRUE(fy_tool_accepts(text)) << text;
}

}  // namespace
}  // namespace kith
