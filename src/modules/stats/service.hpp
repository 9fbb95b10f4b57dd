// Statistics (STATS.md): every figure computed from the records in SQL, as of
// any date, for any scope no wider than the caller's; rates with the counts
// they were made from; the records behind each figure. The JSON shapes here
// are the API's and the CLI's alike.
#pragma once
#include <boost/json/object.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/dates.hpp"
#include "core/roles.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "http/message.hpp"
#include "io/xlsx_writer.hpp"
#include "modules/stats/repo.hpp"

namespace lx::stats {

// The scope asked for — "" (the caller's own), "party_org:ID", "area:ID", or
// an exact name — if it lies within `allowed`; 403 when it is wider, 404 when
// it does not exist, 400 when a name is ambiguous.
Result<http::Scope> resolve_scope(db::Connection& c, const http::Scope& allowed, const std::string& asked);

// {"numerator", "denominator", "percent"} with percent two decimals half up, null when the denominator is 0.
boost::json::object rate_json(std::int64_t numerator, std::int64_t denominator);

// The org figures of STATS.md on d for the orgs of the scope narrowed by
// `narrow`: orgs, covered (+ covered_single/joint/attached/other and
// covered_by_formation), work_reached, both rates, should_build, colours.
boost::json::object org_figures(db::Connection& c, const http::Scope& scope, core::Date d,
                                const repo::OrgNarrows& narrow = {});

// The coverage figures of STATS.md on d: orgs, covered (+ by formation),
// work_reached, both rates, should_build, party_orgs, colours, stale,
// overdue_reelections; with date and scope.
boost::json::object coverage(db::Connection& c, const http::Scope& scope, core::Date d);

// Party orgs between two dates: count_from, count_to, founded, dissolved (in
// (from, to]), growth_rate {"from", "to", "percent"}; optional type.
boost::json::object party_org_growth(db::Connection& c, const http::Scope& scope, core::Date from, core::Date to,
                                     const std::string& type);

// Breakdown of the coverage figures by area (the scope's child areas), kind,
// sub_kind, industry or above_scale; 400 for another `by`.
Result<boost::json::object> breakdown(db::Connection& c, const http::Scope& scope, core::Date d, const std::string& by);

// Party orgs on d by type and by formation.
boost::json::object party_org_structure(db::Connection& c, const http::Scope& scope, core::Date d);

// Party org count and coverage rates at the last `quarters` quarter-ends up to d (oldest first).
boost::json::object series(db::Connection& c, const http::Scope& scope, core::Date d, int quarters);

// ---- drill-down (records.cpp)

// The drill-down filters as given (nullopt: absent). Org figures take kind,
// sub_kind, industry and above_scale (the breakdown dimensions; "none" for
// sub_kind / industry selects the unfilled ones, the row with key ""); party
// org figures take type and formation (the /stats/structure keys).
struct Filters {
  std::optional<std::string> kind, sub_kind, industry, above_scale, type, formation;
};

// Checks and normalises the filters (kind and industry also by Chinese name,
// above_scale true/false/1/0 → "1"/"0"); 400 naming the parameter for an unknown value.
Result<Filters> check_filters(const Filters& raw);

// True for the figures a records request may name.
bool is_org_figure(const std::string& figure);
bool is_party_org_figure(const std::string& figure);

// One page of the records behind a figure: org figures (orgs, covered,
// covered_<formation>, not_covered, work_reached, should_build, red, yellow,
// blue, stale), party org figures (party_orgs, founded, dissolved — these two
// in (from, d] —, overdue_reelections); size 0: every row. 400 for an unknown
// figure, a filter that does not apply to it, or a bad value.
Result<boost::json::object> records(db::Connection& c, const http::Scope& scope, core::Date d,
                                    const std::string& figure, const std::string& from, std::int64_t page,
                                    std::int64_t size, const Filters& filters = {});

// Every record of the figure as a sheet: Chinese headers, and a title naming
// the figure, its filters, the scope and the date.
Result<io::OutputSheet> records_sheet(db::Connection& c, const http::Scope& scope, core::Date d,
                                      const std::string& figure, const std::string& from, const Filters& filters);

// The Chinese name of a figure ("" when unknown).
std::string figure_title(const std::string& figure);

// ---- summary sentences (summary.cpp)

// The sentences offices paste into their reports, every number from the
// figures (docs/statistics.md "Summary sentences"): one for enterprises, one
// for social organisations, one for gig sites when there are any, and the total.
std::vector<std::string> summary_sentences(db::Connection& c, const http::Scope& scope, core::Date d);
// {"date", "scope", "sentences"}.
boost::json::object summary(db::Connection& c, const http::Scope& scope, core::Date d);

// ---- the quarterly / annual report workbook (report.cpp)

// The sheets of the report workbook (统计报表) of scope on d: coverage by
// area and by kind, party orgs by type and formation, the should-build list,
// instructors and liaisons, the summary sentences. `progress(done, total)`
// is called after each sheet.
// `role` is the requester's, for the party org module's reads.
std::vector<io::OutputSheet> report_sheets(db::Connection& c, core::Role role, const http::Scope& scope, core::Date d,
                                           const std::function<void(int, int)>& progress = {});
// The file name of that workbook, e.g. "统计报表-全区-2026-11-22.xlsx".
std::string report_filename(const http::Scope& scope, core::Date d);

}  // namespace lx::stats
