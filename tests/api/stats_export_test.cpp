// Statistics files over HTTP, on both backends: a figure's records exported
// to .xlsx and read back with the project's reader, the report workbook as a
// background job (sheets, download, only for its creator or an admin), and
// the CLI printing the same coverage JSON as the API for the same database.
#include "io/xlsx_reader.hpp"
#include "stats_support.hpp"

namespace lx::test::stats {
namespace {

class StatsFiles : public SharedServer<StatsFiles> {};

constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// The rows of a sheet (by name; empty: the first) of an xlsx answer.
io::Sheet sheet_of(const HttpResponse& r, const std::string& name = "") {
  io::XlsxOptions o;
  o.sheet_name = name;
  auto s = io::read_xlsx(r.body, o);
  EXPECT_TRUE(s.ok()) << name << ": " << (s ? "" : s.error().message);
  return s ? *s : io::Sheet{};
}

// Data rows under the title row and the header row.
std::int64_t data_rows(const io::Sheet& s) {
  std::int64_t n = 0;
  for (const auto& row : s.rows)
    if (row.number > 2 && !row.blank()) ++n;
  return n;
}

TEST_F(StatsFiles, ExportHoldsAllRowsOfTheFigure) {
  Client admin = server().admin();
  const auto area = make_street(server(), admin, "统计导出街道", "310199093");
  ASSERT_NE(area, 0);
  const auto po = make_branch(server(), admin, "导出联合党支部", "joint", "2024-01-01", area);
  // More orgs than one page holds, so the export is not the first page.
  for (int n = 1; n <= 23; ++n) {
    auto o = make_org(admin, "导出测试组织" + std::to_string(n), area, n % 2 ? "enterprise" : "social",
                      {{"industry", n % 3 ? "C" : "F"}});
    if (n <= 4) cover(admin, po, o, "2024-02-01");
  }
  const std::string today = core::to_iso(core::today_shanghai());
  const std::string q = "date=" + today + "&scope=area:" + std::to_string(area);
  auto f = get_ok(admin, "/api/v1/stats/coverage?" + q);
  struct Case {
    std::string figure, filter;
    std::int64_t expected;
  } cases[] = {
      {"orgs", "", f.at("orgs").as_int64()},
      {"blue", "", f.at("colours").at("blue").as_int64()},
      {"covered_joint", "", f.at("covered_joint").as_int64()},
      {"orgs", "&kind=social&industry=C", records_total(admin, q + "&figure=orgs&kind=social&industry=C")},
      {"party_orgs", "&formation=joint", 1},
  };
  EXPECT_EQ(f.at("orgs").as_int64(), 23);
  for (const auto& c : cases) {
    SCOPED_TRACE(c.figure + c.filter);
    auto r = admin.get("/api/v1/stats/records/export?" + q + "&figure=" + c.figure + c.filter);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.header("Content-Type"), kXlsx);
    EXPECT_NE(r.header("Content-Disposition").find("attachment; filename*=UTF-8''"), std::string::npos);
    auto s = sheet_of(r);
    ASSERT_GE(s.rows.size(), 2u);
    const std::string title = s.rows[0].cell(0).text;
    EXPECT_NE(title.find("统计导出街道"), std::string::npos) << title;
    EXPECT_NE(title.find("截至" + core::to_chinese(core::today_shanghai())), std::string::npos) << title;
    EXPECT_EQ(data_rows(s), c.expected);
  }
  auto head = sheet_of(admin.get("/api/v1/stats/records/export?" + q + "&figure=orgs"));
  EXPECT_NE(head.rows[0].cell(0).text.find("两新组织"), std::string::npos);
  EXPECT_EQ(head.rows[1].cell(1).text, "组织名称");
  EXPECT_EQ(head.rows[1].cell(2).text, "统一社会信用代码");
  auto po_head = sheet_of(admin.get("/api/v1/stats/records/export?" + q + "&figure=party_orgs"));
  EXPECT_EQ(po_head.rows[1].cell(1).text, "党组织名称");
  EXPECT_EQ(data_rows(po_head), f.at("party_orgs").as_int64());
}

TEST_F(StatsFiles, ReportJobWritesTheWorkbookOnlyItsCreatorDownloads) {
  Client admin = server().admin();
  auto office = make_user(server(), admin, "office", "stats_report_office");
  auto other = make_user(server(), admin, "office", "stats_report_other");
  const std::string today = core::to_iso(core::today_shanghai());
  auto r = office.client.post("/api/v1/stats/report", json::object{{"date", today}});
  ASSERT_EQ(r.status, 202) << r.body;
  const auto job_id = r.json().at("job").at("id").as_int64();
  EXPECT_EQ(last_audit(server()).at("action").as_string(), "stats.report");
  auto job = wait_job(office.client, job_id);
  ASSERT_EQ(job.at("status").as_string(), "succeeded") << json::serialize(job);
  EXPECT_EQ(job.at("done").as_int64(), job.at("total").as_int64());
  const std::string download(job.at("result").at("download").as_string());
  EXPECT_EQ(download, "/api/v1/stats/report/" + std::to_string(job_id));

  auto file = office.client.get(download);
  ASSERT_EQ(file.status, 200) << file.body;
  EXPECT_EQ(file.header("Content-Type"), kXlsx);
  auto f = get_ok(office.client, "/api/v1/stats/coverage?date=" + today);
  auto by_area = sheet_of(file, "覆盖情况（按区域）");
  ASSERT_FALSE(by_area.rows.empty());
  EXPECT_EQ(by_area.rows[1].cell(0).text, "区域");
  // The total row says the coverage figures.
  const auto& total = by_area.rows.back();
  EXPECT_EQ(total.cell(0).text, "合计");
  EXPECT_EQ(static_cast<std::int64_t>(total.cell(1).number), f.at("orgs").as_int64());
  EXPECT_EQ(static_cast<std::int64_t>(total.cell(2).number), f.at("covered").as_int64());
  EXPECT_EQ(total.cell(3).text, std::string(f.at("organisation_coverage_rate").at("percent").as_string()) + "%");
  EXPECT_FALSE(sheet_of(file, "覆盖情况（按组织类别）").rows.empty());
  auto po = sheet_of(file, "党组织（按类型和组建方式）");
  ASSERT_FALSE(po.rows.empty());
  EXPECT_EQ(static_cast<std::int64_t>(po.rows.back().cell(po.rows.back().cells.size() - 1).number),
            f.at("party_orgs").as_int64());
  EXPECT_EQ(data_rows(sheet_of(file, "应建未建名单")), f.at("should_build").as_int64());
  auto assigned = get_ok(admin, "/api/v1/assignments?size=200");
  EXPECT_EQ(data_rows(sheet_of(file, "党建指导员和联络员")), assigned.at("total").as_int64());
  auto words = sheet_of(file, "汇总说明");
  auto summary = get_ok(office.client, "/api/v1/stats/summary?date=" + today);
  ASSERT_EQ(data_rows(words), static_cast<std::int64_t>(summary.at("sentences").as_array().size()));
  EXPECT_EQ(words.rows[2].cell(1).text, summary.at("sentences").as_array()[0].as_string());

  // Another user gets 404 as for a missing report; an admin may download it.
  auto theirs = other.client.get(download);
  EXPECT_EQ(theirs.status, 404) << theirs.body;
  EXPECT_EQ(theirs.error_code(), "not_found");
  EXPECT_EQ(admin.get(download).status, 200);
  // A job that does not exist is no report either.
  auto imp = office.client.get("/api/v1/stats/report/" + std::to_string(job_id + 1000));
  EXPECT_EQ(imp.status, 404);
}

// The acceptance: the CLI and the API give the same figures for the same database.
TEST_F(StatsFiles, CliCoverageJsonEqualsTheApi) {
  Client admin = server().admin();
  const std::string today = core::to_iso(core::today_shanghai());
  const auto donghu = area_id(server(), "东湖街道");
  for (const std::string& scope : {std::string(""), "area:" + std::to_string(donghu), std::string("东湖街道")}) {
    for (const std::string& date : {today, std::string("2025-12-31")}) {
      SCOPED_TRACE(scope + " " + date);
      std::vector<std::string> args{"stats", "coverage", "--db", server().db_url(), "--date", date, "--json"};
      if (!scope.empty()) args.insert(args.end(), {"--scope", scope});
      auto p = run_liangxin(args);
      ASSERT_EQ(p.code, 0) << p.err;
      auto api = admin.get("/api/v1/stats/coverage?date=" + date + (scope.empty() ? "" : "&scope=" + enc(scope)));
      ASSERT_EQ(api.status, 200) << api.body;
      EXPECT_EQ(json::serialize(json::parse(p.out)), json::serialize(api.json()));
    }
  }
  auto p = run_liangxin({"stats", "party-orgs", "--db", server().db_url(), "--from", "2024-12-31", "--to", today, "--json"});
  ASSERT_EQ(p.code, 0) << p.err;
  auto api = admin.get("/api/v1/stats/party-orgs?from=2024-12-31&to=" + today);
  EXPECT_EQ(json::serialize(json::parse(p.out)), json::serialize(api.json()));
}

}  // namespace
}  // namespace lx::test::stats
