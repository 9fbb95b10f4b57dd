// API tests of health and sessions: sign-in (cookie attributes, a new session
// id at every sign-in), uniform failures, lockout, logout, the forced password
// change, 401 without a session and 403 for a role without the permission.
#include <gtest/gtest.h>

#include <regex>

#include "db/migrations.hpp"
#include "harness.hpp"

namespace lx::test {
namespace {

class SessionApi : public SharedServer<SessionApi> {};

bool is_hex64(const std::string& s) { return std::regex_match(s, std::regex("[0-9a-f]{64}")); }

TEST_F(SessionApi, HealthReportsDatabaseSchemaAndVersionWithoutASession) {
  Client c(port());
  auto r = c.get("/api/v1/health");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("Content-Type"), "application/json; charset=utf-8");
  auto j = r.json().as_object();
  EXPECT_EQ(j.at("status"), "ok");
  EXPECT_EQ(j.at("database"), "ok");
  EXPECT_EQ(j.at("backend"), backend() == "sqlite" ? "sqlite" : "postgresql");
  EXPECT_EQ(j.at("schema_version").as_int64(), db::latest_version());
  EXPECT_FALSE(j.at("version").as_string().empty());
}

TEST_F(SessionApi, LoginSetsAnHttpOnlyStrictCookieAndReturnsUserAndCsrfToken) {
  Client c(port());
  auto r = c.login("admin", Server::kAdminPassword);
  ASSERT_EQ(r.status, 200) << r.body;
  const std::string cookie = r.header("Set-Cookie");
  EXPECT_EQ(cookie.rfind("lx_session=", 0), 0u) << cookie;
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("Path=/"), std::string::npos) << cookie;
  EXPECT_EQ(cookie.find("Secure"), std::string::npos) << "no TLS configured: " << cookie;
  EXPECT_TRUE(is_hex64(c.session_cookie())) << c.session_cookie();

  auto j = r.json().as_object();
  EXPECT_TRUE(is_hex64(std::string(j.at("csrf_token").as_string())));
  EXPECT_EQ(j.at("user").at("login"), "admin");
  EXPECT_EQ(j.at("user").at("role"), "admin");
  EXPECT_EQ(j.at("user").at("must_change_password"), false);
  EXPECT_EQ(r.body.find("password_hash"), std::string::npos);
  EXPECT_EQ(r.body.find("$argon2"), std::string::npos);

  auto me = c.get("/api/v1/session");
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.json().at("user").at("login"), "admin");
  EXPECT_EQ(me.json().at("csrf_token"), j.at("csrf_token"));
}

TEST_F(SessionApi, SecureCookieOnlyWhenConfiguredForTls) {
  Server tls({.demo = false, .sets = {"secure_cookies=true"}});
  Client c(tls.port());
  auto r = c.login("admin", Server::kAdminPassword);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.header("Set-Cookie").find("; Secure"), std::string::npos) << r.header("Set-Cookie");
}

TEST_F(SessionApi, EveryLoginIssuesANewSessionIdAndIgnoresAPlantedOne) {
  // Session fixation: a cookie chosen by an attacker before sign-in is never adopted.
  const std::string planted(64, 'a');
  Client c(port());
  c.cookies["lx_session"] = planted;
  ASSERT_EQ(c.login("admin", Server::kAdminPassword).status, 200);
  const std::string first = c.session_cookie(), first_csrf = c.csrf;
  EXPECT_NE(first, planted);
  ASSERT_EQ(c.login("admin", Server::kAdminPassword).status, 200);
  EXPECT_NE(c.session_cookie(), first);
  EXPECT_NE(c.csrf, first_csrf);

  Client attacker(port());
  attacker.cookies["lx_session"] = planted;
  EXPECT_EQ(attacker.get("/api/v1/session").status, 401);
  EXPECT_EQ(server().scalar("SELECT COUNT(*) FROM sessions WHERE token_hash = ?", {planted}), 0)
      << "tokens are stored hashed, never as sent";
}

