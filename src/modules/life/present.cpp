#include "modules/life/present.hpp"

#include "core/time.hpp"
#include "http/json.hpp"

namespace lx::life {
namespace {

namespace json = boost::json;
using http::nullable;

std::string_view status_name(const std::string& s) {
  if (s == "present") return "出席";
  if (s == "late") return "迟到";
  if (s == "absent") return "缺席";
  return "未登记";
}

json::value reason_name(const std::optional<std::string>& r) {
  if (!r) return nullptr;
  if (*r == "business") return "公出";
  if (*r == "sick") return "病假";
  if (*r == "personal") return "事假";
  return "其他";
}

std::string_view rating_name(const std::string& r) {
  if (r == "excellent") return "优秀";
  if (r == "qualified") return "合格";
  if (r == "basically_qualified") return "基本合格";
  return "不合格";
}

json::value local_time(const std::optional<std::string>& utc) {
  if (!utc) return nullptr;
  const auto t = core::parse_iso_utc(*utc);
  return t < 0 ? json::value(nullptr) : json::value(core::shanghai_time_text(t));
}

std::string_view measure_name(Measure m) {
  switch (m) {
    case Measure::meetings: return "召开次数";
    case Measure::secretary_lessons: return "书记讲党课次数";
    case Measure::members_rated: return "参加评议的党员";
    case Measure::members_talked: return "谈心谈话覆盖的党员";
  }
  return "";
}

}  // namespace

json::object meeting_json(const MeetingRecord& m) {
  auto kind = parse_kind(m.kind);
  return json::object{{"id", m.id},
                      {"party_org_id", m.party_org_id},
                      {"party_org_name", m.party_org_name},
                      {"group_id", nullable(m.group_id)},
                      {"group_name", m.group_id ? json::value(m.group_name) : json::value(nullptr)},
                      {"kind", m.kind},
                      {"kind_name", kind ? kind_name(*kind) : std::string_view(m.kind)},
                      {"rule", kind ? rule_of(*kind) : std::string_view()},
                      {"starts_at", m.starts_at},
                      {"ends_at", nullable(m.ends_at)},
                      {"starts_local", local_time(m.starts_at)},
                      {"ends_local", local_time(m.ends_at)},
                      {"on_date", m.on_date},
                      {"place", nullable(m.place)},
                      {"online", m.online},
                      {"topic", m.topic},
                      {"host", nullable(m.host)},
                      {"recorder", nullable(m.recorder)},
                      {"lecturer", nullable(m.lecturer)},
                      {"by_secretary", m.by_secretary},
                      {"expected", m.expected},
                      {"present", m.present},
                      {"late", m.late},
                      {"absent", m.absent},
                      {"created_by", m.created_by},
                      {"created_at", m.created_at},
                      {"updated_at", m.updated_at}};
}

json::object attendance_json(const Attendance& a) {
  return json::object{{"person_id", a.person_id},
                      {"person_name", a.person_name},
                      {"status", a.status.empty() ? json::value(nullptr) : json::value(a.status)},
                      {"status_name", status_name(a.status)},
                      {"absence_reason", nullable(a.absence_reason)},
                      {"absence_reason_name", reason_name(a.absence_reason)},
                      {"absence_note", nullable(a.absence_note)},
                      {"voting", a.voting}};
}

json::object attachment_json(const Attachment& a) {
  return json::object{{"id", a.id},
                      {"meeting_id", a.meeting_id},
                      {"filename", a.filename},
                      {"content_type", a.content_type},
                      {"size", a.size},
                      {"sha256", a.sha256},
                      {"created_by", a.created_by},
                      {"created_at", a.created_at},
                      {"url", "/api/v1/attachments/" + std::to_string(a.id)}};
}

json::object message_json(const Message& m) {
  return json::object{{"id", m.id},           {"meeting_id", m.meeting_id}, {"person_id", m.person_id},
                      {"person_name", m.person_name}, {"body", m.body},     {"at", m.at},
                      {"at_local", local_time(m.at)}};
}

json::object detail_json(const MeetingDetail& d) {
  json::object o = meeting_json(d.meeting);
  o["minutes"] = d.meeting.minutes;
  o["stored_minutes"] = d.stored_minutes;
  o["state"] = d.state;
  json::array att, exp, rat, fil, dis;
  for (const auto& a : d.attendance) att.push_back(attendance_json(a));
  for (const auto& a : d.expected) exp.push_back(attendance_json(a));
  for (const auto& r : d.ratings)
    rat.push_back(json::object{{"person_id", r.person_id}, {"person_name", r.person_name}, {"rating", r.rating},
                               {"rating_name", rating_name(r.rating)}});
  for (const auto& f : d.attachments) fil.push_back(attachment_json(f));
  for (const auto& m : d.discussion) dis.push_back(message_json(m));
  o["attendance"] = std::move(att);
  o["expected_members"] = std::move(exp);
  o["ratings"] = std::move(rat);
  o["attachments"] = std::move(fil);
  o["discussion"] = std::move(dis);
  return o;
}

json::object talk_json(const HeartTalk& t) {
  return json::object{{"id", t.id},
                      {"party_org_id", t.party_org_id},
                      {"post_id", nullable(t.post_id)},
                      {"talker", t.talker},
                      {"person_id", t.person_id},
                      {"person_name", t.person_name},
                      {"on_date", t.on_date},
                      {"summary", nullable(t.summary)},
                      {"created_by", t.created_by},
                      {"created_at", t.created_at}};
}

json::object check_in_json(const CheckInState& s) {
  json::array days;
  for (const auto& d : s.month_days) days.push_back(json::value(d));
  return json::object{{"person_id", s.person_id},
                      {"today", s.today},
                      {"checked_in_today", s.checked_in_today},
                      {"recorded_now", s.recorded_now},
                      {"month_days", std::move(days)},
                      {"month_count", static_cast<std::int64_t>(s.month_days.size())},
                      {"minimum", s.minimum}};
}

json::object duty_json(const Duty& d, const OrgCompliance& oc) {
  json::value group = nullptr;
  if (d.group_id)
    for (const auto& [id, name] : oc.groups)
      if (id == *d.group_id) group = json::value(name);
  return json::object{{"rule", d.rule},
                      {"kind", kind_code(d.kind)},
                      {"kind_name", kind_name(d.kind)},
                      {"measure", measure_code(d.measure)},
                      {"measure_name", measure_name(d.measure)},
                      {"group_id", d.group_id ? json::value(*d.group_id) : json::value(nullptr)},
                      {"group_name", group},
                      {"from", core::to_iso(d.from)},
                      {"to", core::to_iso(d.to)},
                      {"required", d.required},
                      {"held", d.held},
                      {"met", d.met()}};
}

json::object compliance_json(const OrgCompliance& oc) {
  json::array duties;
  std::int64_t met = 0;
  for (const auto& d : oc.compliance.duties) {
    duties.push_back(duty_json(d, oc));
    met += d.met() ? 1 : 0;
  }
  const auto& p = oc.compliance.period;
  return json::object{{"party_org_id", oc.party_org.id},
                      {"party_org_name", oc.party_org.name},
                      {"period", json::object{{"cycle", cycle_code(p.cycle)},
                                              {"from", core::to_iso(p.from)},
                                              {"to", core::to_iso(p.to)}}},
                      {"existed_throughout", oc.compliance.existed_throughout},
                      {"complies", oc.compliance.complies()},
                      {"duties_total", static_cast<std::int64_t>(oc.compliance.duties.size())},
                      {"duties_met", met},
                      {"duties", std::move(duties)}};
}

json::object my_life_json(const MyLife& me) {
  json::array open, meetings;
  for (const auto& m : me.open_online) open.push_back(meeting_json(m));
  for (const auto& [m, mine] : me.meetings) {
    json::object o = meeting_json(m);
    o["my_attendance"] = mine ? json::value(attendance_json(*mine)) : json::value(nullptr);
    meetings.push_back(std::move(o));
  }
  return json::object{{"person_id", me.person_id},
                      {"party_org_id", nullable(me.party_org_id)},
                      {"party_org_name", me.party_org_name},
                      {"check_ins", check_in_json(me.check_ins)},
                      {"open_online_meetings", std::move(open)},
                      {"meetings", std::move(meetings)}};
}

}  // namespace lx::life
