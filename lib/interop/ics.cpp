// SPDX-License-Identifier: MIT
#include "ics.h"

#include <fmt/format.h>

#include "content_line.h"

namespace kith {

namespace {

std::string ics_date(Date d) {
  return fmt::format("{:04}{:02}{:02}", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                     static_cast<unsigned>(d.day()));
}

std::string why(const DueItem& item) {
  switch (item.reason) {
    case DueReason::next: return "a follow-up you planned (next)";
    case DueReason::followup: return "follow up on your first meeting";
    case DueReason::cadence:
      return fmt::format("last contact {}, cadence {}", item.last ? format_date(item.last->date) : "never",
                         format_duration(item.cadence));
    case DueReason::fresh:
      return item.person->added ? fmt::format("added {}, never contacted", format_date(*item.person->added))
                                : "new, never contacted";
    case DueReason::birthday: return "their birthday";
  }
  return {};
}

}  // namespace

std::string ics_of(const std::vector<Person>& people, const Settings& settings, Date today, int within_days) {
  std::string out;
  auto line = [&](const std::string& l) { out += folded(l); };
  const std::string stamp = ics_date(today) + "T000000Z";
  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  line("PRODID:-//kith//kith due and birthdays//EN");
  line("CALSCALE:GREGORIAN");
  line("X-WR-CALNAME:kith");

  DueQuery q;
  q.within_days = within_days;
  for (const DueItem& item : due_list(people, settings, today, q)) {
    const Person& p = *item.person;
    // The due date moves as contacts are logged: one UID per person keeps
    // it one event.
    line("BEGIN:VEVENT");
    line("UID:" + stable_uuid("kith-due:" + p.slug) + "@kith");
    line("DTSTAMP:" + stamp);
    line("DTSTART;VALUE=DATE:" + ics_date(item.due));
    line("DTEND;VALUE=DATE:" + ics_date(add_days(item.due, 1)));
    line("SUMMARY:" + escape_text(fmt::format("Get in touch with {}", p.name)));
    line("DESCRIPTION:" + escape_text(fmt::format("{} ({}). kith log {} talk", why(item), reason_name(item.reason),
                                                  p.slug)));
    line("TRANSP:TRANSPARENT");
    line("END:VEVENT");
  }

  for (const Person& p : people) {
    if (!p.birthday) continue;
    const Birthday& b = *p.birthday;
    // A leap year when the year is unknown, so --02-29 is a real first day.
    const int year = b.year.value_or(2000);
    const Date first{date::year{year}, date::month{b.month}, date::day{b.day}};
    line("BEGIN:VEVENT");
    line("UID:" + stable_uuid("kith-birthday:" + p.slug) + "@kith");
    line("DTSTAMP:" + stamp);
    line("DTSTART;VALUE=DATE:" + ics_date(first));
    line("DTEND;VALUE=DATE:" + ics_date(add_days(first, 1)));
    line(b.month == 2 && b.day == 29 ? "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1" : "RRULE:FREQ=YEARLY");
    line("SUMMARY:" + escape_text(fmt::format("{}'s birthday", p.name)));
    line("TRANSP:TRANSPARENT");
    line("END:VEVENT");
  }
  line("END:VCALENDAR");
  return out;
}

}  // namespace kith
