// Member records on a real server with the demo district, on both backends:
// create, read with history, edit, confirm, end; bad input changes nothing;
// the same ID twice is refused naming the record; ID numbers and phones are
// masked everywhere and revealed only with an audit row (R-ID-4); a
// secretary sees only its party org's members and learns nothing of others
// through search; list filters, sort and paging.
#include <gtest/gtest.h>

#include "member_support.hpp"

namespace lx::test {
namespace {

class MemberApi : public CensusSuite {};

const char* kTech = "东湖科技有限公司党支部";
const char* kLogistics = "西城物流有限公司党支部";

TEST_F(MemberApi, CreateReadEditConfirmEnd) {
  auto& s = server();
  Client admin = s.admin();
  const std::string id = make_id("19850315", 2 * next_serial() + 1);
  std::string lower = id;
  if (lower.back() == 'X') lower.back() = 'x';
  auto r = admin.post("/api/v1/members",
                      member_body("测试甲", lower, party_org_id(s, kTech),
                                  {{"gender", "男"}, {"birth_date", "1985-03-15"}, {"ethnicity", "回"},
                                   {"education", "本科"}, {"phone", "13987654321"},
                                   {"workplace_org_id", org_id(s, "东湖科技有限公司")}, {"mobile", true},
                                   {"status", "probationary"}, {"admitted_on", day(-400)}, {"confirmed_on", nullptr}}));
  ASSERT_EQ(r.status, 201) << r.body;
  const auto pid = r.json().at("id").as_int64();
  auto body = r.json().as_object();
  EXPECT_EQ(body.at("id_number_mask").as_string(), core::mask_id_number(id));
  EXPECT_EQ(body.at("phone_mask").as_string(), "139****4321");
  EXPECT_EQ(body.at("ethnicity").as_string(), "回族");
  EXPECT_EQ(body.at("education").as_string(), "bachelor");
  EXPECT_EQ(body.at("gender").as_string(), "male");
  EXPECT_EQ(body.at("status").as_string(), "probationary");
  EXPECT_EQ(body.at("party_org_name").as_string(), kTech);
  EXPECT_EQ(r.body.find(id), std::string::npos);
  EXPECT_EQ(r.body.find("13987654321"), std::string::npos);
  EXPECT_EQ(last_audit(s).at("action").as_string(), "member.create");

  auto e = admin.patch(member_path(pid), json::object{{"education", "硕士"}, {"phone", "13911112222"}});
  ASSERT_EQ(e.status, 200) << e.body;
  EXPECT_EQ(e.json().at("education").as_string(), "postgraduate");
  auto d = admin.get(member_path(pid));
  ASSERT_EQ(d.status, 200) << d.body;
  std::vector<std::string> what;
  const json::value detail = d.json();
  for (const auto& h : detail.at("history").as_array()) what.emplace_back(h.at("what").as_string());
  EXPECT_TRUE(contains(what, "registered"));
  EXPECT_TRUE(contains(what, "education"));
  EXPECT_TRUE(contains(what, "phone"));
  EXPECT_NE(d.body.find("139****2222"), std::string::npos);   // history shows phones masked only
  EXPECT_EQ(d.body.find("13911112222"), std::string::npos);

  auto early = admin.post(member_path(pid, "/confirm"), json::object{{"date", day(-400)}});
  EXPECT_EQ(early.status, 400) << early.body;
  auto conf = admin.post(member_path(pid, "/confirm"), json::object{{"date", day(-20)}});
  ASSERT_EQ(conf.status, 200) << conf.body;
  EXPECT_EQ(conf.json().at("status").as_string(), "full");
  EXPECT_EQ(admin.post(member_path(pid, "/confirm"), json::object{}).status, 409);

  auto bad_reason = admin.post(member_path(pid, "/end"), json::object{{"reason", "转走了"}});
  EXPECT_EQ(bad_reason.status, 400);
  auto end = admin.post(member_path(pid, "/end"), json::object{{"reason", "去世"}, {"date", day()}});
  ASSERT_EQ(end.status, 200) << end.body;
  EXPECT_EQ(end.json().at("valid_to").as_string(), day());
  EXPECT_EQ(end.json().at("end_reason").as_string(), "deceased");
  auto listed = admin.get("/api/v1/members?q=" + enc("测试甲"));
  EXPECT_EQ(listed.json().at("total").as_int64(), 0) << listed.body;
  auto ended = admin.get("/api/v1/members?include_ended=1&q=" + enc("测试甲"));
  EXPECT_EQ(ended.json().at("total").as_int64(), 1) << ended.body;
  EXPECT_EQ(admin.post(member_path(pid, "/end"), json::object{{"reason", "去世"}}).status, 409);
}

TEST_F(MemberApi, BadInputChangesNothing) {
  auto& s = server();
  Client admin = s.admin();
  const auto persons = s.count("persons"), audits = s.count("audit_log");
  const std::string id = make_id("19900101", 2 * next_serial());   // even: female
  std::string wrong = id;
  wrong.back() = wrong.back() == '1' ? '2' : '1';
  struct Case {
    json::object body;
    const char* field;
  };
  const auto po = party_org_id(s, kTech);
  const Case cases[] = {
      {member_body("坏甲", wrong, po), "id_number"},
      {member_body("坏乙", id, po, {{"gender", "男"}}), "gender"},
      {member_body("坏丙", id, po, {{"birth_date", "1990-01-02"}}), "birth_date"},
      {member_body("坏丁", id, po, {{"ethnicity", "火星族"}}), "ethnicity"},
      {member_body("坏戊", id, po, {{"phone", "12345"}}), "phone"},
      {member_body("坏己", id, party_org_id(s, "第一党小组")), "party_org_id"},
      {member_body("坏庚", id, po, {{"confirmed_on", "2014-01-01"}}), "confirmed_on"},
      {member_body("坏辛", id, po, {{"status", "积极分子"}}), "status"},
      {member_body("", id, po), "name"},
  };
  for (const auto& c : cases) {
    auto r = admin.post("/api/v1/members", c.body);
    EXPECT_EQ(r.status, 400) << c.field << " " << r.body;
    EXPECT_EQ(r.error_field(), c.field) << r.body;
  }
  EXPECT_EQ(s.count("persons"), persons);
  EXPECT_EQ(s.count("audit_log"), audits);
}

TEST_F(MemberApi, SameIdTwiceIsRefusedNamingTheRecord) {
  auto& s = server();
  Client admin = s.admin();
  const std::string id = make_id("19780808", 2 * next_serial() + 1);
  ASSERT_GT(add_member(admin, member_body("重复甲", id, party_org_id(s, kTech))), 0);
  const auto persons = s.count("persons");
  // Full-width digits are the same number (R-ID-1 normalises first).
  std::string wide;
  for (char ch : id) wide += ch == 'X' ? std::string("Ｘ") : std::string("０").replace(2, 1, 1, static_cast<char>(0x90 + (ch - '0')));
  auto r = admin.post("/api/v1/members", member_body("重复乙", wide, party_org_id(s, kLogistics)));
  ASSERT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(r.error_code(), "duplicate_id_number");
  const std::string msg(r.json().at("error").at("message").as_string());
  EXPECT_NE(msg.find(core::mask_id_number(id)), std::string::npos) << msg;
  EXPECT_NE(msg.find("重复甲"), std::string::npos) << msg;
  EXPECT_NE(msg.find(kTech), std::string::npos) << msg;
  EXPECT_EQ(msg.find(id), std::string::npos) << "never the plain number";
  EXPECT_EQ(s.count("persons"), persons);
}

TEST_F(MemberApi, RevealIsAuditedAndOnlyForRolesThatMay) {
  auto& s = server();
  Client admin = s.admin();
  const std::string id = make_id("19720202", 2 * next_serial() + 1);
  const auto pid = add_member(admin, member_body("揭示甲", id, party_org_id(s, kTech), {{"phone", "13812340000"}}));
  ASSERT_GT(pid, 0);
  auto d = admin.get(member_path(pid));
  EXPECT_EQ(d.body.find(id), std::string::npos);
  auto rev = admin.post(member_path(pid, "/reveal"), json::object{{"field", "id_number"}});
  ASSERT_EQ(rev.status, 200) << rev.body;
  EXPECT_EQ(rev.json().at("value").as_string(), id);
  auto a = last_audit(s);
  EXPECT_EQ(a.at("action").as_string(), "member.reveal");
  EXPECT_EQ(a.at("target").as_string(), "member:" + std::to_string(pid));
  EXPECT_EQ(json::serialize(a.at("detail")).find(id), std::string::npos);
  auto ph = admin.post(member_path(pid, "/reveal"), json::object{{"field", "phone"}});
  ASSERT_EQ(ph.status, 200) << ph.body;
  EXPECT_EQ(ph.json().at("value").as_string(), "13812340000");
  EXPECT_EQ(admin.post(member_path(pid, "/reveal"), json::object{{"field", "name"}}).status, 400);
  // The branch's secretary may; the street office may read members but not reveal.
  Client shuji = demo_login(s, "shuji");
  EXPECT_EQ(shuji.post(member_path(pid, "/reveal"), json::object{}).status, 200);
  EXPECT_EQ(last_audit(s).at("login").as_string(), "shuji");
  Client donghu = demo_login(s, "donghu");
  EXPECT_EQ(donghu.get(member_path(pid)).status, 200);
  auto street = donghu.post(member_path(pid, "/reveal"), json::object{});
  EXPECT_EQ(street.status, 403);
  EXPECT_EQ(street.error_code(), "forbidden");
}

TEST_F(MemberApi, SecretarySeesOnlyItsBranchAndSearchLeaksNothing) {
  auto& s = server();
  Client admin = s.admin();
  const std::string mine = make_id("19880505", 2 * next_serial() + 1);
  const std::string other = make_id("19880506", 2 * next_serial() + 1);
  const auto own = add_member(admin, member_body("范围本支部", mine, party_org_id(s, kTech)));
  const auto far = add_member(admin, member_body("范围外支部", other, party_org_id(s, kLogistics)));
  ASSERT_GT(own, 0);
  ASSERT_GT(far, 0);
  Client shuji = demo_login(s, "shuji");
  EXPECT_EQ(shuji.get(member_path(own)).status, 200);
  for (const auto& r : {shuji.get(member_path(far)), shuji.patch(member_path(far), json::object{{"education", "大专"}}),
                        shuji.post(member_path(far, "/reveal"), json::object{}),
                        shuji.post(member_path(far, "/end"), json::object{{"reason", "去世"}})}) {
    EXPECT_EQ(r.status, 404) << r.body;
    EXPECT_EQ(r.error_code(), "not_found");
  }
  EXPECT_EQ(s.scalar("SELECT COUNT(*) FROM memberships WHERE person_id = ? AND valid_to IS NULL", {far}), 1);
  // Search: exact ID number, name fragment, party org filter — nothing from the other branch.
  for (const std::string& q : {"/api/v1/members?q=" + other, "/api/v1/members?q=" + enc("范围外"),
                               "/api/v1/members?include_ended=1&party_org_id=" +
                                   std::to_string(party_org_id(s, kLogistics))}) {
    auto r = shuji.get(q);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.json().at("total").as_int64(), 0) << q << " " << r.body;
  }
  auto found = shuji.get("/api/v1/members?q=" + mine);
  EXPECT_EQ(names_of(found), std::vector<std::string>{"范围本支部"});
  // Every member a secretary lists belongs to its branch.
  for (const auto& it : items(shuji.get("/api/v1/members?size=200")))
    EXPECT_EQ(it.at("party_org_name").as_string(), kTech);
  // The street sees its street's branches only.
  Client donghu = demo_login(s, "donghu");
  EXPECT_EQ(donghu.get(member_path(own)).status, 200);
  EXPECT_EQ(donghu.get(member_path(far)).status, 404);
  EXPECT_EQ(donghu.get("/api/v1/members?q=" + other).json().at("total").as_int64(), 0);
}

TEST_F(MemberApi, ListFiltersSortAndPaging) {
  auto& s = server();
  Client admin = s.admin();
  const auto po = party_org_id(s, "东湖商圈联合党支部");
  const std::string young = make_id(core::to_iso(core::add_years(core::today_shanghai(), -30)).substr(0, 4) + "0101",
                                    2 * next_serial() + 1);
  const auto y = add_member(admin, member_body("筛选青年", young, po,
                                               {{"education", "大专"}, {"mobile", true}, {"status", "probationary"},
                                                {"admitted_on", day(-30)}, {"confirmed_on", nullptr}}));
  const auto o = add_member(admin, member_body("筛选老年", make_id("19500101", 2 * next_serial() + 1), po,
                                               {{"education", "初中"}}));
  ASSERT_GT(y, 0);
  ASSERT_GT(o, 0);
  const std::string base = "/api/v1/members?party_org_id=" + std::to_string(po);
  auto ids = [&](const std::string& q) { return item_strings(admin.get(base + q), "id"); };
  EXPECT_TRUE(contains(ids("&status=probationary"), std::to_string(y)));
  EXPECT_FALSE(contains(ids("&status=probationary"), std::to_string(o)));
  EXPECT_TRUE(contains(ids("&education=college"), std::to_string(y)));
  EXPECT_TRUE(contains(ids("&age_band=le35"), std::to_string(y)));
  EXPECT_FALSE(contains(ids("&age_band=le35"), std::to_string(o)));
  EXPECT_TRUE(contains(ids("&age_band=61_plus"), std::to_string(o)));
  EXPECT_TRUE(contains(ids("&mobile=true"), std::to_string(y)));
  EXPECT_FALSE(contains(ids("&mobile=true"), std::to_string(o)));
  auto sorted = admin.get(base + "&sort=-birth_date&size=200");
  std::vector<std::string> births = item_strings(sorted, "birth_date");
  EXPECT_TRUE(std::is_sorted(births.rbegin(), births.rend())) << sorted.body;
  auto page = admin.get(base + "&size=1&page=2&sort=id");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(page.json().at("items").as_array().size(), 1u);
  EXPECT_GE(page.json().at("total").as_int64(), 2);
  for (const char* bad : {"&sort=password", "&status=x", "&age_band=old", "&education=none", "&mobile=maybe"})
    EXPECT_EQ(admin.get(base + bad).status, 400) << bad;
}

// R-ORG-1: full members whose workplace is the org count; the declared
// number only where no member is recorded there. Orgs declaring more members
// than are recorded are listed as having unregistered members.
TEST_F(MemberApi, ShouldBuildCountsRecordedFullMembersAndUnregisteredAreListed) {
  auto& s = server();
  Client admin = s.admin();
  const auto none_declared = add_org(s, "记录三名党员公司", "东湖街道", 0);
  const auto five_declared = add_org(s, "申报五名党员公司", "东湖街道", 5);
  const auto po = party_org_id(s, kTech);
  for (int k = 0; k < 3; ++k)
    ASSERT_GT(add_member(admin, member_body("应建" + std::to_string(k), make_id("19800101", 2 * next_serial() + 1), po,
                                            {{"workplace_org_id", none_declared}})),
              0);
  // One full and one probationary member recorded where five are declared.
  ASSERT_GT(add_member(admin, member_body("申报甲", make_id("19800102", 2 * next_serial() + 1), po,
                                          {{"workplace_org_id", five_declared}})),
            0);
  ASSERT_GT(add_member(admin, member_body("申报乙", make_id("19800103", 2 * next_serial() + 1), po,
                                          {{"workplace_org_id", five_declared}, {"status", "probationary"},
                                           {"admitted_on", day(-100)}, {"confirmed_on", nullptr}})),
            0);
  std::vector<std::string> flagged;
  for (const auto& w : items(admin.get("/api/v1/warnings?rule=R-ORG-1")))
    if (w.at("org_name").is_string()) flagged.emplace_back(w.at("org_name").as_string());
  EXPECT_TRUE(contains(flagged, "记录三名党员公司"));
  EXPECT_FALSE(contains(flagged, "申报五名党员公司"));   // 1 full member recorded, declared 5 ignored
  std::vector<std::string> records;
  for (const auto& r : items(admin.get("/api/v1/stats/records?figure=should_build&size=200")))
    records.emplace_back(r.at("name").as_string());
  EXPECT_TRUE(contains(records, "记录三名党员公司"));
  EXPECT_FALSE(contains(records, "申报五名党员公司"));

  auto u = admin.get("/api/v1/unregistered-members");
  ASSERT_EQ(u.status, 200) << u.body;
  bool listed = false;
  for (const auto& o : items(u))
    if (o.at("org_id").as_int64() == five_declared) {
      listed = true;
      EXPECT_EQ(o.at("declared").as_int64(), 5);
      EXPECT_EQ(o.at("recorded").as_int64(), 2);
    } else {
      EXPECT_NE(o.at("org_id").as_int64(), none_declared);
    }
  EXPECT_TRUE(listed) << u.body;
  // A secretary sees only the orgs of its scope.
  Client shuji = demo_login(s, "shuji");
  for (const auto& o : items(shuji.get("/api/v1/unregistered-members")))
    EXPECT_NE(o.at("org_id").as_int64(), five_declared);
}

}  // namespace
}  // namespace lx::test

