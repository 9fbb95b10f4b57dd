// API tests of the server's life and the `liangxin` command line: graceful
// shutdown on SIGTERM (exit 0, idle connections closed, nothing lost), a
// restart on the same database, and the CLI's user and migrate commands.
#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

#include "harness.hpp"

namespace lx::test {
namespace {

namespace asio = boost::asio;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

TEST(Lifecycle, SigtermStopsTheServerWithExitZeroDespiteAnIdleKeepAliveConnection) {
  LX_SKIP_IF_NO_BACKEND();
  Server s({.demo = false});
  asio::io_context ioc;
  tcp::socket sock(ioc);
  sock.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(s.port())));
  bhttp::request<bhttp::string_body> req{bhttp::verb::get, "/api/v1/health", 11};
  req.set(bhttp::field::host, "127.0.0.1");
  req.keep_alive(true);
  bhttp::write(sock, req);
  boost::beast::flat_buffer buf;
  bhttp::response<bhttp::string_body> res;
  bhttp::read(sock, buf, res);
  ASSERT_EQ(res.result_int(), 200u);
  ASSERT_TRUE(res.keep_alive());

  // The connection now sits idle; SIGTERM must not wait for its idle timeout.
  EXPECT_EQ(s.process().stop(), 0) << s.process().stderr_text();
  boost::system::error_code ec;
  char byte;
  sock.read_some(asio::buffer(&byte, 1), ec);
  EXPECT_TRUE(ec) << "the idle connection is closed";

  tcp::socket again(ioc);
  again.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(s.port())), ec);
  EXPECT_TRUE(ec) << "nothing listens after the stop";
}

TEST(Lifecycle, RestartOnTheSameDatabaseKeepsSessionsAndDataAndDoesNotReseed) {
  LX_SKIP_IF_NO_BACKEND();
  Server s;
  Client admin = s.admin();
  ASSERT_EQ(admin.post("/api/v1/users", json::object{{"login", "survivor"}, {"name", "留存"}, {"role", "office"},
                                                     {"password", kInitialPassword}})
                .status,
            201);
  const auto areas = s.count("areas"), users = s.count("users");
  ASSERT_EQ(s.process().stop(), 0);

  auto next = s.another();
  EXPECT_EQ(next->stdout_text().find("一次性密码"), std::string::npos) << "no new one-time passwords on restart";
  EXPECT_EQ(s.count("areas"), areas);
  EXPECT_EQ(s.count("users"), users);
  Client resumed(next->port());
  resumed.cookies = admin.cookies;
  resumed.csrf = admin.csrf;
  auto me = resumed.get("/api/v1/session");
  EXPECT_EQ(me.status, 200) << "sessions live in the database: " << me.body;
  auto list = resumed.get("/api/v1/users?q=survivor");
  EXPECT_EQ(list.json().at("total").as_int64(), 1);
  auto run = run_liangxin({"audit", "verify", "--db", s.db_url()});
  EXPECT_EQ(run.code, 0) << run.out << run.err;
}

TEST(Lifecycle, FirstStartWithoutUsersPrintsAOneTimeAdminPassword) {
  LX_SKIP_IF_NO_BACKEND();
  TempDir dir;
  TempDb db(dir.path());
  std::unique_ptr<ServeProcess> p;
  {
    ProcResult m = run_liangxin({"migrate", "--db", db.url()});
    ASSERT_EQ(m.code, 0) << m.out << m.err;
  }
  p = std::make_unique<ServeProcess>(
      std::vector<std::string>{"--db", db.url(), "--listen", "127.0.0.1:0", "--web", dir.path(), "--set",
                               "key_file=" + dir.path() + "/k.key"},
      dir.path(), "first");
  const std::string out = p->stdout_text();
  const std::string marker = "管理员账号: admin  一次性密码: ";
  auto at = out.find(marker);
  ASSERT_NE(at, std::string::npos) << out;
  std::string pw = out.substr(at + marker.size());
  pw = pw.substr(0, pw.find(' '));
  Client c(p->port());
  auto login = c.login("admin", pw);
  ASSERT_EQ(login.status, 200) << login.body;
  EXPECT_EQ(login.json().at("user").at("must_change_password"), true);
  EXPECT_EQ(c.get("/api/v1/users").error_code(), "password_change_required");
  EXPECT_EQ(p->stop(), 0);
}

TEST(Cli, MigrateTwiceAppliesNothingTheSecondTime) {
  LX_SKIP_IF_NO_BACKEND();
  TempDir dir;
  TempDb db(dir.path());
  auto first = run_liangxin({"migrate", "--db", db.url()});
  ASSERT_EQ(first.code, 0) << first.err;
  auto second = run_liangxin({"migrate", "--db", db.url()});
  EXPECT_EQ(second.code, 0) << second.err;
  EXPECT_NE(second.out.find("已应用 0 个迁移"), std::string::npos) << second.out;
}

TEST(Cli, UserAddForcesAPasswordChangeUnlessToldAndRefusesWeakPasswords) {
  LX_SKIP_IF_NO_BACKEND();
  Server s({.demo = false});
  auto weak = run_liangxin({"user", "add", "--db", s.db_url(), "--login", "weakling", "--role", "office"}, "weak\n");
  EXPECT_EQ(weak.code, 2) << weak.out << weak.err;
  EXPECT_FALSE(weak.err.empty());
  auto added = run_liangxin({"user", "add", "--db", s.db_url(), "--login", "cli_user", "--role", "office"},
                            "CliUser#2024\n");
  ASSERT_EQ(added.code, 0) << added.out << added.err;
  auto dup = run_liangxin({"user", "add", "--db", s.db_url(), "--login", "cli_user", "--role", "office"},
                          "CliUser#2024\n");
  EXPECT_EQ(dup.code, 2) << dup.out << dup.err;
  Client c(s.port());
  auto login = c.login("cli_user", "CliUser#2024");
  ASSERT_EQ(login.status, 200) << login.body;
  EXPECT_EQ(login.json().at("user").at("must_change_password"), true);

  auto listed = run_liangxin({"user", "list", "--db", s.db_url()});
  EXPECT_EQ(listed.code, 0);
  EXPECT_NE(listed.out.find("cli_user"), std::string::npos) << listed.out;
  auto disabled = run_liangxin({"user", "disable", "--db", s.db_url(), "--login", "cli_user"});
  EXPECT_EQ(disabled.code, 0) << disabled.err;
  EXPECT_EQ(c.get("/api/v1/session").status, 401) << "disabling from the CLI ends the sessions";
  auto verify = run_liangxin({"audit", "verify", "--db", s.db_url()});
  EXPECT_EQ(verify.code, 0) << verify.out;
}

TEST(Cli, ServeRefusesABadConfigValueNamingIt) {
  auto r = run_liangxin({"serve", "--db", "sqlite::memory:", "--set", "threads=many"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("threads"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace lx::test
