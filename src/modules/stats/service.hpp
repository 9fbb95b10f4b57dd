// Statistics (STATS.md): every figure computed from the records in SQL, as of
// any date, for any scope no wider than the caller's; rates with the counts
// they were made from; the records behind each figure. The JSON shapes here
// are the API's and the CLI's alike.
#pragma once
#include <boost/json/object.hpp>
#include <string>

#include "core/dates.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "http/message.hpp"

namespace lx::stats {

// The scope asked for — "" (the caller's own), "party_org:ID", "area:ID", or
// an exact name — if it lies within `allowed`; 403 when it is wider, 404 when
// it does not exist, 400 when a name is ambiguous.
Result<http::Scope> resolve_scope(db::Connection& c, const http::Scope& allowed, const std::string& asked);

// {"numerator", "denominator", "percent"} with percent two decimals half up, null when the denominator is 0.
boost::json::object rate_json(std::int64_t numerator, std::int64_t denominator);

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

// One page of the records behind a figure: org figures (orgs, covered, …,
// stale), party org figures (party_orgs, founded, dissolved,
// overdue_reelections); 400 for an unknown figure.
Result<boost::json::object> records(db::Connection& c, const http::Scope& scope, core::Date d,
                                    const std::string& figure, const std::string& from, std::int64_t page,
                                    std::int64_t size);

}  // namespace lx::stats
