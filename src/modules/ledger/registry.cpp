#include "modules/ledger/registry.hpp"

#include <boost/json.hpp>
#include <algorithm>

#include "io/csv_reader.hpp"
#include "io/xlsx_reader.hpp"
#include "modules/census/ledger.hpp"
#include "modules/member/ledger.hpp"
#include "modules/partyorg/ledger.hpp"

namespace lx::ledger {

boost::json::object report_json(const Report& r) {
  boost::json::array errors;
  for (const auto& p : r.errors)
    errors.push_back(boost::json::object{{"row", p.row}, {"column", p.column}, {"value", p.value}, {"reason", p.reason}});
  return boost::json::object{{"rows", r.rows}, {"inserted", r.inserted}, {"updated", r.updated}, {"errors", errors}};
}

const std::vector<Def>& all() {
  static const std::vector<Def> defs = {
      {"orgs", "两新组织台账", "census.read", census::orgs_spec, census::import_orgs, census::export_orgs,
       census::orgs_template, false, "census.import"},
      {"party-orgs", "党组织台账", "partyorg.read", partyorg::party_orgs_spec, partyorg::import_party_orgs,
       partyorg::export_party_orgs, partyorg::party_orgs_template, false, "census.import"},
      {"assignments", "指导员与联络员台账", "partyorg.read", partyorg::assignments_spec, partyorg::import_assignments,
       partyorg::export_assignments, partyorg::assignments_template, false, "census.import"},
      {"mass-orgs", "群团组织台账", "partyorg.read", partyorg::mass_orgs_spec, partyorg::import_mass_orgs,
       partyorg::export_mass_orgs, partyorg::mass_orgs_template, false, "census.import"},
      {"members", "党员台账", "member.read", member::members_spec, member::import_members, member::export_members,
       member::members_template, true, "member.import"},
  };
  return defs;
}

const Def* find(std::string_view name) {
  for (const auto& d : all())
    if (d.name == name) return &d;
  return nullptr;
}

Result<Parsed> parse(const Def& def, std::string_view bytes) {
  if (bytes.empty()) return make_error("empty_file", "文件是空的，请选择要导入的 .xlsx 或 .csv 文件");
  const bool xlsx = bytes.size() >= 2 && bytes[0] == 'P' && bytes[1] == 'K';
  if (!xlsx && bytes.size() >= 8 && static_cast<unsigned char>(bytes[0]) == 0xD0 &&
      static_cast<unsigned char>(bytes[1]) == 0xCF)
    return make_error("invalid_xlsx", "这是旧版 Excel（.xls）文件，请在 Excel 或 WPS 中另存为 .xlsx 后再导入");
  auto sheet = xlsx ? io::read_xlsx(bytes) : io::read_csv(bytes);
  if (!sheet) return sheet.error();
  Parsed p{std::move(*sheet), {}};
  p.ledger = io::read_ledger(p.sheet, def.spec());
  return p;
}

Report dry_run(db::Connection& c, const Who& who, const Def& def, const Parsed& p) {
  return def.run(c, who, p.ledger, false, {});
}

Report commit(db::Database& db, const Who& who, const Def& def, const Parsed& p, const Progress& progress,
              const std::function<void(db::Connection&, const Report&)>& also) {
  Report out;
  // Progress is written to the jobs row from another connection. SQLite has
  // one writer at a time, so there the rows are first checked outside the
  // transaction (progress while checking) and written without updates; on
  // PostgreSQL the writes themselves report.
  Progress inside = progress;
  if (progress && db.backend() == db::Backend::sqlite) {
    inside = {};
    const auto total = static_cast<std::int64_t>(p.ledger.rows.size());
    auto c = db.acquire();
    Report pre = def.run(*c, who, p.ledger, false, [&](std::int64_t done, std::int64_t) {
      progress(std::min(done, total > 0 ? total - 1 : 0), total);
    });
    if (!pre.errors.empty()) return pre;
    progress(total > 0 ? total - 1 : 0, total);
  }
  try {
    db.transaction([&](db::Connection& c) {
      out = def.run(c, who, p.ledger, true, inside);
      if (!out.errors.empty()) {
        out.inserted = out.updated = 0;
        throw db::Rollback{};
      }
      if (also) also(c, out);
    });
  } catch (const db::Rollback&) {
  }
  if (progress && out.errors.empty()) progress(out.rows, out.rows);
  return out;
}

Result<std::string> workbook(const io::OutputSheet& sheet) { return io::write_xlsx({sheet}); }

}  // namespace lx::ledger
