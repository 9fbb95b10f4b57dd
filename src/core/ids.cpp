// Identity numbers and phone numbers; see ids.hpp.
#include "core/ids.hpp"

#include <algorithm>
#include <array>

#include "core/text.hpp"

namespace lx::core {
namespace {

constexpr std::array<int, 17> kIdWeights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr std::string_view kIdCheckChars = "10X98765432";

constexpr std::array<int, 17> kCreditWeights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
constexpr std::string_view kCreditAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool all_digits(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), is_digit); }

// Trimmed, half-width, ASCII letters upper-cased.
std::string normalize_code(std::string_view raw) {
  std::string v = normalize_cell(raw);
  for (char& c : v) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return v;
}

// True for what a spreadsheet makes of a long number it stored as a number:
// "4.11422E+17", "1.10105E17", "110105194912310000.0".
bool looks_like_float(std::string_view v) {
  const std::size_t e = v.find('E');
  std::string_view mantissa = v.substr(0, e);
  if (e != std::string_view::npos) {
    std::string_view exponent = v.substr(e + 1);
    if (!exponent.empty() && exponent.front() == '+') exponent.remove_prefix(1);
    if (!all_digits(exponent)) return false;
  }
  const std::size_t dot = mantissa.find('.');
  if (dot == std::string_view::npos) return e != std::string_view::npos && all_digits(mantissa);
  return all_digits(mantissa.substr(0, dot)) && all_digits(mantissa.substr(dot + 1));
}

// 18 digits ending in 000: Excel keeps 15 significant digits of a number.
bool looks_truncated(std::string_view v) { return v.size() == 18 && all_digits(v) && v.ends_with("000"); }

// Messages never repeat an ID number or phone: they may end up in logs (R-ID-4);
// the import report shows the cell's value in its own column.
Error stored_as_number(std::string_view code, std::string_view what) {
  return make_error(
      std::string(code),
      std::string(what) + "在Excel中被存成了数字，末几位已经丢失；请把该列设为文本格式，重新输入完整号码");
}

// 1-based position and character of the first character of `v` for which
// `ok` is false, as text for a message: "第3位“I”".
template <typename Pred>
std::string first_bad(std::string_view v, Pred ok) {
  const std::vector<std::string> chars = utf8_split(v);
  for (std::size_t i = 0; i < chars.size(); ++i) {
    if (chars[i].size() != 1 || !ok(chars[i][0])) {
      return "第" + std::to_string(i + 1) + "位“" + chars[i] + "”";
    }
  }
  return {};
}

Error id_error(std::string message) { return make_error("invalid_id_number", std::move(message)); }
Error credit_error(std::string message) { return make_error("invalid_credit_code", std::move(message)); }

// Drops spaces and hyphens (used between digit groups of a mobile).
std::string without_separators(std::string_view v) {
  std::string out;
  for (char c : v) {
    if (c != ' ' && c != '-') out.push_back(c);
  }
  return out;
}

}  // namespace

char id_number_check_char(std::string_view first17) {
  if (first17.size() != 17 || !all_digits(first17)) return '?';
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) sum += (first17[i] - '0') * kIdWeights[i];
  return kIdCheckChars[static_cast<std::size_t>(sum % 11)];  // R-ID-1
}

