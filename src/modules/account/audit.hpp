// The audit log: one append-only chain of rows, each carrying the SHA-256 of
// its own fields and of the previous row's hash, appended under a database
// lock so that two server processes cannot fork it. verify_audit walks the
// chain and names the first row that no longer fits.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "db/database.hpp"

namespace lx::account {

struct AuditEntry {
  std::optional<std::int64_t> user_id;
  std::string login;
  std::string ip;
  std::string action;
  std::string target;
  std::string detail;   // JSON text or empty
};

// The hash of genesis: what the first row's prev_hash is.
inline const std::string kGenesisHash(64, '0');

// The hash of one row given its fields and the previous row's hash.
std::string audit_hash(const std::string& prev_hash, std::int64_t id, const std::string& at,
                       const std::optional<std::int64_t>& user_id, const std::string& login, const std::string& ip,
                       const std::string& action, const std::string& target, const std::string& detail);

// Appends e to the chain inside the caller's write transaction; returns the new row id.
std::int64_t append_audit(db::Connection& c, const AuditEntry& e);

struct AuditVerdict {
  bool ok = true;
  std::int64_t rows = 0;
  std::optional<std::int64_t> first_broken_id;
  std::string message;  // Chinese
};

// Walks the whole chain in id order; progress(done, total) is called as it goes.
AuditVerdict verify_audit(db::Connection& c, const std::function<void(std::int64_t, std::int64_t)>& progress = {});

}  // namespace lx::account
