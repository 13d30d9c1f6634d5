// SPDX-License-Identifier: MIT
#include "yaml_util.h"

#include "load.h"
#include "yaml_strict.h"

#include <yaml-cpp/eventhandler.h>

#include <istream>
#include <streambuf>

namespace kith {

namespace {

Diagnostic at_mark(const std::string& path, const YAML::Mark& mark, std::string message) {
  Diagnostic d{path, 0, 0, std::move(message)};
  if (!mark.is_null()) {
    d.line = mark.line + 1;
    d.col = mark.column + 1;
  }
  return d;
}

constexpr const char* aliases_too_often =
    "aliases (`*name`) repeat the same values too often: kith reads a file that expands to at most 4 times its size";

}  // namespace

Diagnostic diagnostic_at(const std::string& path, const YAML::Node& node, std::string message) {
  return at_mark(path, node.IsDefined() ? node.Mark() : YAML::Mark::null_mark(), std::move(message));
}

Diagnostic diagnostic_at(const std::string& path, const EventTree::Node& node, std::string message) {
  return at_mark(path, node.mark(), std::move(message));
}

std::string scalar_or_empty(const YAML::Node& node) {
  return node.IsDefined() && node.IsScalar() ? node.Scalar() : std::string();
}

bool ReadBudget::afford(std::size_t cost) {
  if (cost > left_) return false;
  left_ -= cost;
  return true;
}

void ReadBudget::spend(const YAML::Node& node) {
  if (!afford(1 + (node.IsDefined() && node.IsScalar() ? node.Scalar().size() : 0)))
    throw Error(diagnostic_at(path_, node, aliases_too_often));
}

void ReadBudget::spend(const EventTree::Node& node) {
  if (!afford(1 + node.scalar().size())) throw Error(diagnostic_at(path_, node, aliases_too_often));
}

namespace {

// Notes where each document starts and nothing else.
class DocumentStarts : public YAML::EventHandler {
 public:
  std::vector<YAML::Mark> starts;
  void OnDocumentStart(const YAML::Mark& mark) override { starts.push_back(mark); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

// The line of `text` that starts at 0-based `line`, without its newline.
std::string_view line_at(std::string_view text, int line) {
  std::size_t at = 0;
  for (int i = 0; i < line && at != std::string_view::npos; ++i) {
    at = text.find('\n', at);
    if (at != std::string_view::npos) ++at;
  }
  if (at == std::string_view::npos || at > text.size()) return {};
  std::string_view rest = text.substr(at);
  return rest.substr(0, rest.find('\n'));
}

// True when no line starts with `---`, `...` or `%`: then, in yaml-cpp, a
// block map at column 0 can only end at the end of the text (its scanner
// closes column-0 blocks only there, at a document marker or a directive), so
// no second document can follow it.
bool no_document_markers(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    std::string_view line = text.substr(at, 3);
    if (line == "---" || line == "..." || line.starts_with('%')) return false;
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) break;
    at = end + 1;
  }
  return true;
}

// A byte stream over `text` without a copy, for yaml-cpp's parser.
class TextBuffer : public std::streambuf {
 public:
  explicit TextBuffer(std::string_view text) {
    char* begin = const_cast<char*>(text.data());  // only read: a get area is non-const by type
    setg(begin, begin, begin + text.size());
  }
};

// Parse once: a person file is a block map from column 0 and has no
// document markers, and then nothing can follow it.
bool nothing_can_follow(bool block_map, const YAML::Mark& mark, std::string_view text) {
  return block_map && !mark.is_null() && mark.column == 0 && no_document_markers(text);
}

// After the first document of `text`, read from `parser`: a diagnostic when
// a second one follows. Not YAML::LoadAll: yaml-cpp 0.7 loops forever (and
// without bound in memory) on a `,` left outside a flow collection, reading
// an endless run of empty documents. Walking the events of one more
// document finds a second one, or such a stray token, in bounded time.
std::optional<Diagnostic> second_document(YAML::Parser& parser, std::string_view text, const std::string& path) {
  DocumentStarts starts;
  if (!parser.HandleNextDocument(starts) || starts.starts.empty()) return std::nullopt;
  const YAML::Mark& second = starts.starts.front();
  std::string_view line = second.is_null() ? std::string_view() : line_at(text, second.line);
  std::string_view from = static_cast<std::size_t>(second.column) < line.size() ? line.substr(second.column) : "";
  if (from.starts_with("---"))
    return at_mark(path, second, "the file holds more than one YAML document (a second `---`)");
  if (from.starts_with(","))
    return at_mark(path, second, "invalid YAML: a `,` outside a [list] or {map}");
  return at_mark(path, second, "invalid YAML: unexpected text after the end of the document");
}

// The skeleton of both parse_yaml()s: the guards, the YAML 1.2 check, then
// `read_first(parser)`, which reads the first document from `parser` and
// says whether anything could follow it; a second document is refused. On
// any problem, `forget()` drops what was read.
template <class ReadFirst, class Forget>
std::optional<Diagnostic> parse_one_document(std::string_view text, const std::string& path, ReadFirst read_first,
                                             Forget forget) {
  if (auto guard = guard_text(text, path)) return guard;
  if (auto invalid = check_yaml_1_2(text, path)) return invalid;
  std::optional<Diagnostic> problem;
  try {
    TextBuffer buffer(text);
    std::istream events(&buffer);
    YAML::Parser parser(events);
    if (read_first(parser)) problem = second_document(parser, text, path);
  } catch (const YAML::Exception& e) {
    problem = at_mark(path, e.mark, "invalid YAML: " + e.msg);
  } catch (const std::exception& e) {
    problem = Diagnostic{path, 0, 0, std::string("invalid YAML: ") + e.what()};
  }
  if (problem) forget();
  return problem;
}

}  // namespace

std::optional<Diagnostic> parse_yaml(std::string_view text, const std::string& path, YAML::Node& root) {
  return parse_one_document(
      text, path,
      [&](YAML::Parser& parser) {
        TextBuffer buffer(text);
        std::istream in(&buffer);
        root = YAML::Load(in);  // the first document only
        if (nothing_can_follow(root.IsMap() && root.Style() == YAML::EmitterStyle::Block, root.Mark(), text))
          return false;
        DocumentStarts first;  // YAML::Load's parser is its own: this one walks past the document too
        parser.HandleNextDocument(first);
        return true;
      },
      [&] { root = YAML::Node(); });
}

std::optional<Diagnostic> parse_yaml(std::string_view text, const std::string& path, EventTree& tree) {
  return parse_one_document(
      text, path,
      [&](YAML::Parser& parser) {
        tree.read_document(parser);
        EventTree::Node root = tree.root();
        return !nothing_can_follow(root.is_map() && root.is_block(), root.mark(), text);
      },
      [&] { tree = EventTree(); });
}

}  // namespace kith
