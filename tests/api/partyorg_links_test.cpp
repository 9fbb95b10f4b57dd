// Coverage links, committee posts, instructors and liaisons, mass orgs and
// the warnings (R-ORG-1..6) over HTTP, on both backends.
#include <fstream>
#include <map>
#include <sstream>

#include "partyorg_support.hpp"

namespace lx::test {
namespace {

class PartyOrgLinks : public SharedServer<PartyOrgLinks> {};

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> rules_of(const HttpResponse& r) { return item_strings(r, "rule"); }

TEST_F(PartyOrgLinks, JointBranchCoversSeveralOrgsAndWarnsAtTheSixth) {
  Client admin = server().admin();
  const auto joint = created_id(create_party_org(admin, "测试联合党支部", "branch",
                                                 party_org_id(server(), "东湖街道综合党委"), {{"formation", "joint"}}));
  const std::string base = "/api/v1/party-orgs/" + std::to_string(joint);
  std::vector<std::int64_t> orgs;
  for (int k = 1; k <= 6; ++k) orgs.push_back(add_org(server(), "联合覆盖单位" + std::to_string(k), "东湖街道", 1));
  for (int k = 0; k < 3; ++k) {
    auto r = admin.post(base + "/coverage", json::object{{"org_id", orgs[k]}, {"valid_from", "2024-01-01"}});
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_TRUE(r.json().at("warnings").as_array().empty());
  }
  auto listed = admin.get(base + "/coverage");
  EXPECT_EQ(item_strings(listed, "org_name"),
            (std::vector<std::string>{"联合覆盖单位1", "联合覆盖单位2", "联合覆盖单位3"}));
  // An org may be covered by more than one party org; the same pair twice is refused.
  auto dup = admin.post(base + "/coverage", json::object{{"org_id", orgs[0]}, {"valid_from", "2025-01-01"}});
  EXPECT_EQ(dup.status, 409) << dup.body;
  auto other = admin.post("/api/v1/party-orgs/" + std::to_string(party_org_id(server(), "东湖商圈联合党支部")) +
                              "/coverage",
                          json::object{{"org_id", orgs[0]}});
  EXPECT_EQ(other.status, 201) << other.body;

  for (int k = 3; k < 5; ++k)
    EXPECT_EQ(admin.post(base + "/coverage", json::object{{"org_id", orgs[k]}}).status, 201);
  auto sixth = admin.post(base + "/coverage", json::object{{"org_id", orgs[5]}});
  ASSERT_EQ(sixth.status, 201) << sixth.body;   // R-ORG-2 warns, never refuses
  ASSERT_EQ(sixth.json().at("warnings").as_array().size(), 1u);
  EXPECT_EQ(sixth.json().at("warnings").at(0).at("rule").as_string(), "R-ORG-2");
  EXPECT_TRUE(contains(rules_of(admin.get(base + "/warnings")), "R-ORG-2"));
  auto detail = admin.get(base);
  ASSERT_EQ(detail.status, 200);
  EXPECT_EQ(detail.json().at("covered_orgs").as_int64(), 6);
  EXPECT_EQ(detail.json().at("coverage").as_array().size(), 6u);
}

TEST_F(PartyOrgLinks, EndedCoverageIsNoLongerListed) {
  Client admin = server().admin();
  const auto branch = party_org_id(server(), "东湖科技有限公司党支部");
  const auto org = add_org(server(), "覆盖结束测试公司", "东湖街道", 2);
  auto link = admin.post("/api/v1/party-orgs/" + std::to_string(branch) + "/coverage",
                         json::object{{"org_id", org}, {"valid_from", day(-30)}});
  ASSERT_EQ(link.status, 201) << link.body;
  const auto id = link.json().at("id").as_int64();
  const std::string list = "/api/v1/party-orgs/" + std::to_string(branch) + "/coverage";
  EXPECT_TRUE(contains(item_strings(admin.get(list), "org_name"), "覆盖结束测试公司"));
  auto early = admin.post("/api/v1/coverage/" + std::to_string(id) + "/end", json::object{{"valid_to", day(-31)}});
  EXPECT_EQ(early.status, 400);
  EXPECT_EQ(early.error_field(), "valid_to");
  auto ended = admin.post("/api/v1/coverage/" + std::to_string(id) + "/end", json::object{{"valid_to", day()}});
  ASSERT_EQ(ended.status, 200) << ended.body;
  EXPECT_FALSE(contains(item_strings(admin.get(list), "org_name"), "覆盖结束测试公司"));
  EXPECT_TRUE(contains(item_strings(admin.get(list + "?include_ended=1"), "org_name"), "覆盖结束测试公司"));
  EXPECT_EQ(admin.post("/api/v1/coverage/" + std::to_string(id) + "/end", json::object{}).status, 409);
  EXPECT_EQ(last_audit(server()).at("action").as_string(), "coverage.end");
}

TEST_F(PartyOrgLinks, SecretaryMaintainsOwnCommitteeOnly) {
  Client admin = server().admin();
  auto sec = make_user(server(), admin, "secretary", "po_links_secretary");   // 东湖科技有限公司党支部
  const auto own = party_org_id(server(), "东湖科技有限公司党支部");
  const auto other = party_org_id(server(), "西城物流有限公司党支部");
  const json::object post{{"post", "discipline"}, {"person_name", "赵纪检"}, {"valid_from", "2025-05-01"}};
  auto mine = sec.client.post("/api/v1/party-orgs/" + std::to_string(own) + "/committee", post);
  ASSERT_EQ(mine.status, 201) << mine.body;
  EXPECT_EQ(mine.json().at("post_name").as_string(), "纪检委员");
  auto theirs = sec.client.post("/api/v1/party-orgs/" + std::to_string(other) + "/committee", post);
  EXPECT_EQ(theirs.status, 404) << theirs.body;
  EXPECT_EQ(server().scalar("SELECT COUNT(*) FROM committee_posts WHERE person_name = ?", {std::string("赵纪检")}), 1);

  // One secretary at a time (the demo's 张书记 holds the post); a member in Chinese is fine.
  auto second = sec.client.post("/api/v1/party-orgs/" + std::to_string(own) + "/committee",
                                json::object{{"post", "书记"}, {"person_name", "李另一"}, {"valid_from", "2025-01-01"}});
  EXPECT_EQ(second.status, 409) << second.body;
  auto deputy = sec.client.post("/api/v1/party-orgs/" + std::to_string(own) + "/committee",
                                json::object{{"post", "委员"}, {"person_name", "王委员"}, {"valid_from", "2025-01-01"}});
  ASSERT_EQ(deputy.status, 201) << deputy.body;
  auto committee = item_strings(sec.client.get("/api/v1/party-orgs/" + std::to_string(own) + "/committee"), "person_name");
  EXPECT_TRUE(contains(committee, "赵纪检"));
  EXPECT_TRUE(contains(committee, "王委员"));
  EXPECT_EQ(committee.front(), "张书记");   // secretary first

  // Ending: own post fine, another org's post answers like a missing one.
  auto admin_post = admin.post("/api/v1/party-orgs/" + std::to_string(other) + "/committee",
                               json::object{{"post", "publicity"}, {"person_name", "郑宣传"}});
  ASSERT_EQ(admin_post.status, 201) << admin_post.body;
  auto foreign = sec.client.post("/api/v1/committee-posts/" + std::to_string(admin_post.json().at("id").as_int64()) +
                                     "/end",
                                 json::object{{"valid_to", day()}});
  EXPECT_EQ(foreign.status, 404);
  auto end = sec.client.post("/api/v1/committee-posts/" + std::to_string(deputy.json().at("id").as_int64()) + "/end",
                             json::object{{"valid_to", day()}});
  ASSERT_EQ(end.status, 200) << end.body;
  EXPECT_FALSE(contains(
      item_strings(sec.client.get("/api/v1/party-orgs/" + std::to_string(own) + "/committee"), "person_name"), "王委员"));
  // Secretaries may not change coverage.
  EXPECT_EQ(sec.client.post("/api/v1/party-orgs/" + std::to_string(own) + "/coverage", json::object{{"org_id", 1}}).status,
            403);
}

TEST_F(PartyOrgLinks, AssignmentPhonesAreEncryptedAndMasked) {
  Client admin = server().admin();
  const auto org = add_org(server(), "指导员派驻公司", "西城街道", 0);
  const std::string phone = "13912345678";
  auto bad = admin.post("/api/v1/assignments", json::object{{"person_name", "赵指导"}, {"phone", "2391234567"},
                                                            {"role", "instructor"}, {"org_id", org}});
  EXPECT_EQ(bad.status, 400);   // R-ID-3
  EXPECT_EQ(bad.error_field(), "phone");
  auto r = admin.post("/api/v1/assignments", json::object{{"person_name", "赵指导"}, {"phone", phone},
                                                          {"role", "党建工作指导员"}, {"org_id", org},
                                                          {"valid_from", "2025-03-01"}});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json().at("phone").as_string(), "139****5678");
  EXPECT_EQ(r.json().at("role").as_string(), "instructor");
  const auto id = r.json().at("id").as_int64();
  EXPECT_EQ(server().scalar("SELECT COUNT(*) FROM assignments WHERE phone_enc = ? OR phone_mask = ?", {phone, phone}), 0);
  EXPECT_EQ(server().scalar("SELECT COUNT(*) FROM assignments WHERE id = ? AND phone_hash IS NOT NULL", {id}), 1);
  auto dup = admin.post("/api/v1/assignments", json::object{{"person_name", "赵指导"}, {"phone", phone},
                                                            {"role", "instructor"}, {"org_id", org}});
  EXPECT_EQ(dup.status, 409);
  if (backend() == "sqlite") {
    const std::string file = server().db_url().substr(std::string("sqlite:").size());
    const std::string bytes = slurp(file) + slurp(file + "-wal");
    ASSERT_FALSE(bytes.empty());
    EXPECT_EQ(bytes.find(phone), std::string::npos) << "the plain phone is in the database file";
  }
  auto list = admin.get("/api/v1/assignments?org_id=" + std::to_string(org));
  EXPECT_EQ(item_strings(list, "phone"), std::vector<std::string>{"139****5678"});
  auto reveal = admin.post("/api/v1/assignments/" + std::to_string(id) + "/reveal-phone", json::object{});
  ASSERT_EQ(reveal.status, 200) << reveal.body;
  EXPECT_EQ(reveal.json().at("phone").as_string(), phone);
  EXPECT_EQ(last_audit(server()).at("action").as_string(), "assignment.reveal_phone");
  auto end = admin.post("/api/v1/assignments/" + std::to_string(id) + "/end", json::object{{"valid_to", day()}});
  ASSERT_EQ(end.status, 200) << end.body;
  EXPECT_TRUE(item_strings(admin.get("/api/v1/assignments?org_id=" + std::to_string(org)), "id").empty());
}

TEST_F(PartyOrgLinks, MassOrgsOfAnOrg) {
  Client admin = server().admin();
  const auto org = add_org(server(), "群团组织测试公司", "东湖街道", 1);
  auto r = admin.post("/api/v1/mass-orgs", json::object{{"org_id", org}, {"type", "工会"}, {"founded_on", "2021-05-01"}});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json().at("type").as_string(), "union");
  EXPECT_EQ(r.json().at("type_name").as_string(), "工会");
  EXPECT_EQ(admin.post("/api/v1/mass-orgs", json::object{{"org_id", org}, {"type", "union"}}).status, 409);
  EXPECT_EQ(admin.post("/api/v1/mass-orgs", json::object{{"org_id", org}, {"type", "协会"}}).status, 400);
  EXPECT_EQ(admin.post("/api/v1/mass-orgs", json::object{{"org_id", org}, {"type", "妇联"}}).status, 201);
  auto list = admin.get("/api/v1/mass-orgs?org_id=" + std::to_string(org));
  EXPECT_EQ(item_strings(list, "type"), (std::vector<std::string>{"union", "womens_federation"}));
  auto d = admin.post("/api/v1/mass-orgs/" + std::to_string(r.json().at("id").as_int64()) + "/dissolve",
                      json::object{{"dissolved_on", day()}});
  ASSERT_EQ(d.status, 200) << d.body;
  EXPECT_EQ(item_strings(admin.get("/api/v1/mass-orgs?org_id=" + std::to_string(org)), "type"),
            std::vector<std::string>{"womens_federation"});
  // A street user of another street sees none of them.
  auto street = make_user(server(), admin, "street", "po_links_street");   // 东湖街道
  const auto west = add_org(server(), "西城群团测试公司", "西城街道", 0);
  EXPECT_EQ(admin.post("/api/v1/mass-orgs", json::object{{"org_id", west}, {"type", "youth_league"}}).status, 201);
  EXPECT_TRUE(item_strings(street.client.get("/api/v1/mass-orgs?org_id=" + std::to_string(west)), "id").empty());
  auto foreign = street.client.post("/api/v1/mass-orgs", json::object{{"org_id", west}, {"type", "union"}});
  EXPECT_EQ(foreign.status, 400);
  EXPECT_EQ(foreign.error_field(), "org_id");
}

