#include "core/time.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

#include "core/dates.hpp"

namespace lx::core {

std::int64_t now_unix() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string iso_utc(std::int64_t t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string now_iso() { return iso_utc(now_unix()); }

std::int64_t parse_iso_utc(const std::string& s) {
  std::tm tm{};
  int y, mo, d, h = 0, mi = 0, sec = 0;
  int n = std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &sec);
  if (n != 3 && n != 6) return -1;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60) return -1;
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = sec;
  return static_cast<std::int64_t>(timegm(&tm));
}

std::int64_t parse_shanghai_time(const std::string& s) {
  int y, mo, d, h, mi, sec = 0;
  char sep = 0;
  int used = 0;
  int n = std::sscanf(s.c_str(), "%4d-%2d-%2d%c%2d:%2d%n", &y, &mo, &d, &sep, &h, &mi, &used);
  if (n != 6 || (sep != ' ' && sep != 'T')) return -1;
  std::string rest = s.substr(static_cast<std::size_t>(used));
  if (!rest.empty() && rest[0] == ':') {
    int more = 0;
    if (std::sscanf(rest.c_str(), ":%2d%n", &sec, &more) != 1) return -1;
    rest = rest.substr(static_cast<std::size_t>(more));
  }
  std::int64_t offset = 8 * 3600;
  if (rest == "Z") offset = 0;
  else if (rest == "+08:00" || rest.empty()) offset = 8 * 3600;
  else return -1;
  if (!is_valid_date(y, mo, d) || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59) return -1;
  return to_days(Date{y, mo, d}) * 86400 + h * 3600 + mi * 60 + sec - offset;
}

std::string shanghai_time_text(std::int64_t t) {
  const std::int64_t local = t + 8 * 3600;
  std::int64_t days = local / 86400, rem = local % 86400;
  if (rem < 0) {
    rem += 86400;
    --days;
  }
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(rem / 3600), static_cast<int>(rem % 3600 / 60));
  return to_iso(from_days(days)) + " " + buf;
}

}  // namespace lx::core
