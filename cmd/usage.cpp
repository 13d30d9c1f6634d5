// SPDX-License-Identifier: MIT
#include "usage.h"

#include <fmt/format.h>

#include <regex>

#include "model/dates.h"
#include "model/error.h"
#include "rules/spelling.h"

namespace kith {

namespace {

bool takes_value(const std::string& option) { return option == "--dir" || option == "--color"; }

// The subcommand the parser was in when it failed (the deepest parsed one),
// as `kith log`; plain `kith` when it failed before any.
std::string command_path(const CLI::App& app) {
  std::string path = "kith";
  const CLI::App* at = &app;
  while (true) {
    std::vector<const CLI::App*> subs = at->get_subcommands([](const CLI::App* s) { return s->parsed(); });
    if (subs.empty()) return path;
    at = subs.back();
    path += " " + at->get_name();
  }
}

std::string lower_first(std::string s) {
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

// CLI11's sentences, rewritten; anything else passes with a lower-case start.
std::string rephrase(const std::string& what) {
  std::smatch m;
  static const std::regex extras("The following arguments? (?:was|were) not expected: (.*)");
  static const std::regex missing_value("(\\S+): (\\d+) required (\\S+) missing");
  static const std::regex required("(\\S+) is required");
  static const std::regex convert("Could not convert: (\\S+) = (.*)");
  static const std::regex not_allowed("The value (.*) is not an allowed value for (\\S+)");
  static const std::regex not_in("(\\S+): (.*) not in \\{(.*)\\}");
  if (std::regex_match(what, m, extras)) {
    std::string words = m[1];
    bool several = words.find(' ') != std::string::npos;
    return fmt::format("unexpected argument{} '{}'", several ? "s" : "", words);
  }
  if (std::regex_match(what, m, missing_value))
    return fmt::format("{} needs {}", m[1].str(), m[3].str() == "N" ? "a number" : "a " + m[3].str());
  if (std::regex_match(what, m, required)) return fmt::format("missing {}", m[1].str());
  if (std::regex_match(what, m, convert)) return fmt::format("{} '{}' is not a number", m[1].str(), m[2].str());
  if (std::regex_match(what, m, not_allowed)) return fmt::format("{} does not take '{}'", m[2].str(), m[1].str());
  if (std::regex_match(what, m, not_in))
    return fmt::format("{} '{}' is not one of {}", m[1].str(), m[2].str(),
                       std::regex_replace(m[3].str(), std::regex(","), ", "));
  return lower_first(what);
}

// Whether `text` is a whole value of an option of type `type`; the day
// does not matter, only the form.
bool whole_value(const std::string& type, const std::string& text) {
  const Date any_day{date::year{2000}, date::month{6}, date::day{15}};
  if (type == "DATE") return parse_past_date(text, any_day).has_value();
  if (type == "WHEN") return parse_when(text, any_day, any_day).has_value();
  if (type == "D") return parse_span(text).has_value();
  return false;
}

}  // namespace

std::vector<std::string> join_date_words(const CLI::App& app, std::vector<std::string> args) {
  std::optional<std::size_t> at = command_word(args);
  if (!at) return args;
  const CLI::App* sub = nullptr;
  for (const CLI::App* s : app.get_subcommands([](const CLI::App*) { return true; }))
    if (s->get_name() == args[*at]) sub = s;
  if (sub == nullptr) return args;
  for (std::size_t i = *at + 1; i + 1 < args.size(); ++i) {
    if (args[i] == "--") break;
    if (args[i].size() < 2 || args[i][0] != '-' || args[i].find('=') != std::string::npos) continue;
    const CLI::Option* opt = sub->get_option_no_throw(args[i]);
    if (opt == nullptr) continue;
    const std::string type = opt->get_type_name();
    if (type != "DATE" && type != "WHEN" && type != "D") continue;
    std::size_t value = i + 1;
    for (std::size_t words = 3; words >= 2; --words) {
      if (value + words > args.size()) continue;
      std::string joined = args[value];
      bool plain = true;
      for (std::size_t k = 1; k < words; ++k) {
        plain = plain && !args[value + k].empty() && args[value + k][0] != '-';
        joined += " " + args[value + k];
      }
      if (!plain || !whole_value(type, joined)) continue;
      args[value] = joined;
      args.erase(args.begin() + static_cast<std::ptrdiff_t>(value + 1),
                 args.begin() + static_cast<std::ptrdiff_t>(value + words));
      break;
    }
    i = value;
  }
  return args;
}

std::optional<std::size_t> command_word(const std::vector<std::string>& args) {
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--") return i + 1 < args.size() ? std::optional(i + 1) : std::nullopt;
    if (a.empty() || a[0] != '-') return i;
    if (takes_value(a)) ++i;
  }
  return std::nullopt;
}

std::vector<std::string> expand_help(std::vector<std::string> args) {
  std::optional<std::size_t> at = command_word(args);
  if (!at || args[*at] != "help") return args;
  args.erase(args.begin() + static_cast<std::ptrdiff_t>(*at));
  std::optional<std::size_t> topic = command_word(args);
  if (topic) args.insert(args.begin() + static_cast<std::ptrdiff_t>(*topic) + 1, "--help");
  else args.push_back("--help");
  return args;
}

void check_command_word(const CLI::App& app, const std::vector<std::string>& args) {
  std::optional<std::size_t> at = command_word(args);
  if (!at) return;
  const std::string& word = args[*at];
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->get_name() == word) return;
    names.push_back(sub->get_name());
  }
  std::string message = fmt::format("unknown command '{}'", word);
  if (auto close = closest_spelling(word, names)) message += fmt::format("; did you mean '{}'?", *close);
  throw UsageError(message + "\nRun `kith --help` for the list of commands.");
}

