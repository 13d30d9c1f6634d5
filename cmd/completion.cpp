// SPDX-License-Identifier: MIT
// kith completion bash|zsh|fish: print a completion script built from the
// command table. The hidden --slugs, --kinds and --circles print the words
// the scripts complete WHO, KIND and --circle with, for the data directory of
// the command line being completed.
#include "completion.h"

#include <fmt/format.h>

#include <algorithm>
#include <ostream>
#include <set>

#include "args.h"
#include "commands.h"
#include "model/settings.h"
#include "rules/match.h"

namespace kith {

std::string_view type_name(Completer::Type type) {
  switch (type) {
    case Completer::Type::none: return "none";
    case Completer::Type::person: return "person";
    case Completer::Type::kind: return "kind";
    case Completer::Type::circle: return "circle";
    case Completer::Type::tag: return "tag";
    case Completer::Type::directory: return "directory";
    case Completer::Type::file: return "file";
    case Completer::Type::words: return "words";
  }
  return "none";
}


namespace {

using Type = Completer::Type;

Completer positional_completer(const std::string& name) {
  if (name == "WHO" || name == "A" || name == "B") return {Type::person, "", {}};
  if (name == "KIND") return {Type::kind, "", {}};
  if (name == "DIR") return {Type::directory, "", {}};
  if (name == "FILE" || name == "PATH") return {Type::file, "", {}};
  if (name == "SHELL") return {Type::words, "shell", {"bash", "zsh", "fish"}};
  if (name == "SOURCE") return {Type::words, "source", {"linkedin", "vcard", "json"}};
  if (name == "FORMAT") return {Type::words, "format", {"vcard", "ics", "json"}};
  return {};
}

Completer option_completer(const CLI::Option& opt) {
  const std::vector<std::string>& l = opt.get_lnames();
  auto named = [&](const char* n) { return std::find(l.begin(), l.end(), n) != l.end(); };
  if (named("circle")) return {Type::circle, "", {}};
  if (named("tag")) return {Type::tag, "", {}};
  if (named("kind")) return {Type::kind, "", {}};
  if (named("with")) return {Type::person, "", {}};
  if (named("color")) return {Type::words, "color", {"auto", "always", "never"}};
  if (named("dir")) return {Type::directory, "", {}};
  std::string type = opt.get_type_name();
  type = type.substr(0, type.find(':'));  // validators append ":{...}"
  if (type == "DIR") return {Type::directory, "", {}};
  if (type == "FILE" || type == "PATH") return {Type::file, "", {}};
  return {};
}

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

bool visible(const CLI::Option* o) { return !o->get_group().empty(); }

CompletionOption option_of(const CLI::Option& opt) {
  CompletionOption out;
  for (const std::string& s : opt.get_snames()) out.names.push_back("-" + s);
  for (const std::string& l : opt.get_lnames()) out.names.push_back("--" + l);
  out.description = first_line(opt.get_description());
  out.takes_value = opt.get_items_expected_max() > 0;  // flags expect no item
  if (out.takes_value) out.value = option_completer(opt);
  return out;
}

struct CompletionOptions {
  std::string shell;
  bool slugs = false;
  bool kinds = false;
  bool circles = false;
  bool tags = false;
  std::string who;  // --who=TYPED: the people a WHO being typed may lead to
  bool who_given = false;
};

// kith.yaml as far as it reads: its problems only mean fewer words.
Settings settings_for_completion(const Store& store) {
  Settings settings;
  std::error_code ec;
  if (fs::exists(store.settings_path(), ec))
    settings = parse_settings(read_file(store.settings_path()), store.settings_path().string()).settings;
  return settings;
}

// The words of the hidden helpers, for the data directory of `ctx`.
// Slugs come from file names alone: nothing is parsed, so a TAB stays fast
// and a broken person file still completes.
std::vector<std::string> helper_words(const Context& ctx, const CompletionOptions& o) {
  Store store = ctx.store();
  if (o.slugs) {
    std::set<std::string> unique;
    for (const fs::path& f : store.person_files()) unique.insert(f.stem().string());
    return {unique.begin(), unique.end()};
  }
  if (o.who_given) return slugs_starting(store.load().people, o.who);
  if (o.tags) {
    std::set<std::string> unique;  // as written, blanks trimmed
    for (const Person& p : store.load().people)
      for (const std::string& t : p.tags)
        if (std::string tag = trim_arg(t); !tag.empty()) unique.insert(tag);
    return {unique.begin(), unique.end()};
  }
  Settings settings = settings_for_completion(store);
  std::vector<std::string> out;
  if (o.kinds) {
    // The KIND of `kith log`, which leaves `intro` to `kith intro A B`.
    for (const KindInfo& k : settings.kinds)
      if (k.name != "intro") out.push_back(k.name);
  } else {
    for (const auto& [name, cadence] : settings.circles) out.push_back(name);
  }
  return out;
}


void run_completion(const CLI::App& app, Context& ctx, const CompletionOptions& o) {
  if (o.slugs + o.kinds + o.circles + o.tags + o.who_given + !o.shell.empty() > 1)
    throw UsageError("completion takes one of SHELL, --slugs, --who, --kinds, --circles, --tags");
  if (o.slugs || o.kinds || o.circles || o.tags || o.who_given) {
    // Called by the scripts on every TAB: never an error, never a word on
    // stderr; a missing directory or a broken kith.yaml simply offers less.
    try {
      for (const std::string& w : helper_words(ctx, o)) ctx.out << w << '\n';
    } catch (const std::exception&) {
    }
    return;
  }
  CompletionSpec spec = completion_spec(app);
  if (o.shell == "bash") ctx.out << bash_completion(spec);
  else if (o.shell == "zsh") ctx.out << zsh_completion(spec);
  else if (o.shell == "fish") ctx.out << fish_completion(spec);
  else if (o.shell.empty())
    throw UsageError("completion needs a SHELL: bash, zsh or fish (e.g. `source <(kith completion bash)`)");
  else throw UsageError(fmt::format("no completion for shell '{}' (known: bash, zsh, fish)", o.shell));
}

}  // namespace

std::string space_joined(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

std::string sh_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

CompletionSpec completion_spec(const CLI::App& app) {
  CompletionSpec spec;
  for (const CLI::Option* opt : app.get_options(visible))
    if (!opt->get_positional()) spec.global.push_back(option_of(*opt));
  // With fallthrough, --dir and --color work after the subcommand too
  // (not after `git`, whose arguments are all git's).
  std::vector<CompletionOption> inherited;
  for (const CLI::Option* opt : app.get_options(visible))
    if (!opt->get_positional() && opt != app.get_help_ptr() && opt != app.get_version_ptr())
      inherited.push_back(option_of(*opt));

  for (const CLI::App* sub : app.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); })) {
    CompletionCommand cmd;
    cmd.name = sub->get_name();
    cmd.description = first_line(sub->get_description());
    for (const CLI::Option* opt : sub->get_options(visible)) {
      if (!opt->get_positional()) {
        cmd.options.push_back(option_of(*opt));
        continue;
      }
      CompletionPositional pos;
      pos.name = opt->get_name(true);
      pos.description = first_line(opt->get_description());
      pos.repeats = opt->get_items_expected_max() > 1;
      pos.value = positional_completer(pos.name);
      cmd.positionals.push_back(std::move(pos));
    }
    if (sub->get_fallthrough()) cmd.options.insert(cmd.options.end(), inherited.begin(), inherited.end());
    spec.commands.push_back(std::move(cmd));
  }
  std::sort(spec.commands.begin(), spec.commands.end(),
            [](const CompletionCommand& a, const CompletionCommand& b) { return a.name < b.name; });
  return spec;
}

void setup_completion(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<CompletionOptions>();
  CLI::App* sub = app.add_subcommand("completion", "Print the completion script for bash, zsh or fish");
  sub->add_option("SHELL", o->shell, "bash, zsh or fish");
  // Hidden helpers the scripts call on each TAB; they print one word a line.
  sub->add_flag("--slugs", o->slugs, "Print the slugs of the data directory")->group("");
  sub->add_flag("--kinds", o->kinds, "Print the interaction kinds (built-in and kith.yaml's)")->group("");
  sub->add_flag("--circles", o->circles, "Print the circles of kith.yaml")->group("");
  sub->add_flag("--tags", o->tags, "Print the tags in use")->group("");
  // `--who=` (nothing typed yet) is every slug.
  CLI::Option* who =
      sub->add_option("--who", o->who, "Print the slugs a WHO being typed may lead to")->expected(0, 1)->group("");
  const CLI::App* root = &app;  // complete by the time the callback runs
  sub->callback([root, &ctx, o, who] {
    o->who_given = who->count() > 0;
    run_completion(*root, ctx, *o);
  });
}

}  // namespace kith
