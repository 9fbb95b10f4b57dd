// HTTP routes of the statistics module (/api/v1/stats/…), all read-only.
#pragma once
#include "http/router.hpp"

namespace lx::stats {
void register_routes(http::Router& router);
}
