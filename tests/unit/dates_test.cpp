// Unit tests for core/dates: the Date value, day arithmetic, the date
// spellings of TEMPLATES.md, Excel serial numbers, periods, Shanghai today, age.
#include "core/dates.hpp"
#include "core/time.hpp"

#include <gtest/gtest.h>

using namespace lx::core;

namespace {
Date d(int y, int m, int day) { return Date{y, m, day}; }
}  // namespace

TEST(Dates, ComparisonOrdersByYearMonthDay) {
  EXPECT_LT(d(2019, 5, 1), d(2019, 5, 2));
  EXPECT_LT(d(2019, 4, 30), d(2019, 5, 1));
  EXPECT_LT(d(2018, 12, 31), d(2019, 1, 1));
  EXPECT_EQ(d(2019, 5, 1), d(2019, 5, 1));
  EXPECT_GT(d(2020, 1, 1), d(2019, 12, 31));
}

TEST(Dates, LeapYearsAndMonthLengths) {
  EXPECT_TRUE(is_leap_year(2000));
  EXPECT_TRUE(is_leap_year(2024));
  EXPECT_FALSE(is_leap_year(1900));
  EXPECT_FALSE(is_leap_year(2023));
  EXPECT_EQ(days_in_month(2024, 2), 29);
  EXPECT_EQ(days_in_month(2023, 2), 28);
  EXPECT_EQ(days_in_month(2023, 4), 30);
  EXPECT_EQ(days_in_month(2023, 12), 31);
  EXPECT_EQ(days_in_month(2023, 13), 0);
}

TEST(Dates, MakeDateRejectsImpossibleDatesInChinese) {
  EXPECT_TRUE(make_date(2024, 2, 29).ok());
  auto r = make_date(2023, 2, 29);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "invalid_date");
  EXPECT_NE(r.error().message.find("2023年2月29日不存在"), std::string::npos);
  EXPECT_FALSE(make_date(2023, 4, 31).ok());
  EXPECT_FALSE(make_date(2023, 13, 1).ok());
  EXPECT_FALSE(make_date(2023, 0, 1).ok());
  EXPECT_FALSE(make_date(2023, 1, 0).ok());
  EXPECT_FALSE(make_date(0, 1, 1).ok());
}

TEST(Dates, DaysSinceEpochKnownValues) {
  EXPECT_EQ(to_days(d(1970, 1, 1)), 0);
  EXPECT_EQ(to_days(d(1969, 12, 31)), -1);
  EXPECT_EQ(to_days(d(2026, 11, 22)), 20779);
  EXPECT_EQ(to_days(d(1, 1, 1)), -719162);
  EXPECT_EQ(from_days(20779), d(2026, 11, 22));
  EXPECT_EQ(from_days(-1), d(1969, 12, 31));
}

TEST(Dates, DaysRoundTripOverFourCenturies) {
  Date expected = d(1900, 1, 1);
  for (std::int64_t n = to_days(d(1900, 1, 1)); n <= to_days(d(2300, 12, 31)); ++n) {
    const Date got = from_days(n);
    ASSERT_EQ(got, expected) << n;
    ASSERT_TRUE(is_valid_date(got.year, got.month, got.day));
    ASSERT_EQ(to_days(got), n);
    // step `expected` by hand to check from_days independently
    if (expected.day < days_in_month(expected.year, expected.month)) {
      ++expected.day;
    } else if (expected.month < 12) {
      expected = d(expected.year, expected.month + 1, 1);
    } else {
      expected = d(expected.year + 1, 1, 1);
    }
  }
}

TEST(Dates, IsoAndChineseSpellings) {
  EXPECT_EQ(to_iso(d(2026, 11, 22)), "2026-11-22");
  EXPECT_EQ(to_iso(d(2019, 5, 1)), "2019-05-01");
  EXPECT_EQ(to_chinese(d(2026, 11, 22)), "2026年11月22日");
  EXPECT_EQ(to_chinese(d(2019, 5, 1)), "2019年5月1日");
}

