#include "modules/ledger/routes.hpp"

#include <boost/json.hpp>
#include <memory>

#include "http/context.hpp"
#include "http/jobs.hpp"
#include "http/json.hpp"
#include "modules/account/audit.hpp"
#include "modules/ledger/registry.hpp"

namespace lx::ledger {
namespace {

using namespace lx::http;
namespace json = boost::json;

constexpr const char* kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const Def& def_of(Ctx& ctx) {
  const Def* d = find(ctx.params.at("ledger"));
  if (!d) throw ApiError(404, "not_found", "没有这个台账：" + ctx.params.at("ledger"));
  return *d;
}

// An import also needs the ledger's own import permission (census.import, or member.import for members).
const Def& import_def_of(Ctx& ctx) {
  const Def& d = def_of(ctx);
  if (!core::role_allows(ctx.me().role, d.import_permission))
    throw ApiError(403, "forbidden", "当前角色无权执行此操作");
  return d;
}

Who who_of(Ctx& ctx) { return Who{ctx.me().role, ctx.scope, &ctx.pii}; }

std::shared_ptr<Parsed> parsed_of(Ctx& ctx, const Def& d) {
  return std::make_shared<Parsed>(ensure(parse(d, ctx.req.raw.body())));
}

Response xlsx_response(const std::string& bytes, const std::string& filename) {
  Response r;
  r.content_type = kXlsxType;
  r.body = bytes;
  r.headers.emplace_back("Content-Disposition", attachment(filename));
  return r;
}

void audit(Ctx& ctx, const Def& d, const Report& r, bool dry) {
  ctx.audit.action = "import." + d.name + (dry ? ".dry_run" : "");
  ctx.audit.target = "ledger:" + d.name;
  ctx.audit.after = json::object{{"rows", r.rows}, {"inserted", r.inserted}, {"updated", r.updated},
                                 {"errors", static_cast<std::int64_t>(r.errors.size())}};
}

Response import_errors(Ctx& ctx) {
  const Def& d = import_def_of(ctx);
  auto p = parsed_of(ctx, d);
  Report r = dry_run(ctx.conn(), who_of(ctx), d, *p);
  audit(ctx, d, r, true);
  return xlsx_response(ensure(io::write_errors_workbook(p->sheet, p->ledger.header_row, r.errors)),
                       d.title + "-错误数据.xlsx");
}

Response import(Ctx& ctx) {
  if (ctx.query("errors").value_or("") == "xlsx") return import_errors(ctx);
  const Def& d = import_def_of(ctx);
  auto p = parsed_of(ctx, d);
  const Who who = who_of(ctx);
  Report r = dry_run(ctx.conn(), who, d, *p);
  const bool dry = ctx.query("dry_run").value_or("0") != "0" && ctx.query("dry_run").value_or("") != "false";
  if (dry) {
    audit(ctx, d, r, true);
    return json_response(200, report_json(r));
  }
  if (!r.errors.empty()) {
    json::object body = report_json(r);
    body["error"] = json::object{{"code", "import_problems"},
                                 {"message", "文件中有 " + std::to_string(r.errors.size()) + " 个问题，未写入任何数据"},
                                 {"field", ""}};
    return json_response(422, body);
  }
  audit(ctx, d, r, false);
  // The commit runs after this request's transaction, as a job with progress.
  const Def* def = &d;
  const Scope scope = ctx.scope;
  const core::Role role = ctx.me().role;
  const crypto::Pii* pii = &ctx.pii;
  const std::int64_t id = ctx.submit_job("import." + d.name, [def, p, scope, role, pii](db::Database& db, JobProgress& jp) {
    Report out = commit(db, Who{role, scope, pii}, *def, *p, [&jp](std::int64_t done, std::int64_t total) {
      jp.update(done, total);
    });
    return json::value(report_json(out));
  });
  return json_response(202, json::object{{"job", job_json(ctx.conn(), id)}});
}

Response export_ledger(Ctx& ctx) {
  const Def& d = def_of(ctx);
  if (!core::role_allows(ctx.me().role, d.read_permission)) throw ApiError(403, "forbidden", "当前角色无权执行此操作");
  // R-ID-4: a file of plain ID numbers and phones is for roles that may reveal them.
  if (d.personal_data && !core::role_allows(ctx.me().role, "member.reveal"))
    throw ApiError(403, "forbidden", "当前角色无权导出含完整身份证号、手机号的台账");
  auto bytes = ensure(workbook(d.export_sheet(ctx.conn(), who_of(ctx))));
  if (d.personal_data) {
    // R-ID-4: the file holds plain ID numbers or phones, so the export is an audited view.
    const auto& me = ctx.me();
    ctx.db.transaction([&](db::Connection& c) {
      account::append_audit(c, {me.user_id, me.login, ctx.req.remote_ip, "export." + d.name, "ledger:" + d.name,
                                json::serialize(json::object{{"scope", ctx.scope.name}})});
    });
  }
  return xlsx_response(bytes, d.title + ".xlsx");
}

Response template_of(Ctx& ctx) {
  const Def& d = def_of(ctx);
  if (!core::role_allows(ctx.me().role, d.read_permission)) throw ApiError(403, "forbidden", "当前角色无权执行此操作");
  return xlsx_response(ensure(workbook(d.template_sheet())), d.title + "-模板.xlsx");
}

}  // namespace

std::string attachment(const std::string& filename) {
  static const char* hex = "0123456789ABCDEF";
  std::string enc;
  for (unsigned char ch : filename) {
    if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '.' ||
        ch == '_' || ch == '~') {
      enc += static_cast<char>(ch);
    } else {
      enc += '%';
      enc += hex[ch >> 4];
      enc += hex[ch & 15];
    }
  }
  return "attachment; filename*=UTF-8''" + enc;
}

void register_routes(Router& router) {
  router.add(Verb::post, "/api/v1/import/{ledger}", "ledger.import", import, {.action = "import", .upload = true});
  router.add(Verb::post, "/api/v1/import/{ledger}/errors", "ledger.import", import_errors,
             {.action = "import", .upload = true});
  router.add(Verb::get, "/api/v1/export/{ledger}", "census.read", export_ledger);
  router.add(Verb::get, "/api/v1/templates/{ledger}", "census.read", template_of);
}

}  // namespace lx::ledger
