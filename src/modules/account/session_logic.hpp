// The pure rules of sessions and sign-in: expiry (idle and absolute), the
// session cookie, and the lockout after repeated failures (等保 2.0 identity
// controls). No I/O here; service.cpp applies them.
#pragma once
#include <cstdint>
#include <string>

namespace lx::account {

inline constexpr const char* kSessionCookie = "lx_session";

// True when a session created at `created` and last used at `last_seen` has
// expired at `now` (all Unix seconds).
bool session_expired(std::int64_t created, std::int64_t last_seen, std::int64_t now, int idle_minutes,
                     int absolute_hours);

// The Set-Cookie value that installs token: HttpOnly, SameSite=Strict, Path=/,
// Secure when secure is set, lasting max_age seconds.
std::string session_cookie(const std::string& token, bool secure, std::int64_t max_age);

// The Set-Cookie value that removes the session cookie.
std::string clear_session_cookie(bool secure);

// True while an account locked until `locked_until` is still locked at `now`.
bool is_locked(std::int64_t locked_until, std::int64_t now);

// After a failed sign-in that brings the count to `failures`: the time the
// account is locked until, or 0 when the threshold is not reached.
std::int64_t lock_until_after_failure(int failures, int threshold, int lockout_minutes, std::int64_t now);

// Minutes (rounded up, at least 1) until `locked_until`.
std::int64_t minutes_left(std::int64_t locked_until, std::int64_t now);

}  // namespace lx::account
