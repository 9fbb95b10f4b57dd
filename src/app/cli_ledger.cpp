#include "app/cli_ledger.hpp"

#include <boost/json.hpp>
#include <chrono>
#include <fstream>
#include <iostream>
#include <iterator>

#include "crypto/pii.hpp"
#include "db/migrations.hpp"
#include "modules/account/audit.hpp"
#include "modules/ledger/registry.hpp"

namespace lx::app {
namespace {

const ledger::Def* def_or_complain(const std::string& name) {
  const auto* d = ledger::find(name);
  if (!d) std::cerr << "没有这个台账：" << name << "（可选 orgs、party-orgs、assignments、mass-orgs、members）\n";
  return d;
}

}  // namespace

int cli_import(const core::Config& cfg, const std::string& name, const std::string& file, bool dry_run, bool json) {
  const auto* def = def_or_complain(name);
  if (!def) return 2;
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::cerr << "无法读取文件：" << file << "\n";
    return 1;
  }
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto parsed = ledger::parse(*def, bytes);
  if (!parsed) {
    std::cerr << parsed.error().message << "\n";
    return 2;
  }
  auto db = db::Database::open(cfg.db);
  db::migrate(*db);
  const auto pii = crypto::Pii::load_or_create(core::key_file_path(cfg));
  const ledger::Who who{core::Role::admin, http::Scope{}, &pii};
  const auto t0 = std::chrono::steady_clock::now();
  ledger::Report r;
  if (dry_run) {
    auto c = db->acquire();
    r = ledger::dry_run(*c, who, *def, *parsed);
  } else {
    r = ledger::commit(*db, who, *def, *parsed, {}, [&](db::Connection& c, const ledger::Report& rep) {
      const std::string detail = boost::json::serialize(boost::json::object{
          {"file", file}, {"rows", rep.rows}, {"inserted", rep.inserted}, {"updated", rep.updated}});
      account::append_audit(c, {std::nullopt, "cli", "", "import." + def->name, "ledger:" + def->name, detail});
    });
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (json) {
    std::cout << boost::json::serialize(ledger::report_json(r)) << "\n";
  } else {
    for (const auto& p : r.errors)
      std::cout << "第" << p.row << "行\t" << p.column << "\t" << p.value << "\t" << p.reason << "\n";
    std::cout << def->title << "：" << r.rows << " 行，" << (dry_run || !r.errors.empty() ? "将新增 " : "新增 ")
              << r.inserted << " 条，" << (dry_run || !r.errors.empty() ? "将更新 " : "更新 ") << r.updated << " 条，问题 "
              << r.errors.size() << " 个" << (r.errors.empty() ? "" : "，未写入任何数据") << "（" << secs << " 秒）\n";
  }
  return r.errors.empty() ? 0 : 2;
}

int cli_export(const core::Config& cfg, const std::string& name, const std::string& file, bool template_only) {
  const auto* def = def_or_complain(name);
  if (!def) return 2;
  io::OutputSheet sheet;
  if (template_only) {
    sheet = def->template_sheet();
  } else {
    auto db = db::Database::open(cfg.db);
    db::migrate(*db);
    const auto pii = crypto::Pii::load_or_create(core::key_file_path(cfg));
    {
      auto c = db->acquire();
      sheet = def->export_sheet(*c, ledger::Who{core::Role::admin, http::Scope{}, &pii});
    }
    if (def->personal_data)  // R-ID-4: plain ID numbers or phones leave the database: audited
      db->transaction([&](db::Connection& c) {
        account::append_audit(c, {std::nullopt, "cli", "", "export." + def->name, "ledger:" + def->name,
                                  boost::json::serialize(boost::json::object{{"file", file}})});
      });
  }
  if (auto st = io::write_xlsx_file({sheet}, file); !st) {
    std::cerr << st.error().message << "\n";
    return 1;
  }
  std::cout << "已导出" << def->title << "：" << sheet.rows.size() << " 行 → " << file << "\n";
  return 0;
}

}  // namespace lx::app