TEST(Dates, ParseDateAcceptsEveryTemplateSpelling) {
  for (const char* s : {"2019-05-01", "2019-5-1", "2019/5/1", "2019/05/01", "2019.5.1", "2019.05.01", "2019年5月1日",
                        "2019年05月01日", "2019年5月", "43586", "43586.0", "43586.75", " 2019-05-01 ",
                        "２０１９－０５－０１", "２０１９年５月１日", "2019 年 5 月 1 日", "　2019/5/1　"}) {
    auto r = parse_date(s);
    ASSERT_TRUE(r.ok()) << s << ": " << r.error().message;
    EXPECT_EQ(*r, d(2019, 5, 1)) << s;
  }
  EXPECT_EQ(*parse_date("2019年12月"), d(2019, 12, 1));
  EXPECT_EQ(*parse_date("2024-02-29"), d(2024, 2, 29));
}

TEST(Dates, ParseDateRejectsImpossibleDatesWithChineseMessage) {
  auto r = parse_date("2023-02-29");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "invalid_date");
  EXPECT_NE(r.error().message.find("2023年2月29日不存在"), std::string::npos);
  for (const char* s : {"2023/2/29", "2023年2月29日", "2019-04-31", "2019-13-01", "2019-00-10", "2019-01-00",
                        "2019年13月", "1900-02-29"}) {
    EXPECT_FALSE(parse_date(s).ok()) << s;
  }
}

TEST(Dates, ParseDateRejectsUnrecognisedText) {
  for (const char* s :
       {"", "  ", "abc", "2019", "2019-05", "19-5-1", "2019-5/1", "2019--5-1", "2019-5-1-", "2019-123-1", "2019年5月1",
        "2019年5", "5/1/2019", "2019-05-01T00:00", "2019.5", "-5", "12345678", "1.5e3"}) {
    auto r = parse_date(s);
    EXPECT_FALSE(r.ok()) << s;
    if (!r.ok()) {
      EXPECT_EQ(r.error().code, "invalid_date") << s;
    }
  }
  EXPECT_NE(parse_date("abc").error().message.find("无法识别"), std::string::npos);
  EXPECT_NE(parse_date("2019").error().message.find("像是年份"), std::string::npos);
  EXPECT_EQ(*parse_date("1899"), d(1905, 3, 13));  // just outside the year guard: a serial
  EXPECT_EQ(*parse_date("2101"), d(1905, 10, 1));
  EXPECT_NE(parse_date("").error().message.find("不能为空"), std::string::npos);
}

TEST(Dates, ExcelSerialNumbersUseThe1900System) {
  EXPECT_EQ(*from_excel_serial(1), d(1900, 1, 1));
  EXPECT_EQ(*from_excel_serial(59), d(1900, 2, 28));
  EXPECT_EQ(*from_excel_serial(61), d(1900, 3, 1));
  EXPECT_EQ(*from_excel_serial(25569), d(1970, 1, 1));
  EXPECT_EQ(*from_excel_serial(36526), d(2000, 1, 1));
  EXPECT_EQ(*from_excel_serial(43586), d(2019, 5, 1));
  EXPECT_EQ(*from_excel_serial(45000), d(2023, 3, 15));
  EXPECT_EQ(*from_excel_serial(2958465), d(9999, 12, 31));
  EXPECT_EQ(*parse_date("61"), d(1900, 3, 1));
}

TEST(Dates, ExcelSerial60IsTheFake1900Feb29) {
  auto r = from_excel_serial(60);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("1900年2月29日"), std::string::npos);
  EXPECT_FALSE(parse_date("60").ok());
  EXPECT_FALSE(from_excel_serial(0).ok());
  EXPECT_FALSE(from_excel_serial(-1).ok());
  EXPECT_FALSE(from_excel_serial(2958466).ok());
}

TEST(Dates, ExcelSerialRoundTrips) {
  EXPECT_EQ(to_excel_serial(d(1900, 1, 1)), 1);
  EXPECT_EQ(to_excel_serial(d(1900, 2, 28)), 59);
  EXPECT_EQ(to_excel_serial(d(1900, 3, 1)), 61);
  EXPECT_EQ(to_excel_serial(d(2019, 5, 1)), 43586);
  for (std::int64_t s = 1; s <= 80000; ++s) {
    if (s == 60) continue;
    ASSERT_EQ(to_excel_serial(*from_excel_serial(s)), s);
  }
}

