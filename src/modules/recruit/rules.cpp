#include "modules/recruit/rules.hpp"

#include <algorithm>
#include <set>
#include <utility>

namespace lx::recruit {
namespace {

using core::Date;

std::string zh(Date d) { return core::to_chinese(d); }
std::string n(std::int64_t v) { return std::to_string(v); }

std::string num(double v) {
  std::string s = std::to_string(v);
  s.erase(s.find_last_not_of('0') + 1);
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

// A refusal of a step that becomes possible later: names the first day.
Error too_early(std::string what, Date first, std::string_view rule, std::string field) {
  return make_error("too_early", std::move(what) + "，最早可于" + zh(first) + "（" + std::string(rule) + "）",
                    std::move(field), 422);
}

Error refused(std::string code, std::string msg, std::string_view rule, std::string field) {
  return make_error(std::move(code), std::move(msg) + "（" + std::string(rule) + "）", std::move(field), 422);
}

Status not_future(Date d, Date today, std::string field) {
  if (d > today)
    return make_error("future_date", "日期" + zh(d) + "晚于今天（" + zh(today) + "），不能登记尚未发生的事项",
                      std::move(field), 422);
  return {};
}

}  // namespace

const std::vector<std::string_view>& stages() {
  static const std::vector<std::string_view> s = {"applicant", "activist", "candidate", "probationary",
                                                  "full",      "cancelled", "withdrawn"};
  return s;
}

std::string_view stage_name(std::string_view stage) {
  if (stage == "applicant") return "入党申请人";
  if (stage == "activist") return "入党积极分子";
  if (stage == "candidate") return "发展对象";
  if (stage == "probationary") return "预备党员";
  if (stage == "full") return "正式党员";
  if (stage == "cancelled") return "取消预备党员资格";
  if (stage == "withdrawn") return "已退出";
  return "";
}

bool is_stage(std::string_view stage) { return !stage_name(stage).empty(); }

// ---- R-REC-1

Date earliest_application(Date birth) { return core::add_years(birth, kMinAge); }

Status check_application(Date birth, Date applied_on, Date today) {
  if (auto s = not_future(applied_on, today, "applied_on"); !s) return s;
  // R-REC-1: at least 18 on the day of application (from the 18th birthday on).
  if (core::age_on(birth, applied_on) < kMinAge)
    return too_early("申请入党须年满十八周岁", earliest_application(birth), "R-REC-1", "applied_on");
  return {};
}

// ---- R-REC-2

Date talk_due(Date applied_on) { return core::add_months(applied_on, kTalkMonths); }

Status check_talk(Date applied_on, Date talk_on, Date today) {
  if (auto s = not_future(talk_on, today, "talk_on"); !s) return s;
  // R-REC-2: the talk follows the application (the same day at the earliest).
  if (talk_on < applied_on) return too_early("谈话须在收到入党申请之后进行", applied_on, "R-REC-2", "talk_on");
  return {};
}

bool talk_late(Date applied_on, Date talk_on) { return talk_on > talk_due(applied_on); }

// ---- R-REC-3

Status check_activist(std::int64_t person_id, const std::optional<Date>& talk_on, Date decided_on,
                      const std::vector<Sponsor>& sponsors, Date today) {
  if (auto s = not_future(decided_on, today, "decided_on"); !s) return s;
  // R-REC-2 before R-REC-3: the party org has talked with the applicant.
  if (!talk_on) return refused("talk_missing", "确定为入党积极分子前，须先登记党组织派人谈话", "R-REC-2", "decided_on");
  if (decided_on < *talk_on)
    return too_early("确定为入党积极分子须在谈话之后", *talk_on, "R-REC-3", "decided_on");
  // R-REC-3: one or two full members as sponsors.
  if (sponsors.empty() || static_cast<int>(sponsors.size()) > kMaxSponsors)
    return refused("sponsors", "须确定一至两名正式党员作为培养联系人，现为" + n(static_cast<std::int64_t>(sponsors.size())) + "名",
                   "R-REC-3", "sponsor_ids");
  std::set<std::int64_t> seen;
  for (const Sponsor& s : sponsors) {
    if (s.person_id == person_id)
      return refused("sponsors", "培养联系人不能是本人", "R-REC-3", "sponsor_ids");
    if (!seen.insert(s.person_id).second)
      return refused("sponsors", "两名培养联系人不能是同一人", "R-REC-3", "sponsor_ids");
    if (!s.full_member)
      return refused("sponsor_not_full",
                     "培养联系人须为正式党员，" + s.name + "在" + zh(decided_on) + "不是正式党员", "R-REC-3",
                     "sponsor_ids");
  }
  return {};
}

// ---- R-REC-9

Date review_due(Date activist_on, const std::optional<Date>& last_review) {
  return core::add_months(last_review && *last_review > activist_on ? *last_review : activist_on, kReviewMonths);
}

Status check_review(Date activist_on, Date reviewed_on, Date today) {
  if (auto s = not_future(reviewed_on, today, "reviewed_on"); !s) return s;
  if (reviewed_on < activist_on)
    return too_early("考察须在确定为入党积极分子之后", activist_on, "R-REC-9", "reviewed_on");
  return {};
}

// ---- R-REC-4

Date earliest_candidate(Date activist_on) {
  // "more than one year": the anniversary completes the year; the day after is the first.
  return core::add_days(core::add_years(activist_on, kActivistYears), 1);
}

Status check_candidate(Date activist_on, const std::optional<Date>& last_review, Date decided_on, Date today) {
  if (auto s = not_future(decided_on, today, "decided_on"); !s) return s;
  // R-REC-4: more than one year of education and observation.
  const Date first = earliest_candidate(activist_on);
  if (decided_on < first)
    return too_early("列为发展对象须在确定为入党积极分子满一年后", first, "R-REC-4", "decided_on");
  // R-REC-9: the half-yearly reviews are up to date on that day.
  const Date due = review_due(activist_on, last_review);
  if (decided_on > due)
    return refused("review_overdue",
                   "列为发展对象前须按时完成半年考察：上次考察（或确定为积极分子）后的考察已于" + zh(due) +
                       "到期，请先登记考察",
                   "R-REC-9", "decided_on");
  return {};
}

// ---- R-REC-5

Status check_political_review(Date candidate_on, Date reviewed_on, Date today) {
  if (auto s = not_future(reviewed_on, today, "reviewed_on"); !s) return s;
  if (reviewed_on < candidate_on)
    return too_early("政治审查在列为发展对象之后进行", candidate_on, "R-REC-5", "reviewed_on");
  return {};
}

bool training_enough(const std::optional<double>& days, const std::optional<double>& hours) {
  return (days && *days >= kTrainingDays) || (hours && *hours >= kTrainingHours);
}

Status check_training(Date candidate_on, Date finished_on, const std::optional<double>& days,
                      const std::optional<double>& hours, Date today) {
  if (!days && !hours) return make_error("required", "请填写培训天数或学时", "days", 400);
  if ((days && *days <= 0) || (hours && *hours <= 0))
    return make_error("invalid_value", "培训天数和学时须大于0", days && *days <= 0 ? "days" : "hours", 400);
  if (auto s = not_future(finished_on, today, "finished_on"); !s) return s;
  if (finished_on < candidate_on)
    return too_early("集中培训在列为发展对象之后进行", candidate_on, "R-REC-5", "finished_on");
  return {};
}

// ---- R-LIFE-9

Status check_vote(const Vote& v, std::int64_t full_members) {
  if (v.entitled < 1) return make_error("invalid_value", "有表决权的正式党员人数须至少为1", "entitled", 400);
  if (v.present < 0 || v.present > v.entitled)
    return make_error("invalid_value", "实到人数须在0到有表决权人数之间", "present", 400);
  if (v.in_favour < 0 || v.in_favour > v.present)
    return make_error("invalid_value", "赞成人数须在0到实到人数之间", "in_favour", 400);
  if (v.entitled > full_members)
    return refused("vote_entitled",
                   "有表决权的人数" + n(v.entitled) + "多于该党组织当日的正式党员数" + n(full_members) +
                       "（预备党员没有表决权）",
                   "R-LIFE-9", "entitled");
  // R-LIFE-9: more than half of those entitled attend …
  if (v.present * 2 <= v.entitled)
    return refused("vote_quorum",
                   "支部大会有表决权的正式党员" + n(v.entitled) + "名，实到" + n(v.present) +
                       "名，未超过半数，会议无效",
                   "R-LIFE-9", "present");
  // … and more than half of those entitled vote in favour.
  if (v.in_favour * 2 <= v.entitled)
    return refused("vote_failed",
                   "赞成" + n(v.in_favour) + "票，未超过有表决权的正式党员" + n(v.entitled) + "名的半数，决议未通过",
                   "R-LIFE-9", "in_favour");
  return {};
}

// ---- R-REC-5 + R-LIFE-9

Status check_admission(const AdmissionFacts& f, Date assembly_on, const Vote& v, std::int64_t full_members,
                       Date today) {
  if (auto s = not_future(assembly_on, today, "assembly_on"); !s) return s;
  if (assembly_on < f.candidate_on)
    return too_early("支部大会讨论接收须在列为发展对象之后", f.candidate_on, "R-REC-5", "assembly_on");
  // R-REC-5: political review passed and centralised training done before admission.
  if (!f.review_on || !f.review_passed.value_or(false))
    return refused("review_missing", "接收为预备党员前须经政治审查并合格", "R-REC-5", "assembly_on");
  if (assembly_on < *f.review_on)
    return too_early("支部大会讨论接收须在政治审查之后", *f.review_on, "R-REC-5", "assembly_on");
  if (!f.training_on)
    return refused("training_missing", "接收为预备党员前须参加集中培训（不少于3天或24学时）", "R-REC-5",
                   "assembly_on");
  if (!training_enough(f.training_days, f.training_hours)) {
    std::string got = f.training_days ? num(*f.training_days) + "天" : "";
    if (f.training_hours) got += (got.empty() ? "" : "、") + num(*f.training_hours) + "学时";
    return refused("training_short", "集中培训须不少于3天或24学时，现登记" + got, "R-REC-5", "assembly_on");
  }
  if (assembly_on < *f.training_on)
    return too_early("支部大会讨论接收须在集中培训结束之后", *f.training_on, "R-REC-5", "assembly_on");
  return check_vote(v, full_members);
}

// ---- R-REC-6

Date approval_due(Date assembly_on, bool special) {
  return core::add_months(assembly_on, special ? kApprovalMonthsSpecial : kApprovalMonths);
}

Status check_approval(Date assembly_on, Date approved_on, bool special, Date today) {
  if (auto s = not_future(approved_on, today, "approved_on"); !s) return s;
  if (approved_on < assembly_on)
    return too_early("上级党委审批须在支部大会通过之后", assembly_on, "R-REC-6", "approved_on");
  const Date last = approval_due(assembly_on, special);
  if (approved_on > last)
    return refused("too_late",
                   std::string("上级党委须在支部大会通过后") + (special ? "6个月（特殊情况）" : "3个月") +
                       "内审批，最迟为" + zh(last) + "；已超期，须重新提交支部大会讨论",
                   "R-REC-6", "approved_on");
  return {};
}

// ---- R-REC-7

Date probation_end(Date assembly_on) { return core::add_years(assembly_on, kProbationYears); }

Status check_oath(Date approved_on, Date oath_on, Date end, Date today) {
  if (auto s = not_future(oath_on, today, "oath_on"); !s) return s;
  if (oath_on < approved_on) return too_early("入党宣誓须在上级党委批准之后", approved_on, "R-REC-7", "oath_on");
  if (oath_on > end)
    return refused("too_late", "入党宣誓须在预备期内进行，预备期至" + zh(end) + "届满", "R-REC-7", "oath_on");
  return {};
}

Status check_probation_decision(Date end, Date decided_on, Date today) {
  if (auto s = not_future(decided_on, today, "decided_on"); !s) return s;
  if (decided_on < end)
    return too_early("预备期满后党支部方可讨论转正、延长或取消，预备期于" + zh(end) + "届满", end, "R-REC-7",
                     "decided_on");
  return {};
}

Status check_confirmation(Date end, const std::optional<Date>& oath_on, Date decided_on, Date approved_on,
                          Date today) {
  if (auto s = check_probation_decision(end, decided_on, today); !s) return s;
  if (!oath_on) return refused("oath_missing", "转正前须登记入党宣誓", "R-REC-7", "decided_on");
  if (auto s = not_future(approved_on, today, "approved_on"); !s) return s;
  if (approved_on < decided_on)
    return too_early("上级党委审批转正须在支部大会讨论之后", decided_on, "R-REC-7", "approved_on");
  const Date last = core::add_months(decided_on, kApprovalMonths);
  if (approved_on > last)
    return refused("too_late", "上级党委须在支部大会讨论转正后3个月内审批，最迟为" + zh(last), "R-REC-7",
                   "approved_on");
  return {};
}

Status check_extension(Date end, bool already_extended, Date decided_on, Date new_end, Date today) {
  if (auto s = check_probation_decision(end, decided_on, today); !s) return s;
  if (already_extended) return refused("already_extended", "预备期只能延长一次", "R-REC-7", "new_end");
  const Date lo = core::add_months(end, kExtendMinMonths), hi = core::add_months(end, kExtendMaxMonths);
  if (new_end < lo || new_end > hi)
    return refused("extension_length",
                   "延长预备期至少半年、最长一年：新的届满日须在" + zh(lo) + "至" + zh(hi) + "之间", "R-REC-7",
                   "new_end");
  return {};
}

// ---- R-REC-8

std::vector<Step> next_steps(const Facts& f) {
  std::vector<Step> out;
  auto add = [&](std::string code, std::string name, std::string rule, std::optional<Date> earliest,
                 std::optional<Date> due) {
    out.push_back(Step{std::move(code), std::move(name), std::move(rule), earliest, due});
  };
  if (f.stage == "applicant") {
    if (!f.talk_on)
      add("talk", "党组织派人谈话", "R-REC-2", f.applied_on, talk_due(f.applied_on));
    else
      add("activist", "确定为入党积极分子", "R-REC-3", f.talk_on, std::nullopt);
  } else if (f.stage == "activist" && f.activist_on) {
    add("review", "半年考察", "R-REC-9", std::nullopt, review_due(*f.activist_on, f.last_review_on));
    add("candidate", "列为发展对象", "R-REC-4", earliest_candidate(*f.activist_on), std::nullopt);
  } else if (f.stage == "candidate" && f.candidate_on) {
    if (f.assembly_on) {
      add("approval", "上级党委审批", "R-REC-6", f.assembly_on, approval_due(*f.assembly_on, false));
    } else {
      if (!f.political_review_on || !f.political_review_passed.value_or(false))
        add("political_review", "政治审查", "R-REC-5", f.candidate_on, std::nullopt);
      if (!f.training_on || !training_enough(f.training_days, f.training_hours))
        add("training", "集中培训", "R-REC-5", f.candidate_on, std::nullopt);
      if (out.empty()) {
        Date first = std::max(*f.political_review_on, *f.training_on);
        add("assembly", "支部大会讨论接收", "R-LIFE-9", first, std::nullopt);
      }
    }
  } else if (f.stage == "probationary" && f.probation_end) {
    if (!f.oath_on) add("oath", "入党宣誓", "R-REC-7", f.approved_on, f.probation_end);
    add("confirmation", "预备期满讨论转正", "R-REC-7", f.probation_end, f.probation_end);
  }
  // Most urgent first: a due day before any open-ended step, then the earliest.
  std::stable_sort(out.begin(), out.end(), [](const Step& a, const Step& b) {
    if (a.due && b.due) return *a.due < *b.due;
    return a.due.has_value() && !b.due.has_value();
  });
  return out;
}

bool overdue(const Step& s, Date today) { return s.due && today > *s.due; }

}  // namespace lx::recruit
