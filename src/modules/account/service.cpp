#include "modules/account/service.hpp"

#include <boost/json.hpp>

#include "core/password_policy.hpp"
#include "core/time.hpp"
#include "modules/account/audit.hpp"
#include "modules/account/crypto.hpp"
#include "modules/account/repo.hpp"
#include "modules/account/session_logic.hpp"

namespace lx::account {
namespace {

std::string& dummy_hash() {
  static std::string h;
  return h;
}

core::PasswordPolicy policy_of(const core::Config& cfg) {
  core::PasswordPolicy p;
  p.min_length = cfg.password_min_length;
  p.min_classes = cfg.password_min_classes;
  return p;
}

Error bad_credentials() { return make_error("bad_credentials", "用户名或密码错误", "", 401); }

Error locked(std::int64_t until, std::int64_t now) {
  return make_error("locked",
                    "连续登录失败次数过多，账号已被锁定，请 " + std::to_string(minutes_left(until, now)) + " 分钟后再试",
                    "", 423);
}

void audit_sign_in(db::Connection& c, const std::optional<std::int64_t>& uid, const std::string& login,
                   const std::string& ip, const std::string& action) {
  append_audit(c, AuditEntry{uid, login, ip, action, uid ? "user:" + std::to_string(*uid) : "", ""});
}

// R: roles other than admin and office work inside a subtree, so they need a scope.
Status check_scope(db::Connection& c, core::Role role, const std::string& type, const std::optional<std::int64_t>& id) {
  using R = core::Role;
  if (type.empty()) {
    if (id) return make_error("invalid_scope", "数据范围类型不能为空", "scope_type");
    if (role == R::admin || role == R::office) return {};
    return make_error("invalid_scope", "该角色必须指定数据范围（党组织或属地）", "scope_id");
  }
  if (type != "party_org" && type != "area")
    return make_error("invalid_scope", "数据范围类型须为 party_org（党组织）或 area（属地）", "scope_type");
  if ((role == R::secretary || role == R::member) && type != "party_org")
    return make_error("invalid_scope", "党组织书记和党员的数据范围须为党组织", "scope_type");
  if (!id) return make_error("invalid_scope", "请选择数据范围", "scope_id");
  if (!repo::scope_root(c, type, *id)) return make_error("invalid_scope", "所选数据范围不存在", "scope_id");
  return {};
}

}  // namespace

void prepare_dummy_hash(const core::Config& cfg) { dummy_hash() = hash_password(random_hex(16), cfg.argon2_cost); }

Result<SignIn> sign_in(db::Database& db, const core::Config& cfg, const std::string& login,
                       const std::string& password, const std::string& ip, const std::string& user_agent) {
  const std::int64_t now = core::now_unix();
  std::optional<User> user;
  {
    auto c = db.acquire();
    user = repo::user_by_login(*c, login);
  }
  if (!user || user->disabled) {
    if (!dummy_hash().empty()) verify_password(dummy_hash(), password);  // same cost as a real check
    db.transaction([&](db::Connection& c) { audit_sign_in(c, std::nullopt, login, ip, "session.login_failed"); });
    return bad_credentials();
  }
  if (is_locked(user->locked_until, now)) {
    verify_password(dummy_hash().empty() ? user->password_hash : dummy_hash(), password);
    return locked(user->locked_until, now);
  }
  // The slow hash runs outside any transaction, so sign-ins never hold the write lock.
  const bool good = verify_password(user->password_hash, password);
  if (!good) {
    std::int64_t until = 0;
    db.transaction([&](db::Connection& c) {
      const int failures = repo::add_failure(c, user->id);
      until = lock_until_after_failure(failures, cfg.lockout_threshold, cfg.lockout_minutes, now);
      if (until) repo::lock_user(c, user->id, until);
      audit_sign_in(c, user->id, login, ip, until ? "session.locked" : "session.login_failed");
    });
    if (until) return locked(until, now);
    return bad_credentials();
  }
  SignIn out;
  out.token = random_hex(32);
  out.csrf = random_hex(32);
  bool raced_lock = false;
  db.transaction([&](db::Connection& c) {
    // A lock set by concurrent failures since we read the row still holds.
    auto fresh = repo::user_by_id(c, user->id);
    if (!fresh || fresh->disabled || is_locked(fresh->locked_until, now)) {
      raced_lock = true;
      return;
    }
    repo::record_login(c, user->id);
    repo::insert_session(c, sha256_hex(out.token), user->id, out.csrf, now, ip, user_agent);
    audit_sign_in(c, user->id, login, ip, "session.login");
    out.user = *fresh;
  });
  if (raced_lock) return bad_credentials();
  return out;
}

std::optional<http::Principal> principal_for_token(db::Connection& c, const core::Config& cfg,
                                                   const std::string& token) {
  if (token.size() != 64) return std::nullopt;
  auto s = repo::session_by_token_hash(c, sha256_hex(token));
  if (!s) return std::nullopt;
  const std::int64_t now = core::now_unix();
  if (session_expired(s->created, s->last_seen, now, cfg.session_idle_minutes, cfg.session_absolute_hours)) {
    repo::delete_session(c, s->id);
    return std::nullopt;
  }
  auto u = repo::user_by_id(c, s->user_id);
  if (!u || u->disabled) return std::nullopt;
  // Record use at most once a minute: idle expiry needs no finer grain.
  // Best effort: while the storage refuses writes, reads still work.
  if (now - s->last_seen >= 60) {
    try {
      repo::touch_session(c, s->id, now);
    } catch (const db::DbError& e) {
      if (e.kind() != db::ErrorKind::read_only && e.kind() != db::ErrorKind::disk_full) throw;
    }
  }
  http::Principal p;
  p.user_id = u->id;
  p.login = u->login;
  p.name = u->name;
  p.role = u->role;
  p.scope_type = u->scope_type;
  p.scope_id = u->scope_id;
  p.must_change_password = u->must_change_password;
  p.session_id = s->id;
  p.csrf_token = s->csrf;
  return p;
}

Status change_password(db::Connection& c, const core::Config& cfg, std::int64_t user_id, const std::string& old_pw,
                       const std::string& new_pw) {
  auto u = repo::user_by_id(c, user_id);
  if (!u) return make_error("not_found", "用户不存在", "", 404);
  if (!verify_password(u->password_hash, old_pw)) return make_error("bad_credentials", "原密码不正确", "old_password");
  if (old_pw == new_pw) return make_error("weak_password", "新密码不能与原密码相同", "new_password");
  Status st = core::check_password(policy_of(cfg), new_pw, u->login);
  if (!st) {
    Error e = st.error();
    e.field = "new_password";
    return e;
  }
  repo::set_password(c, user_id, hash_password(new_pw, cfg.argon2_cost), false);
  return {};
}

Result<User> create_user(db::Connection& c, const core::Config& cfg, const UserInput& in,
                         std::optional<bool> must_change) {
  User u;
  if (!in.login || in.login->empty()) return make_error("missing_field", "请填写登录名", "login");
  for (char ch : *in.login)
    if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '.' || ch == '-') || in.login->size() > 64)
      return make_error("invalid_value", "登录名只能包含字母、数字、下划线、点和连字符，最长 64 位", "login");
  u.login = *in.login;
  if (!in.name || in.name->empty()) return make_error("missing_field", "请填写姓名", "name");
  u.name = *in.name;
  auto role = core::parse_role(in.role.value_or(""));
  if (!role) return make_error("invalid_value", "角色无效", "role");
  u.role = *role;
  u.scope_type = in.scope_type.value_or("");
  u.scope_id = in.scope_id;
  Status st = check_scope(c, u.role, u.scope_type, u.scope_id);
  if (!st) return st.error();
  if (!in.password) return make_error("missing_field", "请填写初始密码", "password");
  st = core::check_password(policy_of(cfg), *in.password, u.login);
  if (!st) return st.error();
  if (repo::user_by_login(c, u.login)) return make_error("conflict", "登录名已被使用：" + u.login, "login", 409);
  u.password_hash = hash_password(*in.password, cfg.argon2_cost);
  u.must_change_password = must_change.value_or(cfg.force_password_change);
  u.id = repo::insert_user(c, u);
  return *repo::user_by_id(c, u.id);
}

