// Unit tests for partyorg/rules: the party org rules R-ORG-1..6 with their
// boundaries, and the vocabularies with their Chinese names.
#include "modules/partyorg/rules.hpp"

#include <gtest/gtest.h>

using namespace lx::partyorg;
using lx::core::Date;

namespace {

Date d(int y, int m, int day) { return Date{y, m, day}; }

PartyOrgFacts branch_facts() {
  PartyOrgFacts f;
  f.type = "branch";
  f.formation = "single";
  return f;
}

std::vector<std::string> rules_of(const std::vector<Warning>& ws) {
  std::vector<std::string> out;
  for (const auto& w : ws) out.push_back(w.rule);
  return out;
}

}  // namespace

// ---- R-ORG-1 should-build

TEST(PartyOrg, R_ORG_1_ThreeFullMembersShouldBuild) {
  EXPECT_FALSE(should_build(2, false));
  EXPECT_TRUE(should_build(3, false));
  EXPECT_TRUE(should_build(40, false));
}

TEST(PartyOrg, R_ORG_1_OwnPartyOrgEndsShouldBuild) {
  EXPECT_FALSE(should_build(3, true));
  EXPECT_FALSE(should_build(100, true));
}

TEST(PartyOrg, R_ORG_1_WarningNamesRuleAndCount) {
  Warning w = should_build_warning(4);
  EXPECT_EQ(w.rule, "R-ORG-1");
  EXPECT_EQ(w.code, "should_build");
  EXPECT_NE(w.message.find("4名"), std::string::npos) << w.message;
  EXPECT_NE(w.message.find("应建未建"), std::string::npos) << w.message;
}

// ---- R-ORG-2 joint branch units

TEST(PartyOrg, R_ORG_2_JointBranchUpToFiveUnitsIsFine) {
  EXPECT_FALSE(joint_units_warning(std::string("joint"), 3));
  EXPECT_FALSE(joint_units_warning(std::string("joint"), 5));
}

TEST(PartyOrg, R_ORG_2_JointBranchSixthUnitWarns) {
  auto w = joint_units_warning(std::string("joint"), 6);
  ASSERT_TRUE(w);
  EXPECT_EQ(w->rule, "R-ORG-2");
  EXPECT_NE(w->message.find("6个单位"), std::string::npos) << w->message;
}

TEST(PartyOrg, R_ORG_2_OnlyJointFormationIsJudged) {
  EXPECT_FALSE(joint_units_warning(std::string("single"), 9));
  EXPECT_FALSE(joint_units_warning(std::string("area_joint"), 9));
  EXPECT_FALSE(joint_units_warning(std::nullopt, 9));
}

// ---- R-ORG-3 type and member count

TEST(PartyOrg, R_ORG_3_BranchOver50Members) {
  EXPECT_FALSE(member_count_warning("branch", false, 49));
  EXPECT_FALSE(member_count_warning("branch", false, 50));
  auto w = member_count_warning("branch", false, 51);
  ASSERT_TRUE(w);
  EXPECT_EQ(w->rule, "R-ORG-3");
  EXPECT_EQ(w->code, "branch_over_50");
  EXPECT_NE(w->message.find("党总支"), std::string::npos) << w->message;
}

TEST(PartyOrg, R_ORG_3_BranchOf100MembersNeedsCommittee) {
  auto w = member_count_warning("branch", false, 100);
  ASSERT_TRUE(w);
  EXPECT_NE(w->message.find("基层党委"), std::string::npos) << w->message;
}

TEST(PartyOrg, R_ORG_3_GeneralBranchFrom50To99) {
  auto under = member_count_warning("general_branch", false, 49);
  ASSERT_TRUE(under);
  EXPECT_EQ(under->code, "general_branch_under_50");
  EXPECT_FALSE(member_count_warning("general_branch", false, 50));
  EXPECT_FALSE(member_count_warning("general_branch", false, 51));
  EXPECT_FALSE(member_count_warning("general_branch", false, 99));
  auto over = member_count_warning("general_branch", false, 100);
  ASSERT_TRUE(over);
  EXPECT_EQ(over->code, "general_branch_100_or_more");
}

