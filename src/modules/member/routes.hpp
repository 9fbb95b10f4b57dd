// HTTP routes of the member module: /api/v1/members (list, detail, create,
// edit, confirm, end, reveal), /api/v1/transfers (inbox, start, accept,
// reject, cancel, in from and out to outside the system),
// /api/v1/unregistered-members, and the member figures /api/v1/stats/members,
// /api/v1/stats/member-flows and /api/v1/stats/member-records.
#pragma once
#include "http/router.hpp"

namespace lx::member {

void register_routes(http::Router& router);

}  // namespace lx::member
