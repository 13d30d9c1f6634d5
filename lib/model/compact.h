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

// A string. It reads as a const std::string& (or a string_view) wherever one
// is expected.
class Text {
 public:
  Text() = default;
  Text(std::string s) { assign(std::move(s)); }  // NOLINT: implicit, as a std::string field was
  Text(const char* s) { assign(std::string(s)); }  // NOLINT
  Text(const Text& o) { assign(o.str()); }
  Text(Text&&) noexcept = default;
  Text& operator=(const Text& o) {
    if (this != &o) assign(o.str());
    return *this;
  }
  Text& operator=(Text&&) noexcept = default;
  Text& operator=(std::string s) {
    assign(std::move(s));
    return *this;
  }
  Text& operator=(const char* s) { return *this = std::string(s); }

  const std::string& str() const { return s_ ? *s_ : empty_string(); }
  operator const std::string&() const { return str(); }  // NOLINT: reads as the string it holds
  operator std::string_view() const { return str(); }     // NOLINT
  bool empty() const { return !s_; }
  std::size_t size() const { return str().size(); }
  const char* data() const { return str().data(); }
  const char* c_str() const { return str().c_str(); }

  friend bool operator==(const Text& a, const Text& b) { return a.str() == b.str(); }
  friend bool operator==(const Text& a, std::string_view b) { return a.str() == b; }
  friend bool operator==(const Text& a, const char* b) { return a.str() == b; }
  friend bool operator==(const Text& a, const std::string& b) { return a.str() == b; }

 private:
  void assign(std::string s) {
    if (s.empty()) s_.reset();
    else s_ = std::make_unique<std::string>(std::move(s));
  }
  static const std::string& empty_string() {
    static const std::string empty;
    return empty;
  }
  std::unique_ptr<std::string> s_;  // null when empty
};

// A map of names to strings, with the part of std::map's interface kith
// uses; reading an empty one allocates nothing.
class Links {
 public:
  using Map = std::map<std::string, std::string>;

  Links() = default;
  Links(Map m) { assign(std::move(m)); }                                  // NOLINT: implicit, as the map was
  Links(std::initializer_list<Map::value_type> items) : Links(Map(items)) {}  // NOLINT
  Links(const Links& o) { assign(o.map()); }
  Links(Links&&) noexcept = default;
  Links& operator=(const Links& o) {
    if (this != &o) assign(o.map());
    return *this;
  }
  Links& operator=(Links&&) noexcept = default;

  const Map& map() const { return m_ ? *m_ : empty_map(); }
  operator const Map&() const { return map(); }  // NOLINT
  bool empty() const { return map().empty(); }
  std::size_t size() const { return map().size(); }
  Map::const_iterator begin() const { return map().begin(); }
  Map::const_iterator end() const { return map().end(); }
  Map::const_iterator find(const std::string& k) const { return map().find(k); }
  const std::string& at(const std::string& k) const { return map().at(k); }
  std::size_t count(const std::string& k) const { return map().count(k); }

  std::string& operator[](const std::string& k) { return made()[k]; }
  template <typename... Args>
  auto emplace(Args&&... args) {
    return made().emplace(std::forward<Args>(args)...);
  }

  friend bool operator==(const Links& a, const Links& b) { return a.map() == b.map(); }
  friend bool operator==(const Links& a, const Map& b) { return a.map() == b; }

 private:
  void assign(Map m) {
    if (m.empty()) m_.reset();
    else m_ = std::make_unique<Map>(std::move(m));
  }
  Map& made() {
    if (!m_) m_ = std::make_unique<Map>();
    return *m_;
  }
  static const Map& empty_map() {
    static const Map empty;
    return empty;
  }
  std::unique_ptr<Map> m_;  // null when empty
};

}  // namespace kith

template <>
struct fmt::formatter<kith::Text> : fmt::formatter<std::string_view> {
  template <typename Context>
  auto format(const kith::Text& t, Context& ctx) const {
    return fmt::formatter<std::string_view>::format(std::string_view(t.str()), ctx);
  }
};
