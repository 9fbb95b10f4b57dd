// Numbered schema migrations, embedded from src/db/migrations/*.sql at build
// time and applied at start-up, each version in one transaction. A file named
// NNN_name.sql runs on both databases; NNN_name.sqlite.sql or
// NNN_name.postgres.sql only on that one. Tokens in the SQL are the named
// dialect differences ({{ID}}, {{PATH}}): see dialect_sql().
#pragma once
#include <string>
#include <vector>

#include "db/database.hpp"

namespace lx::db {

struct Migration {
  int version;
  const char* name;  // file name without extension, e.g. "001_platform" or "001_platform.sqlite"
  const char* sql;
};

// Every migration file, in file-name order (generated).
const std::vector<Migration>& migrations();

// Replaces the dialect tokens of sql for backend b.
std::string dialect_sql(std::string sql, Backend b);

// The highest version applied, 0 for an empty database.
int schema_version(Database& db);

// The highest version this binary knows.
int latest_version();

// Applies every migration newer than the database's version; returns how many
// versions were applied. Safe when several processes start at once.
int migrate(Database& db);

}  // namespace lx::db
