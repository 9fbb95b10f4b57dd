// HTTP routes of the party org module: the tree (/api/v1/party-orgs),
// coverage links, committee posts, instructors and liaisons
// (/api/v1/assignments), mass organisations (/api/v1/mass-orgs) and the
// warnings (/api/v1/warnings). Handlers parse, call the service, answer.
#pragma once
#include "http/router.hpp"

namespace lx::partyorg {

void register_routes(http::Router& router);

// The coverage, committee, assignment and mass org routes (routes_links.cpp).
void register_link_routes(http::Router& router);

}  // namespace lx::partyorg
