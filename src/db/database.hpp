// The one database interface: SQLite (embedded, default) and PostgreSQL
// behind it. SQL is written once with `?` placeholders; the PostgreSQL side
// rewrites them to $n. Dialect differences live here and in dialect.hpp.
// Failures throw DbError (the I/O edge); the request pipeline turns them into
// one error answer.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

namespace lx::db {

enum class Backend { sqlite, postgresql };

using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string>;
using Params = std::vector<Value>;

// What went wrong, as far as callers need to tell cases apart.
enum class ErrorKind { other, busy, unique_violation, foreign_key, read_only, disk_full, connection };

class DbError : public std::runtime_error {
 public:
  DbError(ErrorKind kind, const std::string& what) : std::runtime_error(what), kind_(kind) {}
  ErrorKind kind() const { return kind_; }

 private:
  ErrorKind kind_;
};

// A query's answer: column names and rows of typed values.
class Rows {
 public:
  std::vector<std::string> columns;
  std::vector<Value> cells;  // row-major

  std::size_t size() const { return columns.empty() ? 0 : cells.size() / columns.size(); }
  bool empty() const { return size() == 0; }
  const Value& at(std::size_t row, std::size_t col) const { return cells[row * columns.size() + col]; }
  bool is_null(std::size_t row, std::size_t col) const;
  // The integer at (row, col); 0 for NULL. Text holding digits is converted.
  std::int64_t i(std::size_t row, std::size_t col) const;
  // The text at (row, col); "" for NULL. Numbers are formatted.
  std::string s(std::size_t row, std::size_t col) const;
  std::optional<std::string> opt_s(std::size_t row, std::size_t col) const;
  std::optional<std::int64_t> opt_i(std::size_t row, std::size_t col) const;
  double d(std::size_t row, std::size_t col) const;
  // Index of a named column; throws DbError when absent.
  std::size_t col(std::string_view name) const;
};

// One open connection. Not thread-safe: one thread uses it at a time.
class Connection {
 public:
  virtual ~Connection() = default;
  virtual Backend backend() const = 0;
  // Runs one statement and returns its rows (RETURNING included).
  virtual Rows query(std::string_view sql, const Params& params = {}) = 0;
  // Runs one statement; returns the number of rows changed.
  virtual std::int64_t exec(std::string_view sql, const Params& params = {}) = 0;
  // Runs several statements with no parameters (migrations).
  virtual void exec_script(std::string_view sql) = 0;
  // Serialises writers of one shared chain (the audit log) across processes
  // until the transaction ends: PostgreSQL takes an advisory lock; SQLite's
  // write transaction already holds the database lock.
  virtual void lock_chain(std::int64_t key) = 0;
  // False when the connection should not go back to the pool: a broken
  // PostgreSQL link, or a SQLite connection that met a storage fault or
  // opened read-only because the file was not writable then (of a database
  // not opened read-only on purpose).
  virtual bool reusable(bool read_only_database) const {
    (void)read_only_database;
    return true;
  }

  // Convenience: first column of the first row as an integer, or nullopt.
  std::optional<std::int64_t> scalar_int(std::string_view sql, const Params& params = {});
  std::optional<std::string> scalar_text(std::string_view sql, const Params& params = {});
};

struct Options {
  int pool_size = 8;             // connections kept open
  int busy_timeout_ms = 5000;    // SQLite: wait this long for the write lock
  bool read_only = false;
};

class Database;

// A connection borrowed from the pool; returned when the lease ends.
class Lease {
 public:
  Lease(Database* db, std::unique_ptr<Connection> c) : db_(db), conn_(std::move(c)) {}
  Lease(Lease&&) noexcept = default;
  Lease& operator=(Lease&&) = delete;
  ~Lease();
  Connection& operator*() { return *conn_; }
  Connection* operator->() { return conn_.get(); }
  Connection& get() { return *conn_; }
  // Drops the connection instead of returning it (after a broken link).
  void discard() { conn_.reset(); }

 private:
  Database* db_;
  std::unique_ptr<Connection> conn_;
};

class Database {
 public:
  virtual ~Database() = default;
  // Opens `sqlite:PATH` or `postgresql://…` (also `postgres://…`).
  static std::unique_ptr<Database> open(const std::string& url, const Options& options = {});

  virtual Backend backend() const = 0;
  std::string backend_name() const { return backend() == Backend::sqlite ? "sqlite" : "postgresql"; }

  // Borrows a connection (opens one when the pool is empty).
  Lease acquire();

  // Runs fn(Connection&) inside a write transaction and commits; rolls back
  // and rethrows if fn throws. Retries the whole of fn when the database
  // reports contention (SQLite busy, PostgreSQL serialisation failure).
  template <typename F>
  auto transaction(F&& fn) -> decltype(fn(std::declval<Connection&>()));

 protected:
  friend class Lease;
  virtual std::unique_ptr<Connection> connect() = 0;
  // Starts a write transaction on c (SQLite: BEGIN IMMEDIATE).
  virtual void begin(Connection& c) = 0;
  // Held for the whole of a write transaction, first come first served, by
  // a backend whose writers are serialised anyway (SQLite has one writer):
  // writers of this process queue in order instead of polling the database
  // lock, whose back-off lets late arrivals overtake and starve early ones.
  // Null for backends with concurrent writers (PostgreSQL).
  struct Gate {
    virtual ~Gate() = default;
  };
  virtual std::unique_ptr<Gate> write_gate() { return nullptr; }
  void give_back(std::unique_ptr<Connection> c);
  Options options_;

 private:
  std::mutex mutex_;
  std::vector<std::unique_ptr<Connection>> pool_;
};

// Thrown by a transaction body to roll back without an error of its own.
struct Rollback {};

template <typename F>
auto Database::transaction(F&& fn) -> decltype(fn(std::declval<Connection&>())) {
  for (int attempt = 0;; ++attempt) {
    const auto gate = write_gate();   // released after COMMIT or ROLLBACK
    Lease lease = acquire();
    try {
      begin(*lease);
    } catch (const DbError& e) {
      if (e.kind() == ErrorKind::busy && attempt < 20) continue;
      throw;
    }
    try {
      if constexpr (std::is_void_v<decltype(fn(*lease))>) {
        fn(*lease);
        lease->exec("COMMIT");
        return;
      } else {
        auto result = fn(*lease);
        lease->exec("COMMIT");
        return result;
      }
    } catch (const DbError& e) {
      try { lease->exec("ROLLBACK"); } catch (...) { lease.discard(); }
      if (e.kind() == ErrorKind::busy && attempt < 20) continue;
      throw;
    } catch (...) {
      try { lease->exec("ROLLBACK"); } catch (...) { lease.discard(); }
      throw;
    }
  }
}

}  // namespace lx::db

