#include "modules/partyorg/repo.hpp"

#include "core/time.hpp"
#include "db/tree.hpp"
#include "modules/partyorg/coverage_sql.hpp"

namespace lx::partyorg::repo {
namespace {

constexpr const char* kCols =
    "p.id, p.parent_id, p.name, p.type, p.role, p.formation, p.temporary, p.end_date, p.area_id, p.founded_on, "
    "p.dissolved_on, p.term_start, p.term_years, p.weak, p.declared_members, p.declared_full_members, p.path, "
    "p.created_at, p.updated_at, pp.name AS parent_name, a.name AS area_name";
// TODO(census): the area name comes from census's areas table.
constexpr const char* kFrom =
    " FROM party_orgs p LEFT JOIN party_orgs pp ON pp.id = p.parent_id LEFT JOIN areas a ON a.id = p.area_id";

PartyOrg from_row(const db::Rows& r, std::size_t k) {
  PartyOrg p;
  p.id = r.i(k, 0);
  p.parent_id = r.opt_i(k, 1);
  p.name = r.s(k, 2);
  p.type = r.s(k, 3);
  p.role = r.opt_s(k, 4);
  p.formation = r.opt_s(k, 5);
  p.temporary = r.i(k, 6) != 0;
  p.end_date = r.opt_s(k, 7);
  p.area_id = r.opt_i(k, 8);
  p.founded_on = r.s(k, 9);
  p.dissolved_on = r.opt_s(k, 10);
  p.term_start = r.opt_s(k, 11);
  p.term_years = r.opt_i(k, 12);
  p.weak = r.i(k, 13) != 0;
  p.declared_members = r.opt_i(k, 14);
  p.declared_full_members = r.opt_i(k, 15);
  p.path = r.s(k, 16);
  p.created_at = r.s(k, 17);
  p.updated_at = r.s(k, 18);
  p.parent_name = r.s(k, 19);
  p.area_name = r.s(k, 20);
  return p;
}

std::optional<PartyOrg> one(const db::Rows& r) {
  if (r.empty()) return std::nullopt;
  return from_row(r, 0);
}

db::Value v(const std::optional<std::string>& s) { return s ? db::Value(*s) : db::Value(nullptr); }
db::Value v(const std::optional<std::int64_t>& i) { return i ? db::Value(*i) : db::Value(nullptr); }

void append(db::Params& to, const db::Params& from) { to.insert(to.end(), from.begin(), from.end()); }

}  // namespace

Sql party_org_scope(const http::Scope& s, const std::string& alias) {
  using K = http::Scope::Kind;
  if (s.kind == K::all) return {"1=1", {}};
  auto [lo, hi] = db::subtree_range(s.path);
  if (s.kind == K::party_org) return {alias + ".path >= ? AND " + alias + ".path < ?", {lo, hi}};
  return {alias + ".area_id IN (SELECT ar.id FROM areas ar WHERE ar.path >= ? AND ar.path < ?)", {lo, hi}};
}

Sql org_scope(const http::Scope& s, const std::string& d, const std::string& alias) {
  using K = http::Scope::Kind;
  if (s.kind == K::all) return {"1=1", {}};
  auto [lo, hi] = db::subtree_range(s.path);
  if (s.kind == K::area) return {alias + ".area_path >= ? AND " + alias + ".area_path < ?", {lo, hi}};
  return {alias + ".id IN (" + std::string(sql::kOrgIdsInPartyOrgSubtree) + ")", {lo, hi, d, d, d, d}};
}

std::optional<PartyOrg> find(db::Connection& c, std::int64_t id) {
  return one(c.query(std::string("SELECT ") + kCols + kFrom + " WHERE p.id = ?", {id}));
}

std::optional<PartyOrg> find_in_scope(db::Connection& c, const http::Scope& s, std::int64_t id) {
  Sql sc = party_org_scope(s);
  db::Params p{id};
  append(p, sc.params);
  return one(c.query(std::string("SELECT ") + kCols + kFrom + " WHERE p.id = ? AND " + sc.sql, p));
}

std::optional<PartyOrg> find_by_name(db::Connection& c, std::optional<std::int64_t> parent_id,
                                     const std::string& name) {
  std::string sql = std::string("SELECT ") + kCols + kFrom + " WHERE p.name = ? AND p.dissolved_on IS NULL AND ";
  db::Params p{name};
  if (parent_id) {
    sql += "p.parent_id = ?";
    p.push_back(*parent_id);
  } else {
    sql += "p.parent_id IS NULL";
  }
  return one(c.query(sql + " ORDER BY p.id LIMIT 1", p));
}

std::pair<std::vector<PartyOrg>, std::int64_t> list(db::Connection& c, const http::Scope& s, const ListFilter& f) {
  Sql sc = party_org_scope(s);
  std::string where = " WHERE " + sc.sql;
  db::Params wp = sc.params;
  if (f.parent_id) {
    where += " AND p.parent_id = ?";
    wp.push_back(*f.parent_id);
  }
  if (!f.type.empty()) {
    where += " AND p.type = ?";
    wp.push_back(f.type);
  }
  if (!f.not_type.empty()) {
    where += " AND p.type <> ?";
    wp.push_back(f.not_type);
  }
  if (!f.formation.empty()) {
    where += " AND p.formation = ?";
    wp.push_back(f.formation);
  }
  if (!f.q.empty()) {
    where += " AND instr(p.name, ?) > 0";
    wp.push_back(f.q);
  }
  if (!f.include_dissolved) {
    where += " AND (p.dissolved_on IS NULL OR p.dissolved_on > ?)";
    wp.push_back(f.today);
  }
  const std::int64_t total = c.scalar_int(std::string("SELECT COUNT(*)") + kFrom + where, wp).value_or(0);

  db::Params p{f.today, f.today, f.today};
  append(p, wp);
  std::string sql = std::string("SELECT ") + kCols +
                    ", (SELECT COUNT(*) FROM party_orgs ch WHERE ch.parent_id = p.id "
                    "AND (ch.dissolved_on IS NULL OR ch.dissolved_on > ?)) AS children"
                    ", (SELECT COUNT(DISTINCT cv.org_id) FROM coverage cv WHERE cv.party_org_id = p.id "
                    "AND cv.valid_from <= ? AND (cv.valid_to IS NULL OR cv.valid_to > ?)) AS covered" +
                    kFrom + where + " ORDER BY p.path";
  if (f.size > 0) {
    sql += " LIMIT ? OFFSET ?";
    p.push_back(f.size);
    p.push_back((f.page - 1) * f.size);
  }
  auto r = c.query(sql, p);
  std::vector<PartyOrg> out;
  out.reserve(r.size());
  for (std::size_t k = 0; k < r.size(); ++k) {
    PartyOrg o = from_row(r, k);
    o.children = r.i(k, 21);
    o.covered_orgs = r.i(k, 22);
    out.push_back(std::move(o));
  }
  return {std::move(out), total};
}

std::int64_t insert(db::Connection& c, const PartyOrg& p, const std::string& parent_path) {
  const std::string now = core::now_iso();
  const std::int64_t id =
      c.query(
           "INSERT INTO party_orgs (parent_id, name, type, role, formation, temporary, end_date, area_id, founded_on, "
           "term_start, term_years, weak, declared_members, declared_full_members, path, created_at, updated_at) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?) RETURNING id",
           {v(p.parent_id), p.name, p.type, v(p.role), v(p.formation), std::int64_t{p.temporary}, v(p.end_date),
            v(p.area_id), p.founded_on, v(p.term_start), v(p.term_years), std::int64_t{p.weak}, v(p.declared_members),
            v(p.declared_full_members), now, now})
          .i(0, 0);
  c.exec("UPDATE party_orgs SET path = ? WHERE id = ?", {db::child_path(parent_path, id), id});
  return id;
}

void update(db::Connection& c, const PartyOrg& p) {
  c.exec(
      "UPDATE party_orgs SET name = ?, type = ?, role = ?, formation = ?, temporary = ?, end_date = ?, area_id = ?, "
      "founded_on = ?, term_start = ?, term_years = ?, weak = ?, declared_members = ?, declared_full_members = ?, "
      "updated_at = ? WHERE id = ?",
      {p.name, p.type, v(p.role), v(p.formation), std::int64_t{p.temporary}, v(p.end_date), v(p.area_id),
       p.founded_on, v(p.term_start), v(p.term_years), std::int64_t{p.weak}, v(p.declared_members),
       v(p.declared_full_members), core::now_iso(), p.id});
}

void move_subtree(db::Connection& c, std::int64_t id, std::optional<std::int64_t> new_parent,
                  const std::string& old_path, const std::string& new_path) {
  const std::string now = core::now_iso();
  c.exec("UPDATE party_orgs SET parent_id = ?, updated_at = ? WHERE id = ?", {v(new_parent), now, id});
  // The node and all its descendants: swap the old prefix for the new one.
  auto [lo, hi] = db::subtree_range(old_path);
  c.exec(
      "UPDATE party_orgs SET path = CAST(? AS TEXT) || substr(path, CAST(? AS INTEGER)), updated_at = ? "
      "WHERE path >= ? AND path < ?",
      {new_path, static_cast<std::int64_t>(old_path.size() + 1), now, lo, hi});
}

void set_dissolved(db::Connection& c, std::int64_t id, const std::string& d) {
  c.exec("UPDATE party_orgs SET dissolved_on = ?, updated_at = ? WHERE id = ?", {d, core::now_iso(), id});
}

std::vector<std::string> live_child_types(db::Connection& c, std::int64_t id, const std::string& d) {
  db::Rows r = d.empty()
                   ? c.query("SELECT type FROM party_orgs WHERE parent_id = ? AND dissolved_on IS NULL", {id})
                   : c.query("SELECT type FROM party_orgs WHERE parent_id = ? AND (dissolved_on IS NULL OR "
                             "dissolved_on > ?)",
                             {id, d});
  std::vector<std::string> out;
  for (std::size_t k = 0; k < r.size(); ++k) out.push_back(r.s(k, 0));
  return out;
}

}  // namespace lx::partyorg::repo
