// SPDX-License-Identifier: MIT
// kith edit [WHO]: a person's file (or kith.yaml) in $VISUAL/$EDITOR. The
// editor works on a copy; the real file only changes when the result is
// valid and nobody else changed the file meanwhile.
#include <fmt/format.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <optional>

#include "args.h"
#include "commands.h"
#include "commit.h"
#include "render.h"
#include "system/process.h"
#include "yaml/load.h"

namespace kith {

namespace {

struct EditOptions {
  std::string who;
};

// The file being edited and how to check it.
struct Target {
  fs::path path;
  std::string name;        // for messages and the commit: the slug, or kith.yaml
  bool is_settings = false;
};

// The editor's copy, beside the real file so a rename stays on one file
// system: `.charlene-dupont.yaml.edit-XXXXXX.yaml`, a dot-name that every
// scan skips, ending in .yaml for the editor's highlighting. Removed on
// destruction unless kept.
class TempCopy {
 public:
  TempCopy(const fs::path& real, std::string_view text) {
    fs::path folder = real.parent_path().empty() ? fs::path(".") : real.parent_path();
    std::string tmpl = (folder / ("." + real.filename().string() + ".edit-XXXXXX.yaml")).string();
    int fd = ::mkstemps(tmpl.data(), 5);
    if (fd < 0)
      throw Error(fmt::format("cannot create a copy to edit in {}: {}", folder.string(), std::strerror(errno)));
    path_ = tmpl;
    for (std::size_t done = 0; done < text.size();) {
      ssize_t n = ::write(fd, text.data() + done, text.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        std::string why = std::strerror(errno);
        ::close(fd);
        ::unlink(path_.c_str());
        throw Error(fmt::format("cannot write the copy to edit: {}", why), path_.string());
      }
      done += static_cast<std::size_t>(n);
    }
    ::close(fd);
  }
  ~TempCopy() {
    if (!keep_) ::unlink(path_.c_str());
  }
  TempCopy(const TempCopy&) = delete;
  TempCopy& operator=(const TempCopy&) = delete;
  const fs::path& path() const { return path_; }
  void keep() { keep_ = true; }

 private:
  fs::path path_;
  bool keep_ = false;
};

// $VISUAL, else $EDITOR, else vi; "code --wait" is a program and its options.
std::vector<std::string> editor_command(const Getenv& env) {
  for (const char* var : {"VISUAL", "EDITOR"})
    if (auto value = env(var))
      if (auto words = split_command(*value); !words.empty()) return words;
  return {"vi"};
}

void run_editor(Context& ctx, const fs::path& file) {
  std::vector<std::string> argv = editor_command(ctx.env);
  argv.push_back(file.string());
  ctx.out.flush();  // the editor takes the terminal
  int status = 0;
  try {
    status = run_attached(argv);
  } catch (const ProgramNotFound& e) {
    throw Error(fmt::format("{} (set $VISUAL or $EDITOR to your editor)", e.what()));
  }
  // A failing editor (vim's :cq) means "abort", as it does for git commit.
  if (status != 0) throw Error(fmt::format("the editor exited with status {}; nothing was changed", status));
}

// Returns every problem of `text` as the file at `target.path`.
std::vector<Diagnostic> problems_of(const Target& target, const std::string& text, const Settings& settings) {
  if (target.is_settings) return parse_settings(text, target.path.string()).problems;
  return load_person(text, target.path.string(), settings).problems;
}

// Y, yes or an empty line: edit again. n, no or end of input: give up.
bool ask_edit_again(std::ostream& err) {
  for (;;) {
    err << "Edit again? [Y/n] " << std::flush;
    std::string line;
    if (!std::getline(std::cin, line)) {
      err << '\n';
      return false;
    }
    std::string answer = trim_arg(line);
    for (char& c : answer) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (answer.empty() || answer == "y" || answer == "yes") return true;
    if (answer == "n" || answer == "no") return false;
  }
}

// A person's file, found by WHO among the files that load; a file too broken
// to load is still found by its exact slug, since fixing it is what
// `kith edit` is for.
// The exact slug comes first: `kith edit ada` must open a broken ada.yaml,
// not ada-lovelace.yaml, which `ada` also starts.
Target person_target(const Store& store, const Loaded& all, const std::string& who) {
  if (std::none_of(all.people.begin(), all.people.end(), [&](const Person& p) { return p.slug == who; }))
    for (const fs::path& f : store.person_files())
      if (f.stem().string() == who) return {f, who, false};
  const Person& p = find_person_in(all, who);
  return {p.path, p.slug, false};
}

std::optional<std::string> read_if_exists(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return std::nullopt;
  return read_file(path);
}

void run_edit(Context& ctx, const EditOptions& o) {
  Store store = ctx.store();
  store.require_exists();
  Loaded all = store.load();
  Target target;
  if (o.who.empty()) {
    target = {store.settings_path(), "kith.yaml", true};
    if (link_leaves(store.dir(), target.path))
      throw Error("is a symbolic link leading out of the data directory; kith does not follow it",
                  target.path.string());
  } else {
    for (const Diagnostic& d : all.problems)  // a person is checked against the settings
      if (d.path == store.settings_path().string())
        throw Error(fmt::format("{} (fix it first: `kith edit` opens kith.yaml)", d.to_string()));
    target = person_target(store, all, o.who);
  }

  // kith.yaml is optional: editing a missing one starts from the commented default.
  std::optional<std::string> original =
      target.is_settings ? read_if_exists(target.path) : std::optional<std::string>(read_file(target.path));
  std::string before = original ? *original : default_settings_text();
  TempCopy copy(target.path, before);
  std::string after;
  for (;;) {
    run_editor(ctx, copy.path());
    after = read_file(copy.path());
    if (after == before) {
      ctx.out << fmt::format("no change to {}\n", visible(target.path.string()));
      return;
    }
    std::vector<Diagnostic> problems = problems_of(target, after, all.settings);
    if (problems.empty()) break;
    warn_problems(ctx.err, problems);
    if (!ask_edit_again(ctx.err)) {
      copy.keep();  // what the user typed is theirs: never deleted
      throw Error(fmt::format("nothing was changed; {} is as it was, and your version is in {}",
                              target.path.string(), copy.path().string()));
    }
  }

  // The lock covers only the final check and write: the editor may stay
  // open for hours, and cron's `kith` must not wait for it.
  auto lock = store.lock();
  if (read_if_exists(target.path) != original) {
    copy.keep();
    throw Error(fmt::format("{} changed on disk while you were editing (another kith command?), so it was not "
                            "overwritten; your version is in {}",
                            target.path.string(), copy.path().string()));
  }
  write_atomic(target.path, after, /*create_only=*/!original);
  ctx.out << fmt::format("saved {}\n", visible(target.path.string()));
  // The new kith.yaml decides, so `git: off` written just now is obeyed.
  Settings settings = target.is_settings ? parse_settings(after, target.path.string()).settings : all.settings;
  commit_change(ctx, settings, {target.path}, fmt::format("kith: edit {}", target.name));
}

}  // namespace

void setup_edit(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<EditOptions>();
  CLI::App* sub = app.add_subcommand(
      "edit", "Edit a person's file (or kith.yaml without WHO) in $VISUAL/$EDITOR; saved only when valid");
  sub->add_option("WHO", o->who, "Slug, or a unique prefix of a slug, name or aka (default: kith.yaml)");
  sub->callback([&ctx, o] { run_edit(ctx, *o); });
}

}  // namespace kith
