// Issue 5's acceptance on both backends: a branch with a scripted year of
// meetings (last year, so every meeting lies in the past) has exactly the
// hand-computed compliance for every month, quarter and the year
// (R-LIFE-1..8, R-LIFE-10); recording, editing and deleting a meeting moves
// it; the compliance rate of the scope drills down to exactly the
// non-compliant party orgs; the matrix shows the same months.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "life_support.hpp"

namespace lx::test {
namespace {

class LifeComplianceApi : public CensusSuite {};

json::object compliance(Client& c, std::int64_t po, const std::string& period, const std::string& date) {
  auto r = c.get("/api/v1/life/compliance?party_org_id=" + std::to_string(po) + "&period=" + period + "&date=" + date);
  EXPECT_EQ(r.status, 200) << r.body;
  return r.status == 200 ? r.json().as_object() : json::object{};
}

bool complies(Client& c, std::int64_t po, const std::string& period, const std::string& date) {
  auto o = compliance(c, po, period, date);
  return o.contains("complies") && o.at("complies").as_bool();
}

TEST_F(LifeComplianceApi, R_LIFE_10_ScriptedYearEqualsTheHandComputedCompliance) {
  auto& s = server();
  Client admin = s.admin();
  const Branch b = make_branch(s, admin, "合规测试党支部");
  const int y = core::today_shanghai().year - 1;
  const std::string g = std::to_string(b.group);
  // Monthly: theme days but March, committee meetings but July, group meetings but November.
  for (int m = 1; m <= 12; ++m) {
    if (m != 3) add_meeting(admin, b.id, "theme_day", ym(y, m, 5));
    if (m != 7) add_meeting(admin, b.id, "committee_meeting", ym(y, m, 8));
    if (m != 11) add_meeting(admin, b.id, "group_meeting", ym(y, m, 12), json::object{{"group_id", b.group}});
  }
  // Quarterly: assemblies in Q1..Q3 only; a lesson every quarter, the secretary's in Q2.
  for (int q = 0; q < 4; ++q) {
    if (q < 3) add_meeting(admin, b.id, "general_assembly", ym(y, 3 * q + 2, 15));
    add_meeting(admin, b.id, "party_lesson", ym(y, 3 * q + 2, 20), json::object{{"by_secretary", q == 1}});
  }
  // Yearly: the life meeting, the review with every member rated, a talk with each member.
  add_meeting(admin, b.id, "life_meeting", ym(y, 12, 10));
  json::array ratings;
  for (auto p : b.members) ratings.push_back(json::object{{"person_id", p}, {"rating", "合格"}});
  add_meeting(admin, b.id, "member_review", ym(y, 12, 11), json::object{{"ratings", ratings}});
  for (auto p : b.members) {
    auto t = admin.post("/api/v1/heart-talks", json::object{{"party_org_id", b.id}, {"post_id", b.posts[0]},
                                                             {"person_id", p}, {"on_date", ym(y, 6, 1)}});
    ASSERT_EQ(t.status, 201) << t.body;
  }

  // Months: all but March, July and November comply.
  for (int m = 1; m <= 12; ++m)
    EXPECT_EQ(complies(admin, b.id, "month", ym(y, m, 1)), m != 3 && m != 7 && m != 11) << "month " << m;
  // Quarters: Q1 (March's theme day), Q3 (July's committee meeting) and Q4 (no assembly, November's group) fail.
  EXPECT_FALSE(complies(admin, b.id, "quarter", ym(y, 1, 1)));
  EXPECT_TRUE(complies(admin, b.id, "quarter", ym(y, 4, 1)));
  EXPECT_FALSE(complies(admin, b.id, "quarter", ym(y, 7, 1)));
  EXPECT_FALSE(complies(admin, b.id, "quarter", ym(y, 10, 1)));
  auto q4 = compliance(admin, b.id, "quarter", ym(y, 10, 1));
  std::set<std::string> unmet;
  for (const auto& d : q4.at("duties").as_array())
    if (!d.at("met").as_bool())
      unmet.insert(std::string(d.at("rule").as_string()) + " " + std::string(d.at("from").as_string()));
  EXPECT_EQ(unmet, (std::set<std::string>{"R-LIFE-1 " + ym(y, 10, 1), "R-LIFE-3 " + ym(y, 11, 1)}));
  // The year: 49 duties, 45 met (GA 3/4, committee 11/12, group 11/12, theme 11/12; the rest all met).
  auto year = compliance(admin, b.id, "year", ym(y, 6, 1));
  EXPECT_FALSE(year.at("complies").as_bool());
  EXPECT_EQ(year.at("duties_total").as_int64(), 49) << json::serialize(year);
  EXPECT_EQ(year.at("duties_met").as_int64(), 45) << json::serialize(year);
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> by_rule;   // rule → (duties, met)
  for (const auto& d : year.at("duties").as_array()) {
    auto& x = by_rule[std::string(d.at("rule").as_string()) + "/" + std::string(d.at("measure").as_string())];
    ++x.first;
    x.second += d.at("met").as_bool() ? 1 : 0;
  }
  const std::map<std::string, std::pair<std::int64_t, std::int64_t>> want = {
      {"R-LIFE-1/meetings", {4, 3}},          {"R-LIFE-2/meetings", {12, 11}},
      {"R-LIFE-3/meetings", {12, 11}},        {"R-LIFE-4/meetings", {4, 4}},
      {"R-LIFE-4/secretary_lessons", {1, 1}}, {"R-LIFE-5/meetings", {12, 11}},
      {"R-LIFE-6/meetings", {1, 1}},          {"R-LIFE-7/meetings", {1, 1}},
      {"R-LIFE-7/members_rated", {1, 1}},     {"R-LIFE-8/members_talked", {1, 1}}};
  EXPECT_EQ(by_rule, want);

  // The matrix row of the branch says the same months.
  bool found = false;
  for (int page = 1; page <= 10 && !found; ++page) {
    auto mx = admin.get("/api/v1/life/matrix?year=" + std::to_string(y) + "&size=50&page=" + std::to_string(page));
    ASSERT_EQ(mx.status, 200) << mx.body;
    const json::value body = mx.json();
    for (const auto& row : body.at("items").as_array()) {
      if (row.at("party_org_id").as_int64() != b.id) continue;
      found = true;
      int m = 0;
      for (const auto& cell : row.at("months").as_array()) {
        ++m;
        EXPECT_TRUE(cell.at("owed").as_bool()) << m;
        EXPECT_EQ(cell.at("complies").as_bool(), m != 3 && m != 7 && m != 11) << "matrix month " << m;
      }
    }
    if (body.at("items").as_array().empty()) break;
  }
  EXPECT_TRUE(found);
}

TEST_F(LifeComplianceApi, RecordingEditingAndDeletingAMeetingMovesCompliance) {
  auto& s = server();
  Client admin = s.admin();
  const Branch b = make_branch(s, admin, "变动测试党支部", 2, false);   // no committee: R-ORG-4
  const int y = core::today_shanghai().year - 1;
  add_meeting(admin, b.id, "group_meeting", ym(y, 2, 3), json::object{{"group_id", b.group}});
  EXPECT_FALSE(complies(admin, b.id, "month", ym(y, 2, 1)));
  // R-LIFE-2: without a committee no committee meeting is owed — a theme day completes February.
  const auto id = add_meeting(admin, b.id, "theme_day", ym(y, 2, 20));
  EXPECT_TRUE(complies(admin, b.id, "month", ym(y, 2, 1)));
  const json::object feb = compliance(admin, b.id, "month", ym(y, 2, 1));
  for (const auto& d : feb.at("duties").as_array())
    EXPECT_NE(d.at("rule").as_string(), "R-LIFE-2");
  // Moved to March: February owes it again.
  auto moved = admin.patch("/api/v1/meetings/" + std::to_string(id), json::object{{"starts_at", ym(y, 3, 2) + " 09:00"}});
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.json().at("on_date").as_string(), ym(y, 3, 2));
  EXPECT_FALSE(complies(admin, b.id, "month", ym(y, 2, 1)));
  auto march = compliance(admin, b.id, "month", ym(y, 3, 1));
  for (const auto& d : march.at("duties").as_array())
    if (d.at("rule").as_string() == "R-LIFE-5") {
      EXPECT_EQ(d.at("held").as_int64(), 1);
    }
  // Deleted: March no longer counts it; the meeting answers 404.
  ASSERT_EQ(admin.del("/api/v1/meetings/" + std::to_string(id)).status, 200);
  const json::object march_after = compliance(admin, b.id, "month", ym(y, 3, 1));
  for (const auto& d : march_after.at("duties").as_array())
    if (d.at("rule").as_string() == "R-LIFE-5") {
      EXPECT_EQ(d.at("held").as_int64(), 0);
    }
  EXPECT_EQ(admin.get("/api/v1/meetings/" + std::to_string(id)).status, 404);
  EXPECT_EQ(last_audit(s).at("action").as_string(), "meeting.delete");
}

TEST_F(LifeComplianceApi, ComplianceRateDrillsDownToExactlyTheNonCompliantPartyOrgs) {
  auto& s = server();
  Client admin = s.admin();
  const int y = core::today_shanghai().year - 1;
  const Branch good = make_branch(s, admin, "落实甲党支部", 2, false);
  const Branch bad = make_branch(s, admin, "落实乙党支部", 2, false);
  for (int m = 4; m <= 6; ++m) {
    add_meeting(admin, good.id, "theme_day", ym(y, m, 6));
    add_meeting(admin, good.id, "group_meeting", ym(y, m, 7), json::object{{"group_id", good.group}});
  }
  add_meeting(admin, good.id, "general_assembly", ym(y, 5, 8));
  add_meeting(admin, good.id, "party_lesson", ym(y, 5, 9));
  add_meeting(admin, bad.id, "theme_day", ym(y, 4, 6));
  const std::string q = "period=quarter&date=" + ym(y, 5, 1);
  auto fig = admin.get("/api/v1/stats/life?" + q);
  ASSERT_EQ(fig.status, 200) << fig.body;
  const json::value f = fig.json();
  const auto assessed = f.at("assessed").as_int64();
  const auto complying = f.at("complying").as_int64();
  EXPECT_EQ(f.at("noncompliant").as_int64(), assessed - complying);
  auto names = [&](const std::string& figure) {
    std::set<std::string> out;
    auto r = admin.get("/api/v1/stats/life/records?" + q + "&figure=" + figure + "&size=200");
    EXPECT_EQ(r.status, 200) << r.body;
    const json::value body = r.json();
    EXPECT_EQ(body.at("total").as_int64(), static_cast<std::int64_t>(body.at("items").as_array().size()));
    for (const auto& it : body.at("items").as_array()) {
      EXPECT_EQ(it.at("complies").as_bool(), figure == "complying") << json::serialize(it);
      out.insert(std::string(it.at("party_org_name").as_string()));
    }
    return out;
  };
  const auto non = names("noncompliant");
  const auto yes = names("complying");
  EXPECT_EQ(static_cast<std::int64_t>(non.size()), assessed - complying);
  EXPECT_EQ(static_cast<std::int64_t>(yes.size()), complying);
  EXPECT_TRUE(non.count("落实乙党支部"));
  EXPECT_TRUE(yes.count("落实甲党支部"));
  // By kind: theme days owed by every assessed org; the records of unmet theme days hold 落实乙 only if it missed one.
  for (const auto& k : f.at("by_kind").as_array())
    if (k.at("kind").as_string() == "theme_day") {
      auto r = admin.get("/api/v1/stats/life/records?" + q + "&figure=unmet:theme_day&size=200");
      ASSERT_EQ(r.status, 200) << r.body;
      EXPECT_EQ(r.json().at("total").as_int64(), k.at("owed").as_int64() - k.at("met").as_int64());
    }
  // Bad input.
  EXPECT_EQ(admin.get("/api/v1/stats/life?period=week").status, 400);
  EXPECT_EQ(admin.get("/api/v1/stats/life?date=2026-02-30").status, 400);
  EXPECT_EQ(admin.get("/api/v1/stats/life/records?" + q).status, 400);
  EXPECT_EQ(admin.get("/api/v1/stats/life/records?" + q + "&figure=unmet:party").status, 400);
  EXPECT_EQ(admin.get("/api/v1/life/matrix?year=19x6").status, 400);
  // A street user sees only his street's party orgs.
  Client donghu = demo_login(s, "donghu");
  auto street = donghu.get("/api/v1/stats/life/records?" + q + "&figure=assessed&size=200");
  ASSERT_EQ(street.status, 200) << street.body;
  const json::value sb = street.json();
  for (const auto& it : sb.at("items").as_array()) EXPECT_NE(it.at("party_org_name").as_string(), "西城物流有限公司党支部");
}

}  // namespace
}  // namespace lx::test
