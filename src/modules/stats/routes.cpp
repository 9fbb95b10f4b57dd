#include "modules/stats/routes.hpp"

#include <boost/json.hpp>

#include "http/context.hpp"
#include "http/jobs.hpp"
#include "http/json.hpp"
#include "modules/ledger/routes.hpp"
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

constexpr const char* kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

Response xlsx_response(std::string bytes, const std::string& filename) {
  Response r;
  r.content_type = kXlsxType;
  r.body = std::move(bytes);
  r.headers.emplace_back("Content-Disposition", ledger::attachment(filename));
  return r;
}

// The drill-down filters of the query, checked.
Filters filters_param(const Ctx& ctx) {
  Filters raw{ctx.query("kind"), ctx.query("sub_kind"), ctx.query("industry"),
              ctx.query("above_scale"), ctx.query("type"), ctx.query("formation")};
  return ensure(check_filters(raw));
}

std::string figure_param(const Ctx& ctx) {
  auto figure = ctx.query("figure");
  if (!figure) throw ApiError(400, "missing_field", "缺少参数 figure", "figure");
  return *figure;
}

Response records_export(Ctx& ctx) {
  auto scope = scope_param(ctx);
  const core::Date d = date_param(ctx, "date");
  const std::string figure = figure_param(ctx);
  auto sheet = ensure(records_sheet(ctx.conn(), scope, d, figure, ctx.query("from").value_or(""), filters_param(ctx)));
  std::string name = figure_title(figure) + "-" + (scope.kind == Scope::Kind::all ? "全区" : scope.name) + "-" +
                     core::to_iso(d) + ".xlsx";
  return xlsx_response(ensure(io::write_xlsx({sheet})), name);
}

Response report_create(Ctx& ctx) {
  const auto& b = ctx.body();
  core::Date d = core::today_shanghai();
  if (auto v = opt_string(b, "date"); v && !v->empty()) {
    auto p = core::parse_date(*v);
    if (!p) throw ApiError(400, "invalid_date", "date 不是有效日期：" + p.error().message, "date");
    d = *p;
  }
  const Scope scope = ensure(resolve_scope(ctx.conn(), ctx.scope, opt_string(b, "scope").value_or("")));
  const core::Role role = ctx.me().role;
  const std::int64_t user_id = ctx.me().user_id;
  ctx.audit.action = "stats.report";
  ctx.audit.after = boost::json::object{{"date", core::to_iso(d)}, {"scope", scope.kind == Scope::Kind::all ? "全区" : scope.name}};
  const std::int64_t id = ctx.submit_job("stats.report", [scope, d, role, user_id](db::Database& db, JobProgress& jp) {
    std::vector<io::OutputSheet> sheets;
    {
      auto c = db.acquire();
      sheets = report_sheets(*c, role, scope, d, [&jp](int done, int total) { jp.update(done, total + 1); });
    }
    std::string bytes = ensure(io::write_xlsx(sheets));
    const std::string filename = report_filename(scope, d);
    db.transaction([&](db::Connection& c) {
      repo::save_report(c, jp.id(), user_id, scope.kind == Scope::Kind::all ? "全区" : scope.name, core::to_iso(d),
                        filename, bytes);
    });
    jp.update(static_cast<std::int64_t>(sheets.size()) + 1, static_cast<std::int64_t>(sheets.size()) + 1);
    boost::json::array names;
    for (const auto& s : sheets) names.push_back(boost::json::value(s.name));
    return boost::json::value(boost::json::object{{"download", "/api/v1/stats/report/" + std::to_string(jp.id())},
                                                  {"filename", filename},
                                                  {"size", static_cast<std::int64_t>(bytes.size())},
                                                  {"sheets", names}});
  });
  ctx.audit.target = "job:" + std::to_string(id);
  return json_response(202, boost::json::object{{"job", job_json(ctx.conn(), id)}});
}

Response report_download(Ctx& ctx) {
  const std::int64_t id = ctx.id_param();
  auto job = ctx.conn().query("SELECT created_by, kind, status FROM jobs WHERE id = ?", {id});
  // Someone else's report answers exactly like a missing one.
  if (job.empty() || job.s(0, 1) != "stats.report" ||
      (ctx.me().role != core::Role::admin && job.opt_i(0, 0) != ctx.me().user_id))
    throw ApiError(404, "not_found", "报表不存在");
  auto stored = repo::find_report(ctx.conn(), id);
  if (!stored) {
    if (job.s(0, 2) == "queued" || job.s(0, 2) == "running")
      throw ApiError(409, "not_ready", "报表仍在生成中，请稍后再下载");
    throw ApiError(404, "not_found", "报表不存在（生成失败或已过保存期限）");
  }
  return xlsx_response(std::move(stored->bytes), stored->filename);
}

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
    const core::Date d = date_param(ctx, "date");
    const std::string figure = figure_param(ctx);
    return json_response(200, ensure(records(ctx.conn(), scope, d, figure, ctx.query("from").value_or(""), page,
                                             size, filters_param(ctx))));
  });

  router.add(Verb::get, "/api/v1/stats/records/export", "stats.read", records_export);

  router.add(Verb::get, "/api/v1/stats/summary", "stats.read", [](Ctx& ctx) {
    auto scope = scope_param(ctx);
    return json_response(200, summary(ctx.conn(), scope, date_param(ctx, "date")));
  });

  router.add(Verb::post, "/api/v1/stats/report", "stats.read", report_create, {.action = "stats.report"});
  router.add(Verb::get, "/api/v1/stats/report/{id}", "stats.read", report_download);
}

}  // namespace lx::stats
