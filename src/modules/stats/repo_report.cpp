// The report workbooks in table stats_reports (migration 005), base64 as text.
#include <sodium.h>

#include "core/dates.hpp"
#include "core/time.hpp"
#include "modules/stats/repo.hpp"

namespace lx::stats::repo {
namespace {

std::string to_base64(const std::string& bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

std::optional<std::string> from_base64(const std::string& text) {
  std::string out(text.size() / 4 * 3 + 3, '\0');
  std::size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr,
                        &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
    return std::nullopt;
  out.resize(len);
  return out;
}

}  // namespace

void save_report(db::Connection& c, std::int64_t job_id, std::int64_t user_id, const std::string& scope,
                 const std::string& as_of, const std::string& filename, const std::string& bytes) {
  const std::string now = core::now_iso();
  const std::string cutoff = core::to_iso(core::add_days(core::today_shanghai(), -30));
  c.exec("DELETE FROM stats_reports WHERE created_at < ?", {cutoff});
  c.exec(
      "INSERT INTO stats_reports (job_id, created_by, scope, as_of, filename, size, content_base64, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {job_id, user_id ? db::Value(user_id) : db::Value(nullptr), scope, as_of, filename,
       static_cast<std::int64_t>(bytes.size()), to_base64(bytes), now});
}

std::optional<StoredReport> find_report(db::Connection& c, std::int64_t job_id) {
  auto r = c.query("SELECT filename, content_base64 FROM stats_reports WHERE job_id = ?", {job_id});
  if (r.empty()) return std::nullopt;
  auto bytes = from_base64(r.s(0, 1));
  if (!bytes) return std::nullopt;
  return StoredReport{r.s(0, 0), std::move(*bytes)};
}

}  // namespace lx::stats::repo
