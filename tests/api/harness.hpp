// The API test harness: a fresh database on the backend named by
// LX_TEST_BACKEND (sqlite, or postgres on LX_TEST_PG_URL), a real `liangxin
// serve` spawned on it, a small HTTP/1.1 client with a cookie jar and the
// CSRF header, raw sends for malformed requests, and direct database access
// for assertions. One suite runs against both backends.
#pragma once
#include <boost/json.hpp>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "db/database.hpp"

// Skips the test when the backend is unavailable (postgres without a URL).
#define LX_SKIP_IF_NO_BACKEND()                                     \
  do {                                                              \
    if (auto why = ::lx::test::skip_reason()) GTEST_SKIP() << *why; \
  } while (0)

namespace lx::test {

namespace json = boost::json;

// "sqlite" or "postgres", from LX_TEST_BACKEND (default sqlite).
std::string backend();

// Why this run cannot use its backend (postgres without LX_TEST_PG_URL), or
// nullopt when it can. Tests GTEST_SKIP with this message.
std::optional<std::string> skip_reason();

// A temporary directory, removed with its contents at destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  // Writes text to path()/rel, creating folders on the way; returns the full path.
  std::string write(const std::string& rel, const std::string& text) const;

 private:
  std::string path_;
};

// A fresh, empty database: SQLite `sqlite:DIR/t.db`, or a PostgreSQL database
// lx_t_<random> created on LX_TEST_PG_URL and dropped (WITH (FORCE)) at the end.
class TempDb {
 public:
  // kind: "sqlite" or "postgres" (default: this run's backend).
  explicit TempDb(const std::string& dir, const std::string& kind = backend());
  ~TempDb();
  TempDb(const TempDb&) = delete;
  TempDb& operator=(const TempDb&) = delete;
  const std::string& url() const { return url_; }

 private:
  std::string url_, pg_name_;
};

// What a finished child process left: exit code (-1 when killed by a signal), stdout, stderr.
struct ProcResult {
  int code = -1;
  std::string out, err;
};

// Runs the liangxin binary with args, feeding stdin_text on standard input.
ProcResult run_liangxin(const std::vector<std::string>& args, const std::string& stdin_text = "");

// An HTTP answer.
struct HttpResponse {
  int status = 0;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  // The body parsed as JSON (null when it is not JSON).
  json::value json() const;
  // The error code of the one error format, or "".
  std::string error_code() const;
  std::string error_field() const;
  // The first header of that name (case-insensitive), or "".
  std::string header(const std::string& name) const;
  bool has_header(const std::string& name) const;
};

// A tiny HTTP/1.1 client over loopback: one connection per request, a cookie
// jar fed by Set-Cookie, and the X-CSRF-Token header on state-changing
// requests once csrf is known (set by login()).
class Client {
 public:
  explicit Client(int port) : port_(port) {}

  HttpResponse get(const std::string& target) { return request("GET", target); }
  HttpResponse post(const std::string& target, const json::value& body) { return request("POST", target, ser(body)); }
  HttpResponse patch(const std::string& target, const json::value& body) { return request("PATCH", target, ser(body)); }
  HttpResponse del(const std::string& target) { return request("DELETE", target); }
  // Any method; body is sent as application/json when non-empty.
  HttpResponse request(const std::string& method, const std::string& target, const std::string& body = "",
                       const std::vector<std::pair<std::string, std::string>>& extra = {});

  // POST /api/v1/session; on 200 keeps the CSRF token. Returns the answer.
  HttpResponse login(const std::string& login, const std::string& password);
  // POST /api/v1/session/password; returns the answer.
  HttpResponse change_password(const std::string& old_pw, const std::string& new_pw);

  std::string csrf;                            // sent as X-CSRF-Token on writes when non-empty
  std::map<std::string, std::string> cookies;  // the jar
  std::string session_cookie() const;          // value of lx_session, or ""

 private:
  static std::string ser(const json::value& v) { return json::serialize(v); }
  int port_;
};

// Sends bytes as they are on a new connection, half-closes nothing, and
// returns whatever the server answers until it closes (write errors after
// the server has answered are ignored).
std::string raw_send(int port, const std::string& bytes);
// The status code of the first response line of a raw answer, or 0.
int raw_status(const std::string& answer);

struct ServerOptions {
  bool demo = true;
  std::vector<std::string> sets;  // extra --set key=value
};

