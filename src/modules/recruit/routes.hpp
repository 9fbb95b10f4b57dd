// HTTP routes of the recruitment pipeline (/api/v1/recruits) and its figures
// (/api/v1/stats/recruitment).
#pragma once
#include "http/router.hpp"

namespace lx::recruit {

void register_routes(http::Router& router);

}  // namespace lx::recruit
