// Meetings, attendance and ratings.
#include "modules/life/repo.hpp"

#include "core/time.hpp"
#include "modules/partyorg/repo.hpp"

namespace lx::life::repo {
namespace {

db::Value v(const std::optional<std::string>& s) { return s ? db::Value(*s) : db::Value(nullptr); }
db::Value v(const std::optional<std::int64_t>& i) { return i ? db::Value(*i) : db::Value(nullptr); }

void append(db::Params& p, const db::Params& more) { p.insert(p.end(), more.begin(), more.end()); }

// 23 columns: the meeting, its party org and group names, attendance counts.
constexpr const char* kCols =
    "m.id, m.party_org_id, p.name, m.group_id, g.name, m.kind, m.starts_at, m.ends_at, m.on_date, m.place, "
    "m.online, m.topic, m.host, m.recorder, m.lecturer, m.by_secretary, m.minutes, m.created_by, m.created_at, "
    "m.updated_at, "
    "(SELECT COUNT(*) FROM meeting_attendance a WHERE a.meeting_id = m.id), "
    "(SELECT COUNT(*) FROM meeting_attendance a WHERE a.meeting_id = m.id AND a.status = 'present'), "
    "(SELECT COUNT(*) FROM meeting_attendance a WHERE a.meeting_id = m.id AND a.status = 'late') "
    "FROM meetings m JOIN party_orgs p ON p.id = m.party_org_id LEFT JOIN party_orgs g ON g.id = m.group_id";

MeetingRecord meeting_from(const db::Rows& r, std::size_t k) {
  MeetingRecord m;
  m.id = r.i(k, 0);
  m.party_org_id = r.i(k, 1);
  m.party_org_name = r.s(k, 2);
  m.group_id = r.opt_i(k, 3);
  m.group_name = r.s(k, 4);
  m.kind = r.s(k, 5);
  m.starts_at = r.s(k, 6);
  m.ends_at = r.opt_s(k, 7);
  m.on_date = r.s(k, 8);
  m.place = r.opt_s(k, 9);
  m.online = r.i(k, 10) != 0;
  m.topic = r.s(k, 11);
  m.host = r.opt_s(k, 12);
  m.recorder = r.opt_s(k, 13);
  m.lecturer = r.opt_s(k, 14);
  m.by_secretary = r.i(k, 15) != 0;
  m.minutes = r.s(k, 16);
  m.created_by = r.s(k, 17);
  m.created_at = r.s(k, 18);
  m.updated_at = r.s(k, 19);
  m.expected = r.i(k, 20);
  m.present = r.i(k, 21);
  m.late = r.i(k, 22);
  m.absent = m.expected - m.present - m.late;
  return m;
}

}  // namespace

std::int64_t insert_meeting(db::Connection& c, const MeetingRecord& m) {
  const std::string now = core::now_iso();
  return c
      .query("INSERT INTO meetings (party_org_id, group_id, kind, starts_at, ends_at, on_date, place, online, topic, "
             "host, recorder, lecturer, by_secretary, minutes, created_by, created_at, updated_at) "
             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
             {m.party_org_id, v(m.group_id), m.kind, m.starts_at, v(m.ends_at), m.on_date, v(m.place),
              std::int64_t{m.online}, m.topic, v(m.host), v(m.recorder), v(m.lecturer), std::int64_t{m.by_secretary},
              m.minutes, m.created_by, now, now})
      .i(0, 0);
}

void update_meeting(db::Connection& c, std::int64_t id, const MeetingRecord& m) {
  c.exec("UPDATE meetings SET party_org_id = ?, group_id = ?, kind = ?, starts_at = ?, ends_at = ?, on_date = ?, "
         "place = ?, online = ?, topic = ?, host = ?, recorder = ?, lecturer = ?, by_secretary = ?, minutes = ?, "
         "updated_at = ? WHERE id = ?",
         {m.party_org_id, v(m.group_id), m.kind, m.starts_at, v(m.ends_at), m.on_date, v(m.place),
          std::int64_t{m.online}, m.topic, v(m.host), v(m.recorder), v(m.lecturer), std::int64_t{m.by_secretary},
          m.minutes, core::now_iso(), id});
}

std::optional<MeetingRecord> find_meeting(db::Connection& c, std::int64_t id) {
  auto r = c.query(std::string("SELECT ") + kCols + " WHERE m.id = ? AND m.deleted_at IS NULL", {id});
  if (r.empty()) return std::nullopt;
  return meeting_from(r, 0);
}

void delete_meeting(db::Connection& c, std::int64_t id) {
  c.exec("UPDATE meetings SET deleted_at = ?, updated_at = ? WHERE id = ?", {core::now_iso(), core::now_iso(), id});
}

std::pair<std::vector<MeetingRecord>, std::int64_t> list_meetings(db::Connection& c, const http::Scope& s,
                                                                  const MeetingFilter& f) {
  std::string where = " WHERE m.deleted_at IS NULL";
  db::Params p;
  if (f.party_org_id) {
    where += " AND m.party_org_id = ?";
    p.push_back(*f.party_org_id);
  }
  if (!f.party_org_ids.empty()) {
    where += " AND m.party_org_id IN (";
    for (std::size_t k = 0; k < f.party_org_ids.size(); ++k) {
      where += k ? ", ?" : "?";
      p.push_back(f.party_org_ids[k]);
    }
    where += ")";
  } else {
    auto sc = partyorg::repo::party_org_scope(s, "p");
    where += " AND " + sc.sql;
    append(p, sc.params);
  }
  if (!f.kind.empty()) {
    where += " AND m.kind = ?";
    p.push_back(f.kind);
  }
  if (!f.from.empty()) {
    where += " AND m.on_date >= ?";
    p.push_back(f.from);
  }
  if (!f.to.empty()) {
    where += " AND m.on_date <= ?";
    p.push_back(f.to);
  }
  if (f.online) {
    where += " AND m.online = ?";
    p.push_back(std::int64_t{*f.online});
  }
  const std::string from = " FROM meetings m JOIN party_orgs p ON p.id = m.party_org_id";
  const std::int64_t total = c.scalar_int("SELECT COUNT(*)" + from + where, p).value_or(0);
  std::string sql = std::string("SELECT ") + kCols + where + " ORDER BY m.starts_at DESC, m.id DESC";
  if (f.size > 0) {
    sql += " LIMIT ? OFFSET ?";
    p.push_back(f.size);
    p.push_back((f.page - 1) * f.size);
  }
  auto r = c.query(sql, p);
  std::vector<MeetingRecord> out;
  for (std::size_t k = 0; k < r.size(); ++k) out.push_back(meeting_from(r, k));
  return {out, total};
}

std::vector<Meeting> rule_meetings(db::Connection& c, std::int64_t party_org_id, const std::string& from,
                                   const std::string& to) {
  auto r = c.query("SELECT kind, on_date, group_id, by_secretary FROM meetings WHERE party_org_id = ? AND "
                   "on_date >= ? AND on_date <= ? AND deleted_at IS NULL",
                   {party_org_id, from, to});
  std::vector<Meeting> out;
  for (std::size_t k = 0; k < r.size(); ++k) {
    auto kind = parse_kind(r.s(k, 0));
    auto day = core::parse_date(r.s(k, 1));
    if (!kind || !day) continue;
    out.push_back(Meeting{*kind, *day, r.opt_i(k, 2), r.i(k, 3) != 0});
  }
  return out;
}

void replace_attendance(db::Connection& c, std::int64_t meeting_id, const std::vector<Attendance>& rows) {
  c.exec("DELETE FROM meeting_attendance WHERE meeting_id = ?", {meeting_id});
  for (const auto& a : rows)
    c.exec("INSERT INTO meeting_attendance (meeting_id, person_id, status, absence_reason, absence_note, voting) "
           "VALUES (?, ?, ?, ?, ?, ?)",
           {meeting_id, a.person_id, a.status, v(a.absence_reason), v(a.absence_note), std::int64_t{a.voting}});
}

std::vector<Attendance> attendance_of(db::Connection& c, std::int64_t meeting_id) {
  auto r = c.query("SELECT a.person_id, pe.name, a.status, a.absence_reason, a.absence_note, a.voting "
                   "FROM meeting_attendance a JOIN persons pe ON pe.id = a.person_id WHERE a.meeting_id = ? "
                   "ORDER BY pe.name_sort, pe.id",
                   {meeting_id});
  std::vector<Attendance> out;
  for (std::size_t k = 0; k < r.size(); ++k)
    out.push_back(Attendance{r.i(k, 0), r.s(k, 1), r.s(k, 2), r.opt_s(k, 3), r.opt_s(k, 4), r.i(k, 5) != 0});
  return out;
}

void replace_ratings(db::Connection& c, std::int64_t meeting_id, const std::vector<Rating>& rows) {
  c.exec("DELETE FROM member_ratings WHERE meeting_id = ?", {meeting_id});
  for (const auto& x : rows)
    c.exec("INSERT INTO member_ratings (meeting_id, person_id, rating) VALUES (?, ?, ?)",
           {meeting_id, x.person_id, x.rating});
}

std::vector<Rating> ratings_of(db::Connection& c, std::int64_t meeting_id) {
  auto r = c.query("SELECT x.person_id, pe.name, x.rating FROM member_ratings x JOIN persons pe ON pe.id = x.person_id "
                   "WHERE x.meeting_id = ? ORDER BY pe.name_sort, pe.id",
                   {meeting_id});
  std::vector<Rating> out;
  for (std::size_t k = 0; k < r.size(); ++k) out.push_back(Rating{r.i(k, 0), r.s(k, 1), r.s(k, 2)});
  return out;
}

std::vector<PersonDay> rating_days(db::Connection& c, std::int64_t party_org_id, const std::string& from,
                                   const std::string& to) {
  auto r = c.query("SELECT x.person_id, m.on_date FROM member_ratings x JOIN meetings m ON m.id = x.meeting_id "
                   "WHERE m.party_org_id = ? AND m.kind = 'member_review' AND m.deleted_at IS NULL AND "
                   "m.on_date >= ? AND m.on_date <= ?",
                   {party_org_id, from, to});
  std::vector<PersonDay> out;
  for (std::size_t k = 0; k < r.size(); ++k)
    if (auto d = core::parse_date(r.s(k, 1))) out.push_back(PersonDay{r.i(k, 0), *d});
  return out;
}

std::pair<std::int64_t, std::int64_t> attendance_totals(db::Connection& c, const http::Scope& s,
                                                        const std::string& from, const std::string& to) {
  auto sc = partyorg::repo::party_org_scope(s, "p");
  // An online meeting still open has not had all its attendance yet.
  db::Params p{from, to, core::now_iso()};
  append(p, sc.params);
  auto r = c.query("SELECT COUNT(*), COALESCE(SUM(CASE WHEN a.status <> 'absent' THEN 1 ELSE 0 END), 0) "
                   "FROM meeting_attendance a JOIN meetings m ON m.id = a.meeting_id "
                   "JOIN party_orgs p ON p.id = m.party_org_id "
                   "WHERE m.deleted_at IS NULL AND m.on_date >= ? AND m.on_date <= ? AND "
                   "(m.online = 0 OR m.ends_at <= ?) AND " + sc.sql,
                   p);
  return {r.i(0, 0), r.i(0, 1)};
}

std::vector<PersonAttendance> attendance_by_person(db::Connection& c, std::int64_t party_org_id,
                                                   const std::string& from, const std::string& to) {
  auto r = c.query("SELECT a.person_id, pe.name, COUNT(*), SUM(CASE WHEN a.status <> 'absent' THEN 1 ELSE 0 END) "
                   "FROM meeting_attendance a JOIN meetings m ON m.id = a.meeting_id "
                   "JOIN persons pe ON pe.id = a.person_id "
                   "WHERE m.party_org_id = ? AND m.deleted_at IS NULL AND m.on_date >= ? AND m.on_date <= ? "
                   "GROUP BY a.person_id, pe.name, pe.name_sort ORDER BY pe.name_sort, a.person_id",
                   {party_org_id, from, to});
  std::vector<PersonAttendance> out;
  for (std::size_t k = 0; k < r.size(); ++k) out.push_back({r.i(k, 0), r.s(k, 1), r.i(k, 2), r.i(k, 3)});
  return out;
}

}  // namespace lx::life::repo
