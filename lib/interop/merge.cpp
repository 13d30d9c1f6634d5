// SPDX-License-Identifier: MIT
#include "merge.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <optional>
#include <set>
#include <unordered_map>

#include "contact_text.h"
#include "linkedin.h"
#include "model/error.h"
#include "text.h"
#include "yaml/edit.h"
#include "yaml/load.h"
#include "yaml/yaml_util.h"
#include "yaml_insert.h"

namespace kith {

namespace {

// A file of the directory, or one this import creates, as it will be.
struct Target {
  std::string slug, path;
  std::optional<std::string> before;  // nullopt: created by this import
  std::string text;
  Person person;  // as `text` reads
  bool changed = false;
};

std::string raw_scalar(const std::string& text, const char* key) { return top_level_scalar(text, key); }

bool has_key(const std::string& text, const char* key) {
  YAML::Node root;
  return !parse_yaml(text, "", root) && root.IsMap() && root[key];
}

bool folded_contains(const std::vector<std::string>& list, const std::string& item) {
  const std::string f = fold(trim_blanks(item));
  for (const auto& x : list)
    if (fold(trim_blanks(x)) == f) return true;
  return false;
}

// The edits a contact needs in a target's file, and the values that differ.
struct Delta {
  std::vector<std::pair<std::string, std::function<std::string(const std::string&)>>> edits;  // what, edit
  std::vector<std::string> conflicts;
  bool empty() const { return edits.empty() && conflicts.empty(); }
};

Delta delta_of(const Target& t, const Contact& c) {
  Delta d;
  const Person& p = t.person;
  auto conflict = [&](const char* field, const std::string& here, const std::string& there) {
    d.conflicts.push_back(fmt::format("{}: {} is '{}' here, '{}' in the import (line {})", t.slug, field, here,
                                      there, c.line));
  };
  // A missing key is added; a key written with nothing after it is filled in.
  // Dates go in plain (`connected: 2024-10-09`), like kith writes them.
  auto scalar = [&](const char* key, const std::string& have, const std::string& want, bool same,
                    bool is_date = false) {
    if (want.empty() || same) return;
    if (!have.empty()) return conflict(key, have, want);
    const std::string value = is_date ? want : yaml_scalar(want);
    d.edits.push_back({key, [key, value](const std::string& text) {
                         return has_key(text, key) ? set_scalar(text, key, value) : add_key(text, key, value);
                       }});
  };
  scalar("email", p.email, c.email, ascii_lower(p.email) == ascii_lower(c.email));
  scalar("phone", p.phone, c.phone, p.phone == c.phone);
  scalar("company", p.company, c.company, p.company == c.company);
  scalar("role", p.role, c.role, p.role == c.role);
  scalar("location", p.location, c.location, p.location == c.location);
  scalar("notes", p.notes, c.notes, p.notes.str().find(trim_blanks(c.notes)) != std::string::npos);
  if (c.birthday) {
    const std::string want = format_birthday(*c.birthday);
    scalar("birthday", p.birthday ? format_birthday(*p.birthday) : "", want,
           p.birthday && format_birthday(*p.birthday) == want, true);
  }
  if (c.connected) {
    const std::string have = raw_scalar(t.text, "connected"), want = format_date(*c.connected);
    scalar("connected", have, want, have == want, true);
  }
  if (!c.vcard_uid.empty()) {
    const std::string have = raw_scalar(t.text, "vcard_uid");
    scalar("vcard_uid", have, c.vcard_uid, have == c.vcard_uid);
  }
  for (const auto& [kind, url] : c.links) {
    auto it = p.links.find(kind);
    if (it == p.links.end()) {
      // Copies, not the structured bindings: clang 14 cannot capture those.
      d.edits.push_back({"links." + kind, [kind = kind, url = url](const std::string& text) {
                           return has_key(text, "links") ? add_map_entry(text, "links", kind, url)
                                                         : add_key(text, "links", "{" + yaml_scalar(kind) + ": " +
                                                                                      quoted_scalar(url) + "}");
                         }});
    } else {
      const bool same = kind == "linkedin" ? canonical_linkedin_url(it->second) == url : it->second == url;
      if (!same) conflict(("links." + kind).c_str(), it->second, url);
    }
  }
  auto list = [&](const char* key, const std::vector<std::string>& have, const std::vector<std::string>& extra) {
    std::vector<std::string> missing;
    for (const auto& item : extra)
      if (!folded_contains(have, item) && !folded_contains(missing, item)) missing.push_back(item);
    if (missing.empty()) return;
    d.edits.push_back({key, [key, missing](const std::string& text) {
                         YAML::Node root;
                         const bool has_items = !parse_yaml(text, "", root) && root.IsMap() && root[key] &&
                                                root[key].IsSequence() && root[key].size() > 0;
                         if (has_items) return add_list_items(text, key, missing);
                         std::string flow;
                         for (const auto& m : missing) flow += (flow.empty() ? "" : ", ") + yaml_scalar(m);
                         return has_key(text, key) ? set_scalar(text, key, "[" + flow + "]")
                                                   : add_key(text, key, "[" + flow + "]");
                       }});
  };
  std::vector<std::string> names = p.aka;
  names.push_back(p.name);
  list("aka", names, c.aka);
  list("tags", p.tags, c.tags);
  return d;
}

bool same_log(const Person& a, const Person& b) {
  if (a.name != b.name || a.log.size() != b.log.size()) return false;
  for (std::size_t i = 0; i < a.log.size(); ++i)
    if (a.log[i].date != b.log[i].date || a.log[i].kind != b.log[i].kind || a.log[i].note != b.log[i].note ||
        a.log[i].with != b.log[i].with)
      return false;
  return true;
}

class Planner {
 public:
  Planner(const std::vector<Contact>& contacts, const std::vector<KnownPerson>& known, const Settings& s,
          const ImportOptions& o)
      : contacts_(contacts), settings_(s), options_(o) {
    for (const auto& c : contacts) ++import_names_[fold(c.name)];
    for (const auto& k : known) {
      Target t{k.person.slug, k.person.path, k.text, k.text, k.person, false};
      taken_.insert(t.slug);
      targets_.push_back(std::move(t));
      index(targets_.size() - 1);
    }
    for (const auto& c : contacts)
      if (!c.vcard_uid.empty()) need_uids_ = true;
    if (need_uids_)
      for (std::size_t i = 0; i < targets_.size(); ++i)
        if (auto uid = raw_scalar(targets_[i].text, "vcard_uid"); !uid.empty()) by_uid_.emplace(uid, i);
  }

