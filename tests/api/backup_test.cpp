// Backup, restore and copy (issue #6): a backup taken while the API keeps
// writing restores into an empty database as one consistent moment of the
// source — every table equal row by row, the audit chain intact — on both
// backends; restore refuses a database that has tables; `liangxin copy`
// moves every table to the other backend with ids, sequences and the audit
// chain intact.
#include <gtest/gtest.h>

#include <cstdlib>
#include <set>

#include "backup_support.hpp"

namespace lx::test {
namespace {

class BackupRestore : public ::testing::Test {
 protected:
  void SetUp() override { LX_SKIP_IF_NO_BACKEND(); }
};

std::int64_t district(Server& s) { return s.scalar("SELECT id FROM areas WHERE level = 'district'"); }

// Waits until the writer has at least n acknowledged writes (or 30 s pass).
void wait_for_writes(AreaWriter& w, std::size_t n) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (w.acked().size() < n && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  ASSERT_GE(w.acked().size(), n) << "the writer made no progress (" << w.failures() << " failures)";
}

std::string sqlite_integrity(const std::string& url) {
  auto db = db::Database::open(url, db::Options{.pool_size = 1});
  auto c = db->acquire();
  return c->scalar_text("PRAGMA integrity_check").value_or("");
}

// SQLite: the backup API inside one read transaction copies exactly what that
// transaction sees, while another process (the server) keeps committing.
TEST_F(BackupRestore, SqliteSnapshotUnderWriteLoadRestoresEveryTableExactly) {
  if (backend() != "sqlite") GTEST_SKIP() << "the SQLite online backup API";
  Server s;
  AreaWriter writer(s.port(), district(s), "SNAP");
  wait_for_writes(writer, 20);
  const std::string file = s.dir().path() + "/snapshot.backup";
  Dump snapshot;
  std::size_t acked_before = 0;
  {
    auto c = s.db().acquire();
    c->exec("BEGIN");
    acked_before = writer.acked().size();
    snapshot = dump_tables(*c);
    db::backup_sqlite(*c, file);
    c->exec("COMMIT");
  }
  wait_for_writes(writer, acked_before + 20);
  writer.stop();
  // The source moved on while the backup was taken.
  EXPECT_GT(s.count("areas"), static_cast<std::int64_t>(snapshot.at("areas").size()));

  const std::string target = "sqlite:" + s.dir().path() + "/restored.db";
  auto r = run_liangxin({"restore", file, "--db", target});
  ASSERT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("审计链校验"), std::string::npos) << r.out;
  EXPECT_EQ(sqlite_integrity(target), "ok");
  expect_same_tables(snapshot, dump_tables(target), "restored snapshot");
  auto v = run_liangxin({"audit", "verify", "--db", target});
  EXPECT_EQ(v.code, 0) << v.out << v.err;
}

// `liangxin backup` under write load, then at rest, on this run's backend.
TEST_F(BackupRestore, CliBackupUnderLoadIsAConsistentPrefixAndAtRestEqualsTheSource) {
  Server s;
  AreaWriter writer(s.port(), district(s), "LOAD");
  wait_for_writes(writer, 20);
  const std::string file = s.dir().path() + "/load.backup";
  const auto acked_before = writer.acked();
  auto b = run_liangxin({"backup", "--db", s.db_url(), file});
  ASSERT_EQ(b.code, 0) << b.out << b.err;
  EXPECT_NE(b.out.find("已备份"), std::string::npos) << b.out;
  wait_for_writes(writer, acked_before.size() + 20);
  writer.stop();

  TempDb restored(s.dir().path() + "/r1");
  auto r = run_liangxin({"restore", file, "--db", restored.url()});
  ASSERT_EQ(r.code, 0) << r.out << r.err;
  if (backend() == "sqlite") {
    EXPECT_EQ(sqlite_integrity(restored.url()), "ok");
  }
  EXPECT_EQ(run_liangxin({"audit", "verify", "--db", restored.url()}).code, 0);

  const Dump source = dump_tables(s.db_url()), got = dump_tables(restored.url());
  // The audit log is append-only: the restored one is the source's first rows.
  const auto& src_audit = source.at("audit_log");
  const auto& got_audit = got.at("audit_log");
  ASSERT_LE(got_audit.size(), src_audit.size());
  std::set<std::string> src_rows(src_audit.begin(), src_audit.end());
  for (const auto& row : got_audit) EXPECT_TRUE(src_rows.count(row)) << "audit row not in the source: " << row;
  auto restored_db = db::Database::open(restored.url(), db::Options{.pool_size = 1});
  auto c = restored_db->acquire();
  EXPECT_EQ(c->scalar_int("SELECT MAX(id) FROM audit_log").value_or(0),
            static_cast<std::int64_t>(got_audit.size()));
  // Every street written before the backup began is there; the streets
  // present are exactly those whose creation the restored audit log records.
  for (auto id : acked_before)
    EXPECT_EQ(c->scalar_int("SELECT COUNT(*) FROM areas WHERE id = ?", {id}).value_or(0), 1) << "area " << id;
  EXPECT_EQ(c->scalar_int("SELECT COUNT(*) FROM areas a WHERE code LIKE 'LOAD%' AND NOT EXISTS (SELECT 1 FROM "
                          "audit_log l WHERE l.action = 'area.create' AND l.target = 'area:' || a.id)"),
            0);
  EXPECT_EQ(c->scalar_int("SELECT COUNT(*) FROM audit_log l WHERE l.action = 'area.create' AND NOT EXISTS (SELECT 1 "
                          "FROM areas a WHERE l.target = 'area:' || a.id)"),
            0);
  // Rows never changed after creation are equal to the source's.
  std::set<std::string> src_areas(source.at("areas").begin(), source.at("areas").end());
  for (const auto& row : got.at("areas"))
    if (row.find("code='LOAD") != std::string::npos) {
      EXPECT_TRUE(src_areas.count(row)) << row;
    }

  // At rest: a second backup restores to a copy equal to the source, table by table.
  const std::string file2 = s.dir().path() + "/rest.backup";
  ASSERT_EQ(run_liangxin({"backup", "--db", s.db_url(), file2}).code, 0);
  TempDb restored2(s.dir().path() + "/r2");
  r = run_liangxin({"restore", file2, "--db", restored2.url()});
  ASSERT_EQ(r.code, 0) << r.out << r.err;
  expect_same_tables(dump_tables(s.db_url()), dump_tables(restored2.url()), "backup at rest");
}

TEST_F(BackupRestore, RestoreRefusesADatabaseWithTablesAndUnknownFiles) {
  Server s;
  const std::string file = s.dir().path() + "/x.backup";
  ASSERT_EQ(run_liangxin({"backup", "--db", s.db_url(), file}).code, 0);
  Client admin = s.admin();
  ASSERT_EQ(admin.post("/api/v1/areas", json::object{{"name", "恢复后应仍在"}, {"code", "KEEP1"}, {"parent_id", district(s)}})
                .status,
            201);
  const auto before = dump_tables(s.db_url());
  auto r = run_liangxin({"restore", file, "--db", s.db_url()});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("目标数据库不是空的"), std::string::npos) << r.err;
  expect_same_tables(before, dump_tables(s.db_url()), "after a refused restore");

