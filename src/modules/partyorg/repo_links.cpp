// Coverage links and committee posts.
#include "core/time.hpp"
#include "modules/partyorg/repo.hpp"

namespace lx::partyorg::repo {
namespace {

db::Value v(const std::optional<std::string>& s) { return s ? db::Value(*s) : db::Value(nullptr); }

// [from, to) overlaps a row's [valid_from, valid_to); rows that never counted
// (valid_to = valid_from) overlap nothing.
std::string overlap_sql(const std::string& to) {
  return std::string(" AND (valid_to IS NULL OR (valid_to > ? AND valid_to > valid_from))") +
         (to.empty() ? "" : " AND valid_from < ?");
}
void overlap_params(db::Params& p, const std::string& from, const std::string& to) {
  p.push_back(from);
  if (!to.empty()) p.push_back(to);
}

constexpr const char* kCoverageCols =
    "c.id, c.org_id, c.party_org_id, c.valid_from, c.valid_to, p.name, p.formation "
    "FROM coverage c JOIN party_orgs p ON p.id = c.party_org_id";

CoverageLink coverage_from(const db::Rows& r, std::size_t k) {
  CoverageLink l;
  l.id = r.i(k, 0);
  l.org_id = r.i(k, 1);
  l.party_org_id = r.i(k, 2);
  l.valid_from = r.s(k, 3);
  l.valid_to = r.opt_s(k, 4);
  l.party_org_name = r.s(k, 5);
  l.party_org_formation = r.opt_s(k, 6);
  return l;
}

// Fills org_name and org_uscc of each link.
void name_links(db::Connection& c, std::vector<CoverageLink>& links) {
  std::vector<std::int64_t> ids;
  for (const auto& l : links) ids.push_back(l.org_id);
  auto briefs = orgs(c, ids);
  for (auto& l : links)
    if (auto it = briefs.find(l.org_id); it != briefs.end()) {
      l.org_name = it->second.name;
      l.org_uscc = it->second.uscc;
    }
}

constexpr const char* kPostCols =
    "id, party_org_id, post, person_name, valid_from, valid_to, person_id FROM committee_posts";

CommitteePost post_from(const db::Rows& r, std::size_t k) {
  CommitteePost p{r.i(k, 0), r.i(k, 1), r.s(k, 2), r.s(k, 3), r.s(k, 4), r.opt_s(k, 5)};
  if (!r.is_null(k, 6)) p.person_id = r.i(k, 6);
  return p;
}

}  // namespace

std::int64_t insert_coverage(db::Connection& c, std::int64_t org_id, std::int64_t party_org_id,
                             const std::string& from) {
  const std::string now = core::now_iso();
  return c
      .query("INSERT INTO coverage (org_id, party_org_id, valid_from, created_at, updated_at) "
             "VALUES (?, ?, ?, ?, ?) RETURNING id",
             {org_id, party_org_id, from, now, now})
      .i(0, 0);
}

std::optional<CoverageLink> find_coverage(db::Connection& c, std::int64_t id) {
  auto r = c.query(std::string("SELECT ") + kCoverageCols + " WHERE c.id = ?", {id});
  if (r.empty()) return std::nullopt;
  std::vector<CoverageLink> one{coverage_from(r, 0)};
  name_links(c, one);
  return one.front();
}

bool coverage_overlaps(db::Connection& c, std::int64_t org_id, std::int64_t party_org_id, const std::string& from,
                       const std::string& to) {
  db::Params p{org_id, party_org_id};
  overlap_params(p, from, to);
  return c.scalar_int("SELECT COUNT(*) FROM coverage WHERE org_id = ? AND party_org_id = ?" + overlap_sql(to), p)
             .value_or(0) > 0;
}

void end_coverage(db::Connection& c, std::int64_t id, const std::string& to) {
  c.exec("UPDATE coverage SET valid_to = ?, updated_at = ? WHERE id = ?", {to, core::now_iso(), id});
}

std::vector<CoverageLink> coverage_of(db::Connection& c, std::int64_t party_org_id, const std::string& on) {
  std::string sql = std::string("SELECT ") + kCoverageCols + " WHERE c.party_org_id = ?";
  db::Params p{party_org_id};
  if (!on.empty()) {
    sql += " AND c.valid_from <= ? AND (c.valid_to IS NULL OR c.valid_to > ?)";
    p.push_back(on);
    p.push_back(on);
  }
  auto r = c.query(sql + " ORDER BY c.valid_from, c.id", p);
  std::vector<CoverageLink> out;
  for (std::size_t k = 0; k < r.size(); ++k) out.push_back(coverage_from(r, k));
  name_links(c, out);
  return out;
}

std::int64_t count_covered(db::Connection& c, std::int64_t party_org_id, const std::string& d) {
  return c
      .scalar_int("SELECT COUNT(DISTINCT org_id) FROM coverage WHERE party_org_id = ? AND valid_from <= ? "
                  "AND (valid_to IS NULL OR valid_to > ?)",
                  {party_org_id, d, d})
      .value_or(0);
}

void end_links_of(db::Connection& c, std::int64_t party_org_id, const std::string& d) {
  const std::string now = core::now_iso();
  for (const char* table : {"coverage", "committee_posts"}) {
    // Open on d: ends on d. Starting on or after d: never counted.
    c.exec(std::string("UPDATE ") + table +
               " SET valid_to = CASE WHEN valid_from < ? THEN ? ELSE valid_from END, updated_at = ? "
               "WHERE party_org_id = ? AND (valid_to IS NULL OR valid_to > ?)",
           {d, d, now, party_org_id, d});
  }
}

std::int64_t insert_post(db::Connection& c, const CommitteePost& p) {
  const std::string now = core::now_iso();
  return c
      .query("INSERT INTO committee_posts (party_org_id, post, person_name, valid_from, valid_to, person_id, "
             "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
             {p.party_org_id, p.post, p.person_name, p.valid_from, v(p.valid_to),
              p.person_id ? db::Value(*p.person_id) : db::Value(), now, now})
      .i(0, 0);
}

std::optional<CommitteePost> find_post(db::Connection& c, std::int64_t id) {
  auto r = c.query(std::string("SELECT ") + kPostCols + " WHERE id = ?", {id});
  if (r.empty()) return std::nullopt;
  return post_from(r, 0);
}

void end_post(db::Connection& c, std::int64_t id, const std::string& to) {
  c.exec("UPDATE committee_posts SET valid_to = ?, updated_at = ? WHERE id = ?", {to, core::now_iso(), id});
}

std::vector<CommitteePost> posts_of(db::Connection& c, std::int64_t party_org_id, const std::string& on) {
  std::string sql = std::string("SELECT ") + kPostCols + " WHERE party_org_id = ?";
  db::Params p{party_org_id};
  if (!on.empty()) {
    sql += " AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)";
    p.push_back(on);
    p.push_back(on);
  }
  // Posts in the order of committee_posts(): secretary first.
  auto r = c.query(sql +
                       " ORDER BY CASE post WHEN 'secretary' THEN 0 WHEN 'deputy_secretary' THEN 1 "
                       "WHEN 'organisation' THEN 2 WHEN 'publicity' THEN 3 WHEN 'discipline' THEN 4 ELSE 5 END, "
                       "valid_from, id",
                   p);
  std::vector<CommitteePost> out;
  for (std::size_t k = 0; k < r.size(); ++k) out.push_back(post_from(r, k));
  return out;
}

bool post_overlaps(db::Connection& c, std::int64_t party_org_id, const std::string& post,
                   const std::optional<std::string>& person, const std::string& from, const std::string& to) {
  std::string sql = "SELECT COUNT(*) FROM committee_posts WHERE party_org_id = ? AND post = ?";
  db::Params p{party_org_id, post};
  if (person) {
    sql += " AND person_name = ?";
    p.push_back(*person);
  }
  overlap_params(p, from, to);
  return c.scalar_int(sql + overlap_sql(to), p).value_or(0) > 0;
}

std::vector<CommitteePost> posts_in_scope(db::Connection& c, const http::Scope& s, const std::string& d) {
  Sql sc = party_org_scope(s);
  db::Params p{d, d};
  p.insert(p.end(), sc.params.begin(), sc.params.end());
  auto r = c.query(
      "SELECT k.id, k.party_org_id, k.post, k.person_name, k.valid_from, k.valid_to, k.person_id "
      "FROM committee_posts k "
      "JOIN party_orgs p ON p.id = k.party_org_id "
      "WHERE k.valid_from <= ? AND (k.valid_to IS NULL OR k.valid_to > ?) AND " +
          sc.sql,
      p);
  std::vector<CommitteePost> out;
  for (std::size_t k = 0; k < r.size(); ++k) out.push_back(post_from(r, k));
  return out;
}

std::vector<CommitteePost> posts_of_person(db::Connection& c, std::int64_t person_id, const std::string& on) {
  auto r = c.query(std::string("SELECT ") + kPostCols +
                       " WHERE person_id = ? AND (valid_to IS NULL OR valid_to > ?) ORDER BY valid_from, id",
                   {person_id, on});
  std::vector<CommitteePost> out;
  for (std::size_t k = 0; k < r.size(); ++k) out.push_back(post_from(r, k));
  return out;
}

void end_posts_of_person(db::Connection& c, std::int64_t person_id, const std::string& to) {
  // A post that would start on or after `to` never held: it ends where it starts.
  c.exec("UPDATE committee_posts SET valid_to = CASE WHEN valid_from < ? THEN ? ELSE valid_from END, updated_at = ? "
         "WHERE person_id = ? AND (valid_to IS NULL OR valid_to > ?)",
         {to, to, core::now_iso(), person_id, to});
}

}  // namespace lx::partyorg::repo
