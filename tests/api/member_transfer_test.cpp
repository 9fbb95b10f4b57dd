// Transfers (组织关系转接) and member figures on a real server with the demo
// district, on both backends: a transfer started by the sending branch is
// accepted by the receiving one (the membership moves, history rows, both
// inboxes) or rejected with a reason (the member stays); only the receiving
// side answers; a transfer pending longer than transfer.overdue_days is
// overdue; in from and out to outside the system; flow and structure figures
// drill down to exactly their records.
#include <gtest/gtest.h>

#include "member_support.hpp"

namespace lx::test {
namespace {

class MemberTransferApi : public CensusSuite {};

const char* kTech = "东湖科技有限公司党支部";
const char* kLogistics = "西城物流有限公司党支部";

std::vector<std::int64_t> transfer_ids(Client& c, const std::string& query) {
  std::vector<std::int64_t> out;
  auto r = c.get("/api/v1/transfers" + query);
  EXPECT_EQ(r.status, 200) << r.body;
  for (const auto& t : items(r)) out.push_back(t.at("id").as_int64());
  return out;
}

bool has(const std::vector<std::int64_t>& xs, std::int64_t x) { return std::find(xs.begin(), xs.end(), x) != xs.end(); }

Client& logistics_secretary(Server& s, Client& admin) {
  static std::unique_ptr<Client> c;
  if (!c) c = std::make_unique<Client>(secretary_of(s, admin, kLogistics, "wuliu_shuji"));
  return *c;
}

TEST_F(MemberTransferApi, AcceptMovesTheMembership) {
  auto& s = server();
  Client admin = s.admin();
  Client shuji = demo_login(s, "shuji");
  Client& wuliu = logistics_secretary(s, admin);
  const auto pid = add_member(admin, member_body("转接甲", make_id("19860606", 2 * next_serial() + 1),
                                                 party_org_id(s, kTech)));
  ASSERT_GT(pid, 0);
  auto t = shuji.post("/api/v1/transfers", json::object{{"person_id", pid},
                                                         {"to_party_org_id", party_org_id(s, kLogistics)},
                                                         {"note", "工作调动"}});
  ASSERT_EQ(t.status, 201) << t.body;
  const auto tid = t.json().at("id").as_int64();
  EXPECT_EQ(t.json().at("status").as_string(), "pending");
  EXPECT_EQ(last_audit(s).at("action").as_string(), "transfer.start");
  // A second transfer of the same member waits for the first.
  EXPECT_EQ(shuji.post("/api/v1/transfers", json::object{{"person_id", pid},
                                                          {"to_party_org_id", party_org_id(s, "东湖商圈联合党支部")}})
                .status,
            409);
  EXPECT_TRUE(has(transfer_ids(shuji, "?box=outgoing"), tid));
  EXPECT_FALSE(has(transfer_ids(shuji, "?box=incoming"), tid));
  EXPECT_TRUE(has(transfer_ids(wuliu, "?box=incoming"), tid));
  EXPECT_EQ(wuliu.get(member_path(pid)).status, 404);   // not theirs until accepted
  // The sending side cannot answer for the receiving one.
  auto self = shuji.post("/api/v1/transfers/" + std::to_string(tid) + "/accept", json::object{});
  EXPECT_EQ(self.status, 403) << self.body;
  EXPECT_EQ(self.error_code(), "not_receiver");

  auto ok = wuliu.post("/api/v1/transfers/" + std::to_string(tid) + "/accept", json::object{{"date", day()}});
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.json().at("status").as_string(), "accepted");
  auto d = wuliu.get(member_path(pid));
  ASSERT_EQ(d.status, 200) << d.body;
  EXPECT_EQ(d.json().at("party_org_name").as_string(), kLogistics);
  EXPECT_EQ(d.json().at("memberships").as_array().size(), 2u);
  EXPECT_EQ(d.json().at("admitted_on").as_string(), "2015-07-01");   // dates travel with the member
  bool moved = false;
  const json::value detail = d.json();
  for (const auto& h : detail.at("history").as_array())
    if (h.at("what") == "party_org" && h.at("old_value") == kTech && h.at("new_value") == kLogistics) moved = true;
  EXPECT_TRUE(moved) << d.body;
  EXPECT_EQ(shuji.get(member_path(pid)).status, 404);
  EXPECT_EQ(s.scalar("SELECT COUNT(*) FROM memberships WHERE person_id = ? AND valid_to IS NULL", {pid}), 1);
  EXPECT_EQ(wuliu.post("/api/v1/transfers/" + std::to_string(tid) + "/reject", json::object{{"reason", "晚了"}}).status,
            409);
}

TEST_F(MemberTransferApi, DestinationsReachBeyondTheSendersScopeButNotPartyGroups) {
  auto& s = server();
  Client shuji = demo_login(s, "shuji");
  auto r = shuji.get("/api/v1/transfers/destinations?q=" + enc("西城物流"));
  ASSERT_EQ(r.status, 200) << r.body;
  const json::value body = r.json();
  ASSERT_EQ(body.at("total").as_int64(), 1) << r.body;
  EXPECT_EQ(body.at("items").as_array()[0].at("name").as_string(), kLogistics);
  auto groups = shuji.get("/api/v1/transfers/destinations?size=200&q=" + enc("党小组"));
  ASSERT_EQ(groups.status, 200);
  EXPECT_EQ(groups.json().at("total").as_int64(), 0) << groups.body;
  Client zhidao = demo_login(s, "zhidaoyuan");
  EXPECT_EQ(zhidao.get("/api/v1/transfers/destinations").status, 403);
  EXPECT_EQ(shuji.get("/api/v1/transfers/destinations?size=0").status, 400);
}

TEST_F(MemberTransferApi, RejectNeedsAReasonAndKeepsTheMember) {
  auto& s = server();
  Client admin = s.admin();
  Client shuji = demo_login(s, "shuji");
  Client& wuliu = logistics_secretary(s, admin);
  const auto pid = add_member(admin, member_body("转接乙", make_id("19870707", 2 * next_serial() + 1),
                                                 party_org_id(s, kTech)));
  auto t = shuji.post("/api/v1/transfers", json::object{{"person_id", pid},
                                                         {"to_party_org_id", party_org_id(s, kLogistics)}});
  ASSERT_EQ(t.status, 201) << t.body;
  const auto tid = t.json().at("id").as_int64();
  auto none = wuliu.post("/api/v1/transfers/" + std::to_string(tid) + "/reject", json::object{{"reason", " "}});
  EXPECT_EQ(none.status, 400) << none.body;
  auto r = wuliu.post("/api/v1/transfers/" + std::to_string(tid) + "/reject",
                      json::object{{"reason", "介绍信信息不全，请补充后重新转出"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json().at("status").as_string(), "rejected");
  EXPECT_EQ(r.json().at("reason").as_string(), "介绍信信息不全，请补充后重新转出");
  EXPECT_EQ(shuji.get(member_path(pid)).json().at("party_org_name").as_string(), kTech);
  // Rejected: a new transfer may be started, and withdrawn by the sender.
  auto again = shuji.post("/api/v1/transfers", json::object{{"person_id", pid},
                                                             {"to_party_org_id", party_org_id(s, kLogistics)}});
  ASSERT_EQ(again.status, 201) << again.body;
  const auto t2 = again.json().at("id").as_int64();
  EXPECT_EQ(wuliu.post("/api/v1/transfers/" + std::to_string(t2) + "/cancel", json::object{}).status, 403);
  auto c = shuji.post("/api/v1/transfers/" + std::to_string(t2) + "/cancel", json::object{});
  ASSERT_EQ(c.status, 200) << c.body;
  EXPECT_EQ(c.json().at("status").as_string(), "cancelled");
}

TEST_F(MemberTransferApi, UnansweredLongerThanTheSettingIsOverdue) {
  auto& s = server();
  Client admin = s.admin();
  const auto po = party_org_id(s, kTech);
  const auto to = party_org_id(s, "东湖商圈联合党支部");
  const auto old_one = add_member(admin, member_body("逾期甲", make_id("19660101", 2 * next_serial() + 1), po));
  const auto new_one = add_member(admin, member_body("逾期乙", make_id("19660102", 2 * next_serial() + 1), po));
  auto a = admin.post("/api/v1/transfers",
                      json::object{{"person_id", old_one}, {"to_party_org_id", to}, {"started_on", day(-31)}});
  auto b = admin.post("/api/v1/transfers",
                      json::object{{"person_id", new_one}, {"to_party_org_id", to}, {"started_on", day(-30)}});
  ASSERT_EQ(a.status, 201) << a.body;
  ASSERT_EQ(b.status, 201) << b.body;
  EXPECT_TRUE(a.json().at("overdue").as_bool());
  EXPECT_FALSE(b.json().at("overdue").as_bool());
  auto overdue = transfer_ids(admin, "?overdue=1&size=200");
  EXPECT_TRUE(has(overdue, a.json().at("id").as_int64()));
  EXPECT_FALSE(has(overdue, b.json().at("id").as_int64()));
  // The number of days is a setting.
  ASSERT_EQ(admin.request("PUT", "/api/v1/settings/transfer.overdue_days", R"({"value":29})").status, 200);
  EXPECT_TRUE(has(transfer_ids(admin, "?overdue=1&size=200"), b.json().at("id").as_int64()));
  ASSERT_EQ(admin.request("PUT", "/api/v1/settings/transfer.overdue_days", R"({"value":30})").status, 200);
}

TEST_F(MemberTransferApi, InFromAndOutToOutsideWithFlowFigures) {
  auto& s = server();
  Client admin = s.admin();
  const std::string id = make_id("19790909", 2 * next_serial() + 1);
  json::object in = member_body("外来甲", id, party_org_id(s, kTech));
  in["from_name"] = "某省某市某公司党支部";
  in["letter_no"] = "组转字第0042号";
  in["date"] = day(-3);
  auto r = admin.post("/api/v1/transfers/in", in);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json().at("kind").as_string(), "in");
  EXPECT_EQ(r.json().at("external_name").as_string(), "某省某市某公司党支部");
  EXPECT_EQ(r.json().at("letter_no").as_string(), "组转字第0042号");
  const auto pid = r.json().at("person_id").as_int64();
  EXPECT_EQ(admin.get(member_path(pid)).json().at("valid_from").as_string(), day(-3));

  const std::string flows = "/api/v1/stats/member-flows?from=" + day(-10) + "&to=" + day();
  const auto before = admin.get(flows).json();
  auto out = admin.post("/api/v1/transfers/out", json::object{{"person_id", pid}, {"to_name", "外区某街道党工委"},
                                                              {"letter_no", "组转字第0043号"}, {"date", day()}});
  ASSERT_EQ(out.status, 201) << out.body;
  auto d = admin.get(member_path(pid)).json();
  EXPECT_EQ(d.at("valid_to").as_string(), day());
  EXPECT_EQ(d.at("end_reason").as_string(), "transfer_out");
  const auto after = admin.get(flows).json();
  EXPECT_GE(after.at("transferred_in").as_int64(), 1);
  EXPECT_EQ(after.at("transferred_out").as_int64(), before.at("transferred_out").as_int64() + 1);
  // Each flow drills down to exactly its records.
  for (const char* figure : {"transferred_in", "transferred_out", "admitted", "confirmed", "deceased", "left"}) {
    auto rec = admin.get("/api/v1/stats/member-records?figure=" + std::string(figure) + "&from=" + day(-10) +
                         "&to=" + day() + "&size=200");
    ASSERT_EQ(rec.status, 200) << rec.body;
    EXPECT_EQ(rec.json().at("total").as_int64(), after.at(figure).as_int64()) << figure;
    EXPECT_EQ(static_cast<std::int64_t>(items(rec).size()), after.at(figure).as_int64()) << figure;
  }
  std::vector<std::string> names;
  for (const auto& it : items(admin.get("/api/v1/stats/member-records?figure=transferred_out&from=" + day(-10) +
                                        "&to=" + day())))
    names.emplace_back(it.at("name").as_string());
  EXPECT_TRUE(contains(names, "外来甲"));
  // A transfer inside the scope is no flow of the scope; seen from the branch it is.
  const std::string tech_scope = "&scope=party_org:" + std::to_string(party_org_id(s, kTech));
  EXPECT_GE(admin.get(flows + tech_scope).json().at("transferred_out").as_int64(), 1);
}

TEST_F(MemberTransferApi, StructureFiguresDrillDownToTheirRecords) {
  auto& s = server();
  Client admin = s.admin();
  auto r = admin.get("/api/v1/stats/members");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto j = r.json();
  EXPECT_EQ(j.at("members").as_int64(),
            s.scalar("SELECT COUNT(*) FROM memberships WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)",
                     {day(), day()}));
  EXPECT_EQ(j.at("status").at("full").as_int64() + j.at("status").at("probationary").as_int64(),
            j.at("members").as_int64());
  EXPECT_EQ(j.at("shares").at("age_le35").at("denominator").as_int64(), j.at("members").as_int64());
  for (const char* group : {"age", "membership_years", "education"}) {
    std::int64_t sum = 0;
    for (const auto& [k, v] : j.at(group).as_object()) sum += v.as_int64();
    EXPECT_EQ(sum, j.at("members").as_int64()) << group << " bands cover every member once";
  }
  EXPECT_GT(j.at("members").as_int64(), 20);   // the demo's members
  for (const auto& [figure, n] : j.at("figures").as_object()) {
    auto rec = admin.get("/api/v1/stats/member-records?figure=" + std::string(figure) + "&size=1");
    ASSERT_EQ(rec.status, 200) << rec.body;
    EXPECT_EQ(rec.json().at("total").as_int64(), n.as_int64()) << figure;
  }
  EXPECT_EQ(admin.get("/api/v1/stats/member-records?figure=nothing").status, 400);
  // An instructor sees the counts (stats.read) but not the members behind them (member.read).
  Client zhidao = demo_login(s, "zhidaoyuan");
  EXPECT_EQ(zhidao.get("/api/v1/stats/members").status, 200);
  EXPECT_EQ(zhidao.get("/api/v1/stats/member-records?figure=members").status, 403);
  // A secretary's figures are its branch's.
  Client shuji = demo_login(s, "shuji");
  auto mine = shuji.get("/api/v1/stats/members");
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_LT(mine.json().at("members").as_int64(), j.at("members").as_int64());
  EXPECT_EQ(shuji.get("/api/v1/stats/members?scope=party_org:" + std::to_string(party_org_id(s, kLogistics))).status,
            403);
}

}  // namespace
}  // namespace lx::test
