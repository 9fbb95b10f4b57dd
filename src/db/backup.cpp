// `liangxin backup` and `liangxin restore` (see backup.hpp).
#include "db/backup.hpp"

#include <fcntl.h>
#include <libpq-fe.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>

#include "db/migrations.hpp"
#include "db/sqlite/sqlite_db.hpp"

extern char** environ;

namespace lx::db {
namespace {

namespace fs = std::filesystem;

bool is_sqlite_url(const std::string& url) { return url.rfind("sqlite:", 0) == 0; }
bool is_pg_url(const std::string& url) {
  return url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0;
}

void check_url(const std::string& url) {
  if (!is_sqlite_url(url) && !is_pg_url(url))
    throw std::runtime_error("数据库地址须为 sqlite:路径 或 postgresql://…：" + url);
}

// ---- SQLite ----

struct Sqlite {
  sqlite3* h = nullptr;
  Sqlite(const std::string& path, int flags) {
    int rc = sqlite3_open_v2(path.c_str(), &h, flags, nullptr);
    if (rc != SQLITE_OK) {
      std::string msg = h ? sqlite3_errmsg(h) : sqlite3_errstr(rc);
      sqlite3_close_v2(h);
      throw std::runtime_error("无法打开数据库文件 " + path + "：" + msg);
    }
    sqlite3_busy_timeout(h, 10000);
  }
  ~Sqlite() { sqlite3_close_v2(h); }
  Sqlite(const Sqlite&) = delete;
  Sqlite& operator=(const Sqlite&) = delete;
  // The first column of the first row as text ("" when none); throws on error.
  std::string scalar(const std::string& sql) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
      throw std::runtime_error(std::string("SQLite：") + sqlite3_errmsg(h));
    std::string out;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW && sqlite3_column_text(st, 0)) out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) throw std::runtime_error(std::string("SQLite：") + sqlite3_errmsg(h));
    return out;
  }
};

// Copies every page of src's main database into dst in one step: one read
// transaction on src, so the copy is the database as of one commit, and WAL
// writers go on meanwhile.
void copy_pages(sqlite3* src, sqlite3* dst) {
  sqlite3_backup* b = sqlite3_backup_init(dst, "main", src, "main");
  if (!b) throw std::runtime_error(std::string("无法开始备份：") + sqlite3_errmsg(dst));
  int rc;
  int tries = 0;
  while ((rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED) {
    if (++tries > 100) break;
    sqlite3_sleep(100);
  }
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE) throw std::runtime_error(std::string("备份失败：") + sqlite3_errstr(rc));
}

