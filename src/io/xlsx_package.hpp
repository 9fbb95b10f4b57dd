// The container side of an .xlsx, internal to io/: the zip package read from
// memory with a budget for what is decompressed (ReadLimits), part names
// resolved through the relationships, the workbook's sheet list, and which
// cell styles show dates. The worksheets themselves are read in xlsx_reader.cpp.
#pragma once
#include <zip.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "io/table.hpp"

namespace lx::io::xlsx {

// Returns an `invalid_xlsx` error with `message`.
Error invalid(std::string message);

// Returns the `file_too_large` error for passing limits.max_bytes.
Error too_large(const ReadLimits& limits);

// The zip container, read from memory (the bytes must outlive it).
class Package {
 public:
  // Returns the opened package, or `invalid_xlsx` (not a zip, an old .xls or
  // an encrypted file) or `file_too_large`.
  static Result<std::unique_ptr<Package>> open(std::string_view bytes, const ReadLimits& limits);

  // Returns the bytes of part `name` (looked up exactly, then ignoring case),
  // or nullopt if there is no such part. Everything read counts against
  // limits.max_bytes, and a part over 1 MB must not inflate more than
  // limits.max_ratio times its compressed size (`file_too_large`).
  Result<std::optional<std::string>> read(const std::string& name);

 private:
  struct Discard {
    void operator()(zip_t* z) const { zip_discard(z); }
  };
  explicit Package(const ReadLimits& limits) : limits_(limits) {}
  std::unique_ptr<zip_t, Discard> zip_;
  ReadLimits limits_;
  std::size_t used_ = 0;
};

// Returns `target` resolved against `base_dir` ("xl" + "worksheets/sheet1.xml"
// -> "xl/worksheets/sheet1.xml"; "/xl/..." is absolute; ".." goes up).
std::string resolve(std::string_view base_dir, std::string_view target);

struct Relationship {
  std::string type;    // full type URI
  std::string target;  // resolved part name
  std::string raw;     // the Target attribute as written
};

struct SheetRef {
  std::string name;
  std::string rel_id;
  bool hidden = false;  // state="hidden" or "veryHidden" (e.g. a sheet of dropdown lists)
};

struct Workbook {
  std::string part;  // e.g. "xl/workbook.xml"
  std::vector<SheetRef> sheets;  // in workbook order, never empty
  bool date1904 = false;
  std::map<std::string, Relationship> rels;  // the workbook's, by Id
};

// Returns the workbook found through the package relationships.
Result<Workbook> read_workbook(Package& pkg);

// Returns the part of the workbook's first relationship whose type ends in
// `suffix` ("/sharedStrings", "/styles"), or "".
std::string find_part(const Workbook& wb, std::string_view suffix);

// Returns, for each cell style index (a cell's `s`), whether it shows a date
// (is_date_format_code / is_builtin_date_format); empty if `part` is "" or absent.
Result<std::vector<bool>> read_date_styles(Package& pkg, const std::string& part);

}  // namespace lx::io::xlsx
