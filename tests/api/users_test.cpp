// API tests of user administration (admin): list with paging and filters,
// create with role and data scope, update (never disabling oneself, never
// leaving the district without an admin), password reset, and the data scope
// a signed-in user sees.
#include <gtest/gtest.h>

#include <set>

#include "harness.hpp"

namespace lx::test {
namespace {

class UsersApi : public SharedServer<UsersApi> {
 protected:
  json::object new_user(const std::string& login, const std::string& role = "office") {
    json::object body{{"login", login}, {"name", "用户" + login}, {"role", role}, {"password", kInitialPassword}};
    for (auto& [k, v] : scope_for(server(), role)) body[k] = v;
    return body;
  }
  std::int64_t create(Client& admin, const std::string& login, const std::string& role = "office") {
    auto r = admin.post("/api/v1/users", new_user(login, role));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.json().at("id").as_int64() : 0;
  }
  std::string user_path(std::int64_t id) { return "/api/v1/users/" + std::to_string(id); }
};

TEST_F(UsersApi, ListPagesWithTheTotalCount) {
  Client admin = server().admin();
  for (const char* login : {"pg_a", "pg_b", "pg_c"}) create(admin, login);
  auto p1 = admin.get("/api/v1/users?q=pg_&size=2&page=1");
  ASSERT_EQ(p1.status, 200) << p1.body;
  auto j1 = p1.json().as_object();
  EXPECT_EQ(j1.at("total").as_int64(), 3);
  EXPECT_EQ(j1.at("page").as_int64(), 1);
  EXPECT_EQ(j1.at("size").as_int64(), 2);
  ASSERT_EQ(j1.at("items").as_array().size(), 2u);
  auto j2 = admin.get("/api/v1/users?q=pg_&size=2&page=2").json().as_object();
  ASSERT_EQ(j2.at("items").as_array().size(), 1u);
  EXPECT_EQ(j2.at("total").as_int64(), 3);
  std::set<std::string> logins;
  for (const auto* j : {&j1, &j2})
    for (const auto& u : j->at("items").as_array()) logins.insert(std::string(u.at("login").as_string()));
  EXPECT_EQ(logins, (std::set<std::string>{"pg_a", "pg_b", "pg_c"})) << "pages neither overlap nor skip";
  auto j3 = admin.get("/api/v1/users?q=pg_&size=2&page=3").json().as_object();
  EXPECT_TRUE(j3.at("items").as_array().empty());
  EXPECT_EQ(admin.get("/api/v1/users").json().at("size").as_int64(), 20) << "default page size";
}

TEST_F(UsersApi, ListFiltersByNameFragmentAndRole) {
  Client admin = server().admin();
  auto by_name = admin.get("/api/v1/users?q=%E5%BC%A0%E4%B9%A6%E8%AE%B0");  // 张书记
  ASSERT_EQ(by_name.status, 200);
  ASSERT_EQ(by_name.json().at("items").as_array().size(), 1u) << by_name.body;
  EXPECT_EQ(by_name.json().at("items").at(0).at("login"), "shuji");

  auto secretaries = admin.get("/api/v1/users?role=secretary&size=200");
  ASSERT_EQ(secretaries.status, 200);
  const json::array items = secretaries.json().at("items").as_array();
  EXPECT_FALSE(items.empty());
  for (const auto& u : items) EXPECT_EQ(u.at("role"), "secretary") << u;
  EXPECT_EQ(items.size(), static_cast<std::size_t>(secretaries.json().at("total").as_int64()));
  for (const auto& u : items) EXPECT_FALSE(u.as_object().contains("password_hash"));
}

TEST_F(UsersApi, ListRefusesBadParametersNamingThem) {
  Client admin = server().admin();
  const std::pair<const char*, const char*> cases[] = {
      {"/api/v1/users?role=boss", "role"}, {"/api/v1/users?size=0", "size"},   {"/api/v1/users?size=201", "size"},
      {"/api/v1/users?page=0", "page"},    {"/api/v1/users?page=abc", "page"}, {"/api/v1/users?size=-5", "size"}};
  for (const auto& [target, field] : cases) {
    auto r = admin.get(target);
    EXPECT_EQ(r.status, 400) << target;
    EXPECT_EQ(r.error_field(), field) << target;
  }
}

TEST_F(UsersApi, CreateAnswers201WithTheUserAndAuditsIt) {
  Client admin = server().admin();
  auto r = admin.post("/api/v1/users", new_user("created_one", "street"));
  ASSERT_EQ(r.status, 201) << r.body;
  auto u = r.json().as_object();
  EXPECT_EQ(u.at("login"), "created_one");
  EXPECT_EQ(u.at("role"), "street");
  EXPECT_EQ(u.at("role_name"), "街道党工委");
  EXPECT_EQ(u.at("scope").at("type"), "area");
  EXPECT_EQ(u.at("scope").at("name"), "东湖街道");
  EXPECT_EQ(u.at("must_change_password"), true) << "an admin-set password is one-time";
  EXPECT_EQ(u.at("disabled"), false);
  EXPECT_EQ(r.body.find("Init#2024pass"), std::string::npos);
  EXPECT_FALSE(u.contains("password_hash"));

  auto row = last_audit(server());
  EXPECT_EQ(row.at("action"), "user.create");
  EXPECT_EQ(row.at("login"), "admin");
  EXPECT_EQ(row.at("target").as_string(), "user:" + std::to_string(u.at("id").as_int64()));
  EXPECT_EQ(row.at("detail").at("after").at("login"), "created_one");
  EXPECT_EQ(row.at("detail").as_object().at("before"), nullptr);
  EXPECT_EQ(json::serialize(row.at("detail")).find("Init#2024pass"), std::string::npos) << "no password in the audit";
}

TEST_F(UsersApi, DuplicateLoginIs409AndWritesNothing) {
  Client admin = server().admin();
  create(admin, "dup_login");
  const auto users = server().count("users"), audit = server().count("audit_log");
  auto r = admin.post("/api/v1/users", new_user("dup_login"));
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(r.error_code(), "conflict");
  EXPECT_EQ(r.error_field(), "login");
  EXPECT_EQ(server().count("users"), users);
  EXPECT_EQ(server().count("audit_log"), audit);
}

TEST_F(UsersApi, InvalidCreateInputIs400NamingTheField) {
  Client admin = server().admin();
  const auto users = server().count("users");
  auto expect_400 = [&](json::object body, const char* field, const char* why) {
    auto r = admin.post("/api/v1/users", body);
    EXPECT_EQ(r.status, 400) << why << ": " << r.body;
    EXPECT_EQ(r.error_field(), field) << why;
  };
  auto body = new_user("bad_role");
  body["role"] = "superuser";
  expect_400(body, "role", "unknown role");
  body = new_user("no_scope_street");
  body["role"] = "street";
  expect_400(body, "scope_id", "a street user needs a scope");
  body = new_user("secretary_area", "secretary");
  body["scope_type"] = "area";
  body["scope_id"] = scope_for(server(), "street").at("scope_id");
  expect_400(body, "scope_type", "a secretary's scope is a party org");
  body = new_user("ghost_scope", "member");
  body["scope_id"] = 999999;
  expect_400(body, "scope_id", "the scope must exist");
  body = new_user("weak_pw");
  body["password"] = "password";
  expect_400(body, "password", "weak initial password");
  body = new_user("bad login!");
  expect_400(body, "login", "login with a space");
  EXPECT_EQ(server().count("users"), users);
}

TEST_F(UsersApi, UpdateChangesFieldsAndAuditsBeforeAndAfter) {
  Client admin = server().admin();
  const auto id = create(admin, "upd_one");
  auto r = admin.patch(user_path(id), json::object{{"name", "新名字"}, {"role", "admin"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json().at("name"), "新名字");
  EXPECT_EQ(r.json().at("role"), "admin");
  auto row = last_audit(server());
  EXPECT_EQ(row.at("action"), "user.update");
  EXPECT_EQ(row.at("target").as_string(), "user:" + std::to_string(id));
  EXPECT_EQ(row.at("detail").at("before").at("name"), "用户upd_one");
  EXPECT_EQ(row.at("detail").at("before").at("role"), "office");
  EXPECT_EQ(row.at("detail").at("after").at("name"), "新名字");
  EXPECT_EQ(row.at("detail").at("after").at("role"), "admin");
  // Back to office so the last-admin test below sees only its own admins.
  ASSERT_EQ(admin.patch(user_path(id), json::object{{"role", "office"}}).status, 200);
}

TEST_F(UsersApi, UpdateRefusesLoginAndPasswordAndUnknownUsers) {
  Client admin = server().admin();
  const auto id = create(admin, "upd_refuse");
  auto login = admin.patch(user_path(id), json::object{{"login", "renamed"}});
  EXPECT_EQ(login.status, 400);
  EXPECT_EQ(login.error_field(), "login");
  auto pw = admin.patch(user_path(id), json::object{{"password", "Other#2024pass"}});
  EXPECT_EQ(pw.status, 400);
  EXPECT_EQ(pw.error_field(), "password");
  EXPECT_EQ(admin.patch("/api/v1/users/999999", json::object{{"name", "x"}}).status, 404);
  EXPECT_EQ(admin.patch("/api/v1/users/abc", json::object{{"name", "x"}}).status, 404);
  EXPECT_EQ(admin.patch("/api/v1/users/0", json::object{{"name", "x"}}).status, 404);
}

TEST_F(UsersApi, AdminCannotDisableThemself) {
  Client admin = server().admin();
  const auto audit = server().count("audit_log");
  auto r = admin.patch("/api/v1/users/1", json::object{{"disabled", true}});
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.error_field(), "disabled");
  EXPECT_EQ(server().count("audit_log"), audit);
  EXPECT_EQ(admin.get("/api/v1/session").status, 200);
}

TEST_F(UsersApi, CannotRemoveTheLastActiveAdmin) {
  Client admin = server().admin();
  const auto other = create(admin, "second_admin", "admin");
  // With two admins one may step down; then the remaining one may not.
  auto all = admin.get("/api/v1/users?role=admin&size=200").json().at("items").as_array();
  for (const auto& u : all) {
    const auto id = u.at("id").as_int64();
    if (id == 1 || u.at("disabled").as_bool()) continue;
    ASSERT_EQ(admin.patch(user_path(id), json::object{{"role", "office"}}).status, 200) << u;
  }
  auto demote = admin.patch("/api/v1/users/1", json::object{{"role", "office"}});
  EXPECT_EQ(demote.status, 400) << demote.body;
  EXPECT_EQ(demote.error_field(), "role");
  EXPECT_EQ(server().scalar("SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled = 0"), 1);
  // Restoring a second admin makes stepping down possible again; undo at once.
  ASSERT_EQ(admin.patch(user_path(other), json::object{{"role", "admin"}}).status, 200);
  ASSERT_EQ(admin.patch(user_path(other), json::object{{"disabled", true}}).status, 200);
  EXPECT_EQ(admin.patch("/api/v1/users/1", json::object{{"role", "office"}}).status, 400)
      << "a disabled admin does not count";
}

TEST_F(UsersApi, DisablingAUserEndsItsSessionsAndSignIns) {
  Client admin = server().admin();
  auto u = make_user(server(), admin, "office", "to_disable");
  ASSERT_EQ(u.client.get("/api/v1/session").status, 200);
  ASSERT_EQ(admin.patch(user_path(u.id), json::object{{"disabled", true}}).status, 200);
  EXPECT_EQ(u.client.get("/api/v1/session").status, 401);
  auto again = Client(port()).login("to_disable", kUserPassword);
  EXPECT_EQ(again.status, 401);
  EXPECT_EQ(again.error_code(), "bad_credentials");
}

TEST_F(UsersApi, ResetPasswordForcesAChangeAndEndsOldSessions) {
  Client admin = server().admin();
  auto u = make_user(server(), admin, "office", "to_reset");
  Client second(port());
  ASSERT_EQ(second.login("to_reset", kUserPassword).status, 200);

  auto weak = admin.post(user_path(u.id) + "/password", json::object{{"password", "short"}});
  EXPECT_EQ(weak.status, 400);
  EXPECT_EQ(weak.error_field(), "password");
  EXPECT_EQ(u.client.get("/api/v1/session").status, 200) << "a refused reset changes nothing";

  auto r = admin.post(user_path(u.id) + "/password", json::object{{"password", "Reset#2024pass"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json().at("must_change_password"), true);
  auto row = last_audit(server());
  EXPECT_EQ(row.at("action"), "user.reset_password");
  EXPECT_EQ(row.at("target").as_string(), "user:" + std::to_string(u.id));
  EXPECT_EQ(server().scalar("SELECT COUNT(*) FROM sessions WHERE user_id = ?", {u.id}), 0);

  EXPECT_EQ(u.client.get("/api/v1/session").status, 401);
  EXPECT_EQ(second.get("/api/v1/session").status, 401);
  Client fresh(port());
  EXPECT_EQ(fresh.login("to_reset", kUserPassword).status, 401) << "the old password no longer works";
  auto login = fresh.login("to_reset", "Reset#2024pass");
  ASSERT_EQ(login.status, 200);
  EXPECT_EQ(login.json().at("user").at("must_change_password"), true);
  EXPECT_EQ(fresh.get("/api/v1/scopes").error_code(), "password_change_required");
  EXPECT_EQ(admin.post("/api/v1/users/999999/password", json::object{{"password", "Reset#2024pass"}}).status, 404);
}

TEST_F(UsersApi, EachUserSeesTheScopeTreeOfTheirScopeOnly) {
  Client admin = server().admin();
  auto whole = admin.get("/api/v1/scopes");
  ASSERT_EQ(whole.status, 200);
  const auto all = whole.json().at("items").as_array().size();
  EXPECT_EQ(all, static_cast<std::size_t>(server().count("areas") + server().count("party_orgs")));

  auto street = make_user(server(), admin, "street", "scope_street");
  auto part = street.client.get("/api/v1/scopes");
  ASSERT_EQ(part.status, 200) << part.body;
  const json::array items = part.json().at("items").as_array();
  ASSERT_FALSE(items.empty());
  EXPECT_LT(items.size(), all);
  EXPECT_EQ(items.at(0).at("name"), "东湖街道");
  EXPECT_EQ(items.at(0).at("parent_id"), nullptr) << "the root of a partial tree has no visible parent";
  for (const auto& n : items) {
    EXPECT_EQ(n.at("type"), "area") << n;
    EXPECT_NE(n.at("name"), "西城街道") << "another street is outside the scope";
  }
}

}  // namespace
}  // namespace lx::test
