// SPDX-License-Identifier: MIT
// `kith report --json`: DESIGN.md section 6's keys in its order; the extra
// figures of lib/rules/report.h come after the documented keys of each object.
#include "report_render.h"

namespace kith {

namespace {

// {"key": n, ...} in the report's order (circles by name, kinds in
// kith.yaml's order, months in time order).
Json count_object(const std::vector<Count>& counts) {
  Json out = Json::object();
  for (const Count& c : counts) out.set(c.key, c.n);
  return out;
}

}  // namespace

Json report_json(const Report& r) {
  Json owing = Json::array();
  for (const Report::Owing& o : r.balance.owing)
    owing.push(Json::object().set("slug", o.slug).set("balance", o.balance).set("name", o.name));

  Json by_month = Json::object();
  for (const Report::MonthBalance& m : r.balance_by_month)
    by_month.set(m.month, Json::object().set("given", m.given).set("received", m.received));

  Json circles = Json::array();
  for (const Report::Circle& c : r.circles)
    circles.push(Json::object()
                     .set("circle", c.circle)
                     .set("people", c.people)
                     .set("active", c.active)
                     .set("never_contacted", c.never_contacted)
                     .set("interactions", c.interactions)
                     .set("given", c.given)
                     .set("received", c.received)
                     .set("overdue", c.overdue));

  const auto& n = r.new_contacts;
  return Json::object()
      .set("period", Json::object().set("since", r.period.since).set("until", r.period.until).set("days", r.days)
                            .set("since_first_entry", r.period.since_first_entry))
      .set("people", Json::object()
                         .set("total", r.people.total)
                         .set("by_circle", count_object(r.people.by_circle))
                         .set("active", r.people.active)
                         .set("never_contacted", r.people.never_contacted))
      .set("interactions", Json::object()
                               .set("total", r.interactions.total)
                               .set("by_kind", count_object(r.interactions.by_kind))
                               .set("by_month", count_object(r.interactions.by_month)))
      .set("balance", Json::object()
                          .set("given", r.balance.given)
                          .set("received", r.balance.received)
                          .set("owing", std::move(owing))
                          .set("asked_before_giving", Json::strings(r.balance.asked_before_giving))
                          .set("overall", r.balance.overall)
                          .set("by_month", std::move(by_month)))
      .set("new_contacts", Json::object()
                               .set("met", n.met)
                               .set("followed_up", n.followed_up)
                               .set("became_real", n.became_real)
                               .set("goal", Json::array().push(n.goal_low).push(n.goal_high))
                               .set("verdict", std::string(verdict_name(n.verdict))))
      .set("intros", r.intros)
      .set("overdue", Json::object()
                          .set("total", r.overdue.total)
                          .set("by_circle", count_object(r.overdue.by_circle))
                          .set("slugs", Json::strings(r.overdue.slugs)))
      .set("circles", std::move(circles));
}

}  // namespace kith
