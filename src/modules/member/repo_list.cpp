// Member lists and the scope filter; see repo.hpp.
#include "db/tree.hpp"
#include "modules/member/repo.hpp"
#include "modules/member/sql.hpp"
#include "modules/partyorg/repo.hpp"

namespace lx::member::repo {
namespace {

void append(db::Params& to, const db::Params& from) { to.insert(to.end(), from.begin(), from.end()); }

// The latest membership of person pe.
constexpr const char* kLatest = "m.id = (SELECT MAX(m2.id) FROM memberships m2 WHERE m2.person_id = pe.id)";

// LIKE pattern for a fragment: % and _ taken literally.
std::string like_pattern(const std::string& s) {
  std::string out = "%";
  for (char ch : s) {
    if (ch == '%' || ch == '_' || ch == '\\') out += '\\';
    out += ch;
  }
  return out + "%";
}

std::string order_by(const ListFilter& f) {
  const std::string dir = f.desc ? " DESC" : "";
  if (f.sort == "name") return "pe.name_sort" + dir + ", pe.id";
  if (f.sort == "admitted_on") return "m.admitted_on" + dir + ", pe.id";
  if (f.sort == "birth_date") return "pe.birth_date" + dir + ", pe.id";
  if (f.sort == "id") return "pe.id" + dir;
  return "p.path" + dir + ", pe.name_sort, pe.id";   // party_org
}

}  // namespace

Sql member_scope(const http::Scope& s) {
  auto sc = partyorg::repo::party_org_scope(s, "p");
  return {sc.sql, sc.params};
}

bool person_in_scope(db::Connection& c, const http::Scope& s, std::int64_t person_id) {
  Sql sc = member_scope(s);
  db::Params p{person_id};
  append(p, sc.params);
  return c
      .scalar_int(std::string("SELECT COUNT(*) FROM persons pe JOIN memberships m ON m.person_id = pe.id AND ") +
                      kLatest + " JOIN party_orgs p ON p.id = m.party_org_id WHERE pe.id = ? AND " + sc.sql,
                  p)
      .value_or(0) > 0;
}

std::pair<std::vector<MemberRow>, std::int64_t> list(db::Connection& c, const http::Scope& s, const ListFilter& f) {
  Sql sc = member_scope(s);
  std::string where = " WHERE " + sc.sql;
  db::Params p = sc.params;
  if (!f.include_ended) where += " AND m.valid_to IS NULL";
  if (!f.name.empty()) {
    where += " AND pe.name LIKE ? ESCAPE '\\'";
    p.push_back(like_pattern(f.name));
  }
  if (!f.id_hash.empty()) {
    where += " AND pe.id_number_hash = ?";
    p.push_back(f.id_hash);
  }
  const auto eq = [&](const char* col, const std::string& val) {
    if (val.empty()) return;
    where += std::string(" AND ") + col + " = ?";
    p.push_back(val);
  };
  eq("m.status", f.status);
  eq("pe.education", f.education);
  eq("pe.gender", f.gender);
  eq("pe.ethnicity", f.ethnicity);
  if (f.party_org_id) {
    where += " AND p.path >= (SELECT path FROM party_orgs WHERE id = ?) AND p.path < (SELECT path FROM party_orgs "
             "WHERE id = ?) || '~'";
    p.push_back(*f.party_org_id);
    p.push_back(*f.party_org_id);
  }
  if (f.mobile) {
    where += " AND pe.mobile = ?";
    p.push_back(std::int64_t{*f.mobile ? 1 : 0});
  }
  if (f.born_after) {
    where += " AND pe.birth_date > ?";
    p.push_back(*f.born_after);
  }
  if (f.born_on_or_before) {
    where += " AND pe.birth_date <= ?";
    p.push_back(*f.born_on_or_before);
  }
  const std::string from = std::string(" FROM persons pe JOIN memberships m ON m.person_id = pe.id AND ") + kLatest +
                           " JOIN party_orgs p ON p.id = m.party_org_id LEFT JOIN orgs o ON o.id = pe.workplace_org_id";
  const std::int64_t total = c.scalar_int("SELECT COUNT(*)" + from + where, p).value_or(0);
  std::string sql = std::string("SELECT ") + person_cols() + ", " + membership_cols() + from + where + " ORDER BY " +
                    order_by(f);
  if (f.size > 0) {
    sql += " LIMIT ? OFFSET ?";
    p.push_back(f.size);
    p.push_back((f.page - 1) * f.size);
  }
  auto r = c.query(sql, p);
  std::vector<MemberRow> out;
  for (std::size_t k = 0; k < r.size(); ++k) out.push_back({person_from(r, k, 0), membership_from(r, k, 13)});
  return {std::move(out), total};
}

std::vector<MemberRow> full_members_on(db::Connection& c, std::int64_t party_org_id, const std::string& d) {
  auto r = c.query(std::string("SELECT ") + person_cols() + ", " + membership_cols() +
                       " FROM persons pe JOIN memberships m ON m.person_id = pe.id JOIN party_orgs p ON p.id = "
                       "m.party_org_id LEFT JOIN orgs o ON o.id = pe.workplace_org_id WHERE m.party_org_id = ? AND "
                       "m.valid_from <= ? AND (m.valid_to IS NULL OR m.valid_to > ?) AND " +
                       sql::kFullOn + " ORDER BY pe.name_sort, pe.id",
                   {party_org_id, d, d, d});
  std::vector<MemberRow> out;
  for (std::size_t k = 0; k < r.size(); ++k) out.push_back({person_from(r, k, 0), membership_from(r, k, 13)});
  return out;
}

std::vector<MemberRow> members_on(db::Connection& c, std::int64_t party_org_id, const std::string& d) {
  auto r = c.query(std::string("SELECT ") + person_cols() + ", " + membership_cols() +
                       " FROM persons pe JOIN memberships m ON m.person_id = pe.id JOIN party_orgs p ON p.id = "
                       "m.party_org_id LEFT JOIN orgs o ON o.id = pe.workplace_org_id WHERE m.party_org_id = ? AND "
                       "m.valid_from <= ? AND (m.valid_to IS NULL OR m.valid_to > ?) ORDER BY pe.name_sort, pe.id",
                   {party_org_id, d, d});
  std::vector<MemberRow> out;
  for (std::size_t k = 0; k < r.size(); ++k) out.push_back({person_from(r, k, 0), membership_from(r, k, 13)});
  return out;
}

std::vector<Membership> memberships_in(db::Connection& c, std::int64_t party_org_id) {
  auto r = c.query(std::string("SELECT ") + membership_cols() +
                       " FROM memberships m JOIN party_orgs p ON p.id = m.party_org_id WHERE m.party_org_id = ? "
                       "ORDER BY m.valid_from, m.id",
                   {party_org_id});
  std::vector<Membership> out;
  for (std::size_t k = 0; k < r.size(); ++k) out.push_back(membership_from(r, k, 0));
  return out;
}

}  // namespace lx::member::repo
