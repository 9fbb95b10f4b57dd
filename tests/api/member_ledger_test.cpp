// The member ledger (党员台账) through the shared import engine on both
// backends: dry run, commit as a job, re-import 0/0, export (audited) that
// re-imports 0/0, the CLI's JSON equal to the API's, row problems (R-ID-1
// gender against the number, ambiguous or unknown party org, duplicates in
// the file), who may import — and no imported ID number or phone anywhere in
// plain text: not in the SQLite file and its WAL, not in any PostgreSQL column.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "member_support.hpp"

namespace lx::test {
namespace {

class MemberLedgerApi : public CensusSuite {};

const std::string kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

HttpResponse upload(Client& c, const std::string& target, const std::string& bytes,
                    const std::string& type = "text/csv") {
  return c.request("POST", target, bytes, {{"Content-Type", type}});
}

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

struct Row {
  std::string name, id, phone;
};

std::string members_csv(const std::vector<Row>& rows) {
  std::string csv = "序号,姓名,身份证号,性别,民族,学历,手机号码,人员类别,入党日期,转正日期,所在党组织,"
                    "工作单位统一社会信用代码,是否流动党员\n";
  int n = 0;
  for (const auto& r : rows)
    csv += std::to_string(++n) + "," + r.name + "," + r.id + ",," + "汉族,大学本科," + r.phone +
           ",正式党员,2012-07-01,2013-07-01,东湖科技有限公司党支部," + census_code("91310199MA1FL0001") + ",否\n";
  return csv;
}

json::object run_job(Client& c, const HttpResponse& r) {
  EXPECT_EQ(r.status, 202) << r.body;
  if (r.status != 202) return {};
  return wait_job(c, r.json().at("job").at("id").as_int64());
}

TEST_F(MemberLedgerApi, ImportReimportExportRoundTripAndNothingPlainInTheDatabase) {
  auto& s = server();
  Client admin = s.admin();
  const std::vector<Row> rows = {{"台账甲", make_id("19820412", 2 * next_serial() + 1), "13700001001"},
                                 {"台账乙", make_id("19930101", 2 * next_serial()), "13700001002"},
                                 {"台账丙", make_id("20010615", 2 * next_serial() + 1), "13700001003"}};
  const std::string csv = members_csv(rows);
  const auto persons = s.count("persons");
  auto dry = upload(admin, "/api/v1/import/members?dry_run=1", csv);
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_EQ(json::serialize(dry.json()), R"({"rows":3,"inserted":3,"updated":0,"errors":[]})");
  EXPECT_EQ(s.count("persons"), persons);

  // The CLI answers the same JSON (same database, same key file).
  const std::string file = s.dir().write("members.csv", csv);
  auto cli = run_liangxin({"import", "members", file, "--db", s.db_url(), "--dry-run", "--json", "--set",
                           "key_file=" + s.dir().path() + "/liangxin.key"});
  EXPECT_EQ(cli.code, 0) << cli.err;
  EXPECT_EQ(cli.out, json::serialize(dry.json()) + "\n");

  auto job = run_job(admin, upload(admin, "/api/v1/import/members", csv));
  ASSERT_EQ(job.at("status"), "succeeded") << json::serialize(job);
  EXPECT_EQ(json::serialize(job.at("result")), R"({"rows":3,"inserted":3,"updated":0,"errors":[]})");
  EXPECT_EQ(s.count("persons"), persons + 3);
  auto again = run_job(admin, upload(admin, "/api/v1/import/members", csv));
  EXPECT_EQ(json::serialize(again.at("result")), R"({"rows":3,"inserted":0,"updated":0,"errors":[]})");

  // Export (plain numbers, so it is audited) re-imports unchanged.
  auto ex = admin.get("/api/v1/export/members");
  ASSERT_EQ(ex.status, 200) << ex.body;
  EXPECT_EQ(ex.header("Content-Type"), kXlsx);
  EXPECT_EQ(last_audit(s).at("action").as_string(), "export.members");
  auto back = upload(admin, "/api/v1/import/members?dry_run=1", ex.body, kXlsx);
  ASSERT_EQ(back.status, 200) << back.body;
  EXPECT_EQ(back.json().at("inserted").as_int64(), 0) << back.body;
  EXPECT_EQ(back.json().at("updated").as_int64(), 0) << back.body;
  EXPECT_TRUE(back.json().at("errors").as_array().empty()) << back.body;
  auto t = admin.get("/api/v1/templates/members");
  ASSERT_EQ(t.status, 200);
  EXPECT_EQ(t.body.substr(0, 2), "PK");

  // A changed cell updates in place.
  std::string changed = csv;
  changed.replace(changed.find("13700001002"), 11, "13700002002");
  auto upd = upload(admin, "/api/v1/import/members?dry_run=1", changed);
  EXPECT_EQ(json::serialize(upd.json()), R"({"rows":3,"inserted":0,"updated":1,"errors":[]})");

  // Nowhere in plain text.
  for (const auto& r : rows) {
    for (const std::string& secret : {r.id, r.phone}) {
      EXPECT_EQ(s.scalar("SELECT COUNT(*) FROM persons WHERE name LIKE ? OR id_number_enc LIKE ? OR id_number_hash "
                         "LIKE ? OR id_number_mask LIKE ? OR phone_enc LIKE ? OR phone_hash LIKE ? OR phone_mask LIKE ?",
                         {"%" + secret + "%", "%" + secret + "%", "%" + secret + "%", "%" + secret + "%",
                          "%" + secret + "%", "%" + secret + "%", "%" + secret + "%"}),
                0)
          << secret;
      EXPECT_EQ(s.scalar("SELECT COUNT(*) FROM member_history WHERE old_value LIKE ? OR new_value LIKE ?",
                         {"%" + secret + "%", "%" + secret + "%"}),
                0);
      EXPECT_EQ(s.scalar("SELECT COUNT(*) FROM audit_log WHERE detail LIKE ?", {"%" + secret + "%"}), 0);
    }
    EXPECT_EQ(s.scalar("SELECT COUNT(*) FROM persons WHERE name = ? AND id_number_hash IS NOT NULL AND phone_hash IS "
                       "NOT NULL",
                       {r.name}),
              1);
  }
  if (backend() == "sqlite") {
    const std::string path = s.db_url().substr(std::string("sqlite:").size());
    const std::string bytes = file_bytes(path) + file_bytes(path + "-wal");
    ASSERT_FALSE(bytes.empty());
    EXPECT_NE(bytes.find("台账甲"), std::string::npos);   // the file read is the right one
    for (const auto& r : rows) {
      EXPECT_EQ(bytes.find(r.id), std::string::npos) << r.id;
      EXPECT_EQ(bytes.find(r.phone), std::string::npos) << r.phone;
    }
  }
}

TEST_F(MemberLedgerApi, RowProblemsAndWhoMayImport) {
  auto& s = server();
  Client admin = s.admin();
  const std::string female = make_id("19900303", 2 * next_serial());
  std::string csv = "姓名,身份证号,性别,人员类别,入党日期,所在党组织\n";
  csv += "问题甲," + female + ",男,正式党员,2015-07-01,东湖科技有限公司党支部\n";          // R-ID-1: gender
  csv += "问题乙," + make_id("19900304", 2 * next_serial() + 1) + ",,正式党员,2015-07-01,不存在的支部\n";
  const std::string dup = make_id("19900305", 2 * next_serial() + 1);
  csv += "问题丙," + dup + ",,正式党员,2015-07-01,东湖科技有限公司党支部\n";
  csv += "问题丁," + dup + ",,正式党员,2015-07-01,东湖科技有限公司党支部\n";
  csv += "问题戊,4.11422E+17,,正式党员,2015-07-01,东湖科技有限公司党支部\n";
  const auto persons = s.count("persons");
  auto r = upload(admin, "/api/v1/import/members", csv);
  ASSERT_EQ(r.status, 422) << r.body;
  std::vector<std::pair<std::int64_t, std::string>> at;
  const json::value body = r.json();
  for (const auto& e : body.at("errors").as_array())
    at.emplace_back(e.at("row").as_int64(), std::string(e.at("column").as_string()));
  const std::vector<std::pair<std::int64_t, std::string>> want = {
      {2, "性别"}, {3, "所在党组织"}, {5, "身份证号"}, {6, "身份证号"}};
  EXPECT_EQ(at, want) << r.body;
  EXPECT_EQ(s.count("persons"), persons);
  // A branch secretary imports his own branch's members (member.import), and
  // only those: a row naming another branch is a problem of that row. He still
  // may not import the census ledger (census.import).
  Client shuji = demo_login(s, "shuji");
  const std::string own_id = make_id("19900307", 2 * next_serial() + 1);
  std::string mine = "姓名,身份证号,人员类别,入党日期,所在党组织\n书记导入," + own_id +
                     ",正式党员,2015-07-01,东湖科技有限公司党支部\n";
  auto own = upload(shuji, "/api/v1/import/members?dry_run=1", mine);
  ASSERT_EQ(own.status, 200) << own.body;
  EXPECT_TRUE(own.json().at("errors").as_array().empty()) << own.body;
  EXPECT_EQ(own.json().at("inserted").as_int64(), 1) << own.body;
  auto foreign = upload(shuji, "/api/v1/import/members?dry_run=1",
                        "姓名,身份证号,人员类别,入党日期,所在党组织\n书记越权," + make_id("19900308", 2 * next_serial() + 1) +
                            ",正式党员,2015-07-01,西城物流有限公司党支部\n");
  ASSERT_EQ(foreign.status, 200) << foreign.body;
  ASSERT_EQ(foreign.json().at("errors").as_array().size(), 1u) << foreign.body;
  EXPECT_EQ(foreign.json().at("errors").as_array()[0].at("column").as_string(), "所在党组织");
  EXPECT_EQ(upload(shuji, "/api/v1/import/orgs?dry_run=1", "名称\n某公司\n").status, 403);
  // Instructors and members import nothing.
  Client zhidao = demo_login(s, "zhidaoyuan");
  EXPECT_EQ(upload(zhidao, "/api/v1/import/members?dry_run=1", mine).status, 403);
  // The export holds plain ID numbers and phones: roles that may reveal them only (R-ID-4).
  EXPECT_EQ(demo_login(s, "donghu").get("/api/v1/export/members").status, 403);
  EXPECT_EQ(shuji.get("/api/v1/export/members").status, 200);
  // The street office imports within its street.
  Client donghu = demo_login(s, "donghu");
  std::string other = "姓名,身份证号,人员类别,入党日期,所在党组织\n问题己," + make_id("19900306", 2 * next_serial() + 1) +
                      ",正式党员,2015-07-01,西城物流有限公司党支部\n";
  auto street = upload(donghu, "/api/v1/import/members?dry_run=1", other);
  ASSERT_EQ(street.status, 200) << street.body;
  EXPECT_EQ(street.json().at("errors").as_array().size(), 1u) << street.body;
}

}  // namespace
}  // namespace lx::test
