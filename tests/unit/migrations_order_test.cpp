// Unit test for db::migrate's order within one version: the shared file
// (NNN_x.sql) runs before the dialect file (NNN_x.postgres.sql), which adds
// triggers and functions to its tables. Name order alone ran the PostgreSQL
// file first, and `liangxin migrate` failed on a fresh PostgreSQL database
// with `relation "audit_log" does not exist`.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "db/migrations.hpp"

namespace {

using namespace lx::db;

// A PostgreSQL stand-in that answers every query with no rows and records scripts.
class RecordingConnection final : public Connection {
 public:
  explicit RecordingConnection(std::vector<std::string>& log) : log_(log) {}
  Backend backend() const override { return Backend::postgresql; }
  Rows query(std::string_view, const Params&) override { return {}; }
  std::int64_t exec(std::string_view, const Params&) override { return 0; }
  void exec_script(std::string_view sql) override { log_.emplace_back(sql); }
  void lock_chain(std::int64_t) override {}

 private:
  std::vector<std::string>& log_;
};

class RecordingDatabase final : public Database {
 public:
  Backend backend() const override { return Backend::postgresql; }
  std::vector<std::string> scripts;

 protected:
  std::unique_ptr<Connection> connect() override { return std::make_unique<RecordingConnection>(scripts); }
  void begin(Connection&) override {}
};

std::size_t index_of(const std::vector<std::string>& scripts, const std::string& needle) {
  for (std::size_t k = 0; k < scripts.size(); ++k)
    if (scripts[k].find(needle) != std::string::npos) return k;
  return scripts.size();
}

}  // namespace

TEST(Migrations, PostgresDialectFileRunsAfterTheSharedFileOfItsVersion) {
  RecordingDatabase db;
  migrate(db);
  const auto table = index_of(db.scripts, "CREATE TABLE audit_log");
  const auto trigger = index_of(db.scripts, "CREATE TRIGGER audit_log_no_change");
  ASSERT_LT(table, db.scripts.size());
  ASSERT_LT(trigger, db.scripts.size());
  EXPECT_LT(table, trigger) << "the trigger's table must exist first";
}

TEST(Migrations, EveryVersionRunsItsSharedFileBeforeItsPostgresFile) {
  RecordingDatabase db;
  migrate(db);
  auto position = [&](const Migration& m) {
    const std::string sql = dialect_sql(m.sql, Backend::postgresql);
    for (std::size_t k = 0; k < db.scripts.size(); ++k)
      if (db.scripts[k] == sql) return k;
    return db.scripts.size();
  };
  for (const auto& shared : migrations()) {
    const std::string name = shared.name;
    if (name.ends_with(".sqlite") || name.ends_with(".postgres")) continue;
    for (const auto& pg : migrations())
      if (std::string(pg.name) == name + ".postgres") {
        ASSERT_LT(position(pg), db.scripts.size()) << pg.name;
        EXPECT_LT(position(shared), position(pg)) << name << " must run before " << pg.name;
      }
  }
}
