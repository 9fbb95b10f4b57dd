// Helpers shared by the statistics module's source files (service.cpp,
// records.cpp, summary.cpp, report.cpp); not part of its interface.
#pragma once
#include <boost/json/object.hpp>
#include <string>
#include <vector>

#include "core/dates.hpp"
#include "db/database.hpp"
#include "http/message.hpp"
#include "modules/stats/repo.hpp"

namespace lx::stats::detail {

// {"type", "id", "name"} of a scope ("全区" for the whole district).
boost::json::value scope_json(const http::Scope& s);
// The scope's name as sentences and titles use it: 全区, the area's name, or the party org's.
std::string scope_title(const http::Scope& s);

// The first day a census record still counts as verified on d (R-CEN-2).
std::string stale_cutoff(db::Connection& c, core::Date d);

// R-ORG-5: party orgs existing on d whose term has ended by d, optionally of one type / formation.
std::vector<repo::PartyOrgRecord> overdue_reelections(db::Connection& c, const http::Scope& scope, core::Date d,
                                                      const std::string& type = "", const std::string& formation = "");

}  // namespace lx::stats::detail
