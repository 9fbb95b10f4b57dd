// Unit tests for the CSRF token check of the request pipeline
// (http::tokens_equal): equal tokens only, and never an empty one.
#include <gtest/gtest.h>

#include "http/pipeline.hpp"

using lx::http::tokens_equal;

TEST(CsrfToken, EqualTokensMatch) {
  const std::string t(64, 'a');
  EXPECT_TRUE(tokens_equal(t, std::string(64, 'a')));
  EXPECT_TRUE(tokens_equal("0123456789abcdef", "0123456789abcdef"));
}

TEST(CsrfToken, OneDifferentCharacterAnywhereFails) {
  const std::string t = "0123456789abcdef0123456789abcdef";
  for (std::size_t k = 0; k < t.size(); ++k) {
    std::string u = t;
    u[k] = u[k] == 'x' ? 'y' : 'x';
    EXPECT_FALSE(tokens_equal(t, u)) << "difference at " << k;
  }
}

TEST(CsrfToken, DifferentLengthsFail) {
  EXPECT_FALSE(tokens_equal("abc", "abcd"));
  EXPECT_FALSE(tokens_equal("abcd", "abc"));
  EXPECT_FALSE(tokens_equal("abc", ""));
}

TEST(CsrfToken, MissingHeaderNeverMatchesEvenAnEmptyToken) {
  EXPECT_FALSE(tokens_equal("", ""));
  EXPECT_FALSE(tokens_equal("", "abc"));
}

TEST(CsrfToken, CaseMatters) { EXPECT_FALSE(tokens_equal("ABCDEF", "abcdef")); }

TEST(CsrfToken, EmbeddedNulIsCompared) {
  EXPECT_FALSE(tokens_equal(std::string_view("ab\0d", 4), std::string_view("ab\0c", 4)));
}
