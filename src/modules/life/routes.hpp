// HTTP routes of the life module (organisational life).
#pragma once
#include "http/router.hpp"

namespace lx::life {

void register_routes(http::Router& router);

}  // namespace lx::life
