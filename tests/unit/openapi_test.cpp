// docs/openapi.json describes exactly the routes of the router, each with the
// permission the route declares (DESIGN.md "HTTP API").
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "app/app.hpp"
#include "http/router.hpp"

namespace {

boost::json::object load_spec() {
  std::ifstream in(std::string(LX_SOURCE_DIR) + "/docs/openapi.json");
  std::stringstream ss;
  ss << in.rdbuf();
  return boost::json::parse(ss.str()).as_object();
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

}  // namespace

TEST(OpenApi, EveryRouteIsDocumentedWithItsPermission) {
  auto spec = load_spec();
  const auto& paths = spec.at("paths").as_object();
  lx::http::Router router;
  lx::app::register_all_routes(router);
  for (const auto& r : router.routes()) {
    const std::string method = lower(std::string(boost::beast::http::to_string(r.method)));
    auto p = paths.find(r.pattern);
    ASSERT_NE(p, paths.end()) << "docs/openapi.json lacks path " << r.pattern;
    auto op = p->value().as_object().find(method);
    ASSERT_NE(op, p->value().as_object().end()) << "docs/openapi.json lacks " << method << " " << r.pattern;
    EXPECT_EQ(op->value().at("x-permission").as_string(), r.permission) << method << " " << r.pattern;
  }
}

TEST(OpenApi, DocumentsNoRouteTheRouterLacks) {
  auto spec = load_spec();
  lx::http::Router router;
  lx::app::register_all_routes(router);
  std::set<std::string> known;
  for (const auto& r : router.routes())
    known.insert(lower(std::string(boost::beast::http::to_string(r.method))) + " " + r.pattern);
  for (const auto& [path, item] : spec.at("paths").as_object())
    for (const auto& [method, op] : item.as_object())
      EXPECT_TRUE(known.count(std::string(method) + " " + std::string(path))) << "documented but not routed: " << method << " " << path;
}
