// The recruitment pipeline from the general assembly on: admission (R-REC-5,
// R-LIFE-9), approval (R-REC-6), oath, confirmation / extension /
// cancellation (R-REC-7), withdrawal, and the pipeline figures; see service.hpp.
#include "modules/recruit/service.hpp"
#include "modules/recruit/service_util.hpp"
#include "modules/stats/service.hpp"

namespace lx::recruit {

using namespace detail;
using core::Date;
namespace json = boost::json;

namespace {

json::object vote_json(const AssemblyInput& in) {
  return json::object{{"assembly_on", in.on},
                      {"entitled", in.vote.entitled},
                      {"present", in.vote.present},
                      {"in_favour", in.vote.in_favour}};
}

// The branch's decision at the end of probation (R-REC-7) with its vote (R-LIFE-9).
Result<Date> probation_decision(db::Connection& c, const Recruit& r, const AssemblyInput& in) {
  auto on = date_field(in.on, "decided_on", "支部大会日期");
  if (!on) return on.error();
  if (auto s = check_probation_decision(stored(*r.probation_end), *on, core::today_shanghai()); !s) return s.error();
  const auto full = member::count_full_members_on(c, r.party_org_id, core::to_iso(*on));
  if (auto s = check_vote(in.vote, full); !s) return s.error();
  return *on;
}

Error member_error(const Error& e) {
  // The member module refused (e.g. an open membership elsewhere): a conflict with existing records.
  Error out = e;
  if (out.status == 400) out.status = 409;
  return out;
}

}  // namespace

Result<Detail> record_admission(db::Connection& c, const Actor& a, std::int64_t id, const AssemblyInput& in) {
  auto r = load(c, a, id);
  if (!r) return r.error();
  if (auto s = expect_stage(*r, {"candidate"}, "讨论接收"); !s) return s.error();
  auto on = date_field(in.on, "assembly_on", "支部大会日期");
  if (!on) return on.error();
  AdmissionFacts f;
  f.candidate_on = stored(*r->candidate_on);
  f.review_on = stored(r->political_review_on);
  f.review_passed = r->political_review_passed;
  f.training_on = stored(r->training_on);
  f.training_days = r->training_days;
  f.training_hours = r->training_hours;
  const auto full = member::count_full_members_on(c, r->party_org_id, core::to_iso(*on));
  if (auto s = check_admission(f, *on, in.vote, full, core::today_shanghai()); !s) return s.error();
  // A new assembly replaces one whose approval never came (R-REC-6: past its deadline it must be decided again).
  r->assembly_on = core::to_iso(*on);
  r->assembly_entitled = in.vote.entitled;
  r->assembly_present = in.vote.present;
  r->assembly_in_favour = in.vote.in_favour;
  json::object d = vote_json(in);
  d["full_members"] = full;
  return finish(c, a, std::move(*r), "assembly", *on, std::nullopt, *on, d);
}

Result<Detail> approve_admission(db::Connection& c, const Actor& a, std::int64_t id, const std::string& approved_on,
                                 bool special) {
  auto r = load(c, a, id);
  if (!r) return r.error();
  if (auto s = expect_stage(*r, {"candidate"}, "审批接收"); !s) return s.error();
  if (!r->assembly_on)
    return make_error("assembly_missing", "须先由支部大会讨论接收（R-REC-6）", "approved_on", 409);
  auto on = date_field(approved_on, "approved_on", "审批日期");
  if (!on) return on.error();
  const Date assembly = stored(*r->assembly_on);
  if (auto s = check_approval(assembly, *on, special, core::today_shanghai()); !s) return s.error();
  // The probationary membership runs from the assembly's admission (R-REC-7).
  auto m = member::admit_probationary(c, r->person_id, r->party_org_id, *r->assembly_on, a.login);
  if (!m) return member_error(m.error());
  r->approved_on = core::to_iso(*on);
  r->approval_special = special;
  r->probation_end = core::to_iso(probation_end(assembly));
  return finish(c, a, std::move(*r), "approval", *on, "probationary", assembly,
                json::object{{"special", special}, {"probation_end", core::to_iso(probation_end(assembly))}});
}

Result<Detail> record_oath(db::Connection& c, const Actor& a, std::int64_t id, const std::string& oath_on) {
  auto r = load(c, a, id);
  if (!r) return r.error();
  if (auto s = expect_stage(*r, {"probationary"}, "登记入党宣誓"); !s) return s.error();
  if (r->oath_on) return make_error("already_done", "已登记入党宣誓（" + *r->oath_on + "）", "oath_on", 409);
  auto on = date_field(oath_on, "oath_on", "宣誓日期");
  if (!on) return on.error();
  if (auto s = check_oath(stored(*r->approved_on), *on, stored(*r->probation_end), core::today_shanghai()); !s)
    return s.error();
  r->oath_on = core::to_iso(*on);
  return finish(c, a, std::move(*r), "oath", *on, std::nullopt, *on, json::object{});
}

Result<Detail> confirm(db::Connection& c, const Actor& a, std::int64_t id, const AssemblyInput& in,
                       const std::string& approved_on) {
  auto r = load(c, a, id);
  if (!r) return r.error();
  if (auto s = expect_stage(*r, {"probationary"}, "转正"); !s) return s.error();
  auto on = probation_decision(c, *r, in);
  if (!on) return on.error();
  auto appr = date_field(approved_on, "approved_on", "审批日期");
  if (!appr) return appr.error();
  const Date end = stored(*r->probation_end);
  if (auto s = check_confirmation(end, stored(r->oath_on), *on, *appr, core::today_shanghai()); !s) return s.error();
  // Full from the day the probation ends (党龄 counts from it).
  auto m = member::confirm_full(c, r->person_id, *r->probation_end, a.login);
  if (!m) return member_error(m.error());
  r->decided_on = core::to_iso(*on);
  r->confirmed_on = *r->probation_end;
  r->confirm_approved_on = core::to_iso(*appr);
  json::object d = vote_json(in);
  d["approved_on"] = core::to_iso(*appr);
  d["confirmed_on"] = *r->probation_end;
  return finish(c, a, std::move(*r), "confirmation", *on, "full", end, d);
}

Result<Detail> extend(db::Connection& c, const Actor& a, std::int64_t id, const AssemblyInput& in,
                      const std::string& new_end) {
  auto r = load(c, a, id);
  if (!r) return r.error();
  if (auto s = expect_stage(*r, {"probationary"}, "延长预备期"); !s) return s.error();
  auto on = probation_decision(c, *r, in);
  if (!on) return on.error();
  auto ne = date_field(new_end, "new_end", "新的预备期届满日");
  if (!ne) return ne.error();
  if (auto s = check_extension(stored(*r->probation_end), r->extended, *on, *ne, core::today_shanghai()); !s)
    return s.error();
  json::object d = vote_json(in);
  d["old_end"] = *r->probation_end;
  d["new_end"] = core::to_iso(*ne);
  r->decided_on = core::to_iso(*on);
  r->probation_end = core::to_iso(*ne);
  r->extended = true;
  return finish(c, a, std::move(*r), "extension", *on, std::nullopt, *on, d);
}

Result<Detail> cancel(db::Connection& c, const Actor& a, std::int64_t id, const AssemblyInput& in,
                      const std::string& reason) {
  auto r = load(c, a, id);
  if (!r) return r.error();
  if (auto s = expect_stage(*r, {"probationary"}, "取消预备党员资格"); !s) return s.error();
  if (reason.empty()) return make_error("required", "请填写取消预备党员资格的原因", "reason");
  auto on = probation_decision(c, *r, in);
  if (!on) return on.error();
  auto m = member::end_membership(c, r->person_id, core::to_iso(*on), "cancelled", a.login);
  if (!m) return member_error(m.error());
  r->decided_on = core::to_iso(*on);
  r->ended_on = core::to_iso(*on);
  r->end_reason = reason;
  json::object d = vote_json(in);
  d["reason"] = reason;
  return finish(c, a, std::move(*r), "cancellation", *on, "cancelled", *on, d);
}

Result<Detail> withdraw(db::Connection& c, const Actor& a, std::int64_t id, const std::string& on_raw,
                        const std::string& reason) {
  auto r = load(c, a, id);
  if (!r) return r.error();
  if (auto s = expect_stage(*r, {"applicant", "activist", "candidate"}, "退出流程"); !s) return s.error();
  if (reason.empty()) return make_error("required", "请填写退出原因", "reason");
  auto on = date_field(on_raw, "on", "退出日期");
  if (!on) return on.error();
  if (*on > core::today_shanghai()) return make_error("future_date", "退出日期不能晚于今天", "on", 422);
  std::string last = r->applied_on;
  for (const auto& d : {r->talk_on, r->activist_on, r->last_review_on, r->candidate_on, r->political_review_on,
                        r->training_on, r->assembly_on})
    if (d && *d > last) last = *d;
  if (core::to_iso(*on) < last)
    return make_error("invalid_date", "退出日期不能早于最近登记的事项（" + last + "）", "on");
  r->ended_on = core::to_iso(*on);
  r->end_reason = reason;
  return finish(c, a, std::move(*r), "withdrawal", *on, "withdrawn", *on, json::object{{"reason", reason}});
}

json::object pipeline_counts(db::Connection& c, const http::Scope& scope, Date d) {
  const std::string iso = core::to_iso(d);
  auto counts = repo::stage_counts(c, scope, iso);
  json::object out{{"date", iso}};
  std::int64_t total = 0;
  for (const char* s : {"applicant", "activist", "candidate", "probationary"}) {
    const std::int64_t n = counts.count(s) ? counts.at(s) : 0;
    out[s] = n;
    total += n;
  }
  out["total"] = total;
  // Overdue next steps (R-REC-8) are known from the current facts only: given for today.
  if (d == core::today_shanghai()) {
    repo::ListFilter f;
    f.overdue_on = iso;
    f.size = 1;
    out["overdue"] = repo::list(c, scope, f).second;
  } else {
    out["overdue"] = nullptr;
  }
  return out;
}

Result<std::pair<std::vector<Recruit>, std::int64_t>> pipeline_records(db::Connection& c, const http::Scope& scope,
                                                                       Date d, const std::string& stage,
                                                                       std::int64_t page, std::int64_t size) {
  if (stage == "overdue") {
    if (d != core::today_shanghai())
      return make_error("invalid_value", "逾期名单只能按今天查询", "date");
    repo::ListFilter f;
    f.overdue_on = core::to_iso(d);
    f.page = page;
    f.size = size;
    return repo::list(c, scope, f);
  }
  if (stage != "applicant" && stage != "activist" && stage != "candidate" && stage != "probationary")
    return make_error("invalid_value", "没有这个统计项：" + stage, "stage");
  return repo::stage_records(c, scope, core::to_iso(d), stage, page, size);
}

}  // namespace lx::recruit
