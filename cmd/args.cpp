// SPDX-License-Identifier: MIT
#include "args.h"

#include <fmt/format.h>

#include <algorithm>

#include "context.h"
#include "render.h"
#include "rules/match.h"
#include "rules/spelling.h"

namespace kith {

std::string trim_arg(const std::string& s) {
  const char* ws = " \t\r\n";
  std::size_t b = s.find_first_not_of(ws);
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(ws) - b + 1);
}

std::vector<std::string> split_list(const std::vector<std::string>& items) {
  std::vector<std::string> out;
  for (const std::string& i : items)
    if (std::string t = trim_arg(i); !t.empty()) out.push_back(t);
  return out;
}

namespace {

bool is_bare_duration(const std::string& text) {
  std::optional<Duration> d = parse_duration(trim_arg(text));
  return d && !d->is_never();
}

}  // namespace

const char* const date_forms = "YYYY-MM-DD, today, yesterday, 3d ago, 2 weeks ago, monday, last monday, dec 7";

Date parse_entry_date(const std::string& text, Date today) {
  std::optional<Date> d = parse_past_date(text, today);
  if (!d && is_bare_duration(text)) d = subtract(today, *parse_duration(trim_arg(text)));
  if (!d) throw UsageError(fmt::format("date '{}' is not a DATE ({})", text, date_forms));
  if (today < *d)
    throw Error(fmt::format("date {} is in the future; log what happened (use --next or `kith snooze` to plan)",
                            format_date(*d)));
  return *d;
}

