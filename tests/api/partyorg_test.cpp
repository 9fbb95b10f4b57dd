// The party org tree over HTTP, on both backends: create, move (paths of the
// whole subtree follow; a move under its own descendant is refused), the
// placement rules (R-ORG-6), dissolving, data scopes and the role checks.
#include "partyorg_support.hpp"

namespace lx::test {
namespace {

class PartyOrgTree : public SharedServer<PartyOrgTree> {};

TEST_F(PartyOrgTree, CreateAndMoveKeepPathsOfTheSubtree) {
  Client admin = server().admin();
  const auto work = party_org_id(server(), "示范区两新组织党工委");
  const auto donghu = party_org_id(server(), "东湖街道综合党委");
  const auto c1 = created_id(create_party_org(admin, "测试非公企业党委", "committee", work));
  const auto b1 = created_id(create_party_org(admin, "测试第一党支部", "branch", c1));
  const auto g1 = created_id(create_party_org(admin, "测试第一党小组", "group", b1));
  ASSERT_TRUE(c1 && b1 && g1);
  const std::string wp = party_org_path(server(), work);
  EXPECT_EQ(party_org_path(server(), c1), wp + std::to_string(c1) + "/");
  EXPECT_EQ(party_org_path(server(), g1), wp + std::to_string(c1) + "/" + std::to_string(b1) + "/" + std::to_string(g1) + "/");

  auto detail = admin.get("/api/v1/party-orgs/" + std::to_string(b1));
  ASSERT_EQ(detail.status, 200) << detail.body;
  EXPECT_EQ(detail.json().at("type_name").as_string(), "党支部");
  EXPECT_EQ(detail.json().at("depth").as_int64(), 3);
  EXPECT_EQ(detail.json().at("term_years").as_int64(), 3);   // R-ORG-5 default
  EXPECT_EQ(detail.json().at("children").as_int64(), 1);

  auto moved = admin.post("/api/v1/party-orgs/" + std::to_string(c1) + "/move", json::object{{"parent_id", donghu}});
  ASSERT_EQ(moved.status, 200) << moved.body;
  const std::string dp = party_org_path(server(), donghu);
  EXPECT_EQ(party_org_path(server(), c1), dp + std::to_string(c1) + "/");
  EXPECT_EQ(party_org_path(server(), b1), dp + std::to_string(c1) + "/" + std::to_string(b1) + "/");
  EXPECT_EQ(party_org_path(server(), g1), dp + std::to_string(c1) + "/" + std::to_string(b1) + "/" + std::to_string(g1) + "/");
  auto audit = last_audit(server());
  EXPECT_EQ(audit.at("action").as_string(), "party_org.move");
  EXPECT_EQ(audit.at("target").as_string(), "party_org:" + std::to_string(c1));
  EXPECT_EQ(audit.at("detail").at("before").at("parent_id").as_int64(), work);
  EXPECT_EQ(audit.at("detail").at("after").at("parent_id").as_int64(), donghu);

  // The children list of the new parent shows it; the old one no longer does.
  auto kids = admin.get("/api/v1/party-orgs?parent_id=" + std::to_string(donghu));
  EXPECT_TRUE(contains(item_strings(kids, "name"), "测试非公企业党委"));
  auto old_kids = admin.get("/api/v1/party-orgs?parent_id=" + std::to_string(work));
  EXPECT_FALSE(contains(item_strings(old_kids, "name"), "测试非公企业党委"));
}

TEST_F(PartyOrgTree, MoveUnderOwnDescendantIsRefused) {
  Client admin = server().admin();
  const auto work = party_org_id(server(), "示范区两新组织党工委");
  const auto c = created_id(create_party_org(admin, "测试循环党委", "committee", work));
  const auto inner = created_id(create_party_org(admin, "测试循环下级党委", "committee", c));
  const std::string before = party_org_path(server(), c);
  for (auto target : {inner, c}) {
    auto r = admin.post("/api/v1/party-orgs/" + std::to_string(c) + "/move", json::object{{"parent_id", target}});
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_EQ(r.error_code(), "invalid_parent");
    EXPECT_EQ(r.error_field(), "parent_id");
  }
  EXPECT_EQ(party_org_path(server(), c), before);
}

TEST_F(PartyOrgTree, GroupUnderCommitteeIsRefused) {
  Client admin = server().admin();
  auto r = create_party_org(admin, "测试错放党小组", "group", party_org_id(server(), "东湖街道综合党委"));
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.error_code(), "invalid_parent");
  EXPECT_EQ(r.error_field(), "parent_id");
  auto under_group = create_party_org(admin, "测试组下支部", "branch", party_org_id(server(), "第一党小组"));
  EXPECT_EQ(under_group.status, 400) << under_group.body;
  EXPECT_EQ(party_org_id(server(), "测试错放党小组"), 0);
}

TEST_F(PartyOrgTree, BadInputNamesTheField) {
  Client admin = server().admin();
  const auto parent = party_org_id(server(), "东湖街道综合党委");
  auto type = create_party_org(admin, "测试坏类型", "党员", parent);
  EXPECT_EQ(type.status, 400);
  EXPECT_EQ(type.error_field(), "type");
  auto temp = create_party_org(admin, "测试临时党支部", "branch", parent, {{"temporary", true}});
  EXPECT_EQ(temp.status, 400);   // R-ORG-6: a temporary branch has an end date
  EXPECT_EQ(temp.error_field(), "end_date");
  auto date = create_party_org(admin, "测试坏日期", "branch", parent, {{"founded_on", "2023-02-29"}});
  EXPECT_EQ(date.status, 400);
  EXPECT_EQ(date.error_field(), "founded_on");
  auto formation = create_party_org(admin, "测试中文组建方式", "党支部", parent, {{"formation", "联合组建"}});
  ASSERT_EQ(formation.status, 201) << formation.body;
  EXPECT_EQ(formation.json().at("formation").as_string(), "joint");
  auto dup = create_party_org(admin, "测试中文组建方式", "branch", parent);
  EXPECT_EQ(dup.status, 409);
  EXPECT_EQ(dup.error_field(), "name");
}

TEST_F(PartyOrgTree, DissolveWithLiveChildrenIsRefused) {
  Client admin = server().admin();
  const auto parent = party_org_id(server(), "西城街道综合党委");
  const auto b = created_id(create_party_org(admin, "测试撤销党支部", "branch", parent));
  const auto g = created_id(create_party_org(admin, "测试撤销党小组", "group", b));
  auto refused = admin.post("/api/v1/party-orgs/" + std::to_string(b) + "/dissolve",
                            json::object{{"dissolved_on", day()}});
  EXPECT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(refused.error_code(), "has_children");
  auto group = admin.post("/api/v1/party-orgs/" + std::to_string(g) + "/dissolve", json::object{{"dissolved_on", day()}});
  ASSERT_EQ(group.status, 200) << group.body;
  auto branch = admin.post("/api/v1/party-orgs/" + std::to_string(b) + "/dissolve", json::object{{"dissolved_on", day()}});
  ASSERT_EQ(branch.status, 200) << branch.body;
  EXPECT_EQ(branch.json().at("dissolved_on").as_string(), day());
  EXPECT_TRUE(branch.json().at("dissolved").as_bool());
  auto again = admin.post("/api/v1/party-orgs/" + std::to_string(b) + "/dissolve", json::object{{"dissolved_on", day()}});
  EXPECT_EQ(again.status, 409);
  // Never deleted: still in the table, listed only on request.
  EXPECT_EQ(server().scalar("SELECT COUNT(*) FROM party_orgs WHERE id = ?", {b}), 1);
  EXPECT_FALSE(contains(item_strings(admin.get("/api/v1/party-orgs"), "name"), "测试撤销党支部"));
  EXPECT_TRUE(contains(item_strings(admin.get("/api/v1/party-orgs?include_dissolved=true"), "name"), "测试撤销党支部"));
  auto under = create_party_org(admin, "测试已撤销下级", "group", b);
  EXPECT_EQ(under.status, 400) << under.body;
}

TEST_F(PartyOrgTree, EditChecksTheTypeAgainstChildren) {
  Client admin = server().admin();
  const auto logistics = party_org_id(server(), "西城物流有限公司党支部");   // holds 第一党小组
  auto r = admin.patch("/api/v1/party-orgs/" + std::to_string(logistics), json::object{{"type", "general_branch"}});
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.error_field(), "type");
  auto ok = admin.patch("/api/v1/party-orgs/" + std::to_string(logistics),
                        json::object{{"declared_members", 12}, {"declared_full_members", 10}, {"weak", true}});
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.json().at("declared_members").as_int64(), 12);
  EXPECT_TRUE(ok.json().at("weak").as_bool());
  auto audit = last_audit(server());
  EXPECT_EQ(audit.at("action").as_string(), "party_org.update");
  EXPECT_NE(audit.at("detail").at("before").at("declared_members"), json::value(12));
  EXPECT_EQ(audit.at("detail").at("after").at("declared_members"), json::value(12));
}

