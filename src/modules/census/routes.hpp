// HTTP routes of the census module: areas (GET census.read; POST, PATCH,
// DELETE area.manage), orgs (GET census.read; POST, PATCH, close, verify and
// reveal-phone census.write) and the census dictionaries.
#pragma once
#include "http/router.hpp"

namespace lx::census {

void register_routes(http::Router& router);

}  // namespace lx::census
