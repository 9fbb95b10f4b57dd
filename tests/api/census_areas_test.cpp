// Areas (the district → street → community tree), the stale list and the
// per-street stale summary (R-CEN-2), the census dictionaries, and the
// settings that tune the rules (census.stale_months among them).
#include <gtest/gtest.h>

#include "census_support.hpp"

namespace lx::test {
namespace {

class CensusAreas : public CensusSuite {};

TEST_F(CensusAreas, TreeAndFlatList) {
  auto& s = server();
  Client admin = s.admin();
  auto flat = admin.get("/api/v1/areas");
  ASSERT_EQ(flat.status, 200);
  EXPECT_GE(flat.json().at("items").as_array().size(), 5u);
  auto streets = admin.get("/api/v1/areas?level=street");
  for (const auto& a : items(streets)) EXPECT_EQ(a.at("level").as_string(), "street");
  auto tree = admin.get("/api/v1/areas?format=tree");
  ASSERT_EQ(tree.status, 200) << tree.body;
  const json::array roots = tree.json().at("items").as_array();
  ASSERT_EQ(roots.size(), 1u);
  EXPECT_EQ(roots[0].at("name").as_string(), "示范区");
  EXPECT_EQ(roots[0].at("children").as_array().size(), 2u);
  EXPECT_EQ(roots[0].at("children").at(0).at("children").at(0).at("level").as_string(), "community");
}

TEST_F(CensusAreas, CreateRenameAndDeleteRules) {
  auto& s = server();
  Client admin = s.admin();
  const auto district = area_id(s, "示范区");
  auto street = admin.post("/api/v1/areas", json::object{{"name", "南湖街道"}, {"code", "310199003"}, {"parent_id", district}});
  ASSERT_EQ(street.status, 201) << street.body;
  EXPECT_EQ(street.json().at("level").as_string(), "street");
  EXPECT_EQ(last_audit(s).at("action").as_string(), "area.create");
  const auto sid = street.json().at("id").as_int64();
  auto comm = admin.post("/api/v1/areas", json::object{{"name", "南湖第一社区"}, {"code", "310199003001"}, {"parent_id", sid}});
  ASSERT_EQ(comm.status, 201) << comm.body;
  EXPECT_EQ(comm.json().at("level").as_string(), "community");
  const auto cid = comm.json().at("id").as_int64();
  // Nothing below a community; codes are unique; names and codes required.
  auto deep = admin.post("/api/v1/areas", json::object{{"name", "小区"}, {"code", "310199003001001"}, {"parent_id", cid}});
  EXPECT_EQ(deep.status, 400);
  EXPECT_EQ(deep.error_field(), "parent_id");
  auto dup = admin.post("/api/v1/areas", json::object{{"name", "重复"}, {"code", "310199003"}, {"parent_id", district}});
  EXPECT_EQ(dup.status, 409);
  EXPECT_NE(dup.body.find("南湖街道"), std::string::npos);
  EXPECT_EQ(admin.post("/api/v1/areas", json::object{{"code", "310199009"}, {"parent_id", district}}).error_field(), "name");
  EXPECT_EQ(admin.post("/api/v1/areas", json::object{{"name", "无码"}, {"parent_id", district}}).error_field(), "code");
  EXPECT_EQ(admin.post("/api/v1/areas", json::object{{"name", "坏码"}, {"code", "31-01"}, {"parent_id", district}}).status, 400);

  auto ren = admin.patch("/api/v1/areas/" + std::to_string(sid), json::object{{"name", "南湖街道办事处"}});
  ASSERT_EQ(ren.status, 200) << ren.body;
  EXPECT_EQ(ren.json().at("name").as_string(), "南湖街道办事处");
  EXPECT_EQ(admin.patch("/api/v1/areas/" + std::to_string(sid), json::object{{"parent_id", cid}}).status, 400);
  EXPECT_EQ(admin.patch("/api/v1/areas/" + std::to_string(sid), json::object{{"code", "310199001"}}).status, 409);

  // An org in the community blocks its deletion; children block the street's.
  auto org = admin.post("/api/v1/orgs", json::object{{"name", "南湖测试公司"}, {"uscc", census_code("91310199MA1AR0001")},
                                                     {"kind", "enterprise"}, {"area_id", cid}});
  ASSERT_EQ(org.status, 201) << org.body;
  auto del_street = admin.del("/api/v1/areas/" + std::to_string(sid));
  EXPECT_EQ(del_street.status, 409);
  EXPECT_NE(del_street.json().at("error").at("message").as_string().find("下级"), std::string::npos);
  auto del_comm = admin.del("/api/v1/areas/" + std::to_string(cid));
  EXPECT_EQ(del_comm.status, 409);
  EXPECT_NE(del_comm.json().at("error").at("message").as_string().find("两新组织"), std::string::npos);
  // An empty leaf goes.
  auto empty = admin.post("/api/v1/areas", json::object{{"name", "南湖第二社区"}, {"code", "310199003002"}, {"parent_id", sid}});
  ASSERT_EQ(empty.status, 201);
  EXPECT_EQ(admin.del("/api/v1/areas/" + std::to_string(empty.json().at("id").as_int64())).status, 204);
  EXPECT_EQ(last_audit(s).at("action").as_string(), "area.delete");
  EXPECT_EQ(admin.del("/api/v1/areas/99999999").status, 404);

  // The street user cannot manage areas (area.manage is for admin and office).
  Client donghu = demo_login(s, "donghu");
  EXPECT_EQ(donghu.post("/api/v1/areas", json::object{{"name", "x"}, {"code", "9"}, {"parent_id", district}}).status, 403);
}

TEST_F(CensusAreas, StaleListAndSummary) {
  auto& s = server();
  Client admin = s.admin();
  auto list = admin.get("/api/v1/orgs/stale?size=200");
  ASSERT_EQ(list.status, 200) << list.body;
  std::int64_t stale = 0;
  for (const auto& o : items(list)) {
    EXPECT_TRUE(o.at("stale").as_bool());
    EXPECT_NE(o.at("operating_status").as_string(), "closed");
    ++stale;
  }
  EXPECT_GE(stale, 3);
  EXPECT_EQ(list.json().at("total").as_int64(), admin.get("/api/v1/orgs?stale=true").json().at("total").as_int64());
  const auto xc = area_id(s, "西城街道");
  auto xc_list = admin.get("/api/v1/orgs/stale?size=200&area_id=" + std::to_string(xc));
  ASSERT_EQ(xc_list.status, 200);

  auto sum = admin.get("/api/v1/areas/stale-summary");
  ASSERT_EQ(sum.status, 200) << sum.body;
  EXPECT_EQ(sum.json().at("stale_months").as_int64(), 3);
  std::int64_t total_stale = 0;
  bool saw_xc = false;
  for (const auto& row : items(sum)) {
    total_stale += row.at("stale").as_int64();
    EXPECT_LE(row.at("stale").as_int64(), row.at("total").as_int64());
    if (row.at("area_id").as_int64() == xc) {
      saw_xc = true;
      EXPECT_EQ(row.at("stale").as_int64(), xc_list.json().at("total").as_int64());
    }
  }
  EXPECT_TRUE(saw_xc);
  EXPECT_EQ(total_stale, stale);
  // Verifying one takes it off the list.
  const auto id = list.json().at("items").at(0).at("id").as_int64();
  ASSERT_EQ(admin.post("/api/v1/orgs/" + std::to_string(id) + "/verify", json::object{}).status, 200);
  EXPECT_EQ(admin.get("/api/v1/orgs/stale?size=200").json().at("total").as_int64(), stale - 1);
  // A street user's summary counts its own street only.
  Client donghu = demo_login(s, "donghu");
  auto mine = donghu.get("/api/v1/areas/stale-summary");
  ASSERT_EQ(mine.status, 200);
  ASSERT_EQ(mine.json().at("items").as_array().size(), 1u);
  EXPECT_EQ(mine.json().at("items").at(0).at("name").as_string(), "东湖街道");
}

TEST_F(CensusAreas, Dictionaries) {
  auto& s = server();
  Client admin = s.admin();
  auto r = admin.get("/api/v1/census/dictionaries");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.json().at("industries").as_array().size(), 20u);
  EXPECT_EQ(r.json().at("kinds").as_array().size(), 3u);
}

TEST(CensusSettings, DefaultsRangesAndEffect) {
  LX_SKIP_IF_NO_BACKEND();
  Server s;
  Client admin = s.admin();
  auto list = admin.get("/api/v1/settings");
  ASSERT_EQ(list.status, 200) << list.body;
  std::map<std::string, std::int64_t> values;
  for (const auto& it : items(list))
    values[std::string(it.at("key").as_string())] = it.at("value").as_int64();
  EXPECT_EQ(values["census.stale_months"], 3);
  EXPECT_EQ(values["org.term_years_committee"], 5);
  EXPECT_EQ(values["org.term_years_branch"], 3);
  EXPECT_EQ(values["org.term_years_community"], 5);
  EXPECT_EQ(values["org.term_warning_days"], 90);
  EXPECT_EQ(values["transfer.overdue_days"], 30);
  EXPECT_EQ(values["checkin.monthly_minimum"], 1);
  EXPECT_EQ(values["life.general_assembly_per_quarter"], 1);

  const auto stale3 = admin.get("/api/v1/orgs?stale=true").json().at("total").as_int64();
  auto bad = admin.request("PUT", "/api/v1/settings/census.stale_months", R"({"value": 0})");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.error_field(), "value");
  EXPECT_EQ(admin.request("PUT", "/api/v1/settings/census.stale_months", R"({"value": "6"})").status, 400);
  EXPECT_EQ(admin.request("PUT", "/api/v1/settings/no.such.key", R"({"value": 1})").status, 404);
  auto ok = admin.request("PUT", "/api/v1/settings/census.stale_months", R"({"value": 6})");
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.json().at("value").as_int64(), 6);
  auto a = last_audit(s);
  EXPECT_EQ(a.at("action").as_string(), "settings.update");
  EXPECT_EQ(a.at("target").as_string(), "setting:census.stale_months");
  EXPECT_EQ(a.at("detail").at("before").at("value").as_int64(), 3);
  // The demo's orgs verified 4 and 5 months ago are current under six months.
  EXPECT_EQ(admin.get("/api/v1/orgs?stale=true").json().at("total").as_int64(), stale3 - 2);
  EXPECT_EQ(admin.get("/api/v1/areas/stale-summary").json().at("stale_months").as_int64(), 6);

  Client office = make_user(s, admin, "office", "census_office").client;
  EXPECT_EQ(office.get("/api/v1/settings").status, 200);
  EXPECT_EQ(office.request("PUT", "/api/v1/settings/census.stale_months", R"({"value": 4})").status, 403);
}

}  // namespace
}  // namespace lx::test