Result<IdNumberInfo> check_id_number(std::string_view raw, Date today) {
  const std::string v = normalize_code(raw);  // R-ID-1: full-width and lower-case x first
  if (v.empty()) return id_error("身份证号不能为空");
  if (looks_like_float(v)) return stored_as_number("invalid_id_number", "身份证号");
  const std::size_t length = utf8_length(v);
  if (length == 15 && all_digits(v)) return id_error("这是15位的旧身份证号，请填写18位的身份证号");
  if (length != 18) return id_error("身份证号应为18位，实际为" + std::to_string(length) + "位");
  const std::vector<std::string> chars = utf8_split(v);
  for (std::size_t i = 0; i < chars.size(); ++i) {
    const bool ok = chars[i].size() == 1 && (is_digit(chars[i][0]) || (i == 17 && chars[i][0] == 'X'));
    if (ok) continue;
    const std::string where = "身份证号第" + std::to_string(i + 1) + "位“" + chars[i] + "”";
    return id_error(i < 17 ? where + "不是数字：前17位应为数字" : where + "无效：最后一位应为数字或X");
  }
  if (id_number_check_char(std::string_view(v).substr(0, 17)) != v[17]) {
    if (looks_truncated(v)) return stored_as_number("invalid_id_number", "身份证号");
    return id_error("身份证号校验位不符，请逐位核对号码");
  }
  const int year = std::stoi(v.substr(6, 4));
  const int month = std::stoi(v.substr(10, 2));
  const int day = std::stoi(v.substr(12, 2));
  if (!is_valid_date(year, month, day)) {
    return id_error("身份证号中的出生日期" + v.substr(6, 8) + "不是有效日期");
  }
  const Date birth{year, month, day};
  if (birth > today) return id_error("身份证号中的出生日期" + to_chinese(birth) + "晚于今天");
  const bool male = (v[16] - '0') % 2 == 1;
  return IdNumberInfo{v, male ? Gender::male : Gender::female, birth};
}

Result<IdNumberInfo> check_id_number(std::string_view raw) { return check_id_number(raw, today_shanghai()); }

char credit_code_check_char(std::string_view first17) {
  if (first17.size() != 17) return '?';
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) {
    const std::size_t value = kCreditAlphabet.find(first17[i]);
    if (value == std::string_view::npos) return '?';
    sum += static_cast<int>(value) * kCreditWeights[i];
  }
  const int check = 31 - sum % 31;  // R-ID-2: 31 - (sum mod 31), 31 -> 0
  return kCreditAlphabet[static_cast<std::size_t>(check == 31 ? 0 : check)];
}

Result<std::string> check_credit_code(std::string_view raw) {
  const std::string v = normalize_code(raw);  // R-ID-2: upper-case and half-width first
  if (v.empty()) return credit_error("统一社会信用代码不能为空");
  if (looks_like_float(v)) return stored_as_number("invalid_credit_code", "统一社会信用代码");
  const std::size_t length = utf8_length(v);
  if (length != 18) return credit_error("统一社会信用代码应为18位，实际为" + std::to_string(length) + "位");
  const std::string bad = first_bad(v, [](char c) { return kCreditAlphabet.find(c) != std::string_view::npos; });
  if (!bad.empty()) {
    return credit_error("统一社会信用代码" + bad + "无效：只能使用数字和除I、O、S、V、Z以外的大写字母");
  }
  if (credit_code_check_char(std::string_view(v).substr(0, 17)) != v[17]) {
    if (looks_truncated(v)) return stored_as_number("invalid_credit_code", "统一社会信用代码");
    return credit_error("统一社会信用代码校验位不符，请逐位核对代码");
  }
  return v;
}

Result<std::string> check_mobile(std::string_view raw) {
  const std::string v = normalize_code(raw);
  if (v.empty()) return make_error("invalid_mobile", "手机号码不能为空");
  if (looks_like_float(v)) return stored_as_number("invalid_mobile", "手机号码");
  std::string digits = without_separators(v);
  if (digits.size() == 14 && digits.starts_with("+86")) digits.erase(0, 3);
  if (digits.size() == 15 && digits.starts_with("0086")) digits.erase(0, 4);
  // R-ID-3: 11 digits beginning with 1
  if (digits.size() != 11 || !all_digits(digits) || digits[0] != '1') {
    return make_error("invalid_mobile", "手机号码格式不正确：应为以1开头的11位数字");
  }
  return digits;
}

