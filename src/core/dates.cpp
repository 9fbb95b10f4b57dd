// Calendar dates; see dates.hpp. Day arithmetic uses Howard Hinnant's
// days_from_civil / civil_from_days algorithms (public domain).
#include "core/dates.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>

#include "core/text.hpp"

namespace lx::core {
namespace {

constexpr std::int64_t kExcelEpochOffset = 25569;  // Excel serial of 1970-01-01
constexpr std::int64_t kExcelMaxSerial = 2958465;  // 9999-12-31

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

Error date_error(std::string message) { return make_error("invalid_date", std::move(message)); }

Error unrecognised(std::string_view shown) {
  return date_error("无法识别的日期“" + std::string(shown) +
                    "”，请使用如 2019-05-01、2019/5/1、2019.5.1、2019年5月1日 或 2019年5月 的格式");
}

// A tiny cursor over the normalised cell text.
struct Cursor {
  std::string_view s;
  std::size_t i = 0;

  bool done() const { return i >= s.size(); }
  // Reads 1..max_digits ASCII digits; nullopt if there are none or too many.
  std::optional<int> number(std::size_t min_digits, std::size_t max_digits) {
    std::size_t start = i;
    int v = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      v = v * 10 + (s[i] - '0');
      ++i;
      if (i - start > max_digits) return std::nullopt;
    }
    if (i - start < min_digits) return std::nullopt;
    return v;
  }
  bool literal(std::string_view lit) {
    if (s.substr(i, lit.size()) != lit) return false;
    i += lit.size();
    return true;
  }
  void spaces() {
    while (i < s.size() && s[i] == ' ') ++i;
  }
};

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Excel serial "43586" or "43586.75" (time of day ignored).
std::optional<Result<Date>> try_serial(std::string_view v) {
  const std::size_t dot = v.find('.');
  std::string_view whole = v.substr(0, dot);
  if (!all_digits(whole)) return std::nullopt;
  if (dot != std::string_view::npos) {
    const std::string_view frac = v.substr(dot + 1);
    if (!all_digits(frac)) return std::nullopt;
    // "2019.5" is a year and month someone typed, not serial 2019 (1905-07-11).
    if (whole.size() == 4 && frac.size() <= 2) return Result<Date>(unrecognised(v));
  }
  if (whole.size() > 7) return Result<Date>(unrecognised(v));
  std::int64_t serial = 0;
  for (char c : whole) serial = serial * 10 + (c - '0');
  // "2019" is a year someone typed, not serial 2019 (1905-07-11).
  if (serial >= 1900 && serial <= 2100) {
    return Result<Date>(
        date_error("“" + std::string(v) + "”像是年份而不是日期，请填写完整日期，如" + std::string(whole) + "-05-01"));
  }
  return from_excel_serial(serial);
}

}  // namespace

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

