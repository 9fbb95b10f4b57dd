#include "http/pipeline.hpp"

#include <spdlog/spdlog.h>

#include <chrono>

#include "http/json.hpp"
#include "http/static_files.hpp"

namespace lx::http {
namespace {

Error db_error(const db::DbError& e) {
  switch (e.kind()) {
    // Storage faults (SQLite READONLY and IOERR are read_only, FULL is
    // disk_full): 503 storage_unavailable; the transaction rolled back.
    case db::ErrorKind::read_only:
      return make_error("storage_unavailable",
                        "数据库当前无法写入（只读或读写出错），本次操作未保存，请联系系统管理员", "", 503);
    case db::ErrorKind::disk_full:
      return make_error("storage_unavailable", "服务器磁盘空间不足，本次操作未保存，请联系系统管理员", "", 503);
    case db::ErrorKind::busy:
      return make_error("db_busy", "系统繁忙，请稍后重试", "", 503);
    case db::ErrorKind::connection:
      return make_error("db_unavailable", "数据库暂时无法连接，请稍后重试", "", 503);
    case db::ErrorKind::unique_violation:
      return make_error("conflict", "记录已存在，与现有数据重复", "", 409);
    default: return make_error("internal", "服务器内部错误，请稍后重试或联系系统管理员", "", 500);
  }
}

}  // namespace

void add_security_headers(Response& r) {
  r.headers.emplace_back("Content-Security-Policy",
                         "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                         "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
                         "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
  r.headers.emplace_back("X-Content-Type-Options", "nosniff");
  r.headers.emplace_back("X-Frame-Options", "DENY");
  r.headers.emplace_back("Referrer-Policy", "same-origin");
  if (r.content_type.rfind("application/json", 0) == 0) r.headers.emplace_back("Cache-Control", "no-store");
}

bool tokens_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size() || a.empty()) return false;
  unsigned char diff = 0;
  for (std::size_t k = 0; k < a.size(); ++k) diff |= static_cast<unsigned char>(a[k] ^ b[k]);
  return diff == 0;
}

Response App::handle(Request& req) {
  const auto t0 = std::chrono::steady_clock::now();
  std::int64_t user_id = 0;
  Response resp;
  try {
    if (req.path == "/api" || req.path.rfind("/api/", 0) == 0) resp = api(req, user_id);
    else resp = serve_static(cfg_.web_dir, req);
  } catch (const ApiError& e) {
    resp = error_response(e.error);
  } catch (const db::DbError& e) {
    spdlog::error("database error on {} {}: {}", std::string(bhttp::to_string(req.method())), req.path, e.what());
    resp = error_response(db_error(e));
  } catch (const std::exception& e) {
    spdlog::error("unhandled error on {} {}: {}", std::string(bhttp::to_string(req.method())), req.path, e.what());
    resp = error_response(make_error("internal", "服务器内部错误，请稍后重试或联系系统管理员", "", 500));
  }
  add_security_headers(resp);
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  if (auto log = spdlog::get("access"))
    log->info(R"({{"method":"{}","path":{},"status":{},"ms":{:.2f},"user":{},"ip":"{}"}})",
              std::string(bhttp::to_string(req.method())), json::serialize(json::string(req.path)), resp.status, ms,
              user_id, req.remote_ip);
  return resp;
}

void App::authorize(Ctx& ctx, const Route& route) {
  const bool write = is_write(ctx.req.method());
  ctx.user = guard_.authenticate(ctx.conn(), ctx.req);
  if (route.permission == core::kPublic) return;
  if (!ctx.user) throw ApiError(401, "unauthenticated", "未登录或登录已过期，请重新登录");
  if (write && !route.options.no_csrf && !tokens_equal(ctx.req.header("X-CSRF-Token"), ctx.user->csrf_token))
    throw ApiError(403, "csrf", "请求缺少有效的安全令牌（CSRF），请刷新页面后重试");
  if (ctx.user->must_change_password && !route.options.allow_when_must_change)
    throw ApiError(403, "password_change_required", "首次登录或密码已重置，请先修改密码");
  if (!core::role_allows(ctx.user->role, route.permission))
    throw ApiError(403, "forbidden", "当前角色无权执行此操作");
  ctx.scope = guard_.resolve_scope(ctx.conn(), *ctx.user);
}

Response App::api(Request& req, std::int64_t& user_id) {
  auto m = router_.match(req.method(), req.path);
  if (!m.route) {
    if (m.path_known) {
      std::string allow;
      for (Verb v : m.allowed) allow += (allow.empty() ? "" : ", ") + std::string(bhttp::to_string(v));
      Response r = error_response(make_error("method_not_allowed", "不支持该请求方法", "", 405));
      r.headers.emplace_back("Allow", allow);
      return r;
    }
    return error_response(make_error("not_found", "接口不存在", "", 404));
  }
  const Route& route = *m.route;
  db::Lease lease = db_.acquire();
  Ctx ctx(req, cfg_, db_, *lease, jobs_, pii_);
  ctx.params = std::move(m.params);
  ctx.route = &route;
  authorize(ctx, route);
  if (ctx.user) user_id = ctx.user->user_id;

  Response resp;
  if (!is_write(req.method()) || route.options.own_transaction) {
    resp = route.handler(ctx);
  } else {
    try {
      db_.transaction([&](db::Connection& c) {
        ctx.bind(c);
        ctx.audit = AuditNote{};
        ctx.pending_jobs.clear();
        ctx.extra_headers.clear();
        try {
          resp = route.handler(ctx);
        } catch (const ApiError& e) {
          resp = error_response(e.error);
        }
        if (resp.status >= 400) throw db::Rollback{};
        if (ctx.audit.action.empty()) ctx.audit.action = route.options.action;
        guard_.audit(c, ctx.user ? &*ctx.user : nullptr, req.remote_ip, ctx.audit);
      });
      jobs_.start(ctx.pending_jobs);
    } catch (const db::Rollback&) {
      jobs_.discard(ctx.pending_jobs);
    } catch (...) {
      jobs_.discard(ctx.pending_jobs);
      throw;
    }
    if (ctx.user) user_id = ctx.user->user_id;
  }
  for (auto& h : ctx.extra_headers) resp.headers.push_back(h);
  return resp;
}

}  // namespace lx::http