TEST_F(SessionApi, WrongPasswordAndUnknownUserAnswerTheSame401) {
  Client admin = server().admin();
  make_user(server(), admin, "office", "same401");
  Client c(port());
  auto wrong = c.login("same401", "Wrong#2024pass");
  auto unknown = c.login("nobody_here", "Wrong#2024pass");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.error_code(), "bad_credentials");
  EXPECT_EQ(wrong.body, unknown.body) << "the answer must not tell which logins exist";
  EXPECT_FALSE(wrong.has_header("Set-Cookie"));
  EXPECT_FALSE(unknown.has_header("Set-Cookie"));
  auto row = last_audit(server());
  EXPECT_EQ(row.at("action"), "session.login_failed");
  EXPECT_EQ(row.at("login"), "nobody_here");
  EXPECT_TRUE(row.at("user_id").is_null());
}

TEST_F(SessionApi, FiveFailuresLockTheAccountAndEvenTheRightPasswordIsRefused) {
  Client admin = server().admin();
  make_user(server(), admin, "office", "lockme");
  Client c(port());
  for (int k = 1; k <= 4; ++k) EXPECT_EQ(c.login("lockme", "Wrong#2024pass").status, 401) << "failure " << k;
  auto fifth = c.login("lockme", "Wrong#2024pass");
  EXPECT_EQ(fifth.status, 423) << fifth.body;
  EXPECT_EQ(fifth.error_code(), "locked");
  EXPECT_EQ(last_audit(server()).at("action"), "session.locked");

  auto right = c.login("lockme", kUserPassword);
  EXPECT_EQ(right.status, 423) << right.body;
  EXPECT_EQ(right.error_code(), "locked");
  EXPECT_FALSE(right.has_header("Set-Cookie"));
  EXPECT_NE(right.json().at("error").at("message").as_string().find("分钟"), json::string::npos);
  // The lock is per account.
  EXPECT_EQ(Client(port()).login("admin", Server::kAdminPassword).status, 200);
}

TEST_F(SessionApi, ASuccessfulLoginResetsTheFailureCount) {
  Client admin = server().admin();
  make_user(server(), admin, "office", "resetcount");
  Client c(port());
  for (int k = 0; k < 4; ++k) ASSERT_EQ(c.login("resetcount", "Wrong#2024pass").status, 401);
  ASSERT_EQ(c.login("resetcount", kUserPassword).status, 200);
  for (int k = 0; k < 4; ++k) EXPECT_EQ(c.login("resetcount", "Wrong#2024pass").status, 401) << k;
  EXPECT_EQ(c.login("resetcount", kUserPassword).status, 200);
}

TEST_F(SessionApi, LoginWithMissingOrMistypedFieldsIs400NamingTheField) {
  Client c(port());
  auto missing = c.post("/api/v1/session", json::object{{"password", "x"}});
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(missing.error_code(), "missing_field");
  EXPECT_EQ(missing.error_field(), "login");
  auto typed = c.post("/api/v1/session", json::object{{"login", "admin"}, {"password", 12345678}});
  EXPECT_EQ(typed.status, 400);
  EXPECT_EQ(typed.error_code(), "invalid_type");
  EXPECT_EQ(typed.error_field(), "password");
}

TEST_F(SessionApi, LogoutInvalidatesTheSessionOnTheServer) {
  Client c = server().admin();
  const std::string cookie = c.session_cookie();
  const auto sessions = server().count("sessions");
  auto out = c.del("/api/v1/session");
  ASSERT_EQ(out.status, 204) << out.body;
  EXPECT_NE(out.header("Set-Cookie").find("Max-Age=0"), std::string::npos) << out.header("Set-Cookie");
  EXPECT_EQ(server().count("sessions"), sessions - 1);
  EXPECT_EQ(last_audit(server()).at("action"), "session.logout");

  Client replay(port());  // the old cookie, kept by someone who copied it
  replay.cookies["lx_session"] = cookie;
  auto r = replay.get("/api/v1/session");
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(r.error_code(), "unauthenticated");
}

TEST_F(SessionApi, LogoutWithoutTheCsrfTokenIsRefusedAndKeepsTheSession) {
  Client c = server().admin();
  Client no_csrf = c;
  no_csrf.csrf.clear();
  auto r = no_csrf.del("/api/v1/session");
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(r.error_code(), "csrf");
  EXPECT_EQ(c.get("/api/v1/session").status, 200);
}

