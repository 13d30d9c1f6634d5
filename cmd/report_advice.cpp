// SPDX-License-Identifier: MIT
// What the report's figures mean for the user, in sentences: the words the
// text and HTML reports share.
#include <fmt/format.h>

#include <algorithm>

#include "render.h"
#include "report_render.h"
#include "rules/balance.h"
#include "rules/suggest.h"

namespace kith {

namespace {

constexpr std::size_t max_names = 3;  // names listed in one sentence
constexpr std::size_t max_owing = 5;  // "You owe X" sentences before "and N more"

// "a", "a and b", "a, b and c", "a, b, c and 2 more".
std::string name_list(const std::vector<std::string>& names, std::size_t max = max_names) {
  const std::size_t shown = std::min(names.size(), max);
  const std::size_t rest = names.size() - shown;
  std::string out;
  for (std::size_t i = 0; i < shown; ++i) {
    if (i > 0) out += (i + 1 == shown && rest == 0) ? " and " : ", ";
    out += names[i];
  }
  if (rest > 0) out += fmt::format(" and {} more", rest);
  return out;
}

// "team 4, community 7": the non-zero counts, in the report's order.
std::string counts_text(const std::vector<Count>& counts) {
  std::string out;
  for (const Count& c : counts)
    if (c.n != 0) out += fmt::format("{}{} {}", out.empty() ? "" : ", ", c.key, c.n);
  return out;
}

std::string duration_words(Duration d) {
  switch (d.unit) {
    case Duration::Unit::days: return count_of(d.count, "day", "days");
    case Duration::Unit::weeks: return count_of(d.count, "week", "weeks");
    case Duration::Unit::months: return count_of(d.count, "month", "months");
    case Duration::Unit::years: return count_of(d.count, "year", "years");
    case Duration::Unit::never: break;
  }
  return "any time";
}

// Names for slugs. The people are pointed to, not copied (30,000 names
// and slugs in a map were 4 MB): a load gives them by slug already.
class Names {
 public:
  explicit Names(const std::vector<Person>& people) {
    by_slug_.reserve(people.size());
    for (const Person& p : people) by_slug_.push_back(&p);
    if (!std::is_sorted(by_slug_.begin(), by_slug_.end(), by_slug))
      std::stable_sort(by_slug_.begin(), by_slug_.end(), by_slug);
  }
  std::string operator()(const std::string& slug) const {
    auto it = std::lower_bound(by_slug_.begin(), by_slug_.end(), slug,
                               [](const Person* p, const std::string& s) { return p->slug < s; });
    return it == by_slug_.end() || (*it)->slug != slug ? slug : (*it)->name;
  }
  std::vector<std::string> operator()(const std::vector<std::string>& slugs) const {
    std::vector<std::string> out;
    for (const std::string& s : slugs) out.push_back((*this)(s));
    return out;
  }

