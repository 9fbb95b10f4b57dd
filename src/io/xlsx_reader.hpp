// Reads .xlsx workbooks as Excel, WPS and LibreOffice write them into a Sheet
// (TEMPLATES.md "Accepted files"): shared and inline strings (rich text runs
// joined, phonetic runs dropped), numbers, booleans, formula results, dates
// recognised by their number format, sparse rows and cells. Files come from
// uploads, so every size is bounded (ReadLimits) and anything malformed is a
// Chinese error, never a crash.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "io/table.hpp"

namespace lx::io {

struct XlsxOptions {
  std::string sheet_name;  // the sheet to read; empty: the first sheet that is not hidden
  ReadLimits limits;
};

// Returns the chosen sheet of the workbook in `bytes`. Errors (code, Chinese
// message): `invalid_xlsx` (not a zip, an old .xls or an encrypted file,
// missing parts, malformed XML), `sheet_not_found` (names the sheets there
// are), `file_too_large` (ReadLimits::max_bytes or max_ratio passed),
// `too_many_rows`, `too_many_columns`, `too_many_cells`.
Result<Sheet> read_xlsx(std::string_view bytes, const XlsxOptions& options = {});

// Returns read_xlsx() of the file at `path`; `file_unreadable` if it cannot be read.
Result<Sheet> read_xlsx_file(const std::string& path, const XlsxOptions& options = {});

// Returns the names of the sheets in the workbook, in workbook order.
Result<std::vector<std::string>> list_xlsx_sheets(std::string_view bytes, const ReadLimits& limits = {});

// Returns true when the number format `format_code` shows a date: it has a
// year, day or month part outside quotes, escapes and [..] sections ("yyyy/m/d",
// "yyyy\"年\"m\"月\"", "mmm-yy"); times only ("h:mm", "[h]:mm:ss") and numbers
// are not dates.
bool is_date_format_code(std::string_view format_code);

// Returns true when built-in number format `id` shows a date or time:
// 14-22, 27-36, 45-47 and 50-58.
bool is_builtin_date_format(int id);

}  // namespace lx::io
