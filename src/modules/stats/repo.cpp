#include "modules/stats/repo.hpp"

#include <algorithm>
#include <set>

#include "db/tree.hpp"
#include "modules/member/sql.hpp"
#include "modules/partyorg/coverage_sql.hpp"

namespace lx::stats::repo {
namespace {

using K = http::Scope::Kind;

struct Sql {
  std::string text;
  db::Params params;
  void add(const std::string& s, const db::Params& p = {}) {
    text += s;
    params.insert(params.end(), p.begin(), p.end());
  }
};

// The org a statistic counts on d: registered on or before d (an unknown
// registration date counts from the day the record was entered) and not
// closed on d.
constexpr const char* kOrgExists =
    "COALESCE(o.registered_on, substr(o.created_at, 1, 10)) <= ? AND (o.closed_on IS NULL OR o.closed_on > ?)";

// Formation precedence: an org covered several times counts once, under its
// best covering party org — single first (STATS.md), then joint, attached, the rest.
constexpr const char* kFormationRank =
    "CASE p.formation WHEN 'single' THEN 1 WHEN 'joint' THEN 2 WHEN 'attached' THEN 3 WHEN 'area_joint' THEN 4 "
    "WHEN 'industry' THEN 5 WHEN 'dispatched' THEN 6 WHEN 'lead_firm' THEN 7 WHEN 'chain' THEN 8 "
    "WHEN 'incubated' THEN 9 ELSE 10 END";
const char* const kRankNames[] = {"",          "single",     "joint",     "attached", "area_joint", "industry",
                                  "dispatched", "lead_firm", "chain",     "incubated", "unspecified"};

// Full members of an org for R-ORG-1 / should-build on the day: member
// records whose workplace is the org; the declared number where none are
// recorded (member::sql::kOrgFullMembers, 5 parameters: the day).
constexpr const char* kFullMembers = member::sql::kOrgFullMembers;

void scope_filter(Sql& q, const http::Scope& scope, const std::string& date) {
  if (scope.kind == K::area) {
    auto [lo, hi] = db::subtree_range(scope.path);
    q.add(" AND o.area_path >= ? AND o.area_path < ?", {lo, hi});
  } else if (scope.kind == K::party_org) {
    auto [lo, hi] = db::subtree_range(scope.path);
    q.add(std::string(" AND o.id IN (") + partyorg::sql::kOrgIdsInPartyOrgSubtree + ")", {lo, hi, date, date, date, date});
  }
}

// WITH base (orgs in scope on d), cov (best covering rank per org), ct (work contacts).
Sql org_ctes(const http::Scope& scope, const std::string& date, const std::string& extra_cols = "",
             const OrgNarrows& narrow = {}) {
  static const std::set<std::string> allowed = {"kind", "sub_kind", "industry", "above_scale"};
  Sql q;
  q.add("WITH base AS (SELECT o.id, " + std::string(kFullMembers) + " AS full_members" + extra_cols +
            " FROM orgs o WHERE " + kOrgExists,
        {date, date, date, date, date, date, date});
  scope_filter(q, scope, date);
  for (const auto& n : narrow) {
    if (!allowed.count(n.column)) throw std::logic_error("org narrow: column not allowed: " + n.column);
    q.add(" AND COALESCE(CAST(o." + n.column + " AS TEXT), '') = ?", {n.value});
  }
  q.add("), cov AS (SELECT c.org_id, MIN(" + std::string(kFormationRank) +
            ") AS best FROM coverage c JOIN party_orgs p ON p.id = c.party_org_id "
            "WHERE c.valid_from <= ? AND (c.valid_to IS NULL OR c.valid_to > ?) "
            "AND p.founded_on <= ? AND (p.dissolved_on IS NULL OR p.dissolved_on > ?) GROUP BY c.org_id)",
        {date, date, date, date});
  q.add(std::string(", ct AS (SELECT DISTINCT org_id FROM (") + partyorg::sql::kWorkContactOrgIds + ") w)",
        {date, date, date, date});
  return q;
}

constexpr const char* kCountsSelect =
    "COUNT(*), "
    "SUM(CASE WHEN cov.org_id IS NOT NULL THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN cov.org_id IS NOT NULL OR ct.org_id IS NOT NULL THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN cov.org_id IS NULL AND ct.org_id IS NOT NULL THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN base.full_members >= 3 AND (cov.best IS NULL OR cov.best <> 1) THEN 1 ELSE 0 END)";
constexpr const char* kCountsJoin =
    " FROM base LEFT JOIN cov ON cov.org_id = base.id LEFT JOIN ct ON ct.org_id = base.id";

// The condition on base/cov/ct that selects figure's orgs.
std::string figure_condition(const std::string& figure) {
  if (figure == "orgs") return "1=1";
  if (figure == "covered" || figure == "red") return "cov.org_id IS NOT NULL";
  if (figure == "covered_single") return "cov.best = 1";
  if (figure == "covered_joint") return "cov.best = 2";
  if (figure == "covered_attached") return "cov.best = 3";
  if (figure == "covered_other") return "cov.best >= 4";
  if (figure == "not_covered") return "cov.org_id IS NULL";
  if (figure == "work_reached") return "(cov.org_id IS NOT NULL OR ct.org_id IS NOT NULL)";
  if (figure == "yellow") return "(cov.org_id IS NULL AND ct.org_id IS NOT NULL)";
  if (figure == "blue") return "(cov.org_id IS NULL AND ct.org_id IS NULL)";
  if (figure == "should_build") return "(base.full_members >= 3 AND (cov.best IS NULL OR cov.best <> 1))";
  if (figure == "stale") return "(base.verified_on IS NULL OR base.verified_on < ?)";
  for (int rank = 4; rank <= 10; ++rank)
    if (figure == std::string("covered_") + kRankNames[rank]) return "cov.best = " + std::to_string(rank);
  return "";
}

void party_scope_filter(Sql& q, const http::Scope& scope) {
  if (scope.kind == K::party_org) {
    auto [lo, hi] = db::subtree_range(scope.path);
    q.add(" AND p.path >= ? AND p.path < ?", {lo, hi});
  } else if (scope.kind == K::area) {
    auto [lo, hi] = db::subtree_range(scope.path);
    q.add(" AND p.area_id IN (SELECT id FROM areas WHERE path >= ? AND path < ?)", {lo, hi});
  }
}

void type_filter(Sql& q, const std::string& type, const std::string& formation = "") {
  if (!type.empty()) q.add(" AND p.type = ?", {type});
  if (!formation.empty()) q.add(" AND p.formation = ?", {formation});
}

}  // namespace

OrgCounts org_counts(db::Connection& c, const http::Scope& scope, const std::string& date,
                     const OrgNarrows& narrow) {
  Sql q = org_ctes(scope, date, "", narrow);
  q.add(std::string(" SELECT ") + kCountsSelect + kCountsJoin);
  auto r = c.query(q.text, q.params);
  OrgCounts out;
  out.orgs = r.i(0, 0);
  out.covered = r.i(0, 1);
  out.work_reached = r.i(0, 2);
  out.yellow = r.i(0, 3);
  out.should_build = r.i(0, 4);
  Sql f = org_ctes(scope, date, "", narrow);
  f.add(" SELECT cov.best, COUNT(*) FROM base JOIN cov ON cov.org_id = base.id GROUP BY cov.best");
  auto fr = c.query(f.text, f.params);
  for (std::size_t k = 0; k < fr.size(); ++k) {
    auto rank = fr.i(k, 0);
    out.covered_by_formation[kRankNames[rank >= 1 && rank <= 10 ? rank : 10]] += fr.i(k, 1);
  }
  return out;
}

std::map<std::string, OrgCounts> org_counts_by(db::Connection& c, const http::Scope& scope, const std::string& date,
                                               const std::string& column) {
  static const std::set<std::string> allowed = {"kind", "sub_kind", "industry", "above_scale"};
  if (!allowed.count(column)) throw std::logic_error("org_counts_by: column not allowed: " + column);
  Sql q = org_ctes(scope, date, ", COALESCE(CAST(o." + column + " AS TEXT), '') AS g");
  q.add(std::string(" SELECT base.g, ") + kCountsSelect + kCountsJoin + " GROUP BY base.g ORDER BY base.g");
  auto r = c.query(q.text, q.params);
  std::map<std::string, OrgCounts> out;
  for (std::size_t k = 0; k < r.size(); ++k) {
    OrgCounts& oc = out[r.s(k, 0)];
    oc.orgs = r.i(k, 1);
    oc.covered = r.i(k, 2);
    oc.work_reached = r.i(k, 3);
    oc.yellow = r.i(k, 4);
    oc.should_build = r.i(k, 5);
  }
  return out;
}

std::int64_t stale_count(db::Connection& c, const http::Scope& scope, const std::string& date,
                         const std::string& cutoff) {
  Sql q;
  q.add(std::string("SELECT COUNT(*) FROM orgs o WHERE ") + kOrgExists, {date, date});
  scope_filter(q, scope, date);
  q.add(" AND (o.verified_on IS NULL OR o.verified_on < ?)", {cutoff});
  return c.scalar_int(q.text, q.params).value_or(0);
}

std::pair<std::vector<OrgRecord>, std::int64_t> org_records(db::Connection& c, const http::Scope& scope,
                                                            const std::string& date, const std::string& figure,
                                                            const std::string& stale_cutoff, std::int64_t page,
                                                            std::int64_t size, const OrgNarrows& narrow) {
  const std::string cond = figure_condition(figure);
  if (cond.empty()) throw std::logic_error("unknown figure " + figure);
  const db::Params cond_params = figure == "stale" ? db::Params{stale_cutoff} : db::Params{};
  Sql count = org_ctes(scope, date, ", o.verified_on", narrow);
  count.add(std::string(" SELECT COUNT(*)") + kCountsJoin + " WHERE " + cond, cond_params);
  const std::int64_t total = c.scalar_int(count.text, count.params).value_or(0);

  if (size <= 0) {  // every row
    page = 1;
    size = std::max<std::int64_t>(total, 1);
  }
  Sql q = org_ctes(scope, date, ", o.verified_on", narrow);
  q.add(
      " SELECT o.id, o.name, o.uscc, o.kind, o.sub_kind, o.industry, a.name, o.declared_members, o.verified_on, "
      "CASE WHEN cov.org_id IS NOT NULL THEN 'red' WHEN ct.org_id IS NOT NULL THEN 'yellow' ELSE 'blue' END" +
          std::string(kCountsJoin) +
          " JOIN orgs o ON o.id = base.id LEFT JOIN areas a ON a.id = o.area_id WHERE " + cond +
          " ORDER BY o.name_sort, o.id LIMIT ? OFFSET ?",
      cond_params);
  q.params.push_back(size);
  q.params.push_back((page - 1) * size);
  auto r = c.query(q.text, q.params);
  std::vector<OrgRecord> out;
  for (std::size_t k = 0; k < r.size(); ++k)
    out.push_back(OrgRecord{r.i(k, 0), r.s(k, 1), r.s(k, 2), r.s(k, 3), r.s(k, 4), r.s(k, 5), r.s(k, 6), r.s(k, 9), "",
                            r.opt_i(k, 7), r.opt_s(k, 8)});
  // The covering party orgs of the page's orgs, in one query.
  if (!out.empty()) {
    std::string in;
    db::Params p = {date, date, date, date};
    for (const auto& o : out) {
      in += in.empty() ? "?" : ", ?";
      p.push_back(o.id);
    }
    auto cr = c.query(
        "SELECT c.org_id, p.name FROM coverage c JOIN party_orgs p ON p.id = c.party_org_id "
        "WHERE c.valid_from <= ? AND (c.valid_to IS NULL OR c.valid_to > ?) AND p.founded_on <= ? "
        "AND (p.dissolved_on IS NULL OR p.dissolved_on > ?) AND c.org_id IN (" + in + ") ORDER BY p.name",
        p);
    for (std::size_t k = 0; k < cr.size(); ++k)
      for (auto& o : out)
        if (o.id == cr.i(k, 0)) o.covered_by += (o.covered_by.empty() ? "" : "、") + cr.s(k, 1);
  }
  return {std::move(out), total};
}

std::map<std::string, std::int64_t> covering_party_orgs_by_formation(db::Connection& c, const http::Scope& scope,
                                                                     const std::string& date, const OrgNarrows& narrow) {
  Sql q = org_ctes(scope, date, "", narrow);
  q.add(" SELECT COALESCE(p.formation, ''), COUNT(DISTINCT p.id) FROM base JOIN coverage c ON c.org_id = base.id "
        "JOIN party_orgs p ON p.id = c.party_org_id WHERE c.valid_from <= ? AND (c.valid_to IS NULL OR c.valid_to > ?) "
        "AND p.founded_on <= ? AND (p.dissolved_on IS NULL OR p.dissolved_on > ?) GROUP BY COALESCE(p.formation, '')",
        {date, date, date, date});
  auto r = c.query(q.text, q.params);
  std::map<std::string, std::int64_t> out;
  for (std::size_t k = 0; k < r.size(); ++k) out[r.s(k, 0)] = r.i(k, 1);
  return out;
}

std::int64_t party_org_count(db::Connection& c, const http::Scope& scope, const std::string& date,
                             const std::string& type, const std::string& formation) {
  Sql q;
  q.add("SELECT COUNT(*) FROM party_orgs p WHERE p.founded_on <= ? AND (p.dissolved_on IS NULL OR p.dissolved_on > ?)",
        {date, date});
  party_scope_filter(q, scope);
  type_filter(q, type, formation);
  return c.scalar_int(q.text, q.params).value_or(0);
}

std::int64_t party_orgs_founded(db::Connection& c, const http::Scope& scope, const std::string& from,
                                const std::string& to, const std::string& type) {
  Sql q;
  q.add("SELECT COUNT(*) FROM party_orgs p WHERE p.founded_on > ? AND p.founded_on <= ?", {from, to});
  party_scope_filter(q, scope);
  type_filter(q, type);
  return c.scalar_int(q.text, q.params).value_or(0);
}

std::int64_t party_orgs_dissolved(db::Connection& c, const http::Scope& scope, const std::string& from,
                                  const std::string& to, const std::string& type) {
  Sql q;
  q.add("SELECT COUNT(*) FROM party_orgs p WHERE p.dissolved_on > ? AND p.dissolved_on <= ? AND p.founded_on <= ?",
        {from, to, from});
  party_scope_filter(q, scope);
  type_filter(q, type);
  return c.scalar_int(q.text, q.params).value_or(0);
}

std::map<std::pair<std::string, std::string>, std::int64_t> party_orgs_by_type_formation(
    db::Connection& c, const http::Scope& scope, const std::string& date) {
  Sql q;
  q.add("SELECT p.type, COALESCE(p.formation, ''), COUNT(*) FROM party_orgs p WHERE p.founded_on <= ? "
        "AND (p.dissolved_on IS NULL OR p.dissolved_on > ?)",
        {date, date});
  party_scope_filter(q, scope);
  q.add(" GROUP BY p.type, COALESCE(p.formation, '')");
  auto r = c.query(q.text, q.params);
  std::map<std::pair<std::string, std::string>, std::int64_t> out;
  for (std::size_t k = 0; k < r.size(); ++k) out[{r.s(k, 0), r.s(k, 1)}] = r.i(k, 2);
  return out;
}

std::vector<PartyOrgRecord> party_org_records(db::Connection& c, const http::Scope& scope, const std::string& kind,
                                              const std::string& from, const std::string& to,
                                              const std::string& type, const std::string& formation) {
  Sql q;
  q.add(
      "SELECT p.id, p.name, p.type, COALESCE(p.formation, ''), p.founded_on, COALESCE(pp.name, ''), "
      "COALESCE(a.level, ''), p.dissolved_on, p.term_start, p.term_years FROM party_orgs p "
      "LEFT JOIN party_orgs pp ON pp.id = p.parent_id LEFT JOIN areas a ON a.id = p.area_id WHERE ");
  if (kind == "founded") q.add("p.founded_on > ? AND p.founded_on <= ?", {from, to});
  else if (kind == "dissolved") q.add("p.dissolved_on > ? AND p.dissolved_on <= ? AND p.founded_on <= ?", {from, to, from});
  else q.add("p.founded_on <= ? AND (p.dissolved_on IS NULL OR p.dissolved_on > ?)", {to, to});
  party_scope_filter(q, scope);
  type_filter(q, type, formation);
  q.add(" ORDER BY p.path");
  auto r = c.query(q.text, q.params);
  std::vector<PartyOrgRecord> out;
  for (std::size_t k = 0; k < r.size(); ++k)
    out.push_back(PartyOrgRecord{r.i(k, 0), r.s(k, 1), r.s(k, 2), r.s(k, 3), r.s(k, 4), r.s(k, 5), r.s(k, 6),
                                 r.opt_s(k, 7), r.opt_s(k, 8), r.opt_i(k, 9)});
  return out;
}

std::vector<AreaNode> child_areas(db::Connection& c, const http::Scope& scope) {
  db::Rows r;
  if (scope.kind == K::area) {
    r = c.query("SELECT id, name, path FROM areas WHERE parent_id = ? ORDER BY code, id", {scope.id});
  } else {
    // The streets of the district (children of the top areas).
    r = c.query(
        "SELECT id, name, path FROM areas WHERE parent_id IN (SELECT id FROM areas WHERE parent_id IS NULL) "
        "ORDER BY code, id");
  }
  std::vector<AreaNode> out;
  for (std::size_t k = 0; k < r.size(); ++k) out.push_back({r.i(k, 0), r.s(k, 1), r.s(k, 2)});
  return out;
}

std::optional<http::Scope> scope_of(db::Connection& c, const std::string& type, std::int64_t id) {
  const char* sql = type == "party_org" ? "SELECT name, path FROM party_orgs WHERE id = ?"
                    : type == "area"    ? "SELECT name, path FROM areas WHERE id = ?"
                                        : nullptr;
  if (!sql) return std::nullopt;
  auto r = c.query(sql, {id});
  if (r.empty()) return std::nullopt;
  http::Scope s;
  s.kind = type == "party_org" ? K::party_org : K::area;
  s.id = id;
  s.name = r.s(0, 0);
  s.path = r.s(0, 1);
  return s;
}

std::vector<http::Scope> scopes_named(db::Connection& c, const std::string& name) {
  std::vector<http::Scope> out;
  for (const char* type : {"party_org", "area"}) {
    auto r = c.query(std::string("SELECT id FROM ") + (std::string(type) == "area" ? "areas" : "party_orgs") +
                         " WHERE name = ?",
                     {name});
    for (std::size_t k = 0; k < r.size(); ++k)
      if (auto s = scope_of(c, type, r.i(k, 0))) out.push_back(*s);
  }
  return out;
}

}  // namespace lx::stats::repo
