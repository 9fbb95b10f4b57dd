// Settings: the numbers RULES.md marks *configurable*, kept in the `settings`
// table (migration 001) with the defaults written here. A key that was never
// set reads as its default, so a fresh database behaves as the rules say.
// Every module reads them through get_int(); only the settings routes write.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "db/database.hpp"

namespace lx::settings {

// One configurable number: its key, default, allowed range and meaning.
struct Definition {
  std::string_view key;
  std::int64_t default_value;
  std::int64_t min, max;
  std::string_view rule;         // the rule id it tunes, e.g. "R-CEN-2"
  std::string_view description;  // Chinese, shown in the settings page
};

// Every known key, in display order.
const std::vector<Definition>& definitions();

// The definition of key, or nullptr when the key is unknown.
const Definition* find_definition(std::string_view key);

// The value of key: the stored one, or its default when never set (or when
// the stored text is not a number in range). Throws std::logic_error for an
// unknown key — a programming error, not a user's.
std::int64_t get_int(db::Connection& c, std::string_view key);

struct Setting {
  const Definition* def = nullptr;
  std::int64_t value = 0;
  bool is_default = true;
  std::optional<std::string> updated_at;
};

// Every setting with its current value.
std::vector<Setting> list(db::Connection& c);

// Stores value for key after checking the key exists (404) and the value is
// within its range (400, naming the field "value"); returns the new setting.
Result<Setting> set_int(db::Connection& c, std::string_view key, std::int64_t value);

}  // namespace lx::settings
