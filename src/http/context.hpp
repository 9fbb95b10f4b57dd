// Ctx: everything a handler gets for one request — the request, its path
// parameters, the database connection it must use (inside the request's
// transaction for state-changing routes), the signed-in user and scope, the
// configuration, and the audit note it may fill.
#pragma once
#include <boost/json/object.hpp>
#include <functional>
#include <optional>

#include "core/config.hpp"
#include "crypto/pii.hpp"
#include "db/database.hpp"
#include "http/message.hpp"
#include "http/router.hpp"

namespace lx::http {

class Jobs;
class JobProgress;

class Ctx {
 public:
  Ctx(const Request& r, const core::Config& c, db::Database& d, db::Connection& conn, Jobs& jobs,
      const crypto::Pii& pii)
      : req(r), cfg(c), db(d), jobs(jobs), pii(pii), conn_(&conn) {}

  const Request& req;
  const core::Config& cfg;
  db::Database& db;
  std::map<std::string, std::string> params;
  std::optional<Principal> user;
  Scope scope;
  AuditNote audit;
  const Route* route = nullptr;
  Jobs& jobs;
  const crypto::Pii& pii;   // personal information at rest
  // Headers to add to the response whatever the handler answers (cookies).
  std::vector<std::pair<std::string, std::string>> extra_headers;

  db::Connection& conn() { return *conn_; }
  // Points the request at another connection (the pipeline's transaction).
  void bind(db::Connection& c) { conn_ = &c; }

  // Creates a background job in this request's transaction; it starts once
  // the transaction commits. Returns the job id.
  std::int64_t submit_job(const std::string& kind, std::function<boost::json::value(db::Database&, JobProgress&)> work);
  std::vector<std::int64_t> pending_jobs;

  // The signed-in user; only called on routes that require one.
  const Principal& me() const { return *user; }

  // The request body as a JSON object; throws ApiError 400 when it is not one.
  const boost::json::object& body();

  // A path parameter as a positive id; throws ApiError 404 when it is not one.
  std::int64_t id_param(const std::string& name = "id") const;

  // A query parameter, or nullopt when absent or empty.
  std::optional<std::string> query(const std::string& name) const;

  // page (≥1) and size (1..200, default 20) from the query; 400 when malformed.
  std::pair<std::int64_t, std::int64_t> paging() const;

 private:
  db::Connection* conn_;
  std::optional<boost::json::value> body_;
};

}  // namespace lx::http
