#include "app/cli_backup.hpp"

#include <chrono>
#include <iostream>

#include "db/backup.hpp"
#include "db/migrations.hpp"
#include "modules/account/audit.hpp"

namespace lx::app {
namespace {

// Prints the audit verdict of the database at url; true when the chain holds.
bool verify(const std::string& url) {
  auto db = db::Database::open(url, db::Options{.pool_size = 1});
  auto c = db->acquire();
  const auto v = account::verify_audit(*c);
  std::cout << "审计链校验：" << v.message << "\n";
  return v.ok;
}

double since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int cli_backup(const core::Config& cfg, const std::string& file) {
  const auto t0 = std::chrono::steady_clock::now();
  std::cout << db::backup(cfg.db, file) << "，用时 " << since(t0) << " 秒\n";
  std::cout << "提醒：身份证号、电话等个人信息用密钥文件 " << core::key_file_path(cfg)
            << " 加密，请把它与备份分开、同样妥善地保存（没有它无法解密）\n";
  std::cout << "提醒：会议附件存放在目录 " << core::files_dir_path(cfg) << "，请在数据库备份之后一并复制该目录\n";
  return 0;
}

int cli_restore(const core::Config& cfg, const std::string& file) {
  const auto t0 = std::chrono::steady_clock::now();
  std::cout << db::restore(file, cfg.db) << "，用时 " << since(t0) << " 秒\n";
  return verify(cfg.db) ? 0 : 1;
}

int cli_copy(const std::string& from, const std::string& to) {
  const auto t0 = std::chrono::steady_clock::now();
  std::int64_t total = 0;
  auto tables = db::copy(from, to, [&](const std::string& table, std::int64_t rows) {
    std::cout << table << "\t" << rows << "\n";
    total += rows;
  });
  std::cout << "已复制 " << tables.size() << " 张表、" << total << " 行，用时 " << since(t0) << " 秒\n";
  return verify(to) ? 0 : 1;
}

}  // namespace lx::app
