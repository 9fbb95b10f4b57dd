// Unit tests for http::Router (path parameters, 404 versus 405) and for the
// product's routing table: every route declares a known, non-empty
// permission, and the router refuses one it does not know.
#include "http/router.hpp"

#include <gtest/gtest.h>

#include <set>
#include <stdexcept>

#include "app/app.hpp"
#include "core/roles.hpp"

using namespace lx::http;

namespace {

Handler noop() {
  return [](Ctx&) { return Response{}; };
}

Router sample() {
  Router r;
  r.add(Verb::get, "/api/v1/users", "user.manage", noop());
  r.add(Verb::post, "/api/v1/users", "user.manage", noop());
  r.add(Verb::patch, "/api/v1/users/{id}", "user.manage", noop());
  r.add(Verb::post, "/api/v1/users/{id}/password", "user.manage", noop());
  r.add(Verb::get, "/api/v1/health", "public", noop());
  return r;
}

}  // namespace

TEST(Router, ExactPathMatches) {
  Router r = sample();
  auto m = r.match(Verb::get, "/api/v1/users");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/api/v1/users");
  EXPECT_EQ(m.route->method, Verb::get);
  EXPECT_TRUE(m.params.empty());
}

TEST(Router, MethodSelectsAmongRoutesOfOnePath) {
  Router r = sample();
  auto m = r.match(Verb::post, "/api/v1/users");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->method, Verb::post);
}

TEST(Router, PathParametersAreCaptured) {
  Router r = sample();
  auto m = r.match(Verb::post, "/api/v1/users/42/password");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/api/v1/users/{id}/password");
  EXPECT_EQ(m.params.at("id"), "42");
}

TEST(Router, TrailingSlashIsTheSamePath) {
  Router r = sample();
  EXPECT_NE(r.match(Verb::get, "/api/v1/users/").route, nullptr);
}

TEST(Router, EmptyParameterSegmentDoesNotMatch) {
  Router r = sample();
  auto m = r.match(Verb::post, "/api/v1/users//password");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_FALSE(m.path_known);
}

TEST(Router, UnknownPathIsNotKnown) {
  Router r = sample();
  for (const char* p : {"/api/v1/nothing", "/api/v1/users/1/2", "/api/v1", "/api/v2/users"}) {
    auto m = r.match(Verb::get, p);
    EXPECT_EQ(m.route, nullptr) << p;
    EXPECT_FALSE(m.path_known) << p << " must answer 404, not 405";
  }
}

TEST(Router, KnownPathWithAnotherMethodListsTheAllowedOnes) {
  Router r = sample();
  auto m = r.match(Verb::delete_, "/api/v1/users");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_TRUE(m.path_known);
  std::set<Verb> allowed(m.allowed.begin(), m.allowed.end());
  EXPECT_EQ(allowed, (std::set<Verb>{Verb::get, Verb::post}));
}

TEST(Router, HeadIsAnsweredByTheGetRoute) {
  Router r = sample();
  auto m = r.match(Verb::head, "/api/v1/health");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->method, Verb::get);
}

TEST(Router, RouteWithoutActionGetsMethodAndPattern) {
  Router r = sample();
  EXPECT_EQ(r.match(Verb::get, "/api/v1/users").route->options.action, "GET /api/v1/users");
}

TEST(Router, WritesAreEverythingButGetHeadOptions) {
  EXPECT_FALSE(is_write(Verb::get));
  EXPECT_FALSE(is_write(Verb::head));
  EXPECT_FALSE(is_write(Verb::options));
  EXPECT_TRUE(is_write(Verb::post));
  EXPECT_TRUE(is_write(Verb::put));
  EXPECT_TRUE(is_write(Verb::patch));
  EXPECT_TRUE(is_write(Verb::delete_));
}

TEST(RoutePermissions, RouterRefusesAnUndeclaredPermission) {
  Router r;
  EXPECT_THROW(r.add(Verb::get, "/api/v1/x", "no.such.permission", noop()), std::logic_error);
  EXPECT_THROW(r.add(Verb::get, "/api/v1/x", "", noop()), std::logic_error);
  EXPECT_TRUE(r.routes().empty());
}

TEST(RoutePermissions, EveryProductRouteDeclaresAKnownPermission) {
  Router r;
  lx::app::register_all_routes(r);
  ASSERT_FALSE(r.routes().empty());
  for (const Route& route : r.routes()) {
    SCOPED_TRACE(std::string(boost::beast::http::to_string(route.method)) + " " + route.pattern);
    EXPECT_FALSE(route.permission.empty());
    EXPECT_TRUE(lx::core::permission_known(route.permission)) << route.permission;
    EXPECT_NE(route.handler, nullptr);
  }
}

TEST(RoutePermissions, OnlyHealthAndSignInArePublic) {
  // A public route needs no session: adding one is a decision, so it shows here.
  Router r;
  lx::app::register_all_routes(r);
  std::set<std::string> pub;
  for (const Route& route : r.routes())
    if (route.permission == lx::core::kPublic)
      pub.insert(std::string(boost::beast::http::to_string(route.method)) + " " + route.pattern);
  EXPECT_EQ(pub, (std::set<std::string>{"GET /api/v1/health", "POST /api/v1/session"}));
}

TEST(RoutePermissions, NoTwoRoutesShareMethodAndPattern) {
  Router r;
  lx::app::register_all_routes(r);
  std::set<std::string> seen;
  for (const Route& route : r.routes()) {
    const std::string key = std::string(boost::beast::http::to_string(route.method)) + " " + route.pattern;
    EXPECT_TRUE(seen.insert(key).second) << "duplicate route " << key;
  }
}

TEST(RoutePermissions, EveryPermissionInTheTableIsGrantedToSomeRole) {
  for (const auto& p : lx::core::all_permissions()) {
    bool someone = false;
    for (auto role : lx::core::all_roles()) someone = someone || lx::core::role_allows(role, p);
    EXPECT_TRUE(someone) << p << " is granted to no role";
  }
}

TEST(RoutePermissions, PublicIsNotARolePermissionAndSessionIsEveryRoles) {
  for (auto role : lx::core::all_roles()) {
    EXPECT_TRUE(lx::core::role_allows(role, lx::core::kSession));
    EXPECT_FALSE(lx::core::role_allows(role, "no.such.permission"));
  }
}
