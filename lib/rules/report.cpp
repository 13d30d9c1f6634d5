// SPDX-License-Identifier: MIT
#include "report.h"

#include <algorithm>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "balance.h"
#include "model/error.h"
#include "schedule.h"

namespace kith {

namespace {

constexpr Duration one_year{1, Duration::Unit::years};

// Months since year 0, so that a month's place in the period is a subtraction.
int month_number(Date d) { return int(d.year()) * 12 + int(unsigned(d.month())) - 1; }

std::string month_key(int number) { return fmt::format("{:04}-{:02}", number / 12, number % 12 + 1); }

long serial(Date d) { return date::sys_days{d}.time_since_epoch().count(); }

bool in_period(const Period& p, Date d) { return p.since <= d && d <= p.until; }

// Which of a person's entries are contacts (`contact[i]` for p.log[i]):
// each kind looked up once, as every met entry reads every other entry.
using Contacts = std::vector<char>;

// Another contact of `p` within the follow-up window of their entry `met`
// (an index in the log): from the met date to met + followup inclusive; on
// the met date itself only an entry later in the file, as last_contact()
// reads a day.
bool followed_up(const Person& p, std::size_t met, const Contacts& contact, const Settings& s) {
  const Date day = p.log[met].date;
  const bool unbounded = s.followup.is_never();
  const Date end = unbounded ? day : add(day, s.followup);
  for (std::size_t i = 0; i < p.log.size(); ++i) {
    const Date d = p.log[i].date;
    if (i == met || !contact[i]) continue;
    if (d == day) {
      if (i > met) return true;
    } else if (day < d && (unbounded || d <= end)) {
      return true;
    }
  }
  return false;
}

// Two contacts or more after the met date (up to today): a relationship.
bool became_real(const Person& p, std::size_t met, const Contacts& contact, Date today) {
  int later = 0;
  for (std::size_t i = 0; i < p.log.size(); ++i)
    if (contact[i] && p.log[met].date < p.log[i].date && p.log[i].date <= today) ++later;
  return later >= 2;
}

std::vector<Count> kinds_in_order(const std::map<std::string, int>& counts, const Settings& s) {
  std::vector<Count> out;
  for (const KindInfo& k : s.kinds)
    if (auto it = counts.find(k.name); it != counts.end()) out.push_back({k.name, it->second});
  // Kinds kith.yaml does not know (the loader refuses them) still add up.
  for (const auto& [kind, n] : counts)
    if (s.find_kind(kind) == nullptr) out.push_back({kind, n});
  return out;
}

// An intro is one (date, unordered pair); each file may log it. Per key,
// the entries from either side pair off, so both files' entries count once.
class IntroCounter {
 public:
  void add(const Person& p, const Entry& e) {
    const bool first = p.slug <= e.with;
    auto key = std::make_tuple(serial(e.date), first ? p.slug : e.with, first ? e.with : p.slug);
    auto& sides = seen_[key];
    ++(first ? sides.first : sides.second);
  }

  int total() const {
    int n = 0;
    for (const auto& [key, sides] : seen_) n += std::max(sides.first, sides.second);
    return n;
  }

