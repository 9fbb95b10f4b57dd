// SQL fragments over the party org module's tables (coverage, party_orgs,
// assignments, mass_orgs) that other modules embed in their queries: the
// census filters orgs by coverage and colour, the stats module counts them.
// Each fragment is a SELECT of org ids; its parameters are listed beside it
// and must be bound in that order. Validity: start <= d AND (end IS NULL OR
// end > d) — see migration 002.
#pragma once

namespace lx::partyorg::sql {

// Orgs covered on day d by a party org that exists on d (组织覆盖).
// Params: d, d, d, d.
inline constexpr const char* kCoveredOrgIds =
    "SELECT c.org_id FROM coverage c JOIN party_orgs p ON p.id = c.party_org_id "
    "WHERE c.valid_from <= ? AND (c.valid_to IS NULL OR c.valid_to > ?) "
    "AND p.founded_on <= ? AND (p.dissolved_on IS NULL OR p.dissolved_on > ?)";

// Orgs covered on day d by a single (单独组建) party org of their own that
// exists on d: what keeps an org off the should-build list (R-ORG-1).
// Params: d, d, d, d.
inline constexpr const char* kSingleCoveredOrgIds =
    "SELECT c.org_id FROM coverage c JOIN party_orgs p ON p.id = c.party_org_id "
    "WHERE p.formation = 'single' AND c.valid_from <= ? AND (c.valid_to IS NULL OR c.valid_to > ?) "
    "AND p.founded_on <= ? AND (p.dissolved_on IS NULL OR p.dissolved_on > ?)";

// Orgs with an instructor or liaison on d, or a mass organisation existing on d
// (the part of work coverage beyond organisation coverage, R-CEN-4 yellow).
// Params: d, d, d, d.
inline constexpr const char* kWorkContactOrgIds =
    "SELECT a.org_id FROM assignments a WHERE a.valid_from <= ? AND (a.valid_to IS NULL OR a.valid_to > ?) "
    "UNION SELECT m.org_id FROM mass_orgs m WHERE (m.founded_on IS NULL OR m.founded_on <= ?) "
    "AND (m.dissolved_on IS NULL OR m.dissolved_on > ?)";

// The two parts of kWorkContactOrgIds, for per-org lookups (EXISTS … WHERE
// org_id = o.id reaches the org_id index through each; SQLite does not push
// the condition into a UNION). Params: d, d each.
inline constexpr const char* kAssignedOrgIds =
    "SELECT a.org_id FROM assignments a WHERE a.valid_from <= ? AND (a.valid_to IS NULL OR a.valid_to > ?)";
inline constexpr const char* kMassOrgOrgIds =
    "SELECT m.org_id FROM mass_orgs m WHERE (m.founded_on IS NULL OR m.founded_on <= ?) "
    "AND (m.dissolved_on IS NULL OR m.dissolved_on > ?)";

// Orgs covered on d by a party org inside the subtree [lo, hi) of party org
// paths (a party-org-scoped user's orgs). Params: lo, hi, d, d, d, d.
inline constexpr const char* kOrgIdsInPartyOrgSubtree =
    "SELECT c.org_id FROM coverage c JOIN party_orgs p ON p.id = c.party_org_id "
    "WHERE p.path >= ? AND p.path < ? "
    "AND c.valid_from <= ? AND (c.valid_to IS NULL OR c.valid_to > ?) "
    "AND p.founded_on <= ? AND (p.dissolved_on IS NULL OR p.dissolved_on > ?)";

}  // namespace lx::partyorg::sql
