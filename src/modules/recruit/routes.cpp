// Routes of the recruitment pipeline: create an applicant, one POST per step
// with the facts it needs, the list per party org with next steps and due
// days, the overdue list (R-REC-8), a person's timeline, and the pipeline
// counts per stage on a date with their records.
#include "modules/recruit/routes.hpp"

#include "http/context.hpp"
#include "http/json.hpp"
#include "modules/partyorg/routes_util.hpp"
#include "modules/recruit/present.hpp"
#include "modules/recruit/service.hpp"
#include "modules/stats/service.hpp"

namespace lx::recruit {
namespace {

using namespace lx::http;

Actor actor(Ctx& ctx) { return Actor{ctx.me().role, ctx.scope, ctx.me().login}; }

member::PersonInput person_input(const json::object& b) {
  member::PersonInput in;
  in.name = opt_string(b, "name", 200);
  in.id_number = opt_string(b, "id_number", 60);
  in.gender = opt_string(b, "gender", 20);
  in.birth_date = opt_string(b, "birth_date", 40);
  if (has(b, "ethnicity")) in.ethnicity = std::optional<std::string>(opt_string(b, "ethnicity", 40));
  if (has(b, "education")) in.education = std::optional<std::string>(opt_string(b, "education", 40));
  if (has(b, "phone")) in.phone = std::optional<std::string>(opt_string(b, "phone", 40));
  if (has(b, "workplace_org_id")) in.workplace_org_id = std::optional<std::int64_t>(opt_int(b, "workplace_org_id"));
  in.mobile = opt_bool(b, "mobile");
  return in;
}

// A number field (days, class hours): nullopt when absent or null.
std::optional<double> opt_number(const json::object& b, const char* field) {
  auto it = b.find(field);
  if (it == b.end() || it->value().is_null()) return std::nullopt;
  const auto& v = it->value();
  if (v.is_int64()) return static_cast<double>(v.as_int64());
  if (v.is_uint64()) return static_cast<double>(v.as_uint64());
  if (v.is_double()) return v.as_double();
  throw ApiError(400, "invalid_value", std::string("字段 ") + field + " 应为数字", field);
}

AssemblyInput assembly_input(const json::object& b, const char* date_field) {
  AssemblyInput in;
  in.on = req_string(b, date_field, 40);
  in.vote.entitled = req_int(b, "entitled");
  in.vote.present = req_int(b, "present");
  in.vote.in_favour = req_int(b, "in_favour");
  return in;
}

std::vector<std::int64_t> sponsor_ids(const json::object& b) {
  auto it = b.find("sponsor_ids");
  if (it == b.end() || !it->value().is_array())
    throw ApiError(400, "missing_field", "请填写培养联系人 sponsor_ids（一至两名正式党员）", "sponsor_ids");
  std::vector<std::int64_t> out;
  for (const auto& x : it->value().as_array()) {
    if (!x.is_int64() || x.as_int64() <= 0) throw ApiError(400, "invalid_value", "培养联系人编号无效", "sponsor_ids");
    out.push_back(x.as_int64());
  }
  return out;
}

std::string date_query(Ctx& ctx, const char* name) {
  auto v = ctx.query(name);
  if (!v) return core::to_iso(core::today_shanghai());
  auto d = core::parse_date(*v);
  if (!d) throw ApiError(400, "invalid_date", std::string("参数 ") + name + " 不是有效日期：" + d.error().message, name);
  return core::to_iso(*d);
}

Response answer(Ctx& ctx, const Detail& d, int status = 200) {
  const auto today = core::today_shanghai();
  ctx.audit.target = "recruit:" + std::to_string(d.recruit.id);
  ctx.audit.after = recruit_json(d.recruit, today);
  return json_response(status, detail_json(d, today));
}

json::object list_answer(const std::pair<std::vector<Recruit>, std::int64_t>& rows, std::int64_t page,
                         std::int64_t size) {
  const auto today = core::today_shanghai();
  json::array items;
  for (const auto& r : rows.first) items.push_back(recruit_json(r, today));
  return json::object{{"items", std::move(items)}, {"total", rows.second}, {"page", page}, {"size", size}};
}

// A step route: POST /api/v1/recruits/{id}/<name>, audited as recruit.<name>.
template <typename F>
void step(Router& router, const std::string& name, F f) {
  router.add(Verb::post, "/api/v1/recruits/{id}/" + name, "recruit.write", [f](Ctx& ctx) {
    const auto id = ctx.id_param();
    return answer(ctx, ensure(f(ctx, id, ctx.body())));
  }, {.action = "recruit." + name});
}

void pipeline_routes(Router& router) {
  router.add(Verb::get, "/api/v1/recruits", "recruit.read", [](Ctx& ctx) {
    repo::ListFilter f;
    f.party_org_id = partyorg::web::query_id(ctx, "party_org_id");
    f.stage = ctx.query("stage").value_or("");
    f.include_closed = partyorg::web::include_ended(ctx) || partyorg::web::query_flag(ctx, "include_closed");
    std::tie(f.page, f.size) = ctx.paging();
    return json_response(200, list_answer(ensure(list_recruits(ctx.conn(), actor(ctx), f)), f.page, f.size));
  });

  // R-REC-8: those whose next step is past its due day.
  router.add(Verb::get, "/api/v1/recruits/overdue", "recruit.read", [](Ctx& ctx) {
    repo::ListFilter f;
    f.party_org_id = partyorg::web::query_id(ctx, "party_org_id");
    f.overdue_on = core::to_iso(core::today_shanghai());
    std::tie(f.page, f.size) = ctx.paging();
    return json_response(200, list_answer(ensure(list_recruits(ctx.conn(), actor(ctx), f)), f.page, f.size));
  });

  router.add(Verb::get, "/api/v1/recruits/{id}", "recruit.read", [](Ctx& ctx) {
    return json_response(200, detail_json(ensure(get_recruit(ctx.conn(), actor(ctx), ctx.id_param())),
                                          core::today_shanghai()));
  });

  router.add(Verb::post, "/api/v1/recruits", "recruit.write", [](Ctx& ctx) {
    const auto& b = ctx.body();
    ApplicantInput in;
    in.person = person_input(b);
    in.party_org_id = req_int(b, "party_org_id");
    in.applied_on = req_string(b, "applied_on", 40);
    return answer(ctx, ensure(create_applicant(ctx.conn(), actor(ctx), ctx.pii, in)), 201);
  }, {.action = "recruit.create"});

  step(router, "talk", [](Ctx& ctx, std::int64_t id, const json::object& b) {
    return record_talk(ctx.conn(), actor(ctx), id, req_string(b, "talk_on", 40), opt_string(b, "talk_by", 100));
  });
  step(router, "activist", [](Ctx& ctx, std::int64_t id, const json::object& b) {
    return make_activist(ctx.conn(), actor(ctx), id, req_string(b, "decided_on", 40), sponsor_ids(b));
  });
  step(router, "reviews", [](Ctx& ctx, std::int64_t id, const json::object& b) {
    return add_review(ctx.conn(), actor(ctx), id, req_string(b, "reviewed_on", 40), opt_string(b, "note", 500));
  });
  step(router, "candidate", [](Ctx& ctx, std::int64_t id, const json::object& b) {
    return make_candidate(ctx.conn(), actor(ctx), id, req_string(b, "decided_on", 40));
  });
  step(router, "political-review", [](Ctx& ctx, std::int64_t id, const json::object& b) {
    return record_political_review(ctx.conn(), actor(ctx), id, req_string(b, "reviewed_on", 40),
                                   req_bool(b, "passed"));
  });
  step(router, "training", [](Ctx& ctx, std::int64_t id, const json::object& b) {
    return record_training(ctx.conn(), actor(ctx), id, req_string(b, "finished_on", 40), opt_number(b, "days"),
                           opt_number(b, "hours"));
  });
  step(router, "admit", [](Ctx& ctx, std::int64_t id, const json::object& b) {
    return record_admission(ctx.conn(), actor(ctx), id, assembly_input(b, "assembly_on"));
  });
  step(router, "approve", [](Ctx& ctx, std::int64_t id, const json::object& b) {
    return approve_admission(ctx.conn(), actor(ctx), id, req_string(b, "approved_on", 40),
                             opt_bool(b, "special").value_or(false));
  });
  step(router, "oath", [](Ctx& ctx, std::int64_t id, const json::object& b) {
    return record_oath(ctx.conn(), actor(ctx), id, req_string(b, "oath_on", 40));
  });
  step(router, "confirm", [](Ctx& ctx, std::int64_t id, const json::object& b) {
    return confirm(ctx.conn(), actor(ctx), id, assembly_input(b, "decided_on"), req_string(b, "approved_on", 40));
  });
  step(router, "extend", [](Ctx& ctx, std::int64_t id, const json::object& b) {
    return extend(ctx.conn(), actor(ctx), id, assembly_input(b, "decided_on"), req_string(b, "new_end", 40));
  });
  step(router, "cancel", [](Ctx& ctx, std::int64_t id, const json::object& b) {
    return cancel(ctx.conn(), actor(ctx), id, assembly_input(b, "decided_on"), req_string(b, "reason", 500));
  });
  step(router, "withdraw", [](Ctx& ctx, std::int64_t id, const json::object& b) {
    return withdraw(ctx.conn(), actor(ctx), id, req_string(b, "on", 40), req_string(b, "reason", 500));
  });
}

void stats_routes(Router& router) {
  // STATS.md "Pipeline on d".
  router.add(Verb::get, "/api/v1/stats/recruitment", "stats.read", [](Ctx& ctx) {
    auto scope = ensure(stats::resolve_scope(ctx.conn(), ctx.scope, ctx.query("scope").value_or("")));
    json::object o = pipeline_counts(ctx.conn(), scope, *core::parse_date(date_query(ctx, "date")));
    o["scope"] = json::object{{"kind", scope.kind == Scope::Kind::all         ? "all"
                                       : scope.kind == Scope::Kind::party_org ? "party_org"
                                                                              : "area"},
                              {"id", scope.id},
                              {"name", scope.name}};
    return json_response(200, o);
  });

  // The records behind a figure: stage = applicant / activist / candidate / probationary (on date) or overdue (today).
  router.add(Verb::get, "/api/v1/stats/recruitment/records", "recruit.read", [](Ctx& ctx) {
    auto scope = ensure(stats::resolve_scope(ctx.conn(), ctx.scope, ctx.query("scope").value_or("")));
    auto stage = ctx.query("stage");
    if (!stage) throw ApiError(400, "missing_field", "缺少参数 stage", "stage");
    auto [page, size] = ctx.paging();
    const std::string d = date_query(ctx, "date");
    json::object o = list_answer(
        ensure(pipeline_records(ctx.conn(), scope, *core::parse_date(d), *stage, page, size)), page, size);
    o["stage"] = *stage;
    o["date"] = d;
    return json_response(200, o);
  });
}

}  // namespace

void register_routes(Router& router) {
  pipeline_routes(router);
  stats_routes(router);
}

}  // namespace lx::recruit
