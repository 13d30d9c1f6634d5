// SPDX-License-Identifier: MIT
#pragma once
// Fields that cost one pointer when empty, for what most people leave empty
// (contact details, notes, links): 30,000 imported people are in memory at
// once, and six empty std::strings and an empty std::map were 240 of a
// Person's 552 bytes.
#include <fmt/format.h>

#include <initializer_list>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace kith {

namespace detail {

// The mechanism of both: one pointer, null while the value is empty; copies
// are deep.
template <typename T>
class EmptyIsNull {
 public:
  EmptyIsNull() = default;
  EmptyIsNull(const EmptyIsNull& o) { set(o.get()); }
  EmptyIsNull(EmptyIsNull&&) noexcept = default;
  EmptyIsNull& operator=(const EmptyIsNull& o) {
    if (this != &o) set(o.get());
    return *this;
  }
  EmptyIsNull& operator=(EmptyIsNull&&) noexcept = default;

  const T& get() const { return p_ ? *p_ : empty_value(); }
  bool null() const { return !p_; }
  void set(T v) {
    if (v.empty()) p_.reset();
    else p_ = std::make_unique<T>(std::move(v));
  }
  T& made() {  // for writing in place
    if (!p_) p_ = std::make_unique<T>();
    return *p_;
  }

 private:
  static const T& empty_value() {
    static const T empty;
    return empty;
  }
  std::unique_ptr<T> p_;
};

}  // namespace detail

// A string. It reads as a const std::string& (or a string_view) wherever one
// is expected.
class Text {
 public:
  Text() = default;
  Text(std::string s) { s_.set(std::move(s)); }   // NOLINT: implicit, as a std::string field was
  Text(const char* s) { s_.set(std::string(s)); }  // NOLINT

  const std::string& str() const { return s_.get(); }
  operator const std::string&() const { return str(); }  // NOLINT: reads as the string it holds
  operator std::string_view() const { return str(); }     // NOLINT
  bool empty() const { return s_.null(); }
  std::size_t size() const { return str().size(); }
  const char* data() const { return str().data(); }
  const char* c_str() const { return str().c_str(); }

  friend bool operator==(const Text& a, const Text& b) { return a.str() == b.str(); }
  friend bool operator==(const Text& a, std::string_view b) { return a.str() == b; }
  friend bool operator==(const Text& a, const char* b) { return a.str() == b; }
  friend bool operator==(const Text& a, const std::string& b) { return a.str() == b; }

 private:
  detail::EmptyIsNull<std::string> s_;
};

// A map of names to strings, with the part of std::map's interface kith
// uses; reading an empty one allocates nothing.
class Links {
 public:
  using Map = std::map<std::string, std::string>;

  Links() = default;
  Links(Map m) { m_.set(std::move(m)); }                                   // NOLINT: implicit, as the map was
  Links(std::initializer_list<Map::value_type> items) : Links(Map(items)) {}  // NOLINT

  const Map& map() const { return m_.get(); }
  operator const Map&() const { return map(); }  // NOLINT
  bool empty() const { return map().empty(); }
  std::size_t size() const { return map().size(); }
  Map::const_iterator begin() const { return map().begin(); }
  Map::const_iterator end() const { return map().end(); }
  Map::const_iterator find(const std::string& k) const { return map().find(k); }
  const std::string& at(const std::string& k) const { return map().at(k); }
  std::size_t count(const std::string& k) const { return map().count(k); }

  std::string& operator[](const std::string& k) { return m_.made()[k]; }
  template <typename... Args>
  auto emplace(Args&&... args) {
    return m_.made().emplace(std::forward<Args>(args)...);
  }

  friend bool operator==(const Links& a, const Links& b) { return a.map() == b.map(); }
  friend bool operator==(const Links& a, const Map& b) { return a.map() == b; }

 private:
  detail::EmptyIsNull<Map> m_;
};

}  // namespace kith

template <>
struct fmt::formatter<kith::Text> : fmt::formatter<std::string_view> {
  template <typename Context>
  auto format(const kith::Text& t, Context& ctx) const {
    return fmt::formatter<std::string_view>::format(std::string_view(t.str()), ctx);
  }
};
