#include "app/app.hpp"

#include "http/jobs.hpp"
#include "modules/account/crypto.hpp"
#include "modules/account/routes.hpp"
#include "modules/account/service.hpp"
#include "modules/census/routes.hpp"
#include "modules/ledger/routes.hpp"
#include "modules/life/routes.hpp"
#include "modules/member/routes.hpp"
#include "modules/partyorg/routes.hpp"
#include "modules/recruit/routes.hpp"
#include "modules/settings/routes.hpp"
#include "modules/stats/routes.hpp"

namespace lx::app {

void register_all_routes(http::Router& router) {
  account::register_routes(router);
  census::register_routes(router);
  partyorg::register_routes(router);
  member::register_routes(router);
  recruit::register_routes(router);
  life::register_routes(router);
  ledger::register_routes(router);
  settings::register_routes(router);
  stats::register_routes(router);
  http::register_job_routes(router);
}

std::vector<Credential> bootstrap_admin(db::Database& db, const core::Config& cfg) {
  return db.transaction([&](db::Connection& c) -> std::vector<Credential> {
    if (c.scalar_int("SELECT COUNT(*) FROM users").value_or(0) > 0) return {};
    account::UserInput in;
    in.login = "admin";
    in.name = "系统管理员";
    in.role = "admin";
    in.password = account::random_password(12);
    auto u = account::create_user(c, cfg, in, true);
    if (!u) throw std::runtime_error(u.error().message);
    return {Credential{"admin", "系统管理员", *in.password}};
  });
}

}  // namespace lx::app