CLI::Option* add_note_option(CLI::App* sub, std::vector<std::string>& words, const std::string& help) {
  // A positional list keeps taking words while it has fewer than its
  // minimum, or while it "allows extra args", and that same setting is what
  // splits "[x,y]". So: no extra args, and a minimum no command line reaches
  // (TakeAll: no complaint about having fewer).
  constexpr int unlimited = CLI::detail::expected_max_vector_size;
  return sub->add_option("NOTE", words, help)
      ->expected(unlimited, unlimited)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

std::string note_from_words(const std::vector<std::string>& words, const std::string& date_text) {
  std::size_t first = !words.empty() && words.front() == "ago" && is_bare_duration(date_text) ? 1 : 0;
  std::string out;
  for (std::size_t i = first; i < words.size(); ++i) out += (out.empty() ? "" : " ") + words[i];
  return trim_arg(out);
}

Date parse_when_arg(const std::string& text, Date today, Date base) {
  std::optional<Date> d = parse_when(text, today, base);
  if (!d) throw UsageError(fmt::format("'{}' is not a WHEN (YYYY-MM-DD, tomorrow, friday, dec 7, +2w, in 1 month)", text));
  return *d;
}

Duration parse_duration_arg(const std::string& text, const std::string& option, bool never_allowed) {
  std::optional<Duration> d = parse_span(text);
  const char* forms = never_allowed ? "30d, 2w, 2 weeks, 3m, 1y or never" : "7d, 2w, 2 weeks, 1m or 1y";
  if (!d || (d->is_never() && !never_allowed))
    throw UsageError(fmt::format("{} '{}' is not a duration like {}", option, text, forms));
  return *d;
}

namespace {

std::string did_you_mean(const std::string& typo, const std::vector<std::string>& known) {
  std::optional<std::string> close = closest_spelling(typo, known);
  return close ? fmt::format("; did you mean '{}'?", *close) : "";
}

}  // namespace

void require_kind(const Settings& s, const std::string& kind) {
  if (s.find_kind(kind)) return;
  std::vector<std::string> names;
  for (const KindInfo& k : s.kinds) names.push_back(k.name);
  throw UsageError(fmt::format("unknown kind '{}'{} (known: {})", kind, did_you_mean(kind, names), s.kind_names()));
}

void require_circle(const Settings& s, const std::string& circle) {
  if (s.has_circle(circle)) return;
  std::vector<std::string> names;
  for (const auto& [name, cadence] : s.circles) names.push_back(name);
  throw UsageError(
      fmt::format("unknown circle '{}'{} (known: {})", circle, did_you_mean(circle, names), s.circle_names()));
}

namespace {

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

// True when some slug, name or aka of `p` starts like `folded_who`.
bool answers_to(const Person& p, const std::string& folded_who) {
  if (starts_with(fold(p.slug), folded_who) || starts_with(fold(p.name), folded_who)) return true;
  for (const std::string& a : p.aka)
    if (starts_with(fold(a), folded_who)) return true;
  return false;
}

// The first problem of the one unreadable person file whose slug starts like
// `folded_who`, or nullptr when there is not exactly one.
const Diagnostic* unreadable_match(const Loaded& all, const std::string& folded_who) {
  const Diagnostic* found = nullptr;
  for (const Diagnostic& d : all.problems) {
    fs::path path(d.path);
    if (path.filename() == "kith.yaml" || !starts_with(fold(path.stem().string()), folded_who)) continue;
    if (found && found->path != d.path) return nullptr;
    if (!found) found = &d;
  }
  return found;
}

}  // namespace

namespace {

// Another file whose slug is `p`'s, set aside by the load as a duplicate
// (or unreadable): which of the two is meant cannot be known.
void refuse_duplicate_slug(const Loaded& all, const Person& p) {
  for (const Diagnostic& d : all.problems)
    if (d.path != p.path && fs::path(d.path).stem() == p.slug && fs::path(d.path).filename() != "kith.yaml")
      throw Error(fmt::format("{} is the slug of two files, {} and {}; slugs must be unique (rename one)", p.slug,
                              p.path, d.path));
}


// The problem of the unreadable file whose slug is exactly `who`, when no
// readable person has that slug: WHO names that file, never another person
// whose slug `who` starts.
const Diagnostic* unreadable_exact(const Loaded& all, const std::string& who) {
  if (std::any_of(all.people.begin(), all.people.end(), [&](const Person& p) { return p.slug == who; }))
    return nullptr;
  for (const Diagnostic& d : all.problems)
    if (fs::path(d.path).filename() != "kith.yaml" && fs::path(d.path).stem().string() == who) return &d;
  return nullptr;
}

}  // namespace

const Person& find_person_in(const Loaded& all, const std::string& who) {
  if (const Diagnostic* d = unreadable_exact(all, who)) {
    Diagnostic with_hint = *d;
    with_hint.message += fmt::format(" (the file could not be read; `kith edit {}` opens it)", who);
    throw Error(with_hint);
  }
  const Person* found = nullptr;
  try {
    found = &find_person(all.people, who);
  } catch (const Error& e) {
    if (all.problems.empty()) throw;
    // Nobody readable answers to WHO, but a file that could not be read may
    // be theirs: say what is wrong with it rather than "nobody matches".
    std::string q = fold(who);
    if (!q.empty() && std::none_of(all.people.begin(), all.people.end(),
                                   [&](const Person& p) { return answers_to(p, q); })) {
      if (const Diagnostic* d = unreadable_match(all, q)) {
        Diagnostic with_hint = *d;
        with_hint.message += fmt::format(" (the file could not be read; `kith edit {}` opens it)",
                                         fs::path(d->path).stem().string());
        throw Error(with_hint);
      }
    }
    throw Error(fmt::format("{}\n(some files could not be read and were left out; `kith check` lists them)",
                            e.what()));
  }
  refuse_duplicate_slug(all, *found);
  return *found;
}

Loaded load_for_write(const Store& store, Detail detail) {
  Loaded all = store.load(detail);
  for (const Diagnostic& d : all.problems)
    if (d.path == store.settings_path().string())
      throw Error(fmt::format("{} (nothing was written; fix it first: `kith edit` opens kith.yaml)", d.to_string()));
  return all;
}

namespace {

Loaded warned(Context& ctx, Loaded all) {
  warn_ignored(ctx.err, all.ignored);
  if (!all.problems.empty()) {
    warn_problems(ctx.err, all.problems);
    ctx.exit_code = 1;
  }
  return all;
}

}  // namespace

Loaded load_and_warn(Context& ctx, Detail detail) {
  Store store = ctx.store();
  store.require_exists();
  return warned(ctx, store.load(detail));
}

Loaded load_and_warn(Context& ctx, const Store::Visit& visit) {
  Store store = ctx.store();
  store.require_exists();
  return warned(ctx, store.load(visit));
}

}  // namespace kith