TEST_F(PartyOrgTree, ListFiltersByTypeAndFormation) {
  Client admin = server().admin();
  auto joint = admin.get("/api/v1/party-orgs?formation=joint");
  for (const auto& f : item_strings(joint, "formation")) EXPECT_EQ(f, "joint");
  EXPECT_TRUE(contains(item_strings(joint, "name"), "东湖商圈联合党支部"));
  auto groups = admin.get("/api/v1/party-orgs?type=%E5%85%9A%E5%B0%8F%E7%BB%84");   // 党小组
  EXPECT_TRUE(contains(item_strings(groups, "name"), "第一党小组"));
  for (const auto& t : item_strings(groups, "type")) EXPECT_EQ(t, "group");
  auto paged = admin.get("/api/v1/party-orgs?page=1&size=2");
  ASSERT_EQ(paged.status, 200);
  EXPECT_EQ(paged.json().at("items").as_array().size(), 2u);
  EXPECT_GT(paged.json().at("total").as_int64(), 2);
  EXPECT_EQ(admin.get("/api/v1/party-orgs?type=bogus").status, 400);
}

TEST_F(PartyOrgTree, SecretarySeesOwnSubtreeAndCannotCreate) {
  Client admin = server().admin();
  auto sec = make_user(server(), admin, "secretary", "po_tree_secretary");   // 东湖科技有限公司党支部
  const auto own = party_org_id(server(), "东湖科技有限公司党支部");
  auto list = sec.client.get("/api/v1/party-orgs");
  EXPECT_EQ(item_strings(list, "name"), std::vector<std::string>{"东湖科技有限公司党支部"});
  EXPECT_EQ(sec.client.get("/api/v1/party-orgs/" + std::to_string(own)).status, 200);
  auto other = sec.client.get("/api/v1/party-orgs/" + std::to_string(party_org_id(server(), "西城物流有限公司党支部")));
  EXPECT_EQ(other.status, 404);
  EXPECT_EQ(other.json().at("error").at("message").as_string(), "记录不存在");
  auto missing = sec.client.get("/api/v1/party-orgs/987654");
  EXPECT_EQ(missing.body, other.body);   // outside the scope answers exactly like missing
  auto create = create_party_org(sec.client, "书记建的党小组", "group", own);
  EXPECT_EQ(create.status, 403) << create.body;
  EXPECT_EQ(party_org_id(server(), "书记建的党小组"), 0);
}