namespace {

// CLI11's layout, but a group of hidden options (group "") last in the list
// no longer leaves a second blank line before the footer.
class KithFormatter : public CLI::Formatter {
 public:
  std::string make_help(const CLI::App* app, std::string name, CLI::AppFormatMode mode) const override {
    if (mode == CLI::AppFormatMode::Sub) return make_expanded(app);
    std::string out;
    if (app->get_name().empty() && app->get_parent() != nullptr && app->get_group() != "Subcommands")
      out += app->get_group() + ':';
    out += make_description(app) + make_usage(app, name) + make_positionals(app) + shown_groups(app, mode) +
           make_subcommands(app, mode);
    return out + '\n' + make_footer(app);
  }

 private:
  // CLI11's make_groups (not virtual), without the blank line it adds after
  // the last shown group when a hidden one follows.
  std::string shown_groups(const CLI::App* app, CLI::AppFormatMode mode) const {
    std::vector<std::string> shown;
    for (const std::string& group : app->get_groups()) {
      std::vector<const CLI::Option*> opts = app->get_options([&](const CLI::Option* opt) {
        return opt->get_group() == group && opt->nonpositional() &&
               (mode != CLI::AppFormatMode::Sub ||
                (app->get_help_ptr() != opt && app->get_help_all_ptr() != opt));
      });
      if (!group.empty() && !opts.empty()) shown.push_back(make_group(group, false, opts));
    }
    std::string out;
    for (std::size_t i = 0; i < shown.size(); ++i) out += (i == 0 ? "" : "\n") + shown[i];
    return out;
  }
};

void tidy_options(CLI::App& app) {
  for (CLI::Option* opt : app.get_options([](const CLI::Option*) { return true; }))
    if (opt->get_default_str() == "[]") opt->default_str("");
}

}  // namespace

void tidy_help(CLI::App& app) {
  auto formatter = std::make_shared<KithFormatter>();
  app.formatter(formatter);
  tidy_options(app);
  for (CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    sub->formatter(formatter);
    tidy_options(*sub);
    // The global options work after the command too: say so where one looks.
    sub->footer("Global options, here too: --dir DIR (the data directory), --color WHEN (auto, always, never).\n"
                "Run `kith --help` for every command; `man kith` for the file format and rules.");
  }
}

std::string usage_message(const CLI::App& app, const CLI::ParseError& e) {
  std::string path = command_path(app);
  std::string where = path == "kith" ? "" : path.substr(5) + ": ";
  return fmt::format("kith: {}{}\nRun `{} --help` for its usage.\n", where, rephrase(e.what()), path);
}

}  // namespace kith