TEST(PartyOrg, R_ORG_3_CommitteeUnder100Members) {
  auto w = member_count_warning("committee", false, 99);
  ASSERT_TRUE(w);
  EXPECT_EQ(w->code, "committee_under_100");
  EXPECT_FALSE(member_count_warning("committee", false, 100));
  EXPECT_FALSE(member_count_warning("committee", false, 500));
}

TEST(PartyOrg, R_ORG_3_LeadingCommitteesGroupsAndUnknownCountsAreNotJudged) {
  EXPECT_FALSE(member_count_warning("committee", true, 10));
  EXPECT_FALSE(member_count_warning("group", false, 80));
  EXPECT_FALSE(member_count_warning("branch", false, std::nullopt));
}

// ---- R-ORG-4 committee

TEST(PartyOrg, R_ORG_4_SevenFullMembersNeedACommittee) {
  CommitteeFacts secretary_only{1, 1, 0, 0};
  EXPECT_FALSE(committee_warning("branch", 6, secretary_only));
  auto w = committee_warning("branch", 7, secretary_only);
  ASSERT_TRUE(w);
  EXPECT_EQ(w->rule, "R-ORG-4");
  EXPECT_EQ(w->code, "committee_required");
}

TEST(PartyOrg, R_ORG_4_CommitteeOf3To7IsFine) {
  EXPECT_TRUE(committee_warning("branch", 7, CommitteeFacts{2, 1, 1, 0}));
  EXPECT_FALSE(committee_warning("branch", 7, CommitteeFacts{3, 1, 0, 2}));
  EXPECT_FALSE(committee_warning("branch", 20, CommitteeFacts{5, 1, 1, 3}));
  EXPECT_FALSE(committee_warning("branch", 20, CommitteeFacts{7, 1, 1, 5}));
  auto w = committee_warning("branch", 20, CommitteeFacts{8, 1, 1, 6});
  ASSERT_TRUE(w);
  EXPECT_EQ(w->code, "committee_too_large");
}

TEST(PartyOrg, R_ORG_4_UnderSevenOnlySecretaryAndOneDeputy) {
  EXPECT_FALSE(committee_warning("branch", 6, CommitteeFacts{2, 1, 1, 0}));
  auto members = committee_warning("branch", 6, CommitteeFacts{3, 1, 1, 1});
  ASSERT_TRUE(members);
  EXPECT_EQ(members->code, "committee_not_allowed");
  auto deputies = committee_warning("branch", 3, CommitteeFacts{3, 1, 2, 0});
  ASSERT_TRUE(deputies);
  EXPECT_EQ(deputies->code, "committee_not_allowed");
}

TEST(PartyOrg, R_ORG_4_OnlyBranchesWithKnownCountsAreJudged) {
  EXPECT_FALSE(committee_warning("general_branch", 70, CommitteeFacts{}));
  EXPECT_FALSE(committee_warning("branch", std::nullopt, CommitteeFacts{}));
}

// ---- R-ORG-5 terms

TEST(PartyOrg, R_ORG_5_DefaultTerms) {
  RuleSettings s;
  EXPECT_EQ(default_term_years("committee", false, s), 5);
  EXPECT_EQ(default_term_years("general_branch", false, s), 3);
  EXPECT_EQ(default_term_years("branch", false, s), 3);
  EXPECT_EQ(default_term_years("branch", true, s), 5);
  EXPECT_EQ(default_term_years("general_branch", true, s), 5);
  EXPECT_EQ(default_term_years("group", false, s), 0);
  s.term_years_branch = 4;
  EXPECT_EQ(default_term_years("branch", false, s), 4);
}