Result<std::string> check_landline(std::string_view raw) {
  const std::string v = normalize_code(raw);
  const auto invalid = [] {
    return make_error("invalid_phone",
                      "固定电话格式不正确：应为区号加7到8位号码，如021-12345678、0571-8888888，"
                      "分机号可写在最后（如0571-8888888-801）");
  };
  if (v.empty()) return make_error("invalid_phone", "电话号码不能为空");
  if (looks_like_float(v)) return stored_as_number("invalid_phone", "电话号码");

  std::string_view s = v;
  const auto take_digits = [&s] {
    std::size_t n = 0;
    while (n < s.size() && is_digit(s[n])) ++n;
    std::string_view d = s.substr(0, n);
    s.remove_prefix(n);
    return d;
  };
  const auto skip = [&s](std::string_view token) {
    if (!s.starts_with(token)) return false;
    s.remove_prefix(token.size());
    return true;
  };
  const auto skip_spaces = [&s] {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  };

  std::string_view area;
  std::string_view local;
  if (skip("(")) {  // (021)12345678
    area = take_digits();
    if (!skip(")")) return invalid();
    skip_spaces();
    skip("-");
    skip_spaces();
    local = take_digits();
  } else {
    std::string_view first = take_digits();
    if (!first.empty() && first.size() <= 4 && (skip("-") || skip(" "))) {
      area = first;
      skip_spaces();
      local = take_digits();
    } else {  // 02112345678: the area code's length follows from its digits
      const std::size_t area_len = first.starts_with("01") || first.starts_with("02") ? 3 : 4;
      if (first.size() <= area_len) return invalid();
      area = first.substr(0, area_len);
      local = first.substr(area_len);
    }
  }
  const bool area_ok = (area.size() == 3 && (area == "010" || area.starts_with("02"))) ||
                       (area.size() == 4 && area[0] == '0' && area[1] >= '3' && area[1] <= '9');
  const bool local_ok = (local.size() == 7 || local.size() == 8) && local[0] != '0';
  if (!area_ok || !local_ok) return invalid();

  std::string out = std::string(area) + "-" + std::string(local);
  skip_spaces();
  if (!s.empty()) {
    if (!(skip("-") || skip("转") || skip("#") || skip("EXT.") || skip("EXT") || skip("分机"))) return invalid();
    skip_spaces();
    const std::string_view ext = take_digits();
    if (ext.empty() || ext.size() > 6 || !s.empty()) return invalid();
    out += "-" + std::string(ext);
  }
  return out;
}

Result<std::string> check_contact_phone(std::string_view raw) {
  const std::string v = normalize_code(raw);
  if (v.empty()) return make_error("invalid_phone", "联系电话不能为空");
  if (looks_like_float(v)) return stored_as_number("invalid_phone", "联系电话");
  if (auto mobile = check_mobile(v)) return mobile;
  if (auto landline = check_landline(v)) return landline;
  return make_error("invalid_phone",
                    "联系电话格式不正确：应为11位手机号码，或带区号的固定电话（如021-12345678、0571-8888888-801）");
}

std::string mask_id_number(std::string_view id) {  // R-ID-4
  const std::vector<std::string> chars = utf8_split(id);
  const std::size_t n = chars.size();
  if (n <= 10) return std::string(n, '*');
  std::string out;
  for (std::size_t i = 0; i < 6; ++i) out += chars[i];
  out.append(n - 10, '*');
  for (std::size_t i = n - 4; i < n; ++i) out += chars[i];
  return out;
}

std::string mask_phone(std::string_view phone) {  // R-ID-4
  const std::vector<std::string> chars = utf8_split(phone);
  const std::size_t n = chars.size();
  if (n <= 7) return std::string(n, '*');
  std::string out;
  for (std::size_t i = 0; i < 3; ++i) out += chars[i];
  out.append(n - 7, '*');
  for (std::size_t i = n - 4; i < n; ++i) out += chars[i];
  return out;
}

}  // namespace lx::core
