#include "modules/census/repo.hpp"

#include "core/text.hpp"
#include "core/time.hpp"
#include "db/search.hpp"
#include "db/tree.hpp"
#include "modules/partyorg/coverage_sql.hpp"

namespace lx::census::repo {
namespace {

db::Value opt(const std::optional<std::string>& s) { return s ? db::Value(*s) : db::Value(nullptr); }
db::Value opt(const std::optional<std::int64_t>& i) { return i ? db::Value(*i) : db::Value(nullptr); }
db::Value opt(const std::optional<bool>& b) { return b ? db::Value(std::int64_t{*b}) : db::Value(nullptr); }

constexpr const char* kAreaCols = "id, parent_id, code, name, level, path, created_at, updated_at";

Area area_from(const db::Rows& r, std::size_t k) {
  Area a;
  a.id = r.i(k, 0);
  a.parent_id = r.opt_i(k, 1);
  a.code = r.s(k, 2);
  a.name = r.s(k, 3);
  a.level = r.s(k, 4);
  a.path = r.s(k, 5);
  a.created_at = r.s(k, 6);
  a.updated_at = r.s(k, 7);
  return a;
}

std::vector<Area> areas_from(const db::Rows& r) {
  std::vector<Area> out;
  for (std::size_t k = 0; k < r.size(); ++k) out.push_back(area_from(r, k));
  return out;
}

constexpr const char* kOrgCols =
    "o.id, o.name, o.uscc, o.kind, o.sub_kind, o.industry, o.area_id, o.area_path, o.address, o.registered_on, "
    "o.closed_on, o.operating_status, o.workforce, o.declared_members, o.above_scale, o.principal, "
    "o.principal_is_member, o.no_party_org_reason, o.contact_name, o.contact_phone_enc, o.contact_phone_hash, "
    "o.contact_phone_mask, o.verified_on, o.created_at, o.updated_at, a.name";

Org org_from(const db::Rows& r, std::size_t k) {
  Org o;
  o.id = r.i(k, 0);
  o.name = r.s(k, 1);
  o.uscc = r.s(k, 2);
  o.kind = r.s(k, 3);
  o.sub_kind = r.opt_s(k, 4);
  o.industry = r.opt_s(k, 5);
  o.area_id = r.i(k, 6);
  o.area_path = r.s(k, 7);
  o.address = r.opt_s(k, 8);
  o.registered_on = r.opt_s(k, 9);
  o.closed_on = r.opt_s(k, 10);
  o.operating_status = r.s(k, 11);
  o.workforce = r.opt_i(k, 12);
  o.declared_members = r.opt_i(k, 13);
  o.above_scale = r.i(k, 14) != 0;
  o.principal = r.opt_s(k, 15);
  if (auto m = r.opt_i(k, 16)) o.principal_is_member = *m != 0;
  o.no_party_org_reason = r.opt_s(k, 17);
  o.contact_name = r.opt_s(k, 18);
  o.contact_phone_enc = r.opt_s(k, 19);
  o.contact_phone_hash = r.opt_s(k, 20);
  o.contact_phone_mask = r.opt_s(k, 21);
  o.verified_on = r.opt_s(k, 22);
  o.created_at = r.s(k, 23);
  o.updated_at = r.s(k, 24);
  o.area_name = r.s(k, 25);
  o.covered = r.i(k, 26) != 0;
  o.work_contact = r.i(k, 27) != 0;
  return o;
}

// A WHERE clause under construction: "a AND b AND …" with its parameters.
struct Where {
  std::string sql = "1 = 1";
  db::Params params;
  void add(const std::string& clause, db::Params p = {}) {
    sql += " AND (" + clause + ")";
    params.insert(params.end(), p.begin(), p.end());
  }
};

db::Params days(const std::string& d, int n) { return db::Params(static_cast<std::size_t>(n), db::Value(d)); }

std::string covered_ids() { return std::string("SELECT org_id FROM (") + partyorg::sql::kCoveredOrgIds + ") cov"; }
std::string work_ids() { return std::string("SELECT org_id FROM (") + partyorg::sql::kWorkContactOrgIds + ") wc"; }

// The scope's own filter on alias o (DESIGN.md: access is denied unless a rule grants it).
void add_scope(Where& w, const View& v) {
  switch (v.scope.kind) {
    case http::Scope::Kind::all: return;
    case http::Scope::Kind::area: {
      auto [lo, hi] = db::subtree_range(v.scope.path);
      w.add("o.area_path >= ? AND o.area_path < ?", {lo, hi});
      return;
    }
    case http::Scope::Kind::party_org: {
      auto [lo, hi] = db::subtree_range(v.scope.path);
      db::Params p{lo, hi};
      for (auto& d : days(v.today, 4)) p.push_back(d);
      w.add(std::string("o.id IN (") + partyorg::sql::kOrgIdsInPartyOrgSubtree + ")", p);
      return;
    }
  }
}

// The select list's coverage flags and their parameters (they come first):
// looked up per row through the org_id indexes (EXISTS), not as IN lists,
// which the database would build over every covered org for each statement
// (bench/analysis.md: 25 ms of a 47 ms list page at city scale).
std::string flag_cols() {
  return std::string(", CASE WHEN EXISTS (SELECT 1 FROM (") + partyorg::sql::kCoveredOrgIds +
         ") cov WHERE cov.org_id = o.id) THEN 1 ELSE 0 END, CASE WHEN EXISTS (SELECT 1 FROM (" +
         partyorg::sql::kAssignedOrgIds + ") asg WHERE asg.org_id = o.id) OR EXISTS (SELECT 1 FROM (" +
         partyorg::sql::kMassOrgOrgIds + ") mo WHERE mo.org_id = o.id) THEN 1 ELSE 0 END";
}

// True for a code-like search term: 18 letters and digits (a credit code).
bool looks_like_code(const std::string& q) {
  if (q.size() != 18) return false;
  for (char ch : q)
    if (!((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z'))) return false;
  return true;
}

}  // namespace

// ---- areas ----

std::optional<Area> area_by_id(db::Connection& c, std::int64_t id) {
  auto r = c.query(std::string("SELECT ") + kAreaCols + " FROM areas WHERE id = ?", {id});
  if (r.empty()) return std::nullopt;
  return area_from(r, 0);
}

std::optional<Area> area_by_code(db::Connection& c, const std::string& code) {
  auto r = c.query(std::string("SELECT ") + kAreaCols + " FROM areas WHERE code = ?", {code});
  if (r.empty()) return std::nullopt;
  return area_from(r, 0);
}

std::vector<Area> areas_in(db::Connection& c, const std::string& lo, const std::string& hi) {
  if (lo.empty()) return areas_from(c.query(std::string("SELECT ") + kAreaCols + " FROM areas ORDER BY path"));
  return areas_from(
      c.query(std::string("SELECT ") + kAreaCols + " FROM areas WHERE path >= ? AND path < ? ORDER BY path", {lo, hi}));
}

std::vector<Area> areas_by_ids(db::Connection& c, const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return {};
  std::string in;
  db::Params p;
  for (auto id : ids) {
    in += in.empty() ? "?" : ", ?";
    p.push_back(id);
  }
  return areas_from(c.query(std::string("SELECT ") + kAreaCols + " FROM areas WHERE id IN (" + in + ") ORDER BY path", p));
}

Area insert_area(db::Connection& c, Area a, const std::string& parent_path) {
  const std::string now = core::now_iso();
  a.id = c.query(
              "INSERT INTO areas (parent_id, code, name, level, path, created_at, updated_at) "
              "VALUES (?, ?, ?, ?, '', ?, ?) RETURNING id",
              {opt(a.parent_id), a.code, a.name, a.level, now, now})
             .i(0, 0);
  a.path = db::child_path(parent_path, a.id);
  c.exec("UPDATE areas SET path = ? WHERE id = ?", {a.path, a.id});
  a.created_at = a.updated_at = now;
  return a;
}

void update_area(db::Connection& c, const Area& a) {
  c.exec("UPDATE areas SET name = ?, code = ?, updated_at = ? WHERE id = ?", {a.name, a.code, core::now_iso(), a.id});
}

void delete_area(db::Connection& c, std::int64_t id) { c.exec("DELETE FROM areas WHERE id = ?", {id}); }

std::int64_t count_child_areas(db::Connection& c, std::int64_t id) {
  return c.scalar_int("SELECT COUNT(*) FROM areas WHERE parent_id = ?", {id}).value_or(0);
}

std::int64_t count_orgs_in_area(db::Connection& c, std::int64_t id) {
  return c.scalar_int("SELECT COUNT(*) FROM orgs WHERE area_id = ?", {id}).value_or(0);
}

// ---- orgs ----

std::optional<Org> org_by_id(db::Connection& c, const View& v, std::int64_t id) {
  Where w;
  w.add("o.id = ?", {id});
  add_scope(w, v);
  db::Params p = days(v.today, 8);
  p.insert(p.end(), w.params.begin(), w.params.end());
  auto r = c.query(std::string("SELECT ") + kOrgCols + flag_cols() +
                       " FROM orgs o JOIN areas a ON a.id = o.area_id WHERE " + w.sql,
                   p);
  if (r.empty()) return std::nullopt;
  return org_from(r, 0);
}

std::optional<std::pair<std::int64_t, std::string>> org_by_uscc(db::Connection& c, const std::string& uscc) {
  auto r = c.query("SELECT id, name FROM orgs WHERE uscc = ?", {uscc});
  if (r.empty()) return std::nullopt;
  return std::make_pair(r.i(0, 0), r.s(0, 1));
}

std::int64_t insert_org(db::Connection& c, const Org& o, const std::string& name_sort) {
  const std::string now = core::now_iso();
  return c.query(
              "INSERT INTO orgs (name, uscc, kind, sub_kind, industry, area_id, area_path, address, registered_on, "
              "closed_on, operating_status, workforce, declared_members, above_scale, principal, principal_is_member, "
              "no_party_org_reason, contact_name, contact_phone_enc, contact_phone_hash, contact_phone_mask, "
              "verified_on, name_sort, created_at, updated_at) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
              {o.name, o.uscc, o.kind, opt(o.sub_kind), opt(o.industry), o.area_id, o.area_path, opt(o.address),
               opt(o.registered_on), opt(o.closed_on), o.operating_status, opt(o.workforce), opt(o.declared_members),
               std::int64_t{o.above_scale}, opt(o.principal), opt(o.principal_is_member), opt(o.no_party_org_reason),
               opt(o.contact_name), opt(o.contact_phone_enc), opt(o.contact_phone_hash), opt(o.contact_phone_mask),
               opt(o.verified_on), name_sort, now, now})
      .i(0, 0);
}

void update_org(db::Connection& c, const Org& o, const std::string& name_sort) {
  c.exec(
      "UPDATE orgs SET name = ?, uscc = ?, kind = ?, sub_kind = ?, industry = ?, area_id = ?, area_path = ?, "
      "address = ?, registered_on = ?, closed_on = ?, operating_status = ?, workforce = ?, declared_members = ?, "
      "above_scale = ?, principal = ?, principal_is_member = ?, no_party_org_reason = ?, contact_name = ?, "
      "contact_phone_enc = ?, contact_phone_hash = ?, contact_phone_mask = ?, verified_on = ?, name_sort = ?, "
      "updated_at = ? WHERE id = ?",
      {o.name, o.uscc, o.kind, opt(o.sub_kind), opt(o.industry), o.area_id, o.area_path, opt(o.address),
       opt(o.registered_on), opt(o.closed_on), o.operating_status, opt(o.workforce), opt(o.declared_members),
       std::int64_t{o.above_scale}, opt(o.principal), opt(o.principal_is_member), opt(o.no_party_org_reason),
       opt(o.contact_name), opt(o.contact_phone_enc), opt(o.contact_phone_hash), opt(o.contact_phone_mask),
       opt(o.verified_on), name_sort, core::now_iso(), o.id});
}

std::pair<std::vector<Org>, std::int64_t> select_orgs(db::Connection& c, const View& v, const OrgFilter& f) {
  Where w;
  add_scope(w, v);
  const std::string q = core::normalize_cell(f.q);
  if (looks_like_code(q)) {
    std::string upper = q;
    for (char& ch : upper)
      if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    w.add("o.uscc = ?", {upper});
  } else if (!f.q.empty()) {
    auto s = db::contains_filter(c.backend(), "o", "name", "orgs_fts", core::trim(f.q));
    w.add(s.sql, s.params);
  }
  if (!f.kind.empty()) w.add("o.kind = ?", {f.kind});
  if (!f.sub_kind.empty()) w.add("o.sub_kind = ?", {f.sub_kind});
  if (!f.industry.empty()) w.add("o.industry = ?", {f.industry});
  if (!f.status.empty()) w.add("o.operating_status = ?", {f.status});
  if (!f.area_lo.empty()) w.add("o.area_path >= ? AND o.area_path < ?", {f.area_lo, f.area_hi});
  if (f.above_scale) w.add("o.above_scale = ?", {std::int64_t{*f.above_scale}});
  if (f.covered) w.add(std::string(*f.covered ? "" : "NOT ") + "o.id IN (" + covered_ids() + ")", days(v.today, 4));
  if (f.colour == "red") {
    w.add("o.id IN (" + covered_ids() + ")", days(v.today, 4));
  } else if (f.colour == "yellow" || f.colour == "blue") {
    w.add("o.id NOT IN (" + covered_ids() + ")", days(v.today, 4));
    w.add(std::string(f.colour == "yellow" ? "" : "NOT ") + "o.id IN (" + work_ids() + ")", days(v.today, 4));
  }
  if (f.stale) {
    if (*f.stale) w.add("o.operating_status <> 'closed' AND (o.verified_on IS NULL OR o.verified_on < ?)", {f.stale_cutoff});
    else w.add("o.operating_status = 'closed' OR o.verified_on >= ?", {f.stale_cutoff});
  }

  const std::int64_t total =
      c.scalar_int("SELECT COUNT(*) FROM orgs o WHERE " + w.sql, w.params).value_or(0);

  const std::string col = f.sort == "name"            ? "o.name_sort"
                          : f.sort == "registered_on" ? "o.registered_on"
                          : f.sort == "verified_on"   ? "o.verified_on"
                                                      : "o.workforce";
  // Unknown values last in both directions, on both databases.
  const std::string order = "(" + col + " IS NULL), " + col + (f.desc ? " DESC" : "") + ", o.id" + (f.desc ? " DESC" : "");
  db::Params p = days(v.today, 8);
  p.insert(p.end(), w.params.begin(), w.params.end());
  p.push_back(f.size);
  p.push_back((f.page - 1) * f.size);
  // The page's ids first (sorting narrow rows), then their columns and flags.
  auto r = c.query(std::string("SELECT ") + kOrgCols + flag_cols() + " FROM (SELECT o.id FROM orgs o WHERE " + w.sql +
                       " ORDER BY " + order + " LIMIT ? OFFSET ?) pg JOIN orgs o ON o.id = pg.id "
                       "JOIN areas a ON a.id = o.area_id ORDER BY " + order,
                   p);
  std::vector<Org> out;
  for (std::size_t k = 0; k < r.size(); ++k) out.push_back(org_from(r, k));
  return {std::move(out), total};
}

std::vector<PathCount> stale_by_area_path(db::Connection& c, const View& v, const std::string& stale_cutoff) {
  Where w;
  add_scope(w, v);
  w.add("o.operating_status <> 'closed'");
  db::Params p{stale_cutoff};
  p.insert(p.end(), w.params.begin(), w.params.end());
  auto r = c.query(
      "SELECT o.area_path, COUNT(*), SUM(CASE WHEN o.verified_on IS NULL OR o.verified_on < ? THEN 1 ELSE 0 END) "
      "FROM orgs o WHERE " + w.sql + " GROUP BY o.area_path ORDER BY o.area_path",
      p);
  std::vector<PathCount> out;
  for (std::size_t k = 0; k < r.size(); ++k) out.push_back({r.s(k, 0), r.i(k, 1), r.i(k, 2)});
  return out;
}

std::vector<std::string> org_area_paths(db::Connection& c, const View& v) {
  Where w;
  add_scope(w, v);
  auto r = c.query("SELECT DISTINCT o.area_path FROM orgs o WHERE " + w.sql, w.params);
  std::vector<std::string> out;
  for (std::size_t k = 0; k < r.size(); ++k) out.push_back(r.s(k, 0));
  return out;
}

std::vector<std::string> covering_party_orgs(db::Connection& c, std::int64_t org_id, const std::string& d) {
  // The same validity as partyorg::sql::kCoveredOrgIds, restricted to one org.
  auto r = c.query(
      "SELECT p.name FROM coverage c JOIN party_orgs p ON p.id = c.party_org_id WHERE c.org_id = ? "
      "AND c.valid_from <= ? AND (c.valid_to IS NULL OR c.valid_to > ?) "
      "AND p.founded_on <= ? AND (p.dissolved_on IS NULL OR p.dissolved_on > ?) "
      "ORDER BY CASE WHEN p.formation = 'single' THEN 0 ELSE 1 END, p.path",
      {org_id, d, d, d, d});
  std::vector<std::string> out;
  for (std::size_t k = 0; k < r.size(); ++k) out.push_back(r.s(k, 0));
  return out;
}

db::Rows history(db::Connection& c, const std::string& target, std::int64_t limit) {
  return c.query("SELECT at, login, action, detail FROM audit_log WHERE target = ? ORDER BY id DESC LIMIT ?",
                 {target, limit});
}

}  // namespace lx::census::repo
