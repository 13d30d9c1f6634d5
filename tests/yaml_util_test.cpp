// SPDX-License-Identifier: MIT
// parse_yaml and ReadBudget: yaml-cpp's failure modes become positioned
// diagnostics in bounded time.
#include "yaml/yaml_util.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace kith {
namespace {

const std::string path = "p.yaml";

std::optional<Diagnostic> parse(const std::string& text) {
  YAML::Node root;
  return parse_yaml(text, path, root);
}

TEST(ParseYaml, ReadsOneDocument) {
  YAML::Node root;
  EXPECT_FALSE(parse_yaml("name: Ada\nlog: []\n", path, root));
  EXPECT_EQ(root["name"].as<std::string>(), "Ada");
}

TEST(ParseYaml, ReadsAnExplicitDocumentWithDirectiveAndEnd) {
  YAML::Node root;
  EXPECT_FALSE(parse_yaml("%YAML 1.2\n---\nname: Ada\n...\n", path, root));
  EXPECT_EQ(root["name"].as<std::string>(), "Ada");
}

TEST(ParseYaml, AnEmptyOrCommentOnlyTextIsNull) {
  YAML::Node root;
  EXPECT_FALSE(parse_yaml("", path, root));
  EXPECT_TRUE(root.IsNull());
  EXPECT_FALSE(parse_yaml("# nothing yet\n", path, root));
  EXPECT_TRUE(root.IsNull());
}

TEST(ParseYaml, ASecondDocumentIsAProblemAtItsDashes) {
  auto d = parse("name: Ada\n---\nname: Bob\n");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->to_string(), "p.yaml:2:1: the file holds more than one YAML document (a second `---`)");
}

TEST(ParseYaml, ASyntaxErrorHasItsPosition) {
  auto d = parse("name: Ada\nlog: [\n");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->path, path);
  EXPECT_GT(d->line, 0);
  EXPECT_EQ(d->message.rfind("invalid YAML: ", 0), 0u) << d->message;
}

// yaml-cpp 0.7's LoadAll never returns on these (an endless run of empty
// documents, growing memory); found by fuzz/load_fuzzer.
TEST(ParseYaml, AStrayCommaOutsideFlowEndsQuicklyWithItsPosition) {
  auto start = std::chrono::steady_clock::now();
  struct Case {
    const char* text;
    const char* want;
  } cases[] = {
      {",name5: Ada", "p.yaml:1:1: invalid YAML: a `,` outside a [list] or {map}"},
      {"\"x\" ,", "p.yaml:1:5: invalid YAML: a `,` outside a [list] or {map}"},
      {"[a], b", "p.yaml:1:4: invalid YAML: a `,` outside a [list] or {map}"},
      {"- a\n,", "p.yaml:2:1: invalid YAML: a `,` outside a [list] or {map}"},
      {"name: Ada\n...\n,", "p.yaml:3:1: invalid YAML: a `,` outside a [list] or {map}"},
      {"&a ,", "p.yaml:1:4: invalid YAML: a `,` outside a [list] or {map}"},
  };
  for (const Case& c : cases) {
    auto d = parse(c.text);
    ASSERT_TRUE(d) << c.text;
    EXPECT_EQ(d->to_string(), c.want);
  }
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 1.0);
}

TEST(ParseYaml, OtherTextAfterTheDocumentIsNamed) {
  auto d = parse("[a] b\n");
  ASSERT_TRUE(d);
  EXPECT_NE(d->message.find("invalid YAML"), std::string::npos) << d->to_string();
}

TEST(ReadBudget, LetsAFileSpendAboutItsSize) {
  YAML::Node n = YAML::Load("[aaaa, bbbb, cccc]");
  ReadBudget budget(18, path);
  for (int round = 0; round < 4; ++round)
    for (const YAML::Node& item : n) budget.spend(item);
  SUCCEED();
}

TEST(ReadBudget, ThrowsAtTheNodeWhenAliasesRepeatTooMuch) {
  std::string text = "big: &b " + std::string(1000, 'x') + "\nuses: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n";
  YAML::Node root = YAML::Load(text);
  ReadBudget budget(text.size(), path);
  try {
    for (int round = 0; round < 100; ++round)
      for (const YAML::Node& item : root["uses"]) budget.spend(item);
    FAIL() << "the budget never ran out";
  } catch (const Error& e) {
    EXPECT_EQ(e.diagnostic().path, path);
    EXPECT_EQ(e.diagnostic().line, 1);
    EXPECT_NE(e.diagnostic().message.find("aliases"), std::string::npos);
  }
}

}  // namespace
}  // namespace kith
