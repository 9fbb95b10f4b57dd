// The table every reader produces and the import engine consumes: a sheet of
// rows of cells, each cell a kind plus the text a user would see in Excel.
// Row and column numbers are the ones Excel shows (1-based), counting title
// rows and blank rows, so problems can point at the exact row in the file.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace lx::io {

enum class CellKind {
  empty,   // no value (absent, or an empty string)
  text,    // shared string, inline string, formula string, error (#N/A), any CSV field
  number,  // a numeric cell without a date format
  boolean, // TRUE/FALSE
  date,    // a numeric cell with a date format (or an ISO date cell, t="d")
};

// One cell. `text` is what a reader of the file sees:
// - text: the string as stored (not trimmed);
// - number: integers as plain digits ("13812345678", never "1.38E+10" or
//   "13812345678.0"), other numbers with at most 15 significant digits as
//   Excel shows them ("0.3", "12.5");
// - boolean: "TRUE" or "FALSE";
// - date: "YYYY-MM-DD" (any time of day dropped).
struct Cell {
  CellKind kind = CellKind::empty;
  std::string text;
  double number = 0;  // number and date: the value (date: 1900-system serial); boolean: 1 or 0
  // True when the digits shown are not the digits typed: a numeric cell with
  // more than 15 significant digits (Excel keeps 15, so an 18-digit ID number
  // arrives as 411422199001011000), or a CSV field Excel wrote in scientific
  // notation ("4.11422E+17"). The ledger layer reports such cells.
  bool precision_lost = false;

  bool empty() const { return kind == CellKind::empty; }
};

// One row as Excel numbers it. `cells[0]` is column A; trailing empty cells
// may be absent, so use cell() rather than indexing.
struct Row {
  int number = 0;  // 1-based Excel row number
  std::vector<Cell> cells;

  // Returns the cell in 0-based column `col`, or an empty cell past the end.
  const Cell& cell(std::size_t col) const;
  // Returns true when no cell has a value.
  bool blank() const;
};

// A sheet: rows in increasing row number. Rows without any value may be
// omitted (a reader need not keep an empty row), so row numbers can jump.
struct Sheet {
  std::string name;  // the sheet name (xlsx), or empty for CSV
  std::vector<Row> rows;
};

// Bounds a reader keeps to when the file comes from outside (an upload):
// past any of them it stops with a Chinese error instead of using up memory.
struct ReadLimits {
  std::size_t max_bytes = 200u << 20;  // xlsx: all parts decompressed; csv: the decoded text
  std::size_t max_ratio = 250;         // xlsx: decompressed/compressed size of a part over 1 MB (zip bombs)
  int max_rows = 1048576;              // highest row number (Excel's own limit)
  int max_cols = 16384;                // highest column number (XFD, Excel's own limit)
  std::size_t max_cells = 5000000;     // cells kept over the whole sheet, empty ones between values included
};

// Returns the Excel column name of 0-based column `col`: 0 -> "A", 27 -> "AB".
std::string column_name(std::size_t col);

}  // namespace lx::io
