// The quarterly / annual report workbook (季度/年度统计报表): the standard
// tables of a scope on a date, every number from the same figure functions
// as the API, and the summary sentences.
#include <boost/json.hpp>

#include "modules/census/rules.hpp"
#include "modules/partyorg/rules.hpp"
#include "modules/partyorg/service.hpp"
#include "modules/stats/internal.hpp"
#include "modules/stats/service.hpp"

namespace lx::stats {
namespace json = boost::json;

namespace {

using F = io::ColumnFormat;

std::string pct(const json::value& rate) {
  const auto& p = rate.at("percent");
  return p.is_null() ? "—" : std::string(p.as_string()) + "%";
}

std::string title(const std::string& what, const http::Scope& scope, core::Date d) {
  return what + "（统计范围：" + detail::scope_title(scope) + "，截至" + core::to_chinese(d) + "）";
}

std::vector<io::OutputColumn> coverage_columns(const std::string& first) {
  return {{first},          {"两新组织（家）", F::integer}, {"党组织覆盖（家）", F::integer}, {"组织覆盖率"},
          {"工作覆盖（家）", F::integer}, {"工作覆盖率"},      {"应建未建（家）", F::integer}};
}

std::vector<io::OutputValue> coverage_row(const std::string& name, const json::object& r) {
  return {name,
          r.at("orgs").as_int64(),
          r.at("covered").as_int64(),
          pct(r.at("organisation_coverage_rate")),
          r.at("work_reached").as_int64(),
          pct(r.at("work_coverage_rate")),
          r.at("should_build").as_int64()};
}

// Coverage by the rows of a breakdown, with the scope's total underneath.
io::OutputSheet coverage_sheet(db::Connection& c, const http::Scope& scope, core::Date d, const std::string& by,
                               const std::string& name, const std::string& first) {
  io::OutputSheet s{name, title(name, scope, d), coverage_columns(first), {}};
  auto b = breakdown(c, scope, d, by);
  if (b)
    for (const auto& row : b->at("rows").as_array())
      s.rows.push_back(coverage_row(std::string(row.at("name").as_string()), row.as_object()));
  s.rows.push_back(coverage_row("合计", coverage(c, scope, d)));
  return s;
}

// Party orgs on d: one row per type, one column per formation, totals.
io::OutputSheet party_org_sheet(db::Connection& c, const http::Scope& scope, core::Date d) {
  const std::string name = "党组织（按类型和组建方式）";
  io::OutputSheet s{name, title(name, scope, d), {{"党组织类型"}}, {}};
  std::vector<std::string> formations;
  for (const auto& w : partyorg::formations()) {
    formations.emplace_back(w.code);
    s.columns.push_back({std::string(w.zh), F::integer});
  }
  formations.emplace_back("");
  s.columns.push_back({"未注明组建方式", F::integer});
  s.columns.push_back({"合计", F::integer});
  const auto counts = repo::party_orgs_by_type_formation(c, scope, core::to_iso(d));
  std::vector<std::int64_t> column_totals(formations.size() + 1, 0);
  for (const auto& t : partyorg::party_org_types()) {
    std::vector<io::OutputValue> row{std::string(t.zh)};
    std::int64_t sum = 0;
    for (std::size_t k = 0; k < formations.size(); ++k) {
      auto it = counts.find({std::string(t.code), formations[k]});
      const std::int64_t n = it == counts.end() ? 0 : it->second;
      row.emplace_back(n);
      sum += n;
      column_totals[k] += n;
    }
    row.emplace_back(sum);
    column_totals.back() += sum;
    s.rows.push_back(std::move(row));
  }
  std::vector<io::OutputValue> total{std::string("合计")};
  for (auto n : column_totals) total.emplace_back(n);
  s.rows.push_back(std::move(total));
  return s;
}

io::OutputSheet assignments_sheet(db::Connection& c, core::Role role, const http::Scope& scope, core::Date d) {
  const std::string name = "党建指导员和联络员";
  io::OutputSheet s{name,
                    title(name, scope, d),
                    {{"序号", F::integer}, {"姓名"}, {"身份"}, {"联系电话"}, {"派驻组织"}, {"开始日期", F::date},
                     {"结束日期", F::date}},
                    {}};
  partyorg::repo::WorkFilter f;
  f.today = core::to_iso(d);
  auto list = partyorg::list_assignments(c, partyorg::Actor{role, scope}, f);
  if (!list) return s;
  std::int64_t k = 0;
  for (const auto& a : *list)
    s.rows.push_back({++k, a.person_name, std::string(partyorg::assignment_role_name(a.role)), a.phone_mask,
                      a.org_name, a.valid_from, a.valid_to ? io::OutputValue(*a.valid_to) : io::OutputValue()});
  return s;
}

}  // namespace

std::vector<io::OutputSheet> report_sheets(db::Connection& c, core::Role role, const http::Scope& scope, core::Date d,
                                           const std::function<void(int, int)>& progress) {
  constexpr int kSteps = 6;
  std::vector<io::OutputSheet> out;
  auto step = [&](io::OutputSheet s) {
    out.push_back(std::move(s));
    if (progress) progress(static_cast<int>(out.size()), kSteps);
  };
  step(coverage_sheet(c, scope, d, "area", "覆盖情况（按区域）", "区域"));
  step(coverage_sheet(c, scope, d, "kind", "覆盖情况（按组织类别）", "组织类别"));
  step(party_org_sheet(c, scope, d));
  auto should_build = records_sheet(c, scope, d, "should_build", "", {});
  io::OutputSheet sb = should_build ? std::move(*should_build) : io::OutputSheet{};
  sb.name = "应建未建名单";
  step(std::move(sb));
  step(assignments_sheet(c, role, scope, d));
  io::OutputSheet words{"汇总说明", title("汇总说明", scope, d), {{"序号", F::integer}, {"说明", F::text, 120}}, {}};
  std::int64_t k = 0;
  for (auto& sentence : summary_sentences(c, scope, d)) words.rows.push_back({++k, std::move(sentence)});
  step(std::move(words));
  return out;
}

std::string report_filename(const http::Scope& scope, core::Date d) {
  return "统计报表-" + detail::scope_title(scope) + "-" + core::to_iso(d) + ".xlsx";
}

}  // namespace lx::stats
