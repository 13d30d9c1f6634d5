// SPDX-License-Identifier: MIT
#pragma once
// One YAML document as a flat tree built from yaml-cpp's parser events: the
// same nodes, marks, scalars and order as YAML::Load gives, without its node
// graph (a shared pointer per node, every node in a set, a pair list per
// map). Person files are read through it: a cold load of 30,000 of them
// spent a third of yaml-cpp's time building and freeing that graph.
//
// Nodes live in one vector, scalars in one string, and each collection's
// children in one contiguous run of indices (a map's alternate key, value).
// An alias is the index of the node it names, as yaml-cpp shares that node.
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kith {

class EventTree {
 public:
  enum class Kind : std::uint8_t { null, scalar, sequence, map };

  // A node of the tree, cheap to copy; valid while the tree lives. The root
  // of an empty document is a null node without a position.
  class Node {
   public:
    bool is_null() const { return kind() == Kind::null; }
    bool is_scalar() const { return kind() == Kind::scalar; }
    bool is_sequence() const { return kind() == Kind::sequence; }
    bool is_map() const { return kind() == Kind::map; }
    bool is_block() const;  // a collection written in block style
    // The text of a scalar; "" for anything else.
    std::string_view scalar() const;
    YAML::Mark mark() const;
    // The items of a sequence, or the pairs of a map.
    std::size_t size() const;
    Node item(std::size_t i) const { return child(i); }
    Node key(std::size_t i) const { return child(2 * i); }
    Node value(std::size_t i) const { return child(2 * i + 1); }

   private:
    friend class EventTree;
    Node(const EventTree* tree, std::uint32_t index) : tree_(tree), index_(index) {}
    Kind kind() const;
    Node child(std::size_t i) const;
    const EventTree* tree_;
    std::uint32_t index_;  // `none` for the empty document's root
  };

  Node root() const { return Node(this, root_); }

  // Reads the parser's next document into this tree, as YAML::Load reads
  // the first; false when the stream has none (the root is then null).
  // Throws what yaml-cpp throws for bad YAML.
  bool read_document(YAML::Parser& parser);

 private:
  friend class EventTreeBuilder;
  static constexpr std::uint32_t none = UINT32_MAX;
  struct Entry {
    Kind kind = Kind::null;
    bool block = false;
    YAML::Mark mark;
    std::uint32_t begin = 0;  // the scalar's bytes in text_, or the children in children_
    std::uint32_t count = 0;
  };
  std::vector<Entry> nodes_;
  std::string text_;
  std::vector<std::uint32_t> children_;
  std::uint32_t root_ = none;
};

}  // namespace kith
