// HTTP routes of the member module: member records (/api/v1/members), the
// reveal of ID numbers and phones, transfers (/api/v1/transfers), orgs with
// unregistered members, and the member figures under /api/v1/stats/.
#include "modules/member/routes.hpp"

#include "http/context.hpp"
#include "http/json.hpp"
#include "modules/account/service.hpp"
#include "modules/member/present.hpp"
#include "modules/member/service.hpp"
#include "modules/partyorg/routes_util.hpp"
#include "modules/stats/service.hpp"

namespace lx::member {
namespace {

using namespace lx::http;

Actor actor(Ctx& ctx) { return Actor{ctx.me().role, ctx.scope, ctx.me().login}; }

std::string target(std::int64_t id) { return "member:" + std::to_string(id); }

// A nullable text field: absent, null (cleared) or a string.
Field<std::string> text_field(const json::object& b, std::string_view name, std::size_t max) {
  if (!has(b, name)) return std::nullopt;
  return std::optional<std::string>(opt_string(b, name, max));
}

PersonInput person_input(const json::object& b) {
  PersonInput in;
  in.name = opt_string(b, "name", 200);
  in.id_number = opt_string(b, "id_number", 60);
  in.gender = opt_string(b, "gender", 20);
  in.birth_date = opt_string(b, "birth_date", 40);
  in.ethnicity = text_field(b, "ethnicity", 40);
  in.education = text_field(b, "education", 40);
  in.phone = text_field(b, "phone", 40);
  if (has(b, "workplace_org_id")) in.workplace_org_id = std::optional<std::int64_t>(opt_int(b, "workplace_org_id"));
  in.mobile = opt_bool(b, "mobile");
  return in;
}

MemberInput member_input(const json::object& b) {
  MemberInput in;
  in.person = person_input(b);
  in.party_org_id = req_int(b, "party_org_id");
  in.status = req_string(b, "status", 40);
  in.admitted_on = req_string(b, "admitted_on", 40);
  in.confirmed_on = opt_string(b, "confirmed_on", 40);
  in.valid_from = opt_string(b, "valid_from", 40);
  return in;
}

json::object detail_answer(Ctx& ctx, const MemberDetail& d) {
  ctx.audit.target = target(d.person.id);
  ctx.audit.after = member_json(MemberRow{d.person, d.membership});   // masked only
  return detail_json(d);
}

std::string date_query(Ctx& ctx, const char* name, const std::string& fallback) {
  auto v = ctx.query(name);
  if (!v) return fallback;
  auto d = core::parse_date(*v);
  if (!d) throw ApiError(400, "invalid_date", std::string("参数 ") + name + " 不是有效日期：" + d.error().message, name);
  return core::to_iso(*d);
}

Scope stats_scope(Ctx& ctx) {
  return ensure(stats::resolve_scope(ctx.conn(), ctx.scope, ctx.query("scope").value_or("")));
}

void member_routes(Router& router) {
  router.add(Verb::get, "/api/v1/members", "member.read", [](Ctx& ctx) {
    ListQuery q;
    q.q = ctx.query("q").value_or("");
    q.status = ctx.query("status").value_or("");
    q.education = ctx.query("education").value_or("");
    q.gender = ctx.query("gender").value_or("");
    q.ethnicity = ctx.query("ethnicity").value_or("");
    q.age_band = ctx.query("age_band").value_or("");
    q.sort = ctx.query("sort").value_or("");
    q.party_org_id = partyorg::web::query_id(ctx, "party_org_id");
    if (ctx.query("mobile")) q.mobile = partyorg::web::query_flag(ctx, "mobile");
    q.include_ended = partyorg::web::include_ended(ctx);
    std::tie(q.page, q.size) = ctx.paging();
    auto [rows, total] = ensure(list_members(ctx.conn(), actor(ctx), ctx.pii, q));
    json::array items;
    for (const auto& r : rows) items.push_back(member_json(r));
    return json_response(200, json::object{{"items", std::move(items)}, {"total", total}, {"page", q.page},
                                           {"size", q.size}});
  });

  router.add(Verb::post, "/api/v1/members", "member.write", [](Ctx& ctx) {
    auto d = ensure(create_member(ctx.conn(), actor(ctx), ctx.pii, member_input(ctx.body())));
    return json_response(201, detail_answer(ctx, d));
  }, {.action = "member.create"});

  router.add(Verb::get, "/api/v1/members/{id}", "member.read", [](Ctx& ctx) {
    return json_response(200, detail_json(ensure(get_member(ctx.conn(), actor(ctx), ctx.id_param()))));
  });

  router.add(Verb::patch, "/api/v1/members/{id}", "member.write", [](Ctx& ctx) {
    const auto id = ctx.id_param();
    auto before = ensure(get_member(ctx.conn(), actor(ctx), id));
    ctx.audit.before = member_json(MemberRow{before.person, before.membership});
    auto d = ensure(update_member(ctx.conn(), actor(ctx), ctx.pii, id, person_input(ctx.body())));
    return json_response(200, detail_answer(ctx, d));
  }, {.action = "member.update"});

  router.add(Verb::post, "/api/v1/members/{id}/confirm", "member.write", [](Ctx& ctx) {
    const auto id = ctx.id_param();
    auto d = ensure(confirm_member(ctx.conn(), actor(ctx), id, partyorg::web::date_or_today(ctx.body(), "date")));
    return json_response(200, detail_answer(ctx, d));
  }, {.action = "member.confirm"});

  router.add(Verb::post, "/api/v1/members/{id}/end", "member.write", [](Ctx& ctx) {
    const auto id = ctx.id_param();
    const auto& b = ctx.body();
    auto d = ensure(end_member(ctx.conn(), actor(ctx), id, partyorg::web::date_or_today(b, "date"),
                               req_string(b, "reason", 40)));
    return json_response(200, detail_answer(ctx, d));
  }, {.action = "member.end"});

  router.add(Verb::post, "/api/v1/members/{id}/posts", "member.write", [](Ctx& ctx) {
    const auto id = ctx.id_param();
    const auto& b = ctx.body();
    auto d = ensure(add_member_post(ctx.conn(), actor(ctx), id, req_string(b, "post", 40),
                                    partyorg::web::date_or_today(b, "valid_from")));
    return json_response(200, detail_answer(ctx, d));
  }, {.action = "member.post"});

  // The member's own account (a user of role member), for the member's pages
  // (my meetings, check-in); user_id null unlinks it.
  router.add(Verb::post, "/api/v1/members/{id}/account", "user.manage", [](Ctx& ctx) {
    const auto id = ctx.id_param();
    const auto& b = ctx.body();
    if (!has(b, "user_id")) throw ApiError(400, "missing_field", "缺少字段 user_id", "user_id");
    std::optional<std::int64_t> user;
    if (!b.at("user_id").is_null()) {
      user = req_int(b, "user_id");
      auto u = account::find_user(ctx.conn(), *user);
      if (!u) throw ApiError(400, "invalid_value", "账号不存在", "user_id");
      if (u->role != core::Role::member) throw ApiError(400, "invalid_value", "只能关联角色为“党员”的账号", "user_id");
    }
    auto d = ensure(link_account(ctx.conn(), actor(ctx), id, user));
    ctx.audit.target = target(id);
    ctx.audit.after = json::object{{"user_id", user ? json::value(*user) : json::value(nullptr)}};
    return json_response(200, detail_json(d));
  }, {.action = "member.account"});

  // The plain ID number or phone (R-ID-4): every view is an audit row.
  router.add(Verb::post, "/api/v1/members/{id}/reveal", "member.reveal", [](Ctx& ctx) {
    const auto id = ctx.id_param();
    const std::string field = opt_string(ctx.body(), "field", 20).value_or("id_number");
    std::string value = ensure(reveal(ctx.conn(), actor(ctx), ctx.pii, id, field));
    ctx.audit.target = target(id);
    ctx.audit.after = json::object{{"revealed", field}};
    return json_response(200, json::object{{"id", id}, {"field", field}, {"value", value}});
  }, {.action = "member.reveal"});

  router.add(Verb::get, "/api/v1/unregistered-members", "member.read", [](Ctx& ctx) {
    json::array items;
    for (const auto& o : unregistered_members(ctx.conn(), actor(ctx)))
      items.push_back(json::object{{"org_id", o.org_id}, {"org_name", o.org_name}, {"uscc", o.uscc},
                                   {"declared", o.declared}, {"recorded", o.recorded},
                                   {"missing", o.declared - o.recorded}});
    const auto total = static_cast<std::int64_t>(items.size());
    return json_response(200, json::object{{"items", std::move(items)}, {"total", total}});
  });
}

void transfer_routes(Router& router) {
  router.add(Verb::get, "/api/v1/transfers", "member.read", [](Ctx& ctx) {
    repo::TransferFilter f;
    f.box = ctx.query("box").value_or("");
    if (!f.box.empty() && f.box != "incoming" && f.box != "outgoing" && f.box != "all")
      throw ApiError(400, "invalid_value", "参数 box 应为 incoming、outgoing 或 all", "box");
    if (f.box == "all") f.box.clear();
    f.status = ctx.query("status").value_or("");
    if (!f.status.empty() && f.status != "pending" && f.status != "accepted" && f.status != "rejected" &&
        f.status != "cancelled" && f.status != "done")
      throw ApiError(400, "invalid_value", "参数 status 无效", "status");
    f.overdue_only = partyorg::web::query_flag(ctx, "overdue");
    f.person_id = partyorg::web::query_id(ctx, "person_id");
    std::tie(f.page, f.size) = ctx.paging();
    auto [items, total] = list_transfers(ctx.conn(), actor(ctx), f);
    json::array out;
    for (const auto& t : items) out.push_back(transfer_json(t));
    return json_response(200, json::object{{"items", std::move(out)}, {"total", total}, {"page", f.page},
                                           {"size", f.size}});
  });

  router.add(Verb::post, "/api/v1/transfers/in", "member.transfer", [](Ctx& ctx) {
    const auto& b = ctx.body();
    MemberInput in = member_input(b);
    in.valid_from = partyorg::web::date_or_today(b, "date");
    auto recorded = record_transfer_in(ctx.conn(), actor(ctx), ctx.pii, in, req_string(b, "from_name", 200),
                                       opt_string(b, "letter_no", 100));
    // The membership starts on the body's `date`: name that field in a refusal.
    if (!recorded && recorded.error().field == "valid_from") {
      Error e = recorded.error();
      e.field = "date";
      throw ApiError(std::move(e));
    }
    auto t = ensure(std::move(recorded));
    ctx.audit.target = "transfer:" + std::to_string(t.id);
    ctx.audit.after = transfer_json(t);
    return json_response(201, transfer_json(t));
  }, {.action = "transfer.in"});

  router.add(Verb::post, "/api/v1/transfers/out", "member.transfer", [](Ctx& ctx) {
    const auto& b = ctx.body();
    auto t = ensure(record_transfer_out(ctx.conn(), actor(ctx), req_int(b, "person_id"), req_string(b, "to_name", 200),
                                        opt_string(b, "letter_no", 100), partyorg::web::date_or_today(b, "date")));
    ctx.audit.target = "transfer:" + std::to_string(t.id);
    ctx.audit.after = transfer_json(t);
    return json_response(201, transfer_json(t));
  }, {.action = "transfer.out"});

  router.add(Verb::post, "/api/v1/transfers", "member.transfer", [](Ctx& ctx) {
    const auto& b = ctx.body();
    auto t = ensure(start_transfer(ctx.conn(), actor(ctx), req_int(b, "person_id"), req_int(b, "to_party_org_id"),
                                   partyorg::web::date_or_today(b, "started_on"), opt_string(b, "note", 2000)));
    ctx.audit.target = "transfer:" + std::to_string(t.id);
    ctx.audit.after = transfer_json(t);
    return json_response(201, transfer_json(t));
  }, {.action = "transfer.start"});

  // Where a transfer may go: every live party org of the system that takes
  // members (not a party group), by name fragment — beyond the sender's own
  // scope, since a member usually moves to another street or district office.
  router.add(Verb::get, "/api/v1/transfers/destinations", "member.transfer", [](Ctx& ctx) {
    partyorg::repo::ListFilter f;
    f.q = ctx.query("q").value_or("");
    f.not_type = "group";
    f.today = today();
    std::tie(f.page, f.size) = ctx.paging();
    json::array items;
    std::int64_t total = 0;
    if (auto list = partyorg::list_party_orgs(ctx.conn(), partyorg::Actor{core::Role::admin, http::Scope{}}, f)) {
      for (const auto& p : list->first) {
        items.push_back(json::object{{"id", p.id}, {"name", p.name}, {"type", p.type}, {"parent_name", p.parent_name}});
      }
      total = list->second;
    }
    return json_response(200, json::object{{"items", std::move(items)}, {"total", total}, {"page", f.page},
                                           {"size", f.size}});
  });

  router.add(Verb::get, "/api/v1/transfers/{id}", "member.read", [](Ctx& ctx) {
    return json_response(200, transfer_json(ensure(get_transfer(ctx.conn(), actor(ctx), ctx.id_param()))));
  });

  router.add(Verb::post, "/api/v1/transfers/{id}/accept", "member.transfer", [](Ctx& ctx) {
    const auto id = ctx.id_param();
    auto t = ensure(accept_transfer(ctx.conn(), actor(ctx), id, partyorg::web::date_or_today(ctx.body(), "date")));
    ctx.audit.target = "transfer:" + std::to_string(id);
    ctx.audit.after = transfer_json(t);
    return json_response(200, transfer_json(t));
  }, {.action = "transfer.accept"});

  router.add(Verb::post, "/api/v1/transfers/{id}/reject", "member.transfer", [](Ctx& ctx) {
    const auto id = ctx.id_param();
    const auto& b = ctx.body();
    auto t = ensure(reject_transfer(ctx.conn(), actor(ctx), id, req_string(b, "reason", 2000),
                                    partyorg::web::date_or_today(b, "date")));
    ctx.audit.target = "transfer:" + std::to_string(id);
    ctx.audit.after = transfer_json(t);
    return json_response(200, transfer_json(t));
  }, {.action = "transfer.reject"});

  router.add(Verb::post, "/api/v1/transfers/{id}/cancel", "member.transfer", [](Ctx& ctx) {
    const auto id = ctx.id_param();
    auto t = ensure(cancel_transfer(ctx.conn(), actor(ctx), id));
    ctx.audit.target = "transfer:" + std::to_string(id);
    ctx.audit.after = transfer_json(t);
    return json_response(200, transfer_json(t));
  }, {.action = "transfer.cancel"});
}

void stats_routes(Router& router) {
  router.add(Verb::get, "/api/v1/stats/members", "stats.read", [](Ctx& ctx) {
    auto scope = stats_scope(ctx);
    return json_response(200, member_structure(ctx.conn(), scope, date_query(ctx, "date", today())));
  });

  router.add(Verb::get, "/api/v1/stats/member-flows", "stats.read", [](Ctx& ctx) {
    auto scope = stats_scope(ctx);
    const std::string to = date_query(ctx, "to", today());
    const std::string from = date_query(ctx, "from", core::to_iso(core::add_days(
                                                         core::first_day_of_year(*core::parse_date(to)), -1)));
    if (to < from) throw ApiError(400, "invalid_date", "截止日期不能早于起始日期", "to");
    return json_response(200, member_flows(ctx.conn(), scope, from, to));
  });

  // The members behind a figure of /stats/members (date) or /stats/member-flows
  // (from, to as date): names and masked IDs, so member.read (not every stats reader).
  router.add(Verb::get, "/api/v1/stats/member-records", "member.read", [](Ctx& ctx) {
    auto scope = stats_scope(ctx);
    auto [page, size] = ctx.paging();
    auto figure = ctx.query("figure");
    if (!figure) throw ApiError(400, "missing_field", "缺少参数 figure", "figure");
    const std::string d = date_query(ctx, "to", date_query(ctx, "date", today()));
    const std::string from = ctx.query("from") ? date_query(ctx, "from", "") : "";
    return json_response(200, ensure(member_records(ctx.conn(), scope, *figure, d, from, page, size)));
  });
}

}  // namespace

void register_routes(Router& router) {
  member_routes(router);
  transfer_routes(router);
  stats_routes(router);
}

}  // namespace lx::member
