// Reads CSV files into a Sheet (TEMPLATES.md "Accepted files"): RFC 4180
// (quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF), in
// UTF-8 with or without BOM, UTF-16 with BOM, or GB18030/GBK as Excel on a
// Chinese system writes it; the encoding is detected, never asked for.
// Every field is text; row numbers are the ones Excel shows when it opens the
// file (a record with a line break inside quotes is one row).
#pragma once
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "io/table.hpp"

namespace lx::io {

struct CsvOptions {
  char delimiter = 0;  // 0: detected from the first record (',', '\t' or ';'; ',' if none)
  ReadLimits limits;
};

// Returns `bytes` as UTF-8 without BOM: UTF-8 as is, UTF-16 LE/BE after its
// BOM, and anything that is not valid UTF-8 decoded as GB18030 (which covers
// GBK and GB2312). Sets `*encoding` (when not null) to "UTF-8", "UTF-16" or
// "GB18030". Errors: `unknown_encoding` if no decoding fits,
// `file_too_large` past limits.max_bytes.
Result<std::string> decode_text(std::string_view bytes, std::string* encoding = nullptr,
                                const ReadLimits& limits = {});

// Returns the CSV in `bytes` as a sheet of text cells (empty fields are empty
// cells; rows with no value are left out). A field Excel wrote in scientific
// notation ("4.11422E+17") is marked precision_lost. Errors: those of
// decode_text(), `invalid_csv` (a quote never closed, naming its row),
// `too_many_rows`, `too_many_columns`, `too_many_cells`.
Result<Sheet> read_csv(std::string_view bytes, const CsvOptions& options = {});

// Returns read_csv() of the file at `path`; `file_unreadable` if it cannot be read.
Result<Sheet> read_csv_file(const std::string& path, const CsvOptions& options = {});

}  // namespace lx::io
