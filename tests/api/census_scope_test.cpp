// Census access: a street user (demo login donghu, area 东湖街道) neither sees
// nor changes an org of 西城街道 — the answer is the one for a missing id —
// and search never returns it; a secretary reads but cannot write; the
// contact phone is masked everywhere, revealed only to census writers with an
// audit row, and never stored in plain text.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "census_support.hpp"

namespace lx::test {
namespace {

class CensusScope : public CensusSuite {};

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST_F(CensusScope, StreetUserCannotSeeOrChangeAnotherStreet) {
  auto& s = server();
  Client donghu = demo_login(s, "donghu");
  const auto xc = org_id(s, "西城物流有限公司");
  const auto dh = org_id(s, "东湖科技有限公司");
  ASSERT_GT(xc, 0);
  auto missing = donghu.get("/api/v1/orgs/99999999");
  auto other = donghu.get("/api/v1/orgs/" + std::to_string(xc));
  EXPECT_EQ(other.status, 404);
  EXPECT_EQ(other.body, missing.body);
  EXPECT_EQ(donghu.get("/api/v1/orgs/" + std::to_string(dh)).status, 200);

  const auto audits = s.count("audit_log");
  auto p = donghu.patch("/api/v1/orgs/" + std::to_string(xc), json::object{{"workforce", 1}});
  EXPECT_EQ(p.status, 404);
  EXPECT_EQ(p.body, missing.body);
  EXPECT_EQ(donghu.post("/api/v1/orgs/" + std::to_string(xc) + "/verify", json::object{}).status, 404);
  EXPECT_EQ(donghu.post("/api/v1/orgs/" + std::to_string(xc) + "/close", json::object{{"closed_on", "2025-01-01"}}).status,
            404);
  EXPECT_EQ(donghu.post("/api/v1/orgs/" + std::to_string(xc) + "/reveal-phone", json::object{}).status, 404);
  EXPECT_EQ(s.count("audit_log"), audits);
  EXPECT_EQ(s.scalar("SELECT workforce FROM orgs WHERE id = ?", {xc}), 80);

  // Search and lists hold only 东湖 orgs.
  EXPECT_TRUE(names_of(donghu.get("/api/v1/orgs?q=" + enc("西城"))).empty());
  EXPECT_TRUE(names_of(donghu.get("/api/v1/orgs?q=" + enc("西城物流有限"))).empty());
  auto code = s.db().acquire()->scalar_text("SELECT uscc FROM orgs WHERE id = ?", {xc});
  EXPECT_TRUE(names_of(donghu.get("/api/v1/orgs?q=" + *code)).empty());
  auto mine = names_of(donghu.get("/api/v1/orgs?size=200"));
  EXPECT_FALSE(mine.empty());
  for (const auto& n : mine) EXPECT_EQ(n.find("西城"), std::string::npos) << n;
  EXPECT_EQ(static_cast<std::int64_t>(mine.size()),
            s.scalar("SELECT COUNT(*) FROM orgs o JOIN areas a ON a.id = o.area_id WHERE o.area_path LIKE "
                     "(SELECT path FROM areas WHERE name = ?) || '%'",
                     {std::string("东湖街道")}));
  // Filtering on the other street's area is refused like an unknown area.
  EXPECT_EQ(donghu.get("/api/v1/orgs?area_id=" + std::to_string(area_id(s, "西城街道"))).status, 400);
  auto stale = donghu.get("/api/v1/orgs/stale");
  for (const auto& o : items(stale))
    EXPECT_EQ(std::string(o.at("name").as_string()).find("西城"), std::string::npos);

  // Registering an org in the other street is refused; in its own, allowed.
  auto bad = donghu.post("/api/v1/orgs", json::object{{"name", "越界登记公司"}, {"uscc", census_code("91310199MA1HC0001")},
                                                      {"kind", "enterprise"}, {"area_id", area_id(s, "西城街道")}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.error_field(), "area_id");
  auto ok = donghu.post("/api/v1/orgs", json::object{{"name", "东湖街道登记公司"}, {"uscc", census_code("91310199MA1HC0002")},
                                                     {"kind", "enterprise"}, {"area_id", area_id(s, "东湖第一社区")}});
  EXPECT_EQ(ok.status, 201) << ok.body;
  // Moving one of its orgs into the other street is refused too.
  auto move = donghu.patch("/api/v1/orgs/" + std::to_string(dh), json::object{{"area_id", area_id(s, "西城花园社区")}});
  EXPECT_EQ(move.status, 400);

  // Areas: only its own subtree.
  auto areas = donghu.get("/api/v1/areas");
  ASSERT_EQ(areas.status, 200);
  for (const auto& a : items(areas))
    EXPECT_EQ(std::string(a.at("name").as_string()).find("西城"), std::string::npos);
}

TEST_F(CensusScope, SecretaryReadsButCannotWrite) {
  auto& s = server();
  Client admin = s.admin();
  auto sec = make_user(s, admin, "secretary", "census_sec");
  const auto dh = org_id(s, "东湖科技有限公司");
  const auto orgs = s.count("orgs");
  auto post = sec.client.post("/api/v1/orgs", json::object{{"name", "书记登记公司"}, {"uscc", census_code("91310199MA1HC0003")},
                                                           {"kind", "enterprise"}, {"area_id", area_id(s, "东湖街道")}});
  EXPECT_EQ(post.status, 403) << post.body;
  EXPECT_EQ(sec.client.patch("/api/v1/orgs/" + std::to_string(dh), json::object{{"workforce", 1}}).status, 403);
  EXPECT_EQ(sec.client.post("/api/v1/orgs/" + std::to_string(dh) + "/verify", json::object{}).status, 403);
  EXPECT_EQ(sec.client.post("/api/v1/orgs/" + std::to_string(dh) + "/reveal-phone", json::object{}).status, 403);
  EXPECT_EQ(sec.client.post("/api/v1/areas", json::object{{"name", "x"}, {"code", "1"}}).status, 403);
  EXPECT_EQ(s.count("orgs"), orgs);
  EXPECT_EQ(sec.client.get("/api/v1/orgs").status, 200);
  // A party member has no census rights at all.
  auto member = make_user(s, admin, "member", "census_member");
  EXPECT_EQ(member.client.get("/api/v1/orgs").status, 403);
  EXPECT_EQ(member.client.get("/api/v1/areas").status, 403);
}

TEST_F(CensusScope, PartyOrgScopeSeesCoveredOrgsOnly) {
  auto& s = server();
  Client admin = s.admin();
  const auto tech = org_id(s, "东湖科技有限公司");
  const auto branch = s.scalar("SELECT id FROM party_orgs WHERE name = ?", {std::string("东湖科技有限公司党支部")});
  ASSERT_GT(branch, 0);
  // The coverage link, unless the party org module's demo already made it.
  if (s.scalar("SELECT COUNT(*) FROM coverage WHERE org_id = ? AND party_org_id = ?", {tech, branch}) == 0)
    s.db().acquire()->exec(
        "INSERT INTO coverage (org_id, party_org_id, valid_from, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
        {tech, branch, std::string("2018-05-01"), std::string("2018-05-01T00:00:00Z"), std::string("2018-05-01T00:00:00Z")});
  auto sec = make_user(s, admin, "secretary", "census_sec_view");
  auto list = sec.client.get("/api/v1/orgs?size=200");
  ASSERT_EQ(list.status, 200) << list.body;
  const auto names = names_of(list);
  EXPECT_NE(std::find(names.begin(), names.end(), "东湖科技有限公司"), names.end());
  for (const auto& o : items(list)) EXPECT_EQ(o.at("colour").as_string(), "red");
  EXPECT_EQ(sec.client.get("/api/v1/orgs/" + std::to_string(org_id(s, "西城物流有限公司"))).status, 404);
  EXPECT_TRUE(names_of(sec.client.get("/api/v1/orgs?q=" + enc("西城物流"))).empty());
  auto detail = sec.client.get("/api/v1/orgs/" + std::to_string(tech));
  ASSERT_EQ(detail.status, 200) << detail.body;
  EXPECT_EQ(detail.json().at("colour").as_string(), "red");
  EXPECT_EQ(detail.json().at("covered_by").at(0).as_string(), "东湖科技有限公司党支部");
  // The admin's coverage filters agree.
  auto red = names_of(admin.get("/api/v1/orgs?size=200&colour=red"));
  EXPECT_NE(std::find(red.begin(), red.end(), "东湖科技有限公司"), red.end());
  auto uncovered = names_of(admin.get("/api/v1/orgs?size=200&covered=false"));
  EXPECT_EQ(std::find(uncovered.begin(), uncovered.end(), "东湖科技有限公司"), uncovered.end());
  // Its areas: those holding its orgs, with their ancestors.
  auto areas = names_of(sec.client.get("/api/v1/areas"));
  EXPECT_NE(std::find(areas.begin(), areas.end(), "东湖第一社区"), areas.end());
  EXPECT_NE(std::find(areas.begin(), areas.end(), "示范区"), areas.end());
  EXPECT_EQ(std::find(areas.begin(), areas.end(), "西城街道"), areas.end());
}

TEST_F(CensusScope, PhoneMaskedRevealedWithAuditNeverStoredPlain) {
  auto& s = server();
  Client admin = s.admin();
  const std::string phone = "13987654321";
  auto r = admin.post("/api/v1/orgs", json::object{{"name", "电话测试有限公司"}, {"uscc", census_code("91310199MA1HC0004")},
                                                   {"kind", "enterprise"}, {"area_id", area_id(s, "东湖街道")},
                                                   {"contact_name", "钱七"}, {"contact_phone", "139-8765-4321"}});
  ASSERT_EQ(r.status, 201) << r.body;
  const auto id = r.json().at("id").as_int64();
  EXPECT_EQ(r.body.find(phone), std::string::npos);
  EXPECT_EQ(r.json().at("contact_phone_mask").as_string(), "139****4321");
  auto list = admin.get("/api/v1/orgs?size=200");
  EXPECT_EQ(list.body.find(phone), std::string::npos);
  auto detail = admin.get("/api/v1/orgs/" + std::to_string(id));
  EXPECT_EQ(detail.body.find(phone), std::string::npos);  // history included

  auto rev = admin.post("/api/v1/orgs/" + std::to_string(id) + "/reveal-phone", json::object{});
  ASSERT_EQ(rev.status, 200) << rev.body;
  EXPECT_EQ(rev.json().at("contact_phone").as_string(), phone);
  auto a = last_audit(s);
  EXPECT_EQ(a.at("action").as_string(), "org.reveal_phone");
  EXPECT_EQ(a.at("target").as_string(), "org:" + std::to_string(id));
  EXPECT_EQ(a.at("login").as_string(), "admin");
  // The street user may reveal in its own street, audited under its login.
  Client donghu = demo_login(s, "donghu");
  EXPECT_EQ(donghu.post("/api/v1/orgs/" + std::to_string(id) + "/reveal-phone", json::object{}).status, 200);
  EXPECT_EQ(last_audit(s).at("login").as_string(), "donghu");
  // An org without a phone has nothing to reveal.
  auto none = admin.post("/api/v1/orgs/" + std::to_string(org_id(s, "东湖软件行业协会")) + "/reveal-phone", json::object{});
  EXPECT_EQ(none.status, 404);

  // Never in plain text in the database: not in any org or audit column ...
  EXPECT_EQ(s.scalar("SELECT COUNT(*) FROM orgs WHERE contact_phone_enc LIKE ? OR contact_phone_hash LIKE ? OR "
                     "contact_phone_mask LIKE ?",
                     {"%" + phone + "%", "%" + phone + "%", "%" + phone + "%"}),
            0);
  EXPECT_EQ(s.scalar("SELECT COUNT(*) FROM audit_log WHERE detail LIKE ?", {"%" + phone + "%"}), 0);
  EXPECT_EQ(s.scalar("SELECT COUNT(*) FROM orgs WHERE id = ? AND contact_phone_hash IS NOT NULL", {id}), 1);
  // ... and, on SQLite, nowhere in the bytes of the database files.
  if (backend() == "sqlite") {
    const std::string path = s.db_url().substr(std::string("sqlite:").size());
    s.db().acquire()->exec("PRAGMA wal_checkpoint(FULL)");
    const std::string bytes = file_bytes(path) + file_bytes(path + "-wal");
    ASSERT_FALSE(bytes.empty());
    EXPECT_EQ(bytes.find(phone), std::string::npos);
    EXPECT_EQ(bytes.find("139-8765-4321"), std::string::npos);
    EXPECT_NE(bytes.find("电话测试有限公司"), std::string::npos);  // the file read is the right one
  }
}

}  // namespace
}  // namespace lx::test