  ImportPlan run() {
    for (std::size_t i = 0; i < contacts_.size(); ++i) {
      place(contacts_[i]);
      if (options_.progress) options_.progress(i + 1, contacts_.size());
    }
    for (const Target& t : targets_) {
      if (!t.before) plan_.changes.push_back({t.path, std::nullopt, t.text});
      else if (t.changed) plan_.changes.push_back({t.path, t.before, t.text});
    }
    return std::move(plan_);
  }

 private:
  void index(std::size_t i) {
    const Person& p = targets_[i].person;
    if (auto it = p.links.find("linkedin"); it != p.links.end())
      by_url_.emplace(canonical_linkedin_url(it->second), i);
    if (!p.email.empty()) by_email_.emplace(ascii_lower(trim_blanks(p.email)), i);
    by_name_.emplace(fold(p.name), i);
    for (const auto& a : p.aka) by_name_.emplace(fold(a), i);
  }

  std::optional<std::size_t> match(const Contact& c) {
    auto find = [](const auto& map, const std::string& key) -> std::optional<std::size_t> {
      if (key.empty()) return std::nullopt;
      auto it = map.find(key);
      if (it == map.end()) return std::nullopt;
      return it->second;
    };
    if (auto i = find(by_uid_, c.vcard_uid)) return i;
    if (auto it = c.links.find("linkedin"); it != c.links.end())
      if (auto i = find(by_url_, it->second)) return i;
    if (auto i = find(by_email_, ascii_lower(c.email))) return i;
    const std::string name = fold(c.name);
    auto [first, last] = by_name_.equal_range(name);
    std::set<std::size_t> same_name;
    for (auto it = first; it != last; ++it) same_name.insert(it->second);
    if (same_name.size() == 1 && import_names_[name] == 1) return *same_name.begin();
    for (std::size_t i : same_name)
      if (delta_of(targets_[i], c).empty()) return i;
    return std::nullopt;
  }

