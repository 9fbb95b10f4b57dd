// libFuzzer target: the identity number checks (R-ID-1..4). A value a check
// accepts must be accepted again, unchanged, when checked in its normalised
// form; masking never fails. Built and run by scripts/fuzz.sh.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/ids.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace lx::core;
  const std::string_view s(reinterpret_cast<const char*>(data), size);
  const Date today{2026, 1, 1};
  if (auto id = check_id_number(s, today)) {
    auto again = check_id_number(id->id, today);
    if (!again || again->id != id->id || again->birth_date != id->birth_date || again->gender != id->gender) __builtin_trap();
    if (id->id.size() != 18) __builtin_trap();
  }
  if (auto code = check_credit_code(s)) {
    auto again = check_credit_code(*code);
    if (!again || *again != *code || code->size() != 18) __builtin_trap();
  }
  if (auto mobile = check_mobile(s)) {
    auto again = check_mobile(*mobile);
    if (!again || *again != *mobile || mobile->size() != 11) __builtin_trap();
  }
  if (auto phone = check_landline(s)) {
    auto again = check_landline(*phone);
    if (!again || *again != *phone) __builtin_trap();
  }
  if (auto phone = check_contact_phone(s)) {
    auto again = check_contact_phone(*phone);
    if (!again || *again != *phone) __builtin_trap();
  }
  (void)id_number_check_char(s);
  (void)credit_code_check_char(s);
  (void)mask_id_number(s);
  (void)mask_phone(s);
  return 0;
}
