// The organisational-life rules of RULES.md (R-LIFE-1..8, R-LIFE-10) as pure
// functions: what a party org owes in a period and whether what was recorded
// meets it. No database here: the service gathers the facts (the party org's
// existence, its committee and groups, its members, the meetings, ratings and
// talks recorded) and calls compliance(). Decisions, documented in
// docs/life.md:
//   - A duty falls on a cycle (month, quarter, year) only when the party org —
//     and for R-LIFE-2 its committee, for R-LIFE-3 the group — exists on every
//     day of that cycle: a branch founded mid-quarter owes nothing for that
//     quarter, a temporary branch owes nothing for the cycle in which it ended.
//     Meetings held in such a cycle are still recorded, they are just not owed.
//   - Every cycle is met on its own: three theme days in one month do not make
//     up for two months without one.
//   - A period shorter than a rule's cycle does not assess that rule (a month
//     does not assess the yearly life meeting); the quarter and year do.
//   - R-LIFE-7 and R-LIFE-8 count the members who were members for the whole
//     year: each must be rated (民主评议) / have had a heart talk that year.
//   - Dates are days in Shanghai (meeting_day turns an instant into one).
#pragma once
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dates.hpp"
#include "core/result.hpp"

namespace lx::life {

enum class Kind {
  general_assembly,   // 支部党员大会 R-LIFE-1
  committee_meeting,  // 支部委员会 R-LIFE-2
  group_meeting,      // 党小组会 R-LIFE-3
  party_lesson,       // 党课 R-LIFE-4
  theme_day,          // 主题党日 R-LIFE-5
  life_meeting,       // 组织生活会 R-LIFE-6
  member_review,      // 民主评议党员 R-LIFE-7
  heart_talk,         // 谈心谈话 R-LIFE-8
};
inline constexpr Kind kAllKinds[] = {Kind::general_assembly, Kind::committee_meeting, Kind::group_meeting,
                                     Kind::party_lesson,     Kind::theme_day,         Kind::life_meeting,
                                     Kind::member_review,    Kind::heart_talk};

enum class Cycle { month, quarter, year };

// The glossary identifier ("general_assembly", …) and the Chinese name (支部党员大会, …).
std::string_view kind_code(Kind k);
std::string_view kind_name(Kind k);
// The kind of an identifier or a Chinese name; nullopt when it is neither.
std::optional<Kind> parse_kind(std::string_view s);
std::string_view cycle_code(Cycle c);     // "month", "quarter", "year"
std::optional<Cycle> parse_cycle(std::string_view s);
// The rule id that sets the frequency of a kind ("R-LIFE-1" …).
std::string_view rule_of(Kind k);

// How often a kind is owed: at least `at_least` in every `cycle`
// (configurable; at_least 0 switches the duty off).
struct Frequency {
  Cycle cycle = Cycle::month;
  int at_least = 1;
};
struct Frequencies {
  Frequency general_assembly{Cycle::quarter, 1};   // R-LIFE-1
  Frequency committee_meeting{Cycle::month, 1};    // R-LIFE-2
  Frequency group_meeting{Cycle::month, 1};        // R-LIFE-3
  Frequency party_lesson{Cycle::quarter, 1};       // R-LIFE-4
  int secretary_lessons_a_year = 1;                // R-LIFE-4: the secretary gives at least one a year
  Frequency theme_day{Cycle::month, 1};            // R-LIFE-5
  Frequency life_meeting{Cycle::year, 1};          // R-LIFE-6
  Frequency member_review{Cycle::year, 1};         // R-LIFE-7
  Frequency heart_talk{Cycle::year, 1};            // R-LIFE-8: talks with each member in the cycle
  const Frequency& of(Kind k) const;
};

// [from, to): `to` is the first day it no longer exists; none while it lasts.
struct Window {
  core::Date from;
  std::optional<core::Date> to;
  // True when every day of [a, b] (inclusive) lies in the window.
  bool covers(core::Date a, core::Date b) const;
};

struct Meeting {
  Kind kind = Kind::theme_day;
  core::Date on;
  std::optional<std::int64_t> group_id;   // group meetings: the party group
  bool by_secretary = false;              // party lessons: given by the party org's secretary
};

// A member's rating (民主评议) or heart talk with a committee member, by day.
struct PersonDay {
  std::int64_t person_id = 0;
  core::Date on;
};

struct Group {
  std::int64_t id = 0;
  std::string name;
  Window exists;
};

struct MemberStay {
  std::int64_t person_id = 0;
  Window stay;
};

// Everything compliance() looks at for one party org.
struct Facts {
  Window exists;                        // founded .. dissolved
  std::vector<Window> committee;        // when it had a committee (R-ORG-4); empty: never
  std::vector<Group> groups;            // its party groups (R-LIFE-3)
  std::vector<MemberStay> members;      // memberships (R-LIFE-7, R-LIFE-8)
  std::vector<Meeting> meetings;        // every meeting recorded
  std::vector<PersonDay> ratings;       // 民主评议 ratings
  std::vector<PersonDay> talks;         // heart talks with a committee member
};

// What is counted against a duty.
enum class Measure {
  meetings,            // meetings of the kind held in the cycle
  secretary_lessons,   // R-LIFE-4: party lessons the secretary gave
  members_rated,       // R-LIFE-7: members of the whole year with a rating that year
  members_talked,      // R-LIFE-8: members of the whole year with a heart talk that year
};
std::string_view measure_code(Measure m);

// One duty in one cycle: `required` and what was `held` (for member measures:
// members expected and members covered).
struct Duty {
  std::string_view rule;                 // "R-LIFE-1" …
  Kind kind = Kind::theme_day;
  Measure measure = Measure::meetings;
  std::optional<std::int64_t> group_id;  // R-LIFE-3: per group
  core::Date from, to;                   // the cycle, both days included
  std::int64_t required = 0;
  std::int64_t held = 0;
  bool met() const { return held >= required; }
};

struct Period {
  Cycle cycle = Cycle::month;
  core::Date from, to;   // both included
};
// The month, quarter or year containing `d`.
Period period_of(Cycle c, core::Date d);

struct Compliance {
  Period period;
  std::vector<Duty> duties;   // in kind order, then by cycle, then by group
  // R-LIFE-10: true when every duty of the period is met (also when none is owed).
  bool complies() const;
  // True when the party org existed on every day of the period.
  bool existed_throughout = false;
};

// R-LIFE-1..8 and R-LIFE-10: the duties of `period` and how they stand.
Compliance compliance(const Facts& f, const Period& period, const Frequencies& freq = {});

// The day in Shanghai of an instant (a meeting's start in UTC).
core::Date meeting_day(std::chrono::system_clock::time_point t);

}  // namespace lx::life
