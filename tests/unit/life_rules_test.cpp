// R-LIFE-1..8 and R-LIFE-10 as pure functions (modules/life/rules): duties per
// cycle, partial cycles after founding or before dissolution, no committee
// meetings without a committee (R-ORG-4), per-group meetings, the secretary's
// lesson, every member rated and talked with, and day boundaries in Shanghai.
#include <gtest/gtest.h>

#include "modules/life/rules.hpp"

namespace lx::life {
namespace {

using core::Date;

Date D(int y, int m, int d) { return Date{y, m, d}; }

// A branch that exists since 2020, with a committee, one group and three members all along.
Facts branch() {
  Facts f;
  f.exists = Window{D(2020, 1, 1), std::nullopt};
  f.committee = {Window{D(2020, 1, 1), std::nullopt}};
  f.groups = {Group{7, "第一党小组", Window{D(2020, 1, 1), std::nullopt}}};
  f.members = {{1, Window{D(2020, 1, 1), std::nullopt}},
               {2, Window{D(2020, 1, 1), std::nullopt}},
               {3, Window{D(2020, 1, 1), std::nullopt}}};
  return f;
}

std::vector<Duty> of(const Compliance& c, Kind k, Measure m = Measure::meetings) {
  std::vector<Duty> out;
  for (const auto& d : c.duties)
    if (d.kind == k && d.measure == m) out.push_back(d);
  return out;
}

void hold(Facts& f, Kind k, Date on, std::optional<std::int64_t> group = std::nullopt, bool by_secretary = false) {
  f.meetings.push_back(Meeting{k, on, group, by_secretary});
}

TEST(LifeRules, R_LIFE_1_GeneralAssemblyOnceAQuarter) {
  Facts f = branch();
  const auto q = period_of(Cycle::quarter, D(2026, 5, 10));
  auto before = of(compliance(f, q), Kind::general_assembly);
  ASSERT_EQ(before.size(), 1u);
  EXPECT_EQ(before[0].rule, "R-LIFE-1");
  EXPECT_FALSE(before[0].met());
  hold(f, Kind::general_assembly, D(2026, 6, 30));
  EXPECT_TRUE(of(compliance(f, q), Kind::general_assembly)[0].met());
  // A month does not assess the quarterly duty.
  EXPECT_TRUE(of(compliance(f, period_of(Cycle::month, D(2026, 4, 1))), Kind::general_assembly).empty());
  // The year owes four, each quarter on its own.
  auto year = of(compliance(f, period_of(Cycle::year, D(2026, 1, 1))), Kind::general_assembly);
  ASSERT_EQ(year.size(), 4u);
  EXPECT_EQ(std::count_if(year.begin(), year.end(), [](const Duty& d) { return d.met(); }), 1);
}

TEST(LifeRules, R_LIFE_2_CommitteeMeetingMonthlyOnlyWithACommittee) {
  Facts f = branch();
  const auto m = period_of(Cycle::month, D(2026, 3, 1));
  ASSERT_EQ(of(compliance(f, m), Kind::committee_meeting).size(), 1u);
  hold(f, Kind::committee_meeting, D(2026, 3, 31));
  EXPECT_TRUE(of(compliance(f, m), Kind::committee_meeting)[0].met());
  // R-ORG-4: a branch without a committee owes no committee meetings.
  f.committee.clear();
  EXPECT_TRUE(of(compliance(f, m), Kind::committee_meeting).empty());
  EXPECT_TRUE(of(compliance(f, period_of(Cycle::year, D(2026, 1, 1))), Kind::committee_meeting).empty());
  // A committee formed on 2026-03-15 owes from April.
  f.committee = {Window{D(2026, 3, 15), std::nullopt}};
  EXPECT_TRUE(of(compliance(f, m), Kind::committee_meeting).empty());
  EXPECT_EQ(of(compliance(f, period_of(Cycle::quarter, D(2026, 4, 1))), Kind::committee_meeting).size(), 3u);
}

TEST(LifeRules, R_LIFE_3_GroupMeetingMonthlyForEachGroup) {
  Facts f = branch();
  f.groups.push_back(Group{8, "第二党小组", Window{D(2020, 1, 1), std::nullopt}});
  const auto m = period_of(Cycle::month, D(2026, 2, 1));
  hold(f, Kind::group_meeting, D(2026, 2, 28), 7);
  auto duties = of(compliance(f, m), Kind::group_meeting);
  ASSERT_EQ(duties.size(), 2u);
  EXPECT_EQ(duties[0].group_id, 7);
  EXPECT_TRUE(duties[0].met());
  EXPECT_EQ(duties[1].group_id, 8);
  EXPECT_FALSE(duties[1].met());   // another group's meeting does not count for it
  EXPECT_FALSE(compliance(f, m).complies());
}

TEST(LifeRules, R_LIFE_4_PartyLessonQuarterlyAndOneByTheSecretaryAYear) {
  Facts f = branch();
  for (int month : {2, 5, 8, 11}) hold(f, Kind::party_lesson, D(2026, month, 10));
  const auto y = period_of(Cycle::year, D(2026, 7, 1));
  auto quarterly = of(compliance(f, y), Kind::party_lesson);
  ASSERT_EQ(quarterly.size(), 4u);
  for (const auto& d : quarterly) EXPECT_TRUE(d.met());
  auto secretary = of(compliance(f, y), Kind::party_lesson, Measure::secretary_lessons);
  ASSERT_EQ(secretary.size(), 1u);
  EXPECT_EQ(secretary[0].rule, "R-LIFE-4");
  EXPECT_FALSE(secretary[0].met());
  f.meetings[2].by_secretary = true;
  EXPECT_TRUE(of(compliance(f, y), Kind::party_lesson, Measure::secretary_lessons)[0].met());
  // The secretary's lesson is a yearly duty: a quarter does not assess it.
  EXPECT_TRUE(of(compliance(f, period_of(Cycle::quarter, D(2026, 7, 1))), Kind::party_lesson,
                 Measure::secretary_lessons)
                  .empty());
}

TEST(LifeRules, R_LIFE_5_ThemeDayEveryMonthOnItsOwn) {
  Facts f = branch();
  // Three theme days in January do not make up for February and March.
  for (int d : {5, 15, 25}) hold(f, Kind::theme_day, D(2026, 1, d));
  auto duties = of(compliance(f, period_of(Cycle::quarter, D(2026, 1, 1))), Kind::theme_day);
  ASSERT_EQ(duties.size(), 3u);
  EXPECT_EQ(duties[0].held, 3);
  EXPECT_TRUE(duties[0].met());
  EXPECT_FALSE(duties[1].met());
  EXPECT_FALSE(duties[2].met());
}

TEST(LifeRules, R_LIFE_6_LifeMeetingOnceAYear) {
  Facts f = branch();
  const auto y = period_of(Cycle::year, D(2026, 1, 1));
  EXPECT_FALSE(of(compliance(f, y), Kind::life_meeting)[0].met());
  hold(f, Kind::life_meeting, D(2026, 12, 31));
  EXPECT_TRUE(of(compliance(f, y), Kind::life_meeting)[0].met());
  hold(f, Kind::life_meeting, D(2025, 12, 31));   // last year's does not count
  EXPECT_EQ(of(compliance(f, y), Kind::life_meeting)[0].held, 1);
}

TEST(LifeRules, R_LIFE_7_MemberReviewMeetingAndEveryMemberOfTheYearRated) {
  Facts f = branch();
  f.members.push_back({4, Window{D(2026, 6, 1), std::nullopt}});   // joined mid-year: not expected
  const auto y = period_of(Cycle::year, D(2026, 1, 1));
  hold(f, Kind::member_review, D(2026, 12, 20));
  f.ratings = {{1, D(2026, 12, 20)}, {2, D(2026, 12, 20)}, {4, D(2026, 12, 20)}};
  auto rated = of(compliance(f, y), Kind::member_review, Measure::members_rated);
  ASSERT_EQ(rated.size(), 1u);
  EXPECT_EQ(rated[0].rule, "R-LIFE-7");
  EXPECT_EQ(rated[0].required, 3);
  EXPECT_EQ(rated[0].held, 2);
  EXPECT_FALSE(rated[0].met());
  f.ratings.push_back({3, D(2026, 12, 21)});
  EXPECT_TRUE(of(compliance(f, y), Kind::member_review, Measure::members_rated)[0].met());
  EXPECT_TRUE(of(compliance(f, y), Kind::member_review)[0].met());
}

TEST(LifeRules, R_LIFE_8_HeartTalkWithEachMemberAYear) {
  Facts f = branch();
  const auto y = period_of(Cycle::year, D(2026, 1, 1));
  f.talks = {{1, D(2026, 3, 1)}, {1, D(2026, 4, 1)}, {2, D(2026, 5, 1)}, {3, D(2025, 5, 1)}};
  auto talked = of(compliance(f, y), Kind::heart_talk, Measure::members_talked);
  ASSERT_EQ(talked.size(), 1u);
  EXPECT_EQ(talked[0].rule, "R-LIFE-8");
  EXPECT_EQ(talked[0].required, 3);
  EXPECT_EQ(talked[0].held, 2);   // two talks with member 1 count once; last year's with 3 not at all
  f.talks.push_back({3, D(2026, 12, 31)});
  EXPECT_TRUE(of(compliance(f, y), Kind::heart_talk, Measure::members_talked)[0].met());
}

TEST(LifeRules, R_LIFE_10_BranchFoundedOnTheLastDayOfAQuarterOwesNothingForIt) {
  Facts f = branch();
  f.exists = Window{D(2026, 3, 31), std::nullopt};
  f.committee = {Window{D(2026, 3, 31), std::nullopt}};
  f.groups.clear();
  const auto q1 = compliance(f, period_of(Cycle::quarter, D(2026, 3, 31)));
  EXPECT_TRUE(q1.duties.empty());
  EXPECT_TRUE(q1.complies());
  EXPECT_FALSE(q1.existed_throughout);
  // From the next quarter it owes everything: assembly, lesson, 3 committee meetings, 3 theme days.
  const auto q2 = compliance(f, period_of(Cycle::quarter, D(2026, 4, 1)));
  EXPECT_TRUE(q2.existed_throughout);
  EXPECT_EQ(q2.duties.size(), 8u);
  EXPECT_FALSE(q2.complies());
  // The year of founding: nothing yearly, Q2..Q4 quarterly, April..December monthly.
  const auto y = compliance(f, period_of(Cycle::year, D(2026, 1, 1)));
  EXPECT_EQ(of(y, Kind::general_assembly).size(), 3u);
  EXPECT_EQ(of(y, Kind::theme_day).size(), 9u);
  EXPECT_TRUE(of(y, Kind::life_meeting).empty());
}

TEST(LifeRules, R_LIFE_10_TemporaryBranchThatEndedOwesNothingAfterItsEnd) {
  Facts f = branch();
  f.exists = Window{D(2020, 1, 1), D(2026, 5, 16)};   // dissolved: 2026-05-16 is the first day without it
  const auto q = compliance(f, period_of(Cycle::quarter, D(2026, 4, 1)));
  EXPECT_TRUE(of(q, Kind::general_assembly).empty());   // the quarter is not whole
  ASSERT_EQ(of(q, Kind::theme_day).size(), 1u);         // April only
  EXPECT_EQ(of(q, Kind::theme_day)[0].from, D(2026, 4, 1));
  EXPECT_TRUE(compliance(f, period_of(Cycle::month, D(2026, 6, 1))).duties.empty());
}

TEST(LifeRules, R_LIFE_10_CompliesOnlyWhenEveryDutyIsMet) {
  Facts f = branch();
  const auto m = period_of(Cycle::month, D(2026, 1, 1));
  EXPECT_FALSE(compliance(f, m).complies());
  hold(f, Kind::theme_day, D(2026, 1, 8));
  hold(f, Kind::committee_meeting, D(2026, 1, 9));
  EXPECT_FALSE(compliance(f, m).complies());   // the group still owes its meeting
  hold(f, Kind::group_meeting, D(2026, 1, 10), 7);
  EXPECT_TRUE(compliance(f, m).complies());
}

TEST(LifeRules, R_LIFE_10_FrequenciesAreConfigurable) {
  Facts f = branch();
  Frequencies fr;
  fr.theme_day = Frequency{Cycle::quarter, 2};
  fr.committee_meeting.at_least = 0;   // switched off
  auto c = compliance(f, period_of(Cycle::quarter, D(2026, 1, 1)), fr);
  auto theme = of(c, Kind::theme_day);
  ASSERT_EQ(theme.size(), 1u);
  EXPECT_EQ(theme[0].required, 2);
  EXPECT_TRUE(of(c, Kind::committee_meeting).empty());
}

TEST(LifeRules, QuarterAndYearBoundariesAreShanghaiDays) {
  using namespace std::chrono;
  // 2026-03-31 16:30 UTC is 2026-04-01 00:30 in Shanghai: the second quarter.
  const auto t = sys_days{year{2026} / March / 31} + hours{16} + minutes{30};
  EXPECT_EQ(meeting_day(t), D(2026, 4, 1));
  EXPECT_EQ(meeting_day(t - minutes{31}), D(2026, 3, 31));
  // 2026-12-31 16:00 UTC is already 2027 in Shanghai.
  EXPECT_EQ(meeting_day(sys_days{year{2026} / December / 31} + hours{16}), D(2027, 1, 1));
  Facts f = branch();
  hold(f, Kind::general_assembly, meeting_day(t));
  EXPECT_FALSE(of(compliance(f, period_of(Cycle::quarter, D(2026, 3, 1))), Kind::general_assembly)[0].met());
  EXPECT_TRUE(of(compliance(f, period_of(Cycle::quarter, D(2026, 4, 1))), Kind::general_assembly)[0].met());
}

TEST(LifeRules, KindsByIdentifierAndChineseName) {
  for (Kind k : kAllKinds) {
    EXPECT_EQ(parse_kind(kind_code(k)), k);
    EXPECT_EQ(parse_kind(kind_name(k)), k);
  }
  EXPECT_EQ(parse_kind("支委会"), Kind::committee_meeting);
  EXPECT_FALSE(parse_kind("茶话会"));
  EXPECT_EQ(parse_cycle("quarter"), Cycle::quarter);
  EXPECT_FALSE(parse_cycle("week"));
}

}  // namespace
}  // namespace lx::life
