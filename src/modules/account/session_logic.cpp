#include "modules/account/session_logic.hpp"

namespace lx::account {

bool session_expired(std::int64_t created, std::int64_t last_seen, std::int64_t now, int idle_minutes,
                     int absolute_hours) {
  return now - last_seen >= std::int64_t{idle_minutes} * 60 || now - created >= std::int64_t{absolute_hours} * 3600 ||
         now < created;
}

std::string session_cookie(const std::string& token, bool secure, std::int64_t max_age) {
  std::string c = std::string(kSessionCookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
                  std::to_string(max_age);
  if (secure) c += "; Secure";
  return c;
}

std::string clear_session_cookie(bool secure) {
  std::string c = std::string(kSessionCookie) + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0";
  if (secure) c += "; Secure";
  return c;
}

bool is_locked(std::int64_t locked_until, std::int64_t now) { return locked_until > now; }

std::int64_t lock_until_after_failure(int failures, int threshold, int lockout_minutes, std::int64_t now) {
  return failures >= threshold ? now + std::int64_t{lockout_minutes} * 60 : 0;
}

std::int64_t minutes_left(std::int64_t locked_until, std::int64_t now) {
  std::int64_t s = locked_until - now;
  return s <= 0 ? 1 : (s + 59) / 60;
}

}  // namespace lx::account
