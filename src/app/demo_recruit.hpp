// The demo's recruitment pipeline (demo_recruit.cpp), seeded after the members.
#pragma once
#include "core/config.hpp"
#include "db/database.hpp"

namespace lx::app {

void seed_demo_recruits(db::Connection& c, const core::Config& cfg);

}  // namespace lx::app
