// SPDX-License-Identifier: MIT
#include "load.h"

#include <fmt/format.h>

#include <filesystem>
#include <set>

#include "merge/markers.h"
#include "yaml_util.h"

namespace kith {

namespace {

class PersonReader {
 public:
  using Node = EventTree::Node;

  PersonReader(const std::string& path, const Settings& settings, LoadResult& out, ReadBudget& budget)
      : path_(path), settings_(settings), out_(out), budget_(budget) {}

  void read(const Node& root, Person& p) {
    if (!root.is_map()) {
      if (root.is_null())  // an empty document has no position of its own
        out_.problems.push_back(Diagnostic{path_, 1, 1, "the file is empty; a person needs at least `name:`"});
      else
        problem(root, "a person file must be a map of keys like `name: Ada Lovelace`");
      return;
    }
    check_duplicates(root);
    bool has_name = false;
    for (std::size_t i = 0; i < root.size(); ++i) {
      const Node key = root.key(i);
      const Node v = root.value(i);
      budget_.spend(key);
      std::string_view k = key.scalar();
      if (k == "name") {
        has_name = true;
        p.name = text(v, "name");
        // An empty value's position is the next token, so name the key then.
        if (v.is_null()) problem(key, "name is empty");
        else if (v.is_scalar() && trim(p.name).empty()) problem(v, "name is empty");
      } else if (k == "aka") p.aka = list(v, "aka");
      else if (k == "circle") circle(v, p);
      else if (k == "every") every(v, p);
      else if (k == "next") p.next = date(v, "next");
      else if (k == "added") p.added = date(v, "added");
      else if (k == "tags") p.tags = list(v, "tags");
      else if (k == "offers") p.offers = list(v, "offers");
      else if (k == "needs") p.needs = list(v, "needs");
      else if (k == "email") p.email = text(v, "email");
      else if (k == "phone") p.phone = text(v, "phone");
      else if (k == "company") p.company = text(v, "company");
      else if (k == "role") p.role = text(v, "role");
      else if (k == "location") p.location = text(v, "location");
      else if (k == "notes") p.notes = text(v, "notes");
      else if (k == "birthday") birthday(v, p);
      else if (k == "links") links(v, p);
      else if (k == "log") log(v, p);
      else if (k == "connected") date(v, "connected");  // checked; only imports read it
      else if (k == "vcard_uid") text(v, "vcard_uid");
      else out_.unknown_keys.push_back(diagnostic_at(path_, key, fmt::format("unknown key '{}'", k)));
    }
    if (!has_name) problem(root, "missing `name:` (the only required key)");
    if (p.circle.empty()) p.circle = settings_.default_circle;
    named_ = !trim(p.name).empty();
  }

  // A map with a name: shown with what could be read, whatever else is wrong
  // with it (DESIGN.md section 5); the bad values were reported and left out.
  bool named() const { return named_; }

 private:
  void problem(const Node& at, std::string message) {
    out_.problems.push_back(diagnostic_at(path_, at, std::move(message)));
  }

  static std::string trim(std::string s) {
    const char* ws = " \t\r\n";
    s.erase(0, s.find_first_not_of(ws));
    s.erase(s.find_last_not_of(ws) + 1);
    return s;
  }

  // yaml-cpp keeps the last of two equal keys silently; a hand-edit that
  // repeats `next:` must not lose one of them without a word.
  void check_duplicates(const Node& map) {
    // A person's map has some 10 keys: looking back over them costs less
    // than a set, which a hostile map of 100,000 keys still gets.
    constexpr std::size_t few = 32;
    std::set<std::string_view> seen;
    for (std::size_t i = 0; i < map.size(); ++i) {
      const Node key = map.key(i);
      budget_.spend(key);
      std::string_view k = key.scalar();
      bool twice = false;
      if (map.size() <= few) {
        for (std::size_t j = 0; j < i && !twice; ++j) twice = map.key(j).scalar() == k;
      } else {
        twice = !seen.insert(k).second;
      }
      if (twice) problem(key, fmt::format("key '{}' appears twice", k));
    }
  }

  std::string text(const Node& v, std::string_view what) {
    budget_.spend(v);
    if (v.is_null()) return {};
    if (!v.is_scalar()) {
      problem(v, fmt::format("{} must be text, not a {}", what, v.is_map() ? "map" : "list"));
      return {};
    }
    return std::string(v.scalar());
  }

  std::vector<std::string> list(const Node& v, std::string_view what) {
    std::vector<std::string> out;
    if (v.is_null()) return out;
    if (v.is_scalar()) {  // `tags: devops` is one tag
      budget_.spend(v);
      out.emplace_back(v.scalar());
      return out;
    }
    if (!v.is_sequence()) {
      problem(v, fmt::format("{} must be a list like [a, b]", what));
      return out;
    }
    out.reserve(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) {
      const Node item = v.item(i);
      budget_.spend(item);
      if (item.is_scalar()) out.emplace_back(item.scalar());
      else problem(item, fmt::format("each item of {} must be text", what));
    }
    return out;
  }

