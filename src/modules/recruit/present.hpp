// JSON forms of the recruitment pipeline's records (lists, timeline, stats).
#pragma once
#include <boost/json/object.hpp>

#include "core/dates.hpp"
#include "modules/recruit/service.hpp"

namespace lx::recruit {

// A record as lists show it: the person (ID masked, R-ID-4), the party org,
// the stage, the facts, and the next step with its due day and whether it is
// overdue on `today` (R-REC-8).
boost::json::object recruit_json(const Recruit& r, core::Date today);
// A record with sponsors, reviews, every open step and the timeline.
boost::json::object detail_json(const Detail& d, core::Date today);
boost::json::object step_json(const Step& s, core::Date today);

}  // namespace lx::recruit
