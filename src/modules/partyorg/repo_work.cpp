// Work coverage records (instructors and liaisons, mass organisations) and
// the read-only look at orgs this module needs.
#include <set>

#include "core/time.hpp"
#include "modules/member/sql.hpp"
#include "modules/partyorg/coverage_sql.hpp"
#include "modules/partyorg/repo.hpp"

namespace lx::partyorg::repo {
namespace {

db::Value opt_text(const std::string& s) { return s.empty() ? db::Value(nullptr) : db::Value(s); }

// Fills org_name of each record from the orgs table.
template <typename T>
void name_orgs(db::Connection& c, std::vector<T>& items) {
  std::vector<std::int64_t> ids;
  for (const auto& x : items) ids.push_back(x.org_id);
  auto briefs = orgs(c, ids);
  for (auto& x : items)
    if (auto it = briefs.find(x.org_id); it != briefs.end()) x.org_name = it->second.name;
}

// WHERE fragment shared by the work lists: scope, org, party org, validity.
void work_where(std::string& where, db::Params& p, const http::Scope& s, const WorkFilter& f,
                const std::string& alias, const std::string& start, const std::string& end) {
  Sql sc = org_scope(s, f.today);
  if (sc.sql != "1=1") {
    where += " AND " + alias + ".org_id IN (SELECT o.id FROM orgs o WHERE " + sc.sql + ")";
    p.insert(p.end(), sc.params.begin(), sc.params.end());
  }
  if (f.org_id) {
    where += " AND " + alias + ".org_id = ?";
    p.push_back(*f.org_id);
  }
  if (f.party_org_id) {
    where += " AND " + alias +
             ".org_id IN (SELECT cv.org_id FROM coverage cv WHERE cv.party_org_id = ? AND cv.valid_from <= ? "
             "AND (cv.valid_to IS NULL OR cv.valid_to > ?))";
    p.insert(p.end(), {*f.party_org_id, f.today, f.today});
  }
  if (!f.include_ended) {
    where += " AND (" + alias + "." + start + " IS NULL OR " + alias + "." + start + " <= ?) AND (" + alias + "." +
             end + " IS NULL OR " + alias + "." + end + " > ?)";
    p.insert(p.end(), {f.today, f.today});
  }
}

constexpr const char* kAssignmentCols =
    "a.id, a.person_name, a.phone_mask, a.role, a.org_id, a.valid_from, a.valid_to FROM assignments a";

Assignment assignment_from(const db::Rows& r, std::size_t k) {
  Assignment a;
  a.id = r.i(k, 0);
  a.person_name = r.s(k, 1);
  a.phone_mask = r.s(k, 2);
  a.role = r.s(k, 3);
  a.org_id = r.i(k, 4);
  a.valid_from = r.s(k, 5);
  a.valid_to = r.opt_s(k, 6);
  return a;
}

constexpr const char* kMassCols = "m.id, m.org_id, m.type, m.founded_on, m.dissolved_on FROM mass_orgs m";

MassOrg mass_from(const db::Rows& r, std::size_t k) {
  MassOrg m;
  m.id = r.i(k, 0);
  m.org_id = r.i(k, 1);
  m.type = r.s(k, 2);
  m.founded_on = r.opt_s(k, 3);
  m.dissolved_on = r.opt_s(k, 4);
  return m;
}

constexpr const char* kOrgCols = "o.id, o.name, o.uscc, o.area_path, o.declared_members, o.registered_on, o.closed_on";

OrgBrief org_from(const db::Rows& r, std::size_t k) {
  return OrgBrief{r.i(k, 0), r.s(k, 1), r.s(k, 2), r.s(k, 3), r.opt_i(k, 4), r.opt_s(k, 5), r.opt_s(k, 6)};
}

}  // namespace

std::int64_t insert_assignment(db::Connection& c, const AssignmentRow& a) {
  const std::string now = core::now_iso();
  return c
      .query("INSERT INTO assignments (person_name, phone_enc, phone_hash, phone_mask, role, org_id, valid_from, "
             "valid_to, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
             {a.person_name, a.phone_enc, a.phone_hash, a.phone_mask, a.role, a.org_id, a.valid_from,
              opt_text(a.valid_to), now, now})
      .i(0, 0);
}

std::optional<Assignment> find_assignment(db::Connection& c, std::int64_t id) {
  auto r = c.query(std::string("SELECT ") + kAssignmentCols + " WHERE a.id = ?", {id});
  if (r.empty()) return std::nullopt;
  std::vector<Assignment> one{assignment_from(r, 0)};
  name_orgs(c, one);
  return one.front();
}

void end_assignment(db::Connection& c, std::int64_t id, const std::string& to) {
  c.exec("UPDATE assignments SET valid_to = ?, updated_at = ? WHERE id = ?", {to, core::now_iso(), id});
}

std::string assignment_phone_enc(db::Connection& c, std::int64_t id) {
  return c.scalar_text("SELECT phone_enc FROM assignments WHERE id = ?", {id}).value_or("");
}

bool assignment_overlaps(db::Connection& c, std::int64_t org_id, const std::string& role,
                         const std::string& phone_hash, const std::string& from, const std::string& to) {
  std::string sql =
      "SELECT COUNT(*) FROM assignments WHERE org_id = ? AND role = ? AND phone_hash = ? "
      "AND (valid_to IS NULL OR (valid_to > ? AND valid_to > valid_from))";
  db::Params p{org_id, role, phone_hash, from};
  if (!to.empty()) {
    sql += " AND valid_from < ?";
    p.push_back(to);
  }
  return c.scalar_int(sql, p).value_or(0) > 0;
}

std::vector<Assignment> list_assignments(db::Connection& c, const http::Scope& s, const WorkFilter& f) {
  std::string where = " WHERE 1=1";
  db::Params p;
  work_where(where, p, s, f, "a", "valid_from", "valid_to");
  if (!f.kind.empty()) {
    where += " AND a.role = ?";
    p.push_back(f.kind);
  }
  auto r = c.query(std::string("SELECT ") + kAssignmentCols + where + " ORDER BY a.org_id, a.valid_from, a.id", p);
  std::vector<Assignment> out;
  for (std::size_t k = 0; k < r.size(); ++k) out.push_back(assignment_from(r, k));
  name_orgs(c, out);
  return out;
}

std::int64_t insert_mass_org(db::Connection& c, std::int64_t org_id, const std::string& type,
                             const std::string& founded_on) {
  const std::string now = core::now_iso();
  return c
      .query("INSERT INTO mass_orgs (org_id, type, founded_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?) "
             "RETURNING id",
             {org_id, type, opt_text(founded_on), now, now})
      .i(0, 0);
}

std::optional<MassOrg> find_mass_org(db::Connection& c, std::int64_t id) {
  auto r = c.query(std::string("SELECT ") + kMassCols + " WHERE m.id = ?", {id});
  if (r.empty()) return std::nullopt;
  std::vector<MassOrg> one{mass_from(r, 0)};
  name_orgs(c, one);
  return one.front();
}

std::optional<MassOrg> find_mass_org(db::Connection& c, std::int64_t org_id, const std::string& type) {
  auto r = c.query(std::string("SELECT ") + kMassCols + " WHERE m.org_id = ? AND m.type = ?", {org_id, type});
  if (r.empty()) return std::nullopt;
  return mass_from(r, 0);
}

void dissolve_mass_org(db::Connection& c, std::int64_t id, const std::string& d) {
  c.exec("UPDATE mass_orgs SET dissolved_on = ?, updated_at = ? WHERE id = ?", {d, core::now_iso(), id});
}

std::vector<MassOrg> list_mass_orgs(db::Connection& c, const http::Scope& s, const WorkFilter& f) {
  std::string where = " WHERE 1=1";
  db::Params p;
  work_where(where, p, s, f, "m", "founded_on", "dissolved_on");
  if (!f.kind.empty()) {
    where += " AND m.type = ?";
    p.push_back(f.kind);
  }
  auto r = c.query(std::string("SELECT ") + kMassCols + where + " ORDER BY m.org_id, m.id", p);
  std::vector<MassOrg> out;
  for (std::size_t k = 0; k < r.size(); ++k) out.push_back(mass_from(r, k));
  name_orgs(c, out);
  return out;
}

std::optional<OrgBrief> org(db::Connection& c, std::int64_t id) {
  auto r = c.query(std::string("SELECT ") + kOrgCols + " FROM orgs o WHERE o.id = ?", {id});
  if (r.empty()) return std::nullopt;
  return org_from(r, 0);
}

bool org_in_scope(db::Connection& c, const http::Scope& s, std::int64_t id, const std::string& d) {
  Sql sc = org_scope(s, d);
  db::Params p{id};
  p.insert(p.end(), sc.params.begin(), sc.params.end());
  return c.scalar_int("SELECT COUNT(*) FROM orgs o WHERE o.id = ? AND " + sc.sql, p).value_or(0) > 0;
}

std::map<std::int64_t, OrgBrief> orgs(db::Connection& c, const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, OrgBrief> out;
  const std::set<std::int64_t> unique(ids.begin(), ids.end());
  std::vector<std::int64_t> all(unique.begin(), unique.end());
  constexpr std::size_t kChunk = 500;
  for (std::size_t at = 0; at < all.size(); at += kChunk) {
    std::string in;
    db::Params p;
    for (std::size_t k = at; k < all.size() && k < at + kChunk; ++k) {
      in += in.empty() ? "?" : ", ?";
      p.push_back(all[k]);
    }
    auto r = c.query(std::string("SELECT ") + kOrgCols + " FROM orgs o WHERE o.id IN (" + in + ")", p);
    for (std::size_t k = 0; k < r.size(); ++k) out.emplace(r.i(k, 0), org_from(r, k));
  }
  return out;
}

std::vector<OrgBrief> should_build_orgs(db::Connection& c, const http::Scope& s, const std::string& d,
                                        int min_members) {
  Sql sc = org_scope(s, d);
  // Full members from member records whose workplace is the org; the declared number where none are recorded.
  db::Params p{d, d, d, d, d, d, d, d, d, d, std::int64_t{min_members}, d, d, d, d, d, d};
  p.insert(p.end(), sc.params.begin(), sc.params.end());
  auto r = c.query(std::string("SELECT ") + kOrgCols + ", " + member::sql::kOrgFullMembers +
                       " FROM orgs o WHERE " + member::sql::kOrgFullMembers +
                       " >= ? "
                       "AND (o.registered_on IS NULL OR o.registered_on <= ?) "
                       "AND (o.closed_on IS NULL OR o.closed_on > ?) AND o.id NOT IN (" +
                       sql::kSingleCoveredOrgIds + ") AND " + sc.sql + " ORDER BY o.area_path, o.id",
                   p);
  std::vector<OrgBrief> out;
  for (std::size_t k = 0; k < r.size(); ++k) {
    out.push_back(org_from(r, k));
    out.back().full_members = r.i(k, 7);
  }
  return out;
}

}  // namespace lx::partyorg::repo
