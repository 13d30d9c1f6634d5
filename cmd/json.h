// SPDX-License-Identifier: MIT
#pragma once
// A minimal JSON value for `--json` output: objects keep insertion order so
// the keys come out in the documented, stable order.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "model/dates.h"

namespace kith {

class Json {
 public:
  using Array = std::vector<Json>;
  using Object = std::vector<std::pair<std::string, Json>>;

  Json() : value_(nullptr) {}
  Json(std::nullptr_t) : value_(nullptr) {}
  Json(bool b) : value_(b) {}
  Json(int n) : value_(static_cast<std::int64_t>(n)) {}
  Json(std::int64_t n) : value_(n) {}
  Json(std::size_t n) : value_(static_cast<std::int64_t>(n)) {}
  Json(double d) : value_(d) {}
  Json(const char* s) : value_(std::string(s)) {}
  Json(std::string s) : value_(std::move(s)) {}
  Json(Date d) : value_(format_date(d)) {}
  Json(Array a) : value_(std::move(a)) {}
  Json(Object o) : value_(std::move(o)) {}
  template <class T>
  Json(const std::optional<T>& o) : Json() {
    if (o) *this = Json(*o);
  }

  static Json array() { return Json(Array{}); }
  static Json object() { return Json(Object{}); }
  static Json strings(const std::vector<std::string>& v);

  // Object: add a key (kept in order). Array: append.
  Json& set(std::string key, Json value);
  Json& push(Json value);

  std::string dump(int indent = 2) const;

 private:
  void dump_to(std::string& out, int indent, int depth) const;
  std::variant<std::nullptr_t, bool, std::int64_t, double, std::string, Array, Object> value_;
};

}  // namespace kith
