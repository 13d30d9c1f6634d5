// SPDX-License-Identifier: MIT
// kith find TEXT [--json]: who has TEXT in a name, aka, company, role,
// location, tag, offer, need, notes or log note (case and accents ignored).
#include <fmt/format.h>

#include <ostream>

#include "args.h"
#include "commands.h"
#include "json.h"
#include "render.h"
#include "rules/find.h"

namespace kith {

namespace {

struct FindOptions {
  std::vector<std::string> words;
  bool json = false;
};

void run_find(Context& ctx, const FindOptions& o) {
  const std::string text = trim_arg(fmt::format("{}", fmt::join(o.words, " ")));
  if (text.empty()) throw UsageError("find needs a TEXT to look for");
  Loaded all = load_and_warn(ctx);
  std::vector<FindHit> hits = find_text(all.people, text);
  if (o.json) {
    Json out = Json::array();
    for (const FindHit& h : hits) {
      Json hit = Json::object().set("slug", h.person->slug).set("name", h.person->name).set("field", h.field)
                     .set("text", h.text).set("path", h.person->path);
      if (h.entry) hit.set("date", h.entry->date).set("kind", h.entry->kind).set("line", h.entry->line);
      out.push(std::move(hit));
    }
    ctx.out << out.dump();
    return;
  }
  if (hits.empty()) {
    ctx.out << fmt::format("nothing matches '{}'\n", visible(text));
    return;
  }
  const bool color = ctx.color();
  Table table;
  for (const FindHit& h : hits) {
    std::string where = h.entry ? fmt::format("{} {}", format_date(h.entry->date), h.entry->kind) : h.field;
    table.add(
        {paint(visible(h.person->slug), Style::bold, color), paint(visible(where), Style::dim, color), visible(h.text)});
  }
  ctx.out << table.render();
}

}  // namespace

void setup_find(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<FindOptions>();
  CLI::App* sub = app.add_subcommand("find", "Find who has a text in their name, tags, notes, log notes...");
  sub->add_option("TEXT", o->words, "What to look for (case and accents ignored)")->required();
  sub->add_flag("--json", o->json, "Print the matches as a JSON array");
  sub->callback([&ctx, o] { run_find(ctx, *o); });
}

}  // namespace kith
