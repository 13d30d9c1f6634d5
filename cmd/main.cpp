// SPDX-License-Identifier: MIT
// The only place that touches argv, the clock and the process environment:
// it builds the CLI, decides today's date, and maps errors to exit codes.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <iostream>
#include <string_view>

#include "commands.h"
#include "context.h"
#include "merge_setup.h"
#include "model/error.h"
#include "render.h"
#include "usage.h"

namespace {

// Local calendar date, or KITH_TODAY when set.
kith::Date today_from(const kith::Getenv& env) {
  if (auto forced = env("KITH_TODAY")) {
    if (auto d = kith::parse_iso_date(*forced)) return *d;
    throw kith::Error(fmt::format("KITH_TODAY '{}' is not a YYYY-MM-DD date", *forced));
  }
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return kith::Date{date::year{local.tm_year + 1900}, date::month{static_cast<unsigned>(local.tm_mon + 1)},
                    date::day{static_cast<unsigned>(local.tm_mday)}};
}

const char* const kVersion = "kith " KITH_VERSION;

int run(int argc, char** argv) {
  // What scripts ask most, answered before building the command line: as
  // CLI11 prints it, without its start-up (README: Performance).
  if (argc == 2 && std::string_view(argv[1]) == "--version") {
    std::cout << kVersion << '\n';
    return 0;
  }
  kith::Context ctx{std::cout, std::cerr, kith::process_env(), {}, {}, {}, {}, 0};

  CLI::App app{"kith: keep in touch with the people of your network, the honest way.\n"
               "One YAML file per person; `kith due` says who to get back to.",
               "kith"};
  app.set_version_flag("--version", kVersion);
  app.option_defaults()->always_capture_default();
  app.add_option("--dir", ctx.dir_flag, "Data directory (default: $KITH_DIR, config.yaml's dir, ~/.local/share/kith)")
      ->type_name("DIR")
      ->check([](const std::string& dir) { return dir.empty() ? std::string("DIR is empty") : std::string(); });
  app.add_option("--color", ctx.color_flag, "Colour the output: auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->type_name("WHEN");
  app.add_flag("--no-cache", ctx.no_cache, "Parse every file, bypassing the parse cache (also KITH_NO_CACHE=1)");
  app.fallthrough();  // global options work after the subcommand too
  app.require_subcommand(1);
  app.footer("Run `kith COMMAND --help` for a command's options; `man kith` for the file format and rules.");

  std::vector<std::string> args = kith::expand_help(std::vector<std::string>(argv, argv + argc));
  std::optional<std::size_t> word = kith::command_word(args);
  kith::add_commands(app, ctx, word ? &args[*word] : nullptr);
  kith::tidy_help(app);

  // Read after --help/--version are handled and before any command runs, so
  // a broken config.yaml or KITH_TODAY never hides the help.
  app.parse_complete_callback([&ctx, &app] {
    ctx.today = today_from(ctx.env);
    ctx.config = kith::read_user_config(ctx.env);
    kith::keep_merge_driver_for(ctx, app);
  });

  kith::check_command_word(app, args);
  args = kith::join_date_words(app, std::move(args));
  if (!word && std::none_of(args.begin() + 1, args.end(), [](const std::string& a) {
        return a == "-h" || a == "--help" || a == "--version";
      })) {
    ctx.out << app.help();  // bare `kith`: the command list, not an error
    return 0;
  }
  std::vector<const char*> expanded;
  for (const std::string& a : args) expanded.push_back(a.c_str());

  try {
    app.parse(static_cast<int>(expanded.size()), expanded.data());
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e, std::cout, std::cerr);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e, std::cout, std::cerr);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e, std::cout, std::cerr);
  } catch (const CLI::ParseError& e) {
    std::cerr << kith::visible(kith::usage_message(app, e), true);
    return 2;
  }
  return ctx.exit_code;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const kith::UsageError& e) {
    std::cerr << "kith: " << kith::visible(e.what(), true) << "\n";  // messages quote what the user wrote
    return 2;
  } catch (const kith::Error& e) {
    std::cerr << "kith: " << kith::visible(e.what(), true) << "\n";
    return 1;
  } catch (const std::exception& e) {  // a bug, but never a raw abort
    std::cerr << "kith: internal error: " << e.what() << "\n";
    return 1;
  }
}
