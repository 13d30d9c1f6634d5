// SPDX-License-Identifier: MIT
// kith export vcard [WHO...] [--version 3.0|4.0] [--vdir DIR]
// kith export ics [--within D]
// kith export json
// Everything goes to stdout, except `--vdir`: one .vcf per person in DIR.
#include <fmt/format.h>

#include <ostream>

#include "args.h"
#include "commands.h"
#include "interop/ics.h"
#include "interop/json.h"
#include "interop/vcard_write.h"
#include "interop/yaml_insert.h"

namespace kith {

namespace {

struct ExportArgs {
  std::string format, version = "4.0", vdir, within;
  std::vector<std::string> who;
};

std::vector<const Person*> chosen(const Loaded& all, const std::vector<std::string>& who) {
  std::vector<const Person*> out;
  if (who.empty())
    for (const Person& p : all.people) out.push_back(&p);
  for (const std::string& w : who) out.push_back(&find_person_in(all, w));
  return out;
}

void export_vcard(Context& ctx, const ExportArgs& a) {
  const VcardVersion version = a.version == "3.0" ? VcardVersion::v3 : VcardVersion::v4;
  Loaded all = load_and_warn(ctx);
  std::vector<const Person*> people = chosen(all, a.who);
  if (!a.vdir.empty()) {
    std::error_code ec;
    fs::create_directories(a.vdir, ec);
    if (ec) throw Error(fmt::format("cannot create the folder: {}", ec.message()), a.vdir);
  }
  std::size_t written = 0;
  for (const Person* p : people) {
    const std::string text = read_file(p->path);
    const std::string card = vcard_of(*p, version, top_level_scalar(text, "vcard_uid"),
                                      top_level_scalar(text, "connected"));
    if (a.vdir.empty()) {
      ctx.out << card;
    } else {
      const fs::path path = fs::path(a.vdir) / (p->slug + ".vcf");
      if (!fs::exists(path) || read_file(path) != card) {
        write_atomic(path, card);
        ++written;
      }
    }
  }
  if (!a.vdir.empty())
    ctx.err << fmt::format("{} card(s) in {}, {} written\n", people.size(), a.vdir, written);
}

void export_json(Context& ctx) {
  Loaded all = load_and_warn(ctx);
  const fs::path dir = ctx.data_dir();
  std::vector<PersonFile> files;
  for (const Person& p : all.people)
    files.push_back({fs::path(p.path).lexically_relative(dir).generic_string(), read_file(p.path)});
  const fs::path settings = ctx.store().settings_path();
  ctx.out << people_json(files, fs::exists(settings) ? read_file(settings) : "");
}

void export_ics(Context& ctx, const ExportArgs& a) {
  int within_days = 0;
  if (!a.within.empty()) {
    Duration d = parse_duration_arg(a.within, "--within");
    if (d.is_never()) throw UsageError("--within 'never' is not a span of time; use e.g. 7d or 2w");
    within_days = days_between(ctx.today, add(ctx.today, d));
  }
  Loaded all = load_and_warn(ctx);
  ctx.out << ics_of(all.people, all.settings, ctx.today, within_days);
}

}  // namespace

void setup_export(CLI::App& app, Context& ctx) {
  auto a = std::make_shared<ExportArgs>();
  CLI::App* sub =
      app.add_subcommand("export", "Take people and reminders out: vCard (or a vdir), iCalendar, JSON");
  sub->add_option("FORMAT", a->format, "vcard, ics (due follow-ups and birthdays) or json (everything)")
      ->required()
      ->check(CLI::IsMember({"vcard", "ics", "json"}));
  sub->add_option("WHO", a->who, "vcard: only these people (default: everyone)");
  sub->add_option("--version", a->version, "vcard: 4.0 (default) or 3.0 (for Android's contacts app)")
      ->check(CLI::IsMember({"3.0", "4.0"}))
      ->type_name("V");
  sub->add_option("--vdir", a->vdir, "vcard: write one .vcf per person into DIR (for vdirsyncer and khard)")
      ->type_name("DIR");
  sub->add_option("--within", a->within, "ics: also who falls due this far ahead: 7d, 2w, 1m")->type_name("D");
  sub->callback([&ctx, a] {
    if (a->format != "vcard" && (!a->who.empty() || !a->vdir.empty() || a->version != "4.0"))
      throw UsageError("WHO, --version and --vdir are for `export vcard`");
    if (a->format != "ics" && !a->within.empty()) throw UsageError("--within is for `export ics`");
    if (a->format == "vcard") export_vcard(ctx, *a);
    else if (a->format == "ics") export_ics(ctx, *a);
    else export_json(ctx);
  });
}

}  // namespace kith
