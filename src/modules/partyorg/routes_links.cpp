// Routes of coverage links, committee posts, instructors and liaisons, and
// mass organisations.
#include <algorithm>

#include "modules/partyorg/present.hpp"
#include "modules/partyorg/routes.hpp"
#include "modules/partyorg/routes_util.hpp"

namespace lx::partyorg {
namespace {

using namespace lx::http;
using web::actor;

std::string target(const char* kind, std::int64_t id) { return std::string(kind) + ":" + std::to_string(id); }

repo::WorkFilter work_filter(Ctx& ctx, const char* kind_param) {
  repo::WorkFilter f;
  f.org_id = web::query_id(ctx, "org_id");
  f.party_org_id = web::query_id(ctx, "party_org_id");
  f.include_ended = web::include_ended(ctx);
  if (auto k = ctx.query(kind_param)) {
    auto code = std::string(kind_param) == "role" ? parse_assignment_role(*k) : parse_mass_org_type(*k);
    if (!code) throw ApiError(400, "invalid_value", "参数 " + std::string(kind_param) + " 无效", kind_param);
    f.kind = *code;
  }
  f.today = today();
  return f;
}

// A list answer: every item, or one page of them when page or size is asked for.
template <typename T, typename F>
Response items(Ctx& ctx, const std::vector<T>& xs, F to_json) {
  const auto total = static_cast<std::int64_t>(xs.size());
  const bool paged = ctx.query("page") || ctx.query("size");
  auto [page, size] = paged ? ctx.paging() : std::pair<std::int64_t, std::int64_t>{1, std::max<std::int64_t>(total, 1)};
  json::array out;
  for (std::int64_t k = (page - 1) * size; k < total && k < page * size; ++k)
    out.push_back(to_json(xs[static_cast<std::size_t>(k)]));
  return json_response(200, json::object{{"items", std::move(out)}, {"total", total}, {"page", page}, {"size", size}});
}

}  // namespace

void register_link_routes(Router& router) {
  // ---- coverage (组织覆盖)
  router.add(Verb::get, "/api/v1/party-orgs/{id}/coverage", "partyorg.read", [](Ctx& ctx) {
    const bool all = web::include_ended(ctx);
    return items(ctx, ensure(coverage_of(ctx.conn(), actor(ctx), ctx.id_param(), all)), coverage_json);
  });

  router.add(Verb::post, "/api/v1/party-orgs/{id}/coverage", "partyorg.write", [](Ctx& ctx) {
    const auto id = ctx.id_param();
    const auto& b = ctx.body();
    const std::int64_t org_id = req_int(b, "org_id");
    auto added = ensure(add_coverage(ctx.conn(), actor(ctx), id, org_id, web::date_or_today(b, "valid_from")));
    json::object o = coverage_json(added.link);
    json::array ws;
    for (const auto& w : added.warnings) ws.push_back(warning_json(w));
    o["warnings"] = std::move(ws);
    ctx.audit.target = target("coverage", added.link.id);
    ctx.audit.after = coverage_json(added.link);
    return json_response(201, o);
  }, {.action = "coverage.create"});

  router.add(Verb::post, "/api/v1/coverage/{id}/end", "partyorg.write", [](Ctx& ctx) {
    const auto id = ctx.id_param();
    auto link = ensure(end_coverage(ctx.conn(), actor(ctx), id, web::date_or_today(ctx.body(), "valid_to")));
    ctx.audit.target = target("coverage", id);
    ctx.audit.after = coverage_json(link);
    return json_response(200, coverage_json(link));
  }, {.action = "coverage.end"});

  // ---- committee posts
  router.add(Verb::get, "/api/v1/party-orgs/{id}/committee", "partyorg.read", [](Ctx& ctx) {
    const bool all = web::include_ended(ctx);
    return items(ctx, ensure(committee_of(ctx.conn(), actor(ctx), ctx.id_param(), all)), post_json);
  });

  router.add(Verb::post, "/api/v1/party-orgs/{id}/committee", "partyorg.committee", [](Ctx& ctx) {
    const auto id = ctx.id_param();
    const auto& b = ctx.body();
    PostInput in;
    in.post = req_string(b, "post", 40);
    in.person_name = req_string(b, "person_name", 200);
    in.valid_from = web::date_or_today(b, "valid_from");
    in.valid_to = opt_string(b, "valid_to", 40);
    auto p = ensure(add_post(ctx.conn(), actor(ctx), id, in));
    ctx.audit.target = target("committee_post", p.id);
    ctx.audit.after = post_json(p);
    return json_response(201, post_json(p));
  }, {.action = "committee_post.create"});

  router.add(Verb::post, "/api/v1/committee-posts/{id}/end", "partyorg.committee", [](Ctx& ctx) {
    const auto id = ctx.id_param();
    auto p = ensure(end_post(ctx.conn(), actor(ctx), id, web::date_or_today(ctx.body(), "valid_to")));
    ctx.audit.target = target("committee_post", id);
    ctx.audit.after = post_json(p);
    return json_response(200, post_json(p));
  }, {.action = "committee_post.end"});

  // ---- instructors and liaisons
  router.add(Verb::get, "/api/v1/assignments", "partyorg.read", [](Ctx& ctx) {
    return items(ctx, ensure(list_assignments(ctx.conn(), actor(ctx), work_filter(ctx, "role"))), assignment_json);
  });

  router.add(Verb::post, "/api/v1/assignments", "partyorg.write", [](Ctx& ctx) {
    const auto& b = ctx.body();
    AssignmentInput in;
    in.person_name = req_string(b, "person_name", 200);
    in.phone = req_string(b, "phone", 40);
    in.role = req_string(b, "role", 40);
    in.org_id = req_int(b, "org_id");
    in.valid_from = web::date_or_today(b, "valid_from");
    in.valid_to = opt_string(b, "valid_to", 40);
    auto x = ensure(add_assignment(ctx.conn(), actor(ctx), ctx.pii, in));
    ctx.audit.target = target("assignment", x.id);
    ctx.audit.after = assignment_json(x);   // the phone only masked
    return json_response(201, assignment_json(x));
  }, {.action = "assignment.create"});

  router.add(Verb::post, "/api/v1/assignments/{id}/end", "partyorg.write", [](Ctx& ctx) {
    const auto id = ctx.id_param();
    auto x = ensure(end_assignment(ctx.conn(), actor(ctx), id, web::date_or_today(ctx.body(), "valid_to")));
    ctx.audit.target = target("assignment", id);
    ctx.audit.after = assignment_json(x);
    return json_response(200, assignment_json(x));
  }, {.action = "assignment.end"});

  // The plain phone, for those who may change assignments; every view audited.
  router.add(Verb::post, "/api/v1/assignments/{id}/reveal-phone", "partyorg.write", [](Ctx& ctx) {
    const auto id = ctx.id_param();
    std::string phone = ensure(reveal_assignment_phone(ctx.conn(), actor(ctx), ctx.pii, id));
    ctx.audit.target = target("assignment", id);
    ctx.audit.after = json::object{{"revealed", "phone"}};
    return json_response(200, json::object{{"id", id}, {"phone", phone}});
  }, {.action = "assignment.reveal_phone"});

  // ---- mass organisations
  router.add(Verb::get, "/api/v1/mass-orgs", "partyorg.read", [](Ctx& ctx) {
    return items(ctx, ensure(list_mass_orgs(ctx.conn(), actor(ctx), work_filter(ctx, "type"))), mass_org_json);
  });

  router.add(Verb::post, "/api/v1/mass-orgs", "partyorg.write", [](Ctx& ctx) {
    const auto& b = ctx.body();
    const std::int64_t org_id = req_int(b, "org_id");
    const std::string type = req_string(b, "type", 40);
    auto m = ensure(add_mass_org(ctx.conn(), actor(ctx), org_id, type, opt_string(b, "founded_on", 40)));
    ctx.audit.target = target("mass_org", m.id);
    ctx.audit.after = mass_org_json(m);
    return json_response(201, mass_org_json(m));
  }, {.action = "mass_org.create"});

  router.add(Verb::post, "/api/v1/mass-orgs/{id}/dissolve", "partyorg.write", [](Ctx& ctx) {
    const auto id = ctx.id_param();
    auto m = ensure(dissolve_mass_org(ctx.conn(), actor(ctx), id, req_string(ctx.body(), "dissolved_on", 40)));
    ctx.audit.target = target("mass_org", id);
    ctx.audit.after = mass_org_json(m);
    return json_response(200, mass_org_json(m));
  }, {.action = "mass_org.dissolve"});
}

}  // namespace lx::partyorg
