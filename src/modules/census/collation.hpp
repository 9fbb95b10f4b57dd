// Pinyin order for names (DESIGN.md: ICU). The database cannot collate
// Chinese by pinyin the same way on SQLite and PostgreSQL, so each org row
// stores the ICU sort key of its name (orgs.name_sort, migration 003) and
// the database sorts that key bytewise; paging stays on the server.
#pragma once
#include <string>
#include <string_view>

namespace lx::census {

// Returns the ICU "zh@collation=pinyin" sort key of name as lower-case hex:
// comparing two keys bytewise orders the names as a Chinese reader expects
// (阿里 < 北京 < 中国). Thread-safe.
std::string pinyin_sort_key(std::string_view name);

// Returns -1, 0 or 1 as a sorts before, with or after b in pinyin order.
int pinyin_compare(std::string_view a, std::string_view b);

}  // namespace lx::census
