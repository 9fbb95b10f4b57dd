// Number to cell text; see number_text.hpp.
#include "io/number_text.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace lx::io {

std::string number_text(double v, bool* precision_lost) {
  if (precision_lost) *precision_lost = false;
  if (!std::isfinite(v)) return {};
  if (v == 0) return "0";
  // 15 significant digits: "d.dddddddddddddde+XX".
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific, 14);
  const std::string_view sci(buf, static_cast<std::size_t>(res.ptr - buf));
  const std::size_t epos = sci.find('e');
  std::string digits;
  bool negative = false;
  for (char c : sci.substr(0, epos)) {
    if (c == '-') negative = true;
    if (c >= '0' && c <= '9') digits.push_back(c);
  }
  const int exp = std::atoi(std::string(sci.substr(epos + 1)).c_str());
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  const int n = static_cast<int>(digits.size());

  std::string out = negative ? "-" : "";
  if (exp > -10 && exp < 21) {
    if (exp >= n - 1) {
      out += digits;
      out.append(static_cast<std::size_t>(exp - (n - 1)), '0');
      if (precision_lost && exp >= 15) *precision_lost = true;
    } else if (exp >= 0) {
      out += digits.substr(0, static_cast<std::size_t>(exp) + 1);
      out += '.';
      out += digits.substr(static_cast<std::size_t>(exp) + 1);
    } else {
      out += "0.";
      out.append(static_cast<std::size_t>(-exp - 1), '0');
      out += digits;
    }
    return out;
  }
  out += digits[0];
  if (n > 1) out += "." + digits.substr(1);
  out += exp < 0 ? "E-" : "E+";
  const int a = std::abs(exp);
  if (a < 10) out += '0';
  out += std::to_string(a);
  if (precision_lost && exp >= 15) *precision_lost = true;
  return out;
}

}  // namespace lx::io
