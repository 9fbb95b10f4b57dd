// The recruitment rules of RULES.md (R-REC-1..9, and R-LIFE-9 for the general
// assembly's vote) as pure functions. Each check returns OK or a refusal whose
// Chinese message names the rule and, where waiting helps, the first day the
// step becomes possible ("…最早可于2027年3月2日（R-REC-4）"). Day boundaries
// are decided here once and documented in docs/recruitment.md:
//   R-REC-1 18 years old on the application day: from the 18th birthday on
//           (core::age_on; a 29 Feb birthday is reached on 28 Feb);
//   R-REC-2 the talk is due within one month: last day add_months(applied, 1);
//   R-REC-4 "more than one year": activist on D → candidate from D + 1 year + 1 day;
//   R-REC-6/7 approval within 3 (special 6) months: last day add_months(assembly, 3);
//   R-REC-7 probation ends add_years(assembly, 1) — the decision may be taken
//           from that day, and confirmation takes effect on it; an extension
//           puts the end between +6 months and +1 year of the old end;
//   R-REC-9 a review is due add_months(last review or activist day, 6); the
//           day after it is overdue.
// No database here: the service gathers the facts and calls these.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dates.hpp"
#include "core/result.hpp"

namespace lx::recruit {

inline constexpr int kMinAge = 18;                  // R-REC-1
inline constexpr int kTalkMonths = 1;               // R-REC-2
inline constexpr int kMaxSponsors = 2;              // R-REC-3
inline constexpr int kActivistYears = 1;            // R-REC-4
inline constexpr int kTrainingDays = 3;             // R-REC-5
inline constexpr int kTrainingHours = 24;           // R-REC-5
inline constexpr int kApprovalMonths = 3;           // R-REC-6, R-REC-7
inline constexpr int kApprovalMonthsSpecial = 6;    // R-REC-6
inline constexpr int kProbationYears = 1;           // R-REC-7
inline constexpr int kExtendMinMonths = 6;          // R-REC-7
inline constexpr int kExtendMaxMonths = 12;         // R-REC-7
inline constexpr int kReviewMonths = 6;             // R-REC-9

// The stages, in pipeline order, and the two ways out.
// applicant 入党申请人, activist 入党积极分子, candidate 发展对象,
// probationary 预备党员, full 正式党员, cancelled 取消预备党员资格, withdrawn 退出.
const std::vector<std::string_view>& stages();
std::string_view stage_name(std::string_view stage);   // "" when unknown
bool is_stage(std::string_view stage);

// ---- R-REC-1 application
core::Date earliest_application(core::Date birth);    // the 18th birthday
Status check_application(core::Date birth, core::Date applied_on, core::Date today);

// ---- R-REC-2 talk
core::Date talk_due(core::Date applied_on);           // last day for the talk
Status check_talk(core::Date applied_on, core::Date talk_on, core::Date today);
bool talk_late(core::Date applied_on, core::Date talk_on);

// ---- R-REC-3 activist and sponsors
struct Sponsor {
  std::int64_t person_id = 0;
  std::string name;
  bool full_member = false;   // a full member (not probationary) on the decision day
};
Status check_activist(std::int64_t person_id, const std::optional<core::Date>& talk_on, core::Date decided_on,
                      const std::vector<Sponsor>& sponsors, core::Date today);

// ---- R-REC-9 half-yearly review of an activist
core::Date review_due(core::Date activist_on, const std::optional<core::Date>& last_review);
Status check_review(core::Date activist_on, core::Date reviewed_on, core::Date today);

// ---- R-REC-4 candidate (with R-REC-9: reviews up to date on that day)
core::Date earliest_candidate(core::Date activist_on);
// last_review: the latest review on or before decided_on, if any.
Status check_candidate(core::Date activist_on, const std::optional<core::Date>& last_review, core::Date decided_on,
                       core::Date today);

// ---- R-REC-5 political review and training (recorded facts)
Status check_political_review(core::Date candidate_on, core::Date reviewed_on, core::Date today);
Status check_training(core::Date candidate_on, core::Date finished_on, const std::optional<double>& days,
                      const std::optional<double>& hours, core::Date today);
bool training_enough(const std::optional<double>& days, const std::optional<double>& hours);

// ---- R-LIFE-9 the general assembly's vote (admission, confirmation)
struct Vote {
  std::int64_t entitled = 0;   // full members entitled to vote (probationary members do not vote)
  std::int64_t present = 0;    // of those, present
  std::int64_t in_favour = 0;  // of those, in favour
};
// full_members: the party org's full members on the assembly day; `entitled`
// may be fewer (members whose rights are suspended), never more.
Status check_vote(const Vote& v, std::int64_t full_members);

// ---- R-REC-5 + R-LIFE-9 admission by the general assembly
struct AdmissionFacts {
  core::Date candidate_on;
  std::optional<core::Date> review_on;
  std::optional<bool> review_passed;
  std::optional<core::Date> training_on;
  std::optional<double> training_days, training_hours;
};
Status check_admission(const AdmissionFacts& f, core::Date assembly_on, const Vote& v, std::int64_t full_members,
                       core::Date today);

// ---- R-REC-6 the higher committee's approval of an admission
core::Date approval_due(core::Date assembly_on, bool special);
Status check_approval(core::Date assembly_on, core::Date approved_on, bool special, core::Date today);

// ---- R-REC-7 probation: oath, end, confirmation, extension, cancellation
core::Date probation_end(core::Date assembly_on);
Status check_oath(core::Date approved_on, core::Date oath_on, core::Date probation_end, core::Date today);
// The branch decides at the end of probation: from probation_end on.
Status check_probation_decision(core::Date probation_end, core::Date decided_on, core::Date today);
Status check_confirmation(core::Date probation_end, const std::optional<core::Date>& oath_on, core::Date decided_on,
                          core::Date approved_on, core::Date today);
Status check_extension(core::Date probation_end, bool already_extended, core::Date decided_on, core::Date new_end,
                       core::Date today);

// ---- R-REC-8 next steps
// Everything recorded about one person in the pipeline (dates as recorded).
struct Facts {
  std::string stage;
  core::Date applied_on;
  std::optional<core::Date> talk_on, activist_on, last_review_on, candidate_on, political_review_on;
  std::optional<bool> political_review_passed;
  std::optional<core::Date> training_on;
  std::optional<double> training_days, training_hours;
  std::optional<core::Date> assembly_on, approved_on, oath_on, probation_end;
};

struct Step {
  std::string code;                    // talk, activist, review, candidate, political_review, training,
                                       // assembly, approval, oath, confirmation
  std::string name;                    // Chinese
  std::string rule;                    // "R-REC-2"
  std::optional<core::Date> earliest;  // the first day it is possible
  std::optional<core::Date> due;       // the last day it is on time
};

// The open steps of a person, most urgent first (by due, then earliest); the
// first is "the next step" of R-REC-8. Empty for full, cancelled, withdrawn.
std::vector<Step> next_steps(const Facts& f);
// Overdue: today is after the step's due day.
bool overdue(const Step& s, core::Date today);

}  // namespace lx::recruit
