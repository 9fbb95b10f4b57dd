#include "modules/stats/service.hpp"

#include <boost/json.hpp>
#include <charconv>

#include "core/rate.hpp"
#include "db/tree.hpp"
#include "modules/census/rules.hpp"
#include "modules/census/service.hpp"
#include "modules/partyorg/rules.hpp"
#include "modules/partyorg/service.hpp"
#include "modules/stats/internal.hpp"
#include "modules/stats/repo.hpp"

namespace lx::stats {
namespace json = boost::json;
using K = http::Scope::Kind;

namespace detail {

json::value scope_json(const http::Scope& s) {
  if (s.kind == K::all) return json::object{{"type", "all"}, {"id", nullptr}, {"name", "全区"}};
  return json::object{{"type", s.kind == K::area ? "area" : "party_org"}, {"id", s.id}, {"name", s.name}};
}

std::string scope_title(const http::Scope& s) { return s.kind == K::all ? "全区" : s.name; }

std::string stale_cutoff(db::Connection& c, core::Date d) {
  return core::to_iso(core::add_months(d, -census::stale_months(c)));
}

// R-ORG-5: party orgs existing on d whose term has ended by d (overdue re-election).
std::vector<repo::PartyOrgRecord> overdue_reelections(db::Connection& c, const http::Scope& scope, core::Date d,
                                                      const std::string& type, const std::string& formation) {
  const auto settings = partyorg::load_rule_settings(c);
  std::vector<repo::PartyOrgRecord> out;
  for (auto& p : repo::party_org_records(c, scope, "party_orgs", "", core::to_iso(d), type, formation)) {
    if (p.type == "group" || !p.term_start) continue;
    auto start = core::parse_date(*p.term_start);
    if (!start) continue;
    const bool community = p.area_level == "community" || p.area_level == "village";
    int years = p.term_years ? static_cast<int>(*p.term_years) : partyorg::default_term_years(p.type, community, settings);
    if (years <= 0) continue;
    if (partyorg::term_end(*start, years) <= d) out.push_back(std::move(p));
  }
  return out;
}

}  // namespace detail

namespace {

using detail::scope_json;

bool within(const http::Scope& inner, const http::Scope& outer) {
  if (outer.kind == K::all) return true;
  return inner.kind == outer.kind && inner.path.rfind(outer.path, 0) == 0;
}

json::object counts_json(const repo::OrgCounts& oc) {
  return json::object{{"orgs", oc.orgs},
                      {"covered", oc.covered},
                      {"work_reached", oc.work_reached},
                      {"should_build", oc.should_build},
                      {"organisation_coverage_rate", rate_json(oc.covered, oc.orgs)},
                      {"work_coverage_rate", rate_json(oc.work_reached, oc.orgs)}};
}

}  // namespace

Result<http::Scope> resolve_scope(db::Connection& c, const http::Scope& allowed, const std::string& asked) {
  if (asked.empty()) return allowed;
  std::optional<http::Scope> s;
  auto colon = asked.find(':');
  std::string type = colon == std::string::npos ? "" : asked.substr(0, colon);
  if (type == "party_org" || type == "area") {
    std::int64_t id = 0;
    std::string num = asked.substr(colon + 1);
    auto [p, ec] = std::from_chars(num.data(), num.data() + num.size(), id);
    if (ec != std::errc() || p != num.data() + num.size()) return make_error("invalid_scope", "统计范围格式错误", "scope");
    s = repo::scope_of(c, type, id);
  } else if (asked == "all") {
    s = http::Scope{};
  } else {
    auto found = repo::scopes_named(c, asked);
    if (found.size() > 1) return make_error("invalid_scope", "统计范围名称“" + asked + "”不唯一，请用编号指定", "scope");
    if (!found.empty()) s = found.front();
  }
  if (!s) return make_error("not_found", "统计范围不存在", "scope", 404);
  if (!within(*s, allowed)) return make_error("out_of_scope", "所选统计范围超出您的数据范围", "scope", 403);
  return *s;
}

json::object rate_json(std::int64_t numerator, std::int64_t denominator) {
  auto p = core::percent_string(numerator, denominator);
  return json::object{{"numerator", numerator}, {"denominator", denominator}, {"percent", p ? json::value(*p) : nullptr}};
}

json::object org_figures(db::Connection& c, const http::Scope& scope, core::Date d, const repo::OrgNarrows& narrow) {
  const auto oc = repo::org_counts(c, scope, core::to_iso(d), narrow);
  const auto get = [&](const char* f) {
    auto it = oc.covered_by_formation.find(f);
    return it == oc.covered_by_formation.end() ? std::int64_t{0} : it->second;
  };
  json::object by_formation;
  for (const auto& [f, n] : oc.covered_by_formation) by_formation[f] = n;
  const std::int64_t red = oc.covered, yellow = oc.yellow, blue = oc.orgs - oc.covered - oc.yellow;
  return json::object{
      {"orgs", oc.orgs},
      {"covered", oc.covered},
      {"covered_single", get("single")},
      {"covered_joint", get("joint")},
      {"covered_attached", get("attached")},
      {"covered_other", oc.covered - get("single") - get("joint") - get("attached")},
      {"covered_by_formation", by_formation},
      {"work_reached", oc.work_reached},
      {"organisation_coverage_rate", rate_json(oc.covered, oc.orgs)},
      {"work_coverage_rate", rate_json(oc.work_reached, oc.orgs)},
      {"should_build", oc.should_build},
      {"colours", json::object{{"red", red}, {"yellow", yellow}, {"blue", blue}}},
  };
}

json::object coverage(db::Connection& c, const http::Scope& scope, core::Date d) {
  const std::string date = core::to_iso(d);
  json::object out{{"date", date}, {"scope", scope_json(scope)}};
  for (auto& [k, v] : org_figures(c, scope, d)) out[k] = v;
  out["party_orgs"] = repo::party_org_count(c, scope, date);
  out["stale"] = repo::stale_count(c, scope, date, detail::stale_cutoff(c, d));
  out["overdue_reelections"] = static_cast<std::int64_t>(detail::overdue_reelections(c, scope, d).size());
  return out;
}

json::object party_org_growth(db::Connection& c, const http::Scope& scope, core::Date from, core::Date to,
                              const std::string& type) {
  const std::string f = core::to_iso(from), t = core::to_iso(to);
  const std::int64_t n1 = repo::party_org_count(c, scope, f, type), n2 = repo::party_org_count(c, scope, t, type);
  auto g = core::growth_percent(n1, n2);
  return json::object{{"from", f},
                      {"to", t},
                      {"scope", scope_json(scope)},
                      {"type", type.empty() ? json::value(nullptr) : json::value(type)},
                      {"count_from", n1},
                      {"count_to", n2},
                      {"founded", repo::party_orgs_founded(c, scope, f, t, type)},
                      {"dissolved", repo::party_orgs_dissolved(c, scope, f, t, type)},
                      {"growth_rate", json::object{{"from", n1}, {"to", n2}, {"percent", g ? json::value(*g) : nullptr}}}};
}

Result<json::object> breakdown(db::Connection& c, const http::Scope& scope, core::Date d, const std::string& by) {
  const std::string date = core::to_iso(d);
  json::array rows;
  if (by == "area") {
    // A party org's scope reaches orgs through coverage, not through areas: a
    // street's row would count orgs outside it, so the grouping is refused.
    if (scope.kind == K::party_org)
      return make_error("invalid_value", "按党组织范围统计时不能按属地分组，请选择属地范围或其他分组方式", "by");
    for (const auto& a : repo::child_areas(c, scope)) {
      http::Scope s;
      s.kind = K::area;
      s.id = a.id;
      s.name = a.name;
      s.path = a.path;
      json::object row = counts_json(repo::org_counts(c, s, date));
      row["key"] = "area:" + std::to_string(a.id);
      row["filter"] = json::object{{"scope", "area:" + std::to_string(a.id)}};
      row["name"] = a.name;
      row["party_orgs"] = repo::party_org_count(c, s, date);
      rows.push_back(std::move(row));
    }
  } else if (by == "kind" || by == "sub_kind" || by == "industry" || by == "above_scale") {
    for (const auto& [key, oc] : repo::org_counts_by(c, scope, date, by)) {
      json::object row = counts_json(oc);
      // The records of this cell: GET /stats/records?{by}={filter value} ("none": not filled in, key "").
      std::string filter_value = key.empty() ? "none" : key;
      if (by == "above_scale") filter_value = key == "1" ? "true" : "false";
      row["key"] = key;
      row["filter"] = json::object{{by, filter_value}};
      std::string name = key;
      if (by == "kind") name = std::string(census::kind_name(key));
      else if (by == "industry") name = key.empty() ? "未填写" : key + " " + std::string(census::industry_name(key));
      else if (by == "above_scale") name = key == "1" ? "规模以上" : "规模以下";
      if (name.empty()) name = "未填写";
      row["name"] = name;
      rows.push_back(std::move(row));
    }
  } else {
    return make_error("invalid_value", "分组方式须为 area、kind、sub_kind、industry 或 above_scale", "by");
  }
  return json::object{{"date", date}, {"scope", scope_json(scope)}, {"by", by}, {"rows", rows}};
}

json::object party_org_structure(db::Connection& c, const http::Scope& scope, core::Date d) {
  const std::string date = core::to_iso(d);
  json::object by_type, by_formation;
  for (const auto& [key, n] : repo::party_orgs_by_type_formation(c, scope, date)) {
    auto add = [&](json::object& o, const std::string& k) {
      auto it = o.find(k);
      o[k] = (it == o.end() ? 0 : it->value().as_int64()) + n;
    };
    add(by_type, key.first);
    if (!key.second.empty()) add(by_formation, key.second);
  }
  return json::object{{"date", date}, {"scope", scope_json(scope)}, {"by_type", by_type}, {"by_formation", by_formation}};
}

json::object series(db::Connection& c, const http::Scope& scope, core::Date d, int quarters) {
  json::array points;
  // The quarter-ends up to d: the last one is the end of the quarter before
  // d's own, unless d is itself a quarter end; then d itself is appended.
  std::vector<core::Date> ends;
  core::Date q = core::last_day_of_quarter(d) == d ? d : core::add_days(core::first_day_of_quarter(d), -1);
  for (int k = 0; k < quarters; ++k) {
    ends.insert(ends.begin(), q);
    q = core::add_days(core::first_day_of_quarter(q), -1);
  }
  for (const auto& e : ends) {
    const std::string date = core::to_iso(e);
    auto oc = repo::org_counts(c, scope, date);
    points.push_back(json::object{{"date", date},
                                  {"orgs", oc.orgs},
                                  {"covered", oc.covered},
                                  {"party_orgs", repo::party_org_count(c, scope, date)},
                                  {"organisation_coverage_rate", rate_json(oc.covered, oc.orgs)},
                                  {"work_coverage_rate", rate_json(oc.work_reached, oc.orgs)}});
  }
  return json::object{{"scope", scope_json(scope)}, {"points", points}};
}

}  // namespace lx::stats
