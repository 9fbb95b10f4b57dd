// The life module's rules and transactions: meetings of every kind with
// their attendance, minutes (sanitised, core/html), attachments and member
// review ratings; heart talks; online meetings and their discussion;
// check-ins; and compliance (R-LIFE-1..10, computed by life/rules from what
// was recorded). Every function runs on the caller's connection and honours
// the actor's scope: a meeting of a party org outside it answers exactly
// like a missing one (404 "记录不存在"). A party member (role member) sees
// only the party org of his own open membership, through the account linked
// to him (member module, migration 009).
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "core/roles.hpp"
#include "db/database.hpp"
#include "http/message.hpp"
#include "modules/life/model.hpp"
#include "modules/life/rules.hpp"
#include "modules/partyorg/model.hpp"

namespace lx::life {

struct Actor {
  core::Role role = core::Role::member;
  http::Scope scope;
  std::string login;
  std::int64_t user_id = 0;
};

template <typename T>
using Field = std::optional<std::optional<T>>;   // absent / cleared / set

struct AttendanceInput {
  std::int64_t person_id = 0;
  std::string status;                      // present / late / absent (or 出席 / 迟到 / 缺席)
  std::optional<std::string> absence_reason, absence_note;
};
struct RatingInput {
  std::int64_t person_id = 0;
  std::string rating;                      // excellent … or 优秀 / 合格 / 基本合格 / 不合格
};

struct MeetingInput {
  std::optional<std::string> kind, topic, starts_at;   // starts_at as typed in Shanghai ("2026-12-04 14:30")
  std::optional<std::int64_t> party_org_id;
  Field<std::int64_t> group_id;
  Field<std::string> ends_at, place, host, recorder, lecturer, minutes;
  std::optional<bool> online, by_secretary;
  std::optional<std::vector<AttendanceInput>> attendance;
  std::optional<std::vector<RatingInput>> ratings;
};

struct MeetingDetail {
  MeetingRecord meeting;                   // minutes: with a closed online meeting's discussion appended
  std::string stored_minutes;              // the minutes as recorded (what an edit starts from)
  std::vector<Attendance> attendance;
  std::vector<Rating> ratings;
  std::vector<Attachment> attachments;
  std::vector<Message> discussion;         // online meetings
  std::string state;                       // online: upcoming / open / closed; otherwise held
  std::vector<Attendance> expected;        // members expected on the day, when no attendance is recorded yet
};

// ---- meetings (service.cpp)

// Records a meeting of a visible, live party org (not a party group; a group
// meeting names its group). Attendance, when given, lists members of the
// party org that day, an absence with its reason — every one of them, but for
// a committee or group meeting, which expects its committee or group (the
// members listed); probationary members
// are marked non-voting. Ratings only for member reviews. Minutes are
// sanitised. A meeting held on the platform (online) needs its closing time;
// every other meeting is recorded after it started.
Result<MeetingDetail> create_meeting(db::Connection& c, const Actor& a, const MeetingInput& in);
Result<MeetingDetail> get_meeting(db::Connection& c, const Actor& a, std::int64_t id);
// Changes the fields given (party org and kind included), with the same checks.
Result<MeetingDetail> update_meeting(db::Connection& c, const Actor& a, std::int64_t id, const MeetingInput& in);
// Deletes a meeting recorded by mistake (kept as deleted; compliance no longer counts it).
Result<MeetingRecord> delete_meeting(db::Connection& c, const Actor& a, std::int64_t id);

struct MeetingQuery {
  std::optional<std::int64_t> party_org_id;
  std::string kind, from, to;
  std::optional<bool> online;
  std::int64_t page = 1, size = 20;
};
Result<std::pair<std::vector<MeetingRecord>, std::int64_t>> list_meetings(db::Connection& c, const Actor& a,
                                                                          const MeetingQuery& q);

// The members a meeting of a visible party org on `day` expects (every member
// of the party org that day; voting false for probationary members), by name.
Result<std::vector<Attendance>> expected_members(db::Connection& c, const Actor& a, std::int64_t party_org_id,
                                                 const std::string& day);

// ---- attachments (attachments.cpp): files on disk under `dir`

struct Upload {
  std::string filename, content_type, bytes;
};
// Stores a file of a visible meeting: types pdf, doc(x), xls(x), ppt(x), jpg,
// png, txt, each at most `max_bytes` (10 MB by default), a meeting at most 20
// files; the type is checked by name and content.
Result<Attachment> add_attachment(db::Connection& c, const Actor& a, const std::string& dir, std::int64_t meeting_id,
                                  const Upload& up, std::int64_t max_bytes);
// The attachment of a visible meeting and its bytes.
Result<std::pair<Attachment, std::string>> read_attachment(db::Connection& c, const Actor& a, const std::string& dir,
                                                           std::int64_t id);
Result<Attachment> delete_attachment(db::Connection& c, const Actor& a, std::int64_t id);

// ---- heart talks, online discussion, check-ins (service_self.cpp)

struct TalkInput {
  std::optional<std::int64_t> party_org_id, person_id, post_id;
  std::optional<std::string> on_date, summary;
};
// R-LIFE-8: a talk by a committee member (a live post of the party org on
// that day) with a member of the party org on that day.
Result<HeartTalk> create_talk(db::Connection& c, const Actor& a, const TalkInput& in);
Result<std::pair<std::vector<HeartTalk>, std::int64_t>> list_talks(db::Connection& c, const Actor& a,
                                                                   std::int64_t party_org_id, const std::string& from,
                                                                   const std::string& to, std::int64_t page,
                                                                   std::int64_t size);
Result<HeartTalk> delete_talk(db::Connection& c, const Actor& a, std::int64_t id);

// A member's post in an open online meeting of his party org; it marks him present.
Result<Message> post_message(db::Connection& c, const Actor& a, std::int64_t meeting_id, const std::string& body);

struct CheckInState {
  std::int64_t person_id = 0;
  std::string today;
  bool checked_in_today = false;
  bool recorded_now = false;               // this call recorded today's check-in
  std::vector<std::string> month_days;     // days of this month with a check-in
  std::int64_t minimum = 1;                // checkin.monthly_minimum
};
// Checks the signed-in member in today (once a day counts once).
Result<CheckInState> check_in(db::Connection& c, const Actor& a);
Result<CheckInState> my_check_ins(db::Connection& c, const Actor& a, const std::string& month_day);

struct Shortfall {
  std::int64_t person_id = 0;
  std::string name;
  std::int64_t count = 0;
};
// Members of a visible party org below the monthly check-in minimum in the month of `day`.
Result<std::vector<Shortfall>> check_in_shortfall(db::Connection& c, const Actor& a, std::int64_t party_org_id,
                                                  const std::string& day);

struct MyLife {
  std::int64_t person_id = 0;
  std::string name;
  std::optional<std::int64_t> party_org_id;
  std::string party_org_name;
  CheckInState check_ins;
  std::vector<MeetingRecord> open_online;     // open now, of my party org
  std::vector<std::pair<MeetingRecord, std::optional<Attendance>>> meetings;   // recent, with my attendance
};
// The signed-in member's own page: check-in, open online meetings, recent meetings.
Result<MyLife> my_life(db::Connection& c, const Actor& a);

// ---- compliance (service_compliance.cpp)

// The frequencies in force (settings life.*).
Frequencies load_frequencies(db::Connection& c);

struct OrgCompliance {
  partyorg::PartyOrg party_org;
  Compliance compliance;
  std::vector<std::pair<std::int64_t, std::string>> groups;   // id, name, for the duties' group ids
};
// R-LIFE-10: the duties of a visible party org in the period containing `day`.
Result<OrgCompliance> compliance_of(db::Connection& c, const Actor& a, std::int64_t party_org_id, Cycle cycle,
                                    const std::string& day);

// The party orgs compliance is assessed for: branches (党支部, every
// formation) in the scope that exist on some day of [from, to].
std::vector<partyorg::PartyOrg> assessed_party_orgs(db::Connection& c, const Actor& a, const std::string& from,
                                                    const std::string& to);

// Compliance of one assessed party org (no scope check).
OrgCompliance compliance_for(db::Connection& c, const Actor& a, const partyorg::PartyOrg& po, const Period& p,
                             const Frequencies& f);

// The compliance matrix: each assessed party org × the twelve months of a
// year, each cell whether the month's duties were met (owed false: nothing
// was owed that month). Party orgs in tree order, paged.
struct MatrixRow {
  partyorg::PartyOrg party_org;
  std::vector<OrgCompliance> months;   // 12
};
std::pair<std::vector<MatrixRow>, std::int64_t> compliance_matrix(db::Connection& c, const Actor& a, int year,
                                                                  std::int64_t page, std::int64_t size);

// What a visible party org still owes today: this month's and this quarter's unmet duties.
struct Reminders {
  OrgCompliance month, quarter;
};
Result<Reminders> reminders_of(db::Connection& c, const Actor& a, std::int64_t party_org_id);

// STATS.md organisational life for the actor's scope and the period of `day`:
// the party orgs that existed throughout (the denominator), those complying
// with every rule, per kind those owing and meeting it, and the attendance
// over the scope's meetings of the period.
struct KindFigure {
  Kind kind;
  std::int64_t owed = 0, met = 0;
};
struct LifeFigures {
  Period period;
  std::int64_t assessed = 0, complying = 0;
  std::vector<KindFigure> by_kind;
  std::int64_t attendance_expected = 0, attendance_present = 0;
};
LifeFigures life_figures(db::Connection& c, const Actor& a, Cycle cycle, const std::string& day);
// The party orgs behind a figure: assessed, complying, noncompliant,
// owed:<kind>, met:<kind>, unmet:<kind>; 400 for another figure.
Result<std::vector<OrgCompliance>> life_records(db::Connection& c, const Actor& a, Cycle cycle, const std::string& day,
                                                const std::string& figure);

}  // namespace lx::life
