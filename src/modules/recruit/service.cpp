// The recruitment pipeline up to the candidate stage, and the helpers; see
// service.hpp. Admission and probation are in service_probation.cpp.
#include "modules/recruit/service.hpp"

#include "core/time.hpp"
#include "modules/partyorg/repo.hpp"
#include "modules/recruit/service_util.hpp"

namespace lx::recruit {
namespace detail {

Result<Recruit> load(db::Connection& c, const Actor& a, std::int64_t id) {
  auto r = repo::find_in_scope(c, a.scope, id);
  if (!r) return not_found();
  return std::move(*r);
}

Status expect_stage(const Recruit& r, std::initializer_list<std::string_view> stages, const std::string& action) {
  for (auto s : stages)
    if (r.stage == s) return {};
  return make_error("wrong_stage", "当前阶段为" + std::string(stage_name(r.stage)) + "，不能" + action, "stage", 409);
}

Facts facts_of(const Recruit& r) {
  Facts f;
  f.stage = r.stage;
  f.applied_on = stored(r.applied_on);
  f.talk_on = stored(r.talk_on);
  f.activist_on = stored(r.activist_on);
  f.last_review_on = stored(r.last_review_on);
  f.candidate_on = stored(r.candidate_on);
  f.political_review_on = stored(r.political_review_on);
  f.political_review_passed = r.political_review_passed;
  f.training_on = stored(r.training_on);
  f.training_days = r.training_days;
  f.training_hours = r.training_hours;
  f.assembly_on = stored(r.assembly_on);
  f.approved_on = stored(r.approved_on);
  f.oath_on = stored(r.oath_on);
  f.probation_end = stored(r.probation_end);
  return f;
}

Result<Detail> finish(db::Connection& c, const Actor& a, Recruit r, const std::string& event, core::Date on,
                      const std::optional<std::string>& to, core::Date stage_on, const boost::json::object& detail) {
  const std::string from = r.stage;
  if (to) r.stage = *to;
  auto steps = next_steps(facts_of(r));
  r.next_step.reset();
  r.next_earliest.reset();
  r.next_due.reset();
  if (!steps.empty()) {
    r.next_step = steps[0].code;
    if (steps[0].earliest) r.next_earliest = core::to_iso(*steps[0].earliest);
    if (steps[0].due) r.next_due = core::to_iso(*steps[0].due);
  }
  repo::save(c, r);
  if (to && *to != from) repo::set_stage(c, r.id, *to, core::to_iso(stage_on));
  repo::add_event(c, r.id, event, core::to_iso(on), from, to ? *to : from, boost::json::serialize(detail), a.login);
  return get_recruit(c, a, r.id);
}

}  // namespace detail

using namespace detail;
using core::Date;
namespace json = boost::json;

Result<Detail> create_applicant(db::Connection& c, const Actor& a, const crypto::Pii& pii, const ApplicantInput& in) {
  auto po = partyorg::repo::find_in_scope(c, a.scope, in.party_org_id);
  if (!po) return make_error("not_found", "党组织不存在", "party_org_id", 404);
  if (po->dissolved_on) return make_error("invalid_value", "党组织已撤销", "party_org_id");
  if (po->type == "group") return make_error("invalid_value", "入党申请由党支部（党总支、党委）接收，不能是党小组", "party_org_id");
  if (in.applied_on.empty()) return make_error("required", "请填写递交申请日期", "applied_on");
  auto applied = date_field(in.applied_on, "applied_on", "递交申请日期");
  if (!applied) return applied.error();
  if (core::to_iso(*applied) < po->founded_on)
    return make_error("invalid_date", "递交申请日期早于党组织成立日期（" + po->founded_on + "）", "applied_on");
  member::Actor ma{a.role, a.scope, a.login};
  auto person = member::find_or_create_person(c, ma, pii, in.person);
  if (!person) return person.error();
  // R-REC-1: at least 18 on the day of application.
  if (auto s = check_application(stored(person->birth_date), *applied, core::today_shanghai()); !s) return s.error();
  if (auto open = repo::open_record_of(c, person->id))
    return make_error("already_in_pipeline", person->name + "已在发展党员流程中（记录" + std::to_string(*open) + "）",
                      "id_number", 409);
  if (c.scalar_int("SELECT COUNT(*) FROM memberships WHERE person_id = ? AND valid_to IS NULL", {person->id})
          .value_or(0) > 0)
    return make_error("already_member", person->name + "已是党员", "id_number", 409);
  Recruit r;
  r.person_id = person->id;
  r.party_org_id = in.party_org_id;
  r.stage = "applicant";
  r.applied_on = core::to_iso(*applied);
  r.id = repo::insert(c, r);
  return finish(c, a, r, "applied", *applied, std::nullopt, *applied, json::object{{"party_org", po->name}});
}

Result<Detail> get_recruit(db::Connection& c, const Actor& a, std::int64_t id) {
  auto r = load(c, a, id);
  if (!r) return r.error();
  Detail d;
  d.recruit = std::move(*r);
  d.sponsors = repo::sponsors_of(c, id);
  d.reviews = repo::reviews_of(c, id);
  d.events = repo::events_of(c, id);
  d.steps = next_steps(facts_of(d.recruit));
  return d;
}

Result<Detail> record_talk(db::Connection& c, const Actor& a, std::int64_t id, const std::string& talk_on,
                           const std::optional<std::string>& talk_by) {
  auto r = load(c, a, id);
  if (!r) return r.error();
  if (auto s = expect_stage(*r, {"applicant"}, "登记谈话"); !s) return s.error();
  auto on = date_field(talk_on, "talk_on", "谈话日期");
  if (!on) return on.error();
  if (auto s = check_talk(stored(r->applied_on), *on, core::today_shanghai()); !s) return s.error();
  r->talk_on = core::to_iso(*on);
  r->talk_by = talk_by;
  // R-REC-2: a talk after the month is recorded, and the timeline says it was late.
  const bool late = talk_late(stored(r->applied_on), *on);
  json::object d{{"late", late}, {"due", core::to_iso(talk_due(stored(r->applied_on)))}};
  if (talk_by) d["talk_by"] = *talk_by;
  return finish(c, a, std::move(*r), "talk", *on, std::nullopt, *on, d);
}

Result<Detail> make_activist(db::Connection& c, const Actor& a, std::int64_t id, const std::string& decided_on,
                             const std::vector<std::int64_t>& sponsor_ids) {
  auto r = load(c, a, id);
  if (!r) return r.error();
  if (auto s = expect_stage(*r, {"applicant"}, "确定为入党积极分子"); !s) return s.error();
  auto on = date_field(decided_on, "decided_on", "确定日期");
  if (!on) return on.error();
  // R-REC-3: the sponsors are full members of this party org on that day.
  std::vector<Sponsor> sponsors;
  json::array names;
  for (std::int64_t pid : sponsor_ids) {
    auto m = repo::member_of_party_org_on(c, pid, r->party_org_id, core::to_iso(*on));
    sponsors.push_back(Sponsor{pid, m ? m->name : "编号" + std::to_string(pid) + "的人员", m && m->full});
    names.push_back(json::string(sponsors.back().name));
  }
  if (auto s = check_activist(r->person_id, stored(r->talk_on), *on, sponsors, core::today_shanghai()); !s)
    return s.error();
  for (std::int64_t pid : sponsor_ids) repo::add_sponsor(c, id, pid, core::to_iso(*on));
  r->activist_on = core::to_iso(*on);
  return finish(c, a, std::move(*r), "activist", *on, "activist", *on, json::object{{"sponsors", names}});
}

Result<Detail> add_review(db::Connection& c, const Actor& a, std::int64_t id, const std::string& reviewed_on,
                          const std::optional<std::string>& note) {
  auto r = load(c, a, id);
  if (!r) return r.error();
  if (auto s = expect_stage(*r, {"activist"}, "登记考察"); !s) return s.error();
  auto on = date_field(reviewed_on, "reviewed_on", "考察日期");
  if (!on) return on.error();
  if (auto s = check_review(stored(*r->activist_on), *on, core::today_shanghai()); !s) return s.error();
  repo::add_review(c, id, core::to_iso(*on), note, a.login);
  const std::string iso = core::to_iso(*on);
  if (!r->last_review_on || *r->last_review_on < iso) r->last_review_on = iso;
  json::object d;
  if (note) d["note"] = *note;
  return finish(c, a, std::move(*r), "review", *on, std::nullopt, *on, d);
}

Result<Detail> make_candidate(db::Connection& c, const Actor& a, std::int64_t id, const std::string& decided_on) {
  auto r = load(c, a, id);
  if (!r) return r.error();
  if (auto s = expect_stage(*r, {"activist"}, "列为发展对象"); !s) return s.error();
  auto on = date_field(decided_on, "decided_on", "列为发展对象日期");
  if (!on) return on.error();
  auto last = repo::last_review_on_or_before(c, id, core::to_iso(*on));
  if (auto s = check_candidate(stored(*r->activist_on), stored(last), *on, core::today_shanghai()); !s)
    return s.error();
  r->candidate_on = core::to_iso(*on);
  return finish(c, a, std::move(*r), "candidate", *on, "candidate", *on, json::object{});
}

Result<Detail> record_political_review(db::Connection& c, const Actor& a, std::int64_t id,
                                       const std::string& reviewed_on, bool passed) {
  auto r = load(c, a, id);
  if (!r) return r.error();
  if (auto s = expect_stage(*r, {"candidate"}, "登记政治审查"); !s) return s.error();
  if (r->assembly_on) return make_error("wrong_stage", "支部大会已讨论接收，不能再改政治审查", "stage", 409);
  auto on = date_field(reviewed_on, "reviewed_on", "政治审查日期");
  if (!on) return on.error();
  if (auto s = check_political_review(stored(*r->candidate_on), *on, core::today_shanghai()); !s) return s.error();
  r->political_review_on = core::to_iso(*on);
  r->political_review_passed = passed;
  return finish(c, a, std::move(*r), "political_review", *on, std::nullopt, *on, json::object{{"passed", passed}});
}

Result<Detail> record_training(db::Connection& c, const Actor& a, std::int64_t id, const std::string& finished_on,
                               const std::optional<double>& days, const std::optional<double>& hours) {
  auto r = load(c, a, id);
  if (!r) return r.error();
  if (auto s = expect_stage(*r, {"candidate"}, "登记集中培训"); !s) return s.error();
  if (r->assembly_on) return make_error("wrong_stage", "支部大会已讨论接收，不能再改集中培训", "stage", 409);
  auto on = date_field(finished_on, "finished_on", "培训结束日期");
  if (!on) return on.error();
  if (auto s = check_training(stored(*r->candidate_on), *on, days, hours, core::today_shanghai()); !s)
    return s.error();
  r->training_on = core::to_iso(*on);
  r->training_days = days;
  r->training_hours = hours;
  json::object d;
  if (days) d["days"] = *days;
  if (hours) d["hours"] = *hours;
  return finish(c, a, std::move(*r), "training", *on, std::nullopt, *on, d);
}

Result<std::pair<std::vector<Recruit>, std::int64_t>> list_recruits(db::Connection& c, const Actor& a,
                                                                    repo::ListFilter f) {
  if (f.party_org_id && !partyorg::repo::find_in_scope(c, a.scope, *f.party_org_id))
    return make_error("not_found", "党组织不存在", "party_org_id", 404);
  if (!f.stage.empty() && !is_stage(f.stage)) return make_error("invalid_value", "阶段无效", "stage");
  return repo::list(c, a.scope, f);
}

}  // namespace lx::recruit
