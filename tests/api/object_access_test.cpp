// Object-level access (issue 6): for every route that takes a record id, a
// user outside the record's scope gets exactly the answer a missing id gets —
// same status, same body — and writes nothing. The routes are read from the
// router, so a module that adds an {id} route must name a sample record of
// that kind here, or this test fails.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "life_support.hpp"

namespace lx::test {
namespace {

class ObjectAccess : public CensusSuite {};

// The second path segment after /api/v1/ names the kind of record.
std::string kind_of(const std::string& pattern) {
  const std::string rest = pattern.substr(std::string("/api/v1/").size());
  return rest.substr(0, rest.find('/'));
}

TEST_F(ObjectAccess, OutsideTheScopeAnswersExactlyLikeAMissingIdAndWritesNothing) {
  auto& s = server();
  Client admin = s.admin();
  const auto tech = party_org_id(s, "东湖科技有限公司党支部");
  // Records of 东湖科技有限公司党支部 and the orgs it covers (demo data, plus what the demo lacks).
  const auto meeting = s.scalar("SELECT MIN(id) FROM meetings WHERE party_org_id = ?", {tech});
  auto up = admin.request("POST", "/api/v1/meetings/" + std::to_string(meeting) + "/attachments?filename=a.txt", "纪要",
                          {{"Content-Type", "text/plain"}});
  ASSERT_EQ(up.status, 201) << up.body;
  const std::map<std::string, std::int64_t> sample = {
      {"orgs", org_id(s, "东湖科技有限公司")},
      {"party-orgs", tech},
      {"coverage", s.scalar("SELECT MIN(id) FROM coverage WHERE party_org_id = ?", {tech})},
      {"committee-posts", s.scalar("SELECT MIN(id) FROM committee_posts WHERE party_org_id = ?", {tech})},
      {"assignments", s.scalar("SELECT MIN(a.id) FROM assignments a JOIN orgs o ON o.id = a.org_id WHERE o.name = ?",
                               {std::string("东湖智能制造有限公司")})},
      {"mass-orgs", s.scalar("SELECT MIN(m.id) FROM mass_orgs m JOIN orgs o ON o.id = m.org_id WHERE o.name = ?",
                             {std::string("东湖科技有限公司")})},
      {"members", s.scalar("SELECT MIN(person_id) FROM memberships WHERE party_org_id = ? AND valid_to IS NULL", {tech})},
      {"transfers", s.scalar("SELECT MIN(id) FROM transfers WHERE to_party_org_id = ? AND from_party_org_id IS NULL",
                             {tech})},
      {"recruits", s.scalar("SELECT MIN(id) FROM recruits WHERE party_org_id = ?", {tech})},
      {"meetings", meeting},
      {"attachments", up.json().at("id").as_int64()},
      {"heart-talks", s.scalar("SELECT MIN(id) FROM heart_talks WHERE party_org_id = ?", {tech})},
      {"areas", area_id(s, "东湖第一社区")},
  };
  for (const auto& [kind, id] : sample) ASSERT_GT(id, 0) << "no sample record of " << kind;
  // Routes whose id is not a scoped record: accounts (admin only), a job or
  // report (its creator's), a setting key, a ledger name.
  const std::set<std::string> not_scoped = {"users", "jobs", "stats", "settings", "import", "export", "templates"};

  // The outsider: the secretary of 西城社会组织联合党支部, and a street user of the other street.
  Client secretary = secretary_of(s, admin, "西城社会组织联合党支部", "object_access_sec");
  json::object xicheng_user{{"login", "object_access_street"}, {"name", "西城街道用户"}, {"role", "street"},
                            {"password", kInitialPassword}, {"scope_type", "area"},
                            {"scope_id", area_id(s, "西城街道")}};
  ASSERT_EQ(admin.post("/api/v1/users", xicheng_user).status, 201);
  Client street(s.port());
  ASSERT_EQ(street.login("object_access_street", kInitialPassword).status, 200);
  ASSERT_EQ(street.change_password(kInitialPassword, kUserPassword).status, 200);

  int checked = 0;
  for (const auto& r : product_routes()) {
    if (r.pattern.find("{id}") == std::string::npos) continue;
    const std::string kind = kind_of(r.pattern);
    if (not_scoped.count(kind)) continue;
    auto it = sample.find(kind);
    ASSERT_NE(it, sample.end()) << "name a sample record for " << r.method << " " << r.pattern;
    const std::string body = r.write ? "{}" : "";
    for (Client* c : {&secretary, &street}) {
      const auto audit = s.count("audit_log");
      auto there = c->request(r.method, expand(r.pattern, std::to_string(it->second)), body);
      auto missing = c->request(r.method, expand(r.pattern, "99999999"), body);
      SCOPED_TRACE(r.method + " " + r.pattern);
      EXPECT_EQ(there.status, missing.status) << there.body << " vs " << missing.body;
      EXPECT_EQ(there.body, missing.body);
      EXPECT_NE(there.status, 200) << there.body;
      EXPECT_LT(there.status, 500) << there.body;
      EXPECT_EQ(s.count("audit_log"), audit) << "an answer outside the scope writes nothing";
      ++checked;
    }
  }
  EXPECT_GT(checked, 60);
  // And the owner's own secretary does see them (the samples are real).
  Client shuji = demo_login(s, "shuji");
  for (const char* path : {"/api/v1/party-orgs/", "/api/v1/members/", "/api/v1/meetings/", "/api/v1/recruits/"}) {
    const std::string kind = kind_of(std::string(path) + "x");
    EXPECT_EQ(shuji.get(path + std::to_string(sample.at(kind))).status, 200) << path;
  }
}

}  // namespace
}  // namespace lx::test
