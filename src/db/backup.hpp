// Backup, restore and copy of a whole Liangxin database (docs/operations.md).
// SQLite: the online backup API (a consistent snapshot while the server keeps
// writing; WAL readers never block writers). PostgreSQL: pg_dump -Fc and
// pg_restore, found under /usr/lib/postgresql/*/bin or on PATH. Copy moves
// every table the catalog lists from one database to another, in foreign-key
// order with ids preserved. Failures throw std::runtime_error with a Chinese
// message for the operator.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "db/database.hpp"

namespace lx::db {

// Writes a backup of the database at url to file (replaced atomically).
// Returns a one-line summary.
std::string backup(const std::string& url, const std::string& file);

// SQLite: writes the database c is connected to, as c sees it, to file —
// inside an open read transaction of c, that transaction's snapshot.
void backup_sqlite(Connection& c, const std::string& file);

// Restores file (a SQLite backup or a pg_dump -Fc archive) into the database
// at url, which must hold no tables. Returns a one-line summary.
std::string restore(const std::string& file, const std::string& url);

struct CopiedTable {
  std::string name;
  std::int64_t rows = 0;
};

// Copies every table of `from` into `to` (migrated to this binary's schema;
// it must hold no tables before), in one transaction on each side; ids are
// kept and PostgreSQL sequences moved past them. progress(table, rows) is
// called after each table.
std::vector<CopiedTable> copy(const std::string& from, const std::string& to,
                              const std::function<void(const std::string&, std::int64_t)>& progress = {});

// The application's tables as the database catalog lists them (SQLite's FTS
// index tables and schema_migrations left out), parents before the tables
// whose foreign keys point at them.
std::vector<std::string> data_tables(Connection& c);

// The column names of table, in catalog order.
std::vector<std::string> table_columns(Connection& c, const std::string& table);

// The number of tables in the database (0: empty, may receive a restore or copy).
std::int64_t table_count(Connection& c);

}  // namespace lx::db
