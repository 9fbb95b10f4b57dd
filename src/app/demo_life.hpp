// The demo's organisational life (demo_life.cpp), seeded after the members:
// the demo member's account linked to a member of 东湖科技有限公司党支部, a
// year of that branch's meetings (complete but for one missed committee
// meeting and this month's not yet held), a thinner year for 西城物流, heart
// talks and ratings, an online meeting open now, and a few check-ins.
#pragma once
#include "core/config.hpp"
#include "db/database.hpp"

namespace lx::app {

void seed_demo_life(db::Connection& c, const core::Config& cfg);

}  // namespace lx::app
