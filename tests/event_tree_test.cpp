// SPDX-License-Identifier: MIT
// EventTree reads a document as YAML::Load does: the same nodes, marks,
// scalars, styles and order, and parse_yaml() gives the same verdict on the
// same text through either.
#include "yaml/event_tree.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "event_tree_diff.h"
#include "yaml/yaml_util.h"

namespace kith {
namespace {

EventTree read(const std::string& text) {
  EventTree tree;
  EXPECT_FALSE(parse_yaml(text, "p.yaml", tree)) << text;
  return tree;
}

// Both readers, on one text: the same diagnostic, or the same tree.
void expect_same(const std::string& text, const std::string& name) {
  YAML::Node theirs;
  EventTree ours;
  std::optional<Diagnostic> a = parse_yaml(text, "p.yaml", theirs);
  std::optional<Diagnostic> b = parse_yaml(text, "p.yaml", ours);
  ASSERT_EQ(a.has_value(), b.has_value()) << name;
  if (a) {
    EXPECT_EQ(a->to_string(), b->to_string()) << name;
    EXPECT_TRUE(ours.root().is_null()) << name;  // nothing half-read is left
    return;
  }
  EXPECT_EQ(event_tree_difference(theirs, ours.root()), "") << name;
}

TEST(EventTree, AnEmptyDocumentIsANullRootWithoutPosition) {
  for (std::string text : {"", "# only a comment\n", "\xEF\xBB\xBF"}) {
    EventTree tree = read(text);
    EXPECT_TRUE(tree.root().is_null());
    EXPECT_TRUE(tree.root().mark().is_null());
    EXPECT_EQ(tree.root().size(), 0u);
  }
}

TEST(EventTree, KeepsMarksScalarsAndOrder) {
  EventTree tree = read("name: Ada\ntags: [b, a]\nlog:\n  - date: 2026-01-02\n    kind: talk\nnote: ~\n");
  EventTree::Node root = tree.root();
  ASSERT_TRUE(root.is_map());
  EXPECT_TRUE(root.is_block());
  ASSERT_EQ(root.size(), 4u);
  EXPECT_EQ(root.key(0).scalar(), "name");
  EXPECT_EQ(root.value(0).scalar(), "Ada");
  EXPECT_EQ(root.value(0).mark().line, 0);
  EXPECT_EQ(root.value(0).mark().column, 6);
  EventTree::Node tags = root.value(1);
  ASSERT_TRUE(tags.is_sequence());
  EXPECT_FALSE(tags.is_block());
  ASSERT_EQ(tags.size(), 2u);
  EXPECT_EQ(tags.item(0).scalar(), "b");
  EXPECT_EQ(tags.item(1).scalar(), "a");
  EventTree::Node entry = root.value(2).item(0);
  EXPECT_EQ(entry.mark().line, 3);
  EXPECT_EQ(entry.key(1).scalar(), "kind");
  EXPECT_TRUE(root.value(3).is_null());
  EXPECT_EQ(root.value(3).scalar(), "");
  EXPECT_EQ(root.value(2).scalar(), "");  // not a scalar
}

TEST(EventTree, KeepsBothOfTwoEqualKeysInOrder) {
  EventTree tree = read("name: Ada\nnext: 2026-01-01\nnext: 2026-02-01\n");
  ASSERT_EQ(tree.root().size(), 3u);
  EXPECT_EQ(tree.root().value(1).scalar(), "2026-01-01");
  EXPECT_EQ(tree.root().value(2).scalar(), "2026-02-01");
}

TEST(EventTree, AnAliasIsTheNodeItNames) {
  EventTree tree = read("a: &x {k: v}\nb: *x\nc: &y [*x, *x]\n");
  EventTree::Node root = tree.root();
  EventTree::Node b = root.value(1);
  ASSERT_TRUE(b.is_map());
  EXPECT_EQ(b.mark().line, 0);  // the anchored node's position, as in yaml-cpp
  EXPECT_EQ(b.value(0).scalar(), "v");
  ASSERT_EQ(root.value(2).size(), 2u);
  EXPECT_EQ(root.value(2).item(1).value(0).scalar(), "v");
}

TEST(EventTree, AnAliasInsideItsOwnNodeMakesACycle) {
  EventTree tree = read("&a [x, *a]\n");
  EventTree::Node root = tree.root();
  ASSERT_EQ(root.size(), 2u);
  EXPECT_EQ(root.item(1).item(1).item(0).scalar(), "x");
}

TEST(EventTree, ASecondDocumentIsRefusedAndNothingIsKept) {
  EventTree tree;
  std::optional<Diagnostic> d = parse_yaml("name: Ada\n---\nname: Bob\n", "p.yaml", tree);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->to_string(), "p.yaml:2:1: the file holds more than one YAML document (a second `---`)");
  EXPECT_TRUE(tree.root().is_null());
}

TEST(EventTree, ReadsAsYamlLoadDoesOnOddTexts) {
  const std::vector<std::string> texts = {
      "name: Ada\n",
      "name: Ada",
      "  name: Ada\n  tags: [a]\n",
      "{name: Ada, log: [{date: 2026-01-01, kind: talk}]}\n",
      "- a\n- b\n",
      "name: Ada\nnotes: |\n  two\n  lines\n\nnext: 2026-01-01\n",
      "name: Ada\nnotes: >-\n  folded\n  text\n",
      "name: \"Ada \\u00e9\"\naka: ['it''s', \"q\\\"\"]\n",
      "? [complex, key]\n: value\nname: Ada\n",
      "? a\n? b\nname: Ada\n",
      "name: Ada\nlog:\n- date: 2026-01-01\n  kind: talk\n-\n- ~\n",
      "%YAML 1.2\n---\nname: Ada\n...\n",
      "--- !!map\nname: !!str Ada\ntags: !!seq [a]\n",
      "name: &n Ada\naka: [*n, *n]\nbase: &e {date: 2026-01-01, kind: talk}\nlog: [*e, *e]\n",
      "name: Ada\r\ntags: [a,\r\n  b]\r\n",
      "name: Ada # a comment\n# another\ntags:   # here\n  - a   # one\n",
      "name:\nemail:\n",
      "name: Ada\nlinks: {a: 1, b: , c}\n",
      "\xEF\xBB\xBFname: Zoë\n",
      "name: Ada\n---\n",
      "name: Ada\n,\n",
      "[a, b]\n",
      "plain scalar\n",
      "name: Ada\nlog: []\ntags: {}\n",
      "&a [x, *a]\n",
      "name: [unclosed\n",
      "name: \"unclosed\n",
  };
  for (const std::string& text : texts) expect_same(text, text);
}

TEST(EventTree, ReadsAsYamlLoadDoesOnTheFuzzCorpusAndTheExamples) {
  int files = 0;
  for (const char* dir : {"fuzz/corpus", "examples/people"}) {
    for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(KITH_SOURCE_DIR) / dir)) {
      std::ifstream in(entry.path(), std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      expect_same(text.str(), entry.path().string());
      ++files;
    }
  }
  EXPECT_GT(files, 60);
}

}  // namespace
}  // namespace kith
