// SPDX-License-Identifier: MIT
#include "settings.h"

#include <yaml-cpp/yaml.h>

#include <fmt/format.h>

#include <set>

#include "yaml/load.h"
#include "yaml/yaml_util.h"

namespace kith {

const std::vector<KindInfo>& builtin_kinds() {
  static const std::vector<KindInfo> kinds{
      {"met", true, 0},  {"talk", true, 0},  {"give", true, 1}, {"ask", true, -1},
      {"got", true, -1}, {"intro", true, 1}, {"note", false, 0}};
  return kinds;
}

const KindInfo* Settings::find_kind(std::string_view name) const {
  // A few kinds (the built-ins and a handful more, as nearly everyone has):
  // a scan beats hashing, and needs neither the index nor its lock, which
  // every log entry of every file took.
  constexpr std::size_t scanned = 16;
  if (kinds.size() <= scanned) {
    for (const KindInfo& k : kinds)
      if (k.name == name) return &k;  // the first wins, as in the index
    return nullptr;
  }
  KindIndex& index = kind_index_;
  auto lookup = [&]() -> const KindInfo* {
    auto it = index.by_name.find(std::string(name));
    return it == index.by_name.end() ? nullptr : &kinds[it->second];
  };
  auto current = [&] { return index.data == kinds.data() && index.size == kinds.size(); };
  {
    std::shared_lock reading(index.lock);
    if (current()) {
      const KindInfo* k = lookup();
      if (k == nullptr || k->name == name) return k;  // a stale index is rebuilt below
    }
  }
  std::unique_lock writing(index.lock);
  if (current()) {  // another thread may have rebuilt it meanwhile
    const KindInfo* k = lookup();
    if (k == nullptr || k->name == name) return k;
  }
  index.by_name.clear();
  for (std::size_t i = 0; i < kinds.size(); ++i) index.by_name.emplace(kinds[i].name, i);  // the first wins
  index.data = kinds.data();
  index.size = kinds.size();
  return lookup();
}

std::string Settings::kind_names() const {
  constexpr std::size_t shown = 10;
  std::string out;
  for (std::size_t i = 0; i < kinds.size() && i < shown; ++i) out += (out.empty() ? "" : ", ") + kinds[i].name;
  if (kinds.size() > shown) out += fmt::format(" and {} more", kinds.size() - shown);
  return out;
}

std::string Settings::circle_names() const {
  std::string out;
  for (const auto& [name, cadence] : circles) out += (out.empty() ? "" : ", ") + name;
  return out;
}

namespace {

struct Reader {
  const std::string& path;
  std::vector<Diagnostic>& problems;
  ReadBudget& budget;  // aliases must not make a small file endless to read

  void problem(const YAML::Node& at, std::string message) {
    problems.push_back(diagnostic_at(path, at, std::move(message)));
  }

  // nullopt, after a problem, unless `n` is a duration (`never` only for a
  // cadence). An empty value is named at its `key`: its own position is the
  // next token's.
  std::optional<Duration> duration(const YAML::Node& key, const YAML::Node& n, std::string_view what) {
    budget.spend(n);
    if (n.IsNull()) {
      problem(key, fmt::format("{} is empty; give a duration like 14d, 2w, 3m or 1y", what));
      return std::nullopt;
    }
    std::string text = scalar_or_empty(n);
    std::optional<Duration> d = parse_duration(text);
    if (!d || (d->is_never() && what != "cadence")) {
      problem(n, fmt::format("{} '{}' is not a duration like 14d, 2w, 3m or 1y", what, text));
      return std::nullopt;
    }
    return d;
  }

  std::optional<int> integer(const YAML::Node& n, std::string_view what) {
    budget.spend(n);
    std::string text = scalar_or_empty(n);
    try {
      std::size_t used = 0;
      int v = std::stoi(text, &used);
      if (used == text.size()) return v;
    } catch (const std::exception&) {
    }
    problem(n, fmt::format("{} '{}' is not a whole number", what, text));
    return std::nullopt;
  }

  void circles(const YAML::Node& n, Settings& s) {
    if (n.IsNull()) return;  // every circle commented out
    if (!n.IsMap()) return problem(n, "circles must be a map of circle: cadence, e.g. team: 14d");
    for (auto it = n.begin(); it != n.end(); ++it) {
      budget.spend(it->first);
      std::string name = scalar_or_empty(it->first);
      if (name.empty()) {
        problem(it->first, "a circle needs a name");
        continue;
      }
      if (auto d = duration(it->first, it->second, "cadence")) s.circles[name] = *d;
    }
  }

  void kinds(const YAML::Node& n, Settings& s) {
    if (n.IsNull()) return;  // every kind commented out
    if (!n.IsMap()) return problem(n, "kinds must be a map, e.g. mentoring: {balance: 1}");
    std::set<std::string, std::less<>> known;  // find_kind per kind would be quadratic
    for (const KindInfo& k : s.kinds) known.insert(k.name);
    for (auto it = n.begin(); it != n.end(); ++it) {
      budget.spend(it->first);
      KindInfo k{scalar_or_empty(it->first), true, 0};
      if (k.name.empty()) {
        problem(it->first, "a kind needs a name");
        continue;
      }
      if (!known.insert(k.name).second) {
        problem(it->first, fmt::format("kind '{}' is already known", k.name));
        continue;
      }
      const YAML::Node spec = it->second;  // a copy: `it->second` lives in a temporary proxy
      if (spec.IsMap()) {
        for (auto f = spec.begin(); f != spec.end(); ++f) {
          budget.spend(f->first);
          std::string key = scalar_or_empty(f->first);
          if (key == "balance") {
            if (auto v = integer(f->second, "balance")) {
              if (*v < -1 || *v > 1)
                problem(f->second, "balance must be -1, 0 or 1");
              else
                k.balance = *v;
            }
          } else if (key == "contact") {
            std::string v = scalar_or_empty(f->second);
            if (v == "true" || v == "yes") k.contact = true;
            else if (v == "false" || v == "no") k.contact = false;
            else problem(f->second, "contact must be true or false");
          } else {
            problem(f->first, fmt::format("unknown key '{}' for a kind (known: balance, contact)", key));
          }
        }
      } else if (!spec.IsNull()) {
        problem(spec, "a kind is a map like {balance: 1} or {}");
      }
      s.kinds.push_back(std::move(k));
    }
  }

