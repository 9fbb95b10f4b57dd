// The party org module's rules and transactions: the party org tree
// (create, edit, move, dissolve), coverage links, committee posts,
// instructors and liaisons, mass organisations, and the warnings of
// RULES.md R-ORG-1..6. Every function runs on the caller's connection (inside
// its transaction for writes), honours the actor's data scope — a record
// outside it answers exactly like a missing one (404 "记录不存在") — and
// reports refusals as lx::Error with a Chinese message naming the field.
// The import engine calls these same functions.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "core/roles.hpp"
#include "crypto/pii.hpp"
#include "db/database.hpp"
#include "http/message.hpp"
#include "modules/partyorg/model.hpp"
#include "modules/partyorg/repo.hpp"
#include "modules/partyorg/rules.hpp"

namespace lx::partyorg {

// Who acts: the role decides who may create a top-level party org, the scope
// what may be seen and touched.
struct Actor {
  core::Role role = core::Role::member;
  http::Scope scope;
};

// A field of an edit: absent (outer nullopt), cleared (inner nullopt) or set.
template <typename T>
using Field = std::optional<std::optional<T>>;

// The configurable numbers of R-ORG-5 (settings table over RuleSettings defaults).
RuleSettings load_rule_settings(db::Connection& c);

// Today in Shanghai as "YYYY-MM-DD".
std::string today();

// ---- the tree (service.cpp)

struct PartyOrgInput {
  Field<std::int64_t> parent_id;   // create only; null: a top-level party org (admins only)
  std::optional<std::string> name, type, founded_on;
  Field<std::string> role, formation, end_date, term_start;
  Field<std::int64_t> area_id, term_years, declared_members, declared_full_members;
  std::optional<bool> temporary, weak;
};

// The party org when it lies in the actor's scope; 404 otherwise.
Result<PartyOrg> get_party_org(db::Connection& c, const Actor& a, std::int64_t id);

// Party orgs in scope (ListFilter: parent, type, formation, name, dissolved, paging); 404 for a parent outside it.
Result<std::pair<std::vector<PartyOrg>, std::int64_t>> list_party_orgs(db::Connection& c, const Actor& a,
                                                                       repo::ListFilter f);

// Creates a party org under a visible, live parent (R-ORG-6 placement and
// temporary end date; R-ORG-5 default term). Names are unique among live siblings.
Result<PartyOrg> create_party_org(db::Connection& c, const Actor& a, const PartyOrgInput& in);

// Edits the fields given (not parent, path or dissolution); a new type must
// still fit its parent and live children (R-ORG-6).
Result<PartyOrg> update_party_org(db::Connection& c, const Actor& a, std::int64_t id, const PartyOrgInput& in);

// Re-parents a party org with its subtree; refuses a parent inside its own
// subtree, a dissolved parent, and a placement R-ORG-6 forbids.
Result<PartyOrg> move_party_org(db::Connection& c, const Actor& a, std::int64_t id,
                                std::optional<std::int64_t> parent_id);

// Dissolves on the given day (never deletes); refuses while live children
// remain; ends its coverage links and committee posts on that day.
Result<PartyOrg> dissolve_party_org(db::Connection& c, const Actor& a, std::int64_t id, const std::string& on);

// ---- coverage and committee (service_links.cpp)

struct CoverageAdded {
  CoverageLink link;
  std::vector<Warning> warnings;   // R-ORG-2 when a joint branch now covers more than 5 units
};

// Links of a visible party org: those counting today, or all.
Result<std::vector<CoverageLink>> coverage_of(db::Connection& c, const Actor& a, std::int64_t party_org_id,
                                              bool include_ended);
// Covers a visible org by a visible, live party org from valid_from; refuses
// an overlapping link of the same pair (409).
Result<CoverageAdded> add_coverage(db::Connection& c, const Actor& a, std::int64_t party_org_id,
                                   std::int64_t org_id, const std::string& valid_from);
// Ends a link: valid_to is the first day it no longer counts.
Result<CoverageLink> end_coverage(db::Connection& c, const Actor& a, std::int64_t id, const std::string& valid_to);

struct PostInput {
  std::string post, person_name, valid_from;
  std::optional<std::string> valid_to;
  // The registered member who holds it: set only by the member module, which
  // has checked the membership (the committee routes take names).
  std::optional<std::int64_t> person_id;
};
Result<std::vector<CommitteePost>> committee_of(db::Connection& c, const Actor& a, std::int64_t party_org_id,
                                                bool include_ended);
// Adds a post to a visible, live party org; one secretary at a time, and no
// person twice on the same post at once (409).
Result<CommitteePost> add_post(db::Connection& c, const Actor& a, std::int64_t party_org_id, const PostInput& in);
Result<CommitteePost> end_post(db::Connection& c, const Actor& a, std::int64_t id, const std::string& valid_to);
// For the member module, which has found the person in its actor's scope:
// the posts a member holds on `on` (or later), and the end of them all on `to`.
std::vector<CommitteePost> posts_of_person(db::Connection& c, std::int64_t person_id, const std::string& on);
void end_posts_of_person(db::Connection& c, std::int64_t person_id, const std::string& to);

// ---- instructors, liaisons and mass organisations (service_work.cpp)

struct AssignmentInput {
  std::string person_name, phone, role;   // role as identifier or Chinese name
  std::int64_t org_id = 0;
  std::string valid_from;
  std::optional<std::string> valid_to;
};
// Assigns a person to a visible org; the phone is checked (R-ID-3) and kept
// encrypted with its keyed hash and masked form.
Result<Assignment> add_assignment(db::Connection& c, const Actor& a, const crypto::Pii& pii,
                                  const AssignmentInput& in);
Result<Assignment> end_assignment(db::Connection& c, const Actor& a, std::int64_t id, const std::string& valid_to);
// The plain phone of an assignment in scope (the caller audits the view).
Result<std::string> reveal_assignment_phone(db::Connection& c, const Actor& a, const crypto::Pii& pii,
                                            std::int64_t id);
// Assignments of orgs in scope (filters: org, orgs covered by a party org, role, ended).
Result<std::vector<Assignment>> list_assignments(db::Connection& c, const Actor& a, repo::WorkFilter f);

Result<MassOrg> add_mass_org(db::Connection& c, const Actor& a, std::int64_t org_id, const std::string& type,
                             const std::optional<std::string>& founded_on);
Result<MassOrg> dissolve_mass_org(db::Connection& c, const Actor& a, std::int64_t id, const std::string& on);
Result<std::vector<MassOrg>> list_mass_orgs(db::Connection& c, const Actor& a, repo::WorkFilter f);

// ---- warnings (warnings.cpp)

// A warning with what it is about: a party org, or an org (R-ORG-1).
struct ScopedWarning {
  Warning warning;
  std::optional<std::int64_t> party_org_id;
  std::string party_org_name;
  std::optional<std::int64_t> org_id;
  std::string org_name;
};

// The warnings of one visible party org today (R-ORG-2..6).
Result<std::vector<Warning>> warnings_of(db::Connection& c, const Actor& a, std::int64_t party_org_id);
// Every warning in scope today, R-ORG-1 (should-build orgs) included; rule
// filters by id ("R-ORG-3"), empty for all.
std::vector<ScopedWarning> warnings_in_scope(db::Connection& c, const Actor& a, const std::string& rule);
// R-ORG-1: orgs in scope that should build a party org.
std::vector<OrgBrief> should_build(db::Connection& c, const Actor& a);

}  // namespace lx::partyorg
