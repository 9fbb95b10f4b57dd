// The request pipeline: every request passes here, in this order — route
// match (404/405), session (401), CSRF token on writes (403), forced password
// change (403), the route's permission (403), data scope — before any handler
// runs. State-changing requests run in one transaction with their audit row;
// an answer of 4xx or 5xx rolls back everything the handler wrote. Also adds
// the security headers and writes the access log.
#pragma once
#include <optional>

#include "core/config.hpp"
#include "db/database.hpp"
#include "http/context.hpp"
#include "http/jobs.hpp"
#include "http/router.hpp"

namespace lx::http {

// Identity and audit, provided by the account module.
class Guard {
 public:
  virtual ~Guard() = default;
  // The principal of the request's session cookie, or nullopt.
  virtual std::optional<Principal> authenticate(db::Connection& c, const Request& req) = 0;
  // The data scope of a principal.
  virtual Scope resolve_scope(db::Connection& c, const Principal& p) = 0;
  // Appends one audit row inside the caller's transaction.
  virtual void audit(db::Connection& c, const Principal* who, const std::string& ip, const AuditNote& note) = 0;
};

class App {
 public:
  App(const core::Config& cfg, db::Database& db, const Router& router, Guard& guard, Jobs& jobs,
      const crypto::Pii& pii)
      : cfg_(cfg), db_(db), router_(router), guard_(guard), jobs_(jobs), pii_(pii) {}

  // Answers one request; never throws.
  Response handle(Request& req);

  const core::Config& config() const { return cfg_; }

 private:
  Response api(Request& req, std::int64_t& user_id);
  void authorize(Ctx& ctx, const Route& route);

  const core::Config& cfg_;
  db::Database& db_;
  const Router& router_;
  Guard& guard_;
  Jobs& jobs_;
  const crypto::Pii& pii_;
};

// Adds the security headers every answer carries (CSP, nosniff, framing, referrer).
void add_security_headers(Response& r);

// Constant-time comparison of two tokens.
bool tokens_equal(std::string_view a, std::string_view b);

}  // namespace lx::http
