// The generic half of the import engine (TEMPLATES.md "Behaviour"): given a
// ledger's column spec, finds the header row of a Sheet, maps columns by
// name and turns each data row into typed values plus problems, each problem
// placed at the row and column Excel shows. It knows nothing of orgs or the
// database: modules run their own checks (checksums, duplicates, references)
// on the rows and add problems of the same shape.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "core/dates.hpp"
#include "io/table.hpp"

namespace lx::io {

enum class CellType {
  text,     // trimmed text, as typed (full-width characters kept: company names use them)
  integer,  // a whole number >= 0 (从业人员数, 党员数)
  date,     // any spelling core::parse_date accepts, or a date cell
  yes_no,   // 是/否, Y/N, 1/0, √/× (core::parse_yes_no)
  choice,   // one of `allowed`, or a synonym of one
};

// One column of a ledger template.
struct ColumnSpec {
  std::string name;  // the header as TEMPLATES.md names it, e.g. "统一社会信用代码"
  bool required = false;  // the header must be present and every data row must fill it
  CellType type = CellType::text;
  std::vector<std::string> aliases;  // other headers accepted for the column
  std::vector<std::string> allowed;  // choice: the values, in the spelling stored
  std::vector<std::pair<std::string, std::string>> synonyms;  // choice: {other spelling, allowed value}
};

struct LedgerSpec {
  std::vector<ColumnSpec> columns;
};

// One thing wrong with an import, as the dry run lists it and the errors
// workbook shows it.
struct Problem {
  int row = 0;          // Excel row number; 0 when about the file as a whole
  std::string column;   // the column (spec name), or empty
  std::string value;    // the cell as the user sees it, or empty
  std::string reason;   // Chinese, says what to do
  friend bool operator==(const Problem&, const Problem&) = default;
};

// A typed cell: nothing (empty or invalid), text, integer, date or yes/no.
using Value = std::variant<std::monostate, std::string, std::int64_t, core::Date, bool>;

struct Field {
  std::string raw;  // the cell text as read (Cell::text), untrimmed
  Value value;      // std::monostate when the cell is empty or has a problem
};

// One data row of the ledger.
struct LedgerRow {
  int row = 0;  // Excel row number
  std::map<std::string, Field, std::less<>> fields;  // by spec column name, for each column the file has
  bool valid = true;  // false when the ledger layer found a problem in this row

  // Returns the typed value of `column` if it holds a T (std::string,
  // std::int64_t, core::Date or bool), or null: column absent, cell empty or
  // cell with a problem.
  template <typename T>
  const T* get(std::string_view column) const {
    const auto it = fields.find(column);
    return it == fields.end() ? nullptr : std::get_if<T>(&it->second.value);
  }
  // Returns the raw text of `column`, or "" if the file has no such column.
  std::string_view raw(std::string_view column) const;
};

struct Ledger {
  int header_row = 0;                                 // Excel row of the header; 0 if none was found
  std::map<std::string, int, std::less<>> columns;    // spec column name -> 0-based column in the sheet
  std::vector<LedgerRow> rows;                        // data rows, blank ones skipped
  std::vector<Problem> problems;                      // header problems first, then by row
};

// Returns the ledger in `sheet`. The header row is the first of the sheet's
// first 50 rows holding every required column (after trimming, full-width to
// half-width, dropping `*`/`（必填）` and spaces inside); rows above it (merged
// titles) are skipped, columns the spec does not know (序号, 备注) ignored.
// If no row has all required columns, each missing one is a problem at the
// row that matched most columns (row 0 if none matched any); a known column
// appearing twice is a problem too. With any header problem no row is read.
// Data rows whose known columns are all empty are skipped.
Ledger read_ledger(const Sheet& sheet, const LedgerSpec& spec);

// Returns the key two headers are compared by: core::strip_required_marks()
// without any white space inside ("所在街道（乡镇）*" -> "所在街道(乡镇)").
std::string header_key(std::string_view header);

// Sorts problems by row (file-level ones first), keeping the order within a row.
void sort_problems(std::vector<Problem>& problems);

}  // namespace lx::io
