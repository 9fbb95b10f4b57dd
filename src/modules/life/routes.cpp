// HTTP routes of the life module: meetings (/api/v1/meetings) with
// attendance, ratings, attachments and the online discussion; heart talks;
// check-ins and the member's own page; compliance per party org, the
// matrix, reminders; and the figures under /api/v1/stats/life.
#include "modules/life/routes.hpp"

#include "core/time.hpp"
#include "http/context.hpp"
#include "http/json.hpp"
#include "modules/ledger/routes.hpp"
#include "modules/life/present.hpp"
#include "modules/life/service.hpp"
#include "modules/partyorg/routes_util.hpp"
#include "modules/stats/service.hpp"

namespace lx::life {
namespace {

using namespace lx::http;
namespace web = partyorg::web;

Actor actor(Ctx& ctx) { return Actor{ctx.me().role, ctx.scope, ctx.me().login, ctx.me().user_id}; }

std::string target(std::int64_t id) { return "meeting:" + std::to_string(id); }

Field<std::string> text_field(const json::object& b, std::string_view name, std::size_t max) {
  if (!has(b, name)) return std::nullopt;
  return std::optional<std::string>(opt_string(b, name, max));
}

std::int64_t int_of(const json::value& v, const char* field) {
  if (!v.is_int64() || v.as_int64() <= 0) throw ApiError(400, "invalid_value", std::string("字段 ") + field + " 应为正整数", field);
  return v.as_int64();
}

MeetingInput meeting_input(const json::object& b) {
  MeetingInput in;
  in.kind = opt_string(b, "kind", 40);
  in.topic = opt_string(b, "topic", 1000);
  in.starts_at = opt_string(b, "starts_at", 40);
  in.party_org_id = opt_int(b, "party_org_id");
  if (has(b, "group_id")) in.group_id = std::optional<std::int64_t>(opt_int(b, "group_id"));
  in.ends_at = text_field(b, "ends_at", 40);
  in.place = text_field(b, "place", 1000);
  in.host = text_field(b, "host", 1000);
  in.recorder = text_field(b, "recorder", 1000);
  in.lecturer = text_field(b, "lecturer", 1000);
  in.minutes = text_field(b, "minutes", 1'000'000);
  in.online = opt_bool(b, "online");
  in.by_secretary = opt_bool(b, "by_secretary");
  if (auto it = b.find("attendance"); it != b.end() && !it->value().is_null()) {
    if (!it->value().is_array()) throw ApiError(400, "invalid_value", "字段 attendance 应为数组", "attendance");
    std::vector<AttendanceInput> rows;
    for (const auto& x : it->value().as_array()) {
      if (!x.is_object()) throw ApiError(400, "invalid_value", "出勤名单的每一项应为对象", "attendance");
      const auto& o = x.as_object();
      if (!o.contains("person_id")) throw ApiError(400, "missing_field", "出勤名单缺少 person_id", "attendance");
      AttendanceInput a;
      a.person_id = int_of(o.at("person_id"), "attendance");
      a.status = req_string(o, "status", 20);
      a.absence_reason = opt_string(o, "absence_reason", 20);
      a.absence_note = opt_string(o, "absence_note", 2000);
      rows.push_back(std::move(a));
    }
    in.attendance = std::move(rows);
  }
  if (auto it = b.find("ratings"); it != b.end() && !it->value().is_null()) {
    if (!it->value().is_array()) throw ApiError(400, "invalid_value", "字段 ratings 应为数组", "ratings");
    std::vector<RatingInput> rows;
    for (const auto& x : it->value().as_array()) {
      if (!x.is_object() || !x.as_object().contains("person_id"))
        throw ApiError(400, "invalid_value", "评议名单的每一项应含 person_id 和 rating", "ratings");
      rows.push_back(RatingInput{int_of(x.as_object().at("person_id"), "ratings"), req_string(x.as_object(), "rating", 20)});
    }
    in.ratings = std::move(rows);
  }
  return in;
}

std::string date_query(Ctx& ctx, const char* name, const std::string& fallback) {
  auto v = ctx.query(name);
  if (!v) return fallback;
  auto d = core::parse_date(*v);
  if (!d) throw ApiError(400, "invalid_date", std::string("参数 ") + name + " 不是有效日期：" + d.error().message, name);
  return core::to_iso(*d);
}

std::string today() { return core::to_iso(core::today_shanghai()); }

Cycle cycle_query(Ctx& ctx) {
  auto v = ctx.query("period").value_or("month");
  auto c = parse_cycle(v);
  if (!c) throw ApiError(400, "invalid_value", "参数 period 应为 month、quarter 或 year", "period");
  return *c;
}

json::object page_of(json::array items, std::int64_t total, std::int64_t page, std::int64_t size) {
  return json::object{{"items", std::move(items)}, {"total", total}, {"page", page}, {"size", size}};
}

// The stats scope (?scope=…) inside the user's own, as an actor.
Actor stats_actor(Ctx& ctx) {
  Actor a = actor(ctx);
  a.scope = ensure(stats::resolve_scope(ctx.conn(), ctx.scope, ctx.query("scope").value_or("")));
  return a;
}

void meeting_routes(Router& router) {
  // ?scope= (a stats scope inside the user's own) lists exactly the meetings a figure of /stats/life counted.
  router.add(Verb::get, "/api/v1/meetings", "life.read", [](Ctx& ctx) {
    MeetingQuery q;
    q.party_org_id = web::query_id(ctx, "party_org_id");
    q.kind = ctx.query("kind").value_or("");
    q.from = date_query(ctx, "from", "");
    q.to = date_query(ctx, "to", "");
    if (ctx.query("online")) q.online = web::query_flag(ctx, "online");
    std::tie(q.page, q.size) = ctx.paging();
    const Actor a = ctx.query("scope") && ctx.me().role != core::Role::member ? stats_actor(ctx) : actor(ctx);
    auto [rows, total] = ensure(list_meetings(ctx.conn(), a, q));
    json::array items;
    for (const auto& m : rows) items.push_back(meeting_json(m));
    return json_response(200, page_of(std::move(items), total, q.page, q.size));
  });

  router.add(Verb::post, "/api/v1/meetings", "life.write", [](Ctx& ctx) {
    auto d = ensure(create_meeting(ctx.conn(), actor(ctx), meeting_input(ctx.body())));
    ctx.audit.target = target(d.meeting.id);
    ctx.audit.after = meeting_json(d.meeting);
    return json_response(201, detail_json(d));
  }, {.action = "meeting.create"});

  // Who a meeting on a day expects: the party org's members that day (the attendance form).
  router.add(Verb::get, "/api/v1/life/expected", "life.write", [](Ctx& ctx) {
    auto po = web::query_id(ctx, "party_org_id");
    if (!po) throw ApiError(400, "missing_field", "缺少参数 party_org_id", "party_org_id");
    const std::string day = date_query(ctx, "date", today());
    json::array items;
    for (const auto& e : ensure(expected_members(ctx.conn(), actor(ctx), *po, day))) items.push_back(attendance_json(e));
    const auto total = static_cast<std::int64_t>(items.size());
    return json_response(200, json::object{{"items", std::move(items)}, {"total", total}, {"date", day}});
  });

  router.add(Verb::get, "/api/v1/meetings/{id}", "life.read", [](Ctx& ctx) {
    return json_response(200, detail_json(ensure(get_meeting(ctx.conn(), actor(ctx), ctx.id_param()))));
  });

  router.add(Verb::patch, "/api/v1/meetings/{id}", "life.write", [](Ctx& ctx) {
    const auto id = ctx.id_param();
    auto before = ensure(get_meeting(ctx.conn(), actor(ctx), id));
    auto d = ensure(update_meeting(ctx.conn(), actor(ctx), id, meeting_input(ctx.body())));
    ctx.audit.target = target(id);
    ctx.audit.before = meeting_json(before.meeting);
    ctx.audit.after = meeting_json(d.meeting);
    return json_response(200, detail_json(d));
  }, {.action = "meeting.update"});

  router.add(Verb::delete_, "/api/v1/meetings/{id}", "life.write", [](Ctx& ctx) {
    const auto id = ctx.id_param();
    auto m = ensure(delete_meeting(ctx.conn(), actor(ctx), id));
    ctx.audit.target = target(id);
    ctx.audit.before = meeting_json(m);
    return json_response(200, json::object{{"id", id}, {"deleted", true}});
  }, {.action = "meeting.delete"});

  // The body is the file itself; its name in ?filename= (the browser sends the File as is).
  router.add(Verb::post, "/api/v1/meetings/{id}/attachments", "life.write", [](Ctx& ctx) {
    const auto id = ctx.id_param();
    Upload up;
    up.filename = ctx.query("filename").value_or("");
    up.bytes = ctx.req.raw.body();
    auto at = ensure(add_attachment(ctx.conn(), actor(ctx), core::files_dir_path(ctx.cfg), id, up,
                                    ctx.cfg.max_attachment_bytes));
    ctx.audit.target = target(id);
    ctx.audit.after = attachment_json(at);
    return json_response(201, attachment_json(at));
  }, {.action = "meeting.attachment.add", .upload = true});

  router.add(Verb::get, "/api/v1/attachments/{id}", "life.read", [](Ctx& ctx) {
    auto [at, bytes] = ensure(read_attachment(ctx.conn(), actor(ctx), core::files_dir_path(ctx.cfg), ctx.id_param()));
    Response r;
    r.content_type = at.content_type;
    r.body = std::move(bytes);
    r.headers.emplace_back("Content-Disposition", ledger::attachment(at.filename));
    r.headers.emplace_back("Cache-Control", "private, no-store");
    return r;
  });

  router.add(Verb::delete_, "/api/v1/attachments/{id}", "life.write", [](Ctx& ctx) {
    auto at = ensure(delete_attachment(ctx.conn(), actor(ctx), ctx.id_param()));
    ctx.audit.target = target(at.meeting_id);
    ctx.audit.before = attachment_json(at);
    return json_response(200, json::object{{"id", at.id}, {"deleted", true}});
  }, {.action = "meeting.attachment.delete"});

  router.add(Verb::post, "/api/v1/meetings/{id}/messages", "life.self", [](Ctx& ctx) {
    const auto id = ctx.id_param();
    auto m = ensure(post_message(ctx.conn(), actor(ctx), id, req_string(ctx.body(), "body", 20000)));
    ctx.audit.target = target(id);
    ctx.audit.after = json::object{{"message", m.id}};
    return json_response(201, message_json(m));
  }, {.action = "meeting.message"});
}

void talk_routes(Router& router) {
  router.add(Verb::get, "/api/v1/heart-talks", "life.read", [](Ctx& ctx) {
    auto po = web::query_id(ctx, "party_org_id");
    if (!po) throw ApiError(400, "missing_field", "缺少参数 party_org_id", "party_org_id");
    auto [page, size] = ctx.paging();
    auto [rows, total] = ensure(list_talks(ctx.conn(), actor(ctx), *po, date_query(ctx, "from", ""),
                                           date_query(ctx, "to", ""), page, size));
    json::array items;
    for (const auto& t : rows) items.push_back(talk_json(t));
    return json_response(200, page_of(std::move(items), total, page, size));
  });

  router.add(Verb::post, "/api/v1/heart-talks", "life.write", [](Ctx& ctx) {
    const auto& b = ctx.body();
    TalkInput in{opt_int(b, "party_org_id"), opt_int(b, "person_id"), opt_int(b, "post_id"),
                 opt_string(b, "on_date", 40), opt_string(b, "summary", 20000)};
    auto t = ensure(create_talk(ctx.conn(), actor(ctx), in));
    ctx.audit.target = "heart_talk:" + std::to_string(t.id);
    ctx.audit.after = talk_json(t);
    return json_response(201, talk_json(t));
  }, {.action = "heart_talk.create"});

  router.add(Verb::delete_, "/api/v1/heart-talks/{id}", "life.write", [](Ctx& ctx) {
    auto t = ensure(delete_talk(ctx.conn(), actor(ctx), ctx.id_param()));
    ctx.audit.target = "heart_talk:" + std::to_string(t.id);
    ctx.audit.before = talk_json(t);
    return json_response(200, json::object{{"id", t.id}, {"deleted", true}});
  }, {.action = "heart_talk.delete"});
}

void self_routes(Router& router) {
  router.add(Verb::post, "/api/v1/check-ins", "life.self", [](Ctx& ctx) {
    auto s = ensure(check_in(ctx.conn(), actor(ctx)));
    ctx.audit.target = "person:" + std::to_string(s.person_id);
    ctx.audit.after = json::object{{"on_date", s.today}, {"recorded", s.recorded_now}};
    return json_response(s.recorded_now ? 201 : 200, check_in_json(s));
  }, {.action = "check_in"});

  router.add(Verb::get, "/api/v1/check-ins/me", "life.self", [](Ctx& ctx) {
    return json_response(200, check_in_json(ensure(my_check_ins(ctx.conn(), actor(ctx), date_query(ctx, "date", "")))));
  });

  router.add(Verb::get, "/api/v1/me/life", "life.self", [](Ctx& ctx) {
    return json_response(200, my_life_json(ensure(my_life(ctx.conn(), actor(ctx)))));
  });

  router.add(Verb::get, "/api/v1/life/check-in-shortfall", "life.read", [](Ctx& ctx) {
    auto po = web::query_id(ctx, "party_org_id");
    if (!po) throw ApiError(400, "missing_field", "缺少参数 party_org_id", "party_org_id");
    const std::string day = date_query(ctx, "date", today());
    json::array items;
    for (const auto& s : ensure(check_in_shortfall(ctx.conn(), actor(ctx), *po, day)))
      items.push_back(json::object{{"person_id", s.person_id}, {"person_name", s.name}, {"count", s.count}});
    const auto total = static_cast<std::int64_t>(items.size());
    return json_response(200, json::object{{"items", std::move(items)}, {"total", total}, {"date", day}});
  });
}

void compliance_routes(Router& router) {
  router.add(Verb::get, "/api/v1/life/compliance", "life.read", [](Ctx& ctx) {
    auto po = web::query_id(ctx, "party_org_id");
    if (!po) throw ApiError(400, "missing_field", "缺少参数 party_org_id", "party_org_id");
    const Cycle cycle = cycle_query(ctx);
    return json_response(200, compliance_json(ensure(compliance_of(ctx.conn(), actor(ctx), *po, cycle,
                                                                   date_query(ctx, "date", today())))));
  });

  router.add(Verb::get, "/api/v1/life/reminders", "life.read", [](Ctx& ctx) {
    auto po = web::query_id(ctx, "party_org_id");
    if (!po) throw ApiError(400, "missing_field", "缺少参数 party_org_id", "party_org_id");
    auto r = ensure(reminders_of(ctx.conn(), actor(ctx), *po));
    return json_response(200, json::object{{"month", compliance_json(r.month)}, {"quarter", compliance_json(r.quarter)}});
  });

  router.add(Verb::get, "/api/v1/life/matrix", "stats.read", [](Ctx& ctx) {
    const auto year_text = ctx.query("year").value_or(today().substr(0, 4));
    int year = 0;
    if (year_text.size() != 4 || year_text.find_first_not_of("0123456789") != std::string::npos ||
        (year = std::stoi(year_text)) < 2000 || year > 2100)
      throw ApiError(400, "invalid_value", "参数 year 应为 2000 到 2100 之间的年份", "year");
    auto [page, size] = ctx.paging();
    auto [rows, total] = compliance_matrix(ctx.conn(), stats_actor(ctx), year, page, size);
    json::array items;
    for (const auto& row : rows) {
      json::array months;
      int m = 0;
      for (const auto& oc : row.months) {
        ++m;
        std::int64_t met = 0;
        for (const auto& d : oc.compliance.duties) met += d.met() ? 1 : 0;
        const auto& p = oc.compliance.period;
        months.push_back(json::object{{"month", m},
                                      {"from", core::to_iso(p.from)},
                                      {"to", core::to_iso(p.to)},
                                      // a month not begun yet owes nothing so far: shown as 尚未到期
                                      {"future", core::to_iso(p.from) > today()},
                                      {"owed", !oc.compliance.duties.empty()},
                                      {"complies", oc.compliance.complies()},
                                      {"duties_total", static_cast<std::int64_t>(oc.compliance.duties.size())},
                                      {"duties_met", met}});
      }
      items.push_back(json::object{{"party_org_id", row.party_org.id},
                                   {"party_org_name", row.party_org.name},
                                   {"months", std::move(months)}});
    }
    auto body = page_of(std::move(items), total, page, size);
    body["year"] = year;
    return json_response(200, body);
  });

  router.add(Verb::get, "/api/v1/stats/life", "stats.read", [](Ctx& ctx) {
    const Cycle cycle = cycle_query(ctx);
    auto f = life_figures(ctx.conn(), stats_actor(ctx), cycle, date_query(ctx, "date", today()));
    json::array kinds;
    for (const auto& k : f.by_kind)
      kinds.push_back(json::object{{"kind", kind_code(k.kind)},
                                   {"kind_name", kind_name(k.kind)},
                                   {"rule", rule_of(k.kind)},
                                   {"owed", k.owed},
                                   {"met", k.met},
                                   {"rate", k.owed ? json::value(static_cast<double>(k.met) / static_cast<double>(k.owed))
                                                   : json::value(nullptr)}});
    auto rate = [](std::int64_t a, std::int64_t b) {
      return b ? json::value(static_cast<double>(a) / static_cast<double>(b)) : json::value(nullptr);
    };
    return json_response(
        200, json::object{{"period", json::object{{"cycle", cycle_code(f.period.cycle)},
                                                  {"from", core::to_iso(f.period.from)},
                                                  {"to", core::to_iso(f.period.to)}}},
                          {"assessed", f.assessed},
                          {"complying", f.complying},
                          {"noncompliant", f.assessed - f.complying},
                          {"compliance_rate", rate(f.complying, f.assessed)},
                          {"by_kind", std::move(kinds)},
                          {"attendance", json::object{{"expected", f.attendance_expected},
                                                      {"present", f.attendance_present},
                                                      {"rate", rate(f.attendance_present, f.attendance_expected)}}}});
  });

  router.add(Verb::get, "/api/v1/stats/life/records", "stats.read", [](Ctx& ctx) {
    const Cycle cycle = cycle_query(ctx);
    auto figure = ctx.query("figure");
    if (!figure) throw ApiError(400, "missing_field", "缺少参数 figure", "figure");
    auto [page, size] = ctx.paging();
    auto rows = ensure(life_records(ctx.conn(), stats_actor(ctx), cycle, date_query(ctx, "date", today()), *figure));
    const auto total = static_cast<std::int64_t>(rows.size());
    json::array items;
    for (std::int64_t k = (page - 1) * size; k < total && k < page * size; ++k)
      items.push_back(compliance_json(rows[static_cast<std::size_t>(k)]));
    return json_response(200, page_of(std::move(items), total, page, size));
  });
}

}  // namespace

void register_routes(Router& router) {
  meeting_routes(router);
  talk_routes(router);
  self_routes(router);
  compliance_routes(router);
}

}  // namespace lx::life
