// Wall-clock time for records: Unix seconds and ISO-8601 UTC strings
// ("2026-11-22T01:30:00Z"), the form every stored timestamp takes.
#pragma once
#include <cstdint>
#include <string>

namespace lx::core {

// Seconds since the Unix epoch, now.
std::int64_t now_unix();

// The ISO-8601 UTC form of t ("YYYY-MM-DDTHH:MM:SSZ").
std::string iso_utc(std::int64_t t);

// iso_utc(now_unix()).
std::string now_iso();

// Unix seconds from "YYYY-MM-DDTHH:MM:SSZ" (or a bare date, at 00:00 UTC); -1 if malformed.
std::int64_t parse_iso_utc(const std::string& s);

// Unix seconds of a time as offices type it, in Shanghai (UTC+8):
// "YYYY-MM-DD HH:MM", with 'T' for the space, optional ":SS"; a trailing "Z"
// means UTC and "+08:00" Shanghai. -1 when malformed or the day does not exist.
std::int64_t parse_shanghai_time(const std::string& s);

// "YYYY-MM-DD HH:MM" of t in Shanghai.
std::string shanghai_time_text(std::int64_t t);

}  // namespace lx::core
