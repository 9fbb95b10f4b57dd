#include "modules/account/audit.hpp"

#include <boost/json.hpp>

#include "core/time.hpp"
#include "modules/account/crypto.hpp"

namespace lx::account {

std::string audit_hash(const std::string& prev_hash, std::int64_t id, const std::string& at,
                       const std::optional<std::int64_t>& user_id, const std::string& login, const std::string& ip,
                       const std::string& action, const std::string& target, const std::string& detail) {
  // A JSON array is an unambiguous encoding of the fields.
  boost::json::array fields{id, at, user_id ? boost::json::value(*user_id) : boost::json::value(nullptr),
                            login, ip, action, target, detail};
  return sha256_hex(prev_hash + "\n" + boost::json::serialize(fields));
}

std::int64_t append_audit(db::Connection& c, const AuditEntry& e) {
  constexpr std::int64_t kAuditChainLock = 7201;
  c.lock_chain(kAuditChainLock);
  auto last = c.query("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1");
  const std::int64_t id = last.empty() ? 1 : last.i(0, 0) + 1;
  const std::string prev = last.empty() ? kGenesisHash : last.s(0, 1);
  const std::string at = core::now_iso();
  const std::string hash = audit_hash(prev, id, at, e.user_id, e.login, e.ip, e.action, e.target, e.detail);
  c.exec(
      "INSERT INTO audit_log (id, at, user_id, login, ip, action, target, detail, prev_hash, hash) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {id, at, e.user_id ? db::Value(*e.user_id) : db::Value(nullptr), e.login, e.ip, e.action, e.target,
       e.detail.empty() ? db::Value(nullptr) : db::Value(e.detail), prev, hash});
  return id;
}

AuditVerdict verify_audit(db::Connection& c, const std::function<void(std::int64_t, std::int64_t)>& progress) {
  AuditVerdict v;
  const std::int64_t total = c.scalar_int("SELECT COUNT(*) FROM audit_log").value_or(0);
  std::string prev = kGenesisHash;
  std::int64_t last_id = 0;
  for (;;) {
    auto r = c.query(
        "SELECT id, at, user_id, login, ip, action, target, detail, prev_hash, hash FROM audit_log "
        "WHERE id > ? ORDER BY id LIMIT 2000",
        {last_id});
    if (r.empty()) break;
    for (std::size_t k = 0; k < r.size(); ++k) {
      const std::int64_t id = r.i(k, 0);
      const std::string expect = audit_hash(prev, id, r.s(k, 1), r.opt_i(k, 2), r.s(k, 3), r.s(k, 4), r.s(k, 5),
                                            r.s(k, 6), r.s(k, 7));
      // A gap in the ids, a changed field or a changed link all break the chain here.
      if (id != last_id + 1 || r.s(k, 8) != prev || r.s(k, 9) != expect) {
        v.ok = false;
        v.first_broken_id = id;
        v.message = "审计链在第 " + std::to_string(id) + " 条记录处断裂：该记录或其之前的记录已被篡改或删除";
        return v;
      }
      prev = r.s(k, 9);
      last_id = id;
      ++v.rows;
    }
    if (progress) progress(v.rows, total);
  }
  v.message = "审计链完整，共校验 " + std::to_string(v.rows) + " 条记录";
  return v;
}

}  // namespace lx::account
