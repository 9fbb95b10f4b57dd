// SQL fragments over the member tables that other modules' queries embed
// (the statistics and party org modules count full members this way). Each
// names the parameters it takes, in order.
#pragma once

namespace lx::member::sql {

// A membership (alias m) is full on day ?: confirmed by then, or registered
// as full without a known confirmation date. Never NULL, so NOT works.
// 1 parameter: the day.
inline constexpr const char* kFullOn =
    "((m.confirmed_on IS NOT NULL AND m.confirmed_on <= ?) OR (m.confirmed_on IS NULL AND m.status = 'full'))";

// R-ORG-1 / STATS.md should-build: the full members of org `o` on day d —
// those whose workplace is the org and whose membership counts and is full
// on d; an org with no member recorded there on d falls back to its
// declared 党员数 (o.declared_members). 5 parameters: d five times.
inline constexpr const char* kOrgFullMembers =
    "(CASE WHEN EXISTS (SELECT 1 FROM persons pe_w JOIN memberships m_w ON m_w.person_id = pe_w.id "
    "WHERE pe_w.workplace_org_id = o.id AND m_w.valid_from <= ? AND (m_w.valid_to IS NULL OR m_w.valid_to > ?)) "
    "THEN (SELECT COUNT(*) FROM persons pe_w JOIN memberships m_w ON m_w.person_id = pe_w.id "
    "WHERE pe_w.workplace_org_id = o.id AND m_w.valid_from <= ? AND (m_w.valid_to IS NULL OR m_w.valid_to > ?) "
    "AND (m_w.confirmed_on <= ? OR (m_w.confirmed_on IS NULL AND m_w.status = 'full'))) "
    "ELSE COALESCE(o.declared_members, 0) END)";

// The members of org `o` recorded with it as workplace on day d (any
// status). 2 parameters: d twice.
inline constexpr const char* kOrgRecordedMembers =
    "(SELECT COUNT(*) FROM persons pe_w JOIN memberships m_w ON m_w.person_id = pe_w.id "
    "WHERE pe_w.workplace_org_id = o.id AND m_w.valid_from <= ? AND (m_w.valid_to IS NULL OR m_w.valid_to > ?))";

}  // namespace lx::member::sql
