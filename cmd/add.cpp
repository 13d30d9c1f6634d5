// SPDX-License-Identifier: MIT
// kith add NAME [...]: create <slug>.yaml; with --met, log the first meeting
// so its follow-up falls due.
#include <fmt/format.h>

#include <ostream>

#include "args.h"
#include "commands.h"
#include "commit.h"
#include "render.h"
#include "store/update.h"
#include "yaml/edit.h"

namespace kith {

namespace {

struct AddOptions {
  std::string name, circle, every, email, phone, company, role, location, birthday, notes, met, date;
  std::vector<std::string> aka, tags, offers, needs, links;
};

// --link NAME=URL, each once.
std::vector<std::pair<std::string, std::string>> parse_links(const std::vector<std::string>& args) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const std::string& a : args) {
    std::size_t eq = a.find('=');
    std::string name = eq == std::string::npos ? "" : trim_arg(a.substr(0, eq));
    std::string url = eq == std::string::npos ? "" : trim_arg(a.substr(eq + 1));
    if (name.empty() || url.empty()) throw UsageError(fmt::format("--link '{}' is not NAME=URL", a));
    for (const auto& [n, u] : out)
      if (n == name) throw UsageError(fmt::format("--link {} is given twice", name));
    out.emplace_back(name, url);
  }
  return out;
}

// kith.yaml is the settings file, so a person whose name slugifies to
// `kith` gets a file name that says what it is.
std::string slug_for(const std::string& name) {
  std::string slug = slugify(name);
  return slug == "kith" ? "kith-person" : slug;
}

void run_add(Context& ctx, const AddOptions& o) {
  // The arguments first: a usage error must not leave a new directory behind.
  NewPerson np;
  // NFC: the name is stored in one spelling, whatever the keyboard sent.
  np.name = to_nfc(trim_arg(o.name));
  if (np.name.empty()) throw UsageError("NAME is empty");
  if (!o.date.empty() && o.met.empty()) throw UsageError("-d/--date is the date of --met; give --met WHERE too");
  if (!o.every.empty()) np.every = format_duration(parse_duration_arg(o.every, "--every"));
  if (!o.birthday.empty()) {
    auto b = parse_birthday(trim_arg(o.birthday));
    if (!b) throw UsageError(fmt::format("--birthday '{}' is not a date like 1990-05-12 or --05-12", o.birthday));
    np.birthday = format_birthday(*b);
  }
  np.links = parse_links(o.links);
  np.added = format_date(ctx.today);
  Date met_on = o.date.empty() ? ctx.today : parse_entry_date(o.date, ctx.today);

  Store store = ctx.store();
  std::error_code ec;
  fs::create_directories(store.dir(), ec);
  if (ec) throw Error(fmt::format("cannot create {}: {}", store.dir().string(), ec.message()));

  auto lock = store.lock();
  Loaded all = load_for_write(store);  // a broken kith.yaml would make us guess
  const Settings& s = all.settings;

  if (!o.circle.empty() && !s.has_circle(o.circle))
    throw UsageError(fmt::format("unknown circle '{}' (known: {})", o.circle, s.circle_names()));
  np.circle = o.circle;
  np.tags = split_list(o.tags);
  np.offers = split_list(o.offers);
  np.needs = split_list(o.needs);
  np.aka = split_list(o.aka);
  np.email = trim_arg(o.email);
  np.phone = trim_arg(o.phone);
  np.company = trim_arg(o.company);
  np.role = trim_arg(o.role);
  np.location = trim_arg(o.location);
  np.notes = o.notes;
  while (!np.notes.empty() && (np.notes.back() == '\n' || np.notes.back() == ' ')) np.notes.pop_back();

  std::string slug = slug_for(np.name);
  for (const fs::path& f : store.person_files())
    if (f.stem() == slug)
      throw Error(fmt::format("{} already exists ({}); use `kith log {}` to add to it", slug, f.string(), slug));
  fs::path path = store.path_for_slug(slug);

  std::string text = new_person_text(np);
  if (!o.met.empty()) text = append_log_entry(text, NewEntry{met_on, "met", trim_arg(o.met), ""});
  verify_person_text(text, path.string(), s);
  write_atomic(path, text, /*create_only=*/true);
  ctx.out << visible(path.string()) << '\n';
  commit_change(ctx, s, {path}, fmt::format("kith: add {}", slug));
}

}  // namespace

void setup_add(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<AddOptions>();
  CLI::App* sub = app.add_subcommand("add", "Add a person: creates <slug>.yaml and prints its path");
  sub->add_option("NAME", o->name, "Their full name, e.g. \"Charlène Dupont\"")->required();
  sub->add_option("--circle", o->circle, "team, community, online (or a circle of kith.yaml)");
  sub->add_option("--every", o->every, "Cadence: Nd, Nw, Nm, Ny or never")->type_name("D");
  sub->add_option("--tags", o->tags, "Comma-separated tags")->delimiter(',')->type_name("A,B");
  sub->add_option("--offers", o->offers, "What they can help others with")->delimiter(',')->type_name("A,B");
  sub->add_option("--needs", o->needs, "What they are looking for")->delimiter(',')->type_name("A,B");
  sub->add_option("--aka", o->aka, "Other names they go by")->delimiter(',')->type_name("A,B");
  sub->add_option("--email", o->email, "Email address");
  sub->add_option("--phone", o->phone, "Phone number");
  sub->add_option("--company", o->company, "Company");
  sub->add_option("--role", o->role, "Role or job title");
  sub->add_option("--location", o->location, "Where they live or work");
  sub->add_option("--birthday", o->birthday, "YYYY-MM-DD, or --MM-DD without the year")->type_name("DATE");
  sub->add_option("--link", o->links, "A link, e.g. linkedin=https://... (repeatable)")->type_name("NAME=URL");
  sub->add_option("--notes", o->notes, "Free notes about them");
  sub->add_option("--met", o->met, "Log a first meeting at WHERE, so a follow-up falls due")->type_name("WHERE");
  sub->add_option("-d,--date", o->date, "Date of the meeting (default today)")->type_name("DATE");
  sub->callback([&ctx, o] { run_add(ctx, *o); });
}

}  // namespace kith
