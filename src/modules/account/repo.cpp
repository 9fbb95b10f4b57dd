#include "modules/account/repo.hpp"

#include "core/time.hpp"
#include "db/tree.hpp"

namespace lx::account::repo {
namespace {

constexpr const char* kUserCols =
    "u.id, u.login, u.name, u.role, u.scope_type, u.scope_id, u.password_hash, u.must_change_password, u.disabled, "
    "u.failed_logins, u.locked_until_unix, u.last_login_at, u.created_at, "
    "CASE u.scope_type WHEN 'party_org' THEN (SELECT name FROM party_orgs WHERE id = u.scope_id) "
    "WHEN 'area' THEN (SELECT name FROM areas WHERE id = u.scope_id) END AS scope_name";

User user_from(const db::Rows& r, std::size_t k) {
  User u;
  u.id = r.i(k, 0);
  u.login = r.s(k, 1);
  u.name = r.s(k, 2);
  u.role = core::parse_role(r.s(k, 3)).value_or(core::Role::member);
  u.scope_type = r.s(k, 4);
  u.scope_id = r.opt_i(k, 5);
  u.password_hash = r.s(k, 6);
  u.must_change_password = r.i(k, 7) != 0;
  u.disabled = r.i(k, 8) != 0;
  u.failed_logins = static_cast<int>(r.i(k, 9));
  u.locked_until = r.i(k, 10);
  u.last_login_at = r.opt_s(k, 11);
  u.created_at = r.s(k, 12);
  u.scope_name = r.s(k, 13);
  return u;
}

std::optional<User> one(const db::Rows& r) {
  if (r.empty()) return std::nullopt;
  return user_from(r, 0);
}

db::Value opt(const std::optional<std::int64_t>& v) { return v ? db::Value(*v) : db::Value(nullptr); }
db::Value opt_text(const std::string& s) { return s.empty() ? db::Value(nullptr) : db::Value(s); }

}  // namespace

std::optional<User> user_by_login(db::Connection& c, const std::string& login) {
  return one(c.query(std::string("SELECT ") + kUserCols + " FROM users u WHERE u.login = ?", {login}));
}

std::optional<User> user_by_id(db::Connection& c, std::int64_t id) {
  return one(c.query(std::string("SELECT ") + kUserCols + " FROM users u WHERE u.id = ?", {id}));
}

std::pair<std::vector<User>, std::int64_t> list_users(db::Connection& c, const UserFilter& f) {
  std::string where = " WHERE 1=1";
  db::Params p;
  if (!f.q.empty()) {
    where += " AND (instr(u.login, ?) > 0 OR instr(u.name, ?) > 0)";
    p.push_back(f.q);
    p.push_back(f.q);
  }
  if (!f.role.empty()) {
    where += " AND u.role = ?";
    p.push_back(f.role);
  }
  std::int64_t total = c.scalar_int("SELECT COUNT(*) FROM users u" + where, p).value_or(0);
  p.push_back(f.size);
  p.push_back((f.page - 1) * f.size);
  auto r = c.query(std::string("SELECT ") + kUserCols + " FROM users u" + where + " ORDER BY u.id LIMIT ? OFFSET ?", p);
  std::vector<User> out;
  for (std::size_t k = 0; k < r.size(); ++k) out.push_back(user_from(r, k));
  return {std::move(out), total};
}

std::int64_t insert_user(db::Connection& c, const User& u) {
  const std::string now = core::now_iso();
  auto r = c.query(
      "INSERT INTO users (login, name, role, scope_type, scope_id, password_hash, must_change_password, disabled, "
      "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {u.login, u.name, std::string(core::role_code(u.role)), opt_text(u.scope_type), opt(u.scope_id),
       u.password_hash, std::int64_t{u.must_change_password}, std::int64_t{u.disabled}, now, now});
  return r.i(0, 0);
}

void update_user(db::Connection& c, const User& u) {
  c.exec("UPDATE users SET name = ?, role = ?, scope_type = ?, scope_id = ?, disabled = ?, updated_at = ? WHERE id = ?",
         {u.name, std::string(core::role_code(u.role)), opt_text(u.scope_type), opt(u.scope_id),
          std::int64_t{u.disabled}, core::now_iso(), u.id});
}

void set_password(db::Connection& c, std::int64_t id, const std::string& hash, bool must_change) {
  const std::string now = core::now_iso();
  c.exec(
      "UPDATE users SET password_hash = ?, must_change_password = ?, password_changed_at = ?, failed_logins = 0, "
      "locked_until_unix = 0, updated_at = ? WHERE id = ?",
      {hash, std::int64_t{must_change}, now, now, id});
}

int add_failure(db::Connection& c, std::int64_t id) {
  auto r = c.query("UPDATE users SET failed_logins = failed_logins + 1 WHERE id = ? RETURNING failed_logins", {id});
  return r.empty() ? 0 : static_cast<int>(r.i(0, 0));
}

