// The summary sentences of the report (docs/statistics.md "Summary
// sentences"): the wording is fixed here, every number comes from the same
// figure functions as GET /api/v1/stats/coverage.
#include <boost/json.hpp>

#include "modules/census/rules.hpp"
#include "modules/partyorg/rules.hpp"
#include "modules/stats/internal.hpp"
#include "modules/stats/service.hpp"

namespace lx::stats {
namespace json = boost::json;

namespace {

std::string n(std::int64_t v) { return std::to_string(v); }
std::int64_t i(const json::object& o, const char* k) { return o.at(k).as_int64(); }

// "69.17%" from a rate object, "—" when its denominator is 0.
std::string pct(const json::value& rate) {
  const auto& p = rate.at("percent");
  return p.is_null() ? "—" : std::string(p.as_string()) + "%";
}

// "（其中单独组建45个、联合组建7个）": single and joint always, the other
// formations when there are any, in the vocabulary's order.
std::string formation_clause(const std::map<std::string, std::int64_t>& by_formation) {
  auto get = [&](const std::string& f) {
    auto it = by_formation.find(f);
    return it == by_formation.end() ? std::int64_t{0} : it->second;
  };
  std::string out = "（其中单独组建" + n(get("single")) + "个、联合组建" + n(get("joint")) + "个";
  for (const auto& w : partyorg::formations())
    if (w.code != "single" && w.code != "joint" && get(std::string(w.code)) > 0)
      out += "、" + std::string(w.zh) + n(get(std::string(w.code))) + "个";
  if (get("") > 0) out += "、未注明组建方式" + n(get("")) + "个";
  return out + "）";
}

// The sentence of one kind of org (非公企业, 社会组织, 新就业群体网点).
std::string kind_sentence(db::Connection& c, const http::Scope& scope, core::Date d, const std::string& lead,
                          const std::string& kind, const json::object& f) {
  const std::string kz(census::kind_name(kind));
  if (i(f, "orgs") == 0) return lead + "共有" + kz + "0家。";
  const auto by_formation = repo::covering_party_orgs_by_formation(c, scope, core::to_iso(d), {{"kind", kind}});
  std::int64_t party_orgs = 0;
  for (const auto& [_, v] : by_formation) party_orgs += v;
  std::string s = lead + "共有" + kz + n(i(f, "orgs")) + "家，已建立党组织" + n(party_orgs) + "个";
  if (party_orgs > 0) s += formation_clause(by_formation);
  s += "，覆盖" + kz + n(i(f, "covered")) + "家，组建率" + pct(f.at("organisation_coverage_rate")) + "；";
  s += "未建立党组织但已选派党建指导员（联络员）或建立群团组织的" + n(f.at("colours").at("yellow").as_int64()) + "家，";
  s += "工作覆盖" + kz + n(i(f, "work_reached")) + "家，工作覆盖率" + pct(f.at("work_coverage_rate")) + "。";
  return s;
}

}  // namespace

std::vector<std::string> summary_sentences(db::Connection& c, const http::Scope& scope, core::Date d) {
  const std::string lead = "截至" + core::to_chinese(d) + "，" + detail::scope_title(scope);
  std::vector<std::string> out;
  std::string kinds_clause;
  for (const auto& k : census::kinds()) {
    const std::string kind(k.code);
    const json::object f = org_figures(c, scope, d, {{"kind", kind}});
    if (kind == "gig_site" && i(f, "orgs") == 0) continue;  // said only where there are gig sites
    out.push_back(kind_sentence(c, scope, d, lead, kind, f));
    kinds_clause += (kinds_clause.empty() ? "" : "、") + std::string(k.name) + n(i(f, "orgs")) + "家";
  }
  const json::object t = coverage(c, scope, d);
  std::string s = lead + "共有两新组织" + n(i(t, "orgs")) + "家（" + kinds_clause + "），现有党组织" +
                  n(i(t, "party_orgs")) + "个，覆盖两新组织" + n(i(t, "covered")) + "家，组织覆盖率" +
                  pct(t.at("organisation_coverage_rate")) + "；工作覆盖" + n(i(t, "work_reached")) + "家，工作覆盖率" +
                  pct(t.at("work_coverage_rate")) + "；应建未建党组织的" + n(i(t, "should_build")) + "家，逾期未换届的党组织" +
                  n(i(t, "overdue_reelections")) + "个。";
  out.push_back(std::move(s));
  return out;
}

json::object summary(db::Connection& c, const http::Scope& scope, core::Date d) {
  json::array sentences;
  for (auto& s : summary_sentences(c, scope, d)) sentences.push_back(json::value(s));
  return json::object{{"date", core::to_iso(d)}, {"scope", detail::scope_json(scope)}, {"sentences", sentences}};
}

}  // namespace lx::stats
