// The account module's SQL: users, sessions, scopes, the audit list. Nothing
// else reads or writes these tables (the audit chain lives in audit.cpp).
#pragma once
#include <optional>
#include <vector>

#include "db/database.hpp"
#include "http/message.hpp"
#include "modules/account/model.hpp"

namespace lx::account::repo {

std::optional<User> user_by_login(db::Connection& c, const std::string& login);
std::optional<User> user_by_id(db::Connection& c, std::int64_t id);

struct UserFilter {
  std::string q;          // login or name fragment
  std::string role;
  std::int64_t page = 1, size = 20;
};
std::pair<std::vector<User>, std::int64_t> list_users(db::Connection& c, const UserFilter& f);

std::int64_t insert_user(db::Connection& c, const User& u);
void update_user(db::Connection& c, const User& u);   // name, role, scope, disabled
void set_password(db::Connection& c, std::int64_t id, const std::string& hash, bool must_change);
// Adds one failed sign-in atomically; returns the new count.
int add_failure(db::Connection& c, std::int64_t id);
void lock_user(db::Connection& c, std::int64_t id, std::int64_t locked_until);
void record_login(db::Connection& c, std::int64_t id);
std::int64_t count_active_admins(db::Connection& c);

// Sessions are found by the SHA-256 of their token; the token itself is never stored.
void insert_session(db::Connection& c, const std::string& token_hash, std::int64_t user_id, const std::string& csrf,
                    std::int64_t now, const std::string& ip, const std::string& user_agent);
struct SessionRow {
  std::int64_t id, user_id, created, last_seen;
  std::string csrf;
};
std::optional<SessionRow> session_by_token_hash(db::Connection& c, const std::string& token_hash);
void touch_session(db::Connection& c, std::int64_t id, std::int64_t now);
void delete_session(db::Connection& c, std::int64_t id);
void delete_user_sessions(db::Connection& c, std::int64_t user_id);

// The name and path of a scope root; nullopt when it does not exist.
struct ScopeRoot {
  std::string name, path;
};
std::optional<ScopeRoot> scope_root(db::Connection& c, const std::string& type, std::int64_t id);

// Tree nodes visible in a scope: (type, id, name, parent_id).
struct ScopeNode {
  std::string type;
  std::int64_t id;
  std::string name;
  std::optional<std::int64_t> parent_id;
};
std::vector<ScopeNode> scope_nodes(db::Connection& c, const http::Scope& scope);

struct AuditFilter {
  std::string login, action, from_utc, to_utc;
  std::int64_t page = 1, size = 20;
};
// Audit rows newest first, and their total count.
std::pair<db::Rows, std::int64_t> list_audit(db::Connection& c, const AuditFilter& f);

}  // namespace lx::account::repo