bool is_valid_date(int year, int month, int day) {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

Result<Date> make_date(int year, int month, int day) {
  if (year < 1 || year > 9999) return date_error("年份" + std::to_string(year) + "无效");
  if (month < 1 || month > 12) {
    return date_error("月份" + std::to_string(month) + "无效，应为1到12");
  }
  if (day < 1 || day > days_in_month(year, month)) {
    return date_error(std::to_string(year) + "年" + std::to_string(month) + "月" + std::to_string(day) +
                      "日不存在（该月只有" + std::to_string(days_in_month(year, month)) + "天）");
  }
  return Date{year, month, day};
}

std::int64_t to_days(Date d) {
  const std::int64_t y = static_cast<std::int64_t>(d.year) - (d.month <= 2 ? 1 : 0);
  const std::int64_t era = floor_div(y, 400);
  const std::int64_t yoe = y - era * 400;                          // [0, 399]
  const std::int64_t mp = (d.month + 9) % 12;                      // March = 0
  const std::int64_t doy = (153 * mp + 2) / 5 + d.day - 1;         // [0, 365]
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;  // [0, 146096]
  return era * 146097 + doe - 719468;
}

Date from_days(std::int64_t days) {
  const std::int64_t z = days + 719468;
  const std::int64_t era = floor_div(z, 146097);
  const std::int64_t doe = z - era * 146097;                                       // [0, 146096]
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                // [0, 365]
  const std::int64_t mp = (5 * doy + 2) / 153;                                     // [0, 11]
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
  return Date{year, month, day};
}

std::string to_iso(Date d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::string to_chinese(Date d) {
  return std::to_string(d.year) + "年" + std::to_string(d.month) + "月" + std::to_string(d.day) + "日";
}

Result<Date> from_excel_serial(std::int64_t serial) {
  if (serial == 60) {
    return date_error("Excel日期序列号60对应1900年2月29日，这一天并不存在（Excel的已知错误），请改填实际日期");
  }
  if (serial < 1 || serial > kExcelMaxSerial) {
    return date_error("Excel日期序列号" + std::to_string(serial) + "超出有效范围");
  }
  // Up to 59 Excel counts from 1899-12-31; from 61 on, its fictitious
  // 1900-02-29 shifts the count so that it runs from 1899-12-30.
  return from_days(serial - kExcelEpochOffset + (serial < 60 ? 1 : 0));
}

std::int64_t to_excel_serial(Date d) {
  const std::int64_t serial = to_days(d) + kExcelEpochOffset;
  return d < Date{1900, 3, 1} ? serial - 1 : serial;
}

Result<Date> parse_date(std::string_view s) {
  const std::string v = normalize_cell(s);
  if (v.empty()) return date_error("日期不能为空");
  if (auto serial = try_serial(v)) return std::move(*serial);

  Cursor c{v};
  const auto year = c.number(4, 4);
  if (!year) return unrecognised(v);
  c.spaces();
  if (c.literal("年")) {  // 2019年5月1日 or 2019年5月
    c.spaces();
    const auto month = c.number(1, 2);
    c.spaces();
    if (!month || !c.literal("月")) return unrecognised(v);
    c.spaces();
    if (c.done()) return make_date(*year, *month, 1);
    const auto day = c.number(1, 2);
    c.spaces();
    if (!day || !c.literal("日") || !c.done()) return unrecognised(v);
    return make_date(*year, *month, *day);
  }
  if (c.done()) return unrecognised(v);
  const char sep = v[c.i];  // 2019-05-01, 2019/5/1, 2019.5.1
  if (sep != '-' && sep != '/' && sep != '.') return unrecognised(v);
  ++c.i;
  const auto month = c.number(1, 2);
  if (!month || c.done() || v[c.i] != sep) return unrecognised(v);
  ++c.i;
  const auto day = c.number(1, 2);
  if (!day || !c.done()) return unrecognised(v);
  return make_date(*year, *month, *day);
}

Date add_days(Date d, std::int64_t n) { return from_days(to_days(d) + n); }

Date add_months(Date d, int n) {
  const std::int64_t total = static_cast<std::int64_t>(d.year) * 12 + (d.month - 1) + n;
  const int year = static_cast<int>(floor_div(total, 12));
  const int month = static_cast<int>(total - static_cast<std::int64_t>(year) * 12) + 1;
  return Date{year, month, std::min(d.day, days_in_month(year, month))};
}

Date add_years(Date d, int n) { return add_months(d, 12 * n); }

std::int64_t days_between(Date from, Date to) { return to_days(to) - to_days(from); }

int quarter(Date d) { return (d.month - 1) / 3 + 1; }

Date first_day_of_month(Date d) { return Date{d.year, d.month, 1}; }
Date last_day_of_month(Date d) { return Date{d.year, d.month, days_in_month(d.year, d.month)}; }
Date first_day_of_quarter(Date d) { return Date{d.year, (quarter(d) - 1) * 3 + 1, 1}; }
Date last_day_of_quarter(Date d) {
  const int month = quarter(d) * 3;
  return Date{d.year, month, days_in_month(d.year, month)};
}
Date first_day_of_year(Date d) { return Date{d.year, 1, 1}; }
Date last_day_of_year(Date d) { return Date{d.year, 12, 31}; }

Date date_in_shanghai(std::chrono::system_clock::time_point t) {
  const std::int64_t secs = std::chrono::floor<std::chrono::seconds>(t.time_since_epoch()).count();
  return from_days(floor_div(secs + 8 * 3600, 86400));
}

Date today_shanghai() { return date_in_shanghai(std::chrono::system_clock::now()); }

int age_on(Date birth, Date on) {
  if (on < birth) return 0;
  int n = on.year - birth.year;
  if (add_years(birth, n) > on) --n;
  return n;
}

}  // namespace lx::core
