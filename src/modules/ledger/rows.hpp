// Small helpers the ledger definitions share for reading typed rows and
// adding problems in the one shape (row, column, value, reason).
#pragma once
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "core/dates.hpp"
#include "core/text.hpp"
#include "io/ledger.hpp"
#include "modules/ledger/types.hpp"

namespace lx::ledger {

// True when the file has the column.
inline bool has_column(const io::Ledger& l, std::string_view col) { return l.columns.find(col) != l.columns.end(); }

// The cells the io layer already reported, so module checks do not report them twice.
class Reported {
 public:
  explicit Reported(const std::vector<io::Problem>& problems) {
    for (const auto& p : problems) cells_.insert({p.row, p.column});
  }
  bool has(int row, std::string_view col) const { return cells_.count({row, std::string(col)}) > 0; }

 private:
  std::set<std::pair<int, std::string>> cells_;
};

// The text of a cell, or nullopt when empty, absent or invalid.
inline std::optional<std::string> text_of(const io::LedgerRow& r, std::string_view col) {
  if (const auto* s = r.get<std::string>(col)) return *s;
  return std::nullopt;
}

// A date cell as YYYY-MM-DD, or nullopt.
inline std::optional<std::string> date_of(const io::LedgerRow& r, std::string_view col) {
  if (const auto* d = r.get<core::Date>(col)) return core::to_iso(*d);
  return std::nullopt;
}

// Adds a problem at row r, column col, with the cell as the user sees it.
inline void add_problem(Report& rep, const io::LedgerRow& r, std::string_view col, std::string reason) {
  rep.errors.push_back({r.row, std::string(col), core::trim(r.raw(col)), std::move(reason)});
}

}  // namespace lx::ledger