  std::optional<Date> date(const Node& v, std::string_view what) {
    std::string t = text(v, what);
    if (!v.is_scalar()) return std::nullopt;
    std::optional<Date> d = parse_iso_date(t);
    if (!d) problem(v, fmt::format("{} '{}' is not a valid YYYY-MM-DD date", what, t));
    return d;
  }

  void circle(const Node& v, Person& p) {
    p.circle = text(v, "circle");
    if (v.is_scalar() && !settings_.has_circle(p.circle)) {
      problem(v, fmt::format("unknown circle '{}' (known: {})", p.circle, settings_.circle_names()));
      p.circle.clear();
    }
  }

  void every(const Node& v, Person& p) {
    std::string t = text(v, "every");
    if (!v.is_scalar()) return;
    p.every = parse_duration(t);
    if (!p.every) problem(v, fmt::format("every '{}' is not a cadence like 30d, 2w, 3m, 1y or never", t));
  }

  void birthday(const Node& v, Person& p) {
    std::string t = text(v, "birthday");
    if (!v.is_scalar()) return;
    p.birthday = parse_birthday(t);
    if (!p.birthday) problem(v, fmt::format("birthday '{}' is not a date like 1990-05-12 or --05-12", t));
  }

  void links(const Node& v, Person& p) {
    if (v.is_null()) return;
    if (!v.is_map()) return problem(v, "links must be a map like {linkedin: URL}");
    for (std::size_t i = 0; i < v.size(); ++i) {
      const Node key = v.key(i);
      budget_.spend(key);
      p.links[std::string(key.scalar())] = text(v.value(i), "a link");
    }
  }

  void log(const Node& v, Person& p) {
    if (v.is_null()) return;
    if (!v.is_sequence()) return problem(v, "log must be a list of entries (`- date: ...`)");
    p.log.reserve(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) {
      const Node item = v.item(i);
      budget_.spend(item);
      entry(item, p);
    }
  }

  void entry(const Node& item, Person& p) {
    if (!item.is_map()) return problem(item, "a log entry must be a map with `date:` and `kind:`");
    check_duplicates(item);
    Entry e;
    e.line = item.mark().is_null() ? 0 : item.mark().line + 1;
    bool ok = true;
    std::optional<Node> date_node, kind_node, date_key, kind_key;
    for (std::size_t i = 0; i < item.size(); ++i) {
      const Node key = item.key(i);
      budget_.spend(key);
      std::string_view k = key.scalar();
      const Node v = item.value(i);
      if (k == "date") date_node.emplace(v), date_key.emplace(key);
      else if (k == "kind") kind_node.emplace(v), kind_key.emplace(key);
      else if (k == "note") e.note = text(v, "note");
      else if (k == "with") e.with = text(v, "with");
      else out_.unknown_keys.push_back(diagnostic_at(path_, key, fmt::format("unknown key '{}' in a log entry", k)));
    }
    if (!date_node || date_node->is_null()) {
      problem(date_key ? *date_key : item, "log entry without `date:`");
      ok = false;
    } else if (auto d = date(*date_node, "date")) {
      e.date = *d;
    } else {
      ok = false;
    }
    if (!kind_node || kind_node->is_null()) {
      problem(kind_key ? *kind_key : item, "log entry without `kind:`");
      ok = false;
    } else {
      e.kind = text(*kind_node, "kind");
      if (!kind_node->is_scalar()) {
        ok = false;
      } else if (!settings_.find_kind(e.kind)) {
        problem(*kind_node, fmt::format("unknown kind '{}' (known: {})", e.kind, settings_.kind_names()));
        ok = false;
      }
    }
    if (e.kind == "intro" && trim(e.with).empty()) {
      problem(item, "an intro entry needs `with:` (the slug of the person introduced)");
      ok = false;
    }
    if (ok) p.log.push_back(std::move(e));
  }

  const std::string& path_;
  const Settings& settings_;
  LoadResult& out_;
  ReadBudget& budget_;
  bool named_ = false;
};

}  // namespace

LoadResult load_person(std::string_view text, const std::string& path, const Settings& settings) {
  LoadResult result;
  if (auto conflict = merge::find_conflict_markers(text, path)) {
    result.problems.push_back(*conflict);
    return result;
  }
  EventTree tree;
  if (auto bad = parse_yaml(text, path, tree)) {
    result.problems.push_back(*bad);
    return result;
  }
  Person p;
  p.path = path;
  p.slug = std::filesystem::path(path).stem().string();
  ReadBudget budget(text.size(), path);
  bool readable = false;
  try {
    PersonReader reader(path, settings, result, budget);
    reader.read(tree.root(), p);
    readable = reader.named();
  } catch (const Error& e) {  // the budget ran out: the reading stops there, and says so first
    result.problems.insert(result.problems.begin(), e.diagnostic());
  }
  if (readable) result.person = std::move(p);
  // A file that repeats one mistake 20,000 times needs its first few
  // messages, not 20,000 lines of them.
  constexpr std::size_t shown = 50;
  if (result.problems.size() > shown) {
    std::size_t more = result.problems.size() - shown;
    result.problems.resize(shown);
    result.problems.push_back(Diagnostic{path, 0, 0, fmt::format("{} more problems in this file", more)});
  }
  return result;
}

}  // namespace kith
