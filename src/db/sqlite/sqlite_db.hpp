// SQLite behind the Database interface: WAL, foreign keys on, a busy timeout,
// synchronous=FULL (see docs/operations.md), prepared statements cached per
// connection.
#pragma once
#include <memory>
#include <string>

#include "db/database.hpp"

struct sqlite3;

namespace lx::db {

// Opens (creating if needed) the SQLite database file at path.
std::unique_ptr<Database> open_sqlite(const std::string& path, const Options& options);

// The raw handle of a SQLite connection, for the online backup API.
sqlite3* sqlite_handle(Connection& c);


}  // namespace lx::db