  void place(const Contact& c) {
    if (auto i = match(c)) return merge(targets_[*i], c);
    std::string slug = slugify(c.name);
    if (slug == "kith") slug = "kith-person";
    const std::string base = slug;
    for (int n = 2; taken_.count(slug); ++n) slug = fmt::format("{}-{}", base, n);
    const std::string path = options_.path_for(slug);
    try {
      const std::string circle = !c.circle.empty() && settings_.has_circle(c.circle) ? c.circle : options_.circle;
      std::string text = contact_text(c, circle);
      LoadResult r = load_person(text, path, settings_);
      if (!r.problems.empty()) throw Error(r.problems.front());
      taken_.insert(slug);
      targets_.push_back(Target{slug, path, std::nullopt, std::move(text), std::move(*r.person), true});
      index(targets_.size() - 1);
      if (!c.vcard_uid.empty()) by_uid_.emplace(c.vcard_uid, targets_.size() - 1);
      plan_.created.push_back(slug);
    } catch (const std::exception& e) {  // Error, or UsageError for text that is not UTF-8
      plan_.skipped.push_back({c.line, fmt::format("{}: {}", c.name, e.what())});
    }
  }

  void merge(Target& t, const Contact& c) {
    Delta d = delta_of(t, c);
    for (auto& conflict : d.conflicts) plan_.conflicts.push_back(std::move(conflict));
    if (d.edits.empty()) {
      if (t.before) plan_.unchanged.push_back(t.slug);
      else plan_.merged.push_back(t.slug);  // a duplicate row of this import, nothing new
      return;
    }
    std::string text = t.text;
    bool any = false;
    for (const auto& [what, edit] : d.edits) {
      try {
        std::string after = edit(text);
        LoadResult r = load_person(after, t.path, settings_);
        if (!r.problems.empty()) throw Error(r.problems.front());
        if (!same_log(t.person, *r.person)) throw Error("the name or the log would change");
        text = std::move(after);
        any = true;
      } catch (const Error& e) {
        plan_.conflicts.push_back(
            fmt::format("{}: {} from line {} not added, the file could not take it safely: {}", t.slug, what,
                        c.line, e.what()));
      }
    }
    if (any) {
      LoadResult r = load_person(text, t.path, settings_);
      t.person = std::move(*r.person);
      t.text = std::move(text);
      t.changed = true;
      plan_.merged.push_back(t.slug);
    } else {
      plan_.unchanged.push_back(t.slug);
    }
  }

  const std::vector<Contact>& contacts_;
  const Settings& settings_;
  const ImportOptions& options_;
  std::vector<Target> targets_;  // the indexes hold positions, never pointers, so it may grow
  std::unordered_map<std::string, std::size_t> by_uid_, by_url_, by_email_;
  std::unordered_multimap<std::string, std::size_t> by_name_;
  std::unordered_map<std::string, int> import_names_;
  std::set<std::string> taken_;
  bool need_uids_ = false;
  ImportPlan plan_;
};

}  // namespace

ImportPlan plan_import(const std::vector<Contact>& contacts, const std::vector<KnownPerson>& known,
                       const Settings& settings, const ImportOptions& options) {
  return Planner(contacts, known, settings, options).run();
}

}  // namespace kith
