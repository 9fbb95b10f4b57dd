// Helpers of the census API tests: one demo server shared by a suite (the
// tests use their own credit codes, so they do not step on each other),
// lookups by name, valid credit codes, URL encoding and demo sign-ins.
#pragma once
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "core/ids.hpp"
#include "harness.hpp"

namespace lx::test {

// A fixture whose tests share one server with the demo district.
class CensusSuite : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!skip_reason()) shared() = std::make_unique<Server>();
  }
  static void TearDownTestSuite() { shared().reset(); }
  void SetUp() override { LX_SKIP_IF_NO_BACKEND(); }
  static Server& server() { return *shared(); }

 private:
  static std::unique_ptr<Server>& shared() {
    static std::unique_ptr<Server> s;
    return s;
  }
};

// A valid credit code (R-ID-2) from its first 17 characters.
inline std::string census_code(const std::string& first17) {
  return first17 + core::credit_code_check_char(first17);
}

inline std::int64_t area_id(Server& s, const std::string& name) {
  return s.scalar("SELECT id FROM areas WHERE name = ?", {name});
}

inline std::int64_t org_id(Server& s, const std::string& name) {
  return s.scalar("SELECT id FROM orgs WHERE name = ?", {name});
}

// Percent-encodes every byte outside the unreserved set.
inline std::string enc(const std::string& text) {
  static const char hex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char ch : text) {
    if ((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || ch == '-' || ch == '.' ||
        ch == '_' || ch == '~') {
      out += static_cast<char>(ch);
    } else {
      out += '%';
      out += hex[ch >> 4];
      out += hex[ch & 15];
    }
  }
  return out;
}

// The items of a list answer, as a value (r.json() is a temporary).
inline json::array items(const HttpResponse& r) {
  auto j = r.json();
  if (!j.is_object() || !j.as_object().contains("items")) return {};
  return j.at("items").as_array();
}

// The names of a list answer's items, in order.
inline std::vector<std::string> names_of(const HttpResponse& r) {
  std::vector<std::string> out;
  EXPECT_EQ(r.status, 200) << r.body;
  if (r.status != 200) return out;
  for (const auto& o : items(r)) out.emplace_back(o.at("name").as_string());
  return out;
}

// A demo user signed in, its one-time password changed (once per server).
inline Client demo_login(Server& s, const std::string& login) {
  Client c(s.port());
  auto r = c.login(login, kUserPassword);
  if (r.status == 200) return c;
  const std::string once = s.demo_password(login);
  r = c.login(login, once);
  EXPECT_EQ(r.status, 200) << r.body;
  auto p = c.change_password(once, kUserPassword);
  EXPECT_EQ(p.status, 200) << p.body;
  return c;
}

}  // namespace lx::test
