// Unit tests for recruit/rules: R-REC-1..9 and R-LIFE-9, each refused one
// day before its boundary (the message naming the rule and the first allowed
// day) and allowed on it.
#include "modules/recruit/rules.hpp"

#include <gtest/gtest.h>

using namespace lx::recruit;
using lx::core::Date;

namespace {

Date d(int y, int m, int day) { return Date{y, m, day}; }
const Date kToday = d(2030, 1, 1);

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

#define EXPECT_REFUSED(status, rule, text)                                   \
  do {                                                                       \
    auto st_ = (status);                                                     \
    ASSERT_FALSE(st_.ok());                                                  \
    EXPECT_TRUE(has(st_.error().message, rule)) << st_.error().message;      \
    EXPECT_TRUE(has(st_.error().message, text)) << st_.error().message;      \
  } while (0)

Sponsor full(std::int64_t id) { return Sponsor{id, "党员" + std::to_string(id), true}; }

}  // namespace

// ---- R-REC-1

TEST(RecruitRules, R_REC_1_EighteenOnTheBirthday) {
  EXPECT_REFUSED(check_application(d(2008, 3, 2), d(2026, 3, 1), kToday), "R-REC-1", "最早可于2026年3月2日");
  EXPECT_TRUE(check_application(d(2008, 3, 2), d(2026, 3, 2), kToday).ok());
}

TEST(RecruitRules, R_REC_1_LeapDayBirthdayReachedOnFeb28) {
  EXPECT_EQ(earliest_application(d(2008, 2, 29)), d(2026, 2, 28));
  EXPECT_REFUSED(check_application(d(2008, 2, 29), d(2026, 2, 27), kToday), "R-REC-1", "2026年2月28日");
  EXPECT_TRUE(check_application(d(2008, 2, 29), d(2026, 2, 28), kToday).ok());
  // In a leap year the birthday itself.
  EXPECT_REFUSED(check_application(d(2010, 2, 29), d(2028, 2, 28), kToday), "R-REC-1", "2028年2月29日");
  EXPECT_TRUE(check_application(d(2010, 2, 29), d(2028, 2, 29), kToday).ok());
}

TEST(RecruitRules, R_REC_1_FutureApplicationRefused) {
  auto s = check_application(d(1990, 1, 1), d(2030, 1, 2), kToday);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, "future_date");
}

// ---- R-REC-2

TEST(RecruitRules, R_REC_2_TalkDueWithinOneMonth) {
  EXPECT_EQ(talk_due(d(2026, 3, 1)), d(2026, 4, 1));
  EXPECT_EQ(talk_due(d(2026, 1, 31)), d(2026, 2, 28));
  EXPECT_FALSE(talk_late(d(2026, 3, 1), d(2026, 4, 1)));
  EXPECT_TRUE(talk_late(d(2026, 3, 1), d(2026, 4, 2)));
}

TEST(RecruitRules, R_REC_2_TalkNotBeforeApplication) {
  EXPECT_REFUSED(check_talk(d(2026, 3, 1), d(2026, 2, 28), kToday), "R-REC-2", "最早可于2026年3月1日");
  EXPECT_TRUE(check_talk(d(2026, 3, 1), d(2026, 3, 1), kToday).ok());
}

TEST(RecruitRules, R_REC_2_NextStepIsTheTalkUntilRecorded) {
  Facts f;
  f.stage = "applicant";
  f.applied_on = d(2026, 3, 1);
  auto steps = next_steps(f);
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_EQ(steps[0].code, "talk");
  EXPECT_EQ(steps[0].due, d(2026, 4, 1));
  EXPECT_FALSE(overdue(steps[0], d(2026, 4, 1)));
  EXPECT_TRUE(overdue(steps[0], d(2026, 4, 2)));
}

// ---- R-REC-3

TEST(RecruitRules, R_REC_3_ActivistNeedsTheTalkFirst) {
  EXPECT_REFUSED(check_activist(9, std::nullopt, d(2026, 4, 1), {full(1)}, kToday), "R-REC-2", "谈话");
  EXPECT_REFUSED(check_activist(9, d(2026, 4, 1), d(2026, 3, 31), {full(1)}, kToday), "R-REC-3",
                 "最早可于2026年4月1日");
  EXPECT_TRUE(check_activist(9, d(2026, 4, 1), d(2026, 4, 1), {full(1)}, kToday).ok());
}

TEST(RecruitRules, R_REC_3_OneOrTwoSponsors) {
  const Date t = d(2026, 4, 1);
  EXPECT_REFUSED(check_activist(9, t, t, {}, kToday), "R-REC-3", "一至两名");
  EXPECT_REFUSED(check_activist(9, t, t, {full(1), full(2), full(3)}, kToday), "R-REC-3", "现为3名");
  EXPECT_TRUE(check_activist(9, t, t, {full(1), full(2)}, kToday).ok());
  EXPECT_REFUSED(check_activist(9, t, t, {full(1), full(1)}, kToday), "R-REC-3", "同一人");
  EXPECT_REFUSED(check_activist(9, t, t, {full(9)}, kToday), "R-REC-3", "本人");
}

