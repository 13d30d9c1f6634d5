// SPDX-License-Identifier: MIT
// kith import linkedin FILE [--circle C] [--dry-run]
// kith import vcard FILE|DIR [--circle C] [--dry-run]
// kith import json FILE [--dry-run]
// Reads the file(s), plans every creation and merge (lib/interop/merge.h),
// then writes them all at once under one lock, in one commit.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <functional>
#include <map>
#include <ostream>

#include "args.h"
#include "commands.h"
#include "commit.h"
#include "interop/json.h"
#include "interop/linkedin.h"
#include "interop/merge.h"
#include "interop/vcard_read.h"
#include "store/transaction.h"
#include "yaml/load.h"

namespace kith {

namespace {

struct ImportArgs {
  std::string source, file, circle;
  bool dry_run = false;
};

// Contacts from every input file, with messages that name the file.
struct Input {
  std::vector<Contact> contacts;
  std::vector<std::string> contact_files;  // contact i came from contact_files[i]
  std::vector<std::string> skipped, warnings;
  std::string note;  // said once, before the summary (an encoding converted)
};

void add_read(Input& in, const std::string& path, std::vector<Contact> contacts, const std::vector<Skipped>& skipped,
              const std::vector<Skipped>& warnings) {
  for (auto& c : contacts) {
    in.contacts.push_back(std::move(c));
    in.contact_files.push_back(path);
  }
  for (const auto& s : skipped) in.skipped.push_back(fmt::format("{}:{}: {}", path, s.line, s.reason));
  for (const auto& w : warnings) in.warnings.push_back(fmt::format("{}:{}: {}", path, w.line, w.reason));
}

std::vector<fs::path> vcard_files(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string ext = it->path().extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if ((ext == ".vcf" || ext == ".vcard") && it->is_regular_file()) files.push_back(it->path());
  }
  if (ec) throw Error(fmt::format("cannot read the folder: {}", ec.message()), dir.string());
  std::sort(files.begin(), files.end());
  return files;
}

Input read_input(const ImportArgs& a) {
  Input in;
  if (a.source == "linkedin") {
    LinkedinRead r = read_linkedin(read_file(a.file, import_size_limit), a.file);
    if (r.converted_from_cp1252)
      in.note = fmt::format("{}: not UTF-8; read as Windows-1252 (an Excel re-save)\n", a.file);
    add_read(in, a.file, std::move(r.contacts), r.skipped, r.warnings);
  } else {
    const bool is_dir = fs::is_directory(a.file);
    const std::vector<fs::path> files = is_dir ? vcard_files(a.file) : std::vector<fs::path>{a.file};
    if (is_dir && files.empty()) throw Error("no .vcf file in this folder", a.file);
    for (const fs::path& f : files) {
      VcardRead r = read_vcards(read_file(f, import_size_limit), f.string());
      add_read(in, f.string(), std::move(r.contacts), r.skipped, r.warnings);
    }
  }
  return in;
}

// An import matches against every file: one that cannot be read might be
// one of the people coming in, so it has to be fixed first.
Loaded load_all_or_refuse(const Store& store) {
  Loaded all = store.load();
  if (!all.problems.empty()) {
    Diagnostic d = all.problems.front();
    d.message += fmt::format(" (an import needs every file readable to match people; {} problem(s), "
                             "`kith check` lists them)",
                             all.problems.size());
    throw Error(d);
  }
  return all;
}

std::vector<fs::path> paths_of(const std::vector<FileChange>& changes) {
  std::vector<fs::path> paths;
  for (const auto& c : changes) paths.push_back(c.path);
  return paths;
}

void print_list(std::ostream& out, const char* title, const std::vector<std::string>& items) {
  if (items.empty()) return;
  out << title << ":\n";
  for (const auto& item : items) out << "  " << item << '\n';
}

void print_summary(Context& ctx, const ImportPlan& plan, const Input& in, bool dry_run) {
  ctx.err << in.note;
  for (const auto& w : in.warnings) ctx.err << "kith: warning: " << w << '\n';
  std::vector<std::string> skipped = in.skipped;
  for (const auto& s : plan.skipped) skipped.push_back(fmt::format("line {}: {}", s.line, s.reason));
  ctx.out << fmt::format("{} created, {} merged, {} unchanged, {} skipped, {} conflicts\n", plan.created.size(),
                         plan.merged.size(), plan.unchanged.size(), skipped.size(), plan.conflicts.size());
  print_list(ctx.out, "skipped", skipped);
  print_list(ctx.out, "conflicts (left as they are in kith)", plan.conflicts);
  if (plan.changes.empty()) ctx.out << "Nothing to change: kith already has everything this import brings.\n";
  else if (dry_run) ctx.out << fmt::format("Dry run: {} file(s) would be written.\n", plan.changes.size());
}

std::function<void(std::size_t, std::size_t)> progress_line(Context& ctx) {
  if (!isatty(STDERR_FILENO)) return {};
  return [&ctx](std::size_t done, std::size_t total) {
    if (done % 500 == 0 || done == total)
      ctx.err << fmt::format("\rkith: {}/{} contacts", done, total) << (done == total ? "\n" : "") << std::flush;
  };
}

void run_contacts_import(Context& ctx, const ImportArgs& a) {
  Input in = read_input(a);
  Store store = ctx.store();
  store.require_exists();
  auto lock = store.lock();
  Loaded all = load_all_or_refuse(store);
  const Settings& s = all.settings;

  ImportOptions o;
  if (!a.circle.empty()) {
    if (!s.has_circle(a.circle))
      throw UsageError(fmt::format("unknown circle '{}' (known: {})", a.circle, s.circle_names()));
    o.circle = a.circle;
  } else if (a.source == "linkedin" && s.has_circle("online")) {
    o.circle = "online";
  }
  o.path_for = [&store](const std::string& slug) { return store.path_for_slug(slug).string(); };
  o.progress = progress_line(ctx);

  std::vector<KnownPerson> known;
  known.reserve(all.people.size());
  for (const Person& p : all.people) known.push_back({p, read_file(p.path)});
  ImportPlan plan = plan_import(in.contacts, known, s, o);
  print_summary(ctx, plan, in, a.dry_run);
  if (a.dry_run || plan.changes.empty()) return;
  // The rest of a large import (writing, syncing, git) takes seconds too.
  const bool terminal = isatty(STDERR_FILENO);
  if (terminal) ctx.err << fmt::format("kith: writing {} files\n", plan.changes.size()) << std::flush;
  apply_changes(store.dir(), plan.changes);
  if (terminal && s.git_auto && is_git_work_tree(store.dir())) ctx.err << "kith: committing\n" << std::flush;
  commit_change(ctx, s, paths_of(plan.changes),
                fmt::format("kith: import {} {} ({} created, {} merged)", a.source, fs::path(a.file).filename().string(),
                            plan.created.size(), plan.merged.size()));
}

// `import json` recreates files as they were exported: it fills an empty
// directory (or adds the files it lacks), and never changes an existing one.
void run_json_import(Context& ctx, const ImportArgs& a) {
  std::vector<PersonFile> files = files_from_json(read_file(a.file, import_size_limit), a.file);
  Store store = ctx.store();
  store.require_exists();
  auto lock = store.lock();
  Loaded all = load_all_or_refuse(store);
  std::map<std::string, std::string> slugs;  // slug -> path, existing and new
  for (const Person& p : all.people) slugs[p.slug] = p.path;
  std::vector<FileChange> changes;
  std::vector<std::string> skipped;
  std::size_t unchanged = 0;
  Settings settings = all.settings;
  // The exported kith.yaml comes first: the people are checked against it
  // (their circles and kinds), unless the directory has its own.
  if (!files.empty() && files.front().path == "kith.yaml") {
    const PersonFile f = files.front();
    files.erase(files.begin());
    const fs::path path = store.settings_path();
    if (fs::exists(path)) {
      if (read_file(path) == f.text) ++unchanged;
      else skipped.push_back("kith.yaml: the directory has its own, kept as it is");
    } else {
      SettingsResult r = parse_settings(f.text, path.string());
      if (!r.problems.empty()) throw Error(r.problems.front());
      settings = r.settings;
      changes.push_back({path, std::nullopt, f.text});
    }
  }
  for (const PersonFile& f : files) {
    const fs::path path = store.dir() / f.path;
    const std::string slug = path.stem().string();
    if (fs::exists(path)) {
      if (read_file(path) == f.text) ++unchanged;
      else skipped.push_back(fmt::format("{}: exists and differs (import json never changes a file)", f.path));
      continue;
    }
    if (auto it = slugs.find(slug); it != slugs.end()) {
      skipped.push_back(fmt::format("{}: the slug {} is already {}", f.path, slug, it->second));
      continue;
    }
    LoadResult r = load_person(f.text, path.string(), settings);
    if (!r.problems.empty()) {
      skipped.push_back(fmt::format("{}: {}", f.path, r.problems.front().message));
      continue;
    }
    slugs[slug] = path.string();
    changes.push_back({path, std::nullopt, f.text});
  }
  ctx.out << fmt::format("{} file(s) created, {} unchanged, {} skipped\n", changes.size(), unchanged, skipped.size());
  print_list(ctx.out, "skipped", skipped);
  if (changes.empty()) ctx.out << "Nothing to change: kith already has everything this import brings.\n";
  if (a.dry_run || changes.empty()) return;
  for (const auto& c : changes) fs::create_directories(c.path.parent_path());
  apply_changes(store.dir(), changes);
  commit_change(ctx, all.settings, paths_of(changes),
                fmt::format("kith: import json {} ({} created)", fs::path(a.file).filename().string(), changes.size()));
}

}  // namespace

void setup_import(CLI::App& app, Context& ctx) {
  auto a = std::make_shared<ImportArgs>();
  CLI::App* sub = app.add_subcommand(
      "import", "Bring people in from LinkedIn, vCards or kith's JSON: never overwrites, merges missing fields");
  sub->add_option("SOURCE", a->source, "linkedin (Connections.csv), vcard (a .vcf file or a folder of them), json")
      ->required()
      ->check(CLI::IsMember({"linkedin", "vcard", "json"}));
  sub->add_option("FILE", a->file, "The file (or, for vcard, a folder of .vcf files)")->required();
  sub->add_option("--circle", a->circle, "Circle of the new people (linkedin: online; vcard: the default circle)");
  sub->add_flag("--dry-run", a->dry_run, "Say what would be created and merged; write nothing");
  sub->callback([&ctx, a] {
    if (a->source == "json" && !a->circle.empty()) throw UsageError("--circle does not apply to `import json`");
    if (a->source == "json") run_json_import(ctx, *a);
    else run_contacts_import(ctx, *a);
  });
}

}  // namespace kith
