// Unit tests for the audit hash chain (account/audit): rows appended into a
// real temporary SQLite database verify; altering or deleting a row breaks
// the chain at the row the verifier names.
#include "modules/account/audit.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>

#include "db/migrations.hpp"
#include "modules/account/crypto.hpp"

namespace {

using namespace lx;

class AuditChain : public ::testing::Test {
 protected:
  void SetUp() override {
    account::crypto_init();
    std::string tmpl = (std::filesystem::temp_directory_path() / "lx-audit-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    db_ = db::Database::open("sqlite:" + dir_ + "/t.db");
    db::migrate(*db_);
  }
  void TearDown() override {
    db_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  void append(int n) {
    for (int k = 0; k < n; ++k)
      db_->transaction([&](db::Connection& c) {
        account::append_audit(c, {std::int64_t{1}, "admin", "127.0.0.1", "user.update", "user:" + std::to_string(k),
                                  R"({"before":{"name":"甲"},"after":{"name":"乙"}})"});
      });
  }
  account::AuditVerdict verify() {
    auto c = db_->acquire();
    return account::verify_audit(*c);
  }
  // Tampering needs the append-only triggers out of the way, as an intruder with file access would do.
  void exec(const std::string& sql) {
    auto c = db_->acquire();
    c->exec(sql);
  }

  std::string dir_;
  std::unique_ptr<db::Database> db_;
};

TEST_F(AuditChain, EmptyChainIsIntact) {
  auto v = verify();
  EXPECT_TRUE(v.ok);
  EXPECT_EQ(v.rows, 0);
  EXPECT_FALSE(v.first_broken_id);
}

TEST_F(AuditChain, FiveAppendedRowsVerify) {
  append(5);
  std::int64_t seen = 0;
  auto c = db_->acquire();
  auto v = account::verify_audit(*c, [&](std::int64_t done, std::int64_t total) {
    seen = done;
    EXPECT_EQ(total, 5);
  });
  EXPECT_TRUE(v.ok) << v.message;
  EXPECT_EQ(v.rows, 5);
  EXPECT_EQ(seen, 5);
  EXPECT_FALSE(v.first_broken_id);
}

TEST_F(AuditChain, RowsAreNumberedFromOneAndLinkedFromGenesis) {
  append(3);
  auto c = db_->acquire();
  auto r = c->query("SELECT id, prev_hash, hash FROM audit_log ORDER BY id");
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r.i(0, 0), 1);
  EXPECT_EQ(r.s(0, 1), account::kGenesisHash);
  for (std::size_t k = 1; k < r.size(); ++k) {
    EXPECT_EQ(r.i(k, 0), static_cast<std::int64_t>(k + 1));
    EXPECT_EQ(r.s(k, 1), r.s(k - 1, 2)) << "row " << k + 1 << " must carry the previous row's hash";
  }
}

TEST_F(AuditChain, TheTableRefusesUpdatesAndDeletes) {
  append(2);
  auto c = db_->acquire();
  EXPECT_THROW(c->exec("UPDATE audit_log SET action = 'x' WHERE id = 1"), db::DbError);
  EXPECT_THROW(c->exec("DELETE FROM audit_log WHERE id = 1"), db::DbError);
}

TEST_F(AuditChain, AlteredRowIsNamed) {
  append(5);
  exec("DROP TRIGGER audit_log_no_update");
  exec("UPDATE audit_log SET target = 'user:999' WHERE id = 3");
  auto v = verify();
  EXPECT_FALSE(v.ok);
  ASSERT_TRUE(v.first_broken_id);
  EXPECT_EQ(*v.first_broken_id, 3);
  EXPECT_EQ(v.rows, 2) << "rows 1 and 2 still verify";
  EXPECT_NE(v.message.find("3"), std::string::npos) << v.message;
}

TEST_F(AuditChain, AlteredTimestampOrUserIsNamed) {
  append(5);
  exec("DROP TRIGGER audit_log_no_update");
  exec("UPDATE audit_log SET user_id = 2 WHERE id = 4");
  auto v = verify();
  ASSERT_TRUE(v.first_broken_id);
  EXPECT_EQ(*v.first_broken_id, 4);
}

TEST_F(AuditChain, RehashedForgeryBreaksTheNextLink) {
  append(5);
  exec("DROP TRIGGER audit_log_no_update");
  // The forger recomputes row 3's own hash; row 4 still carries the old one.
  auto c = db_->acquire();
  auto r = c->query("SELECT at, prev_hash FROM audit_log WHERE id = 3");
  const std::string forged = account::audit_hash(r.s(0, 1), 3, r.s(0, 0), std::int64_t{1}, "admin", "127.0.0.1",
                                                 "user.update", "user:999", "");
  c->exec("UPDATE audit_log SET target = 'user:999', detail = NULL, hash = ? WHERE id = 3", {forged});
  auto v = account::verify_audit(*c);
  ASSERT_TRUE(v.first_broken_id);
  EXPECT_EQ(*v.first_broken_id, 4);
}

TEST_F(AuditChain, DeletedMiddleRowBreaksAtTheNextId) {
  append(5);
  exec("DROP TRIGGER audit_log_no_delete");
  exec("DELETE FROM audit_log WHERE id = 3");
  auto v = verify();
  EXPECT_FALSE(v.ok);
  ASSERT_TRUE(v.first_broken_id);
  EXPECT_EQ(*v.first_broken_id, 4);
}

TEST_F(AuditChain, AppendingAfterVerificationContinuesTheChain) {
  append(2);
  ASSERT_TRUE(verify().ok);
  append(3);
  auto v = verify();
  EXPECT_TRUE(v.ok) << v.message;
  EXPECT_EQ(v.rows, 5);
}

TEST(AuditHash, EveryFieldChangesTheHash) {
  const std::string prev(64, '0');
  const std::string base = account::audit_hash(prev, 1, "2026-01-01T00:00:00Z", std::int64_t{1}, "a", "ip", "act", "t", "d");
  EXPECT_EQ(base.size(), 64u);
  EXPECT_NE(base, account::audit_hash(std::string(64, '1'), 1, "2026-01-01T00:00:00Z", std::int64_t{1}, "a", "ip", "act", "t", "d"));
  EXPECT_NE(base, account::audit_hash(prev, 2, "2026-01-01T00:00:00Z", std::int64_t{1}, "a", "ip", "act", "t", "d"));
  EXPECT_NE(base, account::audit_hash(prev, 1, "2026-01-01T00:00:01Z", std::int64_t{1}, "a", "ip", "act", "t", "d"));
  EXPECT_NE(base, account::audit_hash(prev, 1, "2026-01-01T00:00:00Z", std::nullopt, "a", "ip", "act", "t", "d"));
  EXPECT_NE(base, account::audit_hash(prev, 1, "2026-01-01T00:00:00Z", std::int64_t{1}, "b", "ip", "act", "t", "d"));
  EXPECT_NE(base, account::audit_hash(prev, 1, "2026-01-01T00:00:00Z", std::int64_t{1}, "a", "ip", "act", "t", "e"));
  // Field boundaries are unambiguous: moving a character between fields changes the hash.
  EXPECT_NE(account::audit_hash(prev, 1, "x", std::nullopt, "ab", "c", "act", "t", "d"),
            account::audit_hash(prev, 1, "x", std::nullopt, "a", "bc", "act", "t", "d"));
}

}  // namespace
