// SPDX-License-Identifier: MIT
#include "json.h"

#include <fmt/format.h>

#include "model/utf8.h"
#include "render.h"

namespace kith {

Json Json::strings(const std::vector<std::string>& v) {
  Array a;
  for (const std::string& s : v) a.emplace_back(s);
  return Json(std::move(a));
}

Json& Json::set(std::string key, Json value) {
  std::get<Object>(value_).emplace_back(std::move(key), std::move(value));
  return *this;
}

Json& Json::push(Json value) {
  std::get<Array>(value_).push_back(std::move(value));
  return *this;
}

namespace {

// Always valid JSON in UTF-8: bytes that are not UTF-8 (a file name is any
// bytes) become U+FFFD, and every control character, C1 and DEL included,
// is a \u escape, so the text is safe on a terminal too.
void quote(std::string& out, const std::string& s) {
  out += '"';
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t n = utf8_length(s, i);
    if (n == 0) {
      out += "\\ufffd";
      ++i;
      continue;
    }
    if (n == 2 && c == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned char>(s[i + 1]));
      i += 2;
      continue;
    }
    i += n;
    if (n > 1) {
      out.append(s, i - n, n);
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c == 0x7F) out += fmt::format("\\u{:04x}", c);
        else out += static_cast<char>(c);
    }
  }
  out += '"';
}

void newline(std::string& out, int indent, int depth) {
  if (indent <= 0) return;
  out += '\n';
  out.append(static_cast<std::size_t>(indent * depth), ' ');
}

}  // namespace

void Json::dump_to(std::string& out, int indent, int depth) const {
  if (std::holds_alternative<std::nullptr_t>(value_)) out += "null";
  else if (auto* b = std::get_if<bool>(&value_)) out += *b ? "true" : "false";
  else if (auto* n = std::get_if<std::int64_t>(&value_)) out += std::to_string(*n);
  else if (auto* d = std::get_if<double>(&value_)) out += fmt::format("{}", *d);
  else if (auto* s = std::get_if<std::string>(&value_)) quote(out, *s);
  else if (auto* a = std::get_if<Array>(&value_)) {
    if (a->empty()) {
      out += "[]";
      return;
    }
    out += '[';
    for (std::size_t i = 0; i < a->size(); ++i) {
      if (i) out += ',';
      newline(out, indent, depth + 1);
      (*a)[i].dump_to(out, indent, depth + 1);
    }
    newline(out, indent, depth);
    out += ']';
  } else if (auto* o = std::get_if<Object>(&value_)) {
    if (o->empty()) {
      out += "{}";
      return;
    }
    out += '{';
    for (std::size_t i = 0; i < o->size(); ++i) {
      if (i) out += ',';
      newline(out, indent, depth + 1);
      quote(out, (*o)[i].first);
      out += indent > 0 ? ": " : ":";
      (*o)[i].second.dump_to(out, indent, depth + 1);
    }
    newline(out, indent, depth);
    out += '}';
  }
}

std::string Json::dump(int indent) const {
  std::string out;
  dump_to(out, indent, 0);
  out += '\n';
  return out;
}

}  // namespace kith
