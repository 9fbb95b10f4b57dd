// PostgreSQL behind the Database interface, through libpq: `?` placeholders
// rewritten to $n, statements prepared once per connection, a pool of
// connections shared by the server's threads.
#pragma once
#include <memory>
#include <string>

#include "db/database.hpp"

namespace lx::db {

// Connects to the PostgreSQL server named by a postgresql:// URL.
std::unique_ptr<Database> open_postgres(const std::string& url, const Options& options);


// Rewrites `?` placeholders (outside quotes) to $1, $2, … .
std::string rewrite_placeholders(std::string_view sql);

}  // namespace lx::db
