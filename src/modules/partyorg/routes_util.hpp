// Helpers shared by the party org route files (not part of the interface).
#pragma once
#include <optional>
#include <string>

#include "http/context.hpp"
#include "http/json.hpp"
#include "modules/partyorg/service.hpp"

namespace lx::partyorg::web {

inline Actor actor(http::Ctx& ctx) { return Actor{ctx.me().role, ctx.scope}; }

// A yes/no query parameter: 1/true/0/false; absent is false.
inline bool query_flag(http::Ctx& ctx, const std::string& name) {
  auto v = ctx.query(name);
  if (!v) return false;
  if (*v == "1" || *v == "true") return true;
  if (*v == "0" || *v == "false") return false;
  throw http::ApiError(400, "invalid_value", "参数 " + name + " 应为 true 或 false", name);
}

// include_ended, also spelt include_dissolved / with_ended / with_dissolved.
inline bool include_ended(http::Ctx& ctx) {
  for (const char* name : {"include_ended", "include_dissolved", "with_ended", "with_dissolved"})
    if (query_flag(ctx, name)) return true;
  return false;
}

// A positive id query parameter, or nullopt when absent.
inline std::optional<std::int64_t> query_id(http::Ctx& ctx, const std::string& name) {
  auto v = ctx.query(name);
  if (!v) return std::nullopt;
  std::int64_t x = 0;
  bool ok = !v->empty() && v->size() <= 18;
  for (char ch : *v) {
    if (ch < '0' || ch > '9') ok = false;
    else x = x * 10 + (ch - '0');
  }
  if (!ok || x <= 0) throw http::ApiError(400, "invalid_value", "参数 " + name + " 应为正整数", name);
  return x;
}

// A date field of the body, today when absent.
inline std::string date_or_today(const boost::json::object& b, const std::string& field) {
  return http::opt_string(b, field, 40).value_or(today());
}

}  // namespace lx::partyorg::web
