// The browser's copy of the permission table (web/src/utils/permissions.ts)
// must say exactly what src/core/roles.cpp says: a stale copy shows buttons a
// role cannot use, or hides ones it can.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "core/roles.hpp"

namespace lx::core {
namespace {

std::map<std::string, std::set<std::string>> client_table() {
  std::ifstream in(std::string(LX_SOURCE_DIR) + "/web/src/utils/permissions.ts");
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  const auto start = text.find("permissionTable");
  std::map<std::string, std::set<std::string>> out;
  if (start == std::string::npos) return out;
  const std::string body = text.substr(start, text.find("\n}", start) - start);
  static const std::regex entry(R"('([a-z_.]+)':\s*(ALL|\[([^\]]*)\]))");
  static const std::regex role(R"('([a-z]+)')");
  for (std::sregex_iterator it(body.begin(), body.end(), entry), end; it != end; ++it) {
    std::set<std::string> roles;
    if ((*it)[2] == "ALL") {
      for (Role r : all_roles()) roles.insert(std::string(role_code(r)));
    } else {
      const std::string list = (*it)[3];
      for (std::sregex_iterator r(list.begin(), list.end(), role); r != std::sregex_iterator(); ++r) roles.insert((*r)[1]);
    }
    out[(*it)[1]] = roles;
  }
  return out;
}

TEST(Roles, ClientCopyOfThePermissionTableMatchesTheServer) {
  const auto client = client_table();
  ASSERT_FALSE(client.empty()) << "permissionTable not found in web/src/utils/permissions.ts";
  for (const auto& p : all_permissions()) {
    if (p == kPublic) continue;
    std::set<std::string> server;
    for (Role r : all_roles())
      if (role_allows(r, p)) server.insert(std::string(role_code(r)));
    auto it = client.find(p);
    if (it == client.end()) {
      ADD_FAILURE() << "permissions.ts lacks " << p;
      continue;
    }
    EXPECT_EQ(it->second, server) << p;
  }
  for (const auto& [p, roles] : client) {
    const auto all = all_permissions();
    EXPECT_NE(std::find(all.begin(), all.end(), p), all.end()) << "permissions.ts has " << p << ", the server does not";
  }
}

}  // namespace
}  // namespace lx::core
