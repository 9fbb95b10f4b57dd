// The records behind each figure (drill-down), with the breakdown and
// structure filters, as JSON pages and as an export sheet.
#include <boost/json.hpp>
#include <map>

#include "modules/census/rules.hpp"
#include "modules/partyorg/rules.hpp"
#include "modules/stats/internal.hpp"
#include "modules/stats/service.hpp"

namespace lx::stats {
namespace json = boost::json;

namespace {

const std::map<std::string, std::string>& figure_titles() {
  static const std::map<std::string, std::string> m = {
      {"orgs", "两新组织"},
      {"covered", "已建党组织覆盖的组织（组织覆盖）"},
      {"covered_single", "单独组建覆盖的组织"},
      {"covered_joint", "联合组建覆盖的组织"},
      {"covered_attached", "挂靠组建覆盖的组织"},
      {"covered_other", "其他方式组建覆盖的组织"},
      {"covered_area_joint", "区域联建覆盖的组织"},
      {"covered_industry", "行业统建覆盖的组织"},
      {"covered_dispatched", "驻派帮建覆盖的组织"},
      {"covered_lead_firm", "龙头带建覆盖的组织"},
      {"covered_chain", "链上带建覆盖的组织"},
      {"covered_incubated", "孵化育建覆盖的组织"},
      {"covered_unspecified", "未注明组建方式的党组织覆盖的组织"},
      {"not_covered", "未建党组织覆盖的组织"},
      {"work_reached", "工作覆盖的组织"},
      {"should_build", "应建未建党组织的组织"},
      {"red", "红色组织（已建党组织）"},
      {"yellow", "黄色组织（工作覆盖、未建党组织）"},
      {"blue", "蓝色组织（未覆盖）"},
      {"stale", "普查信息过期的组织"},
      {"party_orgs", "党组织"},
      {"founded", "新成立的党组织"},
      {"dissolved", "撤销的党组织"},
      {"overdue_reelections", "逾期未换届的党组织"},
  };
  return m;
}

repo::OrgNarrows narrows_of(const Filters& f) {
  repo::OrgNarrows n;
  if (f.kind) n.push_back({"kind", *f.kind});
  if (f.sub_kind) n.push_back({"sub_kind", *f.sub_kind});
  if (f.industry) n.push_back({"industry", *f.industry});
  if (f.above_scale) n.push_back({"above_scale", *f.above_scale});
  return n;
}

// "组织类别：社会组织；行业：C 制造业" for a title.
std::string filters_title(const Filters& f) {
  std::string out;
  auto add = [&](const std::string& label, const std::string& value) {
    out += (out.empty() ? "" : "；") + label + "：" + (value.empty() ? "未填写" : value);
  };
  if (f.kind) add("组织类别", std::string(census::kind_name(*f.kind)));
  if (f.sub_kind) add("组织类型", *f.sub_kind);
  if (f.industry) add("行业", f.industry->empty() ? "" : *f.industry + " " + std::string(census::industry_name(*f.industry)));
  if (f.above_scale) add("规模", *f.above_scale == "1" ? "规模以上" : "规模以下");
  if (f.type) add("党组织类型", std::string(partyorg::type_name(*f.type)));
  if (f.formation) add("组建方式", std::string(partyorg::formation_name(*f.formation)));
  return out;
}

json::object filters_json(const Filters& f) {
  json::object o;
  auto put = [&](const char* k, const std::optional<std::string>& v) {
    if (v) o[k] = *v;
  };
  put("kind", f.kind);
  put("sub_kind", f.sub_kind == "" ? std::optional<std::string>("none") : f.sub_kind);
  put("industry", f.industry == "" ? std::optional<std::string>("none") : f.industry);
  if (f.above_scale) o["above_scale"] = *f.above_scale == "1";
  put("type", f.type);
  put("formation", f.formation);
  return o;
}

// The party org records of a figure on d (founded / dissolved: in (from, d]).
Result<std::vector<repo::PartyOrgRecord>> party_org_rows(db::Connection& c, const http::Scope& scope, core::Date d,
                                                         const std::string& figure, const std::string& from,
                                                         const Filters& f) {
  const std::string type = f.type.value_or(""), formation = f.formation.value_or("");
  if (figure == "overdue_reelections") return detail::overdue_reelections(c, scope, d, type, formation);
  if (figure != "party_orgs") {
    auto fd = core::parse_date(from);
    if (!fd) return make_error("invalid_date", "请提供有效的起始日期 from", "from");
    if (d < *fd) return make_error("invalid_date", "截止日期不能早于起始日期", "date");
  }
  return repo::party_org_records(c, scope, figure, from, core::to_iso(d), type, formation);
}

// Refuses a figure the records cannot open, or a filter that does not apply to it.
Status check_figure(const std::string& figure, const Filters& f) {
  if (is_org_figure(figure)) {
    if (f.type) return make_error("invalid_value", "参数 type 只适用于党组织指标（party_orgs 等）", "type");
    if (f.formation) return make_error("invalid_value", "参数 formation 只适用于党组织指标（party_orgs 等）", "formation");
    return {};
  }
  if (is_party_org_figure(figure)) {
    using Entry = std::pair<const char*, const std::optional<std::string>*>;
    const Entry org_filters[] = {{"kind", &f.kind}, {"sub_kind", &f.sub_kind}, {"industry", &f.industry},
                                 {"above_scale", &f.above_scale}};
    for (const auto& [name, v] : org_filters)
      if (*v) return make_error("invalid_value", std::string("参数 ") + name + " 只适用于组织指标（orgs 等）", name);
    return {};
  }
  return make_error("invalid_value", "未知的统计指标：" + figure, "figure");
}

}  // namespace

bool is_org_figure(const std::string& figure) {
  for (const char* f : repo::kOrgFigures)
    if (figure == f) return true;
  return false;
}

bool is_party_org_figure(const std::string& figure) {
  return figure == "party_orgs" || figure == "founded" || figure == "dissolved" || figure == "overdue_reelections";
}

std::string figure_title(const std::string& figure) {
  auto it = figure_titles().find(figure);
  return it == figure_titles().end() ? "" : it->second;
}

Result<Filters> check_filters(const Filters& raw) {
  Filters f = raw;
  if (raw.kind) {
    auto k = census::parse_kind(*raw.kind);
    if (!k) return make_error("invalid_value", "组织类别“" + *raw.kind + "”无效，应为 enterprise、social 或 gig_site", "kind");
    f.kind = *k;
  }
  // "none" (the breakdown key of the unfilled cell) selects the orgs where it is not filled in.
  if (raw.sub_kind == "none") f.sub_kind = "";
  if (raw.industry == "none") f.industry = "";
  if (f.sub_kind && !f.sub_kind->empty()) {
    bool known = false;
    for (const auto& s : census::sub_kinds()) known = known || s.name == *raw.sub_kind;
    if (!known) return make_error("invalid_value", "组织类型“" + *raw.sub_kind + "”不在字典中（如 私营企业、社会团体）", "sub_kind");
  }
  if (f.industry && !f.industry->empty()) {
    auto i = census::parse_industry(*raw.industry);
    if (!i) return make_error("invalid_value", "行业“" + *raw.industry + "”无效，应为国民经济行业门类字母 A–T", "industry");
    f.industry = *i;
  }
  if (raw.above_scale) {
    const std::string& v = *raw.above_scale;
    if (v == "true" || v == "1") f.above_scale = "1";
    else if (v == "false" || v == "0") f.above_scale = "0";
    else return make_error("invalid_value", "above_scale 应为 true 或 false", "above_scale");
  }
  if (raw.type) {
    auto t = partyorg::parse_type(*raw.type);
    if (!t) return make_error("invalid_value", "党组织类型“" + *raw.type + "”无效，应为 committee、general_branch、branch 或 group", "type");
    f.type = *t;
  }
  if (raw.formation) {
    auto m = partyorg::parse_formation(*raw.formation);
    if (!m) return make_error("invalid_value", "组建方式“" + *raw.formation + "”无效（如 single、joint、attached）", "formation");
    f.formation = *m;
  }
  return f;
}

Result<json::object> records(db::Connection& c, const http::Scope& scope, core::Date d, const std::string& figure,
                             const std::string& from, std::int64_t page, std::int64_t size, const Filters& filters) {
  if (auto ok = check_figure(figure, filters); !ok) return ok.error();
  const std::string date = core::to_iso(d);
  json::array items;
  std::int64_t total = 0;
  if (is_org_figure(figure)) {
    auto [rows, n] = repo::org_records(c, scope, date, figure, detail::stale_cutoff(c, d), page, size,
                                       narrows_of(filters));
    total = n;
    for (const auto& r : rows)
      items.push_back(json::object{{"id", r.id},
                                   {"name", r.name},
                                   {"uscc", r.uscc},
                                   {"kind", r.kind},
                                   {"kind_name", census::kind_name(r.kind)},
                                   {"sub_kind", r.sub_kind},
                                   {"industry", r.industry},
                                   {"area_name", r.area_name},
                                   {"declared_members", r.declared_members ? json::value(*r.declared_members) : nullptr},
                                   {"verified_on", r.verified_on ? json::value(*r.verified_on) : nullptr},
                                   {"colour", r.colour},
                                   {"covered_by", r.covered_by}});
  } else {
    auto all = party_org_rows(c, scope, d, figure, from, filters);
    if (!all) return all.error();
    total = static_cast<std::int64_t>(all->size());
    const std::int64_t first = size > 0 ? (page - 1) * size : 0, last = size > 0 ? page * size : total;
    for (std::int64_t k = first; k < total && k < last; ++k) {
      const auto& p = (*all)[static_cast<std::size_t>(k)];
      items.push_back(json::object{{"id", p.id},
                                   {"name", p.name},
                                   {"type", p.type},
                                   {"type_name", partyorg::type_name(p.type)},
                                   {"formation", p.formation},
                                   {"formation_name", partyorg::formation_name(p.formation)},
                                   {"parent_name", p.parent_name},
                                   {"founded_on", p.founded_on},
                                   {"dissolved_on", p.dissolved_on ? json::value(*p.dissolved_on) : nullptr},
                                   {"term_start", p.term_start ? json::value(*p.term_start) : nullptr}});
    }
  }
  return json::object{{"date", date},   {"scope", detail::scope_json(scope)}, {"figure", figure},
                      {"figure_name", figure_title(figure)}, {"filters", filters_json(filters)},
                      {"items", items}, {"total", total}, {"page", page}, {"size", size}};
}

Result<io::OutputSheet> records_sheet(db::Connection& c, const http::Scope& scope, core::Date d,
                                      const std::string& figure, const std::string& from, const Filters& filters) {
  if (auto ok = check_figure(figure, filters); !ok) return ok.error();
  io::OutputSheet sheet;
  sheet.name = "明细";
  std::string title = figure_title(figure);
  if (auto ft = filters_title(filters); !ft.empty()) title += "（" + ft + "）";
  title += "｜统计范围：" + detail::scope_title(scope) + "｜";
  if (figure == "founded" || figure == "dissolved") title += from + " 至 ";
  title += "截至" + core::to_chinese(d);
  sheet.title = title;
  using F = io::ColumnFormat;
  if (is_org_figure(figure)) {
    sheet.columns = {{"序号", F::integer},   {"组织名称"},        {"统一社会信用代码"}, {"组织类别"},
                     {"组织类型"},           {"所属行业"},        {"所属区域"},         {"党员人数（申报）", F::integer},
                     {"最近核实日期", F::date}, {"覆盖颜色"},     {"覆盖党组织"}};
    auto [rows, n] = repo::org_records(c, scope, core::to_iso(d), figure, detail::stale_cutoff(c, d), 1, 0,
                                       narrows_of(filters));
    static const std::map<std::string, std::string> colour_zh = {{"red", "红"}, {"yellow", "黄"}, {"blue", "蓝"}};
    std::int64_t k = 0;
    for (const auto& r : rows) {
      std::string industry = r.industry.empty() ? "" : r.industry + " " + std::string(census::industry_name(r.industry));
      sheet.rows.push_back({++k, r.name, r.uscc, std::string(census::kind_name(r.kind)), r.sub_kind, industry,
                            r.area_name,
                            r.declared_members ? io::OutputValue(*r.declared_members) : io::OutputValue(),
                            r.verified_on ? io::OutputValue(*r.verified_on) : io::OutputValue(),
                            colour_zh.at(r.colour), r.covered_by});
    }
  } else {
    sheet.columns = {{"序号", F::integer}, {"党组织名称"}, {"类型"},           {"组建方式"},          {"上级党组织"},
                     {"成立日期", F::date}, {"撤销日期", F::date}, {"本届开始日期", F::date}};
    auto all = party_org_rows(c, scope, d, figure, from, filters);
    if (!all) return all.error();
    std::int64_t k = 0;
    for (const auto& p : *all)
      sheet.rows.push_back({++k, p.name, std::string(partyorg::type_name(p.type)),
                            std::string(partyorg::formation_name(p.formation)), p.parent_name, p.founded_on,
                            p.dissolved_on ? io::OutputValue(*p.dissolved_on) : io::OutputValue(),
                            p.term_start ? io::OutputValue(*p.term_start) : io::OutputValue()});
  }
  return sheet;
}

}  // namespace lx::stats
