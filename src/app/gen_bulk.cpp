// Multi-row inserts and the index drop/recreate step; see gen_bulk.hpp.
#include "app/gen_bulk.hpp"

#include <algorithm>

namespace lx::app::gen {

Bulk::Bulk(db::Connection& c, std::string table, std::vector<std::string> columns) : c_(c), table_(std::move(table)) {
  width_ = columns.size();
  for (const auto& col : columns) {
    cols_ += (cols_.empty() ? "" : ", ") + col;
    one_ += one_.empty() ? "(?" : ", ?";
  }
  one_ += ")";
  // SQLite binds at most 32766 parameters per statement, PostgreSQL 65535;
  // a few hundred rows per statement is where the gain levels off.
  rows_per_statement_ = std::clamp<std::size_t>(30000 / width_, 1, 250);
  full_sql_ = sql_for(rows_per_statement_);
  batch_.reserve(rows_per_statement_ * width_);
}

std::string Bulk::sql_for(std::size_t n) const {
  std::string sql = "INSERT INTO " + table_ + " (" + cols_ + ") VALUES ";
  sql.reserve(sql.size() + n * (one_.size() + 2));
  for (std::size_t k = 0; k < n; ++k) {
    if (k) sql += ", ";
    sql += one_;
  }
  return sql;
}

void Bulk::write(std::size_t n) {
  if (batch_.size() != n * width_)
    throw std::logic_error("gen: " + table_ + " row of " + std::to_string(batch_.size() / std::max<std::size_t>(n, 1)) +
                           " values for " + std::to_string(width_) + " columns");
  for (Bulk* p : parents_) p->flush();
  c_.exec(n == rows_per_statement_ ? full_sql_ : sql_for(n), batch_);
  written_ += static_cast<std::int64_t>(n);
  batch_.clear();
  pending_ = 0;
}

std::vector<SavedIndex> drop_secondary_indexes(db::Connection& c, const std::vector<std::string>& tables) {
  std::vector<SavedIndex> out;
  for (const auto& t : tables) {
    // SQLite: indexes made by CREATE INDEX have their SQL; constraint autoindexes have none.
    // PostgreSQL: indexes that no constraint owns.
    auto r = c.backend() == db::Backend::sqlite
                 ? c.query("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                           "AND sql IS NOT NULL ORDER BY name",
                           {t})
                 : c.query("SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x "
                           "JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid "
                           "WHERE t.relname = ? AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.oid) "
                           "ORDER BY i.relname",
                           {t});
    for (std::size_t k = 0; k < r.size(); ++k) {
      out.push_back({t, r.s(k, 0), r.s(k, 1)});
      c.exec_script("DROP INDEX " + r.s(k, 0));
    }
  }
  return out;
}

void recreate_indexes(db::Connection& c, const std::vector<SavedIndex>& indexes) {
  for (const auto& i : indexes) c.exec_script(i.create_sql);
}

}  // namespace lx::app::gen