TEST(RecruitRules, R_REC_3_SponsorsMustBeFullMembers) {
  const Date t = d(2026, 4, 1);
  Sponsor p{2, "张预备", false};
  auto s = check_activist(9, t, t, {full(1), p}, kToday);
  EXPECT_REFUSED(s, "R-REC-3", "张预备");
  EXPECT_EQ(s.error().code, "sponsor_not_full");
  EXPECT_EQ(s.error().status, 422);
}

// ---- R-REC-4

TEST(RecruitRules, R_REC_4_MoreThanOneYearAfterActivist) {
  EXPECT_EQ(earliest_candidate(d(2026, 3, 1)), d(2027, 3, 2));
  auto s = check_candidate(d(2026, 3, 1), d(2027, 2, 1), d(2027, 3, 1), kToday);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message, "列为发展对象须在确定为入党积极分子满一年后，最早可于2027年3月2日（R-REC-4）");
  EXPECT_EQ(s.error().code, "too_early");
  EXPECT_TRUE(check_candidate(d(2026, 3, 1), d(2027, 2, 1), d(2027, 3, 2), kToday).ok());
}

TEST(RecruitRules, R_REC_4_LeapDayActivist) {
  EXPECT_EQ(earliest_candidate(d(2024, 2, 29)), d(2025, 3, 1));
  EXPECT_REFUSED(check_candidate(d(2024, 2, 29), d(2025, 1, 1), d(2025, 2, 28), kToday), "R-REC-4",
                 "2025年3月1日");
  EXPECT_TRUE(check_candidate(d(2024, 2, 29), d(2025, 1, 1), d(2025, 3, 1), kToday).ok());
}

// ---- R-REC-9

TEST(RecruitRules, R_REC_9_ReviewDueHalfAYearAfterTheLast) {
  EXPECT_EQ(review_due(d(2026, 3, 1), std::nullopt), d(2026, 9, 1));
  EXPECT_EQ(review_due(d(2026, 3, 1), d(2026, 8, 31)), d(2027, 2, 28));
  EXPECT_EQ(review_due(d(2025, 8, 31), std::nullopt), d(2026, 2, 28));
}

TEST(RecruitRules, R_REC_9_CandidateRefusedWhileReviewOverdue) {
  // activist 2026-03-01, last review 2026-09-01 → due 2027-03-01; candidate 2027-03-02 is past it.
  EXPECT_REFUSED(check_candidate(d(2026, 3, 1), d(2026, 9, 1), d(2027, 3, 2), kToday), "R-REC-9",
                 "2027年3月1日到期");
  EXPECT_TRUE(check_candidate(d(2026, 3, 1), d(2026, 9, 2), d(2027, 3, 2), kToday).ok());
}

TEST(RecruitRules, R_REC_9_ReviewNotBeforeActivist) {
  EXPECT_REFUSED(check_review(d(2026, 3, 1), d(2026, 2, 28), kToday), "R-REC-9", "最早可于2026年3月1日");
  EXPECT_TRUE(check_review(d(2026, 3, 1), d(2026, 3, 1), kToday).ok());
}

TEST(RecruitRules, R_REC_9_ActivistStepsReviewThenCandidate) {
  Facts f;
  f.stage = "activist";
  f.applied_on = d(2026, 1, 1);
  f.activist_on = d(2026, 3, 1);
  auto steps = next_steps(f);
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_EQ(steps[0].code, "review");
  EXPECT_EQ(steps[0].due, d(2026, 9, 1));
  EXPECT_FALSE(overdue(steps[0], d(2026, 9, 1)));
  EXPECT_TRUE(overdue(steps[0], d(2026, 9, 2)));
  EXPECT_EQ(steps[1].code, "candidate");
  EXPECT_EQ(steps[1].earliest, d(2027, 3, 2));
}

// ---- R-REC-5

TEST(RecruitRules, R_REC_5_TrainingThreeDaysOr24Hours) {
  EXPECT_FALSE(training_enough(2.5, std::nullopt));
  EXPECT_TRUE(training_enough(3, std::nullopt));
  EXPECT_FALSE(training_enough(std::nullopt, 23.5));
  EXPECT_TRUE(training_enough(std::nullopt, 24));
  EXPECT_TRUE(training_enough(2, 24));
  EXPECT_FALSE(check_training(d(2026, 1, 1), d(2026, 2, 1), std::nullopt, std::nullopt, kToday).ok());
  EXPECT_REFUSED(check_training(d(2026, 1, 1), d(2025, 12, 31), 3.0, std::nullopt, kToday), "R-REC-5",
                 "2026年1月1日");
  EXPECT_TRUE(check_training(d(2026, 1, 1), d(2026, 1, 1), 3.0, std::nullopt, kToday).ok());
}

