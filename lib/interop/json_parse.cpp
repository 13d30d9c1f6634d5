// SPDX-License-Identifier: MIT
#include "json_parse.h"

#include <fmt/format.h>

#include "model/error.h"

namespace kith {

namespace {

class JsonReader {
 public:
  JsonReader(std::string_view text, const std::string& path) : s_(text), path_(path) {}

  YAML::Node document() {
    YAML::Node v = value(0);
    blanks();
    if (i_ != s_.size()) fail("unexpected text after the JSON document");
    return v;
  }

 private:
  [[noreturn]] void fail(const std::string& message) {
    int line = 1, col = 1;
    for (std::size_t k = 0; k < i_ && k < s_.size(); ++k) {
      if (s_[k] == '\n') {
        ++line;
        col = 1;
      } else {
        ++col;
      }
    }
    throw Error("invalid JSON: " + message, path_, line, col);
  }

  void blanks() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
  }

  bool eat(char c) {
    blanks();
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }

  void expect(char c) {
    if (!eat(c)) fail(fmt::format("expected `{}`", c));
  }

  YAML::Node value(int depth) {
    if (depth > 64) fail("nested more than 64 levels deep");
    blanks();
    if (i_ >= s_.size()) fail("unexpected end of the document");
    const char c = s_[i_];
    if (c == '{') return object(depth);
    if (c == '[') return array(depth);
    if (c == '"') return YAML::Node(string());
    if (s_.substr(i_, 4) == "null") return (i_ += 4), YAML::Node(YAML::NodeType::Null);
    if (s_.substr(i_, 4) == "true") return (i_ += 4), YAML::Node("true");
    if (s_.substr(i_, 5) == "false") return (i_ += 5), YAML::Node("false");
    if (c == '-' || (c >= '0' && c <= '9')) return YAML::Node(number());
    fail("expected a value");
  }

  YAML::Node object(int depth) {
    ++i_;
    YAML::Node map(YAML::NodeType::Map);
    if (eat('}')) return map;
    do {
      blanks();
      if (i_ >= s_.size() || s_[i_] != '"') fail("expected a \"key\"");
      const std::string key = string();
      if (map[key]) fail(fmt::format("the key \"{}\" appears twice", key));
      expect(':');
      map[key] = value(depth + 1);
    } while (eat(','));
    expect('}');
    return map;
  }

  YAML::Node array(int depth) {
    ++i_;
    YAML::Node seq(YAML::NodeType::Sequence);
    if (eat(']')) return seq;
    do seq.push_back(value(depth + 1));
    while (eat(','));
    expect(']');
    return seq;
  }

  std::string number() {
    const std::size_t start = i_;
    if (s_[i_] == '-') ++i_;
    auto digits = [&] {
      const std::size_t from = i_;
      while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
      if (i_ == from) fail("a number needs digits");
    };
    digits();
    if (i_ < s_.size() && s_[i_] == '.') ++i_, digits();
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      ++i_;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      digits();
    }
    return std::string(s_.substr(start, i_ - start));
  }

  unsigned hex4() {
    if (i_ + 4 > s_.size()) fail("a \\u escape needs four hex digits");
    unsigned v = 0;
    for (int k = 0; k < 4; ++k) {
      const char h = s_[i_++];
      v <<= 4;
      if (h >= '0' && h <= '9') v |= h - '0';
      else if (h >= 'a' && h <= 'f') v |= h - 'a' + 10;
      else if (h >= 'A' && h <= 'F') v |= h - 'A' + 10;
      else fail("a \\u escape needs four hex digits");
    }
    return v;
  }

  static void append_utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  std::string string() {
    ++i_;  // the opening quote
    std::string out;
    while (true) {
      if (i_ >= s_.size()) fail("a string never ends");
      const char c = s_[i_++];
      if (c == '"') return out;
      if (static_cast<unsigned char>(c) < 0x20) fail("a control character inside a string");
      if (c != '\\') {
        out += c;
        continue;
      }
      if (i_ >= s_.size()) fail("a string never ends");
      const char e = s_[i_++];
      switch (e) {
        case '"': case '\\': case '/': out += e; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          unsigned cp = hex4();
          if (cp >= 0xD800 && cp < 0xDC00) {
            if (s_.substr(i_, 2) != "\\u") fail("a lone surrogate in a \\u escape");
            i_ += 2;
            const unsigned low = hex4();
            if (low < 0xDC00 || low >= 0xE000) fail("a lone surrogate in a \\u escape");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          } else if (cp >= 0xDC00 && cp < 0xE000) {
            fail("a lone surrogate in a \\u escape");
          }
          append_utf8(out, cp);
          break;
        }
        default: fail(fmt::format("unknown escape \\{}", e));
      }
    }
  }

  std::string_view s_;
  const std::string& path_;
  std::size_t i_ = 0;
};

}  // namespace

YAML::Node parse_json(std::string_view text, const std::string& path) { return JsonReader(text, path).document(); }

}  // namespace kith
