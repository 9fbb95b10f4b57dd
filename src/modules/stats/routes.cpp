#include "modules/stats/routes.hpp"

#include "http/context.hpp"
#include "http/json.hpp"
#include "modules/stats/service.hpp"

namespace lx::stats {
namespace {

using namespace lx::http;

core::Date date_param(const Ctx& ctx, const char* name) {
  auto v = ctx.query(name);
  if (!v) return core::today_shanghai();
  auto d = core::parse_date(*v);
  if (!d) throw ApiError(400, "invalid_date", std::string("参数 ") + name + " 不是有效日期：" + d.error().message, name);
  return *d;
}

Scope scope_param(Ctx& ctx) { return ensure(resolve_scope(ctx.conn(), ctx.scope, ctx.query("scope").value_or(""))); }

}  // namespace

void register_routes(Router& router) {
  router.add(Verb::get, "/api/v1/stats/coverage", "stats.read", [](Ctx& ctx) {
    auto scope = scope_param(ctx);
    return json_response(200, coverage(ctx.conn(), scope, date_param(ctx, "date")));
  });

  router.add(Verb::get, "/api/v1/stats/party-orgs", "stats.read", [](Ctx& ctx) {
    auto scope = scope_param(ctx);
    core::Date to = date_param(ctx, "to");
    core::Date from = ctx.query("from") ? date_param(ctx, "from") : core::add_days(core::first_day_of_year(to), -1);
    if (to < from) throw ApiError(400, "invalid_date", "截止日期不能早于起始日期", "to");
    std::string type = ctx.query("type").value_or("");
    if (!type.empty() && type != "committee" && type != "general_branch" && type != "branch" && type != "group")
      throw ApiError(400, "invalid_value", "党组织类型无效", "type");
    return json_response(200, party_org_growth(ctx.conn(), scope, from, to, type));
  });

  router.add(Verb::get, "/api/v1/stats/breakdown", "stats.read", [](Ctx& ctx) {
    auto scope = scope_param(ctx);
    return json_response(200, ensure(breakdown(ctx.conn(), scope, date_param(ctx, "date"), ctx.query("by").value_or(""))));
  });

  router.add(Verb::get, "/api/v1/stats/structure", "stats.read", [](Ctx& ctx) {
    auto scope = scope_param(ctx);
    return json_response(200, party_org_structure(ctx.conn(), scope, date_param(ctx, "date")));
  });

  router.add(Verb::get, "/api/v1/stats/series", "stats.read", [](Ctx& ctx) {
    auto scope = scope_param(ctx);
    int quarters = 8;
    if (auto q = ctx.query("quarters")) {
      if (q->size() > 2 || q->find_first_not_of("0123456789") != std::string::npos || std::stoi(*q) < 1 ||
          std::stoi(*q) > 40)
        throw ApiError(400, "invalid_value", "quarters 应为 1 到 40 之间的整数", "quarters");
      quarters = std::stoi(*q);
    }
    return json_response(200, series(ctx.conn(), scope, date_param(ctx, "date"), quarters));
  });

  router.add(Verb::get, "/api/v1/stats/records", "stats.read", [](Ctx& ctx) {
    auto scope = scope_param(ctx);
    auto [page, size] = ctx.paging();
    auto figure = ctx.query("figure");
    if (!figure) throw ApiError(400, "missing_field", "缺少参数 figure", "figure");
    return json_response(200, ensure(records(ctx.conn(), scope, date_param(ctx, "date"), *figure,
                                             ctx.query("from").value_or(""), page, size)));
  });
}

}  // namespace lx::stats
