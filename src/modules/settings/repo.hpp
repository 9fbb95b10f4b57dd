// The settings module's SQL: the `settings` table of migration 001
// (key → value text). Nothing else reads or writes it.
#pragma once
#include <map>
#include <optional>
#include <string>

#include "db/database.hpp"

namespace lx::settings::repo {

struct Stored {
  std::string value, updated_at;
};

// The stored row of key, or nullopt.
std::optional<Stored> get(db::Connection& c, const std::string& key);

// Every stored row by key.
std::map<std::string, Stored> all(db::Connection& c);

// Inserts or replaces the value of key.
void put(db::Connection& c, const std::string& key, const std::string& value);

}  // namespace lx::settings::repo
