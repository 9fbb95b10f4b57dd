// Password strength policy; see password_policy.hpp.
#include "core/password_policy.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "core/text.hpp"

namespace lx::core {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool ascii_iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += sep;
    out += parts[i];
  }
  return out;
}

}  // namespace

Status check_password(const PasswordPolicy& policy, std::string_view password, std::string_view login) {
  const auto weak = [](std::string message) { return make_error("weak_password", std::move(message), "password"); };
  if (!is_valid_utf8(password)) return weak("密码包含无法识别的字符");
  if (password.empty()) return weak("密码不能为空");

  bool upper = false, lower_case = false, digit = false, symbol = false, control = false;
  for (char ch : password) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 'A' && c <= 'Z')
      upper = true;
    else if (c >= 'a' && c <= 'z')
      lower_case = true;
    else if (c >= '0' && c <= '9')
      digit = true;
    else if (c < 0x20 || c == 0x7F)
      control = true;
    else
      symbol = true;  // ASCII punctuation, space, or a byte of a non-ASCII character
  }

  std::vector<std::string> problems;
  if (control) problems.emplace_back("不能包含换行、制表符等控制字符");
  const auto length = static_cast<long long>(utf8_length(password));
  if (length < policy.min_length) {
    problems.push_back("长度至少" + std::to_string(policy.min_length) + "位（当前" + std::to_string(length) + "位）");
  }
  if (length > policy.max_length) {
    problems.push_back("长度不能超过" + std::to_string(policy.max_length) + "位（当前" + std::to_string(length) +
                       "位）");
  }
  const int required = std::clamp(policy.min_classes, 1, 4);
  const int present = int{upper} + int{lower_case} + int{digit} + int{symbol};
  if (present < required) {
    std::vector<std::string> missing;
    if (!upper) missing.emplace_back("大写字母");
    if (!lower_case) missing.emplace_back("小写字母");
    if (!digit) missing.emplace_back("数字");
    if (!symbol) missing.emplace_back("符号");
    problems.push_back("需包含大写字母、小写字母、数字、符号中的至少" + std::to_string(required) + "类（当前只有" +
                       std::to_string(present) + "类，缺少" + join(missing, "、") + "）");
  }
  if (!login.empty() && ascii_iequals(password, login)) problems.emplace_back("不能与登录名相同");

  if (problems.empty()) return {};
  return weak("密码" + join(problems, "；"));
}

}  // namespace lx::core
