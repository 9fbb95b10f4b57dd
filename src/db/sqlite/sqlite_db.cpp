#include "db/sqlite/sqlite_db.hpp"

#include <sqlite3.h>

#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <unordered_map>

namespace lx::db {
namespace {

ErrorKind kind_of(int rc) {
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return ErrorKind::busy;
    // The file cannot be written: read-only, or writes fail (EPERM, EFBIG,
    // EIO). Either way the request is refused with 503, nothing changed.
    case SQLITE_READONLY:
    case SQLITE_IOERR: return ErrorKind::read_only;
    case SQLITE_FULL: return ErrorKind::disk_full;
    case SQLITE_CANTOPEN: return ErrorKind::connection;
    case SQLITE_CONSTRAINT:
      if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY) return ErrorKind::unique_violation;
      if (rc == SQLITE_CONSTRAINT_FOREIGNKEY) return ErrorKind::foreign_key;
      return ErrorKind::other;
    default: return ErrorKind::other;
  }
}

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  ~SqliteConnection() override {
    for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }
  Backend backend() const override { return Backend::sqlite; }
  sqlite3* handle() { return db_; }
  bool storage_fault() const { return storage_fault_; }
  // After a storage fault SQLite may have reopened its WAL read-only, and it
  // opens a file it may not write read-only even when asked for read-write.
  bool reusable(bool read_only_database) const override {
    return read_only_database || !(storage_fault() || sqlite3_db_readonly(db_, "main") == 1);
  }

  Rows query(std::string_view sql, const Params& params) override {
    sqlite3_stmt* st = prepare(sql, params);
    Rows out;
    const int ncol = sqlite3_column_count(st);
    out.columns.reserve(ncol);
    for (int c = 0; c < ncol; ++c) out.columns.emplace_back(sqlite3_column_name(st, c));
    for (;;) {
      int rc = sqlite3_step(st);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) fail(st, rc);
      for (int c = 0; c < ncol; ++c) {
        switch (sqlite3_column_type(st, c)) {
          case SQLITE_INTEGER: out.cells.emplace_back(static_cast<std::int64_t>(sqlite3_column_int64(st, c))); break;
          case SQLITE_FLOAT: out.cells.emplace_back(sqlite3_column_double(st, c)); break;
          case SQLITE_NULL: out.cells.emplace_back(nullptr); break;
          default: {
            auto p = reinterpret_cast<const char*>(sqlite3_column_blob(st, c));
            out.cells.emplace_back(std::string(p ? p : "", sqlite3_column_bytes(st, c)));
          }
        }
      }
    }
    sqlite3_reset(st);
    return out;
  }

  std::int64_t exec(std::string_view sql, const Params& params) override {
    sqlite3_stmt* st = prepare(sql, params);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) fail(st, rc);
    sqlite3_reset(st);
    return sqlite3_changes64(db_);
  }

  void exec_script(std::string_view sql) override {
    char* err = nullptr;
    std::string text(sql);
    int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
      std::string msg = err ? err : sqlite3_errstr(rc);
      sqlite3_free(err);
      throw error(kind_of(sqlite3_extended_errcode(db_)), msg);
    }
  }

  void lock_chain(std::int64_t) override {}  // BEGIN IMMEDIATE already holds the write lock

 private:
  sqlite3_stmt* prepare(std::string_view sql, const Params& params) {
    sqlite3_stmt* st = nullptr;
    auto it = cache_.find(std::string(sql));
    if (it != cache_.end()) {
      st = it->second;
    } else {
      int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &st, nullptr);
      if (rc != SQLITE_OK) throw error(kind_of(rc), std::string(sqlite3_errmsg(db_)) + " in: " + std::string(sql));
      if (cache_.size() > 512) {
        for (auto& [k, v] : cache_) sqlite3_finalize(v);
        cache_.clear();
      }
      cache_.emplace(std::string(sql), st);
    }
    sqlite3_clear_bindings(st);
    const int n = sqlite3_bind_parameter_count(st);
    if (n != static_cast<int>(params.size()))
      throw DbError(ErrorKind::other, "parameter count mismatch (" + std::to_string(n) + " vs " +
                                          std::to_string(params.size()) + ") in: " + std::string(sql));
    for (int k = 0; k < n; ++k) {
      const Value& v = params[k];
      int rc = SQLITE_OK;
      if (std::holds_alternative<std::nullptr_t>(v)) rc = sqlite3_bind_null(st, k + 1);
      else if (auto p = std::get_if<std::int64_t>(&v)) rc = sqlite3_bind_int64(st, k + 1, *p);
      else if (auto p = std::get_if<double>(&v)) rc = sqlite3_bind_double(st, k + 1, *p);
      else {
        const auto& s = std::get<std::string>(v);
        rc = sqlite3_bind_text64(st, k + 1, s.data(), s.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
      }
      if (rc != SQLITE_OK) throw error(kind_of(rc), sqlite3_errmsg(db_));
    }
    return st;
  }

  [[noreturn]] void fail(sqlite3_stmt* st, int rc) {
    int ext = sqlite3_extended_errcode(db_);
    std::string msg = sqlite3_errmsg(db_);
    sqlite3_reset(st);
    throw error(kind_of(ext ? ext : rc), msg);
  }

  DbError error(ErrorKind kind, const std::string& msg) {
    if (kind == ErrorKind::read_only || kind == ErrorKind::disk_full) storage_fault_ = true;
    return DbError(kind, msg);
  }

  sqlite3* db_;
  bool storage_fault_ = false;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(std::string path, const Options& options) : path_(std::move(path)) {
    options_ = options;
    auto parent = std::filesystem::path(path_).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent);
    // Open one connection now so that a bad path fails at start-up.
    give_back(connect());
  }
  ~SqliteDatabase() override {
    // Leave the WAL checkpointed so the file alone is a complete database.
    try {
      Lease l = acquire();
      l->exec_script("PRAGMA wal_checkpoint(TRUNCATE);");
    } catch (...) {
    }
  }
  Backend backend() const override { return Backend::sqlite; }

 protected:
  std::unique_ptr<Connection> connect() override {
    sqlite3* h = nullptr;
    int flags = options_.read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    flags |= SQLITE_OPEN_NOMUTEX;
    int rc = sqlite3_open_v2(path_.c_str(), &h, flags, nullptr);
    if (rc != SQLITE_OK) {
      std::string msg = h ? sqlite3_errmsg(h) : sqlite3_errstr(rc);
      sqlite3_close_v2(h);
      throw DbError(ErrorKind::connection, "无法打开数据库文件 " + path_ + "：" + msg);
    }
    sqlite3_busy_timeout(h, options_.busy_timeout_ms);
    sqlite3_extended_result_codes(h, 1);
    auto c = std::make_unique<SqliteConnection>(h);
    // synchronous=FULL: an acknowledged write survives power loss, not only a
    // process crash; the cost is one fsync per commit in WAL mode.
    c->exec_script(
        "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL;"
        " PRAGMA temp_store=MEMORY; PRAGMA cache_size=-16000;");
    return c;
  }
  void begin(Connection& c) override { c.exec("BEGIN IMMEDIATE"); }

  // A ticket lock: writers of this process take the database lock in the
  // order they arrived (other processes still meet the busy timeout).
  std::unique_ptr<Gate> write_gate() override {
    struct Ticket final : Gate {
      explicit Ticket(SqliteDatabase& d) : db(d) {
        std::unique_lock l(db.gate_mutex_);
        const std::uint64_t mine = db.gate_next_++;
        db.gate_cv_.wait(l, [&] { return db.gate_serving_ == mine; });
      }
      ~Ticket() override {
        {
          std::lock_guard l(db.gate_mutex_);
          ++db.gate_serving_;
        }
        db.gate_cv_.notify_all();
      }
      SqliteDatabase& db;
    };
    return std::make_unique<Ticket>(*this);
  }

 private:
  std::string path_;
  std::mutex gate_mutex_;
  std::condition_variable gate_cv_;
  std::uint64_t gate_next_ = 0, gate_serving_ = 0;
};

}  // namespace

std::unique_ptr<Database> open_sqlite(const std::string& path, const Options& options) {
  return std::make_unique<SqliteDatabase>(path, options);
}

sqlite3* sqlite_handle(Connection& c) { return static_cast<SqliteConnection&>(c).handle(); }


}  // namespace lx::db
