#include "harness.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/beast/http/verb.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "app/app.hpp"
#include "http/router.hpp"

extern char** environ;

namespace lx::test {
namespace fs = std::filesystem;
namespace bhttp = boost::beast::http;

namespace {

constexpr auto kPoll = std::chrono::milliseconds(20);
constexpr auto kStartLimit = std::chrono::seconds(60);

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

std::string random_suffix(std::size_t n) {
  static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  std::random_device rd;
  std::string s;
  for (std::size_t k = 0; k < n; ++k) s += alphabet[rd() % (sizeof alphabet - 1)];
  return s;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string tail(const std::string& s, std::size_t n = 4000) { return s.size() <= n ? s : s.substr(s.size() - n); }

// Spawns LX_BINARY args in folder cwd with stdin/stdout/stderr on the given
// files; returns the pid. The child gets SIGTERM if the test process dies, so
// a crashed test never leaves servers behind.
int spawn(const std::vector<std::string>& args, const std::string& cwd, const std::string& in, const std::string& out,
          const std::string& err) {
  std::vector<std::string> argv_s{LX_BINARY};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  const pid_t parent = getpid();
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {  // only async-signal-safe calls from here on
    if (prctl(PR_SET_PDEATHSIG, SIGTERM) != 0 || getppid() != parent) _exit(127);
    const int fd_in = open(in.c_str(), O_RDONLY);
    const int fd_out = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int fd_err = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd_in < 0 || fd_out < 0 || fd_err < 0) _exit(127);
    if (dup2(fd_in, 0) < 0 || dup2(fd_out, 1) < 0 || dup2(fd_err, 2) < 0) _exit(127);
    if (chdir(cwd.c_str()) != 0) _exit(127);  // anything relative lands in the temporary folder
    execve(argv[0], argv.data(), environ);
    _exit(127);
  }
  return pid;
}

// Exit code of a waitpid status; -1 for a signal.
int exit_code(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : -1; }

}  // namespace

// ---- backend ----

std::string backend() {
  std::string b = env("LX_TEST_BACKEND");
  return b.empty() ? "sqlite" : b;
}

std::optional<std::string> skip_reason() {
  if (backend() == "postgres" && env("LX_TEST_PG_URL").empty())
    return std::string("LX_TEST_BACKEND=postgres but LX_TEST_PG_URL is not set: run under scripts/with-postgres.sh");
  return std::nullopt;
}

// ---- TempDir ----

TempDir::TempDir() {
  std::string base = env("TMPDIR").empty() ? "/tmp" : env("TMPDIR");
  std::string tmpl = base + "/lx-api-XXXXXX";
  if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

std::string TempDir::write(const std::string& rel, const std::string& text) const {
  fs::path p = fs::path(path_) / rel;
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
  return p.string();
}

// ---- TempDb ----

namespace {

void pg_exec(const std::string& url, const std::string& sql) {
  PGconn* c = PQconnectdb(url.c_str());
  if (PQstatus(c) != CONNECTION_OK) {
    std::string msg = PQerrorMessage(c);
    PQfinish(c);
    throw std::runtime_error("cannot connect to " + url + ": " + msg);
  }
  PGresult* r = PQexec(c, sql.c_str());
  const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
  std::string msg = PQerrorMessage(c);
  PQclear(r);
  PQfinish(c);
  if (!ok) throw std::runtime_error(sql + ": " + msg);
}

// base with its database name replaced by name.
std::string with_database(const std::string& base, const std::string& name) {
  auto scheme = base.find("://");
  std::size_t host_start = scheme == std::string::npos ? 0 : scheme + 3;
  auto slash = base.find('/', host_start);
  auto query = base.find('?', host_start);
  if (slash == std::string::npos || (query != std::string::npos && slash > query)) {
    std::string head = base.substr(0, query == std::string::npos ? base.size() : query);
    std::string rest = query == std::string::npos ? "" : base.substr(query);
    return head + "/" + name + rest;
  }
  std::string rest = query == std::string::npos ? "" : base.substr(query);
  return base.substr(0, slash) + "/" + name + rest;
}

}  // namespace

TempDb::TempDb(const std::string& dir, const std::string& kind) {
  if (kind == "sqlite") {
    url_ = "sqlite:" + dir + "/t.db";
    return;
  }
  const std::string base = env("LX_TEST_PG_URL");
  pg_name_ = "lx_t_" + random_suffix(12);
  pg_exec(base, "CREATE DATABASE " + pg_name_);
  url_ = with_database(base, pg_name_);
}

TempDb::~TempDb() {
  if (pg_name_.empty()) return;
  try {
    pg_exec(env("LX_TEST_PG_URL"), "DROP DATABASE IF EXISTS " + pg_name_ + " WITH (FORCE)");
  } catch (const std::exception& e) {
    ADD_FAILURE() << "could not drop the test database: " << e.what();
  }
}

// ---- processes ----

ProcResult run_liangxin(const std::vector<std::string>& args, const std::string& stdin_text) {
  TempDir d;
  const std::string in = d.write("stdin", stdin_text), out = d.path() + "/stdout", err = d.path() + "/stderr";
  int pid = spawn(args, d.path(), in, out, err);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return ProcResult{exit_code(status), read_file(out), read_file(err)};
}

// ---- ServeProcess ----

ServeProcess::ServeProcess(std::vector<std::string> args, const std::string& dir, const std::string& name) {
  out_file_ = dir + "/" + name + ".out";
  err_file_ = dir + "/" + name + ".err";
  const std::string port_file = dir + "/" + name + ".port";
  args.insert(args.begin(), "serve");
  args.insert(args.end(), {"--port-file", port_file});
  pid_ = spawn(args, dir, "/dev/null", out_file_, err_file_);

  const auto deadline = std::chrono::steady_clock::now() + kStartLimit;
  auto fail = [&](const std::string& why) {
    stop();
    throw std::runtime_error(why + "\n--- server stderr ---\n" + tail(stderr_text()));
  };
  // The port file appears (complete, newline-terminated) once the socket is bound.
  while (port_ == 0) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      fail("liangxin serve exited early with code " + std::to_string(exit_code(status)));
    }
    std::string p = read_file(port_file);
    if (!p.empty() && p.back() == '\n') port_ = std::atoi(p.c_str());
    else if (std::chrono::steady_clock::now() > deadline) fail("liangxin serve wrote no port file");
    else std::this_thread::sleep_for(kPoll);
  }
  Client c(port_);
  for (;;) {
    try {
      if (c.get("/api/v1/health").status == 200) break;
    } catch (const std::exception&) {
    }
    if (std::chrono::steady_clock::now() > deadline) fail("GET /api/v1/health never answered 200");
    std::this_thread::sleep_for(kPoll);
  }
}

