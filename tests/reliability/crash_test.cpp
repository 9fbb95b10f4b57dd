// Crash safety (issue #6): `liangxin serve` on the demo district takes a
// ledger import (a background job of one transaction) and concurrent API
// writes, and is killed with SIGKILL at a random moment; after a restart the
// database passes PRAGMA integrity_check (SQLite), the import is wholly
// present or wholly absent, every write answered 2xx is there, and the audit
// chain verifies. LX_CRASH_ITERATIONS rounds (20 in `make test`, 100 in
// `make soak`); LX_TEST_BACKEND=postgres kills the app, never the database.
#include <gtest/gtest.h>

#include <cstdlib>
#include <iostream>
#include <random>

#include "backup_support.hpp"
#include "census_support.hpp"

namespace lx::test {
namespace {

int iterations() {
  const char* n = std::getenv("LX_CRASH_ITERATIONS");
  return n && std::atoi(n) > 0 ? std::atoi(n) : 20;
}

constexpr int kImportRows = 3000;

// kImportRows orgs on the demo's 东湖街道, names and codes unique to round.
std::string import_csv(int round) {
  std::string csv = "组织名称,统一社会信用代码,组织类别,所在街道（乡镇）,联系电话\n";
  char num[32];
  for (int i = 0; i < kImportRows; ++i) {
    std::snprintf(num, sizeof num, "%03d%04d", round, i);
    csv += "崩溃测试" + std::string(num) + "有限公司," + census_code("91310199MA" + std::string(num)) +
           ",非公企业,东湖街道,1391234" + std::string(num + 3) + "\n";
  }
  return csv;
}

TEST(CrashSafety, SigkillDuringImportAndWritesLeavesAConsistentDatabase) {
  LX_SKIP_IF_NO_BACKEND();
  const int rounds = iterations();
  Server s;
  const auto district = s.scalar("SELECT id FROM areas WHERE level = 'district'");
  std::unique_ptr<ServeProcess> current;  // after the first kill: the restarted server
  auto port = [&] { return current ? current->port() : s.port(); };
  std::mt19937 rng(std::random_device{}());
  // The kill lands before, during or after the import's commit (PostgreSQL
  // takes longer over its socket).
  const int max_kill_ms = backend() == "sqlite" ? 800 : 4000;
  std::vector<std::int64_t> acked;  // every street answered 201, over all rounds
  int present = 0, absent = 0;
  const auto t0 = std::chrono::steady_clock::now();

  for (int round = 0; round < rounds; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    const std::string prefix = "崩溃测试" + [&] {
      char b[16];
      std::snprintf(b, sizeof b, "%03d", round);
      return std::string(b);
    }();
    std::optional<std::int64_t> job_id;
    {
      AreaWriter writer(port(), district, "CR" + std::to_string(round) + "X");
      Client admin(port());
      ASSERT_EQ(admin.login("admin", Server::kAdminPassword).status, 200);
      auto go = admin.request("POST", "/api/v1/import/orgs", import_csv(round), {{"Content-Type", "text/csv"}});
      ASSERT_EQ(go.status, 202) << go.body;
      job_id = go.json().at("job").at("id").as_int64();
      std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(0, max_kill_ms)(rng)));
      if (current) current->kill_hard();
      else s.process().kill_hard();
      writer.stop();
      const auto mine = writer.acked();
      acked.insert(acked.end(), mine.begin(), mine.end());
    }
    current = s.another();  // restart on the same database

    auto db = db::Database::open(s.db_url(), db::Options{.pool_size = 1});
    auto c = db->acquire();
    if (backend() == "sqlite") {
      EXPECT_EQ(c->scalar_text("PRAGMA integrity_check").value_or(""), "ok");
    }
    const auto imported =
        c->scalar_int("SELECT COUNT(*) FROM orgs WHERE name LIKE ?", {prefix + "%"}).value_or(-1);
    EXPECT_TRUE(imported == 0 || imported == kImportRows) << imported << " of " << kImportRows << " rows imported";
    (imported ? present : absent)++;
    // The job row was committed with the 202 answer.
    EXPECT_EQ(c->scalar_int("SELECT COUNT(*) FROM jobs WHERE id = ?", {*job_id}).value_or(0), 1);
    if (c->scalar_text("SELECT status FROM jobs WHERE id = ?", {*job_id}).value_or("") == "succeeded") {
      EXPECT_EQ(imported, kImportRows);
    }
    for (auto id : acked)
      EXPECT_EQ(c->scalar_int("SELECT COUNT(*) FROM areas WHERE id = ?", {id}).value_or(0), 1) << "street " << id;
    auto v = run_liangxin({"audit", "verify", "--db", s.db_url()});
    EXPECT_EQ(v.code, 0) << v.out << v.err;
    if (HasFailure()) break;
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::cout << "[ crash ] " << backend() << ": " << rounds << " rounds in " << secs << " s; import present after "
            << present << ", absent after " << absent << "; " << acked.size() << " acknowledged writes all present\n";
  // The restarted server still serves and writes.
  Client admin(port());
  ASSERT_EQ(admin.login("admin", Server::kAdminPassword).status, 200);
  EXPECT_EQ(admin.post("/api/v1/areas", json::object{{"name", "崩溃后新建"}, {"code", "AFTERCRASH"}, {"parent_id", district}})
                .status,
            201);
  EXPECT_EQ(current->stop(), 0);
}

}  // namespace
}  // namespace lx::test
