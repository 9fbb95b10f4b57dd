// Password strength policy for local accounts: length bounds, the number of
// character classes required, and no password equal to the login. The limits
// come from configuration; the defaults are the values below.
#pragma once
#include <string_view>

#include "core/result.hpp"

namespace lx::core {

struct PasswordPolicy {
  int min_length = 8;    // in characters (code points)
  int min_classes = 3;   // of: upper-case, lower-case, digit, symbol (clamped to 1..4)
  int max_length = 128;  // in characters (code points)
};

// Returns ok, or a `weak_password` error (field "password") whose Chinese
// message names everything missing: too short, too long, which classes are
// absent, equal to the login (ignoring ASCII case), control characters or
// invalid UTF-8. Any character that is not an ASCII letter or digit,
// including a space or a Chinese character, counts as a symbol.
Status check_password(const PasswordPolicy& policy, std::string_view password, std::string_view login);

}  // namespace lx::core
