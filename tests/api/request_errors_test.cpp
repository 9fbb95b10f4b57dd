// API tests of the request pipeline's refusals: CSRF, malformed and mistyped
// JSON, oversize bodies and headers, unknown routes and wrong methods — each
// answered in the one error format, and none of them writing anything. Also
// the security headers every answer carries.
#include <gtest/gtest.h>

#include "harness.hpp"

namespace lx::test {
namespace {

class RequestErrors : public SharedServer<RequestErrors> {
 protected:
  // Rows that a write would add: users and audit entries.
  std::pair<std::int64_t, std::int64_t> written() { return {server().count("users"), server().count("audit_log")}; }

  json::object valid_user(const std::string& login) {
    return {{"login", login}, {"name", "测试"}, {"role", "office"}, {"password", "Valid#2024pass"}};
  }

  // A raw request on the admin's session, with the CSRF token.
  std::string raw_head(Client& c, const std::string& method, const std::string& target) {
    return method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: lx_session=" + c.session_cookie() +
           "\r\nX-CSRF-Token: " + c.csrf + "\r\nContent-Type: application/json\r\n";
  }
};

TEST_F(RequestErrors, MissingOrWrongCsrfTokenIs403AndWritesNothing) {
  Client admin = server().admin();
  Client other = server().admin();
  const auto before = written();
  Client none = admin;
  none.csrf.clear();
  auto r1 = none.post("/api/v1/users", valid_user("csrf_none"));
  EXPECT_EQ(r1.status, 403);
  EXPECT_EQ(r1.error_code(), "csrf");

  Client wrong = admin;
  wrong.csrf = std::string(64, '0');
  auto r2 = wrong.post("/api/v1/users", valid_user("csrf_wrong"));
  EXPECT_EQ(r2.status, 403);
  EXPECT_EQ(r2.error_code(), "csrf");

  Client truncated = admin;
  truncated.csrf = admin.csrf.substr(0, 63);
  EXPECT_EQ(truncated.post("/api/v1/users", valid_user("csrf_short")).error_code(), "csrf");

  // Another session's valid token does not fit this session.
  Client crossed = admin;
  crossed.csrf = other.csrf;
  EXPECT_EQ(crossed.post("/api/v1/users", valid_user("csrf_cross")).error_code(), "csrf");

  EXPECT_EQ(written(), before);
  EXPECT_EQ(admin.post("/api/v1/users", valid_user("csrf_right")).status, 201) << "the right token works";
}

TEST_F(RequestErrors, MalformedJsonIs400NamingTheProblemAndWritesNothing) {
  Client admin = server().admin();
  const auto before = written();
  for (const std::string body : {"{\"login\": \"x\",", "not json", "{'login': 'x'}", "{\"a\":1}}"}) {
    auto r = admin.request("POST", "/api/v1/users", body);
    EXPECT_EQ(r.status, 400) << body;
    EXPECT_EQ(r.error_code(), "invalid_json") << body;
    EXPECT_NE(r.json().at("error").at("message").as_string().find("JSON"), json::string::npos) << r.body;
  }
  auto array = admin.request("POST", "/api/v1/users", "[1, 2]");
  EXPECT_EQ(array.status, 400);
  EXPECT_NE(array.json().at("error").at("message").as_string().find("对象"), json::string::npos) << array.body;
  auto empty = admin.request("POST", "/api/v1/users", "");
  EXPECT_EQ(empty.status, 400);
  EXPECT_EQ(empty.error_code(), "invalid_json");
  auto bad_utf8 = admin.request("POST", "/api/v1/users", "{\"login\": \"\xff\xfe\"}");
  EXPECT_EQ(bad_utf8.status, 400) << bad_utf8.body;
  EXPECT_EQ(written(), before);
}

TEST_F(RequestErrors, DeeplyNestedJsonIsRefusedNotCrashing) {
  Client admin = server().admin();
  const auto before = written();
  auto r = admin.request("POST", "/api/v1/users", std::string(10000, '[') + std::string(10000, ']'));
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(written(), before);
  EXPECT_EQ(admin.get("/api/v1/health").status, 200);
}

TEST_F(RequestErrors, WrongTypesAre400WithTheFieldAndWriteNothing) {
  Client admin = server().admin();
  const auto before = written();
  struct Case {
    const char* field;
    json::value value;
  };
  const Case cases[] = {{"login", 42}, {"name", json::array{"a"}}, {"role", true}, {"password", 12345678},
                        {"scope_id", "3"}, {"scope_type", json::object{}}};
  for (const auto& c : cases) {
    json::object body = valid_user(std::string("typed_") + c.field);
    body[c.field] = c.value;
    auto r = admin.post("/api/v1/users", body);
    EXPECT_EQ(r.status, 400) << c.field << ": " << r.body;
    EXPECT_EQ(r.error_code(), "invalid_type") << c.field;
    EXPECT_EQ(r.error_field(), c.field);
  }
  auto patch = admin.patch("/api/v1/users/1", json::object{{"disabled", "yes"}});
  EXPECT_EQ(patch.status, 400);
  EXPECT_EQ(patch.error_field(), "disabled");
  EXPECT_EQ(written(), before);
}

TEST_F(RequestErrors, MissingRequiredFieldIs400WithTheFieldAndWritesNothing) {
  Client admin = server().admin();
  const auto before = written();
  for (const char* field : {"login", "name", "role", "password"}) {
    json::object body = valid_user("missing_field");
    body.erase(field);
    auto r = admin.post("/api/v1/users", body);
    EXPECT_EQ(r.status, 400) << field << ": " << r.body;
    EXPECT_EQ(r.error_field(), field);
  }
  EXPECT_EQ(written(), before);
}

TEST_F(RequestErrors, OversizeJsonBodyIs413AndWritesNothing) {
  Client admin = server().admin();
  const auto before = written();
  json::object body = valid_user("oversize");
  body["name"] = std::string(1024 * 1024 + 100, 'x');
  const std::string text = json::serialize(body);

  // Declared by Content-Length: refused before the body is read.
  auto declared = raw_send(port(), raw_head(admin, "POST", "/api/v1/users") + "Content-Length: " +
                                       std::to_string(text.size()) + "\r\n\r\n" + text);
  EXPECT_EQ(raw_status(declared), 413) << declared.substr(0, 300);
  EXPECT_NE(declared.find("\"too_large\""), std::string::npos);

  // Chunked, so the size shows only while reading.
  std::string chunked = raw_head(admin, "POST", "/api/v1/users") + "Transfer-Encoding: chunked\r\n\r\n";
  for (std::size_t k = 0; k < text.size(); k += 65536) {
    const std::string part = text.substr(k, 65536);
    char len[32];
    std::snprintf(len, sizeof len, "%zx\r\n", part.size());
    chunked += len + part + "\r\n";
  }
  chunked += "0\r\n\r\n";
  auto streamed = raw_send(port(), chunked);
  EXPECT_EQ(raw_status(streamed), 413) << streamed.substr(0, 300);

  EXPECT_EQ(written(), before);
  EXPECT_EQ(admin.get("/api/v1/health").status, 200) << "the server lives on";
}

TEST_F(RequestErrors, BodyJustUnderTheLimitIsReadAndJudgedOnItsFields) {
  Client admin = server().admin();
  json::object body = valid_user("under_limit");
  body["name"] = std::string(1024 * 1024 - 200, 'x');
  auto r = admin.post("/api/v1/users", body);
  EXPECT_EQ(r.status, 400) << r.body.substr(0, 300);
  EXPECT_EQ(r.error_code(), "too_long");
  EXPECT_EQ(r.error_field(), "name");
}

TEST_F(RequestErrors, UnknownApiRouteIs404InTheErrorFormat) {
  Client c(port());
  for (const char* target : {"/api/v1/nothing", "/api/v1/users/1/nothing", "/api", "/api/v2/users"}) {
    auto r = c.get(target);
    EXPECT_EQ(r.status, 404) << target;
    EXPECT_EQ(r.error_code(), "not_found") << target;
    EXPECT_EQ(r.header("Content-Type"), "application/json; charset=utf-8") << target;
  }
}

TEST_F(RequestErrors, WrongMethodIs405WithAllow) {
  Client c(port());
  auto r = c.request("PUT", "/api/v1/health", "{}");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.error_code(), "method_not_allowed");
  EXPECT_EQ(r.header("Allow"), "GET");