TEST_F(SessionApi, ForcedPasswordChangeBlocksEverythingElseUntilDone) {
  const std::string pw = server().demo_password("dangyuan");
  Client c(port());
  auto login = c.login("dangyuan", pw);
  ASSERT_EQ(login.status, 200) << login.body;
  EXPECT_EQ(login.json().at("user").at("must_change_password"), true);

  auto blocked = c.get("/api/v1/scopes");
  EXPECT_EQ(blocked.status, 403);
  EXPECT_EQ(blocked.error_code(), "password_change_required");
  EXPECT_EQ(c.get("/api/v1/session").status, 200) << "the session itself stays readable";

  auto weak = c.change_password(pw, "abc");
  EXPECT_EQ(weak.status, 400);
  EXPECT_EQ(weak.error_field(), "new_password");
  auto same = c.change_password(pw, pw);
  EXPECT_EQ(same.status, 400);
  EXPECT_EQ(same.error_field(), "new_password");
  auto wrong_old = c.change_password("Nope#2024pass", "Better#2024pass");
  EXPECT_EQ(wrong_old.status, 400);
  EXPECT_EQ(wrong_old.error_field(), "old_password");
  EXPECT_EQ(c.get("/api/v1/scopes").error_code(), "password_change_required") << "failed changes change nothing";

  auto ok = c.change_password(pw, "Better#2024pass");
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.json().at("user").at("must_change_password"), false);
  EXPECT_EQ(last_audit(server()).at("action"), "session.change_password");
  EXPECT_EQ(c.get("/api/v1/scopes").status, 200);
  EXPECT_EQ(Client(port()).login("dangyuan", pw).status, 401) << "the one-time password is gone";
}

TEST_F(SessionApi, SecretaryIsForbiddenFromUserManagement) {
  const std::string pw = server().demo_password("shuji");
  Client c(port());
  ASSERT_EQ(c.login("shuji", pw).status, 200);
  EXPECT_EQ(c.get("/api/v1/users").error_code(), "password_change_required");
  ASSERT_EQ(c.change_password(pw, "Shuji#2024pass").status, 200);

  auto list = c.get("/api/v1/users");
  EXPECT_EQ(list.status, 403);
  EXPECT_EQ(list.error_code(), "forbidden");
  EXPECT_FALSE(list.json().at("error").at("message").as_string().empty());

  const auto users = server().count("users"), audit = server().count("audit_log");
  auto create = c.post("/api/v1/users", json::object{{"login", "sneaky"}, {"name", "x"}, {"role", "admin"},
                                                     {"password", "Sneaky#2024pass"}});
  EXPECT_EQ(create.status, 403);
  EXPECT_EQ(create.error_code(), "forbidden");
  EXPECT_EQ(server().count("users"), users);
  EXPECT_EQ(server().count("audit_log"), audit);
}

TEST_F(SessionApi, EveryNonPublicRouteAnswers401WithoutASession) {
  Client anonymous(port());
  Client forged(port());
  forged.cookies["lx_session"] = std::string(64, 'f');
  int checked = 0;
  for (const auto& r : product_routes()) {
    if (r.permission == "public") continue;
    SCOPED_TRACE(r.method + " " + r.pattern);
    for (Client* c : {&anonymous, &forged}) {
      auto res = c->request(r.method, expand(r.pattern), r.write ? "{}" : "");
      EXPECT_EQ(res.status, 401) << res.body;
      EXPECT_EQ(res.error_code(), "unauthenticated");
    }
    ++checked;
  }
  EXPECT_GT(checked, 0);
}

TEST_F(SessionApi, ASessionMadeOnOneServerWorksOnAnotherOnTheSameDatabase) {
  // No process keeps state another needs (DESIGN.md "Scale").
  Client c = server().admin();
  auto second = server().another();
  Client there(second->port());
  there.cookies = c.cookies;
  there.csrf = c.csrf;
  auto me = there.get("/api/v1/session");
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.json().at("user").at("login"), "admin");
  EXPECT_EQ(there.del("/api/v1/session").status, 204);
  EXPECT_EQ(c.get("/api/v1/session").status, 401) << "a logout on one server ends the session on all";
  EXPECT_EQ(second->stop(), 0);
}

}  // namespace
}  // namespace lx::test
