// Helpers of the life API tests: a fresh branch with members, a committee
// and a group, meetings recorded through the API, and a member's own account.
#pragma once
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "member_support.hpp"

namespace lx::test {

struct Branch {
  std::int64_t id = 0, group = 0;
  std::vector<std::int64_t> members;   // persons, all full since 2020
  std::vector<std::int64_t> posts;     // committee posts: secretary first
};

// A branch founded 2020-01-01 under 东湖街道综合党委 with `members` full members
// (memberships from 2020-01-01), three committee posts (a committee, R-ORG-4)
// unless `committee` is false, and one party group.
inline Branch make_branch(Server& s, Client& admin, const std::string& name, int members = 3, bool committee = true) {
  Branch b;
  b.id = created_id(create_party_org(admin, name, "branch", party_org_id(s, "东湖街道综合党委"),
                                     json::object{{"formation", "single"}}));
  b.group = created_id(create_party_org(admin, name + "第一党小组", "group", b.id));
  for (int k = 0; k < members; ++k)
    b.members.push_back(add_member(admin, member_body(name.substr(0, 6) + "党员" + std::to_string(k + 1),
                                                      make_id("19800101", 2 * next_serial() + 1), b.id,
                                                      json::object{{"valid_from", "2020-01-01"}})));
  if (committee)
    for (const char* post : {"secretary", "organisation", "publicity"}) {
      auto r = admin.post("/api/v1/party-orgs/" + std::to_string(b.id) + "/committee",
                          json::object{{"post", post}, {"person_name", std::string(post) + "委员"},
                                       {"valid_from", "2020-01-01"}});
      EXPECT_EQ(r.status, 201) << r.body;
      if (r.status == 201) b.posts.push_back(r.json().at("id").as_int64());
    }
  return b;
}

// Records a meeting (14:30 on `on`, Shanghai); returns its id (0 and a failure otherwise).
inline std::int64_t add_meeting(Client& c, std::int64_t party_org, const std::string& kind, const std::string& on,
                                json::object extra = {}) {
  json::object b{{"kind", kind}, {"party_org_id", party_org}, {"topic", kind + " " + on},
                 {"starts_at", on + " 14:30"}};
  for (auto& [k, v] : extra) b[k] = v;
  auto r = c.post("/api/v1/meetings", b);
  EXPECT_EQ(r.status, 201) << kind << " " << on << ": " << r.body;
  if (r.status != 201) return 0;
  return r.json().at("id").as_int64();
}

// A signed-in account of role member linked to the person.
inline Client member_account(Server& s, Client& admin, std::int64_t person, std::int64_t party_org,
                             const std::string& login) {
  json::object body{{"login", login},     {"name", "党员" + login},   {"role", "member"},
                    {"password", kInitialPassword}, {"scope_type", "party_org"}, {"scope_id", party_org}};
  auto r = admin.post("/api/v1/users", body);
  EXPECT_EQ(r.status, 201) << r.body;
  const auto user = r.status == 201 ? r.json().at("id").as_int64() : 0;
  auto link = admin.post(member_path(person, "/account"), json::object{{"user_id", user}});
  EXPECT_EQ(link.status, 200) << link.body;
  Client c(s.port());
  EXPECT_EQ(c.login(login, kInitialPassword).status, 200);
  EXPECT_EQ(c.change_password(kInitialPassword, kUserPassword).status, 200);
  return c;
}

inline std::string ym(int year, int month, int day) {
  return core::to_iso(core::Date{year, month, day});
}

}  // namespace lx::test
