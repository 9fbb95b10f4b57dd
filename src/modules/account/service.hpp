// Accounts: sign-in with lockout, sessions, password changes under the
// password policy, and user administration with data scopes. Every function
// runs inside the caller's transaction (or on its connection) and reports
// refusals as lx::Error with a Chinese message.
#pragma once
#include <optional>
#include <string>

#include "core/config.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "http/message.hpp"
#include "modules/account/model.hpp"

namespace lx::account {

// Hashes a dummy password once, so sign-in for an unknown login costs the
// same time as for a known one.
void prepare_dummy_hash(const core::Config& cfg);

struct SignIn {
  User user;
  std::string token;  // goes into the cookie; only its hash is stored
  std::string csrf;
};

// Checks login and password. Unknown login, wrong password and disabled
// account answer alike (401); a locked account answers 423. Failures are
// counted and lock the account at the threshold (config lockout_*).
// Writes go through db in their own short transactions.
Result<SignIn> sign_in(db::Database& db, const core::Config& cfg, const std::string& login,
                       const std::string& password, const std::string& ip, const std::string& user_agent);

// The principal for a session token, touching the session; nullopt when the
// token is unknown, the session has expired or the user is disabled.
std::optional<http::Principal> principal_for_token(db::Connection& c, const core::Config& cfg,
                                                   const std::string& token);

// Changes the caller's password after checking the old one and the policy;
// clears the forced-change flag.
Status change_password(db::Connection& c, const core::Config& cfg, std::int64_t user_id, const std::string& old_pw,
                       const std::string& new_pw);

struct UserInput {
  std::optional<std::string> login, name, role, scope_type, password;
  std::optional<std::int64_t> scope_id;
  bool scope_given = false;
  std::optional<bool> disabled;
};

// Creates a user (admin action or CLI). must_change follows config unless overridden.
Result<User> create_user(db::Connection& c, const core::Config& cfg, const UserInput& in,
                         std::optional<bool> must_change = std::nullopt);

// Changes name, role, scope or disabled; refuses to leave the district without an active admin.
Result<User> update_user(db::Connection& c, std::int64_t id, const UserInput& in, std::int64_t acting_user);

// Sets a new password chosen by an admin; the user must change it at next sign-in.
Result<User> reset_password(db::Connection& c, const core::Config& cfg, std::int64_t id, const std::string& password);

// The user with this id or login, if any (other modules: linking a member's account).
std::optional<User> find_user(db::Connection& c, std::int64_t id);
std::optional<User> find_user_by_login(db::Connection& c, const std::string& login);

}  // namespace lx::account
