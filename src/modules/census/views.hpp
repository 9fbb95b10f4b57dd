// The census module's JSON: orgs and areas as the API shows them (the phone
// only masked, R-ID-4), the derived facts beside each org (five-clear
// R-CEN-1, stale R-CEN-2, colour R-CEN-4), and the reading of request bodies
// and list queries into the service's inputs.
#pragma once
#include <boost/json.hpp>

#include "core/dates.hpp"
#include "http/context.hpp"
#include "modules/census/model.hpp"
#include "modules/census/repo.hpp"
#include "modules/census/service.hpp"

namespace lx::census {

namespace json = boost::json;

// The stored fields of an org (what audit rows keep as before/after).
json::object org_record_json(const Org& o);

// org_record_json plus the names of its codes and the derived facts on `today`.
json::object org_json(const Org& o, core::Date today, int stale_months);

json::object area_json(const Area& a);

// The org fields present in a JSON body (absent: unchanged; null: cleared).
// Wrong JSON types answer 400 naming the field.
OrgInput org_input(const json::object& body);

AreaInput area_input(const json::object& body);

// The filters, sort and page of GET /api/v1/orgs; 400 naming the parameter
// for an unknown value or sort key.
repo::OrgFilter org_filter(http::Ctx& ctx, int stale_months, core::Date today);

}  // namespace lx::census