ServeProcess::~ServeProcess() {
  if (pid_ <= 0) return;
  const int code = stop();
  if (code != 0)
    ADD_FAILURE() << "liangxin serve did not exit 0 within 10 s of SIGTERM (got " << code << ")\n"
                  << tail(stderr_text());
}

int ServeProcess::stop() {
  if (pid_ <= 0) return exit_code_;
  kill(pid_, SIGTERM);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  int status = 0;
  for (;;) {
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      exit_code_ = exit_code(status);
      break;
    }
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid_, SIGKILL);
      waitpid(pid_, &status, 0);
      exit_code_ = -1;
      break;
    }
    std::this_thread::sleep_for(kPoll);
  }
  pid_ = -1;
  return exit_code_;
}

void ServeProcess::kill_hard() {
  if (pid_ <= 0) return;
  kill(pid_, SIGKILL);
  int status = 0;
  while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  pid_ = -1;
  exit_code_ = -1;
}

std::string ServeProcess::stdout_text() const { return read_file(out_file_); }
std::string ServeProcess::stderr_text() const { return read_file(err_file_); }

// ---- Server ----

// Passwords are hashed at the shipped Argon2id cost ("interactive"), not
// argon2_cost=min: the suite's hundred-odd sign-ins and password changes cost
// a few seconds of its minute per backend, and the real cost is what ships.
Server::Server(ServerOptions opts) : sets_(std::move(opts.sets)) {
  // Personal data needs a key file; keep it in the temporary folder.
  sets_.push_back("key_file=" + dir_.path() + "/liangxin.key");
  db_ = std::make_unique<TempDb>(dir_.path());
  auto r = run_liangxin({"migrate", "--db", db_->url()});
  if (r.code != 0) throw std::runtime_error("liangxin migrate failed: " + r.out + r.err);
  std::vector<std::string> add{"user", "add",  "--db",       db_->url(), "--login",           "admin",
                               "--role", "admin", "--name", "测试管理员", "--no-force-change"};
  for (const auto& s : sets_) add.insert(add.end(), {"--set", s});
  r = run_liangxin(add, std::string(kAdminPassword) + "\n");
  if (r.code != 0) throw std::runtime_error("liangxin user add failed: " + r.out + r.err);

  // A front end to serve: index, one hashed asset, and files that must stay hidden.
  web_dir_ = dir_.path() + "/web";
  dir_.write("web/index.html", "<!doctype html><title>两新</title><div id=app>INDEX-MARKER</div>");
  dir_.write("web/assets/app-abc.js", "console.log('ASSET-MARKER');");
  dir_.write("web/.git/config", "[core] HIDDEN-MARKER");
  dir_.write("secret.txt", "SECRET-OUTSIDE-MARKER");

  proc_ = std::make_unique<ServeProcess>(serve_args(opts.demo), dir_.path(), "serve" + std::to_string(spawned_++));
}

Server::~Server() {
  conn_.reset();
  proc_.reset();  // SIGTERM, checked for a clean exit
}