TEST(PartyOrg, R_ORG_5_TermEndingWithin90Days) {
  PartyOrgFacts f = branch_facts();
  f.term_start = d(2023, 6, 1);
  f.term_years = 3;  // ends 2026-06-01
  const Date end = d(2026, 6, 1);
  auto exactly90 = term_warning(f, lx::core::add_days(end, -90), 90);
  ASSERT_TRUE(exactly90);
  EXPECT_EQ(exactly90->rule, "R-ORG-5");
  EXPECT_EQ(exactly90->code, "term_ending");
  EXPECT_NE(exactly90->message.find("90天"), std::string::npos) << exactly90->message;
  EXPECT_FALSE(term_warning(f, lx::core::add_days(end, -91), 90));
  EXPECT_TRUE(term_warning(f, lx::core::add_days(end, -1), 90));
}

TEST(PartyOrg, R_ORG_5_TermOverdueFromItsEndDay) {
  PartyOrgFacts f = branch_facts();
  f.term_start = d(2020, 3, 15);
  f.term_years = 5;
  auto on_end = term_warning(f, d(2025, 3, 15), 90);
  ASSERT_TRUE(on_end);
  EXPECT_EQ(on_end->code, "term_overdue");
  EXPECT_NE(on_end->message.find("2025-03-15"), std::string::npos) << on_end->message;
  EXPECT_EQ(term_warning(f, d(2026, 1, 1), 90)->code, "term_overdue");
}

TEST(PartyOrg, R_ORG_5_NoTermNoWarning) {
  PartyOrgFacts f = branch_facts();
  EXPECT_FALSE(term_warning(f, d(2026, 1, 1), 90));
  f.term_start = d(2000, 1, 1);
  f.term_years = 3;
  f.type = "group";
  EXPECT_FALSE(term_warning(f, d(2026, 1, 1), 90));
  f.type = "branch";
  f.temporary = true;
  EXPECT_FALSE(term_warning(f, d(2026, 1, 1), 90));
}

TEST(PartyOrg, R_ORG_5_LeadingCommitteesAreNotElected) {
  PartyOrgFacts f;
  f.type = "committee";
  f.term_start = d(2015, 1, 1);
  f.term_years = 5;
  EXPECT_TRUE(term_warning(f, d(2026, 1, 1), 90));
  f.leading = true;
  EXPECT_FALSE(term_warning(f, d(2026, 1, 1), 90));
}

TEST(PartyOrg, R_ORG_5_WarningDaysAreConfigurable) {
  PartyOrgFacts f = branch_facts();
  f.term_start = d(2023, 6, 1);
  f.term_years = 3;
  EXPECT_FALSE(term_warning(f, d(2026, 1, 1), 90));
  EXPECT_TRUE(term_warning(f, d(2026, 1, 1), 180));
}

// ---- R-ORG-6 types, placement, temporary branches

TEST(PartyOrg, R_ORG_6_GroupBelongsToABranch) {
  EXPECT_TRUE(check_placement(std::string_view("branch"), "group"));
  auto committee = check_placement(std::string_view("committee"), "group");
  ASSERT_FALSE(committee);
  EXPECT_EQ(committee.error().field, "parent_id");
  EXPECT_FALSE(check_placement(std::string_view("general_branch"), "group"));
  EXPECT_FALSE(check_placement(std::nullopt, "group"));
}

TEST(PartyOrg, R_ORG_6_GroupHasNoChildren) {
  EXPECT_FALSE(check_placement(std::string_view("group"), "group"));
  EXPECT_FALSE(check_placement(std::string_view("group"), "branch"));
}

TEST(PartyOrg, R_ORG_6_TreeOrder) {
  EXPECT_TRUE(check_placement(std::nullopt, "committee"));
  EXPECT_TRUE(check_placement(std::string_view("committee"), "committee"));
  EXPECT_TRUE(check_placement(std::string_view("committee"), "general_branch"));
  EXPECT_TRUE(check_placement(std::string_view("committee"), "branch"));
  EXPECT_TRUE(check_placement(std::string_view("general_branch"), "branch"));
  EXPECT_FALSE(check_placement(std::string_view("general_branch"), "committee"));
  EXPECT_FALSE(check_placement(std::string_view("branch"), "branch"));
}