 private:
  std::map<std::tuple<long, std::string, std::string>, std::pair<int, int>> seen_;
};

}  // namespace

Period last_twelve_months(Date today) { return {add_days(subtract(today, one_year), 1), today}; }

Period calendar_year(int year) {
  if (year < 0 || year > 9999) throw UsageError(fmt::format("year {} is not a year like 2026", year));
  const date::year y{year};
  return {Date{y, date::January, date::day{1}}, Date{y, date::December, date::day{31}}};
}

Period resolve_period(std::optional<Date> since, std::optional<Date> until,
                      std::optional<int> year, Date today) {
  if (year) {
    if (since || until) throw UsageError("--year cannot be combined with --since or --until");
    return calendar_year(*year);
  }
  Period p = last_twelve_months(until.value_or(today));
  if (since) {
    p.since = *since;
    p.until = until.value_or(today);
  }
  if (p.until < p.since)
    throw UsageError(fmt::format("the period starts ({}) after it ends ({})", format_date(p.since),
                                 format_date(p.until)));
  return p;
}

Period start_at_first_entry(Period p, std::optional<Date> first) {
  if (first && p.since < *first && !(p.until < *first)) {
    p.since = *first;
    p.since_first_entry = true;
  }
  return p;
}

int period_days(const Period& p) { return std::max(0, days_between(p.since, p.until) + 1); }

std::string_view verdict_name(Verdict v) {
  switch (v) {
    case Verdict::below: return "below";
    case Verdict::above: return "above";
    case Verdict::within: break;
  }
  return "within";
}

std::pair<int, int> prorated_goal(int low, int high, int days) {
  if (days == 365 || days == 366) return {low, high};
  // value * days / 365.25 = value * days * 4 / 1461, rounded in integers so
  // that no floating-point error decides a boundary (1461 is odd, so there
  // are no exact halves to break).
  auto prorate = [days](int value) {
    const long long num = 4LL * value * days;
    const long long rounded = (2 * (num < 0 ? -num : num) + 1461) / (2 * 1461);
    return static_cast<int>(num < 0 ? -rounded : rounded);
  };
  return {prorate(low), prorate(high)};
}

// What the builder adds up. Months are counted over the period it was
// given; a period shortened to the first entry drops only empty months.
struct ReportBuilder::Sums {
  Date today;
  Period period;
  int first_month = 0;
  Report r;  // by_month and balance_by_month span `period`
  std::map<std::string, Report::Circle> circles;
  std::map<std::string, int> kinds;
  IntroCounter intros;
  std::optional<Date> first_entry;
  std::vector<const KindInfo*> kinds_of;  // the person being added: each entry's kind
  Contacts contact;                       // and whether it is a contact
};

ReportBuilder::ReportBuilder(Date today, Period period) : sums_(std::make_unique<Sums>()) {
  Sums& m = *sums_;
  m.today = today;
  m.period = period;
  m.first_month = month_number(period.since);
  const int months = period_days(period) == 0 ? 0 : month_number(period.until) - m.first_month + 1;
  for (int k = 0; k < months; ++k) {
    m.r.interactions.by_month.push_back({month_key(m.first_month + k), 0});
    m.r.balance_by_month.push_back({month_key(m.first_month + k), 0, 0});
  }
}

ReportBuilder::~ReportBuilder() = default;

void ReportBuilder::add(const Person& p, const Settings& s) {
  Sums& m = *sums_;
  Report& r = m.r;
  Report::Circle& circle = m.circles[p.circle];
  circle.circle = p.circle;
  ++r.people.total;
  ++circle.people;
  bool contacted = false;
  bool active = false;
  m.kinds_of.clear();
  m.contact.clear();
  for (const Entry& e : p.log) {
    const KindInfo* kind = s.find_kind(e.kind);
    m.kinds_of.push_back(kind);
    m.contact.push_back(kind == nullptr || kind->contact);  // is_contact
  }
  for (std::size_t i = 0; i < p.log.size(); ++i) {
    const Entry& e = p.log[i];
    if (!m.first_entry || e.date < *m.first_entry) m.first_entry = e.date;
    const KindInfo* kind = m.kinds_of[i];
    const bool contact = m.contact[i];
    contacted = contacted || contact;
    if (!in_period(m.period, e.date)) continue;
    const int month = month_number(e.date) - m.first_month;
    if (contact) {
      active = true;
      ++r.interactions.total;
      ++r.interactions.by_month[month].n;
      ++m.kinds[e.kind];
      ++circle.interactions;
    }
    const int balance = kind == nullptr ? 0 : kind->balance;
    if (balance > 0) {
      ++r.balance.given;
      ++r.balance_by_month[month].given;
      ++circle.given;
    } else if (balance < 0) {
      ++r.balance.received;
      ++r.balance_by_month[month].received;
      ++circle.received;
    }
    if (e.kind == "met") {
      ++r.new_contacts.met;
      if (followed_up(p, i, m.contact, s)) ++r.new_contacts.followed_up;
      if (became_real(p, i, m.contact, m.today)) ++r.new_contacts.became_real;
    } else if (e.kind == "intro") {
      m.intros.add(p, e);
    }
  }
  if (active) {
    ++r.people.active;
    ++circle.active;
  }
  if (!contacted) {
    ++r.people.never_contacted;
    ++circle.never_contacted;
  }

  const int balance = balance_of(p, s);
  r.balance.overall += balance;
  if (balance < 0) r.balance.owing.push_back({p.slug, p.name, balance});
  if (asked_before_giving(p, s)) r.balance.asked_before_giving.push_back(p.slug);
}

Report ReportBuilder::finish(const std::vector<Person>& people, const Settings& s, bool from_first_entry) {
  Sums& m = *sums_;
  Report r = std::move(m.r);
  r.period = from_first_entry ? start_at_first_entry(m.period, m.first_entry) : m.period;
  r.days = period_days(r.period);
  // A later start drops the months before it: no entry is in them.
  const auto dropped = static_cast<std::ptrdiff_t>(month_number(r.period.since) - m.first_month);
  r.interactions.by_month.erase(r.interactions.by_month.begin(), r.interactions.by_month.begin() + dropped);
  r.balance_by_month.erase(r.balance_by_month.begin(), r.balance_by_month.begin() + dropped);

  std::sort(r.balance.owing.begin(), r.balance.owing.end(),
            [](const Report::Owing& a, const Report::Owing& b) {
              return std::tie(a.balance, a.slug) < std::tie(b.balance, b.slug);
            });
  std::sort(r.balance.asked_before_giving.begin(), r.balance.asked_before_giving.end());
  r.interactions.by_kind = kinds_in_order(m.kinds, s);
  r.intros = m.intros.total();

  auto [low, high] = prorated_goal(s.goal_low, s.goal_high, r.days);
  r.new_contacts.goal_low = low;
  r.new_contacts.goal_high = high;
  r.new_contacts.verdict = r.new_contacts.met < low    ? Verdict::below
                           : r.new_contacts.met > high ? Verdict::above
                                                       : Verdict::within;

  // The circles of the report: kith.yaml's and anyone else's, by name.
  for (const auto& [name, cadence] : s.circles) m.circles[name].circle = name;
  for (const DueItem& item : due_list(people, s, m.today, DueQuery{})) {
    ++r.overdue.total;
    ++m.circles[item.person->circle].overdue;
    r.overdue.slugs.push_back(item.person->slug);
  }

  for (const auto& [name, circle] : m.circles) {
    r.people.by_circle.push_back({name, circle.people});
    r.overdue.by_circle.push_back({name, circle.overdue});
    r.circles.push_back(circle);
  }
  return r;
}

Report build_report(const std::vector<Person>& people, const Settings& s, Date today, Period period) {
  ReportBuilder builder(today, period);
  for (const Person& p : people) builder.add(p, s);
  return builder.finish(people, s, false);
}

}  // namespace kith
