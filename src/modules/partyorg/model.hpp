// The party org module's records: party orgs (the tree), coverage links to
// orgs, committee posts, instructors and liaisons, mass organisations, and
// the warnings computed from them. Plain structs; dates are "YYYY-MM-DD".
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace lx::partyorg {

struct PartyOrg {
  std::int64_t id = 0;
  std::optional<std::int64_t> parent_id;
  std::string name;
  std::string type;                       // committee / general_branch / branch / group
  std::optional<std::string> role;        // leading (工委, 行业党委) or none
  std::optional<std::string> formation;   // single / joint / attached / …
  bool temporary = false;
  std::optional<std::string> end_date;    // a temporary party org's planned end
  std::optional<std::int64_t> area_id;
  std::string founded_on;
  std::optional<std::string> dissolved_on;
  std::optional<std::string> term_start;
  std::optional<std::int64_t> term_years;
  bool weak = false;
  std::optional<std::int64_t> declared_members;
  std::optional<std::int64_t> declared_full_members;
  std::string path;                       // materialised path "/1/4/"
  std::string created_at, updated_at;

  // Filled by list and detail reads.
  std::string parent_name;
  std::string area_name;
  std::int64_t children = 0;              // live children
  std::int64_t covered_orgs = 0;          // orgs covered today
};

// 组织覆盖: an org covered by a party org from valid_from until valid_to.
struct CoverageLink {
  std::int64_t id = 0;
  std::int64_t org_id = 0;
  std::int64_t party_org_id = 0;
  std::string valid_from;
  std::optional<std::string> valid_to;
  std::string org_name, org_uscc;
  std::string party_org_name;
  std::optional<std::string> party_org_formation;
};

// A post on a party org's committee (R-ORG-4).
struct CommitteePost {
  std::int64_t id = 0;
  std::int64_t party_org_id = 0;
  std::string post;                       // secretary / deputy_secretary / organisation / publicity / discipline / member
  std::string person_name;
  std::string valid_from;
  std::optional<std::string> valid_to;
  std::optional<std::int64_t> person_id;  // the registered member holding it (set by the member module)
};

// An instructor (党建指导员) or liaison (联络员) sent to an org. The phone is
// kept encrypted; only its masked form leaves the module.
struct Assignment {
  std::int64_t id = 0;
  std::string person_name;
  std::string phone_mask;
  std::string role;                       // instructor / liaison
  std::int64_t org_id = 0;
  std::string org_name;
  std::string valid_from;
  std::optional<std::string> valid_to;
};

// A mass organisation (群团组织) inside an org.
struct MassOrg {
  std::int64_t id = 0;
  std::int64_t org_id = 0;
  std::string org_name;
  std::string type;                       // union / youth_league / womens_federation
  std::optional<std::string> founded_on;
  std::optional<std::string> dissolved_on;
};

// What this module reads of an org (the census module's record).
struct OrgBrief {
  std::int64_t id = 0;
  std::string name, uscc;
  std::string area_path;
  std::optional<std::int64_t> declared_members;
  std::optional<std::string> registered_on, closed_on;
  // R-ORG-1 (should-build lists only): full members on the day, from member
  // records, or the declared number where none are recorded.
  std::optional<std::int64_t> full_members;
};

}  // namespace lx::partyorg
