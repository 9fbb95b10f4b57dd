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

}  // namespace lx::core
