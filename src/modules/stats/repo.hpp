// The statistics module's SQL: every figure of STATS.md computed in the
// database as of a date, and the records behind each figure. It reads the
// census and party org tables only through these queries and the fragments
// of partyorg/coverage_sql.hpp; it writes nothing.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "http/message.hpp"

namespace lx::stats::repo {

// Orgs counted by STATS.md "Orgs and coverage" on one day in one scope.
struct OrgCounts {
  std::int64_t orgs = 0, covered = 0, work_reached = 0, should_build = 0;
  std::int64_t yellow = 0;  // work contact but no organisation coverage
  // Covered orgs by the formation they count under (single first, then joint, attached, …).
  std::map<std::string, std::int64_t> covered_by_formation;
};

// The figures a drill-down may open; each names a set of orgs.
// covered_<formation> is the org set of covered_by_formation[<formation>]
// (best covering formation exactly that one; "unspecified": a covering party
// org without a formation); covered_other is every formation after attached.
inline constexpr const char* kOrgFigures[] = {
    "orgs",           "covered",            "covered_single",   "covered_joint",    "covered_attached",
    "covered_other",  "covered_area_joint", "covered_industry", "covered_dispatched", "covered_lead_firm",
    "covered_chain",  "covered_incubated",  "covered_unspecified", "not_covered",    "work_reached",
    "should_build",   "red",                "yellow",           "blue",             "stale"};

// Extra narrowing of the org set (breakdown cells): the breakdown's grouping
// expression COALESCE(CAST(o.column AS TEXT), '') = value, so a cell's
// records are exactly the orgs it counted ("" selects the unfilled ones).
struct OrgNarrow {
  std::string column;  // one of kind, sub_kind, industry, above_scale
  std::string value;
};
using OrgNarrows = std::vector<OrgNarrow>;

OrgCounts org_counts(db::Connection& c, const http::Scope& scope, const std::string& date,
                     const OrgNarrows& narrow = {});

// Party orgs existing on date that cover (link valid on date) at least one
// org of the narrowed org set of the scope on date, by formation ("" when
// none) → count. A party org covering several orgs counts once.
std::map<std::string, std::int64_t> covering_party_orgs_by_formation(db::Connection& c, const http::Scope& scope,
                                                                     const std::string& date,
                                                                     const OrgNarrows& narrow = {});

// Orgs in scope on date, grouped by a column (kind, sub_kind, industry, above_scale): value → counts.
std::map<std::string, OrgCounts> org_counts_by(db::Connection& c, const http::Scope& scope, const std::string& date,
                                               const std::string& column);

// Orgs on date whose last verification is before cutoff (or never) — R-CEN-2.
std::int64_t stale_count(db::Connection& c, const http::Scope& scope, const std::string& date,
                         const std::string& cutoff);

// One page of the org records behind figure on date, and their total.
struct OrgRecord {
  std::int64_t id;
  std::string name, uscc, kind, sub_kind, industry, area_name, colour, covered_by;
  std::optional<std::int64_t> declared_members;
  std::optional<std::string> verified_on;
};
// size 0: every row.
std::pair<std::vector<OrgRecord>, std::int64_t> org_records(db::Connection& c, const http::Scope& scope,
                                                            const std::string& date, const std::string& figure,
                                                            const std::string& stale_cutoff, std::int64_t page,
                                                            std::int64_t size, const OrgNarrows& narrow = {});

// Party orgs in scope that exist on date (optionally of one type / formation).
std::int64_t party_org_count(db::Connection& c, const http::Scope& scope, const std::string& date,
                             const std::string& type = "", const std::string& formation = "");

// Party orgs founded in (from, to] and dissolved in (from, to], so that
// count(to) = count(from) + founded − dissolved.
std::int64_t party_orgs_founded(db::Connection& c, const http::Scope& scope, const std::string& from,
                                const std::string& to, const std::string& type = "");
std::int64_t party_orgs_dissolved(db::Connection& c, const http::Scope& scope, const std::string& from,
                                  const std::string& to, const std::string& type = "");

// Party orgs on date grouped by (type, formation) → count.
std::map<std::pair<std::string, std::string>, std::int64_t> party_orgs_by_type_formation(
    db::Connection& c, const http::Scope& scope, const std::string& date);

// A party org row for drill-downs and term checks.
struct PartyOrgRecord {
  std::int64_t id;
  std::string name, type, formation, founded_on, parent_name, area_level;
  std::optional<std::string> dissolved_on, term_start;
  std::optional<std::int64_t> term_years;
};

// Party org records: on date (kind "party_orgs"), founded or dissolved in (from, to].
std::vector<PartyOrgRecord> party_org_records(db::Connection& c, const http::Scope& scope, const std::string& kind,
                                              const std::string& from, const std::string& to,
                                              const std::string& type = "", const std::string& formation = "");

// Streets (or the children of the scope's area root) with their scope, for per-area breakdowns.
struct AreaNode {
  std::int64_t id;
  std::string name, path;
};
std::vector<AreaNode> child_areas(db::Connection& c, const http::Scope& scope);

// Resolves a scope root given as type + id; nullopt when it does not exist.
std::optional<http::Scope> scope_of(db::Connection& c, const std::string& type, std::int64_t id);
// Finds scope roots by exact name in both trees.
std::vector<http::Scope> scopes_named(db::Connection& c, const std::string& name);

}  // namespace lx::stats::repo

namespace lx::stats::repo {

// ---- report workbooks (repo_report.cpp)

struct StoredReport {
  std::string filename, bytes;
};
// Stores the workbook a report job wrote and removes reports older than 30 days.
void save_report(db::Connection& c, std::int64_t job_id, std::int64_t user_id, const std::string& scope,
                 const std::string& as_of, const std::string& filename, const std::string& bytes);
// The workbook of a job, or nullopt when it has none (yet).
std::optional<StoredReport> find_report(db::Connection& c, std::int64_t job_id);

}  // namespace lx::stats::repo
