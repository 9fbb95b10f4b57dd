// Unit tests for account/session_logic: idle and absolute session expiry at
// their boundaries, the session cookie's attributes, and the lockout after
// repeated failed sign-ins (等保 2.0 identity controls).
#include "modules/account/session_logic.hpp"

#include <gtest/gtest.h>

using namespace lx::account;

namespace {
constexpr std::int64_t T0 = 1'800'000'000;  // some instant
}

TEST(SessionExpiry, FreshSessionIsValid) { EXPECT_FALSE(session_expired(T0, T0, T0, 30, 12)); }

TEST(SessionExpiry, IdleExpiryAtExactlyTheIdleLimit) {
  // 30 idle minutes: valid one second before, expired at the limit.
  EXPECT_FALSE(session_expired(T0, T0, T0 + 30 * 60 - 1, 30, 12));
  EXPECT_TRUE(session_expired(T0, T0, T0 + 30 * 60, 30, 12));
}

TEST(SessionExpiry, IdleClockRestartsAtLastUse) {
  const std::int64_t last = T0 + 3600;
  EXPECT_FALSE(session_expired(T0, last, last + 30 * 60 - 1, 30, 12));
  EXPECT_TRUE(session_expired(T0, last, last + 30 * 60, 30, 12));
}

TEST(SessionExpiry, AbsoluteExpiryEvenWhenInUse) {
  // Used a second ago, but 12 hours old: expired; one second younger: valid.
  const std::int64_t limit = T0 + 12 * 3600;
  EXPECT_FALSE(session_expired(T0, limit - 2, limit - 1, 30, 12));
  EXPECT_TRUE(session_expired(T0, limit - 1, limit, 30, 12));
}

TEST(SessionExpiry, ClockBeforeCreationCountsAsExpired) { EXPECT_TRUE(session_expired(T0, T0, T0 - 1, 30, 12)); }

TEST(SessionCookie, HttpOnlySameSiteStrictPathRootWithoutSecure) {
  const std::string c = session_cookie("tok123", false, 43200);
  EXPECT_EQ(c.rfind(std::string(kSessionCookie) + "=tok123;", 0), 0u) << c;
  EXPECT_NE(c.find("HttpOnly"), std::string::npos);
  EXPECT_NE(c.find("SameSite=Strict"), std::string::npos);
  EXPECT_NE(c.find("Path=/"), std::string::npos);
  EXPECT_NE(c.find("Max-Age=43200"), std::string::npos);
  EXPECT_EQ(c.find("Secure"), std::string::npos) << c;
}

TEST(SessionCookie, SecureWhenConfiguredForTls) {
  const std::string c = session_cookie("tok123", true, 60);
  EXPECT_NE(c.find("; Secure"), std::string::npos) << c;
  EXPECT_NE(c.find("HttpOnly"), std::string::npos);
  EXPECT_NE(c.find("SameSite=Strict"), std::string::npos);
}

TEST(SessionCookie, ClearingCookieEmptiesAndExpiresIt) {
  for (bool secure : {false, true}) {
    const std::string c = clear_session_cookie(secure);
    EXPECT_EQ(c.rfind(std::string(kSessionCookie) + "=;", 0), 0u) << c;
    EXPECT_NE(c.find("Max-Age=0"), std::string::npos) << c;
    EXPECT_NE(c.find("HttpOnly"), std::string::npos) << c;
    EXPECT_EQ(c.find("Secure") != std::string::npos, secure) << c;
  }
}

TEST(Lockout, NoLockBelowTheThreshold) {
  for (int failures = 0; failures < 5; ++failures) EXPECT_EQ(lock_until_after_failure(failures, 5, 15, T0), 0) << failures;
}

TEST(Lockout, LocksForTheConfiguredMinutesAtTheThreshold) {
  EXPECT_EQ(lock_until_after_failure(5, 5, 15, T0), T0 + 15 * 60);
  EXPECT_EQ(lock_until_after_failure(6, 5, 15, T0), T0 + 15 * 60);
  EXPECT_EQ(lock_until_after_failure(3, 3, 1, T0), T0 + 60);
}

TEST(Lockout, LockedUntilTheInstantItEnds) {
  const std::int64_t until = T0 + 900;
  EXPECT_TRUE(is_locked(until, T0));
  EXPECT_TRUE(is_locked(until, until - 1));
  EXPECT_FALSE(is_locked(until, until));
  EXPECT_FALSE(is_locked(0, T0));
}

TEST(Lockout, MinutesLeftRoundUpAndAreAtLeastOne) {
  EXPECT_EQ(minutes_left(T0 + 900, T0), 15);
  EXPECT_EQ(minutes_left(T0 + 901, T0), 16);
  EXPECT_EQ(minutes_left(T0 + 1, T0), 1);
  EXPECT_EQ(minutes_left(T0, T0), 1);
  EXPECT_EQ(minutes_left(T0 - 100, T0), 1);
}
