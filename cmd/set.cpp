// SPDX-License-Identifier: MIT
// kith set WHO KEY VALUE... / kith unset WHO KEY / kith tag WHO +a -b: change
// one key of a person's file without opening an editor, validated like a
// hand edit, editing only the lines of that key.
#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <ostream>

#include "args.h"
#include "commands.h"
#include "commit.h"
#include "store/update.h"
#include "yaml/edit.h"

namespace kith {

namespace {

const std::vector<std::string> kScalarKeys{"name",    "circle", "every", "next",     "email",    "phone",
                                           "company", "role",   "location", "birthday", "notes"};
const std::vector<std::string> kListKeys{"aka", "tags", "offers", "needs"};

bool is_list_key(const std::string& key) {
  return std::find(kListKeys.begin(), kListKeys.end(), key) != kListKeys.end();
}

// `links.NAME`: one link; NAME is the part after the dot.
std::optional<std::string> link_name(const std::string& key) {
  if (!key.starts_with("links.")) return std::nullopt;
  std::string name = key.substr(6);
  if (trim_arg(name).empty() || trim_arg(name) != name)
    throw UsageError(fmt::format("'{}': write links.NAME, e.g. links.github", key));
  return name;
}

void require_known_key(const std::string& key) {
  if (is_list_key(key) || std::find(kScalarKeys.begin(), kScalarKeys.end(), key) != kScalarKeys.end()) return;
  if (link_name(key)) return;
  throw UsageError(fmt::format("unknown key '{}' (keys: {}, {}, links.NAME)", key, fmt::join(kScalarKeys, ", "),
                               fmt::join(kListKeys, ", ")));
}

const std::vector<std::string>& list_of(const Person& p, const std::string& key) {
  if (key == "aka") return p.aka;
  if (key == "tags") return p.tags;
  if (key == "offers") return p.offers;
  return p.needs;
}

// Where `item` is in `list`, compared as tags are (fold, blanks around ignored).
std::optional<std::size_t> index_of(const std::vector<std::string>& list, const std::string& item) {
  const std::string want = fold(trim_arg(item));
  for (std::size_t i = 0; i < list.size(); ++i)
    if (fold(trim_arg(list[i])) == want) return i;
  return std::nullopt;
}

// A scalar's value as it is written in the file, checked like a hand edit.
std::string scalar_value(Context& ctx, const Settings& s, const std::string& key, const std::string& value) {
  if (value.empty()) throw UsageError(fmt::format("an empty {}: use `kith unset WHO {}` to remove it", key, key));
  if (key == "circle" && !s.has_circle(value))
    throw UsageError(fmt::format("unknown circle '{}' (known: {})", value, s.circle_names()));
  if (key == "every") return format_duration(parse_duration_arg(value, "every"));
  if (key == "next") return format_date(parse_when_arg(value, ctx.today, ctx.today));
  if (key == "birthday") {
    auto b = parse_birthday(value);
    if (!b) throw UsageError(fmt::format("birthday '{}' is not a date like 1990-05-12 or --05-12", value));
    return format_birthday(*b);
  }
  return value;
}

// Applies list edits one by one: the list as the file has it after each.
struct ListEdit {
  bool add;
  std::string item;
};

std::string edit_list(const std::string& text, const std::string& key, const std::vector<ListEdit>& edits,
                      std::vector<std::string> current, std::vector<std::string>& said) {
  std::string out = text;
  for (const ListEdit& e : edits) {
    auto at = index_of(current, e.item);
    if (e.add && !at) {
      out = add_list_item(out, key, trim_arg(e.item));
      current.push_back(trim_arg(e.item));
      said.push_back("+" + trim_arg(e.item));
    } else if (!e.add && at) {
      out = remove_list_item(out, key, *at);
      current.erase(current.begin() + static_cast<std::ptrdiff_t>(*at));
      said.push_back("-" + trim_arg(e.item));
    }
  }
  return out;
}

// Writes the person's file through update_person_file; a new name goes
// through verify + write itself, since update_person_file guards the name.
void write_edit(const Person& p, const Settings& s, const std::string& key, const TextEdit& edit) {
  if (key != "name") {
    update_person_file(p.path, s, edit);
    return;
  }
  const std::string before = read_file(p.path);
  const std::string after = edit(before);
  Person back = verify_person_text(after, p.path, s);
  if (back.log.size() != p.log.size())
    throw Error("the change would lose or alter what the file holds, nothing was written", p.path);
  write_atomic(p.path, after);
}

struct SetOptions {
  std::string who, key;
  std::vector<std::string> values;
  bool add = false, remove = false;
};

void run_set(Context& ctx, const SetOptions& o) {
  require_known_key(o.key);
  if (o.add && o.remove) throw UsageError("--add and --remove go in two commands");
  if ((o.add || o.remove) && !is_list_key(o.key))
    throw UsageError(fmt::format("--add and --remove work on lists ({}); '{}' is a single value",
                                 fmt::join(kListKeys, ", "), o.key));
  if (o.values.empty()) throw UsageError(fmt::format("set needs a VALUE for {}", o.key));

  Store store = ctx.store();
  store.require_exists();
  auto lock = store.lock();
  Loaded all = load_for_write(store);
  const Settings& s = all.settings;
  const Person& p = find_person_in(all, o.who);

  std::string shown;
  if (is_list_key(o.key)) {
    std::vector<std::string> items;  // `tags a b`, `tags a,b` and `tags "a, b"` alike
    for (const std::string& v : o.values) {
      for (std::size_t from = 0;;) {
        std::size_t comma = v.find(',', from);
        if (std::string item = trim_arg(v.substr(from, comma - from)); !item.empty()) items.push_back(item);
        if (comma == std::string::npos) break;
        from = comma + 1;
      }
    }
    std::vector<ListEdit> edits;
    const std::vector<std::string>& current = list_of(p, o.key);
    if (o.add || o.remove) {
      for (const std::string& i : items) edits.push_back({o.add, i});
    } else {  // the list becomes `items`: drop what is not in it, add what is missing
      for (const std::string& c : current)
        if (!index_of(items, c)) edits.push_back({false, c});
      for (const std::string& i : items) edits.push_back({true, i});
    }
    std::vector<std::string> said;
    std::string text = read_file(p.path);
    if (edit_list(text, o.key, edits, current, said) == text) {
      ctx.out << fmt::format("{}: {} unchanged\n", p.slug, o.key);
      return;
    }
    said.clear();
    write_edit(p, s, o.key,
               [&](const std::string& t) { return edit_list(t, o.key, edits, current, said); });
    shown = fmt::format("{}", fmt::join(said, " "));
  } else if (auto name = link_name(o.key)) {
    std::string value = trim_arg(fmt::format("{}", fmt::join(o.values, " ")));
    if (value.empty()) throw UsageError(fmt::format("an empty {}: use `kith unset WHO {}` to remove it", o.key, o.key));
    auto it = p.links.find(*name);
    if (it != p.links.end() && it->second == value) {
      ctx.out << fmt::format("{}: {} unchanged\n", p.slug, o.key);
      return;
    }
    write_edit(p, s, o.key, [&](const std::string& t) { return set_map_string(t, "links", *name, value); });
    shown = value;
  } else {
    std::string joined = fmt::format("{}", fmt::join(o.values, " "));
    std::string value = scalar_value(ctx, s, o.key, trim_arg(joined));
    // Dates and durations are written plain, as people write them.
    const bool plain = o.key == "next" || o.key == "every" || (o.key == "birthday" && !value.starts_with("-"));
    write_edit(p, s, o.key, [&](const std::string& t) {
      return plain ? set_scalar(t, o.key, value) : set_string(t, o.key, value);
    });
    shown = value;
  }
  ctx.out << fmt::format("{}: {} {}\n", p.slug, o.key, shown);
  commit_change(ctx, s, {p.path}, fmt::format("kith: set {} {}", p.slug, o.key));
}

struct UnsetOptions {
  std::string who, key;
};

void run_unset(Context& ctx, const UnsetOptions& o) {
  if (o.key != "links") require_known_key(o.key);  // all links at once can go
  if (o.key == "name") throw UsageError("a person needs a name; use `kith mv WHO NEW-NAME` to change it");
  Store store = ctx.store();
  store.require_exists();
  auto lock = store.lock();
  Loaded all = load_for_write(store);
  const Person& p = find_person_in(all, o.who);
  const std::optional<std::string> link = link_name(o.key);
  auto remove = [&](const std::string& t) { return link ? remove_map_entry(t, "links", *link) : remove_key(t, o.key); };
  std::string text = read_file(p.path);
  if (remove(text) == text) {
    ctx.out << fmt::format("{}: no {} to remove\n", p.slug, o.key);
    return;
  }
  update_person_file(p.path, all.settings, remove);
  ctx.out << fmt::format("{}: {} removed\n", p.slug, o.key);
  commit_change(ctx, all.settings, {p.path}, fmt::format("kith: unset {} {}", p.slug, o.key));
}

struct TagOptions {
  std::string who;
  std::vector<std::string> changes;
};

void run_tag(Context& ctx, const TagOptions& o) {
  std::vector<ListEdit> edits;
  for (const std::string& c : o.changes) {
    if (c.size() < 2 || (c[0] != '+' && c[0] != '-'))
      throw UsageError(fmt::format("'{}': write +TAG to add a tag, -TAG to remove one", c));
    edits.push_back({c[0] == '+', c.substr(1)});
  }
  if (edits.empty()) throw UsageError("tag needs at least one +TAG or -TAG");
  Store store = ctx.store();
  store.require_exists();
  auto lock = store.lock();
  Loaded all = load_for_write(store);
  const Person& p = find_person_in(all, o.who);
  std::vector<std::string> said;
  std::string text = read_file(p.path);
  if (edit_list(text, "tags", edits, p.tags, said) == text) {
    ctx.out << fmt::format("{}: tags unchanged\n", p.slug);
    return;
  }
  said.clear();
  update_person_file(p.path, all.settings,
                     [&](const std::string& t) { return edit_list(t, "tags", edits, p.tags, said); });
  ctx.out << fmt::format("{}: tags {}\n", p.slug, fmt::join(said, " "));
  commit_change(ctx, all.settings, {p.path}, fmt::format("kith: tag {} {}", p.slug, fmt::join(said, " ")));
}

}  // namespace

void setup_set(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<SetOptions>();
  CLI::App* sub = app.add_subcommand("set", "Set one key of a person's file (circle, email, tags, ...)");
  sub->add_option("WHO", o->who, "Slug, or a unique part of a slug, name or aka")->required();
  sub->add_option("KEY", o->key, "name, aka, circle, every, next, tags, offers, needs, email, phone, company, "
                                  "role, location, birthday, notes, links.NAME")
      ->required();
  sub->add_option("VALUE", o->values, "The new value (a list: its items, or with --add/--remove some items)");
  sub->add_flag("--add", o->add, "Add the items to the list KEY");
  sub->add_flag("--remove", o->remove, "Remove the items from the list KEY");
  sub->callback([&ctx, o] { run_set(ctx, *o); });
}

void setup_unset(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<UnsetOptions>();
  CLI::App* sub = app.add_subcommand("unset", "Remove one key from a person's file");
  sub->add_option("WHO", o->who, "Slug, or a unique part of a slug, name or aka")->required();
  sub->add_option("KEY", o->key, "The key to remove (every key but name; links.NAME: one link)")->required();
  sub->callback([&ctx, o] { run_unset(ctx, *o); });
}

void setup_tag(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<TagOptions>();
  CLI::App* sub = app.add_subcommand("tag", "Add (+TAG) and remove (-TAG) tags of a person");
  sub->add_option("WHO", o->who, "Slug, or a unique part of a slug, name or aka")->required();
  // -TAG is not an option: every word after WHO is taken as it is, as
  // `kith git` does (so --dir goes before `tag`).
  sub->prefix_command();
  sub->allow_extras();
  sub->fallthrough(false);
  sub->footer("CHANGES: +TAG adds a tag, -TAG removes one (e.g. `kith tag ada +rust -java`)");
  sub->callback([&ctx, o, sub] {
    o->changes = sub->remaining();
    run_tag(ctx, *o);
  });
}

}  // namespace kith