  auto users = c.del("/api/v1/users");
  EXPECT_EQ(users.status, 405);
  const std::string allow = users.header("Allow");
  EXPECT_NE(allow.find("GET"), std::string::npos) << allow;
  EXPECT_NE(allow.find("POST"), std::string::npos) << allow;
  EXPECT_EQ(allow.find("DELETE"), std::string::npos) << allow;
}

TEST_F(RequestErrors, OversizeHeaderIs431) {
  const std::string big(20 * 1024, 'h');
  auto answer = raw_send(port(), "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + big + "\r\n\r\n");
  EXPECT_EQ(raw_status(answer), 431) << answer.substr(0, 300);
  EXPECT_NE(answer.find("\"header_too_large\""), std::string::npos);
  EXPECT_EQ(Client(port()).get("/api/v1/health").status, 200);
}

TEST_F(RequestErrors, MalformedRequestIs400) {
  auto answer = raw_send(port(), "THIS IS NOT HTTP\r\n\r\n");
  EXPECT_EQ(raw_status(answer), 400) << answer.substr(0, 300);
  auto bad_length = raw_send(port(), "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n");
  EXPECT_EQ(raw_status(bad_length), 400) << bad_length.substr(0, 300);
}

TEST_F(RequestErrors, KeepAliveServesSeveralRequestsOnOneConnection) {
  const std::string one = "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  auto answer = raw_send(port(), one + one + "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  std::size_t count = 0;
  for (auto p = answer.find("HTTP/1.1 200"); p != std::string::npos; p = answer.find("HTTP/1.1 200", p + 1)) ++count;
  EXPECT_EQ(count, 3u) << answer;
}

TEST_F(RequestErrors, SecurityHeadersOnEveryKindOfAnswerAndNoServerHeader) {
  Client c(port());
  Client admin = server().admin();
  std::vector<std::pair<std::string, HttpResponse>> answers = {
      {"health", c.get("/api/v1/health")},
      {"401", c.get("/api/v1/users")},
      {"404 api", c.get("/api/v1/nothing")},
      {"index", c.get("/")},
      {"asset", c.get("/assets/app-abc.js")},
      {"404 static", c.get("/missing.js")},
      {"users", admin.get("/api/v1/users")},
  };
  for (const auto& [what, r] : answers) {
    SCOPED_TRACE(what);
    const std::string csp = r.header("Content-Security-Policy");
    EXPECT_NE(csp.find("default-src 'self'"), std::string::npos) << csp;
    EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << csp;
    EXPECT_EQ(r.header("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(r.header("X-Frame-Options"), "DENY");
    EXPECT_FALSE(r.header("Referrer-Policy").empty());
    EXPECT_FALSE(r.has_header("Server"));
    EXPECT_FALSE(r.has_header("X-Powered-By"));
  }
  EXPECT_EQ(answers[0].second.header("Cache-Control"), "no-store") << "API answers are never cached";
  EXPECT_EQ(answers.back().second.header("Cache-Control"), "no-store");
}

}  // namespace
}  // namespace lx::test
