#include "modules/settings/routes.hpp"

#include "http/context.hpp"
#include "http/json.hpp"
#include "modules/settings/service.hpp"

namespace lx::settings {
namespace {

using namespace lx::http;

json::object setting_json(const Setting& s) {
  return json::object{{"key", s.def->key},
                      {"value", s.value},
                      {"default", s.def->default_value},
                      {"is_default", s.is_default},
                      {"min", s.def->min},
                      {"max", s.def->max},
                      {"rule", s.def->rule},
                      {"description", s.def->description},
                      {"updated_at", nullable(s.updated_at)}};
}

}  // namespace

void register_routes(Router& router) {
  router.add(Verb::get, "/api/v1/settings", "settings.read", [](Ctx& ctx) {
    json::array items;
    for (const auto& s : list(ctx.conn())) items.push_back(setting_json(s));
    return json_response(200, json::object{{"items", items}});
  });

  router.add(Verb::put, "/api/v1/settings/{key}", "settings.manage", [](Ctx& ctx) {
    const std::string key = ctx.params.at("key");
    if (!find_definition(key)) throw ApiError(404, "not_found", "设置项不存在");
    const std::int64_t value = req_int(ctx.body(), "value");
    json::value before;
    for (const auto& s : list(ctx.conn()))
      if (s.def->key == key) before = setting_json(s);
    Setting s = ensure(set_int(ctx.conn(), key, value));
    ctx.audit.target = "setting:" + key;
    ctx.audit.before = before;
    ctx.audit.after = setting_json(s);
    return json_response(200, setting_json(s));
  }, {.action = "settings.update"});
}

}  // namespace lx::settings
