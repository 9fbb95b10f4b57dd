#include "core/roles.hpp"

#include <map>
#include <set>

namespace lx::core {
namespace {

using R = Role;

// permission → roles holding it. Keep in step with web/src/utils/permissions.ts (the client copy).
const std::map<std::string, std::set<Role>, std::less<>>& table() {
  static const std::map<std::string, std::set<Role>, std::less<>> t = {
      {"user.manage", {R::admin}},
      {"settings.read", {R::admin, R::office, R::street, R::secretary, R::instructor, R::member}},
      {"settings.manage", {R::admin}},
      {"area.manage", {R::admin, R::office}},
      {"census.read", {R::admin, R::office, R::street, R::secretary, R::instructor}},
      {"census.write", {R::admin, R::office, R::street}},
      {"census.import", {R::admin, R::office, R::street}},
      // The import routes (/api/v1/import/{ledger}); each ledger then asks for its own import permission.
      {"ledger.import", {R::admin, R::office, R::street, R::secretary}},
      {"partyorg.read", {R::admin, R::office, R::street, R::secretary, R::instructor}},
      {"partyorg.write", {R::admin, R::office, R::street}},
      {"stats.read", {R::admin, R::office, R::street, R::secretary, R::instructor}},
      {"member.read", {R::admin, R::office, R::street, R::secretary}},
      {"member.write", {R::admin, R::office, R::street, R::secretary}},
      {"member.reveal", {R::admin, R::office, R::secretary}},
      {"member.transfer", {R::admin, R::office, R::street, R::secretary}},
      {"member.import", {R::admin, R::office, R::street, R::secretary}},   // a secretary imports his branch's members
      {"recruit.read", {R::admin, R::office, R::street, R::secretary}},
      {"recruit.write", {R::admin, R::office, R::street, R::secretary}},
      // Organisational life: branch items members may read (their own party org only), records
      // kept by the branch and the offices above it, and a member's own check-in and discussion.
      {"life.read", {R::admin, R::office, R::street, R::secretary, R::member}},
      {"life.write", {R::admin, R::office, R::street, R::secretary}},
      {"life.self", {R::admin, R::office, R::street, R::secretary, R::instructor, R::member}},
      {"partyorg.committee", {R::admin, R::office, R::street, R::secretary}},
      {"audit.read", {R::admin}},
      {"audit.verify", {R::admin}},
      {"scope.read", {R::admin, R::office, R::street, R::secretary, R::instructor, R::member}},
      {"job.read", {R::admin, R::office, R::street, R::secretary, R::instructor, R::member}},
  };
  return t;
}

}  // namespace

const std::vector<Role>& all_roles() {
  static const std::vector<Role> roles = {R::admin, R::office, R::street, R::secretary, R::instructor, R::member};
  return roles;
}

std::string_view role_code(Role r) {
  switch (r) {
    case R::admin: return "admin";
    case R::office: return "office";
    case R::street: return "street";
    case R::secretary: return "secretary";
    case R::instructor: return "instructor";
    case R::member: return "member";
  }
  return "member";
}

std::string_view role_name_zh(Role r) {
  switch (r) {
    case R::admin: return "系统管理员";
    case R::office: return "组织部（两新工委）";
    case R::street: return "街道党工委";
    case R::secretary: return "党组织书记";
    case R::instructor: return "党建指导员";
    case R::member: return "党员";
  }
  return "";
}

std::optional<Role> parse_role(std::string_view code) {
  for (Role r : all_roles())
    if (role_code(r) == code) return r;
  return std::nullopt;
}

bool permission_known(std::string_view permission) {
  return permission == kPublic || permission == kSession || table().find(permission) != table().end();
}

bool role_allows(Role r, std::string_view permission) {
  if (permission == kSession) return true;
  auto it = table().find(permission);
  return it != table().end() && it->second.count(r) > 0;
}

std::vector<std::string> all_permissions() {
  std::vector<std::string> out;
  for (const auto& [p, roles] : table()) out.push_back(p);
  return out;
}

}  // namespace lx::core
