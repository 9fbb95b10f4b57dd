// Substring search on a name column, the fastest way each database offers:
// SQLite uses an FTS5 trigram table for terms of 3+ characters and instr()
// for shorter ones (the trigram tokenizer matches nothing below 3, and
// Chinese names are often two characters); PostgreSQL uses LIKE, served by a
// pg_trgm GIN index.
#pragma once
#include <string>

#include "db/database.hpp"

namespace lx::db {

struct SqlFilter {
  std::string sql;   // a boolean SQL expression
  Params params;     // its parameters, in order
};

// A filter selecting rows of `table` (alias `alias`) whose `column` contains
// term. fts_table names the FTS5 table (content_rowid = the table's id) on SQLite.
SqlFilter contains_filter(Backend b, const std::string& alias, const std::string& column, const std::string& fts_table,
                          const std::string& term);

}  // namespace lx::db
