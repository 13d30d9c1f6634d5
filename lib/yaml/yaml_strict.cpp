// SPDX-License-Identifier: MIT
#include "yaml_strict.h"

#include <fmt/format.h>
#include <libfyaml.h>

#include <memory>
#include <vector>

namespace kith {
namespace {

struct FirstError {
  int line = 0;
  int col = 0;
  std::string message;
};

// The first error libfyaml collected, with its position (1-based; 0 when it
// gave none). Collected, not scraped from its printed report: that report
// echoes the source line, which may itself read `x:1:2: error: y`.
std::optional<FirstError> first_error(fy_diag* diag) {
  void* iter = nullptr;
  while (fy_diag_error* e = fy_diag_errors_iterate(diag, &iter)) {
    if (e->type < FYET_ERROR) continue;  // a warning (an unknown %directive)
    FirstError out;
    out.message = e->msg ? e->msg : "";
    if (e->line > 0 && e->column > 0) {
      out.line = e->line;
      out.col = e->column;
    }
    return out;
  }
  return std::nullopt;
}

struct DiagDeleter {
  void operator()(fy_diag* d) const { fy_diag_destroy(d); }
};
struct ParserDeleter {
  void operator()(fy_parser* p) const { fy_parser_destroy(p); }
};

// A flow collection still open where the parse stopped: its opening bracket.
struct Open {
  int line = 0;  // 1-based
  int col = 0;
  char bracket = '[';
};

// True when `e` is reported at the end of the text, past its last character.
bool at_end(std::string_view text, const FirstError& e) {
  int line = 1, col = 1;
  for (unsigned char c : text) {
    if (c == '\n') {
      ++line;
      col = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++col;
    }
  }
  return e.line > line || (e.line == line && e.col >= col);
}

// The byte offset of 1-based (line, col), col counting characters; at most
// text.size().
std::size_t offset_of(std::string_view text, int line, int col) {
  std::size_t i = 0;
  for (int l = 1; l < line && i < text.size(); ++i)
    if (text[i] == '\n') ++l;
  for (int c = 1; c < col && i < text.size() && text[i] != '\n'; ++c) {
    ++i;  // one character: its lead byte and its continuation bytes
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

// The quote character at 1-based (line, col) when the quoted scalar it
// opens does not close on that line; 0 otherwise.
char unclosed_quote_at(std::string_view text, int line, int col) {
  std::size_t i = offset_of(text, line, col);
  if (i >= text.size() || (text[i] != '"' && text[i] != '\'')) return 0;
  const char quote = text[i];
  for (std::size_t k = i + 1; k < text.size() && text[k] != '\n' && text[k] != '\r'; ++k) {
    if (quote == '"' && text[k] == '\\') {
      ++k;
    } else if (text[k] == quote) {
      if (quote == '\'' && k + 1 < text.size() && text[k + 1] == '\'') ++k;
      else return 0;
    }
  }
  return quote;
}

// The 1-based line of the last line that starts with `%`, or 0.
int last_directive_line(std::string_view text) {
  int line = 1, found = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((i == 0 || text[i - 1] == '\n') && text[i] == '%') found = line;
    if (text[i] == '\n') ++line;
  }
  return found;
}

}  // namespace

std::optional<Diagnostic> check_yaml_1_2(std::string_view text, const std::string& path) {
  fy_diag_cfg diag_cfg;
  fy_diag_cfg_default(&diag_cfg);
  diag_cfg.fp = nullptr;  // never stderr
  diag_cfg.level = FYET_ERROR;
  diag_cfg.colorize = false;
  std::unique_ptr<fy_diag, DiagDeleter> diag(fy_diag_create(&diag_cfg));
  if (!diag) throw std::bad_alloc();
  fy_diag_set_collect_errors(diag.get(), true);

  fy_parse_cfg cfg{};
  cfg.flags = static_cast<fy_parse_cfg_flags>(FYPCF_QUIET | FYPCF_DEFAULT_VERSION_1_2 | FYPCF_DISABLE_MMAP_OPT);
  cfg.diag = diag.get();
  std::unique_ptr<fy_parser, ParserDeleter> parser(fy_parser_create(&cfg));
  if (!parser || fy_parser_set_string(parser.get(), text.data(), text.size()) != 0) throw std::bad_alloc();

  // Events are streamed and dropped at once: memory stays bounded by the
  // nesting, which guard_text() already limits.
  std::vector<Open> open_flows;
  std::vector<bool> is_flow;  // one per open collection
  while (fy_event* event = fy_parser_parse(parser.get())) {
    switch (event->type) {
      case FYET_SEQUENCE_START:
      case FYET_MAPPING_START: {
        bool flow = fy_event_get_node_style(event) == FYNS_FLOW;
        is_flow.push_back(flow);
        if (const fy_mark* m = flow ? fy_event_start_mark(event) : nullptr) {
          // The mark is on the node's anchor or tag when it has one; the
          // bracket is the first `[` or `{` from there.
          std::size_t at = m->input_pos;
          char want = event->type == FYET_SEQUENCE_START ? '[' : '{';
          int col = m->column + 1;
          while (at < text.size() && text[at] != want && text[at] != '\n') {
            if ((static_cast<unsigned char>(text[at]) & 0xC0) != 0x80) ++col;
            ++at;
          }
          open_flows.push_back({m->line + 1, at < text.size() && text[at] == want ? col : m->column + 1, want});
        }
        break;
      }
      case FYET_SEQUENCE_END:
      case FYET_MAPPING_END:
        if (!is_flow.empty()) {
          if (is_flow.back() && !open_flows.empty()) open_flows.pop_back();
          is_flow.pop_back();
        }
        break;
      default:
        break;
    }
    fy_parser_event_free(parser.get(), event);
  }
  if (!fy_parser_get_stream_error(parser.get())) return std::nullopt;

  std::optional<FirstError> e = first_error(diag.get());
  // libfyaml gave no position (a bad directive, `%YAML 11.2`): the start is
  // where the document goes wrong, and a message always names a place.
  if (!e || e->line == 0) return Diagnostic{path, 1, 1, e ? "invalid YAML: " + e->message : "invalid YAML 1.2"};
  // libfyaml notices a missing `]` or `}` only at the end of the text (as
  // such, or as a missing comma); the mistake is at the bracket that never
  // closes.
  if (!open_flows.empty() && (e->message.find("without a closing") != std::string::npos || at_end(text, *e))) {
    const Open& o = open_flows.back();
    return Diagnostic{path, o.line, o.col,
                      std::string("invalid YAML: this `") + o.bracket + "` is never closed (no matching `" +
                          (o.bracket == '[' ? ']' : '}') + "`)"};
  }
  // A line too little indented inside a flow collection is usually the next
  // key after a forgotten `]` or `}`: point at the bracket still open.
  if (!open_flows.empty() && e->message.find("wrongly indented flow") != std::string::npos) {
    const Open& o = open_flows.back();
    return Diagnostic{path, o.line, o.col,
                      fmt::format("invalid YAML: this `{}` is still open at line {}, which is not indented "
                                  "inside it (a missing `{}`?)",
                                  o.bracket, e->line, o.bracket == '[' ? ']' : '}')};
  }
  // libfyaml's words for these are about its parser state; say what is in
  // the text instead.
  if (open_flows.empty()) {
    std::size_t at = offset_of(text, e->line, e->col);
    if (at < text.size() && text[at] == ',')
      return Diagnostic{path, e->line, e->col, "invalid YAML: a `,` outside a [list] or {map}"};
  }
  // `name: Ada` then `  email: x`: libfyaml names the value where it
  // starts, but the mistake is the deeper line whose `:` makes it a key.
  if (e->message == "invalid multiline plain key") {
    std::size_t at = offset_of(text, e->line, e->col);
    int line = e->line, col = e->col;
    for (; at < text.size(); ++at) {
      if (text[at] == ':' && (at + 1 == text.size() || text[at + 1] == ' ' || text[at + 1] == '\n' ||
                              text[at + 1] == '\t' || text[at + 1] == '\r'))
        return Diagnostic{path, line, col,
                          fmt::format("invalid YAML: a key inside the value that starts at line {} (is line {} "
                                      "indented too much?)",
                                      e->line, line)};
      if (text[at] == '\n') {
        ++line;
        col = 1;
      } else if ((static_cast<unsigned char>(text[at]) & 0xC0) != 0x80) {
        ++col;
      }
    }
  }
  if (e->message == "missing document start")
    return Diagnostic{path, e->line, e->col,
                      "invalid YAML: text after the end of the document (a second document needs `---`)"};
  // A quote left open reads on as the scalar's next lines, which are then
  // "wrongly indented": name the quote that does not close.
  if (e->message.find("quoted scalar") != std::string::npos) {
    if (char quote = unclosed_quote_at(text, e->line, e->col))
      return Diagnostic{path, e->line, e->col,
                        fmt::format("invalid YAML: this {} is not closed on its line, and the next line is not "
                                    "indented to continue it",
                                    quote == '"' ? "`\"`" : "`'`")};
  }
  // A directive with no document after it is reported past the end of the
  // text; the line to fix is the directive's.
  if (e->message.find("directives without content") != std::string::npos) {
    if (int line = last_directive_line(text))
      return Diagnostic{path, line, 1, "invalid YAML: a `%` directive must be followed by `---` and a document"};
  }
  return Diagnostic{path, e->line, e->col, "invalid YAML: " + e->message};
}

}  // namespace kith