 private:
  static bool by_slug(const Person* a, const Person* b) { return a->slug < b->slug; }
  std::vector<const Person*> by_slug_;  // the first of a slug wins, as a map's emplace did
};

using Tone = Advice::Tone;

ReportSection people_section(const ReportInput& in, const std::string& when) {
  const Report& r = in.report;
  ReportSection sec{SectionId::people, "People", {}};
  const int total = r.people.total;
  if (total == 0) {
    sec.advice.push_back({Tone::warn, "No people yet. After your next meetup: kith add NAME --met WHERE."});
    return sec;
  }
  sec.advice.push_back({Tone::info, fmt::format("{}: {}.", count_of(total, "person", "people"),
                                                counts_text(r.people.by_circle))});
  if (r.people.active == total)
    sec.advice.push_back({Tone::good, fmt::format("All {} had a contact {}.", total, when)});
  else
    sec.advice.push_back({Tone::info, fmt::format("{} of {} had a contact {}; {} had none.", r.people.active, total,
                                                  when, total - r.people.active)});
  if (r.people.never_contacted > 0) {
    std::vector<std::string> names;
    for (const Person& p : in.people)
      if (last_contact(p, in.settings) == nullptr) names.push_back(p.name);
    sec.advice.push_back(
        {Tone::warn, fmt::format("{} never contacted: a collection, not a network. Write to {}, or let {} go.",
                                 count_of(r.people.never_contacted, "person", "people"), name_list(names),
                                 r.people.never_contacted == 1 ? "them" : "some")});
  }
  return sec;
}

ReportSection interactions_section(const ReportInput& in, const std::string& when) {
  const Report& r = in.report;
  ReportSection sec{SectionId::interactions, "Interactions", {}};
  if (r.interactions.total == 0) {
    sec.advice.push_back(
        {Tone::warn, fmt::format("No interactions {}. Start small: one message to one person this week.", when)});
    return sec;
  }
  sec.advice.push_back({Tone::info, fmt::format("{} {}: {}.", count_of(r.interactions.total, "interaction",
                                                                       "interactions"),
                                                when, counts_text(r.interactions.by_kind))});
  const auto& months = r.interactions.by_month;
  auto busiest = std::max_element(months.begin(), months.end(),
                                  [](const Count& a, const Count& b) { return a.n < b.n; });
  // Only whole months of the past can be quiet: a month the period cuts, or
  // one not over yet, is not quiet for lack of days.
  std::vector<std::string> quiet;
  const date::year_month first{r.period.since.year(), r.period.since.month()};
  for (std::size_t i = 0; i < months.size(); ++i) {
    const Date last{(first + date::months{static_cast<int>(i)}) / date::last};
    const bool whole = (i > 0 || r.period.since.day() == date::day{1}) && last <= r.period.until && last <= in.today;
    if (months[i].n == 0 && whole) quiet.push_back(months[i].key);
  }
  if (months.size() > 1)
    sec.advice.push_back({Tone::info, fmt::format("Busiest month: {} ({}).", busiest->key, busiest->n)});
  if (!quiet.empty())
    sec.advice.push_back({Tone::warn, fmt::format("{} without a single contact ({}): a little and often beats "
                                                  "a lot and rarely.",
                                                  count_of(static_cast<long>(quiet.size()), "month", "months"),
                                                  name_list(quiet))});
  return sec;
}

ReportSection balance_section(const ReportInput& in, const std::string& when, const Names& names) {
  const Report& r = in.report;
  ReportSection sec{SectionId::balance, "Give and take", {}};
  const int given = r.balance.given, received = r.balance.received;
  if (given == 0 && received == 0)
    sec.advice.push_back({Tone::info, fmt::format("Nothing given or received {}.", when)});
  else if (given >= received)
    sec.advice.push_back({Tone::good, fmt::format("You gave {} and received {} {}: you give first.",
                                                  count_of(given, "time", "times"),
                                                  count_of(received, "time", "times"), when)});
  else
    sec.advice.push_back({Tone::warn, fmt::format("You gave {} and received {} {}: find something to give.",
                                                  count_of(given, "time", "times"),
                                                  count_of(received, "time", "times"), when)});
  const auto& owing = r.balance.owing;
  for (std::size_t i = 0; i < owing.size() && i < max_owing; ++i)
    sec.advice.push_back({Tone::warn, fmt::format("You owe {} ({}): give before you ask again.", owing[i].name,
                                                  owing[i].balance)});
  if (owing.size() > max_owing)
    sec.advice.push_back({Tone::warn, fmt::format("You owe {} more: `kith list` shows every balance.",
                                                  count_of(static_cast<long>(owing.size() - max_owing),
                                                           "person", "people")), true});
  if (owing.empty() && r.people.total > 0)
    sec.advice.push_back({Tone::good, "You owe nobody: every balance is even or in their favour."});
  if (!r.balance.asked_before_giving.empty())
    sec.advice.push_back({Tone::warn, fmt::format("You asked {} before ever giving: next time, give first.",
                                                  name_list(names(r.balance.asked_before_giving)))});
  return sec;
}

ReportSection new_contacts_section(const ReportInput& in, const std::string& when) {
  const Report& r = in.report;
  const auto& n = r.new_contacts;
  ReportSection sec{SectionId::new_contacts, "New contacts", {}};
  std::string goal = n.goal_low == n.goal_high ? std::to_string(n.goal_low)
                                               : fmt::format("{}–{}", n.goal_low, n.goal_high);
  if (r.days != 365 && r.days != 366) goal += " for this period";
  std::string met = fmt::format("You met {} {} — {} your goal of {}.",
                                count_of(n.met, "new person", "new people"), when, verdict_name(n.verdict), goal);
  switch (n.verdict) {
    case Verdict::below:
      sec.advice.push_back({Tone::warn, met + " Quality over quantity, but go to a meetup."});
      break;
    case Verdict::within:
      sec.advice.push_back({Tone::good, met + " Quality over quantity: keep this pace."});
      break;
    case Verdict::above:
      sec.advice.push_back({Tone::warn, met + " Fewer but real: follow up before you meet more."});
      break;
  }
  if (n.met == 0) return sec;
  const std::string window = duration_words(in.settings.followup);
  if (n.followed_up == n.met)
    sec.advice.push_back({Tone::good, fmt::format("{} of {} got a follow-up within {}: that is how they "
                                                  "remember you.",
                                                  n.followed_up, n.met, window)});
  else
    sec.advice.push_back({Tone::warn, fmt::format("{} of {} got a follow-up within {}: write within {} of "
                                                  "meeting, while they remember you.",
                                                  n.followed_up, n.met, window, window)});
  if (n.became_real == n.met)
    sec.advice.push_back({Tone::good, fmt::format("{} of {} became real (two contacts or more since).",
                                                  n.became_real, n.met)});
  else
    sec.advice.push_back({Tone::info, fmt::format("{} of {} became real (two contacts or more since); a "
                                                  "question or something useful turns the others into "
                                                  "relationships.",
                                                  n.became_real, n.met)});
  return sec;
}

ReportSection intros_section(const ReportInput& in, const std::string& when) {
  const Report& r = in.report;
  ReportSection sec{SectionId::intros, "Introductions", {}};
  if (r.intros > 0)
    sec.advice.push_back({Tone::good, fmt::format("You made {} {}: be the bridge.",
                                                  count_of(r.intros, "introduction", "introductions"), when)});
  else
    sec.advice.push_back({Tone::warn, fmt::format("No introductions {}. Be the bridge: introduce two people "
                                                  "who can help each other.",
                                                  when)});
  const std::size_t pairs = count_intros(in.people);
  if (pairs > 0)
    sec.advice.push_back({Tone::info, fmt::format("{} worth introducing: `kith intro --suggest` says who and why.",
                                                  count_of(static_cast<long>(pairs), "pair", "pairs")), true});
  return sec;
}

ReportSection overdue_section(const ReportInput& in, const Names& names) {
  const Report& r = in.report;
  ReportSection sec{SectionId::overdue, "Overdue now", {}};
  if (r.overdue.total == 0) {
    sec.advice.push_back({Tone::good, "Nobody is overdue: you are keeping in touch."});
    return sec;
  }
  sec.advice.push_back({Tone::warn, fmt::format("{} overdue today: {}.", count_of(r.overdue.total, "person", "people"),
                                                counts_text(r.overdue.by_circle))});
  sec.advice.push_back({Tone::info, fmt::format("Most urgent: {}. `kith due` lists them all.",
                                                name_list(names(r.overdue.slugs))), true});
  return sec;
}

}  // namespace

std::string period_phrase(const Report& r, Date today) {
  const Period& p = r.period;
  const Period year = last_twelve_months(today);
  if (p.since_first_entry) return "since your first entry";
  if (p.since == year.since && p.until == year.until) return "in the last 12 months";
  if (p.since.month() == date::January && p.since.day() == date::day{1} && p.until.month() == date::December &&
      p.until.day() == date::day{31} && p.since.year() == p.until.year())
    return fmt::format("in {}", static_cast<int>(p.since.year()));
  return fmt::format("from {} to {}", format_date(p.since), format_date(p.until));
}

std::vector<ReportSection> report_advice(const ReportInput& in) {
  const std::string when = period_phrase(in.report, in.today);
  const Names names(in.people);
  return {people_section(in, when),  interactions_section(in, when), balance_section(in, when, names),
          new_contacts_section(in, when), intros_section(in, when),       overdue_section(in, names)};
}

}  // namespace kith
