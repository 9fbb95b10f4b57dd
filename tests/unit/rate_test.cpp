// Unit tests for core/rate: percentages with two decimals rounded half up
// from integer counts (STATS.md "Presentation" and its worked example).
#include "core/rate.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

using namespace lx::core;

TEST(Rate, PercentStringExamples) {
  EXPECT_EQ(percent_string(2, 3), "66.67");  // 66.666… rounds up
  EXPECT_EQ(percent_string(1, 3), "33.33");  // 33.333… rounds down
  EXPECT_EQ(percent_string(1, 8), "12.50");
  EXPECT_EQ(percent_string(0, 5), "0.00");
  EXPECT_EQ(percent_string(5, 5), "100.00");
  EXPECT_EQ(percent_string(7, 5), "140.00");
  EXPECT_EQ(percent_string(1, 1000), "0.10");
  EXPECT_EQ(percent_string(1, 7), "14.29");  // 14.2857…
}

TEST(Rate, PercentStringRoundsHalfUp) {
  EXPECT_EQ(percent_string(1, 16), "6.25");        // exact
  EXPECT_EQ(percent_string(1, 32), "3.13");        // 3.125 -> 3.13 (half up, not to even)
  EXPECT_EQ(percent_string(3, 32), "9.38");        // 9.375 -> 9.38
  EXPECT_EQ(percent_string(1, 80000), "0.00");     // 0.00125 -> 0.00
  EXPECT_EQ(percent_string(1, 20000), "0.01");     // 0.005 -> 0.01
  EXPECT_EQ(percent_string(1, 20001), "0.00");     // 0.0049997… -> 0.00
  EXPECT_EQ(percent_string(199, 200000), "0.10");  // 0.0995 -> 0.10
}

TEST(Rate, PercentStringZeroDenominatorIsUndefined) {
  EXPECT_EQ(percent_string(0, 0), std::nullopt);
  EXPECT_EQ(percent_string(3, 0), std::nullopt);
}

TEST(Rate, PercentStringSignAndExtremes) {
  EXPECT_EQ(percent_string(-1, 8), "-12.50");
  EXPECT_EQ(percent_string(1, -8), "-12.50");
  EXPECT_EQ(percent_string(-1, -8), "12.50");
  EXPECT_EQ(percent_string(-1, 32), "-3.13");    // half away from zero
  EXPECT_EQ(percent_string(-1, 80000), "0.00");  // no "-0.00"
  const std::int64_t max = std::numeric_limits<std::int64_t>::max();
  const std::int64_t min = std::numeric_limits<std::int64_t>::min();
  EXPECT_EQ(percent_string(max, max), "100.00");
  EXPECT_EQ(percent_string(max, 1), "922337203685477580700.00");
  EXPECT_EQ(percent_string(min, 1), "-922337203685477580800.00");
  EXPECT_EQ(percent_string(min, min), "100.00");
  EXPECT_EQ(percent_string(1, max), "0.00");
}

TEST(Rate, StatsWorkedExample) {
  EXPECT_EQ(percent_string(4, 10), "40.00");  // organisation coverage
  EXPECT_EQ(percent_string(6, 10), "60.00");  // work coverage
  EXPECT_EQ(growth_percent(1, 2), "100.00");  // party orgs 1 -> 2
}

TEST(Rate, GrowthPercentIsSigned) {
  EXPECT_EQ(growth_percent(2, 1), "-50.00");
  EXPECT_EQ(growth_percent(3, 3), "0.00");
  EXPECT_EQ(growth_percent(3, 5), "66.67");
  EXPECT_EQ(growth_percent(3, 1), "-66.67");  // magnitude 66.666… rounds up
  EXPECT_EQ(growth_percent(3, 2), "-33.33");
  EXPECT_EQ(growth_percent(32, 33), "3.13");   // 3.125 -> 3.13
  EXPECT_EQ(growth_percent(32, 31), "-3.13");  // -3.125 -> -3.13 (away from zero)
  EXPECT_EQ(growth_percent(5, 0), "-100.00");
  EXPECT_EQ(growth_percent(80000, 80001), "0.00");
  EXPECT_EQ(growth_percent(80000, 79999), "0.00");  // no "-0.00"
}

TEST(Rate, GrowthFromZeroIsUndefined) {
  EXPECT_EQ(growth_percent(0, 0), std::nullopt);
  EXPECT_EQ(growth_percent(0, 5), std::nullopt);
}

TEST(Rate, GrowthExtremesDoNotOverflow) {
  const std::int64_t max = std::numeric_limits<std::int64_t>::max();
  const std::int64_t min = std::numeric_limits<std::int64_t>::min();
  EXPECT_EQ(growth_percent(1, max), "922337203685477580600.00");
  EXPECT_EQ(growth_percent(-1, max), "-922337203685477580800.00");  // (max + 1) / -1
  EXPECT_EQ(growth_percent(max, min), "-200.00");                   // (min − max) / max ≈ −2
}
