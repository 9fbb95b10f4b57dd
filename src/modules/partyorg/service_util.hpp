// Helpers shared by the party org service files (not part of its interface).
#pragma once
#include <optional>
#include <string>

#include "core/dates.hpp"
#include "core/result.hpp"
#include "core/text.hpp"
#include "modules/census/service.hpp"

namespace lx::partyorg::detail {

// What a record outside the scope answers, exactly like a missing one.
inline Error not_found() { return make_error("not_found", "记录不存在", {}, 404); }

// The org with id when it lies in the scope (census owns orgs).
inline std::optional<census::Org> visible_org(db::Connection& c, const http::Scope& s, std::int64_t id) {
  auto o = census::get_org(c, census::view_of(s, core::today_shanghai()), id);
  if (!o) return std::nullopt;
  return std::move(*o);
}

// A body reference (org_id, parent_id, area_id) to nothing visible.
inline Error no_such(const std::string& what, const std::string& field) {
  return make_error("invalid_value", what + "不存在", field);
}

inline Error conflict(const std::string& code, const std::string& message, const std::string& field = {}) {
  return make_error(code, message, field, 409);
}

// A date field in any spelling TEMPLATES.md accepts, as "YYYY-MM-DD".
inline Result<std::string> date_field(const std::string& raw, const std::string& field, const std::string& label) {
  auto d = core::parse_date(raw);
  if (!d) return make_error("invalid_date", label + "：" + d.error().message, field);
  return core::to_iso(*d);
}

// The date of a stored "YYYY-MM-DD" (stored dates are always valid).
inline core::Date stored_date(const std::string& iso) {
  auto d = core::parse_date(iso);
  return d ? *d : core::Date{};
}

// A required free-text field, trimmed and width-normalised, 1..max characters.
inline Result<std::string> text_field(const std::string& raw, const std::string& field, const std::string& label,
                                      std::size_t max) {
  std::string s = core::normalize_cell(raw);
  if (s.empty()) return make_error("required", "请填写" + label, field);
  if (core::utf8_length(s) > max)
    return make_error("too_long", label + "不能超过" + std::to_string(max) + "个字", field);
  return s;
}

// An end date: valid, and not before the start (equal means it never counted).
inline Result<std::string> end_field(const std::string& raw, const std::string& start, const std::string& field) {
  auto d = date_field(raw, field, "结束日期");
  if (!d) return d;
  if (*d < start) return make_error("invalid_date", "结束日期不能早于开始日期（" + start + "）", field);
  return d;
}

}  // namespace lx::partyorg::detail
