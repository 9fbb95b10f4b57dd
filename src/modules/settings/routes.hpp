// HTTP routes of the settings module: GET /api/v1/settings (settings.read)
// and PUT /api/v1/settings/{key} (settings.manage, audited "settings.update").
#pragma once
#include "http/router.hpp"

namespace lx::settings {

void register_routes(http::Router& router);

}  // namespace lx::settings
