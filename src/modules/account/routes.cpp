#include "modules/account/routes.hpp"

#include "core/time.hpp"
#include "db/migrations.hpp"
#include "http/context.hpp"
#include "http/json.hpp"
#include "modules/account/audit.hpp"
#include "modules/account/repo.hpp"
#include "modules/account/service.hpp"
#include "modules/account/session_logic.hpp"

namespace lx::account {
namespace {

using namespace lx::http;

json::value user_json(const User& u) {
  json::value scope = nullptr;
  if (!u.scope_type.empty() && u.scope_id)
    scope = json::object{{"type", u.scope_type}, {"id", *u.scope_id}, {"name", u.scope_name}};
  return json::object{{"id", u.id},
                      {"login", u.login},
                      {"name", u.name},
                      {"role", core::role_code(u.role)},
                      {"role_name", core::role_name_zh(u.role)},
                      {"scope", scope},
                      {"disabled", u.disabled},
                      {"must_change_password", u.must_change_password},
                      {"last_login_at", nullable(u.last_login_at)},
                      {"created_at", u.created_at}};
}

json::value session_json(const User& u, const std::string& csrf) {
  return json::object{{"user", user_json(u)}, {"csrf_token", csrf}};
}

UserInput user_input(const json::object& b) {
  UserInput in;
  in.login = opt_string(b, "login", 64);
  in.name = opt_string(b, "name", 100);
  in.role = opt_string(b, "role", 20);
  in.password = opt_string(b, "password", 200);
  in.scope_given = has(b, "scope_type") || has(b, "scope_id");
  in.scope_type = opt_string(b, "scope_type", 20);
  in.scope_id = opt_int(b, "scope_id");
  in.disabled = opt_bool(b, "disabled");
  return in;
}

User load_user(Ctx& ctx, std::int64_t id) {
  auto u = repo::user_by_id(ctx.conn(), id);
  if (!u) throw ApiError(404, "not_found", "用户不存在");
  return *u;
}

// Shanghai calendar date → the UTC instant of its midnight (UTC+8, no DST).
std::string shanghai_midnight_utc(const std::string& date, const char* field) {
  std::int64_t t = core::parse_iso_utc(date);
  if (t < 0 || date.size() != 10) throw ApiError(400, "invalid_date", "日期格式应为 YYYY-MM-DD", field);
  return core::iso_utc(t - 8 * 3600);
}

class AccountGuard final : public Guard {
 public:
  explicit AccountGuard(const core::Config& cfg) : cfg_(cfg) {}
  std::optional<Principal> authenticate(db::Connection& c, const Request& req) override {
    std::string token = req.cookie(kSessionCookie);
    if (token.empty()) return std::nullopt;
    return principal_for_token(c, cfg_, token);
  }
  Scope resolve_scope(db::Connection& c, const Principal& p) override {
    Scope s;
    if (p.scope_type.empty() || !p.scope_id) return s;
    auto root = repo::scope_root(c, p.scope_type, *p.scope_id);
    if (!root) throw ApiError(403, "invalid_scope", "账号的数据范围已不存在，请联系系统管理员");
    s.kind = p.scope_type == "party_org" ? Scope::Kind::party_org : Scope::Kind::area;
    s.id = *p.scope_id;
    s.name = root->name;
    s.path = root->path;
    return s;
  }
  void audit(db::Connection& c, const Principal* who, const std::string& ip, const AuditNote& note) override {
    std::string detail;
    if (!note.before.is_null() || !note.after.is_null())
      detail = json::serialize(json::object{{"before", note.before}, {"after", note.after}});
    append_audit(c, AuditEntry{who ? std::optional<std::int64_t>(who->user_id) : std::nullopt,
                               who ? who->login : "", ip, note.action, note.target, detail});
  }