TEST(Dates, AddDaysAndDaysBetween) {
  EXPECT_EQ(add_days(d(2023, 12, 31), 1), d(2024, 1, 1));
  EXPECT_EQ(add_days(d(2024, 2, 28), 1), d(2024, 2, 29));
  EXPECT_EQ(add_days(d(2023, 2, 28), 1), d(2023, 3, 1));
  EXPECT_EQ(add_days(d(2024, 3, 1), -1), d(2024, 2, 29));
  EXPECT_EQ(add_days(d(2019, 5, 1), 0), d(2019, 5, 1));
  EXPECT_EQ(days_between(d(2024, 1, 1), d(2025, 1, 1)), 366);
  EXPECT_EQ(days_between(d(2023, 1, 1), d(2024, 1, 1)), 365);
  EXPECT_EQ(days_between(d(2025, 1, 1), d(2024, 1, 1)), -366);
  EXPECT_EQ(days_between(d(2019, 5, 1), d(2019, 5, 1)), 0);
}

TEST(Dates, AddMonthsClampsToMonthEnd) {
  EXPECT_EQ(add_months(d(2024, 1, 31), 1), d(2024, 2, 29));
  EXPECT_EQ(add_months(d(2023, 1, 31), 1), d(2023, 2, 28));
  EXPECT_EQ(add_months(d(2023, 3, 31), 1), d(2023, 4, 30));
  EXPECT_EQ(add_months(d(2023, 11, 15), 2), d(2024, 1, 15));
  EXPECT_EQ(add_months(d(2024, 1, 15), -2), d(2023, 11, 15));
  EXPECT_EQ(add_months(d(2024, 3, 31), -1), d(2024, 2, 29));
  EXPECT_EQ(add_months(d(2024, 5, 20), 0), d(2024, 5, 20));
  EXPECT_EQ(add_months(d(2024, 5, 20), 24), d(2026, 5, 20));
  EXPECT_EQ(add_months(d(2024, 5, 20), -17), d(2022, 12, 20));
}

TEST(Dates, AddYearsTurnsFeb29IntoFeb28) {
  EXPECT_EQ(add_years(d(2024, 2, 29), 1), d(2025, 2, 28));
  EXPECT_EQ(add_years(d(2024, 2, 29), 4), d(2028, 2, 29));
  EXPECT_EQ(add_years(d(2024, 2, 29), -100), d(1924, 2, 29));
  EXPECT_EQ(add_years(d(2000, 2, 29), 100), d(2100, 2, 28));
  EXPECT_EQ(add_years(d(2019, 5, 1), 1), d(2020, 5, 1));
  EXPECT_EQ(add_years(d(2019, 5, 1), -1), d(2018, 5, 1));
}

TEST(Dates, QuarterAndPeriodBounds) {
  EXPECT_EQ(quarter(d(2024, 1, 1)), 1);
  EXPECT_EQ(quarter(d(2024, 3, 31)), 1);
  EXPECT_EQ(quarter(d(2024, 4, 1)), 2);
  EXPECT_EQ(quarter(d(2024, 9, 30)), 3);
  EXPECT_EQ(quarter(d(2024, 12, 31)), 4);
  EXPECT_EQ(first_day_of_month(d(2024, 2, 15)), d(2024, 2, 1));
  EXPECT_EQ(last_day_of_month(d(2024, 2, 15)), d(2024, 2, 29));
  EXPECT_EQ(last_day_of_month(d(2023, 2, 15)), d(2023, 2, 28));
  EXPECT_EQ(first_day_of_quarter(d(2024, 5, 20)), d(2024, 4, 1));
  EXPECT_EQ(last_day_of_quarter(d(2024, 5, 20)), d(2024, 6, 30));
  EXPECT_EQ(last_day_of_quarter(d(2024, 2, 1)), d(2024, 3, 31));
  EXPECT_EQ(last_day_of_quarter(d(2024, 8, 1)), d(2024, 9, 30));
  EXPECT_EQ(first_day_of_quarter(d(2024, 12, 31)), d(2024, 10, 1));
  EXPECT_EQ(last_day_of_quarter(d(2024, 11, 1)), d(2024, 12, 31));
  EXPECT_EQ(first_day_of_year(d(2024, 5, 20)), d(2024, 1, 1));
  EXPECT_EQ(last_day_of_year(d(2024, 5, 20)), d(2024, 12, 31));
}

