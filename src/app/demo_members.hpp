// The demo's members and transfers (demo_members.cpp), seeded after the
// party org work by seed_demo.
#pragma once
#include "core/config.hpp"
#include "db/database.hpp"

namespace lx::app {

void seed_demo_members(db::Connection& c, const core::Config& cfg);

}  // namespace lx::app
