// Identifiers the demo data makes up: valid resident ID numbers (R-ID-1) of
// the demo district (area code 310199), shared by the member and recruitment
// parts of the demo.
#pragma once
#include <algorithm>
#include <cstdio>
#include <string>

#include "core/dates.hpp"
#include "core/ids.hpp"

namespace lx::app {

// The ID number of someone born on `birth`, distinct per seq; male when `male`
// (odd sequence digit), with its check character.
inline std::string demo_id_number(const core::Date& birth, int seq, bool male) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%03d", (seq * 2 + (male ? 1 : 0)) % 1000);
  std::string digits = core::to_iso(birth);
  digits.erase(std::remove(digits.begin(), digits.end(), '-'), digits.end());
  const std::string first17 = "310199" + digits + buf;
  return first17 + core::id_number_check_char(first17);
}

}  // namespace lx::app