namespace lx::test {
namespace {

// A member's posts: given through the member (so the committee post names the
// person), shown in the member's detail and in the party org's committee,
// refused on bad input or outside the actor's scope, and ended with the
// membership when the member transfers out.
TEST_F(MemberApi, PostsAreHeldInTheMembersPartyOrgAndEndWithTheMembership) {
  auto& s = server();
  Client admin = s.admin();
  const auto tech = party_org_id(s, kTech);
  const auto pid = add_member(admin, member_body("任职甲", make_id("19800808", 2 * next_serial() + 1), tech));
  ASSERT_NE(pid, 0);
  const auto posts = s.count("committee_posts");

  // Bad input changes nothing: an unknown post, a bad date, a date before the membership.
  EXPECT_EQ(admin.post(member_path(pid, "/posts"), json::object{{"post", "总经理"}}).status, 400);
  EXPECT_EQ(admin.post(member_path(pid, "/posts"), json::object{{"post", "publicity"}, {"valid_from", "2024-02-30"}})
                .status,
            400);
  EXPECT_EQ(admin.post(member_path(pid, "/posts"), json::object{{"post", "publicity"}, {"valid_from", "2000-01-01"}})
                .status,
            400);
  EXPECT_EQ(admin.post(member_path(pid, "/posts"), json::object{}).status, 400);
  EXPECT_EQ(s.count("committee_posts"), posts);
  // The demo branch already has a secretary: a second one at the same time is refused.
  EXPECT_EQ(admin.post(member_path(pid, "/posts"), json::object{{"post", "secretary"}, {"valid_from", day()}}).status,
            409);

  // Another branch's secretary cannot see the member: the same answer as a missing id.
  Client other = secretary_of(s, admin, kLogistics, "post_other");
  auto foreign = other.post(member_path(pid, "/posts"), json::object{{"post", "discipline"}, {"valid_from", day()}});
  EXPECT_EQ(foreign.status, 404) << foreign.body;
  EXPECT_EQ(other.post(member_path(999999, "/posts"), json::object{{"post", "discipline"}}).status, 404);
  EXPECT_EQ(s.count("committee_posts"), posts);

  // His own branch's secretary gives the post.
  Client own = secretary_of(s, admin, kTech, "post_own");
  auto r = own.post(member_path(pid, "/posts"), json::object{{"post", "discipline"}, {"valid_from", day(-10)}});
  ASSERT_EQ(r.status, 200) << r.body;
  const json::value d = r.json();
  ASSERT_EQ(d.at("posts").as_array().size(), 1u) << r.body;
  EXPECT_EQ(d.at("posts").as_array()[0].at("post").as_string(), "discipline");
  EXPECT_EQ(d.at("posts").as_array()[0].at("post_name").as_string(), "纪检委员");
  EXPECT_EQ(d.at("posts").as_array()[0].at("person_id").as_int64(), pid);
  EXPECT_EQ(last_audit(s).at("action").as_string(), "member.post");
  auto committee = admin.get("/api/v1/party-orgs/" + std::to_string(tech) + "/committee");
  ASSERT_EQ(committee.status, 200) << committee.body;
  bool listed = false;
  const json::value committee_body = committee.json();
  for (const auto& p : committee_body.at("items").as_array())
    listed = listed || (p.at("person_name").as_string() == "任职甲" && p.at("person_id").as_int64() == pid);
  EXPECT_TRUE(listed) << committee.body;

  // Transferred out: the membership ends, and the post with it on that day.
  auto out = admin.post("/api/v1/transfers/out",
                        json::object{{"person_id", pid}, {"to_name", "外区某支部"}, {"letter_no", "X-1"}, {"date", day()}});
  ASSERT_EQ(out.status, 201) << out.body;
  auto after = admin.get(member_path(pid));
  ASSERT_EQ(after.status, 200) << after.body;
  EXPECT_TRUE(after.json().at("posts").as_array().empty()) << after.body;
  auto ended = admin.get("/api/v1/party-orgs/" + std::to_string(tech) + "/committee?include_ended=1");
  bool closed = false;
  const json::value ended_body = ended.json();
  for (const auto& p : ended_body.at("items").as_array())
    if (p.at("person_id").is_int64() && p.at("person_id").as_int64() == pid)
      closed = p.at("valid_to").is_string() && p.at("valid_to").as_string() == day();
  EXPECT_TRUE(closed) << ended.body;
}

}  // namespace
}  // namespace lx::test