TEST_F(PartyOrgTree, StreetUserWorksInsideItsArea) {
  Client admin = server().admin();
  auto street = make_user(server(), admin, "street", "po_tree_street");   // 东湖街道
  auto names = item_strings(street.client.get("/api/v1/party-orgs"), "name");
  EXPECT_TRUE(contains(names, "东湖街道综合党委"));
  EXPECT_TRUE(contains(names, "东湖科技有限公司党支部"));
  EXPECT_FALSE(contains(names, "西城街道综合党委"));
  EXPECT_FALSE(contains(names, "示范区两新组织党工委"));
  const auto xicheng = party_org_id(server(), "西城街道综合党委");
  EXPECT_EQ(street.client.get("/api/v1/party-orgs/" + std::to_string(xicheng)).status, 404);
  // A child under a committee of its own street inherits the area; one under another street's is refused.
  auto ok = create_party_org(street.client, "街道新建党支部", "branch", party_org_id(server(), "东湖街道综合党委"));
  ASSERT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(ok.json().at("area_name").as_string(), "东湖街道");
  auto far = create_party_org(street.client, "街道越界党支部", "branch", xicheng);
  EXPECT_EQ(far.status, 400) << far.body;
  EXPECT_EQ(far.error_field(), "parent_id");
  // R-ORG-6: a top-level party org only for admins.
  auto top = create_party_org(street.client, "街道顶级党委", "committee", std::nullopt);
  EXPECT_EQ(top.status, 403) << top.body;
  EXPECT_EQ(top.error_code(), "top_level_admin_only");
  auto move = street.client.post("/api/v1/party-orgs/" + std::to_string(xicheng) + "/move",
                                 json::object{{"parent_id", party_org_id(server(), "东湖街道综合党委")}});
  EXPECT_EQ(move.status, 404);
}

TEST_F(PartyOrgTree, CommunityPartyOrgsServeFiveYears) {
  Client admin = server().admin();
  const auto community = server().scalar("SELECT id FROM areas WHERE name = ?", {std::string("东湖第一社区")});
  auto r = create_party_org(admin, "测试社区党支部", "branch", party_org_id(server(), "东湖街道综合党委"),
                            {{"area_id", community}, {"founded_on", "2024-03-01"}});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json().at("term_years").as_int64(), 5);   // R-ORG-5 villages and communities
  EXPECT_EQ(r.json().at("term_start").as_string(), "2024-03-01");
  EXPECT_EQ(r.json().at("term_end").as_string(), "2029-03-01");
}

}  // namespace
}  // namespace lx::test
