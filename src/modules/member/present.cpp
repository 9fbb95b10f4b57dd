#include "modules/member/present.hpp"

#include "http/json.hpp"
#include "modules/member/rules.hpp"
#include "modules/partyorg/present.hpp"

namespace lx::member {
namespace {

namespace json = boost::json;
using http::nullable;

json::value name_of(const std::optional<std::string>& code, std::string_view (*name)(std::string_view)) {
  if (!code) return nullptr;
  return json::value(std::string(name(*code)));
}

std::string_view transfer_status_name(std::string_view s) {
  if (s == "pending") return "待接收";
  if (s == "accepted") return "已接收";
  if (s == "rejected") return "已退回";
  if (s == "cancelled") return "已撤回";
  if (s == "done") return "已办结";
  return "";
}

std::string_view transfer_kind_name(std::string_view k) {
  if (k == "internal") return "系统内转接";
  if (k == "in") return "从系统外转入";
  if (k == "out") return "转出到系统外";
  return "";
}

}  // namespace

json::object membership_json(const Membership& m) {
  return json::object{{"id", m.id},
                      {"party_org_id", m.party_org_id},
                      {"party_org_name", m.party_org_name},
                      {"status", m.status},
                      {"status_name", std::string(status_name(m.status))},
                      {"admitted_on", m.admitted_on},
                      {"confirmed_on", nullable(m.confirmed_on)},
                      {"valid_from", m.valid_from},
                      {"valid_to", nullable(m.valid_to)},
                      {"start_reason", m.start_reason},
                      {"end_reason", nullable(m.end_reason)},
                      {"end_reason_name", name_of(m.end_reason, &end_reason_name)}};
}

json::object member_json(const MemberRow& r) {
  const Person& p = r.person;
  const int age = core::age_on(*core::parse_date(p.birth_date), core::today_shanghai());
  json::object o{{"id", p.id},
                 {"name", p.name},
                 {"gender", p.gender},
                 {"gender_name", std::string(gender_name(p.gender))},
                 {"ethnicity", nullable(p.ethnicity)},
                 {"birth_date", p.birth_date},
                 {"age", age},
                 {"id_number_mask", p.id_number_mask},
                 {"education", nullable(p.education)},
                 {"education_name", name_of(p.education, &education_name)},
                 {"phone_mask", nullable(p.phone_mask)},
                 {"workplace_org_id", nullable(p.workplace_org_id)},
                 {"workplace_org_name", p.workplace_org_id ? json::value(p.workplace_org_name) : json::value(nullptr)},
                 {"mobile", p.mobile},
                 {"created_at", p.created_at},
                 {"updated_at", p.updated_at}};
  if (r.membership) {
    const Membership& m = *r.membership;
    o["membership_id"] = m.id;
    o["party_org_id"] = m.party_org_id;
    o["party_org_name"] = m.party_org_name;
    o["status"] = m.status;
    o["status_name"] = std::string(status_name(m.status));
    o["admitted_on"] = m.admitted_on;
    o["confirmed_on"] = nullable(m.confirmed_on);
    o["valid_from"] = m.valid_from;
    o["valid_to"] = nullable(m.valid_to);
    o["end_reason"] = nullable(m.end_reason);
    o["end_reason_name"] = name_of(m.end_reason, &end_reason_name);
    o["current"] = !m.valid_to.has_value();
  } else {
    o["current"] = false;
  }
  return o;
}

json::object history_json(const HistoryEntry& h) {
  return json::object{{"id", h.id},       {"what", h.what},         {"old_value", nullable(h.old_value)},
                      {"new_value", nullable(h.new_value)}, {"on_date", h.on_date}, {"by", h.by_login},
                      {"at", h.at}};
}

json::object transfer_json(const Transfer& t) {
  return json::object{{"id", t.id},
                      {"person_id", t.person_id},
                      {"person_name", t.person_name},
                      {"kind", t.kind},
                      {"kind_name", std::string(transfer_kind_name(t.kind))},
                      {"from_party_org_id", nullable(t.from_party_org_id)},
                      {"from_party_org_name", t.from_party_org_id ? json::value(t.from_party_org_name) : json::value(nullptr)},
                      {"to_party_org_id", nullable(t.to_party_org_id)},
                      {"to_party_org_name", t.to_party_org_id ? json::value(t.to_party_org_name) : json::value(nullptr)},
                      {"external_name", nullable(t.external_name)},
                      {"letter_no", nullable(t.letter_no)},
                      {"status", t.status},
                      {"status_name", std::string(transfer_status_name(t.status))},
                      {"started_on", t.started_on},
                      {"answered_on", nullable(t.answered_on)},
                      {"reason", nullable(t.reason)},
                      {"note", nullable(t.note)},
                      {"started_by", t.started_by},
                      {"answered_by", nullable(t.answered_by)},
                      {"overdue", t.overdue}};
}

json::object detail_json(const MemberDetail& d) {
  json::object o = member_json(MemberRow{d.person, d.membership});
  json::array ms, hs, ts;
  for (const auto& m : d.memberships) ms.push_back(membership_json(m));
  for (const auto& h : d.history) hs.push_back(history_json(h));
  for (const auto& t : d.transfers) ts.push_back(transfer_json(t));
  o["memberships"] = std::move(ms);
  o["history"] = std::move(hs);
  o["transfers"] = std::move(ts);
  json::array ps;
  for (const auto& p : d.posts) ps.push_back(partyorg::post_json(p));
  o["posts"] = std::move(ps);
  o["user_id"] = d.user_id ? json::value(*d.user_id) : json::value(nullptr);
  return o;
}

}  // namespace lx::member
