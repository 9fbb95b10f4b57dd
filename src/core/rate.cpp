// Rates and growth; see rate.hpp.
#include "core/rate.hpp"

namespace lx::core {
namespace {

// 128-bit intermediates: numerator × 10000 must not overflow for any int64.
__extension__ using Int128 = __int128;
__extension__ using UInt128 = unsigned __int128;

UInt128 magnitude(Int128 v) { return v < 0 ? static_cast<UInt128>(-v) : static_cast<UInt128>(v); }

std::string to_string(UInt128 v) {
  if (v == 0) return "0";
  std::string digits;
  while (v > 0) {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(v % 10)));
    v /= 10;
  }
  return digits;
}

// Formats num / den × 100 (den ≠ 0) with two decimals, half away from zero.
std::string format_ratio(Int128 num, Int128 den) {
  const UInt128 n = magnitude(num);
  const UInt128 d = magnitude(den);
  const UInt128 hundredths = (n * 10000 * 2 + d) / (d * 2);  // floor(n·10000/d + 1/2)
  const bool negative = hundredths != 0 && ((num < 0) != (den < 0));
  const auto frac = static_cast<int>(hundredths % 100);
  return std::string(negative ? "-" : "") + to_string(hundredths / 100) + "." + static_cast<char>('0' + frac / 10) +
         static_cast<char>('0' + frac % 10);
}

}  // namespace

std::optional<std::string> percent_string(std::int64_t numerator, std::int64_t denominator) {
  if (denominator == 0) return std::nullopt;
  return format_ratio(numerator, denominator);
}

std::optional<std::string> growth_percent(std::int64_t from, std::int64_t to) {
  if (from == 0) return std::nullopt;
  return format_ratio(static_cast<Int128>(to) - from, from);
}

}  // namespace lx::core
