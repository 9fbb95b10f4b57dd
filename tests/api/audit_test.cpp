// API tests of the audit log: a row for every write (who, from where, what,
// before and after), the audit list, the verification job and its privacy,
// and `liangxin audit verify` naming the row altered behind the server's back.
#include <gtest/gtest.h>

#include "core/time.hpp"
#include "harness.hpp"

namespace lx::test {
namespace {

class AuditApi : public SharedServer<AuditApi> {};

std::string target_user(std::int64_t id) { return "user:" + std::to_string(id); }

TEST_F(AuditApi, EveryWriteLeavesARowNamingUserActionAndTarget) {
  Client admin = server().admin();
  const auto admin_row = last_audit(server());
  EXPECT_EQ(admin_row.at("action"), "session.login");
  EXPECT_EQ(admin_row.at("user_id"), 1);
  EXPECT_EQ(admin_row.at("target"), "user:1");

  auto created = admin.post("/api/v1/users", json::object{{"login", "audited"}, {"name", "审计对象"}, {"role", "office"},
                                                          {"password", kInitialPassword}});
  ASSERT_EQ(created.status, 201) << created.body;
  const auto id = created.json().at("id").as_int64();
  auto row = last_audit(server());
  EXPECT_EQ(row.at("action"), "user.create");
  EXPECT_EQ(row.at("user_id"), 1);
  EXPECT_EQ(row.at("target").as_string(), target_user(id));

  Client user(port());
  ASSERT_EQ(user.login("audited", kInitialPassword).status, 200);
  row = last_audit(server());
  EXPECT_EQ(row.at("action"), "session.login");
  EXPECT_EQ(row.at("user_id"), id);
  EXPECT_EQ(row.at("login"), "audited");

  ASSERT_EQ(user.change_password(kInitialPassword, kUserPassword).status, 200);
  row = last_audit(server());
  EXPECT_EQ(row.at("action"), "session.change_password");
  EXPECT_EQ(row.at("user_id"), id);
  EXPECT_EQ(row.at("target").as_string(), target_user(id));
  EXPECT_EQ(json::serialize(row).find(kUserPassword), std::string::npos);

  ASSERT_EQ(admin.patch("/api/v1/users/" + std::to_string(id), json::object{{"name", "改名"}}).status, 200);
  row = last_audit(server());
  EXPECT_EQ(row.at("action"), "user.update");
  EXPECT_EQ(row.at("user_id"), 1);
  EXPECT_EQ(row.at("target").as_string(), target_user(id));
  EXPECT_EQ(row.at("detail").at("before").at("name"), "审计对象");
  EXPECT_EQ(row.at("detail").at("after").at("name"), "改名");

  ASSERT_EQ(admin.post("/api/v1/users/" + std::to_string(id) + "/password", json::object{{"password", "Reset#2024pass"}})
                .status,
            200);
  row = last_audit(server());
  EXPECT_EQ(row.at("action"), "user.reset_password");
  EXPECT_EQ(row.at("target").as_string(), target_user(id));
  EXPECT_EQ(json::serialize(row).find("Reset#2024pass"), std::string::npos);

  ASSERT_EQ(admin.del("/api/v1/session").status, 204);
  row = last_audit(server());
  EXPECT_EQ(row.at("action"), "session.logout");
  EXPECT_EQ(row.at("user_id"), 1);

  EXPECT_EQ(server().scalar("SELECT COUNT(*) FROM audit_log WHERE ip <> '127.0.0.1' AND login <> 'cli'"), 0)
      << "every API row records where the request came from";
}

TEST_F(AuditApi, ReadsAndRefusedWritesLeaveNoRow) {
  Client admin = server().admin();
  const auto before = server().count("audit_log");
  EXPECT_EQ(admin.get("/api/v1/users").status, 200);
  EXPECT_EQ(admin.get("/api/v1/audit").status, 200);
  EXPECT_EQ(admin.patch("/api/v1/users/1", json::object{{"disabled", true}}).status, 400);
  EXPECT_EQ(admin.post("/api/v1/users", json::object{}).status, 400);
  EXPECT_EQ(server().count("audit_log"), before);
}

TEST_F(AuditApi, ListIsNewestFirstAndFiltersByActionLoginAndDate) {
  Client admin = server().admin();
  auto all = admin.get("/api/v1/audit?size=200");
  ASSERT_EQ(all.status, 200) << all.body;
  const json::array items = all.json().at("items").as_array();
  ASSERT_GE(items.size(), 2u);
  for (std::size_t k = 1; k < items.size(); ++k)
    EXPECT_GT(items[k - 1].at("id").as_int64(), items[k].at("id").as_int64());
  EXPECT_EQ(all.json().at("total").as_int64(), server().count("audit_log"));

  auto logins = admin.get("/api/v1/audit?action=session.login&login=admin&size=200");
  ASSERT_EQ(logins.status, 200);
  ASSERT_FALSE(logins.json().at("items").as_array().empty());
  const json::array login_rows = logins.json().at("items").as_array();
  for (const auto& r : login_rows) {
    EXPECT_NE(std::string(r.at("action").as_string()).find("session.login"), std::string::npos) << r;
    EXPECT_EQ(r.at("login"), "admin") << r;
  }

  // Dates are Shanghai calendar days.
  const std::string today = core::iso_utc(core::now_unix() + 8 * 3600).substr(0, 10);
  auto today_rows = admin.get("/api/v1/audit?from=" + today + "&to=" + today);
  ASSERT_EQ(today_rows.status, 200) << today_rows.body;
  EXPECT_GT(today_rows.json().at("total").as_int64(), 0);
  auto old_rows = admin.get("/api/v1/audit?to=2000-01-01");
  EXPECT_EQ(old_rows.json().at("total").as_int64(), 0);
  auto bad = admin.get("/api/v1/audit?from=yesterday");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.error_field(), "from");
}

TEST_F(AuditApi, VerifyJobSucceedsAndOnlyItsCreatorOrAnAdminMayReadIt) {
  Client admin = server().admin();
  auto r = admin.post("/api/v1/audit/verify", json::object{});
  ASSERT_EQ(r.status, 202) << r.body;
  const auto id = r.json().at("job").at("id").as_int64();
  EXPECT_EQ(r.json().at("job").at("kind"), "audit.verify");
  auto row = last_audit(server());
  EXPECT_EQ(row.at("action"), "audit.verify");
  EXPECT_EQ(row.at("target").as_string(), "job:" + std::to_string(id));

  auto job = wait_job(admin, id);
  ASSERT_EQ(job.at("status"), "succeeded") << job;
  EXPECT_EQ(job.at("result").at("ok"), true) << job;
  EXPECT_GT(job.at("result").at("rows").as_int64(), 0);
  EXPECT_EQ(job.at("result").at("first_broken_id"), nullptr);
  EXPECT_EQ(job.at("done"), job.at("total"));
  EXPECT_EQ(job.at("created_by"), 1);

  auto office = make_user(server(), admin, "office", "job_snoop");
  auto other = office.client.get("/api/v1/jobs/" + std::to_string(id));
  EXPECT_EQ(other.status, 404) << "someone else's job looks like a missing one";
  EXPECT_EQ(other.error_code(), "not_found");
  EXPECT_EQ(admin.get("/api/v1/jobs/999999").status, 404);
  EXPECT_EQ(admin.get("/api/v1/jobs/abc").status, 404);
}

// Alters one audit row directly in the database, as an intruder with
// database access would, with the append-only trigger out of the way.
void tamper(Server& s, std::int64_t id) {
  auto c = s.db().acquire();
  if (backend() == "sqlite") {
    c->exec("DROP TRIGGER audit_log_no_update");
    c->exec("UPDATE audit_log SET ip = '10.6.6.6' WHERE id = ?", {id});
  } else {
    c->exec("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change");
    c->exec("UPDATE audit_log SET ip = '10.6.6.6' WHERE id = ?", {id});
    c->exec("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change");
  }
}

TEST_F(AuditApi, TheDatabaseRefusesToAlterOrDeleteAuditRows) {
  server().admin();
  auto c = server().db().acquire();
  EXPECT_THROW(c->exec("UPDATE audit_log SET ip = 'x' WHERE id = 1"), db::DbError);
  EXPECT_THROW(c->exec("DELETE FROM audit_log WHERE id = 1"), db::DbError);
}

TEST(AuditVerify, CliPassesThenNamesTheRowAlteredInTheDatabase) {
  LX_SKIP_IF_NO_BACKEND();
  Server s({.demo = false});  // its own database: this test breaks the chain
  Client admin = s.admin();
  for (const char* login : {"chain_a", "chain_b", "chain_c"})
    ASSERT_EQ(admin.post("/api/v1/users", json::object{{"login", login}, {"name", login}, {"role", "office"},
                                                       {"password", kInitialPassword}})
                  .status,
              201);
  auto ok = run_liangxin({"audit", "verify", "--db", s.db_url()});
  EXPECT_EQ(ok.code, 0) << ok.out << ok.err;
  EXPECT_NE(ok.out.find("审计链完整"), std::string::npos) << ok.out;

  const auto victim = s.scalar("SELECT MIN(id) FROM audit_log WHERE action = 'user.create' AND login = 'admin'");
  ASSERT_GT(victim, 1);
  ASSERT_LT(victim, s.scalar("SELECT MAX(id) FROM audit_log")) << "alter a row in the middle of the chain";
  tamper(s, victim);

  auto broken = run_liangxin({"audit", "verify", "--db", s.db_url()});
  EXPECT_EQ(broken.code, 1) << broken.out << broken.err;
  EXPECT_NE(broken.out.find("第 " + std::to_string(victim) + " 条"), std::string::npos) << broken.out;

  // The server's own verification job names the same row.
  auto r = admin.post("/api/v1/audit/verify", json::object{});
  ASSERT_EQ(r.status, 202) << r.body;
  auto job = wait_job(admin, r.json().at("job").at("id").as_int64());
  ASSERT_EQ(job.at("status"), "succeeded") << job;
  EXPECT_EQ(job.at("result").at("ok"), false);
  EXPECT_EQ(job.at("result").at("first_broken_id"), victim);
}

}  // namespace
}  // namespace lx::test
