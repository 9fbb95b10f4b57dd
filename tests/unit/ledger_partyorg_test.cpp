// The party org module's ledgers on a real database: 党组织台账 with parents
// earlier in the file and 覆盖组织 lists, 指导员与联络员 and 群团组织; exact
// problem lists, re-import 0/0 and export → import 0/0.
#include "ledger_support.hpp"

namespace lx::ledger::testing {
namespace {

using io::Problem;

class LedgerPartyOrgs : public LedgerDb {
 protected:
  void SetUp() override {
    LedgerDb::SetUp();
    ASSERT_TRUE(import("orgs", fixture("orgs_small.csv")).errors.empty());
  }
};

TEST_F(LedgerPartyOrgs, TreeWithJointBranchImportsAndReimportsWithoutChanges) {
  const std::string bytes = fixture("party_orgs.csv");
  Report dry = check("party-orgs", bytes);
  EXPECT_TRUE(dry.errors.empty()) << (dry.errors.empty() ? "" : dry.errors[0].column + " " + dry.errors[0].reason);
  EXPECT_EQ(dry.inserted, 4);
  Report r = import("party-orgs", bytes);
  ASSERT_TRUE(r.errors.empty()) << r.errors[0].column << " " << r.errors[0].reason;
  EXPECT_EQ(r.inserted, 4);
  EXPECT_EQ(count("party_orgs"), 4);
  EXPECT_EQ(count("coverage"), 3);  // the joint branch covers two orgs, the single branch one
  auto c = db_->acquire();
  auto group = c->query("SELECT p.path, b.path FROM party_orgs p JOIN party_orgs b ON b.id = p.parent_id "
                        "WHERE p.name = '第一党小组'", {});
  ASSERT_EQ(group.size(), 1u);
  EXPECT_EQ(group.s(0, 0).rfind(group.s(0, 1), 0), 0u);  // under the joint branch made by the same file
  Report again = import("party-orgs", bytes);
  EXPECT_TRUE(again.errors.empty());
  EXPECT_EQ(again.inserted, 0);
  EXPECT_EQ(again.updated, 0);
  Report round = import("party-orgs", exported("party-orgs"));
  EXPECT_TRUE(round.errors.empty()) << (round.errors.empty() ? "" : round.errors[0].column + " " + round.errors[0].reason);
  EXPECT_EQ(round.inserted, 0);
  EXPECT_EQ(round.updated, 0);
  // One org fewer in the joint branch's list ends that link: an update in place.
  const std::string csv = "党组织名称,上级党组织,组织类型,成立日期,覆盖组织\n"
                          "一街道联合党支部,测试区两新工委,党支部,2020-07-01,91330106MA00000016\n";
  Report less = import("party-orgs", csv);
  ASSERT_TRUE(less.errors.empty()) << less.errors[0].reason;
  EXPECT_EQ(less.updated, 1);
  EXPECT_EQ(c->query("SELECT COUNT(*) FROM coverage WHERE valid_to IS NULL", {}).i(0, 0), 2);
}

TEST_F(LedgerPartyOrgs, ProblemsNameRowAndColumnAndNothingIsWritten) {
  Report r = import("party-orgs", fixture("party_orgs_errors.csv"));
  ASSERT_EQ(r.errors.size(), 3u);
  EXPECT_EQ(r.errors[0].row, 3);
  EXPECT_EQ(r.errors[0].column, "上级党组织");
  EXPECT_EQ(r.errors[1], (Problem{4, "组织类型", "支委会", "组织类型应为党委、党总支、党支部或党小组"}));
  EXPECT_EQ(r.errors[2].row, 5);
  EXPECT_EQ(r.errors[2].column, "覆盖组织");
  EXPECT_EQ(count("party_orgs"), 0);
}

TEST_F(LedgerPartyOrgs, AssignmentsAndMassOrgs) {
  Report a = import("assignments", fixture("assignments.csv"));
  ASSERT_TRUE(a.errors.empty()) << a.errors[0].column << " " << a.errors[0].reason;
  EXPECT_EQ(a.inserted, 2);
  Report a2 = import("assignments", fixture("assignments.csv"));
  EXPECT_EQ(a2.inserted + a2.updated, 0);
  Report ar = import("assignments", exported("assignments"));
  EXPECT_TRUE(ar.errors.empty());
  EXPECT_EQ(ar.inserted + ar.updated, 0);
  Report bad = check("assignments", "姓名,手机号码,类别,派驻组织统一社会信用代码\n孙八,1381234567,联络员,91330106MA00000016\n");
  ASSERT_EQ(bad.errors.size(), 1u);
  EXPECT_EQ(bad.errors[0].row, 2);
  EXPECT_EQ(bad.errors[0].column, "手机号码");  // R-ID-3

  Report m = import("mass-orgs", fixture("mass_orgs.csv"));
  ASSERT_TRUE(m.errors.empty()) << m.errors[0].column << " " << m.errors[0].reason;
  EXPECT_EQ(m.inserted, 3);
  Report m2 = import("mass-orgs", exported("mass-orgs"));
  EXPECT_TRUE(m2.errors.empty());
  EXPECT_EQ(m2.inserted + m2.updated, 0);
  Report dup = check("mass-orgs", "所在组织统一社会信用代码,群团类型\n91330106MA0000100Q,工会\n");
  ASSERT_EQ(dup.errors.size(), 1u);
  EXPECT_EQ(dup.errors[0].column, "所在组织统一社会信用代码");  // not registered
  for (const char* name : {"party-orgs", "assignments", "mass-orgs"}) {
    Report t = check(name, *workbook(find(name)->template_sheet()));
    EXPECT_EQ(t.rows, 1) << name;
  }
}

}  // namespace
}  // namespace lx::ledger::testing