  void goals(const YAML::Node& n, Settings& s) {
    if (n.IsNull()) return;  // every goal commented out
    if (!n.IsMap()) return problem(n, "goals must be a map, e.g. new_contacts_per_year: [5, 10]");
    for (auto it = n.begin(); it != n.end(); ++it) {
      budget.spend(it->first);
      std::string key = scalar_or_empty(it->first);
      if (key != "new_contacts_per_year") {
        problem(it->first, fmt::format("unknown goal '{}' (known: new_contacts_per_year)", key));
        continue;
      }
      const YAML::Node v = it->second;
      if (v.IsSequence() && v.size() == 2) {
        auto lo = integer(v[0], "goal");
        auto hi = integer(v[1], "goal");
        if (lo && hi) {
          if (*lo < 0 || *hi < *lo)
            problem(v, "the goal is [low, high] with 0 <= low <= high");
          else
            s.goal_low = *lo, s.goal_high = *hi;
        }
      } else if (v.IsScalar()) {
        if (auto n1 = integer(v, "goal")) {
          if (*n1 < 0) problem(v, "the goal cannot be negative");
          else s.goal_low = s.goal_high = *n1;
        }
      } else {
        problem(v, "new_contacts_per_year is a number or [low, high], e.g. [5, 10]");
      }
    }
  }
};

}  // namespace

SettingsResult parse_settings(std::string_view text, const std::string& path) {
  SettingsResult result;
  Settings& s = result.settings;
  YAML::Node root;
  if (auto bad = parse_yaml(text, path, root)) {
    result.problems.push_back(*bad);
    return result;
  }
  if (root.IsNull()) return result;  // an empty or all-comment kith.yaml
  ReadBudget budget(text.size(), path);
  Reader r{path, result.problems, budget};
  if (!root.IsMap()) {
    r.problem(root, "kith.yaml must be a map of settings");
    return result;
  }
  std::optional<std::string> default_circle;
  YAML::Node default_circle_node;
  std::set<std::string> seen;
  try {
    for (auto it = root.begin(); it != root.end(); ++it) {
      budget.spend(it->first);
      budget.spend(it->second);
      std::string key = scalar_or_empty(it->first);
      const YAML::Node v = it->second;
      // yaml-cpp would apply both silently; the first one stays.
      if (!seen.insert(key).second) {
        r.problem(it->first, fmt::format("key '{}' appears twice", key));
        continue;
      }
      if (key == "circles") r.circles(v, s);
      else if (key == "kinds") r.kinds(v, s);
      else if (key == "goals") r.goals(v, s);
      else if (key == "followup") {
        if (auto d = r.duration(it->first, v, "followup")) s.followup = *d;
      } else if (key == "default_circle") {
        default_circle = scalar_or_empty(v);
        default_circle_node = v;
      } else if (key == "git") {
        std::string g = scalar_or_empty(v);
        if (g == "auto") s.git_auto = true;
        else if (g == "off" || g == "false" || g == "no") s.git_auto = false;
        else r.problem(v, fmt::format("git '{}' must be auto or off", g));
      } else if (key == "dir") {
        // Allowed for symmetry with config.yaml; meaningless inside the directory.
      } else {
        r.problem(it->first, fmt::format("unknown setting '{}' (known: circles, default_circle, "
                                         "followup, goals, kinds, git)", key));
      }
    }
  } catch (const Error& e) {  // the read budget ran out
    result.problems.push_back(e.diagnostic());
    return result;
  }
  // Checked after the loop: `circles:` may come after `default_circle:`.
  if (default_circle) {
    if (s.has_circle(*default_circle))
      s.default_circle = *default_circle;
    else
      r.problem(default_circle_node, fmt::format("default_circle '{}' is not a circle (known: {})",
                                                 *default_circle, s.circle_names()));
  }
  return result;
}

std::string default_settings_text() {
  return R"(# kith settings. Every key is optional; remove what you do not need.

circles:            # default cadence of each circle; a person's `every` wins
  team: 14d         # circle 1: the people you work with now
  community: 30d    # circle 2: local meetups, conferences, user groups
  online: 90d       # circle 3: LinkedIn, Mastodon, blogs
default_circle: community
followup: 2d        # a first meeting wants a follow-up within this window
goals:
  new_contacts_per_year: [5, 10]   # quality over quantity
kinds:              # extra interaction kinds, on top of met, talk, give, ask, got, intro, note
  mentoring: {balance: 1}          # counts as giving
  coffee: {}                       # neutral contact
git: auto           # auto: commit each change when the directory is a git work tree; off
)";
}

}  // namespace kith