std::vector<std::string> Server::serve_args(bool demo) const {
  std::vector<std::string> args{"--db", db_->url(), "--listen", "127.0.0.1:0", "--web", web_dir_};
  if (demo) args.push_back("--demo");
  for (const auto& s : sets_) args.insert(args.end(), {"--set", s});
  return args;
}

std::unique_ptr<ServeProcess> Server::another() {
  return std::make_unique<ServeProcess>(serve_args(false), dir_.path(), "serve" + std::to_string(spawned_++));
}

std::string Server::demo_password(const std::string& login) const {
  // 演示账号: LOGIN（角色）  一次性密码: PW
  std::istringstream in(proc_->stdout_text());
  const std::string prefix = "演示账号: " + login + "（", marker = "一次性密码: ";
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(prefix, 0) != 0) continue;
    auto p = line.find(marker);
    if (p == std::string::npos) break;
    std::string pw = line.substr(p + marker.size());
    while (!pw.empty() && (pw.back() == ' ' || pw.back() == '\r')) pw.pop_back();
    return pw;
  }
  ADD_FAILURE() << "no one-time password printed for demo login " << login << "\n" << proc_->stdout_text();
  return "";
}

db::Database& Server::db() {
  if (!conn_) conn_ = db::Database::open(db_->url(), db::Options{.pool_size = 2});
  return *conn_;
}

std::int64_t Server::count(const std::string& table) { return scalar("SELECT COUNT(*) FROM " + table); }

std::int64_t Server::scalar(const std::string& sql, const db::Params& params) {
  auto c = db().acquire();
  return c->scalar_int(sql, params).value_or(0);
}

Client Server::admin() {
  Client c(port());
  auto r = c.login("admin", kAdminPassword);
  EXPECT_EQ(r.status, 200) << r.body;
  return c;
}

// ---- users ----

json::object scope_for(Server& s, const std::string& role) {
  if (role == "secretary" || role == "member")
    return {{"scope_type", "party_org"},
            {"scope_id", s.scalar("SELECT id FROM party_orgs WHERE name = ?", {std::string("东湖科技有限公司党支部")})}};
  if (role == "street" || role == "instructor")
    return {{"scope_type", "area"}, {"scope_id", s.scalar("SELECT id FROM areas WHERE name = ?", {std::string("东湖街道")})}};
  return {};
}

SignedIn make_user(Server& s, Client& admin, const std::string& role, const std::string& login) {
  json::object body{{"login", login}, {"name", "测试" + role}, {"role", role}, {"password", kInitialPassword}};
  for (auto& [k, v] : scope_for(s, role)) body[k] = v;
  auto r = admin.post("/api/v1/users", body);
  SignedIn out{0, login, Client(s.port())};
  if (r.status != 201) {
    ADD_FAILURE() << "creating " << login << " (" << role << "): " << r.status << " " << r.body;
    return out;
  }
  out.id = r.json().at("id").as_int64();
  auto l = out.client.login(login, kInitialPassword);
  EXPECT_EQ(l.status, 200) << l.body;
  auto c = out.client.change_password(kInitialPassword, kUserPassword);
  EXPECT_EQ(c.status, 200) << c.body;
  return out;
}

std::vector<RouteInfo> product_routes() {
  http::Router router;
  app::register_all_routes(router);
  std::vector<RouteInfo> out;
  for (const auto& r : router.routes())
    out.push_back({std::string(bhttp::to_string(r.method)), r.pattern, r.permission, http::is_write(r.method)});
  return out;
}

std::string expand(const std::string& pattern, const std::string& value) {
  std::string out;
  for (std::size_t k = 0; k < pattern.size();) {
    if (pattern[k] == '{') {
      auto close = pattern.find('}', k);
      out += value;
      k = close == std::string::npos ? pattern.size() : close + 1;
    } else {
      out += pattern[k++];
    }
  }
  return out;
}

json::object wait_job(Client& c, std::int64_t id) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  for (;;) {
    auto r = c.get("/api/v1/jobs/" + std::to_string(id));
    if (r.status != 200) {
      ADD_FAILURE() << "GET job " << id << ": " << r.status << " " << r.body;
      return {};
    }
    json::object job = r.json().as_object();
    const auto status = job.at("status").as_string();
    if (status == "succeeded" || status == "failed" || std::chrono::steady_clock::now() > deadline) return job;
    std::this_thread::sleep_for(kPoll);
  }
}

json::object last_audit(Server& s) {
  auto c = s.db().acquire();
  auto r = c->query("SELECT id, user_id, login, action, target, detail FROM audit_log ORDER BY id DESC LIMIT 1");
  if (r.empty()) return {};
  json::value detail = nullptr;
  if (auto d = r.opt_s(0, 5)) detail = json::parse(*d);
  return {{"id", r.i(0, 0)},
          {"user_id", r.is_null(0, 1) ? json::value(nullptr) : json::value(r.i(0, 1))},
          {"login", r.s(0, 2)},
          {"action", r.s(0, 3)},
          {"target", r.s(0, 4)},
          {"detail", detail}};
}

}  // namespace lx::test
