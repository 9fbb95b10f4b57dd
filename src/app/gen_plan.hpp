// The shape of a generated district or province (liangxin gen), worked out
// in memory before anything is written: areas, 两新 orgs, party orgs with
// their coverage, instructors and liaisons, mass organisations, and one
// member slot per membership. Pure and deterministic: the same options give
// the same plan on every machine. Persons, posts and meetings are drawn from
// the plan when it is written (gen_write.cpp, gen_life.cpp).
//
// The shape: org sizes are log-normal (most orgs are small shops, a few
// employ thousands); party members concentrate in the larger orgs, which
// have a party org of their own (单独组建: a branch, a general branch with
// branches from 50 members, a committee with branches from 100, R-ORG-3);
// orgs with one or two members are grouped with neighbours of the same
// community and trade into joint branches of 2–5 orgs (R-ORG-2); gig sites
// of a street share an industry branch; the community's area-joint branches
// cover enough of the rest for about 75 % organisation coverage; most
// uncovered orgs have an instructor, some a liaison, and a few with three or
// more declared members have none (should-build, R-ORG-1).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/dates.hpp"
#include "core/result.hpp"

namespace lx::app::gen {

struct ScaleSpec {
  std::string name;
  int districts = 1;
  int streets = 4;             // per district
  int min_communities = 3;     // per street
  int max_communities = 6;
  std::int64_t orgs = 1000;    // in all
  std::int64_t party_orgs = 120;
  std::int64_t members = 6000;
  double life_years = 3;       // meetings over this many years back from today
};

// small (1k orgs), city (50k orgs, 6k party orgs, 300k members) or province
// (500k orgs, 50k party orgs, 3M members in 10 districts); an error otherwise.
Result<ScaleSpec> scale_spec(const std::string& name);

struct Options {
  ScaleSpec scale;
  std::uint64_t seed = 1;
  core::Date today;  // the day the data is as of (meetings, dates up to it)
};

struct Area {
  std::int64_t id = 0, parent_id = 0;  // 0: none
  std::string code, name, level, path;
  int district = 0;
};

struct Org {
  std::int64_t id = 0, area_id = 0;
  int district = 0, street = 0;  // street: index into Plan::areas of its street
  std::string name, uscc, kind, sub_kind, industry, area_path, address, registered_on, closed_on, status,
      principal, contact_name, phone, reason, verified_on;  // "" = not filled in
  std::int64_t workforce = 0;
  int declared = -1;              // 党员数 as declared; -1 not filled in
  int recorded = 0;               // member records with this org as workplace
  int principal_member = -1;      // 1 yes, 0 no, -1 not filled in
  bool above_scale = false;
  double affinity = 0;            // how likely its staff are party members
};

struct PartyOrg {
  std::int64_t id = 0, parent_id = 0, area_id = 0;
  std::string name, type, role, formation, founded_on, term_start, path;
  int term_years = 0;             // 0: none (groups)
  int district = 0, street = 0;
  int members = 0;                // memberships planned in it
  std::vector<std::int64_t> groups;  // its party groups (党小组)
};

struct Coverage {
  std::int64_t org_id = 0, party_org_id = 0;
  std::string valid_from;
};

struct Assignment {
  std::string person_name, phone, role, valid_from;
  std::int64_t org_id = 0;
};

struct MassOrg {
  std::int64_t org_id = 0;
  std::string type, founded_on;
};

// One membership: in party org `party_org_id`, working in `workplace_org_id`
// (0: none recorded); `previous_party_org_id` when the member came by a
// transfer inside the system; `ended` when the membership has ended (death,
// leaving) and the person is no longer a member.
struct Slot {
  std::int64_t party_org_id = 0, workplace_org_id = 0, previous_party_org_id = 0;
  bool ended = false;
};

struct Plan {
  Options options;
  std::vector<Area> areas;
  std::vector<Org> orgs;
  std::vector<PartyOrg> party_orgs;  // parents before children; id = index + 1
  std::vector<Coverage> coverage;
  std::vector<Assignment> assignments;
  std::vector<MassOrg> mass_orgs;
  std::vector<Slot> slots;           // grouped by party org
};

// Works out the whole plan for the options.
Plan make_plan(const Options& o);

// Only the area tree of the plan (for `gen --areas-only`, the target of the import workload).
Plan make_area_plan(const Options& o);

// Figures of a plan for the summary and the tests.
struct PlanFigures {
  std::int64_t orgs = 0, live_orgs = 0, covered_live = 0, party_orgs = 0, members = 0, joint_branches = 0,
               joint_min = 0, joint_max = 0, uncovered_live = 0, uncovered_with_instructor = 0, should_build = 0;
};
PlanFigures figures(const Plan& p);

}  // namespace lx::app::gen