Result<User> update_user(db::Connection& c, std::int64_t id, const UserInput& in, std::int64_t acting_user) {
  auto found = repo::user_by_id(c, id);
  if (!found) return make_error("not_found", "用户不存在", "", 404);
  User u = *found;
  const bool was_admin = u.role == core::Role::admin && !u.disabled;
  if (in.name) {
    if (in.name->empty()) return make_error("missing_field", "请填写姓名", "name");
    u.name = *in.name;
  }
  if (in.role) {
    auto role = core::parse_role(*in.role);
    if (!role) return make_error("invalid_value", "角色无效", "role");
    u.role = *role;
  }
  if (in.scope_given) {
    u.scope_type = in.scope_type.value_or("");
    u.scope_id = in.scope_id;
  }
  if (in.role || in.scope_given) {
    Status st = check_scope(c, u.role, u.scope_type, u.scope_id);
    if (!st) return st.error();
  }
  if (in.disabled) {
    if (*in.disabled && id == acting_user) return make_error("invalid_value", "不能停用自己的账号", "disabled");
    u.disabled = *in.disabled;
  }
  const bool is_admin = u.role == core::Role::admin && !u.disabled;
  if (was_admin && !is_admin && repo::count_active_admins(c) <= 1)
    return make_error("invalid_value", "系统至少需要保留一个启用的系统管理员", "role");
  repo::update_user(c, u);
  if (u.disabled) repo::delete_user_sessions(c, id);
  return *repo::user_by_id(c, id);
}

Result<User> reset_password(db::Connection& c, const core::Config& cfg, std::int64_t id, const std::string& password) {
  auto u = repo::user_by_id(c, id);
  if (!u) return make_error("not_found", "用户不存在", "", 404);
  Status st = core::check_password(policy_of(cfg), password, u->login);
  if (!st) return st.error();
  repo::set_password(c, id, hash_password(password, cfg.argon2_cost), true);
  repo::delete_user_sessions(c, id);
  return *repo::user_by_id(c, id);
}

std::optional<User> find_user(db::Connection& c, std::int64_t id) { return repo::user_by_id(c, id); }

std::optional<User> find_user_by_login(db::Connection& c, const std::string& login) {
  return repo::user_by_login(c, login);
}

}  // namespace lx::account