namespace {
AdmissionFacts ready() {
  AdmissionFacts f;
  f.candidate_on = d(2026, 1, 1);
  f.review_on = d(2026, 2, 1);
  f.review_passed = true;
  f.training_on = d(2026, 3, 1);
  f.training_days = 3;
  return f;
}
const Vote kGood{10, 6, 6};
}  // namespace

TEST(RecruitRules, R_REC_5_AdmissionNeedsReviewAndTraining) {
  AdmissionFacts f = ready();
  EXPECT_REFUSED(check_admission(f, d(2026, 2, 28), kGood, 10, kToday), "R-REC-5", "最早可于2026年3月1日");
  EXPECT_TRUE(check_admission(f, d(2026, 3, 1), kGood, 10, kToday).ok());
  f.review_passed = false;
  EXPECT_REFUSED(check_admission(f, d(2026, 3, 1), kGood, 10, kToday), "R-REC-5", "政治审查");
  f = ready();
  f.training_days = 2;
  EXPECT_REFUSED(check_admission(f, d(2026, 3, 1), kGood, 10, kToday), "R-REC-5", "现登记2天");
  f = ready();
  f.training_on.reset();
  EXPECT_REFUSED(check_admission(f, d(2026, 3, 1), kGood, 10, kToday), "R-REC-5", "集中培训");
}

// ---- R-LIFE-9

TEST(RecruitRules, R_LIFE_9_QuorumMoreThanHalfPresent) {
  EXPECT_REFUSED(check_vote(Vote{10, 5, 5}, 10), "R-LIFE-9", "未超过半数");
  EXPECT_TRUE(check_vote(Vote{10, 6, 6}, 10).ok());
  EXPECT_REFUSED(check_vote(Vote{9, 4, 4}, 9), "R-LIFE-9", "会议无效");
  EXPECT_TRUE(check_vote(Vote{9, 5, 5}, 9).ok());
}

TEST(RecruitRules, R_LIFE_9_MoreThanHalfOfEntitledInFavour) {
  auto s = check_vote(Vote{10, 10, 5}, 10);
  EXPECT_REFUSED(s, "R-LIFE-9", "决议未通过");
  EXPECT_EQ(s.error().code, "vote_failed");
  EXPECT_TRUE(check_vote(Vote{10, 7, 6}, 10).ok());
}

TEST(RecruitRules, R_LIFE_9_ProbationaryMembersDoNotVote) {
  // 8 full members (probationary ones are not counted): 9 entitled is refused.
  EXPECT_REFUSED(check_vote(Vote{9, 9, 9}, 8), "R-LIFE-9", "预备党员没有表决权");
  EXPECT_TRUE(check_vote(Vote{8, 5, 5}, 8).ok());
}

TEST(RecruitRules, R_LIFE_9_CountsMustBeConsistent) {
  EXPECT_EQ(check_vote(Vote{0, 0, 0}, 5).error().status, 400);
  EXPECT_EQ(check_vote(Vote{5, 6, 3}, 5).error().field, "present");
  EXPECT_EQ(check_vote(Vote{5, 3, 4}, 5).error().field, "in_favour");
}

// ---- R-REC-6

TEST(RecruitRules, R_REC_6_ApprovalWithinThreeMonths) {
  EXPECT_EQ(approval_due(d(2026, 3, 1), false), d(2026, 6, 1));
  EXPECT_TRUE(check_approval(d(2026, 3, 1), d(2026, 6, 1), false, kToday).ok());
  EXPECT_REFUSED(check_approval(d(2026, 3, 1), d(2026, 6, 2), false, kToday), "R-REC-6", "最迟为2026年6月1日");
  EXPECT_REFUSED(check_approval(d(2026, 3, 1), d(2026, 2, 28), false, kToday), "R-REC-6",
                 "最早可于2026年3月1日");
}

TEST(RecruitRules, R_REC_6_SpecialCaseSixMonths) {
  EXPECT_TRUE(check_approval(d(2026, 3, 1), d(2026, 9, 1), true, kToday).ok());
  EXPECT_REFUSED(check_approval(d(2026, 3, 1), d(2026, 9, 2), true, kToday), "R-REC-6", "2026年9月1日");
}

// ---- R-REC-7

TEST(RecruitRules, R_REC_7_ProbationOneYearFromAssembly) {
  EXPECT_EQ(probation_end(d(2026, 3, 1)), d(2027, 3, 1));
  EXPECT_EQ(probation_end(d(2028, 2, 29)), d(2029, 2, 28));
  EXPECT_REFUSED(check_probation_decision(d(2027, 3, 1), d(2027, 2, 28), kToday), "R-REC-7",
                 "最早可于2027年3月1日");
  EXPECT_TRUE(check_probation_decision(d(2027, 3, 1), d(2027, 3, 1), kToday).ok());
}