void lock_user(db::Connection& c, std::int64_t id, std::int64_t locked_until) {
  c.exec("UPDATE users SET locked_until_unix = ? WHERE id = ?", {locked_until, id});
}

void record_login(db::Connection& c, std::int64_t id) {
  c.exec("UPDATE users SET failed_logins = 0, locked_until_unix = 0, last_login_at = ? WHERE id = ?",
         {core::now_iso(), id});
}

std::int64_t count_active_admins(db::Connection& c) {
  return c.scalar_int("SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled = 0").value_or(0);
}

void insert_session(db::Connection& c, const std::string& token_hash, std::int64_t user_id, const std::string& csrf,
                    std::int64_t now, const std::string& ip, const std::string& user_agent) {
  c.exec(
      "INSERT INTO sessions (token_hash, user_id, csrf_token, created_unix, last_seen_unix, ip, user_agent) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)",
      {token_hash, user_id, csrf, now, now, ip, user_agent.substr(0, 300)});
}

std::optional<SessionRow> session_by_token_hash(db::Connection& c, const std::string& token_hash) {
  auto r = c.query("SELECT id, user_id, created_unix, last_seen_unix, csrf_token FROM sessions WHERE token_hash = ?",
                   {token_hash});
  if (r.empty()) return std::nullopt;
  return SessionRow{r.i(0, 0), r.i(0, 1), r.i(0, 2), r.i(0, 3), r.s(0, 4)};
}

void touch_session(db::Connection& c, std::int64_t id, std::int64_t now) {
  c.exec("UPDATE sessions SET last_seen_unix = ? WHERE id = ?", {now, id});
}

void delete_session(db::Connection& c, std::int64_t id) { c.exec("DELETE FROM sessions WHERE id = ?", {id}); }

void delete_user_sessions(db::Connection& c, std::int64_t user_id) {
  c.exec("DELETE FROM sessions WHERE user_id = ?", {user_id});
}

std::optional<ScopeRoot> scope_root(db::Connection& c, const std::string& type, std::int64_t id) {
  const char* sql = type == "party_org" ? "SELECT name, path FROM party_orgs WHERE id = ?"
                    : type == "area"    ? "SELECT name, path FROM areas WHERE id = ?"
                                        : nullptr;
  if (!sql) return std::nullopt;
  auto r = c.query(sql, {id});
  if (r.empty()) return std::nullopt;
  return ScopeRoot{r.s(0, 0), r.s(0, 1)};
}

std::vector<ScopeNode> scope_nodes(db::Connection& c, const http::Scope& scope) {
  std::vector<ScopeNode> out;
  auto add = [&](const char* table, const char* type, bool whole) {
    std::string sql = std::string("SELECT id, name, parent_id FROM ") + table;
    db::Params p;
    if (!whole) {
      auto [lo, hi] = db::subtree_range(scope.path);
      sql += " WHERE path >= ? AND path < ?";
      p = {lo, hi};
    }
    sql += " ORDER BY path";
    auto r = c.query(sql, p);
    for (std::size_t k = 0; k < r.size(); ++k) {
      ScopeNode n{type, r.i(k, 0), r.s(k, 1), r.opt_i(k, 2)};
      // The root of a partial tree has no visible parent.
      if (!whole && k == 0) n.parent_id.reset();
      out.push_back(std::move(n));
    }
  };
  using K = http::Scope::Kind;
  if (scope.kind == K::all || scope.kind == K::party_org) add("party_orgs", "party_org", scope.kind == K::all);
  if (scope.kind == K::all || scope.kind == K::area) add("areas", "area", scope.kind == K::all);
  return out;
}

std::pair<db::Rows, std::int64_t> list_audit(db::Connection& c, const AuditFilter& f) {
  std::string where = " WHERE 1=1";
  db::Params p;
  if (!f.login.empty()) {
    where += " AND login = ?";
    p.push_back(f.login);
  }
  if (!f.action.empty()) {
    where += " AND instr(action, ?) > 0";
    p.push_back(f.action);
  }
  if (!f.from_utc.empty()) {
    where += " AND at >= ?";
    p.push_back(f.from_utc);
  }
  if (!f.to_utc.empty()) {
    where += " AND at < ?";
    p.push_back(f.to_utc);
  }
  std::int64_t total = c.scalar_int("SELECT COUNT(*) FROM audit_log" + where, p).value_or(0);
  p.push_back(f.size);
  p.push_back((f.page - 1) * f.size);
  auto rows = c.query("SELECT id, at, user_id, login, ip, action, target, detail FROM audit_log" + where +
                          " ORDER BY id DESC LIMIT ? OFFSET ?",
                      p);
  return {std::move(rows), total};
}

}  // namespace lx::account::repo
