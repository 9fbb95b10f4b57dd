// The permission matrix: every route of the router × every role. Each route
// is called as a signed-in user of each role ({id}-style parameters set to 1,
// body {}); a role the route's permission grants must never get 403
// "forbidden", and any other role must get exactly that, with nothing
// written. Routes are read from lx::app::register_all_routes, so a route a
// module adds later is covered without touching this file.
//
// A module that refuses an allowed role for another reason (a record outside
// the user's data scope, say) must answer 404 or a 403 with its own code,
// never "forbidden", which means "your role lacks the permission".
#include <gtest/gtest.h>

#include <cctype>
#include <map>

#include "core/roles.hpp"
#include "harness.hpp"

namespace lx::test {
namespace {

class PermissionMatrix : public SharedServer<PermissionMatrix>, public ::testing::WithParamInterface<RouteInfo> {
 public:
  static void TearDownTestSuite() {
    users().clear();
    SharedServer<PermissionMatrix>::TearDownTestSuite();
  }

 protected:
  void SetUp() override {
    SharedServer<PermissionMatrix>::SetUp();
    if (IsSkipped() || HasFatalFailure() || !users().empty()) return;
    Client admin = server().admin();
    for (core::Role role : core::all_roles()) {
      const std::string code(core::role_code(role));
      auto u = make_user(server(), admin, code, "matrix_" + code);
      ASSERT_NE(u.id, 0) << "could not make a " << code << " user";
      users().emplace(role, std::move(u));
    }
  }

  static std::map<core::Role, SignedIn>& users() {
    static std::map<core::Role, SignedIn> m;
    return m;
  }

  // The role's client, signed in again if an earlier route (logout) ended its session.
  Client& client(core::Role role) {
    SignedIn& u = users().at(role);
    if (u.client.get("/api/v1/session").status != 200) {
      u.client = Client(port());
      auto r = u.client.login(u.login, kUserPassword);
      EXPECT_EQ(r.status, 200) << r.body;
    }
    return u.client;
  }
};

TEST_P(PermissionMatrix, EachRoleGetsExactlyWhatItsPermissionGrants) {
  const RouteInfo& route = GetParam();
  const std::string target = expand(route.pattern);
  for (core::Role role : core::all_roles()) {
    const std::string code(core::role_code(role));
    SCOPED_TRACE(code + " → " + route.method + " " + target + " (permission " + route.permission + ")");
    Client& c = client(role);
    const auto audit_before = server().count("audit_log");
    auto r = c.request(route.method, target, route.write ? "{}" : "");
    const bool allowed = route.permission == core::kPublic || core::role_allows(role, route.permission);
    if (allowed) {
      EXPECT_FALSE(r.status == 403 && r.error_code() == "forbidden") << r.body;
      EXPECT_NE(r.status, 401) << "the matrix user must be signed in: " << r.body;
      EXPECT_NE(r.error_code(), "csrf") << r.body;
      EXPECT_NE(r.error_code(), "password_change_required") << r.body;
      EXPECT_LT(r.status, 500) << r.body;
    } else {
      EXPECT_EQ(r.status, 403) << r.body;
      EXPECT_EQ(r.error_code(), "forbidden") << r.body;
      EXPECT_EQ(server().count("audit_log"), audit_before) << "a forbidden request writes nothing";
    }
  }
}

TEST_P(PermissionMatrix, ForbiddenAnswersDoNotDependOnTheIdOrBody) {
  // The permission check runs before the handler looks at its input.
  const RouteInfo& route = GetParam();
  for (core::Role role : core::all_roles()) {
    if (route.permission == core::kPublic || core::role_allows(role, route.permission)) continue;
    SCOPED_TRACE(std::string(core::role_code(role)) + " → " + route.method + " " + route.pattern);
    auto r = client(role).request(route.method, expand(route.pattern, "999999"), route.write ? "not json" : "");
    EXPECT_EQ(r.status, 403) << r.body;
    EXPECT_EQ(r.error_code(), "forbidden") << r.body;
  }
}

std::string route_name(const ::testing::TestParamInfo<RouteInfo>& info) {
  std::string name = info.param.method + "_";
  for (char ch : info.param.pattern) name += std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(AllRoutes, PermissionMatrix, ::testing::ValuesIn(product_routes()), route_name);

TEST(PermissionMatrixCoverage, TheMatrixSeesEveryRouteAndEveryRole) {
  const auto routes = product_routes();
  EXPECT_GE(routes.size(), 12u) << "the platform alone has a dozen routes";
  EXPECT_EQ(core::all_roles().size(), 6u);
  for (const auto& r : routes) {
    EXPECT_FALSE(r.permission.empty()) << r.method << " " << r.pattern;
    EXPECT_TRUE(core::permission_known(r.permission)) << r.method << " " << r.pattern << ": " << r.permission;
  }
}

}  // namespace
}  // namespace lx::test
