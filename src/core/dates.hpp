// Calendar dates (proleptic Gregorian, no time of day, no time zone) and the
// date spellings offices use in ledgers (TEMPLATES.md), including Excel serial
// numbers. "Today" is always the date in Shanghai (UTC+8, no DST).
#pragma once
#include <chrono>
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace lx::core {

// A calendar date. Build one with make_date() or parse_date() to be sure it
// is real; the fields are public so a Date is a plain, comparable value.
struct Date {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
  friend auto operator<=>(const Date&, const Date&) = default;
};

// Returns true when `year` is a Gregorian leap year.
bool is_leap_year(int year);

// Returns the number of days in `month` (1..12) of `year`; 0 for a bad month.
int days_in_month(int year, int month);

// Returns true when year/month/day is a real date (year 1..9999).
bool is_valid_date(int year, int month, int day);

// Returns the date, or an `invalid_date` error in Chinese ("2023年2月29日不存在").
Result<Date> make_date(int year, int month, int day);

// Returns the number of days from 1970-01-01 to `d` (negative before).
std::int64_t to_days(Date d);

// Returns the date `days` days after 1970-01-01 (inverse of to_days).
Date from_days(std::int64_t days);

// Returns "YYYY-MM-DD", e.g. "2026-11-22".
std::string to_iso(Date d);

// Returns the Chinese spelling without zero padding, e.g. "2026年11月22日".
std::string to_chinese(Date d);

// Returns the date in a cell or field: `2019-05-01`, `2019/5/1`, `2019.5.1`,
// `2019年5月1日`, `2019年5月` (first of the month), or an Excel serial number
// in the 1900 date system (a fractional time-of-day part is ignored; serial 60,
// Excel's fictitious 1900-02-29, is refused, and so are 1900..2100, which are
// years typed alone, not 1905 serials). Full-width digits and
// surrounding spaces are accepted. Errors are `invalid_date` in Chinese.
Result<Date> parse_date(std::string_view s);

// Returns the date of an Excel serial number (1900 date system): 1 is
// 1900-01-01, 59 is 1900-02-28, 61 is 1900-03-01; 60 (the 1900-02-29 that
// never was), anything below 1 and anything after 9999-12-31 are errors.
Result<Date> from_excel_serial(std::int64_t serial);

// Returns the Excel serial number of `d` (d must be 1900-01-01 or later).
std::int64_t to_excel_serial(Date d);

// Returns `d` moved by `n` days (n may be negative).
Date add_days(Date d, std::int64_t n);

// Returns `d` moved by `n` months, the day clamped to the end of the target
// month (2024-01-31 + 1 month = 2024-02-29).
Date add_months(Date d, int n);

// Returns `d` moved by `n` years; Feb 29 becomes Feb 28 in a common year.
Date add_years(Date d, int n);

// Returns the number of days from `from` to `to` (negative if `to` is earlier).
std::int64_t days_between(Date from, Date to);

// Returns the quarter of `d`, 1..4.
int quarter(Date d);

// First and last day of the month, quarter and year containing `d`.
Date first_day_of_month(Date d);
Date last_day_of_month(Date d);
Date first_day_of_quarter(Date d);
Date last_day_of_quarter(Date d);
Date first_day_of_year(Date d);
Date last_day_of_year(Date d);

// Returns the calendar date in Shanghai (UTC+8, no DST) at instant `t`.
Date date_in_shanghai(std::chrono::system_clock::time_point t);

// Returns today's date in Shanghai from the system clock.
Date today_shanghai();

// Returns the age in whole years on `on` of someone born on `birth`: the
// largest n with add_years(birth, n) <= on (so a Feb 29 birthday is reached on
// Feb 28 in common years); 0 if `on` is before `birth`.
int age_on(Date birth, Date on);

}  // namespace lx::core
