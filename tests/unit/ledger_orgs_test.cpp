// The 两新组织台账 import on a real database: the exact problem list of a bad
// file with nothing written (R-ID-2 on row 17), insert then re-import 0/0,
// export → import 0/0, area rules, and the 10,000-row LibreOffice file
// through the CLI's code path.
#include <chrono>
#include <iostream>

#include "app/cli_ledger.hpp"
#include "core/config.hpp"
#include "core/ids.hpp"
#include "ledger_support.hpp"

namespace lx::ledger::testing {
namespace {

using io::Problem;

class LedgerOrgs : public LedgerDb {};

TEST_F(LedgerOrgs, R_ID_2_WrongChecksumOnRow17IsTheOnlyProblemAndNothingIsWritten) {
  const std::string bytes = fixture("orgs_bad17.xlsx");
  const std::string reason = core::check_credit_code("91330106MA00000160").error().message;
  const std::vector<Problem> expected = {{17, "统一社会信用代码", "91330106MA00000160", reason}};
  Report dry = check("orgs", bytes);
  EXPECT_EQ(dry.rows, 30);
  EXPECT_EQ(dry.errors, expected);
  Report r = import("orgs", bytes);
  EXPECT_EQ(r.errors, expected);
  EXPECT_EQ(r.inserted, 0);
  EXPECT_EQ(count("orgs"), 0);
  EXPECT_EQ(count("areas"), 1);  // the streets it would have created are not there either
}

TEST_F(LedgerOrgs, WithoutADistrictTheImportSaysToCreateItFirstAndWritesNothing) {
  {
    auto c = db_->acquire();
    c->exec("DELETE FROM areas", {});
  }
  Report r = import("orgs", fixture("orgs_small.csv"));
  ASSERT_EQ(r.errors.size(), 30u);
  EXPECT_EQ(r.errors[0].column, "所在街道（乡镇）");
  EXPECT_NE(r.errors[0].reason.find("请先在属地管理中建立本区"), std::string::npos) << r.errors[0].reason;
  EXPECT_EQ(count("orgs"), 0);
  EXPECT_EQ(count("areas"), 0);
}

TEST_F(LedgerOrgs, ImportThenReimportChangesNothing) {
  const std::string bytes = fixture("orgs_small.csv");
  Report dry = check("orgs", bytes);
  EXPECT_TRUE(dry.errors.empty());
  EXPECT_EQ(dry.inserted, 30);
  Report r = import("orgs", bytes);
  ASSERT_TRUE(r.errors.empty()) << r.errors[0].reason;
  EXPECT_EQ(r.rows, 30);
  EXPECT_EQ(r.inserted, 30);
  EXPECT_EQ(r.updated, 0);
  EXPECT_EQ(count("orgs"), 30);
  EXPECT_EQ(count("areas"), 6);  // the district and the five streets the admin's file named
  Report again = import("orgs", bytes);
  EXPECT_TRUE(again.errors.empty());
  EXPECT_EQ(again.inserted, 0);
  EXPECT_EQ(again.updated, 0);
  // R-ID-4: phones are kept sealed.
  auto c = db_->acquire();
  auto rows = c->query("SELECT contact_phone_enc, contact_phone_mask FROM orgs WHERE uscc = ?", {"91330106MA00000016"});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows.s(0, 0).find("13900000001"), std::string::npos);
  EXPECT_EQ(*pii_->decrypt(rows.s(0, 0)), "13900000001");
}

TEST_F(LedgerOrgs, ExportThenImportRoundTripsWithoutChanges) {
  ASSERT_TRUE(import("orgs", fixture("orgs_small.csv")).errors.empty());
  const std::string xlsx = exported("orgs");
  Report r = import("orgs", xlsx);
  EXPECT_TRUE(r.errors.empty()) << (r.errors.empty() ? "" : r.errors[0].column + " " + r.errors[0].reason);
  EXPECT_EQ(r.rows, 30);
  EXPECT_EQ(r.inserted, 0);
  EXPECT_EQ(r.updated, 0);
  // The template reads back as one valid row.
  Report t = check("orgs", *workbook(find("orgs")->template_sheet()));
  EXPECT_EQ(t.rows, 1);
  EXPECT_TRUE(t.errors.empty()) << (t.errors.empty() ? "" : t.errors[0].column + " " + t.errors[0].reason);
}

TEST_F(LedgerOrgs, ChangedRowsAreUpdatedInPlaceAndClosingNeedsADate) {
  ASSERT_TRUE(import("orgs", fixture("orgs_small.csv")).errors.empty());
  const std::string head = "组织名称,统一社会信用代码,组织类别,所在街道（乡镇）,经营状态,从业人员数\n";
  Report r = import("orgs", head + "改名后的组织,91330106MA00000016,社会组织,二街道,注销（2024-05-01）,10\n");
  ASSERT_TRUE(r.errors.empty()) << r.errors[0].reason;
  EXPECT_EQ(r.inserted, 0);
  EXPECT_EQ(r.updated, 1);
  auto c = db_->acquire();
  auto rows = c->query("SELECT name, operating_status, closed_on FROM orgs WHERE uscc = ?", {"91330106MA00000016"});
  EXPECT_EQ(rows.s(0, 0), "改名后的组织");
  EXPECT_EQ(rows.s(0, 1), "closed");
  EXPECT_EQ(rows.s(0, 2), "2024-05-01");
  Report bad = check("orgs", head + "某组织,91330106MA00000029,非公企业,二街道,注销,10\n");
  const std::vector<Problem> expected = {{2, "经营状态", "注销", "经营状态为注销时须填写注销日期"}};
  EXPECT_EQ(bad.errors, expected);
}

TEST_F(LedgerOrgs, DuplicatesPhonesAndUnknownStreetsForAStreetUser) {
  ASSERT_TRUE(import("orgs", fixture("orgs_small.csv")).errors.empty());
  auto c = db_->acquire();
  auto street = c->query("SELECT id, path FROM areas WHERE name = '一街道'", {});
  Who user{core::Role::street, http::Scope{http::Scope::Kind::area, street.i(0, 0), "一街道", street.s(0, 1)}, pii_.get()};
  const std::string csv =
      "组织名称,统一社会信用代码,组织类别,所在街道（乡镇）,联系电话\n"
      "新组织甲,91330106MA0000100X,非公企业,一街道,139123456\n"
      "新组织乙,91330106MA0000101U,非公企业,一街道,\n"
      "新组织丙,91330106MA0000101U,非公企业,一街道,\n"
      "新组织丁,91330106MA00000998,非公企业,六街道,\n";
  Report r = check("orgs", csv, &user);
  ASSERT_EQ(r.errors.size(), 4u);
  EXPECT_EQ(r.errors[0].row, 2);
  EXPECT_EQ(r.errors[0].column, "统一社会信用代码");  // R-ID-2: 100X has a wrong check character
  EXPECT_EQ(r.errors[1].row, 2);
  EXPECT_EQ(r.errors[1].column, "联系电话");  // R-ID-3
  EXPECT_EQ(r.errors[2].row, 4);
  EXPECT_EQ(r.errors[2].column, "统一社会信用代码");  // the same code as row 3
  EXPECT_EQ(r.errors[2].reason, "与第3行的统一社会信用代码重复");
  EXPECT_EQ(r.errors[3].row, 5);
  EXPECT_EQ(r.errors[3].column, "所在街道（乡镇）");  // a street user cannot create streets
}

// Acceptance: the 10,000-row orgs ledger written by LibreOffice, through the
// CLI's code path; the same file again reports 0 inserted, 0 updated.
TEST_F(LedgerOrgs, TenThousandRowsFromLibreOfficeThroughTheCli) {
  db_.reset();
  core::Config cfg;
  cfg.db = url_;
  const std::string file = (std::filesystem::path(LX_SOURCE_DIR) / "tests/fixtures/ledger/orgs_10k.xlsx").string();
  const auto t0 = std::chrono::steady_clock::now();
  ::testing::internal::CaptureStdout();
  EXPECT_EQ(app::cli_import(cfg, "orgs", file, false, true), 0);
  const std::string first = ::testing::internal::GetCapturedStdout();
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::cout << "[ timing ] 10,000-row import: " << secs << " s\n";
  EXPECT_EQ(first, "{\"rows\":10000,\"inserted\":10000,\"updated\":0,\"errors\":[]}\n");
  ::testing::internal::CaptureStdout();
  EXPECT_EQ(app::cli_import(cfg, "orgs", file, false, true), 0);
  EXPECT_EQ(::testing::internal::GetCapturedStdout(), "{\"rows\":10000,\"inserted\":0,\"updated\":0,\"errors\":[]}\n");
  db_ = db::Database::open(url_);
  EXPECT_EQ(count("orgs"), 10000);
  auto c = db_->acquire();
  EXPECT_EQ(c->query("SELECT COUNT(*) FROM audit_log WHERE login = 'cli' AND action = 'import.orgs'", {}).i(0, 0), 2);
}

}  // namespace
}  // namespace lx::ledger::testing