TEST(RecruitRules, R_REC_7_ConfirmationNeedsOathAndApprovalWithinThreeMonths) {
  const Date end = d(2027, 3, 1);
  EXPECT_REFUSED(check_confirmation(end, std::nullopt, end, end, kToday), "R-REC-7", "入党宣誓");
  EXPECT_TRUE(check_confirmation(end, d(2026, 4, 1), end, d(2027, 6, 1), kToday).ok());
  EXPECT_REFUSED(check_confirmation(end, d(2026, 4, 1), end, d(2027, 6, 2), kToday), "R-REC-7",
                 "最迟为2027年6月1日");
  EXPECT_REFUSED(check_confirmation(end, d(2026, 4, 1), d(2027, 2, 28), d(2027, 3, 1), kToday), "R-REC-7",
                 "最早可于2027年3月1日");
}

TEST(RecruitRules, R_REC_7_ExtensionSixToTwelveMonthsOnce) {
  const Date end = d(2027, 3, 1);
  EXPECT_REFUSED(check_extension(end, false, end, d(2027, 8, 31), kToday), "R-REC-7", "2027年9月1日至2028年3月1日");
  EXPECT_TRUE(check_extension(end, false, end, d(2027, 9, 1), kToday).ok());
  EXPECT_TRUE(check_extension(end, false, end, d(2028, 3, 1), kToday).ok());
  EXPECT_REFUSED(check_extension(end, false, end, d(2028, 3, 2), kToday), "R-REC-7", "最长一年");
  EXPECT_REFUSED(check_extension(end, true, end, d(2027, 9, 1), kToday), "R-REC-7", "只能延长一次");
}

TEST(RecruitRules, R_REC_7_OathWithinProbation) {
  EXPECT_REFUSED(check_oath(d(2026, 4, 1), d(2026, 3, 31), d(2027, 3, 1), kToday), "R-REC-7",
                 "最早可于2026年4月1日");
  EXPECT_TRUE(check_oath(d(2026, 4, 1), d(2026, 4, 1), d(2027, 3, 1), kToday).ok());
  EXPECT_TRUE(check_oath(d(2026, 4, 1), d(2027, 3, 1), d(2027, 3, 1), kToday).ok());
  EXPECT_FALSE(check_oath(d(2026, 4, 1), d(2027, 3, 2), d(2027, 3, 1), kToday).ok());
}

// ---- R-REC-8

TEST(RecruitRules, R_REC_8_CandidateStepsThenAssemblyThenApproval) {
  Facts f;
  f.stage = "candidate";
  f.applied_on = d(2025, 1, 1);
  f.candidate_on = d(2026, 1, 1);
  auto steps = next_steps(f);
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_EQ(steps[0].code, "political_review");
  EXPECT_EQ(steps[1].code, "training");
  f.political_review_on = d(2026, 2, 1);
  f.political_review_passed = true;
  f.training_on = d(2026, 3, 1);
  f.training_hours = 24;
  steps = next_steps(f);
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_EQ(steps[0].code, "assembly");
  EXPECT_EQ(steps[0].earliest, d(2026, 3, 1));
  f.assembly_on = d(2026, 3, 10);
  steps = next_steps(f);
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_EQ(steps[0].code, "approval");
  EXPECT_EQ(steps[0].due, d(2026, 6, 10));
  EXPECT_TRUE(overdue(steps[0], d(2026, 6, 11)));
}

TEST(RecruitRules, R_REC_8_ProbationaryOathThenConfirmation) {
  Facts f;
  f.stage = "probationary";
  f.applied_on = d(2024, 1, 1);
  f.assembly_on = d(2026, 3, 1);
  f.approved_on = d(2026, 4, 1);
  f.probation_end = d(2027, 3, 1);
  auto steps = next_steps(f);
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_EQ(steps[0].code, "oath");
  EXPECT_EQ(steps[1].code, "confirmation");
  EXPECT_EQ(steps[1].due, d(2027, 3, 1));
  f.oath_on = d(2026, 4, 2);
  steps = next_steps(f);
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_FALSE(overdue(steps[0], d(2027, 3, 1)));
  EXPECT_TRUE(overdue(steps[0], d(2027, 3, 2)));
}

TEST(RecruitRules, R_REC_8_NoStepsOutsideThePipeline) {
  for (const char* st : {"full", "cancelled", "withdrawn"}) {
    Facts f;
    f.stage = st;
    EXPECT_TRUE(next_steps(f).empty()) << st;
  }
  EXPECT_EQ(stage_name("candidate"), "发展对象");
  EXPECT_FALSE(is_stage("member"));
}
