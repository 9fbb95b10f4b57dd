// Composition of the product: which modules' routes the server has, the
// first-start bootstrap (an admin with a one-time password) and the demo
// district. Only main.cpp depends on this.
#pragma once
#include <string>
#include <vector>

#include "core/config.hpp"
#include "db/database.hpp"
#include "http/router.hpp"

namespace lx::app {

// Every route of the product.
void register_all_routes(http::Router& router);

struct Credential {
  std::string login, role_name, password;
};

// On an empty users table: creates `admin` with a random one-time password
// and returns it; otherwise returns nothing.
std::vector<Credential> bootstrap_admin(db::Database& db, const core::Config& cfg);

// On a database without areas: creates the demo district (areas, party orgs,
// one user of each role) and returns the demo users' one-time passwords.
std::vector<Credential> seed_demo(db::Database& db, const core::Config& cfg);

}  // namespace lx::app
