// Heart talks (R-LIFE-8), the discussion of online meetings, check-ins
// (网上报到) and a member's own page; see service.hpp.
#include <algorithm>
#include <map>

#include "core/text.hpp"
#include "core/time.hpp"
#include "modules/life/repo.hpp"
#include "modules/life/service.hpp"
#include "modules/life/service_util.hpp"
#include "modules/member/service.hpp"
#include "modules/partyorg/service.hpp"
#include "modules/partyorg/service_util.hpp"
#include "modules/settings/service.hpp"

namespace lx::life {
namespace {

using detail::not_found;

// The first and last day of the month containing `day` ("YYYY-MM-DD").
std::pair<std::string, std::string> month_of(const std::string& day) {
  const auto d = partyorg::detail::stored_date(day);
  return {core::to_iso(core::first_day_of_month(d)), core::to_iso(core::last_day_of_month(d))};
}

}  // namespace

Result<HeartTalk> create_talk(db::Connection& c, const Actor& a, const TalkInput& in) {
  if (!in.party_org_id) return make_error("required", "请选择党组织", "party_org_id");
  auto po = detail::visible_party_org(c, a, *in.party_org_id);
  if (!po) return make_error("invalid_value", "党组织不存在", "party_org_id");
  HeartTalk t;
  t.party_org_id = po->id;
  auto on = partyorg::detail::date_field(in.on_date.value_or(detail::today()), "on_date", "谈话日期");
  if (!on) return on.error();
  if (*on > detail::today()) return make_error("invalid_date", "谈话日期不能晚于今天", "on_date");
  t.on_date = *on;
  if (!detail::exists_on(*po, t.on_date))
    return make_error("invalid_date", po->name + "在" + t.on_date + "尚未成立或已撤销", "on_date");
  // R-LIFE-8: the talker holds a committee post of this party org on that day.
  if (!in.post_id) return make_error("required", "请选择谈话人（支部委员会成员）", "post_id");
  auto posts = partyorg::committee_of(c, partyorg::Actor{core::Role::admin, http::Scope{}}, po->id, true);
  const partyorg::CommitteePost* post = nullptr;
  if (posts)
    for (const auto& p : *posts)
      if (p.id == *in.post_id) post = &p;
  if (!post) return make_error("invalid_value", "谈话人须为本党组织委员会成员（R-LIFE-8）", "post_id");
  if (post->valid_from > t.on_date || (post->valid_to && *post->valid_to <= t.on_date))
    return make_error("invalid_value", post->person_name + "在" + t.on_date + "不在任，不能作为谈话人（R-LIFE-8）",
                      "post_id");
  t.post_id = post->id;
  t.talker = post->person_name;
  // With a member of the party org on that day.
  if (!in.person_id) return make_error("required", "请选择谈话对象", "person_id");
  bool member = false;
  for (const auto& row : member::members_on(c, po->id, t.on_date))
    if (row.person.id == *in.person_id) {
      member = true;
      t.person_id = row.person.id;
      t.person_name = row.person.name;
    }
  if (!member) return make_error("invalid_value", "谈话对象须为该党组织当日的党员", "person_id");
  if (in.summary) {
    std::string s = core::trim(*in.summary);
    if (core::utf8_length(s) > 2000) return make_error("too_long", "谈话要点不能超过2000个字", "summary");
    if (!s.empty()) t.summary = s;
  }
  t.created_by = a.login;
  return *repo::find_talk(c, repo::insert_talk(c, t));
}

Result<std::pair<std::vector<HeartTalk>, std::int64_t>> list_talks(db::Connection& c, const Actor& a,
                                                                   std::int64_t party_org_id, const std::string& from,
                                                                   const std::string& to, std::int64_t page,
                                                                   std::int64_t size) {
  if (!detail::visible_party_org(c, a, party_org_id)) return not_found();
  return repo::list_talks(c, party_org_id, from.empty() ? "0000-01-01" : from, to.empty() ? "9999-12-31" : to, page,
                          size);
}

Result<HeartTalk> delete_talk(db::Connection& c, const Actor& a, std::int64_t id) {
  auto t = repo::find_talk(c, id);
  if (!t || !detail::visible_party_org(c, a, t->party_org_id)) return not_found();
  repo::delete_talk(c, id);
  return *t;
}

Result<Message> post_message(db::Connection& c, const Actor& a, std::int64_t meeting_id, const std::string& raw) {
  auto m = repo::find_meeting(c, meeting_id);
  if (!m || !detail::visible_party_org(c, a, m->party_org_id)) return not_found();
  auto person = detail::my_person(c, a);
  if (!person) return person.error();
  if (!m->online) return make_error("not_online", "这不是网上组织生活，不能发言", {}, 409);
  const auto now = core::now_unix();
  if (now < core::parse_iso_utc(m->starts_at)) return make_error("not_open", "网上组织生活尚未开始", {}, 409);
  if (!m->ends_at || now >= core::parse_iso_utc(*m->ends_at))
    return make_error("closed", "网上组织生活已结束，讨论记录已归入会议记录", {}, 409);
  bool expected = false;
  for (const auto& row : member::members_on(c, m->party_org_id, m->on_date)) expected |= row.person.id == *person;
  if (!expected) return make_error("not_expected", "您不是该党组织这次组织生活的参加人员", {}, 403);
  const std::string body = core::trim(raw);
  if (body.empty()) return make_error("required", "请填写发言内容", "body");
  if (!core::is_valid_utf8(body)) return make_error("invalid_value", "发言内容不是有效的文字", "body");
  if (core::utf8_length(body) > 2000) return make_error("too_long", "发言不能超过2000个字", "body");
  const auto id = repo::insert_message(c, meeting_id, *person, body);
  repo::mark_present(c, meeting_id, *person);   // taking part is attending (网上组织生活)
  return *repo::find_message(c, id);
}

Result<CheckInState> my_check_ins(db::Connection& c, const Actor& a, const std::string& day) {
  auto person = detail::my_person(c, a);
  if (!person) return person.error();
  CheckInState s;
  s.person_id = *person;
  s.today = detail::today();
  auto [from, to] = month_of(day.empty() ? s.today : day);
  s.month_days = repo::check_in_days(c, *person, from, to);
  s.checked_in_today = !repo::check_in_days(c, *person, s.today, s.today).empty();
  s.minimum = settings::get_int(c, "checkin.monthly_minimum");
  return s;
}

Result<CheckInState> check_in(db::Connection& c, const Actor& a) {
  auto person = detail::my_person(c, a);
  if (!person) return person.error();
  if (!detail::my_membership(c, *person)) return make_error("not_member", "您目前没有组织关系，不能报到", {}, 409);
  const bool recorded = repo::insert_check_in(c, *person, detail::today());
  auto s = my_check_ins(c, a, "");
  if (s) s->recorded_now = recorded;
  return s;
}

Result<std::vector<Shortfall>> check_in_shortfall(db::Connection& c, const Actor& a, std::int64_t party_org_id,
                                                  const std::string& day) {
  if (!detail::visible_party_org(c, a, party_org_id)) return not_found();
  auto [from, to] = month_of(day);
  const std::string on = std::min(to, detail::today());
  const auto members = member::members_on(c, party_org_id, on);
  std::vector<std::int64_t> ids;
  for (const auto& m : members) ids.push_back(m.person.id);
  std::map<std::int64_t, std::int64_t> counts;
  for (const auto& [id, n] : repo::check_in_counts(c, ids, from, to)) counts[id] = n;
  const auto minimum = settings::get_int(c, "checkin.monthly_minimum");
  std::vector<Shortfall> out;
  for (const auto& m : members) {
    const auto n = counts.count(m.person.id) ? counts[m.person.id] : 0;
    if (n < minimum) out.push_back(Shortfall{m.person.id, m.person.name, n});
  }
  return out;
}

Result<MyLife> my_life(db::Connection& c, const Actor& a) {
  auto person = detail::my_person(c, a);
  if (!person) return person.error();
  MyLife me;
  me.person_id = *person;
  auto checks = my_check_ins(c, a, "");
  if (!checks) return checks.error();
  me.check_ins = *checks;
  auto m = detail::my_membership(c, *person);
  if (!m) return me;
  me.party_org_id = m->party_org_id;
  me.party_org_name = m->party_org_name;
  repo::MeetingFilter f;
  f.party_org_ids = {m->party_org_id};
  f.size = 20;
  for (auto& row : repo::list_meetings(c, http::Scope{}, f).first) {
    std::optional<Attendance> mine;
    for (auto& x : repo::attendance_of(c, row.id))
      if (x.person_id == *person) mine = x;
    me.meetings.emplace_back(row, mine);
  }
  f.online = true;
  f.size = 0;
  f.from = core::to_iso(core::add_days(core::today_shanghai(), -31));
  const auto now = core::now_unix();
  for (auto& row : repo::list_meetings(c, http::Scope{}, f).first)
    if (row.ends_at && core::parse_iso_utc(row.starts_at) <= now && now < core::parse_iso_utc(*row.ends_at))
      me.open_online.push_back(row);
  return me;
}

}  // namespace lx::life
