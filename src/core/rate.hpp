// Rates and growth as the UI and reports show them (STATS.md "Presentation"):
// percentages with two decimals, rounded half up, computed from integer
// counts with integer arithmetic only, never floating point.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace lx::core {

// Returns numerator / denominator as a percentage with two decimals, rounded
// half away from zero ("66.67" for 2/3, "12.50" for 1/8, "0.00" for 0/5, no
// '%' sign); nullopt when the denominator is 0 (shown as —).
std::optional<std::string> percent_string(std::int64_t numerator, std::int64_t denominator);

// Returns the growth rate (to − from) / from as a signed percentage with two
// decimals, the magnitude rounded half up ("100.00" for 1 → 2, "-50.00" for
// 2 → 1); nullopt when `from` is 0 (STATS.md: undefined, shown as —).
std::optional<std::string> growth_percent(std::int64_t from, std::int64_t to);

}  // namespace lx::core
