// Accounts: users with a role and a data scope, and their sessions.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "core/roles.hpp"

namespace lx::account {

struct User {
  std::int64_t id = 0;
  std::string login;
  std::string name;
  core::Role role = core::Role::member;
  std::string scope_type;                  // "", "party_org", "area"
  std::optional<std::int64_t> scope_id;
  std::string scope_name;                  // resolved for display
  std::string password_hash;
  bool must_change_password = true;
  bool disabled = false;
  int failed_logins = 0;
  std::int64_t locked_until = 0;
  std::optional<std::string> last_login_at;
  std::string created_at;
};

}  // namespace lx::account
