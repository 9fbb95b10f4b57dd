#include "modules/recruit/present.hpp"

#include <boost/json.hpp>

#include "http/json.hpp"
#include "modules/recruit/service_util.hpp"

namespace lx::recruit {
namespace {

namespace json = boost::json;
using http::nullable;

json::value opt_double(const std::optional<double>& d) { return d ? json::value(*d) : json::value(nullptr); }
json::value opt_bool(const std::optional<bool>& b) { return b ? json::value(*b) : json::value(nullptr); }
json::value opt_date(const std::optional<core::Date>& d) {
  return d ? json::value(core::to_iso(*d)) : json::value(nullptr);
}

}  // namespace

json::object step_json(const Step& s, core::Date today) {
  return json::object{{"code", s.code},
                      {"name", s.name},
                      {"rule", s.rule},
                      {"earliest_on", opt_date(s.earliest)},
                      {"due_on", opt_date(s.due)},
                      {"overdue", overdue(s, today)}};
}

json::object recruit_json(const Recruit& r, core::Date today) {
  json::object o{{"id", r.id},
                 {"person_id", r.person_id},
                 {"name", r.person_name},
                 {"gender", r.gender},
                 {"birth_date", r.birth_date},
                 {"id_number_mask", r.id_number_mask},
                 {"party_org_id", r.party_org_id},
                 {"party_org_name", r.party_org_name},
                 {"stage", r.stage},
                 {"stage_name", std::string(stage_name(r.stage))},
                 {"applied_on", r.applied_on},
                 {"talk_on", nullable(r.talk_on)},
                 {"talk_by", nullable(r.talk_by)},
                 {"activist_on", nullable(r.activist_on)},
                 {"last_review_on", nullable(r.last_review_on)},
                 {"candidate_on", nullable(r.candidate_on)},
                 {"political_review_on", nullable(r.political_review_on)},
                 {"political_review_passed", opt_bool(r.political_review_passed)},
                 {"training_on", nullable(r.training_on)},
                 {"training_days", opt_double(r.training_days)},
                 {"training_hours", opt_double(r.training_hours)},
                 {"assembly_on", nullable(r.assembly_on)},
                 {"assembly_entitled", nullable(r.assembly_entitled)},
                 {"assembly_present", nullable(r.assembly_present)},
                 {"assembly_in_favour", nullable(r.assembly_in_favour)},
                 {"approved_on", nullable(r.approved_on)},
                 {"approval_special", r.approval_special},
                 {"oath_on", nullable(r.oath_on)},
                 {"probation_end", nullable(r.probation_end)},
                 {"extended", r.extended},
                 {"decided_on", nullable(r.decided_on)},
                 {"confirmed_on", nullable(r.confirmed_on)},
                 {"confirm_approved_on", nullable(r.confirm_approved_on)},
                 {"ended_on", nullable(r.ended_on)},
                 {"end_reason", nullable(r.end_reason)}};
  auto steps = next_steps(detail::facts_of(r));
  if (steps.empty()) {
    o["next_step"] = nullptr;
    o["due_on"] = nullptr;
    o["overdue"] = false;
  } else {
    o["next_step"] = step_json(steps[0], today);
    o["due_on"] = opt_date(steps[0].due);
    bool late = false;
    for (const auto& s : steps) late = late || overdue(s, today);
    o["overdue"] = late;
  }
  return o;
}

json::object detail_json(const Detail& d, core::Date today) {
  json::object o = recruit_json(d.recruit, today);
  json::array steps, sponsors, reviews, events;
  for (const auto& s : d.steps) steps.push_back(step_json(s, today));
  for (const auto& s : d.sponsors)
    sponsors.push_back(json::object{{"person_id", s.person_id}, {"name", s.name}, {"since", s.since}});
  for (const auto& r : d.reviews)
    reviews.push_back(json::object{
        {"id", r.id}, {"reviewed_on", r.reviewed_on}, {"note", nullable(r.note)}, {"by", r.by_login}});
  for (const auto& e : d.events) {
    json::value detail;
    try {
      detail = json::parse(e.detail);
    } catch (...) {
      detail = nullptr;
    }
    events.push_back(json::object{{"id", e.id},
                                  {"event", e.event},
                                  {"on", e.on_date},
                                  {"stage_from", nullable(e.stage_from)},
                                  {"stage_to", nullable(e.stage_to)},
                                  {"detail", detail},
                                  {"by", e.by_login},
                                  {"at", e.at}});
  }
  o["steps"] = std::move(steps);
  o["sponsors"] = std::move(sponsors);
  o["reviews"] = std::move(reviews);
  o["timeline"] = std::move(events);
  return o;
}

}  // namespace lx::recruit
