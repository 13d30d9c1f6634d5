// SPDX-License-Identifier: MIT
// kith mv WHO NEW-NAME [--slug NEW-SLUG] [--no-aka]: rename a person, their
// file, and every `with:` naming them, in one all-or-nothing change.
#include <fmt/format.h>

#include <algorithm>
#include <ostream>

#include "args.h"
#include "commands.h"
#include "commit.h"
#include "render.h"
#include "store/transaction.h"
#include "store/update.h"
#include "yaml/edit.h"

namespace kith {

namespace {

struct MvOptions {
  std::string who, name, slug;
  bool no_aka = false;
};

std::string new_slug_for(const MvOptions& o, const std::string& name) {
  if (o.slug.empty()) {
    std::string slug = slugify(name);
    return slug == "kith" ? "kith-person" : slug;
  }
  if (slugify(o.slug) != o.slug || o.slug == "kith")
    throw UsageError(fmt::format("--slug '{}' is not a slug (lower case letters, digits and dashes, e.g. '{}')",
                                 o.slug, slugify(o.slug)));
  return o.slug;
}

void run_mv(Context& ctx, const MvOptions& o) {
  const std::string new_name = trim_arg(o.name);
  if (new_name.empty() && o.slug.empty())
    throw UsageError("mv needs a NEW-NAME, or --slug NEW-SLUG to rename only the file");

  Store store = ctx.store();
  store.require_exists();
  auto lock = store.lock();
  Loaded all = load_for_write(store);
  const Settings& s = all.settings;
  const Person& p = find_person_in(all, o.who);
  const std::string name = new_name.empty() ? p.name : new_name;
  const std::string slug = new_slug_for(o, name);
  if (name == p.name && slug == p.slug) throw UsageError(fmt::format("{} is already named {}", p.slug, p.name));
  if (slug != p.slug)
    for (const fs::path& f : store.person_files())
      if (f.stem() == slug) throw Error(fmt::format("{} already exists ({}); choose another --slug", slug, f.string()));
  if (!all.problems.empty()) {  // their `with:` lines cannot be rewritten
    warn_problems(ctx.err, all.problems);
    ctx.err << "kith: warning: the files above do not read; a `with:` naming " << p.slug
            << " in them is left as it is\n";
    ctx.exit_code = 1;
  }

  // The person's own file: the new name, the old one kept as an aka.
  const fs::path old_path = p.path;
  const fs::path new_path = old_path.parent_path() / (slug + ".yaml");
  const std::string before = read_file(old_path);
  std::string after = before;
  if (name != p.name) {
    after = set_string(after, "name", name);
    if (!o.no_aka && std::find(p.aka.begin(), p.aka.end(), p.name) == p.aka.end())
      after = add_list_item(after, "aka", p.name);
  }
  verify_person_text(after, new_path.string(), s);
  std::vector<FileChange> changes;
  if (slug == p.slug) {
    changes.push_back({old_path, before, after});
  } else {
    changes.push_back({new_path, std::nullopt, after});
    changes.push_back({old_path, before, std::nullopt});
  }

  // Everyone else's `with: OLD-SLUG`.
  std::vector<fs::path> files{old_path, new_path};
  if (slug != p.slug) {
    for (const Person& other : all.people) {
      if (other.slug == p.slug ||
          std::none_of(other.log.begin(), other.log.end(), [&](const Entry& e) { return e.with == p.slug; }))
        continue;
      std::string text = read_file(other.path);
      std::string renamed;
      try {
        renamed = rename_with(text, p.slug, slug);
      } catch (const Error& e) {
        Diagnostic d = e.diagnostic();
        if (d.path.empty()) d.path = other.path;
        d.message += "; nothing was renamed";
        throw Error(d);
      }
      verify_person_text(renamed, other.path, s);
      changes.push_back({other.path, text, renamed});
      files.push_back(other.path);
    }
  }
  apply_changes(store.dir(), changes);

  std::string what = slug != p.slug ? fmt::format("{} -> {} ({})", p.slug, slug, new_path.string()) : p.slug;
  if (name != p.name) what += fmt::format(", name: {}", name);
  if (files.size() > 2)
    what += fmt::format(", `with:` updated in {}", count_of(static_cast<long>(files.size() - 2), "other file", "other files"));
  ctx.out << what << '\n';
  commit_change(ctx, s, files, fmt::format("kith: mv {} {}", p.slug, slug));
}

}  // namespace

void setup_mv(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<MvOptions>();
  CLI::App* sub = app.add_subcommand("mv", "Rename a person: name, file, and every `with:` naming them");
  sub->add_option("WHO", o->who, "Slug, or a unique part of a slug, name or aka")->required();
  sub->add_option("NEW-NAME", o->name, "Their new name (the old one becomes an aka)");
  sub->add_option("--slug", o->slug, "The new slug (default: from the new name)")->type_name("SLUG");
  sub->add_flag("--no-aka", o->no_aka, "Do not keep the old name as an aka");
  sub->callback([&ctx, o] { run_mv(ctx, *o); });
}

}  // namespace kith