void fsync_path(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

// Writes src's database, as src sees it, to file (replaced atomically).
void sqlite_backup_from(sqlite3* src, const std::string& file) {
  const std::string tmp = file + ".part";
  fs::remove(tmp);
  {
    Sqlite dst(tmp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    copy_pages(src, dst.h);
    // The backup is one self-contained file (no -wal beside it).
    dst.scalar("PRAGMA journal_mode=DELETE");
    const std::string check = dst.scalar("PRAGMA integrity_check");
    if (check != "ok") {
      fs::remove(tmp);
      throw std::runtime_error("备份文件完整性检查未通过：" + check);
    }
  }
  fsync_path(tmp);
  fs::rename(tmp, file);
  fsync_path(fs::absolute(file).parent_path().string());
}

std::string sqlite_backup(const std::string& path, const std::string& file) {
  if (!fs::exists(path)) throw std::runtime_error("数据库文件不存在：" + path);
  {
    Sqlite src(path, SQLITE_OPEN_READWRITE);
    sqlite_backup_from(src.h, file);
  }
  return "已备份 SQLite 数据库 " + path + " 到 " + file + "（" + std::to_string(fs::file_size(file)) + " 字节）";
}

std::string sqlite_restore(const std::string& file, const std::string& path) {
  Sqlite src(file, SQLITE_OPEN_READONLY);
  if (const auto check = src.scalar("PRAGMA integrity_check"); check != "ok")
    throw std::runtime_error("备份文件已损坏（完整性检查：" + check + "）");
  if (src.scalar("SELECT COUNT(*) FROM sqlite_master WHERE name = 'schema_migrations'") != "1")
    throw std::runtime_error("这不是两新平台的备份文件：" + file);
  const int version = std::atoi(src.scalar("SELECT MAX(version) FROM schema_migrations").c_str());
  if (version > latest_version())
    throw std::runtime_error("备份来自更新的版本（数据库结构 " + std::to_string(version) + "，本程序只认识到 " +
                             std::to_string(latest_version()) + "）：请用同一或更新版本的 liangxin 恢复");
  if (auto parent = fs::path(path).parent_path(); !parent.empty()) fs::create_directories(parent);
  Sqlite dst(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (auto n = std::atoi(dst.scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'").c_str()); n > 0)
    throw std::runtime_error("目标数据库不是空的（已有 " + std::to_string(n) +
                             " 张表）：恢复只能写入空数据库，请指定一个新文件，或先把现有文件移走");
  copy_pages(src.h, dst.h);
  dst.scalar("PRAGMA journal_mode=WAL");
  if (const auto check = dst.scalar("PRAGMA integrity_check"); check != "ok")
    throw std::runtime_error("恢复后的数据库完整性检查未通过：" + check);
  return "已从 " + file + " 恢复到 " + path + "（数据库结构版本 " + std::to_string(version) + "）";
}

// ---- PostgreSQL ----

// The newest pg_dump/pg_restore under /usr/lib/postgresql/*/bin, else PATH.
std::string pg_tool(const std::string& name) {
  std::vector<std::pair<int, std::string>> found;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator("/usr/lib/postgresql", ec)) {
    const auto exe = e.path() / "bin" / name;
    if (access(exe.c_str(), X_OK) == 0) found.emplace_back(std::atoi(e.path().filename().c_str()), exe.string());
  }
  if (!found.empty()) return std::max_element(found.begin(), found.end())->second;
  if (const char* path = std::getenv("PATH")) {
    std::string p(path);
    for (std::size_t start = 0; start <= p.size();) {
      auto end = p.find(':', start);
      if (end == std::string::npos) end = p.size();
      const auto exe = fs::path(p.substr(start, end - start)) / name;
      if (access(exe.c_str(), X_OK) == 0) return exe.string();
      start = end + 1;
    }
  }
  throw std::runtime_error("找不到 " + name + "：请安装 PostgreSQL 客户端（Debian：apt install postgresql-client）");
}

// The URL as a libpq conninfo string without the password, which goes to
// the tool in PGPASSWORD instead (never on a command line that ps shows).
std::pair<std::string, std::string> conninfo(const std::string& url) {
  char* err = nullptr;
  PQconninfoOption* opts = PQconninfoParse(url.c_str(), &err);
  if (!opts) {
    std::string msg = err ? err : "";
    PQfreemem(err);
    throw std::runtime_error("PostgreSQL 地址无效：" + msg);
  }
  std::string info, password;
  for (auto* o = opts; o->keyword; ++o) {
    if (!o->val || !*o->val) continue;
    if (std::string(o->keyword) == "password") {
      password = o->val;
      continue;
    }
    std::string v;
    for (const char* p = o->val; *p; ++p) {
      if (*p == '\'' || *p == '\\') v += '\\';
      v += *p;
    }
    info += std::string(info.empty() ? "" : " ") + o->keyword + "='" + v + "'";
  }
  PQconninfoFree(opts);
  return {info, password};
}

// Runs exe with args (no shell); its standard output goes to out_file when
// given. Returns the exit code (-1 when it died of a signal).
int run_tool(const std::string& exe, const std::vector<std::string>& args, const std::string& password,
             const std::string& out_file = "") {
  std::vector<std::string> argv_s{exe};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_s;
  for (char** e = environ; *e; ++e)
    if (std::string_view(*e).rfind("PGPASSWORD=", 0) != 0) env_s.emplace_back(*e);
  if (!password.empty()) env_s.push_back("PGPASSWORD=" + password);
  std::vector<char*> envp;
  for (auto& e : env_s) envp.push_back(e.data());
  envp.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (!out_file.empty())
    posix_spawn_file_actions_addopen(&actions, 1, out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, exe.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("无法运行 " + exe);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string pg_backup(const std::string& url, const std::string& file) {
  {
    auto db = Database::open(url, Options{.pool_size = 1});
    if (schema_version(*db) == 0) throw std::runtime_error("这不是两新平台的数据库（没有数据库结构版本记录）：" + url);
  }
  const auto [info, password] = conninfo(url);
  const std::string tmp = file + ".part";
  fs::remove(tmp);
  const std::string exe = pg_tool("pg_dump");
  if (int rc = run_tool(exe, {"--format=custom", "--file=" + tmp, "--dbname=" + info}, password); rc != 0) {
    fs::remove(tmp);
    throw std::runtime_error("pg_dump 失败（退出码 " + std::to_string(rc) + "），见上面的信息");
  }
  fsync_path(tmp);
  fs::rename(tmp, file);
  return "已备份 PostgreSQL 数据库到 " + file + "（" + std::to_string(fs::file_size(file)) + " 字节，" + exe + "）";
}

std::string pg_restore(const std::string& file, const std::string& url) {
  {
    auto db = Database::open(url, Options{.pool_size = 1});
    auto c = db->acquire();
    if (auto n = table_count(*c); n > 0)
      throw std::runtime_error("目标数据库不是空的（已有 " + std::to_string(n) +
                               " 张表）：恢复只能写入空数据库，请先新建一个空数据库（createdb）");
  }
  const auto [info, password] = conninfo(url);
  const std::string exe = pg_tool("pg_restore");
  // The archive's table of contents less COMMENT ON EXTENSION, which only
  // the extension's owner (a superuser) may run: the database owner restores.
  const std::string list = fs::temp_directory_path() / ("liangxin-restore-" + std::to_string(getpid()) + ".list");
  if (int rc = run_tool(exe, {"--list", file}, "", list); rc != 0) {
    fs::remove(list);
    throw std::runtime_error("pg_restore 无法读取备份文件（退出码 " + std::to_string(rc) + "）：" + file);
  }
  {
    std::ifstream in(list);
    std::string kept, line;
    while (std::getline(in, line))
      if (line.find("COMMENT - EXTENSION") == std::string::npos) kept += line + "\n";
    in.close();
    std::ofstream(list, std::ios::trunc) << kept;
  }
  const int rc = run_tool(exe, {"--exit-on-error", "--single-transaction", "--no-owner", "--no-privileges",
                                "--use-list=" + list, "--dbname=" + info, file},
                          password);
  fs::remove(list);
  if (rc != 0) throw std::runtime_error("pg_restore 失败（退出码 " + std::to_string(rc) + "），目标数据库未改变");
  auto db = Database::open(url, Options{.pool_size = 1});
  return "已从 " + file + " 恢复到 PostgreSQL（数据库结构版本 " + std::to_string(schema_version(*db)) + "，" + exe + "）";
}

std::string file_magic(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("无法读取备份文件：" + file);
  char buf[16] = {};
  in.read(buf, sizeof buf);
  return std::string(buf, static_cast<std::size_t>(in.gcount()));
}

}  // namespace

std::string backup(const std::string& url, const std::string& file) {
  check_url(url);
  if (file.empty()) throw std::runtime_error("请指定备份文件");
  if (is_sqlite_url(url)) {
    if (fs::exists(file) && fs::equivalent(file, url.substr(7))) throw std::runtime_error("备份文件不能是数据库本身");
    return sqlite_backup(url.substr(7), file);
  }
  return pg_backup(url, file);
}

void backup_sqlite(Connection& c, const std::string& file) {
  if (c.backend() != Backend::sqlite) throw std::runtime_error("backup_sqlite needs a SQLite connection");
  sqlite_backup_from(sqlite_handle(c), file);
}

std::string restore(const std::string& file, const std::string& url) {
  check_url(url);
  const std::string magic = file_magic(file);
  const bool sqlite_file = magic.rfind(std::string("SQLite format 3\0", 16), 0) == 0;
  const bool pg_file = magic.rfind("PGDMP", 0) == 0;
  if (!sqlite_file && !pg_file) throw std::runtime_error("无法识别的备份文件（既不是 SQLite 备份，也不是 pg_dump -Fc 归档）：" + file);
  if (sqlite_file && !is_sqlite_url(url))
    throw std::runtime_error("这是 SQLite 备份：恢复到 PostgreSQL 请用 liangxin copy --from sqlite:" + file + " --to " +
                             "postgresql://…");
  if (pg_file && !is_pg_url(url))
    throw std::runtime_error("这是 PostgreSQL 备份（pg_dump 归档），只能恢复到 PostgreSQL 数据库");
  return sqlite_file ? sqlite_restore(file, url.substr(7)) : pg_restore(file, url);
}

}  // namespace lx::db