 private:
  const core::Config& cfg_;
};

}  // namespace

std::unique_ptr<Guard> make_guard(const core::Config& cfg) { return std::make_unique<AccountGuard>(cfg); }

void register_routes(Router& router) {
  router.add(Verb::get, "/api/v1/health", std::string(core::kPublic), [](Ctx& ctx) {
    std::int64_t version = 0;
    std::string status = "ok";
    try {
      version = ctx.conn().scalar_int("SELECT MAX(version) FROM schema_migrations").value_or(0);
    } catch (const db::DbError&) {
      status = "error";
    }
    return json_response(status == "ok" ? 200 : 503,
                         json::object{{"status", status},
                                      {"database", status},
                                      {"backend", ctx.db.backend_name()},
                                      {"schema_version", version},
                                      {"version", LX_VERSION}});
  });

  RouteOptions login_opts;
  login_opts.action = "session.login";
  login_opts.own_transaction = true;
  login_opts.no_csrf = true;
  router.add(Verb::post, "/api/v1/session", std::string(core::kPublic), [](Ctx& ctx) {
    const auto& b = ctx.body();
    std::string login = req_string(b, "login", 64), password = req_string(b, "password", 200);
    auto r = sign_in(ctx.db, ctx.cfg, login, password, ctx.req.remote_ip, ctx.req.header("User-Agent"));
    if (!r) return error_response(r.error());
    ctx.extra_headers.emplace_back(
        "Set-Cookie", session_cookie(r->token, ctx.cfg.secure_cookies, std::int64_t{ctx.cfg.session_absolute_hours} * 3600));
    return json_response(200, session_json(r->user, r->csrf));
  }, login_opts);

  RouteOptions any_session;
  any_session.allow_when_must_change = true;
  router.add(Verb::get, "/api/v1/session", std::string(core::kSession), [](Ctx& ctx) {
    return json_response(200, session_json(load_user(ctx, ctx.me().user_id), ctx.me().csrf_token));
  }, any_session);

  RouteOptions logout = any_session;
  logout.action = "session.logout";
  router.add(Verb::delete_, "/api/v1/session", std::string(core::kSession), [](Ctx& ctx) {
    repo::delete_session(ctx.conn(), ctx.me().session_id);
    ctx.audit.target = "user:" + std::to_string(ctx.me().user_id);
    ctx.extra_headers.emplace_back("Set-Cookie", clear_session_cookie(ctx.cfg.secure_cookies));
    Response r;
    r.status = 204;
    return r;
  }, logout);

  RouteOptions change = any_session;
  change.action = "session.change_password";
  router.add(Verb::post, "/api/v1/session/password", std::string(core::kSession), [](Ctx& ctx) {
    const auto& b = ctx.body();
    std::string old_pw = req_string(b, "old_password", 200), new_pw = req_string(b, "new_password", 200);
    ensure(change_password(ctx.conn(), ctx.cfg, ctx.me().user_id, old_pw, new_pw));
    ctx.audit.target = "user:" + std::to_string(ctx.me().user_id);
    return json_response(200, session_json(load_user(ctx, ctx.me().user_id), ctx.me().csrf_token));
  }, change);

  router.add(Verb::get, "/api/v1/users", "user.manage", [](Ctx& ctx) {
    repo::UserFilter f;
    std::tie(f.page, f.size) = ctx.paging();
    f.q = ctx.query("q").value_or("");
    f.role = ctx.query("role").value_or("");
    if (!f.role.empty() && !core::parse_role(f.role)) throw ApiError(400, "invalid_value", "角色无效", "role");
    auto [users, total] = repo::list_users(ctx.conn(), f);
    json::array items;
    for (const auto& u : users) items.push_back(user_json(u));
    return json_response(200, json::object{{"items", items}, {"total", total}, {"page", f.page}, {"size", f.size}});
  });

  router.add(Verb::post, "/api/v1/users", "user.manage", [](Ctx& ctx) {
    UserInput in = user_input(ctx.body());
    User u = ensure(create_user(ctx.conn(), ctx.cfg, in));
    ctx.audit.target = "user:" + std::to_string(u.id);
    ctx.audit.after = user_json(u);
    return json_response(201, user_json(u));
  }, {.action = "user.create"});

  router.add(Verb::patch, "/api/v1/users/{id}", "user.manage", [](Ctx& ctx) {
    auto id = ctx.id_param();
    User before = load_user(ctx, id);
    UserInput in = user_input(ctx.body());
    if (in.login || in.password)
      throw ApiError(400, "invalid_value", "登录名不可修改；重置密码请使用“重置密码”", in.login ? "login" : "password");
    User u = ensure(update_user(ctx.conn(), id, in, ctx.me().user_id));
    ctx.audit.target = "user:" + std::to_string(id);
    ctx.audit.before = user_json(before);
    ctx.audit.after = user_json(u);
    return json_response(200, user_json(u));
  }, {.action = "user.update"});

  router.add(Verb::post, "/api/v1/users/{id}/password", "user.manage", [](Ctx& ctx) {
    auto id = ctx.id_param();
    load_user(ctx, id);
    std::string pw = req_string(ctx.body(), "password", 200);
    User u = ensure(reset_password(ctx.conn(), ctx.cfg, id, pw));
    ctx.audit.target = "user:" + std::to_string(id);
    return json_response(200, user_json(u));
  }, {.action = "user.reset_password"});

  router.add(Verb::get, "/api/v1/scopes", "scope.read", [](Ctx& ctx) {
    json::array items;
    for (const auto& n : repo::scope_nodes(ctx.conn(), ctx.scope))
      items.push_back(json::object{{"type", n.type}, {"id", n.id}, {"name", n.name}, {"parent_id", nullable(n.parent_id)}});
    return json_response(200, json::object{{"items", items}});
  });

  router.add(Verb::get, "/api/v1/audit", "audit.read", [](Ctx& ctx) {
    repo::AuditFilter f;
    std::tie(f.page, f.size) = ctx.paging();
    f.login = ctx.query("login").value_or("");
    f.action = ctx.query("action").value_or("");
    if (auto from = ctx.query("from")) f.from_utc = shanghai_midnight_utc(*from, "from");
    if (auto to = ctx.query("to")) f.to_utc = core::iso_utc(core::parse_iso_utc(shanghai_midnight_utc(*to, "to")) + 86400);
    auto [rows, total] = repo::list_audit(ctx.conn(), f);
    json::array items;
    for (std::size_t k = 0; k < rows.size(); ++k) {
      json::value detail = nullptr;
      if (auto d = rows.opt_s(k, 7)) {
        boost::system::error_code ec;
        detail = json::parse(*d, ec);
        if (ec) detail = *d;
      }
      items.push_back(json::object{{"id", rows.i(k, 0)},        {"at", rows.s(k, 1)},
                                   {"user_id", nullable(rows.opt_i(k, 2))}, {"login", rows.s(k, 3)},
                                   {"ip", rows.s(k, 4)},        {"action", rows.s(k, 5)},
                                   {"target", rows.s(k, 6)},    {"detail", detail}});
    }
    return json_response(200, json::object{{"items", items}, {"total", total}, {"page", f.page}, {"size", f.size}});
  });

  router.add(Verb::post, "/api/v1/audit/verify", "audit.verify", [](Ctx& ctx) {
    auto id = ctx.submit_job("audit.verify", [](db::Database& db, JobProgress& progress) -> json::value {
      auto c = db.acquire();
      AuditVerdict v = verify_audit(*c, [&](std::int64_t done, std::int64_t total) { progress.update(done, total); });
      progress.update(v.rows, v.rows);
      return json::object{{"ok", v.ok}, {"rows", v.rows}, {"first_broken_id", nullable(v.first_broken_id)},
                          {"message", v.message}};
    });
    ctx.audit.target = "job:" + std::to_string(id);
    return json_response(202, json::object{{"job", job_json(ctx.conn(), id)}});
  }, {.action = "audit.verify"});
}

}  // namespace lx::account
