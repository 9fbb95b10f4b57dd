// The ledger import/export API on a real server with the demo district, on
// both backends: dry run (nothing written), 422 with the problem list, the
// commit as a background job with progress and its result, re-import 0/0,
// the errors workbook, export and template as .xlsx attachments, audit rows,
// and permissions (a secretary cannot import).
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "census_support.hpp"

namespace lx::test {
namespace {

class LedgerApi : public CensusSuite {};

const std::string kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

HttpResponse upload(Client& c, const std::string& target, const std::string& bytes,
                    const std::string& type = "text/csv") {
  return c.request("POST", target, bytes, {{"Content-Type", type}});
}

std::string orgs_csv(int from, int n, const std::string& street = "东湖街道") {
  std::string csv = "组织名称,统一社会信用代码,组织类别,所在街道（乡镇）,联系电话\n";
  for (int i = from; i < from + n; ++i) {
    std::string num = std::to_string(i);
    csv += "台账测试组织" + num + "," + census_code("91310199MA1LD" + std::string(4 - num.size(), '0') + num) +
           ",非公企业," + street + ",1391234" + std::string(4 - num.size(), '0') + num + "\n";
  }
  return csv;
}

TEST_F(LedgerApi, DryRunCommitJobAndReimport) {
  auto& s = server();
  Client admin = s.admin();
  const std::string csv = orgs_csv(1, 12);
  const auto before = s.count("orgs");
  auto dry = upload(admin, "/api/v1/import/orgs?dry_run=1", csv);
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_EQ(json::serialize(dry.json()), R"({"rows":12,"inserted":12,"updated":0,"errors":[]})");
  EXPECT_EQ(s.count("orgs"), before);

  auto go = upload(admin, "/api/v1/import/orgs", csv);
  ASSERT_EQ(go.status, 202) << go.body;
  auto job = wait_job(admin, go.json().at("job").at("id").as_int64());
  ASSERT_EQ(job.at("status"), "succeeded") << json::serialize(job);
  EXPECT_EQ(json::serialize(job.at("result")), R"({"rows":12,"inserted":12,"updated":0,"errors":[]})");
  EXPECT_EQ(job.at("done").as_int64(), 12);
  EXPECT_EQ(job.at("total").as_int64(), 12);
  EXPECT_EQ(s.count("orgs"), before + 12);
  EXPECT_EQ(s.scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'import.orgs' AND target = 'ledger:orgs'"), 1);

  auto again = upload(admin, "/api/v1/import/orgs", csv);
  ASSERT_EQ(again.status, 202) << again.body;
  auto job2 = wait_job(admin, again.json().at("job").at("id").as_int64());
  EXPECT_EQ(json::serialize(job2.at("result")), R"({"rows":12,"inserted":0,"updated":0,"errors":[]})");
}

TEST_F(LedgerApi, ProblemsAnswer422AndWriteNothing) {
  auto& s = server();
  Client admin = s.admin();
  std::string csv = orgs_csv(101, 3);
  csv += "坏代码组织,91310199MA1LD0999Z,非公企业,东湖街道,\n";
  const auto before = s.count("orgs");
  auto r = upload(admin, "/api/v1/import/orgs", csv);
  ASSERT_EQ(r.status, 422) << r.body;
  auto errors = r.json().at("errors").as_array();
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].at("row").as_int64(), 5);
  EXPECT_EQ(errors[0].at("column").as_string(), "统一社会信用代码");
  EXPECT_EQ(errors[0].at("value").as_string(), "91310199MA1LD0999Z");
  EXPECT_EQ(r.json().at("rows").as_int64(), 4);
  EXPECT_EQ(s.count("orgs"), before);

  auto wb = upload(admin, "/api/v1/import/orgs/errors", csv);
  ASSERT_EQ(wb.status, 200) << wb.body;
  EXPECT_EQ(wb.header("Content-Type"), kXlsx);
  EXPECT_EQ(wb.body.substr(0, 2), "PK");
  auto wb2 = upload(admin, "/api/v1/import/orgs?dry_run=1&errors=xlsx", csv);
  EXPECT_EQ(wb2.status, 200);
  EXPECT_EQ(wb2.body.substr(0, 2), "PK");

  auto unknown = upload(admin, "/api/v1/import/nothing?dry_run=1", csv);
  EXPECT_EQ(unknown.status, 404);
  auto garbage = upload(admin, "/api/v1/import/orgs?dry_run=1", std::string("PK\x03\x04garbage", 11), kXlsx);
  EXPECT_EQ(garbage.status, 400) << garbage.body;
}

TEST_F(LedgerApi, ExportAndTemplateAreXlsxAttachmentsThatReimportUnchanged) {
  auto& s = server();
  Client admin = s.admin();
  auto seed = upload(admin, "/api/v1/import/orgs", orgs_csv(201, 3));
  ASSERT_EQ(seed.status, 202) << seed.body;
  wait_job(admin, seed.json().at("job").at("id").as_int64());
  auto ex = admin.get("/api/v1/export/orgs");
  ASSERT_EQ(ex.status, 200) << ex.body;
  EXPECT_EQ(ex.header("Content-Type"), kXlsx);
  EXPECT_EQ(ex.header("Content-Disposition"),
            "attachment; filename*=UTF-8''" + enc("两新组织台账.xlsx"));
  auto back = upload(admin, "/api/v1/import/orgs?dry_run=1", ex.body, kXlsx);
  ASSERT_EQ(back.status, 200) << back.body;
  EXPECT_EQ(back.json().at("inserted").as_int64(), 0);
  EXPECT_EQ(back.json().at("updated").as_int64(), 0);
  EXPECT_TRUE(back.json().at("errors").as_array().empty()) << back.body;

  for (const char* name : {"orgs", "party-orgs", "assignments", "mass-orgs"}) {
    auto t = admin.get(std::string("/api/v1/templates/") + name);
    ASSERT_EQ(t.status, 200) << name;
    EXPECT_EQ(t.body.substr(0, 2), "PK") << name;
    auto e = admin.get(std::string("/api/v1/export/") + name);
    EXPECT_EQ(e.status, 200) << name << " " << e.body;
  }
}

TEST_F(LedgerApi, PermissionsAndScope) {
  auto& s = server();
  Client secretary = demo_login(s, "shuji");
  auto r = upload(secretary, "/api/v1/import/orgs?dry_run=1", orgs_csv(301, 1));
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_EQ(secretary.get("/api/v1/templates/orgs").status, 200);  // census.read
  // A street user imports into its own street only.
  Client street = demo_login(s, "donghu");
  auto other = upload(street, "/api/v1/import/orgs?dry_run=1", orgs_csv(302, 1, "西城街道"));
  ASSERT_EQ(other.status, 200) << other.body;
  auto errors = other.json().at("errors").as_array();
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].at("column").as_string(), "所在街道（乡镇）");
  auto own = upload(street, "/api/v1/import/orgs?dry_run=1", orgs_csv(303, 1));
  EXPECT_TRUE(own.json().at("errors").as_array().empty()) << own.body;
  Client anonymous(s.port());
  EXPECT_EQ(anonymous.get("/api/v1/export/orgs").status, 401);
}

}  // namespace
}  // namespace lx::test
