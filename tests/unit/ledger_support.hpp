// Support for the ledger tests: a fresh migrated SQLite database with a PII
// key beside it and a district (测试区), the ledger fixtures, and one-call
// dry runs and commits as the whole-district admin.
#pragma once
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>

#include "crypto/pii.hpp"
#include "db/database.hpp"
#include "db/migrations.hpp"
#include "modules/census/service.hpp"
#include "modules/ledger/registry.hpp"

namespace lx::ledger::testing {

inline std::string fixture(const std::string& name) {
  const auto path = std::filesystem::path(LX_SOURCE_DIR) / "tests/fixtures/ledger" / name;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("missing fixture " + path.string());
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

class LedgerDb : public ::testing::Test {
 protected:
  void SetUp() override {
    std::mt19937_64 rng(std::random_device{}());
    dir_ = std::filesystem::temp_directory_path() / ("lx-ledger-" + std::to_string(rng() % 1000000000));
    std::filesystem::create_directories(dir_);
    url_ = "sqlite:" + (dir_ / "t.db").string();
    db_ = db::Database::open(url_);
    db::migrate(*db_);
    pii_ = std::make_unique<crypto::Pii>(crypto::Pii::load_or_create((dir_ / "t.db.key").string()));
    db_->transaction([](db::Connection& c) {
      census::AreaInput in;
      in.name = "测试区";
      in.code = "330106";
      if (!census::create_area(c, http::Scope{}, in)) throw std::runtime_error("district");
    });
  }
  void TearDown() override {
    pii_.reset();
    db_.reset();
    std::filesystem::remove_all(dir_);
  }
  Who admin() const { return Who{core::Role::admin, http::Scope{}, pii_.get()}; }
  // Dry run of `bytes` as ledger `name`.
  Report check(const std::string& name, const std::string& bytes, const Who* who = nullptr) {
    auto p = parse(*find(name), bytes);
    EXPECT_TRUE(p.ok()) << (p.ok() ? "" : p.error().message);
    auto c = db_->acquire();
    return dry_run(*c, who ? *who : admin(), *find(name), *p);
  }
  Report import(const std::string& name, const std::string& bytes, const Who* who = nullptr) {
    auto p = parse(*find(name), bytes);
    EXPECT_TRUE(p.ok()) << (p.ok() ? "" : p.error().message);
    return commit(*db_, who ? *who : admin(), *find(name), *p, {});
  }
  // The export of ledger `name` as xlsx bytes.
  std::string exported(const std::string& name) {
    auto c = db_->acquire();
    return *workbook(find(name)->export_sheet(*c, admin()));
  }
  std::int64_t count(const std::string& table) {
    auto c = db_->acquire();
    return c->query("SELECT COUNT(*) FROM " + table, {}).i(0, 0);
  }

  std::filesystem::path dir_;
  std::string url_;
  std::unique_ptr<db::Database> db_;
  std::unique_ptr<crypto::Pii> pii_;
};

}  // namespace lx::ledger::testing
