// Statistics over HTTP, on both backends: the STATS.md worked example built
// through the API, figures as of several dates while orgs close, links end
// and branches dissolve, every figure's records adding up to it (with the
// breakdown and structure filters), data scopes, and bad input.
#include "stats_support.hpp"

namespace lx::test::stats {
namespace {

class StatsApi : public SharedServer<StatsApi> {};

// STATS.md "A worked example": district A (here a street of its own) with 10
// social orgs; B1 (single, founded 1 March last year) covers org 1; J1 (joint,
// this year) covers orgs 2–4; org 5 has an instructor, org 6 a trade union,
// org 9 four full members on staff.
TEST_F(StatsApi, WorkedExampleOfStatsMdEndToEnd) {
  Client admin = server().admin();
  const auto area = make_street(server(), admin, "统计示例街道", "310199091");
  ASSERT_NE(area, 0);
  const int y = this_year();
  // J1 is founded on 5 May this year, or on 2 January when 5 May is still to come.
  const std::string j1_day = ymd(y, "05-05") <= core::to_iso(core::today_shanghai()) ? ymd(y, "05-05") : ymd(y, "01-02");
  std::vector<std::int64_t> o;
  for (int n = 1; n <= 10; ++n) {
    json::object extra{{"sub_kind", "社会团体"}};
    if (n == 9) extra["declared_members"] = 4;
    o.push_back(make_org(admin, "示例社会组织" + std::to_string(n), area, "social", extra));
  }
  const auto b1 = make_branch(server(), admin, "示例B1党支部", "single", ymd(y - 1, "03-01"), area);
  const auto j1 = make_branch(server(), admin, "示例J1联合党支部", "joint", j1_day, area);
  cover(admin, b1, o[0], ymd(y - 1, "03-01"));
  for (int k = 1; k <= 3; ++k) cover(admin, j1, o[k], j1_day);
  auto a = admin.post("/api/v1/assignments", json::object{{"person_name", "示例指导员"}, {"phone", "13912340005"},
                                                          {"role", "instructor"}, {"org_id", o[4]},
                                                          {"valid_from", ymd(y, "01-01")}});
  ASSERT_EQ(a.status, 201) << a.body;
  auto m = admin.post("/api/v1/mass-orgs", json::object{{"org_id", o[5]}, {"type", "union"}, {"founded_on", "2020-01-01"}});
  ASSERT_EQ(m.status, 201) << m.body;

  const std::string scope = "area:" + std::to_string(area), dec31 = ymd(y, "12-31");
  auto f = get_ok(admin, "/api/v1/stats/coverage?scope=" + scope + "&date=" + dec31);
  EXPECT_EQ(f.at("date").as_string(), dec31);
  EXPECT_EQ(f.at("scope").at("name").as_string(), "统计示例街道");
  EXPECT_EQ(f.at("orgs").as_int64(), 10);
  EXPECT_EQ(f.at("covered").as_int64(), 4);
  EXPECT_EQ(f.at("covered_single").as_int64(), 1);
  EXPECT_EQ(f.at("covered_joint").as_int64(), 3);
  EXPECT_EQ(json::serialize(f.at("organisation_coverage_rate")), R"({"numerator":4,"denominator":10,"percent":"40.00"})");
  EXPECT_EQ(f.at("work_reached").as_int64(), 6);
  EXPECT_EQ(f.at("work_coverage_rate").at("percent").as_string(), "60.00");
  EXPECT_EQ(f.at("should_build").as_int64(), 1);
  EXPECT_EQ(json::serialize(f.at("colours")), R"({"red":4,"yellow":2,"blue":4})");
  auto sb = get_ok(admin, "/api/v1/stats/records?figure=should_build&scope=" + scope + "&date=" + dec31);
  ASSERT_EQ(sb.at("items").as_array().size(), 1u);
  EXPECT_EQ(sb.at("items").as_array()[0].at("name").as_string(), "示例社会组织9");

  auto g = get_ok(admin, "/api/v1/stats/party-orgs?scope=" + scope + "&from=" + ymd(y, "01-01") + "&to=" + dec31);
  EXPECT_EQ(g.at("count_from").as_int64(), 1);
  EXPECT_EQ(g.at("count_to").as_int64(), 2);
  EXPECT_EQ(g.at("founded").as_int64(), 1);
  EXPECT_EQ(g.at("growth_rate").at("percent").as_string(), "100.00");

  // The summary sentences say the same numbers.
  auto s = get_ok(admin, "/api/v1/stats/summary?scope=" + scope + "&date=" + dec31);
  ASSERT_EQ(s.at("sentences").as_array().size(), 3u) << json::serialize(s);
  const std::string lead = "截至" + std::to_string(y) + "年12月31日，统计示例街道";
  EXPECT_EQ(s.at("sentences").as_array()[0].as_string(), lead + "共有非公企业0家。");
  EXPECT_EQ(s.at("sentences").as_array()[1].as_string(),
            lead + "共有社会组织10家，已建立党组织2个（其中单独组建1个、联合组建1个），覆盖社会组织4家，组建率40.00%；"
                   "未建立党组织但已选派党建指导员（联络员）或建立群团组织的2家，工作覆盖社会组织6家，工作覆盖率60.00%。");
  EXPECT_EQ(s.at("sentences").as_array()[2].as_string(),
            lead + "共有两新组织10家（非公企业0家、社会组织10家），现有党组织2个，覆盖两新组织4家，组织覆盖率40.00%；"
                   "工作覆盖6家，工作覆盖率60.00%；应建未建党组织的1家，逾期未换届的党组织0个。");
  expect_records_match_coverage(admin, dec31, scope);
}

// Orgs close, links end, branches dissolve: the figures on each date are the hand-counted ones.
TEST_F(StatsApi, AsOfDateFollowsClosingsEndsAndDissolutions) {
  Client admin = server().admin();
  const auto area = make_street(server(), admin, "统计时点街道", "310199092");
  ASSERT_NE(area, 0);
  const auto o1 = make_org(admin, "时点一号公司", area, "enterprise");
  const auto o2 = make_org(admin, "时点二号公司", area, "enterprise");
  const auto o3 = make_org(admin, "时点三号协会", area, "social", {{"registered_on", "2025-03-15"}});
  const auto b = make_branch(server(), admin, "时点单建党支部", "single", "2024-01-01", area);
  const auto j = make_branch(server(), admin, "时点联建党支部", "joint", "2024-06-01", area);
  cover(admin, b, o1, "2024-01-01");
  cover(admin, j, o2, "2024-06-01");
  const auto l3 = cover(admin, b, o3, "2025-04-01");
  auto a = admin.post("/api/v1/assignments", json::object{{"person_name", "时点联络员"}, {"phone", "13912340006"},
                                                          {"role", "liaison"}, {"org_id", o2},
                                                          {"valid_from", "2025-01-01"}});
  ASSERT_EQ(a.status, 201) << a.body;
  ASSERT_EQ(admin.post("/api/v1/orgs/" + std::to_string(o1) + "/close", json::object{{"closed_on", "2025-07-01"}}).status, 200);
  ASSERT_EQ(admin.post("/api/v1/coverage/" + std::to_string(l3) + "/end", json::object{{"valid_to", "2025-10-01"}}).status, 200);
  ASSERT_EQ(admin.post("/api/v1/party-orgs/" + std::to_string(j) + "/dissolve", json::object{{"dissolved_on", "2025-09-01"}}).status,
            200);
  struct Expect {
    const char* date;
    std::int64_t orgs, covered, work_reached, party_orgs;
  } cases[] = {
      {"2024-12-31", 2, 2, 2, 2}, {"2025-03-15", 3, 2, 2, 2}, {"2025-04-01", 3, 3, 3, 2},
      {"2025-06-30", 3, 3, 3, 2}, {"2025-07-01", 2, 2, 2, 2}, {"2025-08-31", 2, 2, 2, 2},
      {"2025-09-01", 2, 1, 2, 1},  // J dissolved: o2 keeps its liaison, so it is still reached
      {"2025-10-01", 2, 0, 1, 1},
  };
  const std::string scope = "area:" + std::to_string(area);
  for (const auto& e : cases) {
    SCOPED_TRACE(e.date);
    auto f = get_ok(admin, std::string("/api/v1/stats/coverage?scope=") + scope + "&date=" + e.date);
    EXPECT_EQ(f.at("orgs").as_int64(), e.orgs);
    EXPECT_EQ(f.at("covered").as_int64(), e.covered);
    EXPECT_EQ(f.at("work_reached").as_int64(), e.work_reached);
    EXPECT_EQ(f.at("party_orgs").as_int64(), e.party_orgs);
    expect_records_match_coverage(admin, e.date, scope);
  }
  auto g = get_ok(admin, "/api/v1/stats/party-orgs?scope=" + scope + "&from=2024-12-31&to=2025-12-31");
  EXPECT_EQ(g.at("count_from").as_int64(), 2);
  EXPECT_EQ(g.at("count_to").as_int64(), 1);
  EXPECT_EQ(g.at("dissolved").as_int64(), 1);
  EXPECT_EQ(g.at("growth_rate").at("percent").as_string(), "-50.00");
  EXPECT_EQ(records_total(admin, "scope=" + scope + "&figure=dissolved&from=2024-12-31&date=2025-12-31"), 1);
  EXPECT_EQ(records_total(admin, "scope=" + scope + "&figure=founded&from=2023-12-31&date=2025-12-31"), 2);
}

// Every figure of the demo district (and its breakdown and structure cells) opens exactly its records.
TEST_F(StatsApi, EveryFigureAndCellOpensExactlyItsRecords) {
  Client admin = server().admin();
  // A few orgs with the breakdown dimensions filled in and left empty.
  const auto donghu = area_id(server(), "东湖街道");
  make_org(admin, "钻取制造有限公司", donghu, "enterprise", {{"sub_kind", "私营企业"}, {"industry", "C"}, {"above_scale", true}});
  make_org(admin, "钻取未填写公司", donghu, "enterprise");
  make_org(admin, "钻取网点", donghu, "gig_site", {{"sub_kind", "快递网点"}, {"declared_members", 5}});
  const std::string today = core::to_iso(core::today_shanghai());
  expect_records_match_coverage(admin, today, "");
  expect_records_match_breakdowns(admin, today, "");
  expect_records_match_coverage(admin, today, "area:" + std::to_string(donghu));
  expect_records_match_breakdowns(admin, today, "area:" + std::to_string(donghu));
  // The unfilled cell is asked for with "none", and the filters are echoed.
  auto r = get_ok(admin, "/api/v1/stats/records?figure=orgs&industry=none&kind=%E9%9D%9E%E5%85%AC%E4%BC%81%E4%B8%9A");
  EXPECT_EQ(json::serialize(r.at("filters")), R"({"kind":"enterprise","industry":"none"})");
  EXPECT_GE(r.at("total").as_int64(), 1);
  auto up = get_ok(admin, "/api/v1/stats/records?figure=orgs&above_scale=true&size=200");
  bool found = false;
  for (const auto& it : up.at("items").as_array()) found = found || it.at("name").as_string() == "钻取制造有限公司";
  EXPECT_TRUE(found);
}

// A street user sees only the street; a wider scope is refused with its own code.
TEST_F(StatsApi, StreetUserFiguresCoverOnlyTheStreet) {
  Client admin = server().admin();
  auto street = make_user(server(), admin, "street", "stats_street");
  const auto donghu = area_id(server(), "东湖街道"), xicheng = area_id(server(), "西城街道");
  const std::string today = core::to_iso(core::today_shanghai());
  auto mine = get_ok(street.client, "/api/v1/stats/coverage?date=" + today);
  auto admins = get_ok(admin, "/api/v1/stats/coverage?date=" + today + "&scope=area:" + std::to_string(donghu));
  EXPECT_EQ(mine.at("scope").at("name").as_string(), "东湖街道");
  mine.erase("scope");
  admins.erase("scope");
  EXPECT_EQ(json::serialize(mine), json::serialize(admins));
  auto all = get_ok(admin, "/api/v1/stats/coverage?date=" + today);
  EXPECT_LT(mine.at("orgs").as_int64(), all.at("orgs").as_int64());
  for (const std::string& wider : {std::string("all"), "area:" + std::to_string(area_id(server(), "示范区")),
                                   "area:" + std::to_string(xicheng), std::string("西城街道")}) {
    for (const std::string path : {"/api/v1/stats/coverage?", "/api/v1/stats/records?figure=orgs&",
                                   "/api/v1/stats/records/export?figure=orgs&", "/api/v1/stats/summary?",
                                   "/api/v1/stats/breakdown?by=kind&"}) {
      auto r = street.client.get(path + "scope=" + enc(wider));
      EXPECT_EQ(r.status, 403) << path << wider << " " << r.body;
      EXPECT_EQ(r.error_code(), "out_of_scope");
      EXPECT_EQ(r.error_field(), "scope");
    }
  }
  const auto jobs = server().count("jobs");
  auto rep = street.client.post("/api/v1/stats/report", json::object{{"scope", "all"}});
  EXPECT_EQ(rep.status, 403) << rep.body;
  EXPECT_EQ(server().count("jobs"), jobs);
  expect_records_match_coverage(street.client, today, "");
}

TEST_F(StatsApi, BadInputIsRefusedNamingTheParameter) {
  Client admin = server().admin();
  struct Case {
    std::string target, field;
    int status = 400;
  } cases[] = {
      {"/api/v1/stats/coverage?date=2026-13-01", "date"},
      {"/api/v1/stats/coverage?scope=area:abc", "scope"},
      {"/api/v1/stats/coverage?scope=area:999999", "scope", 404},
      {"/api/v1/stats/summary?date=yesterday", "date"},
      {"/api/v1/stats/summary?scope=party_org:x", "scope"},
      {"/api/v1/stats/breakdown?by=colour", "by"},
      // A party org scope has no streets of its own: grouping by area would count orgs outside it.
      {"/api/v1/stats/breakdown?by=area&scope=" + enc("东湖商圈联合党支部"), "by"},
      {"/api/v1/stats/series?quarters=99", "quarters"},
      {"/api/v1/stats/party-orgs?type=cell", "type"},
      {"/api/v1/stats/party-orgs?from=2026-01-01&to=2025-01-01", "to"},
      {"/api/v1/stats/records", "figure"},
      {"/api/v1/stats/records?figure=everything", "figure"},
      {"/api/v1/stats/records?figure=orgs&page=0", "page"},
      {"/api/v1/stats/records?figure=orgs&kind=bank", "kind"},
      {"/api/v1/stats/records?figure=orgs&sub_kind=%E9%93%B6%E8%A1%8C", "sub_kind"},
      {"/api/v1/stats/records?figure=orgs&industry=Z9", "industry"},
      {"/api/v1/stats/records?figure=orgs&above_scale=maybe", "above_scale"},
      {"/api/v1/stats/records?figure=orgs&type=branch", "type"},
      {"/api/v1/stats/records?figure=party_orgs&type=cell", "type"},
      {"/api/v1/stats/records?figure=party_orgs&formation=alone", "formation"},
      {"/api/v1/stats/records?figure=party_orgs&kind=social", "kind"},
      {"/api/v1/stats/records?figure=founded", "from"},
      {"/api/v1/stats/records?figure=orgs&date=2026-02-30", "date"},
      {"/api/v1/stats/records/export", "figure"},
      {"/api/v1/stats/records/export?figure=nothing", "figure"},
      {"/api/v1/stats/records/export?figure=covered&industry=Q9", "industry"},
      {"/api/v1/stats/report/999999", "", 404},
  };
  for (const auto& c : cases) {
    auto r = admin.get(c.target);
    EXPECT_EQ(r.status, c.status) << c.target << " " << r.body;
    if (!c.field.empty()) {
      EXPECT_EQ(r.error_field(), c.field) << c.target;
    }
  }
  const auto jobs = server().count("jobs");
  for (const json::object& body : {json::object{{"date", "2026-02-30"}}, json::object{{"scope", "area:0x1"}},
                                   json::object{{"date", 20260101}}}) {
    auto r = admin.post("/api/v1/stats/report", body);
    EXPECT_EQ(r.status, 400) << json::serialize(body) << " " << r.body;
  }
  EXPECT_EQ(admin.post("/api/v1/stats/report", json::object{{"scope", "area:999999"}}).status, 404);
  EXPECT_EQ(server().count("jobs"), jobs) << "a refused report request creates no job";
}

}  // namespace
}  // namespace lx::test::stats
