// Helpers shared by the recruitment service files (not part of the interface).
#pragma once
#include <boost/json.hpp>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "core/dates.hpp"
#include "modules/recruit/service.hpp"

namespace lx::recruit::detail {

inline Error not_found() { return make_error("not_found", "记录不存在", {}, 404); }

// A date field in any spelling TEMPLATES.md accepts.
inline Result<core::Date> date_field(const std::string& raw, const std::string& field, const std::string& label) {
  auto d = core::parse_date(raw);
  if (!d) return make_error("invalid_date", label + "：" + d.error().message, field);
  return *d;
}

// A stored "YYYY-MM-DD" (stored dates are always valid).
inline core::Date stored(const std::string& iso) {
  auto d = core::parse_date(iso);
  return d ? *d : core::Date{};
}
inline std::optional<core::Date> stored(const std::optional<std::string>& iso) {
  if (!iso) return std::nullopt;
  return stored(*iso);
}

// The record in scope, or 404.
Result<Recruit> load(db::Connection& c, const Actor& a, std::int64_t id);

// 409 unless the record is in one of the stages.
Status expect_stage(const Recruit& r, std::initializer_list<std::string_view> stages, const std::string& action);

// Stores the facts of r with its recomputed next step (R-REC-8), moves the
// stage when `to` differs (from `stage_on`), writes the timeline event and
// returns the detail.
Result<Detail> finish(db::Connection& c, const Actor& a, Recruit r, const std::string& event,
                      core::Date on, const std::optional<std::string>& to, core::Date stage_on,
                      const boost::json::object& detail);

// The facts rules.hpp reasons on.
Facts facts_of(const Recruit& r);

}  // namespace lx::recruit::detail
