// Bulk loading for the data generator (liangxin gen) through the one
// db::Database interface: multi-row INSERTs with a fixed batch size, so each
// table needs two prepared statements (the full batch and the tail), reused
// from the connection's statement cache; and the named step that drops a
// table's secondary indexes before a load and recreates them from their own
// definitions afterwards (building an index once from sorted data is much
// cheaper than keeping it up to date row by row). Constraint indexes
// (primary keys, UNIQUE columns) stay, so the load is still checked.
#pragma once
#include <chrono>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "db/database.hpp"

namespace lx::app::gen {

class Bulk {
 public:
  // Rows for `table`, in the order of `columns`.
  Bulk(db::Connection& c, std::string table, std::vector<std::string> columns);
  Bulk(const Bulk&) = delete;
  Bulk& operator=(const Bulk&) = delete;

  // Rows of this table refer to rows of `parent` (a foreign key checked at
  // once): the parent's pending rows are written first.
  void after(Bulk& parent) { parents_.push_back(&parent); }

  // Appends one row (as many values as columns); writes a full batch.
  template <typename... V>
  void row(V&&... values) {
    static_assert(sizeof...(V) > 0);
    (batch_.emplace_back(std::forward<V>(values)), ...);
    if (++pending_ == rows_per_statement_) write(pending_);
  }
  // Writes what is pending. Call before the transaction commits.
  void flush() {
    if (pending_) write(pending_);
  }
  std::int64_t rows() const { return written_ + static_cast<std::int64_t>(pending_); }

 private:
  void write(std::size_t n);
  std::string sql_for(std::size_t n) const;

  db::Connection& c_;
  std::string table_, cols_, one_;
  std::size_t width_ = 0, rows_per_statement_ = 0, pending_ = 0;
  std::string full_sql_;
  db::Params batch_;
  std::int64_t written_ = 0;
  std::vector<Bulk*> parents_;
};

// A secondary index as the database describes it, to be made again.
struct SavedIndex {
  std::string table, name, create_sql;
};

// Drops the secondary indexes of `tables` (not those behind PRIMARY KEY or
// UNIQUE constraints) and returns their definitions.
std::vector<SavedIndex> drop_secondary_indexes(db::Connection& c, const std::vector<std::string>& tables);

// Creates the indexes again from the saved definitions.
void recreate_indexes(db::Connection& c, const std::vector<SavedIndex>& indexes);

// Seconds since `t0`.
inline double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace lx::app::gen