TEST(Dates, ShanghaiDateIsUtcPlusEight) {
  using std::chrono::seconds;
  using std::chrono::system_clock;
  // 2023-11-14 22:13:20 UTC is 2023-11-15 06:13:20 in Shanghai.
  EXPECT_EQ(date_in_shanghai(system_clock::time_point(seconds(1700000000))), d(2023, 11, 15));
  // 2023-12-31 15:59:59 UTC = 23:59:59 in Shanghai; one second later it is the new year.
  const std::int64_t midnight_utc = to_days(d(2024, 1, 1)) * 86400;
  EXPECT_EQ(date_in_shanghai(system_clock::time_point(seconds(midnight_utc - 8 * 3600 - 1))), d(2023, 12, 31));
  EXPECT_EQ(date_in_shanghai(system_clock::time_point(seconds(midnight_utc - 8 * 3600))), d(2024, 1, 1));
  // Before 1970 the division must floor, not truncate.
  EXPECT_EQ(date_in_shanghai(system_clock::time_point(seconds(-8 * 3600 - 1))), d(1969, 12, 31));
  EXPECT_EQ(date_in_shanghai(system_clock::time_point(seconds(-8 * 3600))), d(1970, 1, 1));
}

TEST(Dates, TodayShanghaiIsPlausible) {
  const Date today = today_shanghai();
  EXPECT_TRUE(is_valid_date(today.year, today.month, today.day));
  EXPECT_GE(today, d(2024, 1, 1));
  const Date utc_today =
      from_days(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()).time_since_epoch().count());
  EXPECT_LE(days_between(utc_today, today), 1);
  EXPECT_GE(days_between(utc_today, today), 0);
}

TEST(Dates, AgeOnCountsWholeYears) {
  EXPECT_EQ(age_on(d(2000, 5, 1), d(2018, 4, 30)), 17);
  EXPECT_EQ(age_on(d(2000, 5, 1), d(2018, 5, 1)), 18);  // the 18th birthday itself
  EXPECT_EQ(age_on(d(2000, 5, 1), d(2018, 5, 2)), 18);
  EXPECT_EQ(age_on(d(2000, 5, 1), d(2000, 5, 1)), 0);
  EXPECT_EQ(age_on(d(2000, 5, 1), d(1999, 1, 1)), 0);
  EXPECT_EQ(age_on(d(1949, 10, 1), d(2026, 11, 22)), 77);
}

TEST(Dates, AgeOnLeapDayBirthday) {
  EXPECT_EQ(age_on(d(2004, 2, 29), d(2022, 2, 27)), 17);
  EXPECT_EQ(age_on(d(2004, 2, 29), d(2022, 2, 28)), 18);  // Feb 28 in a common year
  EXPECT_EQ(age_on(d(2004, 2, 29), d(2024, 2, 28)), 19);  // leap year: birthday is Feb 29
  EXPECT_EQ(age_on(d(2004, 2, 29), d(2024, 2, 29)), 20);
}

namespace lx::core {
namespace {

TEST(Time, ShanghaiTimesAsTyped) {
  const auto t = parse_shanghai_time("2026-04-01 00:30");
  EXPECT_EQ(iso_utc(t), "2026-03-31T16:30:00Z");
  EXPECT_EQ(parse_shanghai_time("2026-04-01T00:30:00"), t);
  EXPECT_EQ(parse_shanghai_time("2026-04-01T00:30:00+08:00"), t);
  EXPECT_EQ(parse_shanghai_time("2026-03-31T16:30:00Z"), t);
  EXPECT_EQ(shanghai_time_text(t), "2026-04-01 00:30");
  EXPECT_EQ(parse_shanghai_time("2026-02-29 10:00"), -1);   // a common year
  EXPECT_EQ(parse_shanghai_time("2026-04-01 24:00"), -1);
  EXPECT_EQ(parse_shanghai_time("2026-04-01"), -1);
  EXPECT_EQ(parse_shanghai_time("2026-04-01 10:00 extra"), -1);
  EXPECT_EQ(parse_shanghai_time(""), -1);
}

}  // namespace
}  // namespace lx::core
