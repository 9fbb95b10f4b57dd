// API tests of the static front end served by the same process: cache rules,
// content types, the single-page-app fallback, and path traversal attempts
// that must never reach a file outside the web folder.
#include <gtest/gtest.h>

#include <filesystem>

#include "harness.hpp"

namespace lx::test {
namespace {

class StaticFiles : public SharedServer<StaticFiles> {
 public:
  static ServerOptions options() { return {.demo = false}; }
};

TEST_F(StaticFiles, IndexIsServedWithNoCache) {
  Client c(port());
  for (const char* target : {"/", "/index.html"}) {
    auto r = c.get(target);
    EXPECT_EQ(r.status, 200) << target;
    EXPECT_EQ(r.header("Content-Type"), "text/html; charset=utf-8") << target;
    EXPECT_EQ(r.header("Cache-Control"), "no-cache") << target;
    EXPECT_NE(r.body.find("INDEX-MARKER"), std::string::npos) << target;
  }
}

TEST_F(StaticFiles, HashedAssetsGetALongImmutableCache) {
  auto r = Client(port()).get("/assets/app-abc.js");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_NE(r.header("Cache-Control").find("max-age=31536000"), std::string::npos) << r.header("Cache-Control");
  EXPECT_NE(r.header("Cache-Control").find("immutable"), std::string::npos);
  EXPECT_EQ(r.body, "console.log('ASSET-MARKER');");
}

TEST_F(StaticFiles, HeadAnswersHeadersWithoutBody) {
  auto r = Client(port()).request("HEAD", "/assets/app-abc.js");
  EXPECT_EQ(r.status, 200);
  EXPECT_TRUE(r.body.empty());
  EXPECT_EQ(r.header("Content-Length"), std::to_string(std::string("console.log('ASSET-MARKER');").size()));
}

TEST_F(StaticFiles, ClientRoutesFallBackToTheIndex) {
  Client c(port());
  for (const char* target : {"/system/users", "/system/users/", "/login", "/census/orgs/12?tab=members"}) {
    auto r = c.get(target);
    EXPECT_EQ(r.status, 200) << target;
    EXPECT_NE(r.body.find("INDEX-MARKER"), std::string::npos) << target;
    EXPECT_EQ(r.header("Cache-Control"), "no-cache") << target;
  }
}

TEST_F(StaticFiles, MissingFilesAre404NotTheIndex) {
  Client c(port());
  for (const char* target : {"/missing.js", "/assets/app-zzz.js", "/assets/missing.css", "/favicon.ico"}) {
    auto r = c.get(target);
    EXPECT_EQ(r.status, 404) << target;
    EXPECT_EQ(r.body.find("INDEX-MARKER"), std::string::npos) << target;
  }
}

TEST_F(StaticFiles, WritesToStaticPathsAre405) {
  auto r = Client(port()).request("POST", "/index.html", "{}");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.header("Allow"), "GET, HEAD");
}

TEST_F(StaticFiles, PathTraversalNeverReturnsFileContents) {
  // A symlink inside the web folder pointing out of it must not be followed out.
  std::error_code ec;
  std::filesystem::remove(server().web_dir() + "/leak.txt", ec);
  std::filesystem::remove(server().web_dir() + "/up", ec);
  std::filesystem::create_symlink(server().dir().path() + "/secret.txt", server().web_dir() + "/leak.txt", ec);
  ASSERT_FALSE(ec) << ec.message();
  std::filesystem::create_directory_symlink(server().dir().path(), server().web_dir() + "/up", ec);
  ASSERT_FALSE(ec) << ec.message();

  const char* targets[] = {
      "/../etc/passwd",
      "/%2e%2e/%2e%2e/etc/passwd",
      "/%2E%2E/%2E%2E/%2E%2E/etc/passwd",
      "/assets/..%2f..%2fCMakeLists.txt",
      "/assets/..%2f..%2fsecret.txt",
      "/assets/../../secret.txt",
      "/../secret.txt",
      "/%2e%2e/secret.txt",
      "/..%5csecret.txt",
      "/assets/..%5c..%5csecret.txt",
      "/.git/config",
      "/%2egit/config",
      "/assets/%2e%2e/.git/config",
      "//etc/passwd",
      "/%2fetc/passwd",
      "/%2F..%2F..%2Fetc%2Fpasswd",
      "/assets/%00../../secret.txt",
      "/index.html%00.js",
      "/leak.txt",
      "/up/secret.txt",
  };
  for (const char* target : targets) {
    SCOPED_TRACE(target);
    // Sent raw, so no client library tidies the path first.
    const std::string answer =
        raw_send(port(), std::string("GET ") + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    const int status = raw_status(answer);
    EXPECT_NE(status, 0) << "no HTTP answer";
    EXPECT_NE(status, 500) << answer;
    for (const char* marker : {"root:x:0:0", "SECRET-OUTSIDE-MARKER", "HIDDEN-MARKER", "cmake_minimum_required", "[core]"})
      EXPECT_EQ(answer.find(marker), std::string::npos) << "leaked " << marker << ":\n" << answer;
  }
}

TEST_F(StaticFiles, ApiPathsAreNeverServedFromTheWebFolder) {
  server().dir().write("web/api/v1/secret.json", "{\"leak\": true}");
  auto r = Client(port()).get("/api/v1/secret.json");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.error_code(), "not_found");
}

}  // namespace
}  // namespace lx::test
