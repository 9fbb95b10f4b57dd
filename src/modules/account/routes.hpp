// HTTP routes of the account module (session, users, scopes, audit) and the
// Guard the request pipeline uses for sessions, scopes and audit rows.
#pragma once
#include <memory>

#include "http/pipeline.hpp"
#include "http/router.hpp"

namespace lx::account {

void register_routes(http::Router& router);

// The pipeline's Guard, backed by this module's sessions and audit chain.
std::unique_ptr<http::Guard> make_guard(const core::Config& cfg);

}  // namespace lx::account
