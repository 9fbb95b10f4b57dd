#include "modules/partyorg/rules.hpp"

#include <utility>

#include "core/text.hpp"

namespace lx::partyorg {
namespace {

using core::Date;

struct Alias {
  std::string_view spelling, code;
};

std::optional<std::string> parse_word(const std::vector<Word>& words, std::initializer_list<Alias> aliases,
                                      std::string_view raw) {
  const std::string s = core::normalize_cell(raw);
  for (const Word& w : words)
    if (s == w.code || s == w.zh) return std::string(w.code);
  for (const Alias& a : aliases)
    if (s == a.spelling) return std::string(a.code);
  return std::nullopt;
}

std::string_view name_of(const std::vector<Word>& words, std::string_view code) {
  for (const Word& w : words)
    if (w.code == code) return w.zh;
  return "";
}

std::string n(std::int64_t v) { return std::to_string(v); }

}  // namespace

const std::vector<Word>& party_org_types() {
  static const std::vector<Word> w = {
      {"committee", "党委"}, {"general_branch", "党总支"}, {"branch", "党支部"}, {"group", "党小组"}};
  return w;
}

const std::vector<Word>& formations() {
  static const std::vector<Word> w = {{"single", "单独组建"},   {"joint", "联合组建"},      {"attached", "挂靠组建"},
                                      {"area_joint", "区域联建"}, {"industry", "行业统建"},   {"dispatched", "驻派帮建"},
                                      {"lead_firm", "龙头带建"},  {"chain", "链上带建"},      {"incubated", "孵化育建"}};
  return w;
}

const std::vector<Word>& committee_posts() {
  static const std::vector<Word> w = {{"secretary", "书记"},      {"deputy_secretary", "副书记"},
                                      {"organisation", "组织委员"}, {"publicity", "宣传委员"},
                                      {"discipline", "纪检委员"},   {"member", "委员"}};
  return w;
}

const std::vector<Word>& assignment_roles() {
  static const std::vector<Word> w = {{"instructor", "党建指导员"}, {"liaison", "联络员"}};
  return w;
}

const std::vector<Word>& mass_org_types() {
  static const std::vector<Word> w = {{"union", "工会"}, {"youth_league", "共青团"}, {"womens_federation", "妇联"}};
  return w;
}

std::optional<std::string> parse_type(std::string_view s) {
  return parse_word(party_org_types(),
                    {{"党工委", "committee"}, {"党(工)委", "committee"}, {"基层党委", "committee"},
                     {"党总支部", "general_branch"}, {"总支部", "general_branch"}, {"支部", "branch"}},
                    s);
}

std::optional<std::string> parse_formation(std::string_view s) {
  return parse_word(formations(), {{"单建", "single"}}, s);
}

std::optional<std::string> parse_post(std::string_view s) {
  return parse_word(committee_posts(), {{"支部书记", "secretary"}, {"支部副书记", "deputy_secretary"},
                                        {"纪律检查委员", "discipline"}, {"支委", "member"}},
                    s);
}

std::optional<std::string> parse_assignment_role(std::string_view s) {
  return parse_word(assignment_roles(),
                    {{"党建工作指导员", "instructor"}, {"指导员", "instructor"}, {"党建联络员", "liaison"}}, s);
}

std::optional<std::string> parse_mass_org_type(std::string_view s) {
  return parse_word(mass_org_types(),
                    {{"工会组织", "union"}, {"团组织", "youth_league"}, {"共青团组织", "youth_league"},
                     {"妇女联合会", "womens_federation"}, {"妇委会", "womens_federation"}},
                    s);
}

std::string_view type_name(std::string_view code) { return name_of(party_org_types(), code); }
std::string_view formation_name(std::string_view code) { return name_of(formations(), code); }
std::string_view post_name(std::string_view code) { return name_of(committee_posts(), code); }
std::string_view assignment_role_name(std::string_view code) { return name_of(assignment_roles(), code); }
std::string_view mass_org_type_name(std::string_view code) { return name_of(mass_org_types(), code); }

Status check_placement(std::optional<std::string_view> parent, std::string_view child) {
  // R-ORG-6: a group belongs to a branch; nothing sits under a group.
  auto refuse = [](std::string msg) { return make_error("invalid_parent", std::move(msg), "parent_id"); };
  if (!parent) {
    if (child == "group") return refuse("党小组必须设在党支部之下");
    return {};
  }
  const std::string_view p = *parent;
  if (child == "group") {
    if (p != "branch") return refuse("党小组只能设在党支部之下");
    return {};
  }
  if (p == "group") return refuse("党小组之下不能再设党组织");
  if (p == "branch") return refuse("党支部之下只能设党小组");
  if (p == "general_branch" && child != "branch") return refuse("党总支之下只能设党支部");
  return {};
}

Status check_temporary(bool temporary, const std::optional<Date>& end_date, Date founded_on) {
  // R-ORG-6: a temporary branch has an end date.
  if (!temporary) return {};
  if (!end_date) return make_error("required", "临时党组织须填写结束日期", "end_date");
  if (*end_date < founded_on) return make_error("invalid_date", "结束日期不能早于成立日期", "end_date");
  return {};
}

Status check_member_counts(const std::optional<std::int64_t>& members, const std::optional<std::int64_t>& full) {
  if (members && *members < 0) return make_error("invalid_value", "党员数不能为负数", "declared_members");
  if (full && *full < 0) return make_error("invalid_value", "正式党员数不能为负数", "declared_full_members");
  if (members && full && *full > *members)
    return make_error("invalid_value", "正式党员数不能多于党员数", "declared_full_members");
  return {};
}

int default_term_years(std::string_view type, bool community_area, const RuleSettings& s) {
  // R-ORG-5: committee 5, general branch and branch 3, villages and communities 5.
  if (type == "group") return 0;
  if (type == "committee") return s.term_years_committee;
  return community_area ? s.term_years_community : s.term_years_branch;
}

Date term_end(Date start, int years) { return core::add_years(start, years); }

bool should_build(std::int64_t full_members, bool covered_by_own_party_org) {
  // R-ORG-1: 3 or more full members and no party org of its own.
  return full_members >= kShouldBuildMembers && !covered_by_own_party_org;
}

Warning should_build_warning(std::int64_t full_members) {
  return {"R-ORG-1", "should_build",
          "有正式党员" + n(full_members) + "名（3名以上），尚未单独建立党组织（应建未建）"};
}

std::optional<Warning> joint_units_warning(const std::optional<std::string>& formation, int covered_units) {
  // R-ORG-2: a joint branch generally covers no more than 5 units.
  if (formation != "joint" || covered_units <= kJointMaxUnits) return std::nullopt;
  return Warning{"R-ORG-2", "joint_over_5_units",
                 "联合党支部覆盖" + n(covered_units) + "个单位，一般不超过" + n(kJointMaxUnits) + "个"};
}

std::optional<Warning> member_count_warning(std::string_view type, bool leading,
                                            const std::optional<std::int64_t>& members) {
  // R-ORG-3: branch ≤ 50; general branch 50..99; committee ≥ 100.
  if (!members || leading) return std::nullopt;
  const std::int64_t m = *members;
  if (type == "branch" && m > 50)
    return Warning{"R-ORG-3", "branch_over_50",
                   "党支部有党员" + n(m) + "名，超过50名，" +
                       (m >= 100 ? std::string("应成立基层党委") : std::string("可经批准设立党总支"))};
  if (type == "general_branch" && m < 50)
    return Warning{"R-ORG-3", "general_branch_under_50", "党总支有党员" + n(m) + "名，不足50名，宜设党支部"};
  if (type == "general_branch" && m >= 100)
    return Warning{"R-ORG-3", "general_branch_100_or_more", "党总支有党员" + n(m) + "名，达到100名，应成立基层党委"};
  if (type == "committee" && m < 100)
    return Warning{"R-ORG-3", "committee_under_100", "基层党委有党员" + n(m) + "名，不足100名"};
  return std::nullopt;
}

std::optional<Warning> committee_warning(std::string_view type, const std::optional<std::int64_t>& full_members,
                                         const CommitteeFacts& c) {
  // R-ORG-4: 7+ full members → a committee of 3 to 5, at most 7; fewer → a
  // secretary and at most one deputy.
  if (type != "branch" || !full_members) return std::nullopt;
  const std::int64_t f = *full_members;
  if (f >= 7) {
    if (c.people < 3)
      return Warning{"R-ORG-4", "committee_required",
                     "党支部有正式党员" + n(f) + "名（7名以上），应设支部委员会（3至5人，最多7人），现有" +
                         n(c.people) + "人"};
    if (c.people > 7)
      return Warning{"R-ORG-4", "committee_too_large", "支部委员会有" + n(c.people) + "人，最多7人"};
    return std::nullopt;
  }
  if (c.other_posts > 0 || c.deputies > 1)
    return Warning{"R-ORG-4", "committee_not_allowed",
                   "党支部正式党员" + n(f) + "名，不足7名，不设支部委员会，只设书记一名，必要时设副书记一名"};
  return std::nullopt;
}

std::optional<Warning> term_warning(const PartyOrgFacts& f, Date today, int warning_days) {
  // R-ORG-5: re-election due within warning_days, or overdue.
  if (f.type == "group" || f.leading || f.temporary || !f.term_start || !f.term_years || *f.term_years <= 0)
    return std::nullopt;
  const Date end = term_end(*f.term_start, *f.term_years);
  const std::int64_t left = core::days_between(today, end);
  if (left <= 0)
    return Warning{"R-ORG-5", "term_overdue", "本届任期已于" + core::to_iso(end) + "届满，应及时换届"};
  if (left <= warning_days)
    return Warning{"R-ORG-5", "term_ending",
                   "本届任期将于" + core::to_iso(end) + "届满（还有" + n(left) + "天），请做好换届准备"};
  return std::nullopt;
}

std::optional<Warning> temporary_warning(bool temporary, const std::optional<Date>& end_date, Date today) {
  // R-ORG-6: a temporary branch past its end date.
  if (!temporary || !end_date || !(*end_date < today)) return std::nullopt;
  return Warning{"R-ORG-6", "temporary_past_end",
                 "临时党组织已过结束日期（" + core::to_iso(*end_date) + "），应及时撤销"};
}

std::vector<Warning> party_org_warnings(const PartyOrgFacts& f, Date today, const RuleSettings& s) {
  std::vector<Warning> out;
  auto add = [&](std::optional<Warning> w) {
    if (w) out.push_back(std::move(*w));
  };
  add(joint_units_warning(f.formation, f.covered_units));
  add(member_count_warning(f.type, f.leading, f.members));
  add(committee_warning(f.type, f.full_members, f.committee));
  add(term_warning(f, today, s.term_warning_days));
  add(temporary_warning(f.temporary, f.end_date, today));
  return out;
}

}  // namespace lx::partyorg
