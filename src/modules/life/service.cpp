// Meetings: record, read, edit, delete, list; see service.hpp.
#include "modules/life/service.hpp"

#include <algorithm>
#include <map>

#include "core/html.hpp"
#include "core/text.hpp"
#include "core/time.hpp"
#include "modules/life/repo.hpp"
#include "modules/life/service_util.hpp"
#include "modules/member/service.hpp"
#include "modules/partyorg/service.hpp"

namespace lx::life {
namespace detail {

std::string today() { return core::to_iso(core::today_shanghai()); }

bool exists_on(const partyorg::PartyOrg& p, const std::string& d) {
  return p.founded_on <= d && (!p.dissolved_on || d < *p.dissolved_on);
}

std::optional<member::Membership> my_membership(db::Connection& c, std::int64_t person_id) {
  return member::open_membership_of(c, person_id);
}

Result<std::int64_t> my_person(db::Connection& c, const Actor& a) {
  auto p = member::person_of_user(c, a.user_id);
  if (!p) return make_error("not_member_account", "当前账号没有关联党员信息，请联系管理员关联后再使用", {}, 403);
  return *p;
}

std::optional<partyorg::PartyOrg> visible_party_org(db::Connection& c, const Actor& a, std::int64_t id) {
  if (a.role == core::Role::member) {
    auto person = member::person_of_user(c, a.user_id);
    if (!person) return std::nullopt;
    auto m = member::open_membership_of(c, *person);
    if (!m || m->party_org_id != id) return std::nullopt;
    auto po = partyorg::get_party_org(c, partyorg::Actor{core::Role::admin, http::Scope{}}, id);
    if (!po) return std::nullopt;
    return *po;
  }
  auto po = partyorg::get_party_org(c, partyorg::Actor{a.role, a.scope}, id);
  if (!po) return std::nullopt;
  return *po;
}

}  // namespace detail

namespace {

using detail::not_found;

// Full on `day` (confirmed by then), so entitled to vote; probationary members are not.
bool votes_on(const member::MemberRow& row, const std::string& day) {
  return row.membership && row.membership->confirmed_on && *row.membership->confirmed_on <= day;
}

constexpr std::size_t kTopicMax = 200, kNameMax = 50, kPlaceMax = 200, kNoteMax = 500;
constexpr std::size_t kMinutesMax = 200'000;   // bytes of HTML

Result<std::string> status_of(const std::string& s) {
  if (s == "present" || s == "出席") return std::string("present");
  if (s == "late" || s == "迟到") return std::string("late");
  if (s == "absent" || s == "缺席") return std::string("absent");
  return make_error("invalid_value", "出勤情况应为出席、迟到或缺席", "attendance");
}

std::optional<std::string> reason_of(const std::string& s) {
  if (s == "business" || s == "公出" || s == "公假") return "business";
  if (s == "sick" || s == "病假") return "sick";
  if (s == "personal" || s == "事假") return "personal";
  if (s == "other" || s == "其他") return "other";
  return std::nullopt;
}

std::optional<std::string> rating_of(const std::string& s) {
  if (s == "excellent" || s == "优秀") return "excellent";
  if (s == "qualified" || s == "合格") return "qualified";
  if (s == "basically_qualified" || s == "基本合格") return "basically_qualified";
  if (s == "unqualified" || s == "不合格") return "unqualified";
  return std::nullopt;
}

// An optional free text: trimmed, at most max characters, empty → none.
Result<std::optional<std::string>> opt_text(const std::optional<std::string>& raw, const std::string& field,
                                            const std::string& label, std::size_t max) {
  if (!raw) return std::optional<std::string>();
  std::string s = core::normalize_cell(*raw);
  if (s.empty()) return std::optional<std::string>();
  if (core::utf8_length(s) > max)
    return make_error("too_long", label + "不能超过" + std::to_string(max) + "个字", field);
  return std::optional<std::string>(s);
}

template <typename T>
std::optional<T> field_or(const Field<T>& f, const std::optional<T>& current) {
  return f ? *f : current;
}

// The online state of a meeting at `now`.
std::string state_of(const MeetingRecord& m, std::int64_t now) {
  if (!m.online) return "held";
  const auto start = core::parse_iso_utc(m.starts_at);
  const auto end = m.ends_at ? core::parse_iso_utc(*m.ends_at) : start;
  if (now < start) return "upcoming";
  if (now < end) return "open";
  return "closed";
}

// The stored minutes and, for a closed online meeting, its discussion (part of the minutes).
std::string minutes_with_discussion(const MeetingRecord& m, const std::vector<Message>& discussion,
                                    const std::string& state) {
  if (!m.online || state != "closed" || discussion.empty()) return m.minutes;
  std::string html = m.minutes + "<h4>网上讨论记录</h4><ul>";
  for (const auto& x : discussion) {
    const auto at = core::parse_iso_utc(x.at);
    html += "<li><b>" + core::escape_html(x.person_name) + "</b>（" +
            core::escape_html(at >= 0 ? core::shanghai_time_text(at) : x.at) + "）：" + core::escape_html(x.body) +
            "</li>";
  }
  return html + "</ul>";
}

Result<MeetingDetail> detail_of(db::Connection& c, std::int64_t id) {
  auto m = repo::find_meeting(c, id);
  if (!m) return not_found();
  MeetingDetail d;
  d.meeting = *m;
  d.attendance = repo::attendance_of(c, id);
  d.ratings = repo::ratings_of(c, id);
  d.attachments = repo::attachments_of(c, id);
  if (m->online) d.discussion = repo::messages_of(c, id);
  d.state = state_of(*m, core::now_unix());
  d.stored_minutes = m->minutes;
  d.meeting.minutes = minutes_with_discussion(*m, d.discussion, d.state);
  if (d.attendance.empty()) {
    for (const auto& row : member::members_on(c, m->party_org_id, m->on_date)) {
      Attendance e;
      e.person_id = row.person.id;
      e.person_name = row.person.name;
      e.status = "";
      e.voting = votes_on(row, m->on_date);
      d.expected.push_back(e);
    }
  }
  return d;
}

// Who a meeting expects: every member of the party org on the day; a
// committee meeting its committee and a group meeting its group, which are
// the members the record lists (committee posts and group membership do not
// always name registered members), so those lists may leave members out.
bool whole_party_org_expected(const std::string& kind) {
  return kind != "committee_meeting" && kind != "group_meeting";
}

// Attendance given for a meeting: members of the party org on the day, each
// once — all of them unless the meeting is a committee or group meeting.
Result<std::vector<Attendance>> attendance_rows(db::Connection& c, const MeetingRecord& m,
                                                const std::vector<AttendanceInput>& in) {
  std::map<std::int64_t, member::MemberRow> expected;
  for (auto& row : member::members_on(c, m.party_org_id, m.on_date)) expected.emplace(row.person.id, row);
  std::vector<Attendance> out;
  std::map<std::int64_t, bool> seen;
  for (const auto& x : in) {
    auto it = expected.find(x.person_id);
    if (it == expected.end())
      return make_error("invalid_value", "出勤名单中有不是该党组织当日党员的人员（编号 " + std::to_string(x.person_id) + "）",
                        "attendance");
    if (seen[x.person_id]) return make_error("invalid_value", it->second.person.name + "在出勤名单中重复", "attendance");
    seen[x.person_id] = true;
    auto st = status_of(x.status);
    if (!st) return st.error();
    Attendance a;
    a.person_id = x.person_id;
    a.person_name = it->second.person.name;
    a.status = *st;
    a.voting = votes_on(it->second, m.on_date);
    if (a.status == "absent") {
      const std::string raw = x.absence_reason.value_or("");
      auto reason = reason_of(raw);
      if (!reason && !(m.online && raw.empty()))
        return make_error("invalid_value", a.person_name + "缺席，请选择缺席原因（公出、病假、事假或其他）", "attendance");
      a.absence_reason = reason;
      auto note = opt_text(x.absence_note, "attendance", "缺席说明", kNoteMax);
      if (!note) return note.error();
      a.absence_note = *note;
    }
    out.push_back(std::move(a));
  }
  if (whole_party_org_expected(m.kind))
    for (const auto& [id, row] : expected)
      if (!seen.count(id)) return make_error("invalid_value", "请登记" + row.person.name + "的出勤情况", "attendance");
  return out;
}

Result<std::vector<Rating>> rating_rows(db::Connection& c, const MeetingRecord& m, const std::vector<RatingInput>& in) {
  if (m.kind != "member_review" && !in.empty())
    return make_error("invalid_value", "只有民主评议党员会议可以登记评议等次", "ratings");
  std::map<std::int64_t, std::string> expected;
  for (auto& row : member::members_on(c, m.party_org_id, m.on_date)) expected.emplace(row.person.id, row.person.name);
  std::vector<Rating> out;
  std::map<std::int64_t, bool> seen;
  for (const auto& x : in) {
    auto it = expected.find(x.person_id);
    if (it == expected.end())
      return make_error("invalid_value", "评议名单中有不是该党组织当日党员的人员（编号 " + std::to_string(x.person_id) + "）",
                        "ratings");
    if (seen[x.person_id]) return make_error("invalid_value", it->second + "在评议名单中重复", "ratings");
    seen[x.person_id] = true;
    auto r = rating_of(x.rating);
    if (!r) return make_error("invalid_value", it->second + "的评议等次应为优秀、合格、基本合格或不合格", "ratings");
    out.push_back(Rating{x.person_id, it->second, *r});
  }
  return out;
}

// Checks `in` over `base` (the stored meeting on an edit) and returns the meeting to store.
Result<MeetingRecord> meeting_of(db::Connection& c, const Actor& a, const std::optional<MeetingRecord>& base,
                                 const MeetingInput& in) {
  MeetingRecord m = base.value_or(MeetingRecord{});
  // Kind.
  if (in.kind) {
    auto k = parse_kind(*in.kind);
    if (!k) return make_error("invalid_value", "会议类型无效", "kind");
    m.kind = std::string(kind_code(*k));
  } else if (!base) {
    return make_error("required", "请选择会议类型", "kind");
  }
  // Topic.
  if (in.topic || !base) {
    auto t = opt_text(in.topic, "topic", "会议主题", kTopicMax);
    if (!t) return t.error();
    if (!*t) return make_error("required", "请填写会议主题", "topic");
    m.topic = **t;
  }
  // Time: as typed in Shanghai.
  if (in.starts_at) {
    const auto t = core::parse_shanghai_time(*in.starts_at);
    if (t < 0) return make_error("invalid_value", "开始时间应为“2026-12-04 14:30”这样的日期和时间", "starts_at");
    m.starts_at = core::iso_utc(t);
    m.on_date = core::to_iso(meeting_day(std::chrono::system_clock::time_point(std::chrono::seconds(t))));
  } else if (!base) {
    return make_error("required", "请填写开始时间", "starts_at");
  }
  if (in.ends_at) {
    if (*in.ends_at && !core::normalize_cell(**in.ends_at).empty()) {
      const auto t = core::parse_shanghai_time(**in.ends_at);
      if (t < 0) return make_error("invalid_value", "结束时间应为“2026-12-04 16:00”这样的日期和时间", "ends_at");
      m.ends_at = core::iso_utc(t);
    } else {
      m.ends_at.reset();
    }
  }
  if (m.ends_at && *m.ends_at <= m.starts_at) return make_error("invalid_value", "结束时间应晚于开始时间", "ends_at");
  if (in.online) m.online = *in.online;
  if (m.online && !m.ends_at) return make_error("required", "网上组织生活请填写结束时间（讨论开放到此时）", "ends_at");
  if (!m.online && core::parse_iso_utc(m.starts_at) > core::now_unix())
    return make_error("invalid_value", "会议尚未召开：请在会议开始后登记（网上组织生活可提前发布）", "starts_at");
  // Texts.
  struct T {
    const Field<std::string>& in;
    std::optional<std::string>& out;
    const char* field;
    const char* label;
    std::size_t max;
  };
  for (T t : {T{in.place, m.place, "place", "地点", kPlaceMax}, T{in.host, m.host, "host", "主持人", kNameMax},
              T{in.recorder, m.recorder, "recorder", "记录人", kNameMax},
              T{in.lecturer, m.lecturer, "lecturer", "授课人", kNameMax}}) {
    if (!t.in) continue;
    auto v = opt_text(*t.in, t.field, t.label, t.max);
    if (!v) return v.error();
    t.out = *v;
  }
  if (in.minutes) {
    const std::string raw = in.minutes->value_or("");
    if (raw.size() > kMinutesMax) return make_error("too_long", "会议记录过长（不超过 200 KB）", "minutes");
    m.minutes = core::sanitize_html(raw);
  }
  if (in.by_secretary) m.by_secretary = *in.by_secretary;
  if (m.kind != "party_lesson") {
    m.by_secretary = false;
    m.lecturer.reset();
  }
  // Party org and group.
  if (in.party_org_id) m.party_org_id = *in.party_org_id;
  if (!m.party_org_id) return make_error("required", "请选择党组织", "party_org_id");
  auto po = detail::visible_party_org(c, a, m.party_org_id);
  if (!po) return make_error("invalid_value", "党组织不存在", "party_org_id");
  if (po->type == "group") return make_error("invalid_value", "请选择党小组所在的党支部，并在“党小组”中选择该小组", "party_org_id");
  if (!detail::exists_on(*po, m.on_date))
    return make_error("invalid_value", po->name + "在" + m.on_date + "尚未成立或已撤销", "starts_at");
  m.party_org_name = po->name;
  if (in.group_id) m.group_id = *in.group_id;
  if (m.kind == "group_meeting") {
    if (!m.group_id) return make_error("required", "党小组会请选择党小组", "group_id");
    auto g = partyorg::get_party_org(c, partyorg::Actor{core::Role::admin, http::Scope{}}, *m.group_id);
    if (!g || g->type != "group" || g->parent_id != m.party_org_id)
      return make_error("invalid_value", "党小组不属于" + po->name, "group_id");
    if (!detail::exists_on(*g, m.on_date))
      return make_error("invalid_value", g->name + "在" + m.on_date + "尚未成立或已撤销", "group_id");
    m.group_name = g->name;
  } else {
    m.group_id.reset();
    m.group_name.clear();
  }
  return m;
}

// Writes attendance and ratings given (an online meeting starts with everyone expected marked absent).
Status write_lists(db::Connection& c, std::int64_t id, const MeetingRecord& m, const MeetingInput& in, bool created) {
  if (in.attendance) {
    auto rows = attendance_rows(c, m, *in.attendance);
    if (!rows) return rows.error();
    repo::replace_attendance(c, id, *rows);
  } else if (created && m.online) {
    std::vector<Attendance> rows;
    for (const auto& row : member::members_on(c, m.party_org_id, m.on_date)) {
      Attendance x;
      x.person_id = row.person.id;
      x.status = "absent";
      x.voting = votes_on(row, m.on_date);
      rows.push_back(x);
    }
    repo::replace_attendance(c, id, rows);
  }
  if (in.ratings) {
    auto rows = rating_rows(c, m, *in.ratings);
    if (!rows) return rows.error();
    repo::replace_ratings(c, id, *rows);
  } else if (m.kind != "member_review") {
    repo::replace_ratings(c, id, {});
  }
  return {};
}

}  // namespace

Result<MeetingDetail> create_meeting(db::Connection& c, const Actor& a, const MeetingInput& in) {
  auto m = meeting_of(c, a, std::nullopt, in);
  if (!m) return m.error();
  m->created_by = a.login;
  const std::int64_t id = repo::insert_meeting(c, *m);
  if (auto s = write_lists(c, id, *m, in, true); !s) return s.error();
  return detail_of(c, id);
}

Result<std::vector<Attendance>> expected_members(db::Connection& c, const Actor& a, std::int64_t party_org_id,
                                                 const std::string& day) {
  if (!detail::visible_party_org(c, a, party_org_id)) return not_found();
  std::vector<Attendance> out;
  for (const auto& row : member::members_on(c, party_org_id, day)) {
    Attendance e;
    e.person_id = row.person.id;
    e.person_name = row.person.name;
    e.voting = votes_on(row, day);
    out.push_back(std::move(e));
  }
  return out;
}

Result<MeetingDetail> get_meeting(db::Connection& c, const Actor& a, std::int64_t id) {
  auto m = repo::find_meeting(c, id);
  if (!m || !detail::visible_party_org(c, a, m->party_org_id)) return not_found();
  return detail_of(c, id);
}

Result<MeetingDetail> update_meeting(db::Connection& c, const Actor& a, std::int64_t id, const MeetingInput& in) {
  auto before = repo::find_meeting(c, id);
  if (!before || !detail::visible_party_org(c, a, before->party_org_id)) return not_found();
  auto m = meeting_of(c, a, before, in);
  if (!m) return m.error();
  repo::update_meeting(c, id, *m);
  // A new day or party org changes who was expected: the old list no longer fits.
  const bool moved = m->party_org_id != before->party_org_id || m->on_date != before->on_date;
  if (moved && !in.attendance && !repo::attendance_of(c, id).empty())
    return make_error("invalid_value", "会议日期或党组织已改变，请重新登记出勤情况", "attendance");
  if (auto s = write_lists(c, id, *m, in, false); !s) return s.error();
  return detail_of(c, id);
}

Result<MeetingRecord> delete_meeting(db::Connection& c, const Actor& a, std::int64_t id) {
  auto m = repo::find_meeting(c, id);
  if (!m || !detail::visible_party_org(c, a, m->party_org_id)) return not_found();
  repo::delete_meeting(c, id);
  return *m;
}

Result<std::pair<std::vector<MeetingRecord>, std::int64_t>> list_meetings(db::Connection& c, const Actor& a,
                                                                          const MeetingQuery& q) {
  repo::MeetingFilter f;
  f.kind = q.kind;
  f.from = q.from;
  f.to = q.to;
  f.online = q.online;
  f.page = q.page;
  f.size = q.size;
  if (!f.kind.empty()) {
    auto k = parse_kind(f.kind);
    if (!k) return make_error("invalid_value", "会议类型无效", "kind");
    f.kind = std::string(kind_code(*k));
  }
  if (a.role == core::Role::member) {
    auto person = detail::my_person(c, a);
    if (!person) return person.error();
    auto m = detail::my_membership(c, *person);
    if (!m || (q.party_org_id && *q.party_org_id != m->party_org_id)) return std::pair<std::vector<MeetingRecord>, std::int64_t>{};
    f.party_org_ids = {m->party_org_id};
  } else if (q.party_org_id) {
    if (!detail::visible_party_org(c, a, *q.party_org_id)) return not_found();
    f.party_org_id = q.party_org_id;
  }
  return repo::list_meetings(c, a.scope, f);
}

}  // namespace lx::life
