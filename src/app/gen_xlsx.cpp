// `liangxin gen --xlsx FILE --csv FILE --rows N`: the plan's first N orgs as
// a 两新组织台账 with the importer's own column names (census::orgs_spec), as
// an office would fill it in: names of kinds, trades and states, streets and
// communities by name, plain phone numbers. The .csv holds the same rows.
#include <fstream>
#include <map>

#include "app/gen.hpp"
#include "io/xlsx_writer.hpp"
#include "modules/census/ledger.hpp"
#include "modules/census/rules.hpp"

namespace lx::app {
namespace {

std::string csv_field(const io::OutputValue& v) {
  std::string s;
  if (auto p = std::get_if<std::string>(&v)) s = *p;
  else if (auto i = std::get_if<std::int64_t>(&v)) s = std::to_string(*i);
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char ch : s) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + "\"";
}

}  // namespace

Status write_orgs_ledger(const gen::Plan& plan, std::int64_t rows, const std::string& xlsx, const std::string& csv) {
  if (rows > static_cast<std::int64_t>(plan.orgs.size()))
    return make_error("invalid_value", "--rows " + std::to_string(rows) + " 超过该规模的两新组织数（" +
                                           std::to_string(plan.orgs.size()) + "），请选更大的 --scale");
  using F = io::ColumnFormat;
  io::OutputSheet sheet{"两新组织台账", "", {}, {}};
  for (const auto& c : census::orgs_spec().columns)
    sheet.columns.push_back({c.name, c.type == io::CellType::date      ? F::date
                                     : c.type == io::CellType::integer ? F::integer
                                                                       : F::text,
                             0});
  std::map<std::int64_t, const gen::Area*> areas;
  for (const auto& a : plan.areas) areas[a.id] = &a;
  const auto text = [](const std::string& s) { return s.empty() ? io::OutputValue{} : io::OutputValue(s); };
  sheet.rows.reserve(static_cast<std::size_t>(rows));
  for (std::int64_t k = 0; k < rows; ++k) {
    const gen::Org& o = plan.orgs[static_cast<std::size_t>(k)];
    const gen::Area* a = areas.at(o.area_id);
    const gen::Area* street = a->level == "community" ? areas.at(a->parent_id) : a;
    sheet.rows.push_back({
        o.name,
        o.uscc,
        std::string(census::kind_name(o.kind)),
        text(o.sub_kind),
        o.industry.empty() ? io::OutputValue{} : io::OutputValue(std::string(census::industry_name(o.industry))),
        street->name,
        a->level == "community" ? io::OutputValue(a->name) : io::OutputValue{},
        text(o.address),
        text(o.registered_on),
        std::string(census::operating_status_name(o.status)),
        text(o.closed_on),
        o.workforce,
        o.declared < 0 ? io::OutputValue{} : io::OutputValue(std::int64_t{o.declared}),
        std::string(o.above_scale ? "是" : "否"),
        text(o.principal),
        o.principal_member < 0 ? io::OutputValue{} : io::OutputValue(std::string(o.principal_member ? "是" : "否")),
        text(o.reason),
        text(o.contact_name),
        text(o.phone),
        text(o.verified_on),
    });
  }
  if (!xlsx.empty())
    if (auto st = io::write_xlsx_file({sheet}, xlsx); !st) return st;
  if (!csv.empty()) {
    std::ofstream out(csv, std::ios::binary);
    if (!out) return make_error("write_failed", "无法写入 " + csv);
    for (std::size_t c = 0; c < sheet.columns.size(); ++c) out << (c ? "," : "") << sheet.columns[c].header;
    out << "\n";
    for (const auto& row : sheet.rows) {
      for (std::size_t c = 0; c < sheet.columns.size(); ++c) out << (c ? "," : "") << csv_field(c < row.size() ? row[c] : io::OutputValue{});
      out << "\n";
    }
    if (!out) return make_error("write_failed", "无法写入 " + csv);
  }
  return {};
}

}  // namespace lx::app
