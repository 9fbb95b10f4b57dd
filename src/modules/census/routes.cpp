#include "modules/census/routes.hpp"

#include <functional>
#include <map>
#include <set>

#include "http/context.hpp"
#include "http/json.hpp"
#include "modules/census/repo.hpp"
#include "modules/census/rules.hpp"
#include "modules/census/service.hpp"
#include "modules/census/views.hpp"

namespace lx::census {
namespace {

using namespace lx::http;

// Today and the staleness setting of one request.
struct Now {
  core::Date today;
  int months;
  repo::View view;
};
Now now_of(Ctx& ctx) {
  const core::Date today = core::today_shanghai();
  return Now{today, stale_months(ctx.conn()), view_of(ctx.scope, today)};
}

json::value page_json(const Now& n, const std::vector<Org>& orgs, std::int64_t total, const repo::OrgFilter& f) {
  json::array items;
  for (const auto& o : orgs) items.push_back(org_json(o, n.today, n.months));
  return json::object{{"items", items}, {"total", total}, {"page", f.page}, {"size", f.size}};
}

json::array history_json(Ctx& ctx, std::int64_t id) {
  json::array out;
  auto rows = repo::history(ctx.conn(), "org:" + std::to_string(id), 100);
  for (std::size_t k = 0; k < rows.size(); ++k) {
    json::value detail = nullptr;
    if (auto d = rows.opt_s(k, 3); d && !d->empty()) {
      boost::system::error_code ec;
      detail = json::parse(*d, ec);
      if (ec) detail = *d;
    }
    out.push_back(json::object{{"at", rows.s(k, 0)}, {"login", rows.s(k, 1)}, {"action", rows.s(k, 2)}, {"detail", detail}});
  }
  return out;
}

void audit_org(Ctx& ctx, const Saved& s) {
  ctx.audit.target = "org:" + std::to_string(s.after.id);
  ctx.audit.before = org_record_json(s.before);
  ctx.audit.after = org_record_json(s.after);
}

json::array choices_json(const std::vector<Choice>& list) {
  json::array out;
  for (const auto& c : list) out.push_back(json::object{{"code", c.code}, {"name", c.name}});
  return out;
}

void register_area_routes(Router& router) {
  router.add(Verb::get, "/api/v1/areas", "census.read", [](Ctx& ctx) {
    auto areas = visible_areas(ctx.conn(), ctx.scope);
    const bool tree = ctx.query("format").value_or("flat") == "tree";
    if (!tree) {
      json::array items;
      for (const auto& a : areas)
        if (!ctx.query("level") || a.level == *ctx.query("level")) items.push_back(area_json(a));
      return json_response(200, json::object{{"items", items}});
    }
    std::map<std::int64_t, std::vector<const Area*>> kids;
    std::set<std::int64_t> ids;
    for (const auto& a : areas) ids.insert(a.id);
    json::array roots;
    for (const auto& a : areas)
      if (a.parent_id && ids.count(*a.parent_id)) kids[*a.parent_id].push_back(&a);
    std::function<json::object(const Area&)> node = [&](const Area& a) {
      json::object j = area_json(a);
      json::array children;
      for (const Area* k : kids[a.id]) children.push_back(node(*k));
      j["children"] = std::move(children);
      return j;
    };
    for (const auto& a : areas)
      if (!a.parent_id || !ids.count(*a.parent_id)) roots.push_back(node(a));
    return json_response(200, json::object{{"items", roots}});
  });

  router.add(Verb::get, "/api/v1/areas/stale-summary", "census.read", [](Ctx& ctx) {
    Now n = now_of(ctx);
    json::array items;
    for (const auto& s : stale_summary(ctx.conn(), n.view, n.months))  // R-CEN-2
      items.push_back(json::object{{"area_id", s.street.id}, {"name", s.street.name}, {"code", s.street.code},
                                   {"total", s.total}, {"stale", s.stale}});
    return json_response(200, json::object{{"items", items}, {"stale_months", n.months},
                                           {"cutoff", core::to_iso(stale_cutoff(n.today, n.months))}});
  });

  router.add(Verb::post, "/api/v1/areas", "area.manage", [](Ctx& ctx) {
    Area a = ensure(create_area(ctx.conn(), ctx.scope, area_input(ctx.body())));
    ctx.audit.target = "area:" + std::to_string(a.id);
    ctx.audit.after = area_json(a);
    return json_response(201, area_json(a));
  }, {.action = "area.create"});

  router.add(Verb::patch, "/api/v1/areas/{id}", "area.manage", [](Ctx& ctx) {
    const auto id = ctx.id_param();
    Area before = ensure(get_area(ctx.conn(), ctx.scope, id));
    Area a = ensure(update_area(ctx.conn(), ctx.scope, id, area_input(ctx.body())));
    ctx.audit.target = "area:" + std::to_string(id);
    ctx.audit.before = area_json(before);
    ctx.audit.after = area_json(a);
    return json_response(200, area_json(a));
  }, {.action = "area.update"});

  router.add(Verb::delete_, "/api/v1/areas/{id}", "area.manage", [](Ctx& ctx) {
    const auto id = ctx.id_param();
    Area a = ensure(delete_area(ctx.conn(), ctx.scope, id));
    ctx.audit.target = "area:" + std::to_string(id);
    ctx.audit.before = area_json(a);
    Response r;
    r.status = 204;
    return r;
  }, {.action = "area.delete"});
}

void register_org_routes(Router& router) {
  router.add(Verb::get, "/api/v1/census/dictionaries", "census.read", [](Ctx&) {
    json::array subs;
    for (const auto& s : sub_kinds()) subs.push_back(json::object{{"name", s.name}, {"kind", s.kind}});
    return json_response(200, json::object{{"kinds", choices_json(kinds())},
                                           {"sub_kinds", subs},
                                           {"industries", choices_json(industries())},
                                           {"operating_statuses", choices_json(operating_statuses())}});
  });

  router.add(Verb::get, "/api/v1/orgs", "census.read", [](Ctx& ctx) {
    Now n = now_of(ctx);
    repo::OrgFilter f = org_filter(ctx, n.months, n.today);
    auto [orgs, total] = census::list_orgs(ctx.conn(), n.view, f);
    return json_response(200, page_json(n, orgs, total, f));
  });

  // R-CEN-2: the stale records of an area (registered before /orgs/{id}).
  router.add(Verb::get, "/api/v1/orgs/stale", "census.read", [](Ctx& ctx) {
    Now n = now_of(ctx);
    repo::OrgFilter f = org_filter(ctx, n.months, n.today);
    f.stale = true;
    if (!ctx.query("sort")) f.sort = "verified_on";
    auto [orgs, total] = census::list_orgs(ctx.conn(), n.view, f);
    return json_response(200, page_json(n, orgs, total, f));
  });

  router.add(Verb::get, "/api/v1/orgs/{id}", "census.read", [](Ctx& ctx) {
    Now n = now_of(ctx);
    const auto id = ctx.id_param();
    Org o = ensure(get_org(ctx.conn(), n.view, id));
    json::object j = org_json(o, n.today, n.months);
    json::array covering;
    for (const auto& name : covering_party_orgs(ctx.conn(), id, n.view.today)) covering.push_back(json::string(name));
    j["covered_by"] = covering;
    j["history"] = history_json(ctx, id);
    return json_response(200, j);
  });

  router.add(Verb::post, "/api/v1/orgs", "census.write", [](Ctx& ctx) {
    Now n = now_of(ctx);
    Org o = ensure(create_org(ctx.conn(), ctx.pii, n.view, org_input(ctx.body())));
    ctx.audit.target = "org:" + std::to_string(o.id);
    ctx.audit.after = org_record_json(o);
    return json_response(201, org_json(o, n.today, n.months));
  }, {.action = "org.create"});

  router.add(Verb::patch, "/api/v1/orgs/{id}", "census.write", [](Ctx& ctx) {
    Now n = now_of(ctx);
    const auto id = ctx.id_param();
    Saved s = ensure(update_org(ctx.conn(), ctx.pii, n.view, id, org_input(ctx.body())));
    audit_org(ctx, s);
    return json_response(200, org_json(s.after, n.today, n.months));
  }, {.action = "org.update"});

  router.add(Verb::post, "/api/v1/orgs/{id}/close", "census.write", [](Ctx& ctx) {
    Now n = now_of(ctx);
    const auto id = ctx.id_param();
    const std::string closed_on = req_string(ctx.body(), "closed_on", 100);
    Saved s = ensure(close_org(ctx.conn(), n.view, id, closed_on));
    audit_org(ctx, s);
    return json_response(200, org_json(s.after, n.today, n.months));
  }, {.action = "org.close"});

  router.add(Verb::post, "/api/v1/orgs/{id}/verify", "census.write", [](Ctx& ctx) {
    Now n = now_of(ctx);
    const auto id = ctx.id_param();
    std::optional<std::string> on;
    if (!ctx.req.raw.body().empty()) on = opt_string(ctx.body(), "verified_on", 100);
    Saved s = ensure(verify_org(ctx.conn(), n.view, id, on));
    audit_org(ctx, s);
    return json_response(200, org_json(s.after, n.today, n.months));
  }, {.action = "org.verify"});

  // R-ID-4: the plain phone, for those who may change the census; every view audited.
  router.add(Verb::post, "/api/v1/orgs/{id}/reveal-phone", "census.write", [](Ctx& ctx) {
    Now n = now_of(ctx);
    const auto id = ctx.id_param();
    std::string phone = ensure(reveal_phone(ctx.conn(), ctx.pii, n.view, id));
    ctx.audit.target = "org:" + std::to_string(id);
    ctx.audit.after = json::object{{"revealed", "contact_phone"}};
    return json_response(200, json::object{{"id", id}, {"contact_phone", phone}});
  }, {.action = "org.reveal_phone"});
}

}  // namespace

void register_routes(Router& router) {
  register_area_routes(router);
  register_org_routes(router);
}

}  // namespace lx::census
