// Roles (DESIGN.md "Users and what they do") and the one table that says
// which role holds which permission. Routes name a permission; the request
// pipeline asks this table; anything the table does not grant is denied.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lx::core {

enum class Role { admin, office, street, secretary, instructor, member };

// Every role, in the order the UI lists them.
const std::vector<Role>& all_roles();
std::string_view role_code(Role r);          // "admin", …
std::string_view role_name_zh(Role r);       // "系统管理员", …
std::optional<Role> parse_role(std::string_view code);

// Permissions that need no role.
inline constexpr std::string_view kPublic = "public";    // anyone, no session
inline constexpr std::string_view kSession = "session";  // any signed-in user

// True when the permission is known to the table (or is public/session).
bool permission_known(std::string_view permission);

// True when role r holds the permission.
bool role_allows(Role r, std::string_view permission);

// Every permission in the table (public and session excluded).
std::vector<std::string> all_permissions();

}  // namespace lx::core
