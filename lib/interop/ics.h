// SPDX-License-Identifier: MIT
#pragma once
// The due follow-ups and the birthdays as one iCalendar file (RFC 5545), for
// a calendar that subscribes to it: every event keeps its UID from one
// export to the next, so the calendar moves it instead of adding another.
#include <string>
#include <vector>

#include "model/person.h"
#include "model/settings.h"
#include "rules/schedule.h"

namespace kith {

// One all-day VEVENT per person due on or before today + within_days (the
// `kith due` list: their most urgent reason), and one yearly all-day VEVENT
// per birthday (year-less ones too; 29 February falls on the last day of
// February in other years). DTSTAMP is `today` at midnight UTC: the library
// has no clock, and a stable stamp keeps a cron-written file unchanged
// when nothing changed.
std::string ics_of(const std::vector<Person>& people, const Settings& settings, Date today, int within_days);

}  // namespace kith
