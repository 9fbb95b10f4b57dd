// The party org rules of RULES.md (R-ORG-1..6) as pure functions: the
// vocabularies (type, formation, committee post, assignment role, mass org
// type) with their Chinese names, the placement and temporary checks that
// refuse bad input, the default term, and the warnings computed from a party
// org's facts. No database here, so every rule is unit-tested on its own.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dates.hpp"
#include "core/result.hpp"

namespace lx::partyorg {

// The numbers localities tighten (*configurable* in RULES.md), with the
// shipped defaults. The one place they are defaulted; the service loads the
// settings over them (service.hpp load_rule_settings).
struct RuleSettings {
  int term_years_committee = 5;   // R-ORG-5 org.term_years_committee
  int term_years_branch = 3;      // R-ORG-5 org.term_years_branch (general branches and branches)
  int term_years_community = 5;   // R-ORG-5 org.term_years_community (those of villages and communities)
  int term_warning_days = 90;     // R-ORG-5 org.term_warning_days
};

// R-ORG-2: a joint branch generally covers no more than this many units.
inline constexpr int kJointMaxUnits = 5;
// R-ORG-1: full members from which an org should form a party org.
inline constexpr int kShouldBuildMembers = 3;

// One word of a vocabulary: its identifier and Chinese name.
struct Word {
  std::string_view code, zh;
};

// The vocabularies, in the order the UI lists them.
const std::vector<Word>& party_org_types();    // committee 党委, general_branch 党总支, branch 党支部, group 党小组
const std::vector<Word>& formations();         // single 单独组建 … incubated 孵化育建
const std::vector<Word>& committee_posts();    // secretary 书记 … member 委员
const std::vector<Word>& assignment_roles();   // instructor 党建指导员, liaison 联络员
const std::vector<Word>& mass_org_types();     // union 工会, youth_league 共青团, womens_federation 妇联

// The identifier of a word given as its identifier or its Chinese name (with
// the variants ledgers use: 党工委, 党建工作指导员, …); nullopt when unknown.
std::optional<std::string> parse_type(std::string_view s);
std::optional<std::string> parse_formation(std::string_view s);
std::optional<std::string> parse_post(std::string_view s);
std::optional<std::string> parse_assignment_role(std::string_view s);
std::optional<std::string> parse_mass_org_type(std::string_view s);

// The Chinese name of an identifier of that vocabulary; "" when unknown.
std::string_view type_name(std::string_view code);
std::string_view formation_name(std::string_view code);
std::string_view post_name(std::string_view code);
std::string_view assignment_role_name(std::string_view code);
std::string_view mass_org_type_name(std::string_view code);

// R-ORG-6: refuses a party org of type `child` under a parent of type
// `parent` (nullopt: at the top). A group belongs to a branch and has no
// children; a branch holds only groups; a general branch holds branches; a
// committee holds anything but groups. Error `invalid_parent` on parent_id.
Status check_placement(std::optional<std::string_view> parent, std::string_view child);

// R-ORG-6: a temporary party org has an end date, not before its founding.
// The error names end_date.
Status check_temporary(bool temporary, const std::optional<core::Date>& end_date, core::Date founded_on);

// Declared counts are ≥ 0 and full members never exceed members.
Status check_member_counts(const std::optional<std::int64_t>& members, const std::optional<std::int64_t>& full);

// R-ORG-5: the default term length in years of a new party org: committee
// 5, general branch and branch 3, those of a village or community 5; 0 for a
// group (no term of its own).
int default_term_years(std::string_view type, bool community_area, const RuleSettings& s);

// R-ORG-5: the day the term starting on `start` ends (start + years).
core::Date term_end(core::Date start, int years);

// A warning computed from the records: the rule it comes from, a stable code
// and a Chinese message for the user.
struct Warning {
  std::string rule;      // "R-ORG-3"
  std::string code;      // e.g. "branch_over_50"
  std::string message;
};

// Live committee posts of a party org on a day.
struct CommitteeFacts {
  int people = 0;        // distinct persons holding any post
  int secretaries = 0;
  int deputies = 0;
  int other_posts = 0;   // organisation, publicity, discipline, member
};

// What the party org warnings are computed from, on one day.
struct PartyOrgFacts {
  std::string type;
  bool leading = false;                          // 工委 / 行业党委: no member count rule
  std::optional<std::string> formation;
  bool temporary = false;
  std::optional<core::Date> end_date;
  std::optional<core::Date> term_start;
  std::optional<int> term_years;
  std::optional<std::int64_t> members;           // declared
  std::optional<std::int64_t> full_members;      // declared
  int covered_units = 0;                         // orgs covered on the day
  CommitteeFacts committee;
};

// R-ORG-1: an org with 3 or more full members and no single party org of its
// own should build one (应建未建).
bool should_build(std::int64_t full_members, bool covered_by_own_party_org);
Warning should_build_warning(std::int64_t full_members);

// R-ORG-2: a joint branch covering more than 5 units.
std::optional<Warning> joint_units_warning(const std::optional<std::string>& formation, int covered_units);

// R-ORG-3: a type that does not fit the member count: branch over 50, general
// branch under 50 or 100 and over, committee under 100 (leading committees
// and unknown counts are not judged).
std::optional<Warning> member_count_warning(std::string_view type, bool leading,
                                            const std::optional<std::int64_t>& members);

// R-ORG-4: a branch with 7 or more full members needs a committee of 3 to 5
// (at most 7) people; one with fewer has only a secretary and at most one deputy.
std::optional<Warning> committee_warning(std::string_view type, const std::optional<std::int64_t>& full_members,
                                         const CommitteeFacts& c);

// R-ORG-5: the term ends within warning_days of today, or has ended (the end
// day itself counts as ended). Groups, temporary party orgs and leading
// committees (工委, appointed rather than elected) are not judged.
std::optional<Warning> term_warning(const PartyOrgFacts& f, core::Date today, int warning_days);

// R-ORG-6: a temporary party org past its end date (the end date itself is
// still within the plan).
std::optional<Warning> temporary_warning(bool temporary, const std::optional<core::Date>& end_date, core::Date today);

// Every warning of one live party org on `today`, in rule order.
std::vector<Warning> party_org_warnings(const PartyOrgFacts& f, core::Date today, const RuleSettings& s);

}  // namespace lx::partyorg
