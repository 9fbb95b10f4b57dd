// The party org module's SQL: party_orgs, coverage, committee_posts,
// assignments, mass_orgs, and the scope filters over them. Nothing else
// writes these tables. Dates are "YYYY-MM-DD" text; a record counts on day d
// when start <= d AND (end IS NULL OR end > d).
#pragma once
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "db/database.hpp"
#include "http/message.hpp"
#include "modules/partyorg/model.hpp"

namespace lx::partyorg::repo {

// A boolean SQL expression and its parameters, in order.
struct Sql {
  std::string sql;
  db::Params params;
};

// Party orgs (alias `p`) inside a scope: the subtree of a party org, or those
// whose area lies in an area subtree.
Sql party_org_scope(const http::Scope& s, const std::string& alias = "p");
// Orgs (alias `o`) inside a scope on day d: in the area subtree, or covered
// on d by a party org of the party org subtree.
Sql org_scope(const http::Scope& s, const std::string& d, const std::string& alias = "o");

// ---- party orgs (repo.cpp)

std::optional<PartyOrg> find(db::Connection& c, std::int64_t id);
// The party org when it exists and lies in the scope.
std::optional<PartyOrg> find_in_scope(db::Connection& c, const http::Scope& s, std::int64_t id);
// A live party org named `name` under parent (nullopt: at the top).
std::optional<PartyOrg> find_by_name(db::Connection& c, std::optional<std::int64_t> parent_id, const std::string& name);

struct ListFilter {
  std::optional<std::int64_t> parent_id;   // children of this party org only
  std::string type, formation, q;          // empty: any
  std::string not_type;                    // leave out this type (party groups, for transfer destinations)
  bool include_dissolved = false;
  std::string today;                       // for live counts and "dissolved"
  std::int64_t page = 1, size = 0;         // size 0: every row
};
// Party orgs in the scope, tree order (by path), with children and covered
// org counts on `today`; and the total before paging.
std::pair<std::vector<PartyOrg>, std::int64_t> list(db::Connection& c, const http::Scope& s, const ListFilter& f);

// Inserts and sets the path under parent_path; returns the id.
std::int64_t insert(db::Connection& c, const PartyOrg& p, const std::string& parent_path);
// Writes the editable fields (not parent, path or dissolved_on).
void update(db::Connection& c, const PartyOrg& p);
// Re-parents id: its path and every descendant's path, each in one statement.
void move_subtree(db::Connection& c, std::int64_t id, std::optional<std::int64_t> new_parent,
                  const std::string& old_path, const std::string& new_path);
void set_dissolved(db::Connection& c, std::int64_t id, const std::string& d);
// Types of the children not dissolved on or before d (d empty: not dissolved at all).
std::vector<std::string> live_child_types(db::Connection& c, std::int64_t id, const std::string& d = {});

// ---- coverage (repo_links.cpp)

std::int64_t insert_coverage(db::Connection& c, std::int64_t org_id, std::int64_t party_org_id,
                             const std::string& from);
std::optional<CoverageLink> find_coverage(db::Connection& c, std::int64_t id);
// True when a link of the same pair overlaps [from, to) (to empty: open).
bool coverage_overlaps(db::Connection& c, std::int64_t org_id, std::int64_t party_org_id, const std::string& from,
                       const std::string& to);
void end_coverage(db::Connection& c, std::int64_t id, const std::string& to);
// Links of a party org: those counting on `on`, or all when `on` is empty.
std::vector<CoverageLink> coverage_of(db::Connection& c, std::int64_t party_org_id, const std::string& on);
std::int64_t count_covered(db::Connection& c, std::int64_t party_org_id, const std::string& d);
// Ends on d every coverage link and committee post of a party org still open then.
void end_links_of(db::Connection& c, std::int64_t party_org_id, const std::string& d);

// ---- committee posts (repo_links.cpp)

std::int64_t insert_post(db::Connection& c, const CommitteePost& p);
std::optional<CommitteePost> find_post(db::Connection& c, std::int64_t id);
void end_post(db::Connection& c, std::int64_t id, const std::string& to);
std::vector<CommitteePost> posts_of(db::Connection& c, std::int64_t party_org_id, const std::string& on);
// True when a post overlapping [from, to) exists for this party org and post
// (and person, when given).
bool post_overlaps(db::Connection& c, std::int64_t party_org_id, const std::string& post,
                   const std::optional<std::string>& person, const std::string& from, const std::string& to);
// The posts a registered member holds on `on` or later (not ended by then).
std::vector<CommitteePost> posts_of_person(db::Connection& c, std::int64_t person_id, const std::string& on);
// Ends on `to` every post of the person still open then.
void end_posts_of_person(db::Connection& c, std::int64_t person_id, const std::string& to);
// Live posts on d of every party org in the scope.
std::vector<CommitteePost> posts_in_scope(db::Connection& c, const http::Scope& s, const std::string& d);

// ---- assignments and mass orgs (repo_work.cpp)

struct AssignmentRow {
  std::string person_name, phone_enc, phone_hash, phone_mask, role;
  std::int64_t org_id = 0;
  std::string valid_from, valid_to;   // valid_to empty: open
};
std::int64_t insert_assignment(db::Connection& c, const AssignmentRow& a);
std::optional<Assignment> find_assignment(db::Connection& c, std::int64_t id);
void end_assignment(db::Connection& c, std::int64_t id, const std::string& to);
// The encrypted phone of an assignment ("" when none).
std::string assignment_phone_enc(db::Connection& c, std::int64_t id);
// True when the same person (phone hash) already holds this role at this org over [from, to).
bool assignment_overlaps(db::Connection& c, std::int64_t org_id, const std::string& role,
                         const std::string& phone_hash, const std::string& from, const std::string& to);

struct WorkFilter {
  std::optional<std::int64_t> org_id;
  std::optional<std::int64_t> party_org_id;   // orgs covered by it on `today`
  std::string kind;                           // assignment role or mass org type; empty: any
  bool include_ended = false;
  std::string today;
};
std::vector<Assignment> list_assignments(db::Connection& c, const http::Scope& s, const WorkFilter& f);

std::int64_t insert_mass_org(db::Connection& c, std::int64_t org_id, const std::string& type,
                             const std::string& founded_on);
std::optional<MassOrg> find_mass_org(db::Connection& c, std::int64_t id);
std::optional<MassOrg> find_mass_org(db::Connection& c, std::int64_t org_id, const std::string& type);
void dissolve_mass_org(db::Connection& c, std::int64_t id, const std::string& d);
std::vector<MassOrg> list_mass_orgs(db::Connection& c, const http::Scope& s, const WorkFilter& f);

// ---- orgs, read-only (repo_work.cpp). The census module owns orgs; the
// service reads single orgs through census::get_org. TODO(census): replace
// each of these with a census service function — org names by ids
// (census::org_briefs), one org with its scope check (census::get_org, used
// here by ledger.cpp), the scope filter as SQL (org_scope above), and orgs not
// covered by a single party org (a census::list_orgs filter).
// The orgs of these ids that exist, by id.
std::map<std::int64_t, OrgBrief> orgs(db::Connection& c, const std::vector<std::int64_t>& ids);
std::optional<OrgBrief> org(db::Connection& c, std::int64_t id);
// True when the org lies in the scope on day d.
bool org_in_scope(db::Connection& c, const http::Scope& s, std::int64_t id, const std::string& d);
// R-ORG-1: orgs in the scope, open on d, with at least min_members full
// members on d (member records whose workplace is the org; the declared
// number where none are recorded: member::sql::kOrgFullMembers) and no
// coverage on d by a single party org of their own.
std::vector<OrgBrief> should_build_orgs(db::Connection& c, const http::Scope& s, const std::string& d,
                                        int min_members);

}  // namespace lx::partyorg::repo
