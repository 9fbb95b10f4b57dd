// libFuzzer target: core::parse_date (every ledger date spelling and Excel
// serials) and the serial conversions. A parsed date must be real and must
// survive to_iso -> parse_date. Built and run by scripts/fuzz.sh.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "core/dates.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace lx::core;
  const std::string_view s(reinterpret_cast<const char*>(data), size);
  auto d = parse_date(s);
  if (d) {
    if (!is_valid_date(d->year, d->month, d->day)) __builtin_trap();
    auto again = parse_date(to_iso(*d));
    if (!again || *again != *d) __builtin_trap();
    if (from_days(to_days(*d)) != *d) __builtin_trap();
    (void)to_chinese(*d);
    (void)add_months(*d, 13);
    (void)age_on(*d, Date{2026, 1, 1});
  } else if (d.error().message.empty()) {
    __builtin_trap();
  }
  if (size >= 8) {
    std::int64_t serial = 0;
    std::memcpy(&serial, data, sizeof serial);
    serial %= 4000000;
    if (auto e = from_excel_serial(serial)) {
      if (to_excel_serial(*e) != serial) __builtin_trap();
    }
  }
  return 0;
}
