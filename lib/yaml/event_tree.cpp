// SPDX-License-Identifier: MIT
#include "event_tree.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>

#include <utility>

namespace kith {

EventTree::Kind EventTree::Node::kind() const {
  return index_ == none ? Kind::null : tree_->nodes_[index_].kind;
}

bool EventTree::Node::is_block() const {
  return index_ != none && tree_->nodes_[index_].block;
}

std::string_view EventTree::Node::scalar() const {
  if (!is_scalar()) return {};
  const Entry& e = tree_->nodes_[index_];
  return std::string_view(tree_->text_).substr(e.begin, e.count);
}

YAML::Mark EventTree::Node::mark() const {
  return index_ == none ? YAML::Mark::null_mark() : tree_->nodes_[index_].mark;
}

std::size_t EventTree::Node::size() const {
  switch (kind()) {
    case Kind::sequence: return tree_->nodes_[index_].count;
    case Kind::map: return tree_->nodes_[index_].count / 2;  // a key the parser left without value is dropped, as by yaml-cpp
    default: return 0;
  }
}

EventTree::Node EventTree::Node::child(std::size_t i) const {
  return Node(tree_, tree_->children_[tree_->nodes_[index_].begin + i]);
}

// What yaml-cpp's NodeBuilder does for YAML::Load, into an EventTree: a node
// joins its collection when it is complete, anchors number the nodes that
// carry them from 1, and an alias joins the node it names.
class EventTreeBuilder : public YAML::EventHandler {
 public:
  explicit EventTreeBuilder(EventTree& tree) : tree_(tree) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    attach(add(EventTree::Kind::null, mark, anchor));
  }
  void OnAlias(const YAML::Mark&, YAML::anchor_t anchor) override { attach(anchors_.at(anchor)); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, const std::string& value) override {
    std::uint32_t index = add(EventTree::Kind::scalar, mark, anchor);
    EventTree::Entry& e = tree_.nodes_[index];
    e.begin = static_cast<std::uint32_t>(tree_.text_.size());
    e.count = static_cast<std::uint32_t>(value.size());
    tree_.text_ += value;
    attach(index);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    open(EventTree::Kind::sequence, mark, anchor, style);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    open(EventTree::Kind::map, mark, anchor, style);
  }
  void OnMapEnd() override { close(); }

 private:
  std::uint32_t add(EventTree::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
    auto index = static_cast<std::uint32_t>(tree_.nodes_.size());
    tree_.nodes_.push_back(EventTree::Entry{kind, false, mark, 0, 0});
    if (anchor) {
      if (anchor != anchors_.size()) throw YAML::ParserException(mark, "unexpected anchor number");
      anchors_.push_back(index);
    }
    return index;
  }

  void open(EventTree::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor, YAML::EmitterStyle::value style) {
    std::uint32_t index = add(kind, mark, anchor);
    tree_.nodes_[index].block = style == YAML::EmitterStyle::Block;
    open_.emplace_back(index, pending_.size());
  }

  // The open collection is complete: its children move from the pending
  // stack to their run, and it joins its own collection.
  void close() {
    if (open_.empty()) throw YAML::ParserException(YAML::Mark::null_mark(), "unbalanced collection events");
    auto [index, first] = open_.back();
    open_.pop_back();
    EventTree::Entry& e = tree_.nodes_[index];
    e.begin = static_cast<std::uint32_t>(tree_.children_.size());
    e.count = static_cast<std::uint32_t>(pending_.size() - first);
    tree_.children_.insert(tree_.children_.end(), pending_.begin() + static_cast<std::ptrdiff_t>(first),
                           pending_.end());
    pending_.resize(first);
    attach(index);
  }

  void attach(std::uint32_t index) {
    if (open_.empty()) tree_.root_ = index;
    else pending_.push_back(index);
  }

  EventTree& tree_;
  std::vector<std::uint32_t> anchors_{EventTree::none};  // anchors count from 1
  std::vector<std::pair<std::uint32_t, std::size_t>> open_;  // a collection, where its children start in pending_
  std::vector<std::uint32_t> pending_;  // the children of the open collections, innermost last
};

bool EventTree::read_document(YAML::Parser& parser) {
  *this = EventTree();
  EventTreeBuilder builder(*this);
  return parser.HandleNextDocument(builder);
}

}  // namespace kith
