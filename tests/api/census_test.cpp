// The census API on a real server with the demo district, on both backends:
// orgs created, read, changed, closed and verified; bad input changes
// nothing; duplicate codes; search (2 and 3+ characters); filters, sort and
// paging; the street user's scope; the secretary's lack of write rights; the
// contact phone masked, revealed only with an audit row, never stored plain.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "census_support.hpp"
#include "core/ids.hpp"
#include "modules/census/collation.hpp"

namespace lx::test {
namespace {

class CensusApi : public CensusSuite {};

TEST_F(CensusApi, CreateReadUpdateCloseVerify) {
  auto& s = server();
  Client admin = s.admin();
  const std::string uscc = census_code("91310199MA1CR0001");
  auto r = admin.post("/api/v1/orgs", json::object{{"name", "湖光测试有限公司"},
                                                   {"uscc", uscc},
                                                   {"kind", "非公企业"},
                                                   {"sub_kind", "私营企业"},
                                                   {"industry", "制造业"},
                                                   {"area_id", area_id(s, "东湖街道")},
                                                   {"registered_on", "2020/5/1"},
                                                   {"workforce", 20},
                                                   {"declared_members", 2},
                                                   {"contact_phone", "13811112222"}});
  ASSERT_EQ(r.status, 201) << r.body;
  auto o = r.json().as_object();
  const auto id = o.at("id").as_int64();
  EXPECT_EQ(o.at("kind").as_string(), "enterprise");
  EXPECT_EQ(o.at("industry").as_string(), "C");
  EXPECT_EQ(o.at("registered_on").as_string(), "2020-05-01");
  EXPECT_EQ(o.at("contact_phone_mask").as_string(), "138****2222");
  EXPECT_EQ(o.at("colour").as_string(), "blue");
  EXPECT_TRUE(o.at("stale").as_bool());  // never verified (R-CEN-2)
  EXPECT_FALSE(o.at("five_clear").at("complete").as_bool());
  EXPECT_EQ(last_audit(s).at("action").as_string(), "org.create");
  EXPECT_EQ(last_audit(s).at("target").as_string(), "org:" + std::to_string(id));

  auto d = admin.get("/api/v1/orgs/" + std::to_string(id));
  ASSERT_EQ(d.status, 200) << d.body;
  EXPECT_EQ(d.json().at("area_name").as_string(), "东湖街道");
  EXPECT_EQ(d.json().at("history").as_array().size(), 1u);
  const json::array missing = d.json().at("five_clear").at("missing").as_array();
  EXPECT_NE(std::find(missing.begin(), missing.end(), json::value("principal")), missing.end());

  auto p = admin.patch("/api/v1/orgs/" + std::to_string(id),
                       json::object{{"principal", "湖光"}, {"principal_is_member", false},
                                    {"no_party_org_reason", "党员不足3名"}, {"workforce", 25}});
  ASSERT_EQ(p.status, 200) << p.body;
  EXPECT_TRUE(p.json().at("five_clear").at("complete").as_bool());
  EXPECT_EQ(p.json().at("workforce").as_int64(), 25);
  auto audit = last_audit(s);
  EXPECT_EQ(audit.at("action").as_string(), "org.update");
  EXPECT_EQ(audit.at("detail").at("before").at("workforce").as_int64(), 20);
  EXPECT_EQ(audit.at("detail").at("after").at("workforce").as_int64(), 25);

  auto v = admin.post("/api/v1/orgs/" + std::to_string(id) + "/verify", json::object{});
  ASSERT_EQ(v.status, 200) << v.body;
  EXPECT_FALSE(v.json().at("stale").as_bool());
  EXPECT_FALSE(v.json().at("verified_on").is_null());
  EXPECT_EQ(last_audit(s).at("action").as_string(), "org.verify");

  auto bad_close = admin.post("/api/v1/orgs/" + std::to_string(id) + "/close", json::object{{"closed_on", "2019-01-01"}});
  EXPECT_EQ(bad_close.status, 400) << bad_close.body;  // before registration
  EXPECT_EQ(bad_close.error_field(), "closed_on");
  auto c = admin.post("/api/v1/orgs/" + std::to_string(id) + "/close", json::object{{"closed_on", "2025-06-30"}});
  ASSERT_EQ(c.status, 200) << c.body;
  EXPECT_EQ(c.json().at("operating_status").as_string(), "closed");
  EXPECT_EQ(c.json().at("closed_on").as_string(), "2025-06-30");
  EXPECT_EQ(last_audit(s).at("action").as_string(), "org.close");

  // The record has ended: no more changes, and it is never deleted.
  EXPECT_EQ(admin.patch("/api/v1/orgs/" + std::to_string(id), json::object{{"workforce", 1}}).status, 409);
  EXPECT_EQ(admin.post("/api/v1/orgs/" + std::to_string(id) + "/close", json::object{{"closed_on", "2025-07-01"}}).status, 409);
  EXPECT_EQ(admin.del("/api/v1/orgs/" + std::to_string(id)).status, 405);
  EXPECT_EQ(s.scalar("SELECT COUNT(*) FROM orgs WHERE id = ?", {id}), 1);
  auto h = admin.get("/api/v1/orgs/" + std::to_string(id));
  EXPECT_EQ(h.json().at("history").as_array().size(), 4u);
  EXPECT_EQ(h.json().at("history").at(0).at("action").as_string(), "org.close");
}

TEST_F(CensusApi, ValidationErrorsChangeNothing) {
  auto& s = server();
  Client admin = s.admin();
  const auto orgs = s.count("orgs");
  const auto audits = s.count("audit_log");
  json::object good{{"name", "校验测试公司"}, {"uscc", census_code("91310199MA1CR0002")}, {"kind", "enterprise"},
                    {"area_id", area_id(s, "东湖街道")}};
  std::string bad_code = census_code("91310199MA1CR0002");
  bad_code[17] = bad_code[17] == '1' ? '2' : '1';
  struct Case {
    const char* field;
    json::value value;
  };
  const Case cases[] = {{"uscc", json::value(bad_code)},
                        {"uscc", json::value("91310199MA1CR00")},
                        {"contact_phone", json::value("12345678")},
                        {"workforce", json::value(-1)},
                        {"declared_members", json::value(-5)},
                        {"workforce", json::value("十")},
                        {"registered_on", json::value("2021-02-30")},
                        {"industry", json::value("Z")},
                        {"kind", json::value("国企")},
                        {"area_id", json::value(area_id(s, "示范区"))}};
  for (const auto& c : cases) {
    json::object body = good;
    body[c.field] = c.value;
    auto r = admin.post("/api/v1/orgs", body);
    EXPECT_EQ(r.status, 400) << c.field << " " << r.body;
    EXPECT_EQ(r.error_field(), c.field) << r.body;
    EXPECT_FALSE(r.json().at("error").at("message").as_string().empty());
  }
  // declared members above the workforce, named on declared_members
  json::object both = good;
  both["workforce"] = 2;
  both["declared_members"] = 3;
  auto r = admin.post("/api/v1/orgs", both);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.error_field(), "declared_members");
  // and a change with a bad field leaves the record as it was
  const auto id = org_id(s, "东湖科技有限公司");
  auto p = admin.patch("/api/v1/orgs/" + std::to_string(id), json::object{{"name", "改名"}, {"workforce", -3}});
  EXPECT_EQ(p.status, 400);
  EXPECT_EQ(p.error_field(), "workforce");
  EXPECT_EQ(org_id(s, "东湖科技有限公司"), id);
  EXPECT_EQ(s.count("orgs"), orgs);
  EXPECT_EQ(s.count("audit_log"), audits);
}

TEST_F(CensusApi, DuplicateCreditCodeIs409NamingTheOrg) {
  auto& s = server();
  Client admin = s.admin();
  auto existing = s.db().acquire()->scalar_text("SELECT uscc FROM orgs WHERE name = ?", {std::string("西城物流有限公司")});
  ASSERT_TRUE(existing);
  const auto orgs = s.count("orgs");
  auto r = admin.post("/api/v1/orgs", json::object{{"name", "重复代码公司"}, {"uscc", *existing}, {"kind", "enterprise"},
                                                   {"area_id", area_id(s, "东湖街道")}});
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(r.error_field(), "uscc");
  EXPECT_NE(r.body.find("西城物流有限公司"), std::string::npos) << r.body;
  EXPECT_EQ(s.count("orgs"), orgs);
  // changing another org's code to it is refused alike
  auto p = admin.patch("/api/v1/orgs/" + std::to_string(org_id(s, "东湖科技有限公司")), json::object{{"uscc", *existing}});
  EXPECT_EQ(p.status, 409);
}

TEST_F(CensusApi, SearchByTwoAndMoreCharacters) {
  auto& s = server();
  Client admin = s.admin();
  auto two = names_of(admin.get("/api/v1/orgs?size=100&q=" + enc("物流")));
  EXPECT_EQ(two, (std::vector<std::string>{"西城物流有限公司"}));
  auto two_many = names_of(admin.get("/api/v1/orgs?size=100&q=" + enc("西城")));
  EXPECT_GE(two_many.size(), 6u);
  for (const auto& n : two_many) EXPECT_NE(n.find("西城"), std::string::npos) << n;
  EXPECT_EQ(names_of(admin.get("/api/v1/orgs?q=" + enc("智能制造"))), (std::vector<std::string>{"东湖智能制造有限公司"}));
  EXPECT_EQ(names_of(admin.get("/api/v1/orgs?q=" + enc("青少年发展"))), (std::vector<std::string>{"西城青少年发展基金会"}));
  EXPECT_TRUE(names_of(admin.get("/api/v1/orgs?q=" + enc("不存在的名字"))).empty());
  EXPECT_TRUE(names_of(admin.get("/api/v1/orgs?q=" + enc("%_"))).empty());
  // a whole credit code finds its org, whatever the case
  auto code = s.db().acquire()->scalar_text("SELECT uscc FROM orgs WHERE name = ?", {std::string("东湖软件行业协会")});
  std::string lower = *code;
  for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  EXPECT_EQ(names_of(admin.get("/api/v1/orgs?q=" + lower)), (std::vector<std::string>{"东湖软件行业协会"}));
  // a renamed org is found under its new name only (the index follows)
  const auto id = org_id(s, "西城外卖配送站");
  ASSERT_EQ(admin.patch("/api/v1/orgs/" + std::to_string(id), json::object{{"name", "西城骑手驿站"}}).status, 200);
  EXPECT_EQ(names_of(admin.get("/api/v1/orgs?q=" + enc("骑手驿站"))), (std::vector<std::string>{"西城骑手驿站"}));
  EXPECT_TRUE(names_of(admin.get("/api/v1/orgs?q=" + enc("外卖配送"))).empty());
  ASSERT_EQ(admin.patch("/api/v1/orgs/" + std::to_string(id), json::object{{"name", "西城外卖配送站"}}).status, 200);
}

TEST_F(CensusApi, FiltersAndSort) {
  auto& s = server();
  Client admin = s.admin();
  auto total = [&](const std::string& query) {
    auto r = admin.get("/api/v1/orgs?" + query);
    EXPECT_EQ(r.status, 200) << query << " " << r.body;
    return r.json().at("total").as_int64();
  };
  const auto all = total("");
  EXPECT_GE(all, 13);
  EXPECT_EQ(total("kind=social") + total("kind=enterprise") + total("kind=gig_site"), all);
  EXPECT_EQ(total("kind=" + enc("社会组织")), total("kind=social"));
  EXPECT_EQ(total("industry=C"), total("industry=" + enc("制造业")));
  EXPECT_GE(total("industry=C"), 1);
  EXPECT_EQ(total("sub_kind=" + enc("基金会")), 1);
  EXPECT_EQ(total("area_id=" + std::to_string(area_id(s, "东湖街道"))) +
                total("area_id=" + std::to_string(area_id(s, "西城街道"))),
            all);
  EXPECT_LT(total("area_id=" + std::to_string(area_id(s, "西城花园社区"))),
            total("area_id=" + std::to_string(area_id(s, "西城街道"))));
  EXPECT_EQ(total("above_scale=true") + total("above_scale=false"), all);
  EXPECT_EQ(total("status=closed"), total("status=" + enc("注销")));
  EXPECT_GE(total("status=closed"), 1);
  EXPECT_EQ(total("stale=true") + total("stale=false"), all);
  EXPECT_GE(total("stale=true"), 3);
  EXPECT_EQ(total("covered=true") + total("covered=false"), all);
  EXPECT_EQ(total("colour=red"), total("covered=true"));
  EXPECT_EQ(total("colour=red") + total("colour=yellow") + total("colour=blue"), all);
  for (const char* bad : {"sort=uscc", "sort=name;drop", "order=up", "kind=x", "colour=green", "stale=maybe",
                          "industry=U", "area_id=abc", "page=0", "size=1000"}) {
    auto r = admin.get(std::string("/api/v1/orgs?") + bad);
    EXPECT_EQ(r.status, 400) << bad << " " << r.body;
  }
  EXPECT_EQ(admin.get("/api/v1/orgs?sort=uscc").error_field(), "sort");

  // Names in pinyin order, the page sorted by the database.
  auto names = names_of(admin.get("/api/v1/orgs?size=100&sort=name"));
  ASSERT_EQ(static_cast<std::int64_t>(names.size()), all);
  for (std::size_t k = 0; k + 1 < names.size(); ++k)
    EXPECT_LE(census::pinyin_compare(names[k], names[k + 1]), 0) << names[k] << " / " << names[k + 1];
  auto desc = names_of(admin.get("/api/v1/orgs?size=100&sort=-name"));
  std::reverse(desc.begin(), desc.end());
  EXPECT_EQ(desc, names);
  // Workforce descending, unknown last.
  auto r = admin.get("/api/v1/orgs?size=100&sort=workforce&order=desc");
  std::int64_t prev = INT64_MAX;
  bool seen_null = false;
  for (const auto& o : items(r)) {
    if (o.at("workforce").is_null()) {
      seen_null = true;
      continue;
    }
    EXPECT_FALSE(seen_null) << "a known workforce after an unknown one";
    EXPECT_LE(o.at("workforce").as_int64(), prev);
    prev = o.at("workforce").as_int64();
  }
}

TEST_F(CensusApi, Paging) {
  auto& s = server();
  Client admin = s.admin();
  const auto all = admin.get("/api/v1/orgs?size=200").json().at("total").as_int64();
  std::set<std::int64_t> seen;
  for (int page = 1; page <= (all + 4) / 5; ++page) {
    auto r = admin.get("/api/v1/orgs?size=5&sort=registered_on&page=" + std::to_string(page));
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(r.json().at("total").as_int64(), all);
    EXPECT_EQ(r.json().at("page").as_int64(), page);
    for (const auto& o : items(r)) EXPECT_TRUE(seen.insert(o.at("id").as_int64()).second);
  }
  EXPECT_EQ(static_cast<std::int64_t>(seen.size()), all);
  EXPECT_TRUE(admin.get("/api/v1/orgs?size=5&page=999").json().at("items").as_array().empty());
}

}  // namespace
}  // namespace lx::test