// One running `liangxin serve` process: spawned with its stdout and stderr in
// files, ready once its port file and GET /api/v1/health answer. Stops with
// SIGTERM at destruction and fails the test unless it exits 0 within 10 s.
class ServeProcess {
 public:
  // Spawns `liangxin serve ARGS --port-file DIR/NAME.port` with output in DIR/NAME.{out,err}; throws when it does not come up.
  ServeProcess(std::vector<std::string> args, const std::string& dir, const std::string& name);
  ~ServeProcess();
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  int port() const { return port_; }
  std::string stdout_text() const;
  std::string stderr_text() const;
  // Sends SIGTERM and waits up to 10 s; returns the exit code, or -1 when it
  // had to be killed or died of a signal. Idempotent (0 once stopped).
  int stop();
  bool running() const { return pid_ > 0; }
  int pid() const { return pid_; }
  // SIGKILL now (a crash: no clean shutdown) and reap the process.
  void kill_hard();

 private:
  std::string out_file_, err_file_;
  int pid_ = -1;
  int port_ = 0;
  int exit_code_ = 0;
};

// A fresh database with an admin (login "admin", password kAdminPassword, no
// forced change), a temporary web folder and, with demo, the demo district,
// served by one `liangxin serve` (more can be started on the same database).
class Server {
 public:
  static constexpr const char* kAdminPassword = "Admin#2024pass";

  explicit Server(ServerOptions opts = {});
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  int port() const { return proc_->port(); }
  ServeProcess& process() { return *proc_; }
  const std::string& db_url() const { return db_->url(); }
  const std::string& web_dir() const { return web_dir_; }
  const TempDir& dir() const { return dir_; }
  // The one-time password printed for a demo login; fails the test when absent.
  std::string demo_password(const std::string& login) const;

  // Another `liangxin serve` on the same database and web folder.
  std::unique_ptr<ServeProcess> another();

  // Direct access to the server's database (opened on first use).
  db::Database& db();
  std::int64_t count(const std::string& table);
  std::int64_t scalar(const std::string& sql, const db::Params& params = {});

  // A client signed in as admin.
  Client admin();

 private:
  std::vector<std::string> serve_args(bool demo) const;

  TempDir dir_;
  std::unique_ptr<TempDb> db_;
  std::unique_ptr<db::Database> conn_;
  std::vector<std::string> sets_;
  std::string web_dir_;
  std::unique_ptr<ServeProcess> proc_;
  int spawned_ = 0;
};

// A fixture whose tests share one Server, started before the suite's first
// test and stopped (checking a clean exit) after its last. Suite is the
// derived fixture; it may define `static ServerOptions options()`.
template <typename Suite>
class SharedServer : public ::testing::Test {
 public:
  static ServerOptions options() { return {}; }
  static void SetUpTestSuite() {
    if (skip_reason()) return;
    try {
      server_ = std::make_unique<Server>(Suite::options());
    } catch (const std::exception& e) {
      startup_error_ = e.what();
    }
  }
  static void TearDownTestSuite() { server_.reset(); }

 protected:
  void SetUp() override {
    LX_SKIP_IF_NO_BACKEND();
    ASSERT_TRUE(server_) << "the test server did not start: " << startup_error_;
  }
  static Server& server() { return *server_; }
  static int port() { return server_->port(); }

 private:
  static inline std::unique_ptr<Server> server_;
  static inline std::string startup_error_;
};

// Makes (through the admin API) a user of role with a scope where the role
// needs one, signs it in and changes its password; returns the client.
// The user's final password is kUserPassword.
inline constexpr const char* kUserPassword = "Ready#2024pass";
inline constexpr const char* kInitialPassword = "Init#2024pass";
struct SignedIn {
  std::int64_t id = 0;
  std::string login;
  Client client;
};
SignedIn make_user(Server& s, Client& admin, const std::string& role, const std::string& login);

// A scope body fragment for a role: {} for admin/office, a party org for
// secretary/member, an area for street/instructor (ids from the demo district).
json::object scope_for(Server& s, const std::string& role);

// Every route of the product (lx::app::register_all_routes), as data.
struct RouteInfo {
  std::string method, pattern, permission;
  bool write = false;
};
std::vector<RouteInfo> product_routes();
// pattern with every {name} segment replaced by value ("/api/v1/users/{id}" → "/api/v1/users/1").
std::string expand(const std::string& pattern, const std::string& value = "1");

// Polls GET /api/v1/jobs/{id} until the job has finished (or 60 s pass); returns the last Job object.
json::object wait_job(Client& c, std::int64_t id);

// The newest audit row as an object with id, user_id, login, action, target, detail.
json::object last_audit(Server& s);

}  // namespace lx::test

