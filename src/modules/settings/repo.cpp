#include "modules/settings/repo.hpp"

#include "core/time.hpp"

namespace lx::settings::repo {

std::optional<Stored> get(db::Connection& c, const std::string& key) {
  auto r = c.query("SELECT value, updated_at FROM settings WHERE key = ?", {key});
  if (r.empty()) return std::nullopt;
  return Stored{r.s(0, 0), r.s(0, 1)};
}

std::map<std::string, Stored> all(db::Connection& c) {
  std::map<std::string, Stored> out;
  auto r = c.query("SELECT key, value, updated_at FROM settings");
  for (std::size_t k = 0; k < r.size(); ++k) out[r.s(k, 0)] = Stored{r.s(k, 1), r.s(k, 2)};
  return out;
}

void put(db::Connection& c, const std::string& key, const std::string& value) {
  c.exec(
      "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) "
      "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
      {key, value, core::now_iso()});
}

}  // namespace lx::settings::repo
