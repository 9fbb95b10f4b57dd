// Routes of the party org tree and the warnings.
#include "modules/partyorg/routes.hpp"

#include <algorithm>

#include "modules/partyorg/present.hpp"
#include "modules/partyorg/routes_util.hpp"

namespace lx::partyorg {
namespace {

using namespace lx::http;
using web::actor;

PartyOrgInput party_org_input(const json::object& b) {
  PartyOrgInput in;
  auto text = [&](const char* f, std::size_t max) { return opt_string(b, f, max); };
  auto field_text = [&](const char* f) -> Field<std::string> {
    if (!has(b, f)) return std::nullopt;
    return opt_string(b, f, 100);
  };
  auto field_int = [&](const char* f) -> Field<std::int64_t> {
    if (!has(b, f)) return std::nullopt;
    return opt_int(b, f);
  };
  in.parent_id = field_int("parent_id");
  in.name = text("name", 400);
  in.type = text("type", 40);
  in.founded_on = text("founded_on", 40);
  in.role = field_text("role");
  in.formation = field_text("formation");
  in.end_date = field_text("end_date");
  in.term_start = field_text("term_start");
  in.area_id = field_int("area_id");
  in.term_years = field_int("term_years");
  in.declared_members = field_int("declared_members");
  in.declared_full_members = field_int("declared_full_members");
  in.temporary = opt_bool(b, "temporary");
  in.weak = opt_bool(b, "weak");
  return in;
}

std::string target(std::int64_t id) { return "party_org:" + std::to_string(id); }

json::array warnings_array(const std::vector<Warning>& ws) {
  json::array out;
  for (const auto& w : ws) out.push_back(warning_json(w));
  return out;
}

Response detail(Ctx& ctx) {
  const Actor a = actor(ctx);
  const auto id = ctx.id_param();
  PartyOrg p = ensure(get_party_org(ctx.conn(), a, id));
  const std::string d = today();
  p.covered_orgs = repo::count_covered(ctx.conn(), id, d);
  p.children = static_cast<std::int64_t>(repo::live_child_types(ctx.conn(), id, d).size());
  json::object o = party_org_json(p, d);
  json::array coverage, committee, assignments, mass;
  for (const auto& l : ensure(coverage_of(ctx.conn(), a, id, false))) coverage.push_back(coverage_json(l));
  for (const auto& x : ensure(committee_of(ctx.conn(), a, id, false))) committee.push_back(post_json(x));
  repo::WorkFilter f;
  f.party_org_id = id;
  for (const auto& x : ensure(list_assignments(ctx.conn(), a, f))) assignments.push_back(assignment_json(x));
  for (const auto& x : ensure(list_mass_orgs(ctx.conn(), a, f))) mass.push_back(mass_org_json(x));
  o["coverage"] = std::move(coverage);
  o["committee"] = std::move(committee);
  o["assignments"] = std::move(assignments);
  o["mass_orgs"] = std::move(mass);
  o["warnings"] = warnings_array(ensure(warnings_of(ctx.conn(), a, id)));
  return json_response(200, o);
}

}  // namespace

void register_routes(Router& router) {
  router.add(Verb::get, "/api/v1/party-orgs/vocabulary", "partyorg.read",
             [](Ctx&) { return json_response(200, vocabulary_json()); });

  router.add(Verb::get, "/api/v1/party-orgs", "partyorg.read", [](Ctx& ctx) {
    repo::ListFilter f;
    f.parent_id = web::query_id(ctx, "parent_id");
    if (auto t = ctx.query("type")) {
      auto code = parse_type(*t);
      if (!code) throw ApiError(400, "invalid_value", "组织类型无效", "type");
      f.type = *code;
    }
    if (auto t = ctx.query("formation")) {
      auto code = parse_formation(*t);
      if (!code) throw ApiError(400, "invalid_value", "组建方式无效", "formation");
      f.formation = *code;
    }
    f.q = ctx.query("q").value_or("");
    f.include_dissolved = web::include_ended(ctx);
    f.today = today();
    const bool paged = ctx.query("page") || ctx.query("size");
    if (paged) std::tie(f.page, f.size) = ctx.paging();
    auto [items, total] = ensure(list_party_orgs(ctx.conn(), actor(ctx), f));
    json::array out;
    for (const auto& p : items) out.push_back(party_org_json(p, f.today));
    return json_response(200, json::object{{"items", out},
                                           {"total", total},
                                           {"page", f.page},
                                           {"size", paged ? f.size : total}});
  });

  router.add(Verb::get, "/api/v1/party-orgs/{id}", "partyorg.read", detail);

  router.add(Verb::post, "/api/v1/party-orgs", "partyorg.write", [](Ctx& ctx) {
    PartyOrg p = ensure(create_party_org(ctx.conn(), actor(ctx), party_org_input(ctx.body())));
    auto o = party_org_json(p, today());
    ctx.audit.target = target(p.id);
    ctx.audit.after = o;
    return json_response(201, o);
  }, {.action = "party_org.create"});

  router.add(Verb::patch, "/api/v1/party-orgs/{id}", "partyorg.write", [](Ctx& ctx) {
    const auto id = ctx.id_param();
    const Actor a = actor(ctx);
    PartyOrg before = ensure(get_party_org(ctx.conn(), a, id));
    PartyOrg p = ensure(update_party_org(ctx.conn(), a, id, party_org_input(ctx.body())));
    auto o = party_org_json(p, today());
    ctx.audit.target = target(id);
    ctx.audit.before = party_org_json(before, today());
    ctx.audit.after = o;
    return json_response(200, o);
  }, {.action = "party_org.update"});

  router.add(Verb::post, "/api/v1/party-orgs/{id}/move", "partyorg.write", [](Ctx& ctx) {
    const auto id = ctx.id_param();
    const Actor a = actor(ctx);
    const auto& b = ctx.body();
    if (!has(b, "parent_id")) throw ApiError(400, "missing_field", "缺少必填字段：parent_id", "parent_id");
    PartyOrg before = ensure(get_party_org(ctx.conn(), a, id));
    PartyOrg p = ensure(move_party_org(ctx.conn(), a, id, opt_int(b, "parent_id")));
    ctx.audit.target = target(id);
    ctx.audit.before = json::object{{"parent_id", nullable(before.parent_id)}, {"path", before.path}};
    ctx.audit.after = json::object{{"parent_id", nullable(p.parent_id)}, {"path", p.path}};
    return json_response(200, party_org_json(p, today()));
  }, {.action = "party_org.move"});

  router.add(Verb::post, "/api/v1/party-orgs/{id}/dissolve", "partyorg.write", [](Ctx& ctx) {
    const auto id = ctx.id_param();
    const std::string on = req_string(ctx.body(), "dissolved_on", 40);
    PartyOrg p = ensure(dissolve_party_org(ctx.conn(), actor(ctx), id, on));
    ctx.audit.target = target(id);
    ctx.audit.after = json::object{{"dissolved_on", nullable(p.dissolved_on)}};
    return json_response(200, party_org_json(p, today()));
  }, {.action = "party_org.dissolve"});

  router.add(Verb::get, "/api/v1/party-orgs/{id}/warnings", "partyorg.read", [](Ctx& ctx) {
    auto ws = ensure(warnings_of(ctx.conn(), actor(ctx), ctx.id_param()));
    return json_response(200, json::object{{"items", warnings_array(ws)}});
  });

  router.add(Verb::get, "/api/v1/warnings", "partyorg.read", [](Ctx& ctx) {
    const std::string rule = ctx.query("rule").value_or("");
    static const std::vector<std::string> kRules = {"R-ORG-1", "R-ORG-2", "R-ORG-3", "R-ORG-4", "R-ORG-5", "R-ORG-6"};
    if (!rule.empty() && std::find(kRules.begin(), kRules.end(), rule) == kRules.end())
      throw ApiError(400, "invalid_value", "规则编号应为 R-ORG-1 至 R-ORG-6", "rule");
    auto ws = warnings_in_scope(ctx.conn(), actor(ctx), rule);
    const auto total = static_cast<std::int64_t>(ws.size());
    const bool paged = ctx.query("page") || ctx.query("size");
    auto [page, size] = paged ? ctx.paging() : std::pair<std::int64_t, std::int64_t>{1, std::max<std::int64_t>(total, 1)};
    json::array out;
    for (std::int64_t k = (page - 1) * size; k < total && k < page * size; ++k)
      out.push_back(scoped_warning_json(ws[static_cast<std::size_t>(k)]));
    return json_response(200, json::object{{"items", out}, {"total", total}, {"page", page}, {"size", size}});
  });

  router.add(Verb::get, "/api/v1/warnings/should-build", "partyorg.read", [](Ctx& ctx) {
    json::array out;
    for (const auto& o : should_build(ctx.conn(), actor(ctx))) {
      const Warning w = should_build_warning(o.declared_members.value_or(0));
      json::object j = org_json(o);
      j["org_id"] = o.id;
      j["org_name"] = o.name;
      j["full_members"] = o.declared_members.value_or(0);
      j["rule"] = w.rule;
      j["message"] = w.message;
      out.push_back(std::move(j));
    }
    const auto total = static_cast<std::int64_t>(out.size());
    return json_response(200, json::object{{"items", std::move(out)}, {"total", total}});
  });

  register_link_routes(router);
}

}  // namespace lx::partyorg
