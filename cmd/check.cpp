// SPDX-License-Identifier: MIT
// kith check [--strict] [--json]: read every file, print every problem as
// path:line:col: message, exit 1 if any.
#include <fmt/format.h>

#include <algorithm>
#include <ostream>

#include "commands.h"
#include "json.h"
#include "render.h"
#include "rules/intro_check.h"

namespace kith {

namespace {

struct CheckOptions {
  bool strict = false;
  bool json = false;
};

void run_check(Context& ctx, const CheckOptions& o) {
  Store store = ctx.store();
  store.require_exists();
  // Each log is read once, a person at a time: only the intro entries are kept.
  IntroCheck intros;
  Loaded all = store.load([&](const Person& p, const Settings&) { intros.add(p); });
  warn_ignored(ctx.err, all.ignored);
  std::vector<Diagnostic> problems = all.problems;
  if (o.strict) problems.insert(problems.end(), all.unknown_keys.begin(), all.unknown_keys.end());
  // Warnings: the files read, but introductions do not agree across them.
  std::vector<Diagnostic> warnings = intros.warnings(all.people);
  for (auto* list : {&problems, &warnings})
    std::stable_sort(list->begin(), list->end(), [](const Diagnostic& a, const Diagnostic& b) {
      return std::tie(a.path, a.line, a.col) < std::tie(b.path, b.line, b.col);
    });
  if (o.json) {
    auto to_json = [](const std::vector<Diagnostic>& ds) {
      Json list = Json::array();
      for (const Diagnostic& d : ds)
        list.push(Json::object().set("path", d.path).set("line", d.line).set("col", d.col).set("message", d.message));
      return list;
    };
    ctx.out << Json::object()
                   .set("files", all.files)
                   .set("people", all.people.size())
                   .set("problems", to_json(problems))
                   .set("warnings", to_json(warnings))
                   .dump();
  } else {
    // Problems are errors: stderr, `kith: ` first, like every other command.
    warn_problems(ctx.err, problems);
    warn_problems(ctx.err, warnings);
    std::string also = warnings.empty()
                           ? ""
                           : fmt::format(", {}", count_of(static_cast<long>(warnings.size()), "warning", "warnings"));
    if (problems.empty())
      ctx.out << fmt::format("{} checked, no problems{}\n", count_of(all.files, "file", "files"), also);
    else
      ctx.out << fmt::format("{} in {}{}\n", count_of(static_cast<long>(problems.size()), "problem", "problems"),
                             count_of(all.files, "file", "files"), also);
  }
  if (!problems.empty()) ctx.exit_code = 1;
}

}  // namespace

void setup_check(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<CheckOptions>();
  CLI::App* sub = app.add_subcommand("check", "Read every file and report every problem as path:line:col");
  sub->add_flag("--strict", o->strict, "Also list keys kith does not know");
  sub->add_flag("--json", o->json, "Print the problems as JSON");
  sub->callback([&ctx, o] { run_check(ctx, *o); });
}

}  // namespace kith
