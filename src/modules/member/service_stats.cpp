// Member figures (STATS.md "Members"): structure on a day, flows in a
// period, the records behind each figure, and orgs with unregistered
// members. Every count is one SQL query; the records of a figure are the
// rows of the same condition, so a figure drills down to exactly its records.
#include <boost/json.hpp>

#include "http/json.hpp"
#include "modules/member/rules.hpp"
#include "modules/member/service.hpp"
#include "modules/member/sql.hpp"
#include "modules/partyorg/repo.hpp"
#include "modules/stats/service.hpp"

namespace lx::member {
namespace {

namespace json = boost::json;
using K = http::Scope::Kind;

struct Cond {
  std::string name, sql;
  db::Params params;
};

void append(db::Params& to, const db::Params& from) { to.insert(to.end(), from.begin(), from.end()); }

json::value scope_json(const http::Scope& s) {
  if (s.kind == K::all) return json::object{{"type", "all"}, {"id", nullptr}, {"name", "全区"}};
  return json::object{{"type", s.kind == K::area ? "area" : "party_org"}, {"id", s.id}, {"name", s.name}};
}

// The structure figures on d, each a condition over m (membership), pe (person).
std::vector<Cond> structure_conds(const std::string& d) {
  std::vector<Cond> out;
  out.push_back({"members", "1=1", {}});
  out.push_back({"full", sql::kFullOn, {d}});
  out.push_back({"probationary", std::string("NOT ") + sql::kFullOn, {d}});
  out.push_back({"male", "pe.gender = 'male'", {}});
  out.push_back({"female", "pe.gender = 'female'", {}});
  out.push_back({"han", "pe.ethnicity = '汉族'", {}});
  out.push_back({"minority", "pe.ethnicity IS NOT NULL AND pe.ethnicity <> '汉族'", {}});
  out.push_back({"ethnicity_unknown", "pe.ethnicity IS NULL", {}});
  for (const auto& e : education_codes()) out.push_back({"edu_" + e, "pe.education = '" + e + "'", {}});
  out.push_back({"edu_unknown", "pe.education IS NULL", {}});
  out.push_back({"bachelor_or_above", "pe.education IN ('postgraduate', 'bachelor')", {}});
  out.push_back({"college_or_above", "pe.education IN ('postgraduate', 'bachelor', 'college')", {}});
  const core::Date day = *core::parse_date(d);
  for (const auto& band : age_bands()) {
    auto r = *age_band_range(band, day);
    Cond c{"age_" + band, "1=1", {}};
    if (r.born_after) {
      c.sql += " AND pe.birth_date > ?";
      c.params.push_back(core::to_iso(*r.born_after));
    }
    if (r.born_on_or_before) {
      c.sql += " AND pe.birth_date <= ?";
      c.params.push_back(core::to_iso(*r.born_on_or_before));
    }
    out.push_back(std::move(c));
  }
  // Length of membership on d, from the admission date: under 5 years, 5–10, 10–20, 20–30, 30 and more.
  const int edges[] = {5, 10, 20, 30};
  const char* names[] = {"tenure_lt5", "tenure_5_10", "tenure_10_20", "tenure_20_30", "tenure_30_plus"};
  for (int k = 0; k < 5; ++k) {
    Cond c{names[k], "1=1", {}};
    if (k < 4) {   // fewer than edges[k] years: admitted after d − edges[k] years
      c.sql += " AND m.admitted_on > ?";
      c.params.push_back(core::to_iso(core::add_years(day, -edges[k])));
    }
    if (k > 0) {   // at least edges[k-1] years
      c.sql += " AND m.admitted_on <= ?";
      c.params.push_back(core::to_iso(core::add_years(day, -edges[k - 1])));
    }
    out.push_back(std::move(c));
  }
  return out;
}

// Members on d in scope: FROM … WHERE … over m, p, pe.
std::pair<std::string, db::Params> base_on(const http::Scope& scope, const std::string& d) {
  auto sc = partyorg::repo::party_org_scope(scope, "p");
  db::Params p{d, d};
  append(p, sc.params);
  return {" FROM memberships m JOIN party_orgs p ON p.id = m.party_org_id JOIN persons pe ON pe.id = m.person_id "
          "WHERE m.valid_from <= ? AND (m.valid_to IS NULL OR m.valid_to > ?) AND " + sc.sql,
          p};
}

// The flow figures in (from, to]: each a SELECT of (person_id, party_org_id, on_date, other).
std::vector<Cond> flow_queries(const http::Scope& scope, const std::string& from, const std::string& to) {
  std::vector<Cond> out;
  const auto transfers = [&](const char* name, bool in) {
    // In: received by a party org in scope from outside the system or from one outside the scope.
    const std::string here = in ? "pt" : "pf", there = in ? "pf" : "pt";
    auto mine = partyorg::repo::party_org_scope(scope, here);
    auto theirs = partyorg::repo::party_org_scope(scope, there);
    Cond c{name,
           "SELECT t.person_id, " + here + ".id AS party_org_id, t.answered_on AS on_date, COALESCE(t.external_name, " +
               there + ".name) AS other FROM transfers t JOIN party_orgs " + here + " ON " + here + ".id = t." +
               (in ? "to" : "from") + "_party_org_id LEFT JOIN party_orgs " + there + " ON " + there + ".id = t." +
               (in ? "from" : "to") + "_party_org_id WHERE t.status IN ('accepted', 'done') AND t.answered_on > ? "
               "AND t.answered_on <= ? AND " + mine.sql + " AND (t.kind = '" + (in ? "in" : "out") +
               "' OR (t.kind = 'internal' AND NOT (" + theirs.sql + ")))",
           {from, to}};
    append(c.params, mine.params);
    append(c.params, theirs.params);
    out.push_back(std::move(c));
  };
  transfers("transferred_in", true);
  transfers("transferred_out", false);
  auto sc = partyorg::repo::party_org_scope(scope, "p");
  const auto memberships = [&](const char* name, const std::string& date_col, const std::string& cond) {
    Cond c{name,
           "SELECT m.person_id, m.party_org_id, " + date_col + " AS on_date, CAST(NULL AS TEXT) AS other "
           "FROM memberships m JOIN party_orgs p ON p.id = m.party_org_id WHERE " + date_col + " > ? AND " + date_col +
               " <= ? AND " + cond + " AND " + sc.sql,
           {from, to}};
    append(c.params, sc.params);
    out.push_back(std::move(c));
  };
  memberships("admitted", "m.admitted_on", "m.valid_from = m.admitted_on");
  memberships("confirmed", "m.confirmed_on",
              "m.valid_from <= m.confirmed_on AND (m.valid_to IS NULL OR m.valid_to > m.confirmed_on)");
  memberships("deceased", "m.valid_to", "m.end_reason = 'deceased'");
  memberships("left", "m.valid_to", "m.end_reason IN ('left', 'expelled', 'cancelled')");
  return out;
}

std::int64_t count_of(db::Connection& c, const Cond& q) {
  return c.scalar_int("SELECT COUNT(*) FROM (" + q.sql + ") x", q.params).value_or(0);
}

}  // namespace

json::object member_structure(db::Connection& c, const http::Scope& scope, const std::string& d) {
  auto [from, params] = base_on(scope, d);
  const auto conds = structure_conds(d);
  std::string sql = "SELECT ";
  db::Params p;
  for (std::size_t k = 0; k < conds.size(); ++k) {
    sql += (k ? ", " : "") + std::string("COALESCE(SUM(CASE WHEN ") + conds[k].sql + " THEN 1 ELSE 0 END), 0)";
    append(p, conds[k].params);
  }
  append(p, params);
  auto r = c.query(sql + from, p);
  json::object n;
  for (std::size_t k = 0; k < conds.size(); ++k) n[conds[k].name] = r.i(0, k);
  const auto get = [&](const char* k) { return n.at(k).as_int64(); };
  json::object education;
  for (const auto& e : education_codes()) education[e] = get(("edu_" + e).c_str());
  education["unknown"] = get("edu_unknown");
  json::object age;
  for (const auto& b : age_bands()) age[b] = get(("age_" + b).c_str());
  json::object tenure;
  for (const char* t : {"lt5", "5_10", "10_20", "20_30", "30_plus"}) tenure[t] = get(("tenure_" + std::string(t)).c_str());
  json::array by_name;
  auto e = c.query("SELECT pe.ethnicity, COUNT(*)" + from + " AND pe.ethnicity IS NOT NULL GROUP BY pe.ethnicity "
                   "ORDER BY COUNT(*) DESC, pe.ethnicity",
                   params);
  for (std::size_t k = 0; k < e.size(); ++k) by_name.push_back(json::object{{"name", e.s(k, 0)}, {"count", e.i(k, 1)}});
  const std::int64_t total = get("members");
  return json::object{
      {"date", d},
      {"scope", scope_json(scope)},
      {"members", total},
      {"status", json::object{{"full", get("full")}, {"probationary", get("probationary")}}},
      {"gender", json::object{{"male", get("male")}, {"female", get("female")}}},
      {"ethnicity", json::object{{"han", get("han")}, {"minority", get("minority")},
                                 {"unknown", get("ethnicity_unknown")}, {"by_name", std::move(by_name)}}},
      {"education", std::move(education)},
      {"age", std::move(age)},
      {"membership_years", std::move(tenure)},
      {"shares", json::object{{"age_le35", stats::rate_json(get("age_le35"), total)},
                              {"bachelor_or_above", stats::rate_json(get("bachelor_or_above"), total)},
                              {"college_or_above", stats::rate_json(get("college_or_above"), total)},
                              {"female", stats::rate_json(get("female"), total)},
                              {"minority", stats::rate_json(get("minority"), total)}}},
      {"figures", std::move(n)}};
}

json::object member_flows(db::Connection& c, const http::Scope& scope, const std::string& from,
                          const std::string& to) {
  json::object out{{"from", from}, {"to", to}, {"scope", scope_json(scope)}};
  for (const auto& q : flow_queries(scope, from, to)) out[q.name] = count_of(c, q);
  return out;
}

Result<json::object> member_records(db::Connection& c, const http::Scope& scope, const std::string& figure,
                                    const std::string& d, const std::string& from, std::int64_t page,
                                    std::int64_t size) {
  std::optional<Cond> q;
  for (auto& f : flow_queries(scope, from, d))
    if (f.name == figure) q = std::move(f);
  const bool flow = q.has_value();
  if (!q) {
    auto [base, params] = base_on(scope, d);
    for (auto& s : structure_conds(d)) {
      if (s.name != figure) continue;
      Cond x{figure, "SELECT m.person_id, m.party_org_id, m.admitted_on AS on_date, CAST(NULL AS TEXT) AS other" +
                         base + " AND " + s.sql, params};
      append(x.params, s.params);
      q = std::move(x);
    }
  }
  if (!q) return make_error("invalid_value", "没有这个统计项：" + figure, "figure");
  if (flow && from.empty()) return make_error("missing_field", "流动统计需要起始日期 from", "from");
  const std::int64_t total = count_of(c, *q);
  db::Params p = q->params;
  p.push_back(size);
  p.push_back((page - 1) * size);
  auto r = c.query("SELECT x.person_id, pe.name, pe.gender, pe.birth_date, pe.id_number_mask, pe.ethnicity, "
                   "pe.education, x.party_org_id, po.name, x.on_date, x.other FROM (" + q->sql +
                       ") x JOIN persons pe ON pe.id = x.person_id JOIN party_orgs po ON po.id = x.party_org_id "
                       "ORDER BY po.path, pe.name_sort, pe.id LIMIT ? OFFSET ?",
                   p);
  json::array items;
  for (std::size_t k = 0; k < r.size(); ++k)
    items.push_back(json::object{{"id", r.i(k, 0)},
                                 {"name", r.s(k, 1)},
                                 {"gender", r.s(k, 2)},
                                 {"birth_date", r.s(k, 3)},
                                 {"id_number_mask", r.s(k, 4)},
                                 {"ethnicity", http::nullable(r.opt_s(k, 5))},
                                 {"education", http::nullable(r.opt_s(k, 6))},
                                 {"party_org_id", r.i(k, 7)},
                                 {"party_org_name", r.s(k, 8)},
                                 {"date", http::nullable(r.opt_s(k, 9))},
                                 {"other", http::nullable(r.opt_s(k, 10))}});
  return json::object{{"figure", figure}, {"date", d}, {"from", from.empty() ? json::value(nullptr) : json::value(from)},
                      {"scope", scope_json(scope)}, {"items", std::move(items)}, {"total", total},
                      {"page", page}, {"size", size}};
}

std::vector<UnregisteredOrg> unregistered_members(db::Connection& c, const Actor& a) {
  const std::string d = today();
  auto sc = partyorg::repo::org_scope(a.scope, d, "o");
  db::Params p{d, d, d, d, d};
  append(p, sc.params);
  auto r = c.query(std::string("SELECT o.id, o.name, o.uscc, o.declared_members, ") + sql::kOrgRecordedMembers +
                       " AS recorded FROM orgs o WHERE (o.closed_on IS NULL OR o.closed_on > ?) AND "
                       "o.declared_members IS NOT NULL AND o.declared_members > " + sql::kOrgRecordedMembers + " AND " +
                       sc.sql + " ORDER BY o.area_path, o.name_sort, o.id",
                   p);
  std::vector<UnregisteredOrg> out;
  for (std::size_t k = 0; k < r.size(); ++k) out.push_back({r.i(k, 0), r.s(k, 1), r.s(k, 2), r.i(k, 3), r.i(k, 4)});
  return out;
}

}  // namespace lx::member