TEST_F(PartyOrgLinks, WarningsCarryTheirRuleIds) {
  Client admin = server().admin();
  const auto parent = party_org_id(server(), "西城街道综合党委");
  const auto big = created_id(create_party_org(admin, "测试大支部", "branch", parent,
                                               {{"declared_members", 60}, {"declared_full_members", 58}}));
  created_id(create_party_org(admin, "测试临时支部", "branch", parent,
                              {{"temporary", true}, {"founded_on", day(-200)}, {"end_date", day(-1)}}));
  created_id(create_party_org(admin, "测试今天结束临时支部", "branch", parent,
                              {{"temporary", true}, {"founded_on", day(-200)}, {"end_date", day()}}));
  created_id(create_party_org(admin, "测试换届支部", "branch", parent, {{"term_start", "2021-01-01"}, {"term_years", 3}}));
  const auto should = add_org(server(), "应建未建测试公司", "西城街道", 5);
  add_org(server(), "两名党员测试公司", "西城街道", 2);

  auto own = admin.get("/api/v1/party-orgs/" + std::to_string(big) + "/warnings");
  auto own_rules = rules_of(own);
  EXPECT_TRUE(contains(own_rules, "R-ORG-3"));
  EXPECT_TRUE(contains(own_rules, "R-ORG-4"));   // 58 full members and no committee
  const json::value own_body = own.json();
  for (const auto& w : own_body.at("items").as_array()) EXPECT_FALSE(w.at("message").as_string().empty());

  auto all = admin.get("/api/v1/warnings");
  ASSERT_EQ(all.status, 200) << all.body;
  std::map<std::string, std::vector<std::string>> by_rule;
  const json::value all_body = all.json();
  for (const auto& w : all_body.at("items").as_array()) {
    const auto& name = w.at("party_org_name").is_string() ? w.at("party_org_name") : w.at("org_name");
    by_rule[std::string(w.at("rule").as_string())].emplace_back(name.as_string());
  }
  EXPECT_TRUE(contains(by_rule["R-ORG-1"], "应建未建测试公司"));
  EXPECT_FALSE(contains(by_rule["R-ORG-1"], "两名党员测试公司"));
  EXPECT_TRUE(contains(by_rule["R-ORG-3"], "测试大支部"));
  EXPECT_TRUE(contains(by_rule["R-ORG-5"], "测试换届支部"));
  EXPECT_TRUE(contains(by_rule["R-ORG-6"], "测试临时支部"));
  EXPECT_FALSE(contains(by_rule["R-ORG-6"], "测试今天结束临时支部"));

  auto only3 = admin.get("/api/v1/warnings?rule=R-ORG-3");
  for (const auto& r : rules_of(only3)) EXPECT_EQ(r, "R-ORG-3");
  EXPECT_EQ(admin.get("/api/v1/warnings?rule=R-XYZ").status, 400);

  auto sb = admin.get("/api/v1/warnings/should-build");
  EXPECT_TRUE(contains(item_strings(sb, "name"), "应建未建测试公司"));
  // Covered by a single party org of its own, it is no longer should-build.
  const auto single = created_id(create_party_org(admin, "应建未建测试公司党支部", "branch", parent,
                                                  {{"formation", "single"}}));
  EXPECT_EQ(admin.post("/api/v1/party-orgs/" + std::to_string(single) + "/coverage",
                       json::object{{"org_id", should}, {"valid_from", "2020-01-01"}})
                .status,
            201);
  EXPECT_FALSE(contains(item_strings(admin.get("/api/v1/warnings/should-build"), "name"), "应建未建测试公司"));
}

}  // namespace
}  // namespace lx::test