  const std::string junk = s.dir().write("junk.backup", "not a backup at all");
  TempDb empty(s.dir().path() + "/e");
  r = run_liangxin({"restore", junk, "--db", empty.url()});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("无法识别的备份文件"), std::string::npos) << r.err;
  r = run_liangxin({"backup", "--db", "sqlite:" + s.dir().path() + "/missing.db", s.dir().path() + "/m.backup"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("数据库文件不存在"), std::string::npos) << r.err;
}

// SQLite → PostgreSQL in the SQLite run, PostgreSQL → SQLite in the other.
TEST_F(BackupRestore, CopyToTheOtherBackendKeepsEveryRowIdsSequencesAndTheAuditChain) {
  const bool to_pg = backend() == "sqlite";
  if (to_pg && !std::getenv("LX_TEST_PG_URL")) GTEST_SKIP() << "no PostgreSQL (run under scripts/with-postgres.sh)";
  Server s;
  {
    AreaWriter writer(s.port(), district(s), "COPY");
    wait_for_writes(writer, 10);
  }
  std::unique_ptr<TempDb> pg;
  if (to_pg) pg = std::make_unique<TempDb>(s.dir().path(), "postgres");
  const std::string to = to_pg ? pg->url() : "sqlite:" + s.dir().path() + "/copy/copied.db";
  auto r = run_liangxin({"copy", "--from", s.db_url(), "--to", to});
  ASSERT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("审计链校验"), std::string::npos) << r.out;
  expect_same_tables(dump_tables(s.db_url()), dump_tables(to), "copy");
  auto v = run_liangxin({"audit", "verify", "--db", to});
  EXPECT_EQ(v.code, 0) << v.out << v.err;

  // A second copy into the now-full target is refused and changes nothing.
  const auto copied = dump_tables(to);
  r = run_liangxin({"copy", "--from", s.db_url(), "--to", to});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("目标数据库不是空的"), std::string::npos) << r.err;
  expect_same_tables(copied, dump_tables(to), "after a refused copy");

  // The copy serves: the admin signs in and new rows get fresh ids.
  s.process().stop();
  const auto max_area = s.scalar("SELECT MAX(id) FROM areas");
  ServeProcess served({"--db", to, "--listen", "127.0.0.1:0", "--web", s.web_dir(), "--set",
                       "key_file=" + s.dir().path() + "/liangxin.key"},
                      s.dir().path(), "copied");
  Client admin(served.port());
  ASSERT_EQ(admin.login("admin", Server::kAdminPassword).status, 200);
  auto created = admin.post("/api/v1/areas", json::object{{"name", "复制后新建"}, {"code", "AFTERCOPY"}, {"parent_id", district(s)}});
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_GT(created.json().at("id").as_int64(), max_area);
  // 东湖科技: a 3+ character name search (SQLite: the FTS index the copy rebuilt).
  auto orgs = admin.get("/api/v1/orgs?q=%E4%B8%9C%E6%B9%96%E7%A7%91%E6%8A%80");
  ASSERT_EQ(orgs.status, 200) << orgs.body;
  EXPECT_FALSE(orgs.json().at("items").as_array().empty()) << orgs.body;
}

}  // namespace
}  // namespace lx::test
