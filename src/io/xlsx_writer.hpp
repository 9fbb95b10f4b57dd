// Writes .xlsx workbooks with libxlsxwriter for exports, templates and the
// errors workbook (TEMPLATES.md "Behaviour"): a bold, frozen header row,
// column widths, and ID numbers, phones and credit codes as text cells
// (number format "@") so Excel and WPS never show them as 4.11422E+17 and the
// file comes back unchanged on import.
#pragma once
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "core/dates.hpp"
#include "core/result.hpp"
#include "io/ledger.hpp"
#include "io/table.hpp"

namespace lx::io {

enum class ColumnFormat {
  text,     // text cells, format "@" (also the column's default, so values typed in later stay text)
  integer,  // numbers, format "0"
  date,     // real dates, format yyyy-mm-dd
  general,  // by value: numbers as numbers, text as text, dates as dates, bools as TRUE/FALSE
};

struct OutputColumn {
  std::string header;
  ColumnFormat format = ColumnFormat::text;
  double width = 0;  // in characters; 0: fit the header and values (a CJK character counts 2), 8..60
};

using OutputValue = std::variant<std::monostate, std::string, std::int64_t, double, core::Date, bool>;

struct OutputSheet {
  std::string name;   // tab name: characters Excel refuses ([]:*?/\) become '_', cut to 31
  std::string title;  // if not empty: a bold title row merged across the columns, above the header
  std::vector<OutputColumn> columns;
  std::vector<std::vector<OutputValue>> rows;  // a row may be shorter than `columns`
};

// Writes the sheets to `path`. A value is written as its column's format
// asks: in a text column every value as text (an int64 as its digits, a date
// as YYYY-MM-DD, a bool as 是/否); in a date column a Date or a string
// core::parse_date() accepts as a date, anything else as text; in an integer
// column an int64, a double or a string of up to 15 digits as a number.
// Returns `write_failed` if the file cannot be written.
Status write_xlsx_file(const std::vector<OutputSheet>& sheets, const std::string& path);

// Returns the bytes of the workbook write_xlsx_file() would write (through a
// temporary file, removed afterwards).
Result<std::string> write_xlsx(const std::vector<OutputSheet>& sheets);

// Returns the errors workbook of an import: sheet "错误数据" holds the header
// of `source` (row `header_row`) and each source row that has a problem, as
// text cells, with columns "原行号" and "错误原因" (each problem as
// "列名：原因", joined with "；") added at the end, so the office can fix the
// rows in Excel and import the file again; sheet "问题清单" lists every
// problem (行号, 列, 值, 原因), file-level ones included. Columns named
// 原行号/错误原因 in `source` (a re-imported errors workbook) are not copied.
Result<std::string> write_errors_workbook(const Sheet& source, int header_row, const std::vector<Problem>& problems);

}  // namespace lx::io
