// Inside the generator's plan (gen_plan.cpp, gen_plan_build.cpp): a
// district's places, and the structure decided for it before the party org
// rows are made.
#pragma once
#include <map>
#include <vector>

#include "app/gen_plan.hpp"
#include "app/gen_random.hpp"

namespace lx::app::gen::detail {

// The areas and org places of one district.
struct District {
  int index = 0;
  std::size_t area = 0;                  // index into Plan::areas
  std::string code, city, phone_area;
  std::vector<std::size_t> streets;      // indices into Plan::areas
  std::vector<std::size_t> places;       // streets and communities orgs are registered in
  WeightedTable place_weights;
  std::int64_t org_begin = 0, org_end = 0;  // range in Plan::orgs
};

struct Decision {
  std::vector<std::size_t> singles;               // org indices
  std::vector<int> single_members;
  std::vector<std::vector<std::size_t>> joints;   // org groups of 2–5
  std::vector<int> joint_fill;                    // members without a workplace
  std::vector<std::vector<std::size_t>> industry; // per street with enough gig sites
  std::vector<int> industry_fill;
  std::vector<std::size_t> industry_street;       // street area index
  std::vector<std::vector<std::size_t>> area_joint;
  std::vector<int> area_fill;
  std::vector<std::size_t> should_build;
  std::vector<std::size_t> uncovered;             // live, not covered (should-build included)
  std::map<std::size_t, int> recorded;            // org → member records with it as workplace (not singles)
  std::vector<int> street_fill;                   // per street of the district
  std::int64_t party_orgs = 0, members = 0;
};

// Party orgs a single org's own party org takes (R-ORG-3 by its member
// count): a branch (with two party groups from 40 members), a general
// branch from 50, a committee from 100 with a general branch per 95 members.
inline int single_nodes(int members) {
  if (members < 40) return 1;
  if (members < 50) return 3;
  if (members < 100) return 1;
  return 1 + (members + 94) / 95;
}

// Makes the party orgs, coverage, members, instructors and mass orgs of
// district d as decided in x, and fills in the orgs' member figures.
void build_district(Plan& p, const District& d, const Decision& x);

}  // namespace lx::app::gen::detail
