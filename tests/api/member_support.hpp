// Helpers of the member API tests: one demo server shared by a suite, valid
// ID numbers made from a birth date and a serial (R-ID-1, area code 320102 so
// they never meet the demo's 310199), members created through the API,
// secretaries of a named party org, and dates relative to today.
#pragma once
#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <string>

#include "census_support.hpp"
#include "core/dates.hpp"
#include "core/ids.hpp"
#include "partyorg_support.hpp"

namespace lx::test {

// A valid ID number born on yyyymmdd; male when the serial is odd.
inline std::string make_id(const std::string& yyyymmdd, int serial) {
  char seq[8];
  std::snprintf(seq, sizeof seq, "%03d", serial % 1000);
  const std::string first17 = "320102" + yyyymmdd + seq;
  return first17 + core::id_number_check_char(first17);
}

// A fresh serial for make_id, shared by the member suites of one run.
inline int next_serial() {
  static std::atomic<int> n{100};
  return ++n;
}

// A member body for POST /api/v1/members (full member of party_org_id).
inline json::object member_body(const std::string& name, const std::string& id, std::int64_t party_org_id,
                                json::object extra = {}) {
  json::object b{{"name", name},         {"id_number", id},         {"party_org_id", party_org_id},
                 {"status", "full"},     {"admitted_on", "2015-07-01"}, {"confirmed_on", "2016-07-01"}};
  for (auto& [k, v] : extra) b[k] = v;
  return b;
}

// Creates a member through the API; returns the person id (0 and a failure otherwise).
inline std::int64_t add_member(Client& c, const json::object& body) {
  auto r = c.post("/api/v1/members", body);
  EXPECT_EQ(r.status, 201) << r.body;
  if (r.status != 201) return 0;
  return r.json().at("id").as_int64();
}

// A secretary of the named party org, signed in.
inline Client secretary_of(Server& s, Client& admin, const std::string& party_org, const std::string& login) {
  json::object body{{"login", login},          {"name", "书记" + login},
                    {"role", "secretary"},     {"password", kInitialPassword},
                    {"scope_type", "party_org"}, {"scope_id", party_org_id(s, party_org)}};
  auto r = admin.post("/api/v1/users", body);
  EXPECT_EQ(r.status, 201) << r.body;
  Client c(s.port());
  EXPECT_EQ(c.login(login, kInitialPassword).status, 200);
  EXPECT_EQ(c.change_password(kInitialPassword, kUserPassword).status, 200);
  return c;
}

inline std::string member_path(std::int64_t id, const std::string& tail = "") {
  return "/api/v1/members/" + std::to_string(id) + tail;
}

}  // namespace lx::test