TEST(PartyOrg, R_ORG_6_TemporaryBranchNeedsEndDate) {
  auto missing = check_temporary(true, std::nullopt, d(2025, 1, 1));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().field, "end_date");
  EXPECT_TRUE(check_temporary(true, d(2025, 12, 31), d(2025, 1, 1)));
  EXPECT_FALSE(check_temporary(true, d(2024, 12, 31), d(2025, 1, 1)));
  EXPECT_TRUE(check_temporary(false, std::nullopt, d(2025, 1, 1)));
}

TEST(PartyOrg, R_ORG_6_TemporaryBranchPastEndDate) {
  const Date today = d(2026, 5, 10);
  EXPECT_FALSE(temporary_warning(true, today, today));
  auto yesterday = temporary_warning(true, d(2026, 5, 9), today);
  ASSERT_TRUE(yesterday);
  EXPECT_EQ(yesterday->rule, "R-ORG-6");
  EXPECT_EQ(yesterday->code, "temporary_past_end");
  EXPECT_FALSE(temporary_warning(false, d(2026, 5, 9), today));
}

TEST(PartyOrg, R_ORG_6_TypesHaveChineseNames) {
  EXPECT_EQ(parse_type("党支部"), "branch");
  EXPECT_EQ(parse_type("党总支"), "general_branch");
  EXPECT_EQ(parse_type("党（工）委"), "committee");
  EXPECT_EQ(parse_type("党小组"), "group");
  EXPECT_EQ(parse_type("branch"), "branch");
  EXPECT_FALSE(parse_type("党员"));
  EXPECT_EQ(type_name("general_branch"), "党总支");
}

// ---- vocabularies

TEST(PartyOrg, FormationsMapBothWays) {
  for (const Word& w : formations()) {
    EXPECT_EQ(parse_formation(w.zh), std::string(w.code));
    EXPECT_EQ(formation_name(w.code), w.zh);
  }
  EXPECT_EQ(formations().size(), 9u);
  EXPECT_EQ(parse_formation(" 联合组建 "), "joint");
  EXPECT_FALSE(parse_formation("随便组建"));
}

TEST(PartyOrg, PostsRolesAndMassOrgTypes) {
  EXPECT_EQ(parse_post("书记"), "secretary");
  EXPECT_EQ(parse_post("纪检委员"), "discipline");
  EXPECT_EQ(parse_assignment_role("党建工作指导员"), "instructor");
  EXPECT_EQ(parse_assignment_role("联络员"), "liaison");
  EXPECT_EQ(parse_mass_org_type("工会"), "union");
  EXPECT_EQ(parse_mass_org_type("共青团"), "youth_league");
  EXPECT_EQ(parse_mass_org_type("妇联"), "womens_federation");
  EXPECT_EQ(mass_org_type_name("womens_federation"), "妇联");
}

TEST(PartyOrg, MemberCountsAreConsistent) {
  EXPECT_TRUE(check_member_counts(10, 8));
  EXPECT_FALSE(check_member_counts(-1, std::nullopt));
  auto more_full = check_member_counts(5, 6);
  ASSERT_FALSE(more_full);
  EXPECT_EQ(more_full.error().field, "declared_full_members");
}

TEST(PartyOrg, AllWarningsOfOneBranch) {
  PartyOrgFacts f = branch_facts();
  f.formation = "joint";
  f.covered_units = 6;
  f.members = 60;
  f.full_members = 55;
  f.committee = CommitteeFacts{1, 1, 0, 0};
  f.term_start = d(2020, 1, 1);
  f.term_years = 3;
  auto ws = party_org_warnings(f, d(2026, 1, 1), RuleSettings{});
  EXPECT_EQ(rules_of(ws), (std::vector<std::string>{"R-ORG-2", "R-ORG-3", "R-ORG-4", "R-ORG-5"}));
}
