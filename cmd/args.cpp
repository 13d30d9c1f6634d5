// SPDX-License-Identifier: MIT
#include "args.h"

#include <fmt/format.h>

#include "context.h"
#include "match.h"
#include "render.h"

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

Date parse_entry_date(const std::string& text, Date today) {
  std::optional<Date> d = parse_past_date(text, today);
  if (!d)
    throw UsageError(fmt::format("date '{}' is not a DATE (YYYY-MM-DD, today, yesterday, 3d ago, 2w ago, monday)",
                                 text));
  if (today < *d)
    throw Error(fmt::format("date {} is in the future; log what happened (use --next or `kith snooze` to plan)",
                            format_date(*d)));
  return *d;
}

Date parse_when_arg(const std::string& text, Date today, Date base) {
  std::optional<Date> d = parse_when(text, today, base);
  if (!d) throw UsageError(fmt::format("'{}' is not a WHEN (YYYY-MM-DD, tomorrow, friday, +2w, +1m)", text));
  return *d;
}

Duration parse_duration_arg(const std::string& text, const std::string& option) {
  std::optional<Duration> d = parse_duration(text);
  if (!d) throw UsageError(fmt::format("{} '{}' is not a duration like 30d, 2w, 3m, 1y or never", option, text));
  return *d;
}

const Person& find_person_in(const Loaded& all, const std::string& who) {
  try {
    return find_person(all.people, who);
  } catch (const Error& e) {
    if (all.problems.empty()) throw;
    throw Error(fmt::format("{}\n(some files could not be read and were left out; `kith check` lists them)",
                            e.what()));
  }
}

Loaded load_and_warn(Context& ctx) {
  Store store = ctx.store();
  store.require_exists();
  Loaded all = store.load();
  if (!all.problems.empty()) {
    warn_problems(ctx.err, all.problems);
    ctx.exit_code = 1;
  }
  return all;
}

}  // namespace kith
