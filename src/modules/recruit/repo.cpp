// The recruitment pipeline's SQL; see repo.hpp.
#include "modules/recruit/repo.hpp"

#include "core/time.hpp"
#include "modules/partyorg/repo.hpp"

namespace lx::recruit::repo {
namespace {

db::Value v(const std::optional<std::string>& s) { return s ? db::Value(*s) : db::Value(nullptr); }
db::Value v(const std::optional<std::int64_t>& i) { return i ? db::Value(*i) : db::Value(nullptr); }
db::Value v(const std::optional<double>& d) { return d ? db::Value(*d) : db::Value(nullptr); }
db::Value v(const std::optional<bool>& b) { return b ? db::Value(std::int64_t{*b ? 1 : 0}) : db::Value(nullptr); }
db::Value v(bool b) { return db::Value(std::int64_t{b ? 1 : 0}); }

void append(db::Params& p, const db::Params& more) { p.insert(p.end(), more.begin(), more.end()); }

constexpr const char* kOpen = "('applicant', 'activist', 'candidate', 'probationary')";

constexpr const char* kCols =
    "r.id, r.person_id, r.party_org_id, r.stage, r.applied_on, r.talk_on, r.talk_by, r.activist_on, "
    "r.candidate_on, r.political_review_on, r.political_review_passed, r.training_on, r.training_days, "
    "r.training_hours, r.assembly_on, r.assembly_entitled, r.assembly_present, r.assembly_in_favour, "
    "r.approved_on, r.approval_special, r.oath_on, r.probation_end, r.extended, r.decided_on, r.confirmed_on, "
    "r.confirm_approved_on, r.ended_on, r.end_reason, r.next_step, r.next_earliest, r.next_due, r.created_at, "
    "r.updated_at, pe.name, pe.gender, pe.birth_date, pe.id_number_mask, p.name, "
    "(SELECT MAX(rv.reviewed_on) FROM recruit_reviews rv WHERE rv.recruit_id = r.id)";
constexpr const char* kFrom =
    " FROM recruits r JOIN persons pe ON pe.id = r.person_id JOIN party_orgs p ON p.id = r.party_org_id";

std::optional<double> opt_d(const db::Rows& r, std::size_t k, std::size_t col) {
  if (r.is_null(k, col)) return std::nullopt;
  return r.d(k, col);
}

Recruit from(const db::Rows& r, std::size_t k) {
  Recruit x;
  std::size_t i = 0;
  x.id = r.i(k, i++);
  x.person_id = r.i(k, i++);
  x.party_org_id = r.i(k, i++);
  x.stage = r.s(k, i++);
  x.applied_on = r.s(k, i++);
  x.talk_on = r.opt_s(k, i++);
  x.talk_by = r.opt_s(k, i++);
  x.activist_on = r.opt_s(k, i++);
  x.candidate_on = r.opt_s(k, i++);
  x.political_review_on = r.opt_s(k, i++);
  if (auto b = r.opt_i(k, i++)) x.political_review_passed = *b != 0;
  x.training_on = r.opt_s(k, i++);
  x.training_days = opt_d(r, k, i++);
  x.training_hours = opt_d(r, k, i++);
  x.assembly_on = r.opt_s(k, i++);
  x.assembly_entitled = r.opt_i(k, i++);
  x.assembly_present = r.opt_i(k, i++);
  x.assembly_in_favour = r.opt_i(k, i++);
  x.approved_on = r.opt_s(k, i++);
  x.approval_special = r.i(k, i++) != 0;
  x.oath_on = r.opt_s(k, i++);
  x.probation_end = r.opt_s(k, i++);
  x.extended = r.i(k, i++) != 0;
  x.decided_on = r.opt_s(k, i++);
  x.confirmed_on = r.opt_s(k, i++);
  x.confirm_approved_on = r.opt_s(k, i++);
  x.ended_on = r.opt_s(k, i++);
  x.end_reason = r.opt_s(k, i++);
  x.next_step = r.opt_s(k, i++);
  x.next_earliest = r.opt_s(k, i++);
  x.next_due = r.opt_s(k, i++);
  x.created_at = r.s(k, i++);
  x.updated_at = r.s(k, i++);
  x.person_name = r.s(k, i++);
  x.gender = r.s(k, i++);
  x.birth_date = r.s(k, i++);
  x.id_number_mask = r.s(k, i++);
  x.party_org_name = r.s(k, i++);
  x.last_review_on = r.opt_s(k, i++);
  return x;
}

std::vector<Recruit> all(const db::Rows& r) {
  std::vector<Recruit> out;
  for (std::size_t k = 0; k < r.size(); ++k) out.push_back(from(r, k));
  return out;
}

void page_params(db::Params& p, std::int64_t page, std::int64_t size, std::string& sql) {
  if (size <= 0) return;
  sql += " LIMIT ? OFFSET ?";
  p.push_back(size);
  p.push_back((page - 1) * size);
}

}  // namespace

std::optional<Recruit> find_in_scope(db::Connection& c, const http::Scope& s, std::int64_t id) {
  auto sc = partyorg::repo::party_org_scope(s, "p");
  db::Params p{id};
  append(p, sc.params);
  auto r = c.query(std::string("SELECT ") + kCols + kFrom + " WHERE r.id = ? AND " + sc.sql, p);
  if (r.empty()) return std::nullopt;
  return from(r, 0);
}

std::optional<std::int64_t> open_record_of(db::Connection& c, std::int64_t person_id) {
  return c.scalar_int(std::string("SELECT id FROM recruits WHERE person_id = ? AND stage IN ") + kOpen, {person_id});
}

std::int64_t insert(db::Connection& c, const Recruit& x) {
  const std::string now = core::now_iso();
  const std::int64_t id =
      c.query("INSERT INTO recruits (person_id, party_org_id, stage, applied_on, created_at, updated_at) "
              "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
              {x.person_id, x.party_org_id, x.stage, x.applied_on, now, now})
          .i(0, 0);
  c.exec("INSERT INTO recruit_stages (recruit_id, stage, valid_from) VALUES (?, ?, ?)", {id, x.stage, x.applied_on});
  return id;
}

void save(db::Connection& c, const Recruit& x) {
  c.exec("UPDATE recruits SET stage = ?, applied_on = ?, talk_on = ?, talk_by = ?, activist_on = ?, "
         "candidate_on = ?, political_review_on = ?, political_review_passed = ?, training_on = ?, "
         "training_days = ?, training_hours = ?, assembly_on = ?, assembly_entitled = ?, assembly_present = ?, "
         "assembly_in_favour = ?, approved_on = ?, approval_special = ?, oath_on = ?, probation_end = ?, "
         "extended = ?, decided_on = ?, confirmed_on = ?, confirm_approved_on = ?, ended_on = ?, end_reason = ?, "
         "next_step = ?, next_earliest = ?, next_due = ?, updated_at = ? WHERE id = ?",
         {x.stage, x.applied_on, v(x.talk_on), v(x.talk_by), v(x.activist_on), v(x.candidate_on),
          v(x.political_review_on), v(x.political_review_passed), v(x.training_on), v(x.training_days),
          v(x.training_hours), v(x.assembly_on), v(x.assembly_entitled), v(x.assembly_present),
          v(x.assembly_in_favour), v(x.approved_on), v(x.approval_special), v(x.oath_on), v(x.probation_end),
          v(x.extended), v(x.decided_on), v(x.confirmed_on), v(x.confirm_approved_on), v(x.ended_on),
          v(x.end_reason), v(x.next_step), v(x.next_earliest), v(x.next_due), core::now_iso(), x.id});
}

void set_stage(db::Connection& c, std::int64_t id, const std::string& stage, const std::string& from_day) {
  c.exec("UPDATE recruit_stages SET valid_to = ? WHERE recruit_id = ? AND valid_to IS NULL", {from_day, id});
  c.exec("INSERT INTO recruit_stages (recruit_id, stage, valid_from) VALUES (?, ?, ?)", {id, stage, from_day});
}

void add_event(db::Connection& c, std::int64_t id, const std::string& event, const std::string& on_date,
               const std::optional<std::string>& stage_from, const std::optional<std::string>& stage_to,
               const std::string& detail, const std::string& by) {
  c.exec("INSERT INTO recruit_events (recruit_id, event, on_date, stage_from, stage_to, detail, by_login, at) "
         "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
         {id, event, on_date, v(stage_from), v(stage_to), detail, by, core::now_iso()});
}

std::vector<Event> events_of(db::Connection& c, std::int64_t id) {
  auto r = c.query("SELECT id, event, on_date, stage_from, stage_to, detail, by_login, at FROM recruit_events "
                   "WHERE recruit_id = ? ORDER BY on_date, id",
                   {id});
  std::vector<Event> out;
  for (std::size_t k = 0; k < r.size(); ++k)
    out.push_back(Event{r.i(k, 0), r.s(k, 1), r.s(k, 2), r.opt_s(k, 3), r.opt_s(k, 4), r.s(k, 5), r.s(k, 6),
                        r.s(k, 7)});
  return out;
}

void add_sponsor(db::Connection& c, std::int64_t id, std::int64_t person_id, const std::string& since) {
  c.exec("INSERT INTO recruit_sponsors (recruit_id, person_id, since) VALUES (?, ?, ?)", {id, person_id, since});
}

std::vector<SponsorRow> sponsors_of(db::Connection& c, std::int64_t id) {
  auto r = c.query("SELECT s.person_id, pe.name, s.since FROM recruit_sponsors s JOIN persons pe ON pe.id = "
                   "s.person_id WHERE s.recruit_id = ? ORDER BY s.id",
                   {id});
  std::vector<SponsorRow> out;
  for (std::size_t k = 0; k < r.size(); ++k) out.push_back(SponsorRow{r.i(k, 0), r.s(k, 1), r.s(k, 2)});
  return out;
}

void add_review(db::Connection& c, std::int64_t id, const std::string& on, const std::optional<std::string>& note,
                const std::string& by) {
  c.exec("INSERT INTO recruit_reviews (recruit_id, reviewed_on, note, by_login, created_at) VALUES (?, ?, ?, ?, ?)",
         {id, on, v(note), by, core::now_iso()});
}

std::vector<ReviewRow> reviews_of(db::Connection& c, std::int64_t id) {
  auto r = c.query("SELECT id, reviewed_on, note, by_login FROM recruit_reviews WHERE recruit_id = ? "
                   "ORDER BY reviewed_on, id",
                   {id});
  std::vector<ReviewRow> out;
  for (std::size_t k = 0; k < r.size(); ++k) out.push_back(ReviewRow{r.i(k, 0), r.s(k, 1), r.opt_s(k, 2), r.s(k, 3)});
  return out;
}

std::optional<std::string> last_review_on_or_before(db::Connection& c, std::int64_t id, const std::string& d) {
  auto r = c.query("SELECT MAX(reviewed_on) FROM recruit_reviews WHERE recruit_id = ? AND reviewed_on <= ?", {id, d});
  return r.empty() ? std::nullopt : r.opt_s(0, 0);
}

std::optional<SponsorFact> member_of_party_org_on(db::Connection& c, std::int64_t person_id,
                                                  std::int64_t party_org_id, const std::string& d) {
  auto r = c.query("SELECT pe.name, CASE WHEN (m.confirmed_on IS NOT NULL AND m.confirmed_on <= ?) OR "
                   "(m.confirmed_on IS NULL AND m.status = 'full') THEN 1 ELSE 0 END "
                   "FROM memberships m JOIN persons pe ON pe.id = m.person_id WHERE m.person_id = ? AND "
                   "m.party_org_id = ? AND m.valid_from <= ? AND (m.valid_to IS NULL OR m.valid_to > ?)",
                   {d, person_id, party_org_id, d, d});
  if (r.empty()) return std::nullopt;
  return SponsorFact{r.s(0, 0), r.i(0, 1) != 0};
}

std::pair<std::vector<Recruit>, std::int64_t> list(db::Connection& c, const http::Scope& s, const ListFilter& f) {
  auto sc = partyorg::repo::party_org_scope(s, "p");
  std::string where = " WHERE " + sc.sql;
  db::Params p = sc.params;
  if (!f.stage.empty()) {
    where += " AND r.stage = ?";
    p.push_back(f.stage);
  } else if (!f.include_closed) {
    where += std::string(" AND r.stage IN ") + kOpen;
  }
  if (f.party_org_id) {
    where += " AND p.path >= (SELECT path FROM party_orgs WHERE id = ?) AND p.path < (SELECT path FROM party_orgs "
             "WHERE id = ?) || '~'";
    p.push_back(*f.party_org_id);
    p.push_back(*f.party_org_id);
  }
  if (f.overdue_on) {
    where += std::string(" AND r.stage IN ") + kOpen + " AND r.next_due IS NOT NULL AND r.next_due < ?";
    p.push_back(*f.overdue_on);
  }
  const std::int64_t total = c.scalar_int(std::string("SELECT COUNT(*)") + kFrom + where, p).value_or(0);
  std::string sql = std::string("SELECT ") + kCols + kFrom + where +
                    " ORDER BY p.path, CASE WHEN r.next_due IS NULL THEN 1 ELSE 0 END, r.next_due, pe.name_sort, r.id";
  page_params(p, f.page, f.size, sql);
  return {all(c.query(sql, p)), total};
}

std::map<std::string, std::int64_t> stage_counts(db::Connection& c, const http::Scope& s, const std::string& d) {
  auto sc = partyorg::repo::party_org_scope(s, "p");
  db::Params p{d, d};
  append(p, sc.params);
  auto r = c.query(std::string("SELECT st.stage, COUNT(*) FROM recruit_stages st JOIN recruits r ON r.id = "
                               "st.recruit_id JOIN party_orgs p ON p.id = r.party_org_id WHERE st.valid_from <= ? "
                               "AND (st.valid_to IS NULL OR st.valid_to > ?) AND st.stage IN ") +
                       kOpen + " AND " + sc.sql + " GROUP BY st.stage",
                   p);
  std::map<std::string, std::int64_t> out;
  for (std::size_t k = 0; k < r.size(); ++k) out[r.s(k, 0)] = r.i(k, 1);
  return out;
}

std::pair<std::vector<Recruit>, std::int64_t> stage_records(db::Connection& c, const http::Scope& s,
                                                            const std::string& d, const std::string& stage,
                                                            std::int64_t page, std::int64_t size) {
  auto sc = partyorg::repo::party_org_scope(s, "p");
  std::string where = " WHERE r.id IN (SELECT st.recruit_id FROM recruit_stages st WHERE st.valid_from <= ? AND "
                      "(st.valid_to IS NULL OR st.valid_to > ?) AND st.stage = ?) AND " + sc.sql;
  db::Params p{d, d, stage};
  append(p, sc.params);
  const std::int64_t total = c.scalar_int(std::string("SELECT COUNT(*)") + kFrom + where, p).value_or(0);
  std::string sql = std::string("SELECT ") + kCols + kFrom + where + " ORDER BY p.path, pe.name_sort, r.id";
  page_params(p, page, size, sql);
  return {all(c.query(sql, p)), total};
}

}  // namespace lx::recruit::repo
