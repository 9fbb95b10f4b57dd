// libFuzzer target: io::read_xlsx. The first byte picks what the rest is:
//   0: a whole .xlsx file (zip);
//   1: the parts of a workbook, separated by "\x00\x01": worksheet XML,
//      shared strings XML, styles XML, workbook XML — packed into a zip here,
//      so the fuzzer reaches the XML handling without having to forge deflate;
//   2: a document for the streaming XML tokenizer alone.
// Built and run by scripts/fuzz.sh.
#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "io/ledger.hpp"
#include "io/xlsx_reader.hpp"
#include "io/xml_scan.hpp"

namespace {

std::string pack(const std::vector<std::pair<std::string, std::string_view>>& parts) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &err);
  zip_source_keep(src);
  zip_t* z = zip_open_from_source(src, ZIP_TRUNCATE, &err);
  for (const auto& [name, data] : parts) {
    zip_source_t* s = zip_source_buffer(z, data.data(), data.size(), 0);
    const zip_int64_t idx = zip_file_add(z, name.c_str(), s, ZIP_FL_OVERWRITE);
    if (idx >= 0) zip_set_file_compression(z, static_cast<zip_uint64_t>(idx), ZIP_CM_STORE, 0);
  }
  zip_close(z);
  std::string out;
  zip_source_open(src);
  char buf[4096];
  for (zip_int64_t n; (n = zip_source_read(src, buf, sizeof buf)) > 0;) out.append(buf, static_cast<std::size_t>(n));
  zip_source_close(src);
  zip_source_free(src);
  zip_error_fini(&err);
  return out;
}

constexpr std::string_view kRootRels =
    "<Relationships><Relationship Id=\"rId1\" Type=\"x/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
constexpr std::string_view kWorkbookRels =
    "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"x/sharedStrings\" Target=\"sharedStrings.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"x/styles\" Target=\"styles.xml\"/></Relationships>";
constexpr std::string_view kWorkbook = "<workbook><sheets><sheet name=\"S\" r:id=\"rId1\"/></sheets></workbook>";

const lx::io::LedgerSpec& spec() {
  static const lx::io::LedgerSpec s{{
      {.name = "姓名", .required = true},
      {.name = "身份证号"},
      {.name = "入党日期", .type = lx::io::CellType::date},
      {.name = "人数", .type = lx::io::CellType::integer},
      {.name = "是否", .type = lx::io::CellType::yes_no},
  }};
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  lx::io::XlsxOptions options;
  options.limits.max_bytes = 8 << 20;
  options.limits.max_rows = 100000;
  options.limits.max_cols = 1000;
  options.limits.max_cells = 200000;

  std::string bytes;
  switch (data[0] % 3) {
    case 0:
      bytes.assign(rest);
      break;
    case 1: {
      std::vector<std::string_view> pieces;
      std::size_t start = 0;
      for (std::size_t pos; pieces.size() < 3 && (pos = rest.find(std::string_view("\x00\x01", 2), start)) != std::string_view::npos;) {
        pieces.push_back(rest.substr(start, pos - start));
        start = pos + 2;
      }
      pieces.push_back(rest.substr(start));
      pieces.resize(4);
      bytes = pack({{"_rels/.rels", kRootRels},
                    {"xl/_rels/workbook.xml.rels", kWorkbookRels},
                    {"xl/workbook.xml", pieces[3].empty() ? kWorkbook : pieces[3]},
                    {"xl/worksheets/sheet1.xml", pieces[0]},
                    {"xl/sharedStrings.xml", pieces[1]},
                    {"xl/styles.xml", pieces[2]}});
      break;
    }
    default: {
      lx::io::XmlScanner x(rest);
      std::string v;
      for (int i = 0; i < 1000000; ++i) {
        const auto tok = x.next();
        if (tok == lx::io::XmlScanner::Token::done || tok == lx::io::XmlScanner::Token::error) break;
        if (tok == lx::io::XmlScanner::Token::start) x.attr("r", v);
      }
      (void)lx::io::decode_ooxml_escapes(rest);
      return 0;
    }
  }
  auto sheet = lx::io::read_xlsx(bytes, options);
  (void)lx::io::list_xlsx_sheets(bytes, options.limits);
  if (!sheet) {
    if (sheet.error().message.empty()) __builtin_trap();
    return 0;
  }
  int last = 0;
  for (const lx::io::Row& row : sheet->rows) {
    if (row.number <= last || row.number > options.limits.max_rows || row.cells.empty()) __builtin_trap();
    last = row.number;
  }
  (void)lx::io::read_ledger(*sheet, spec());
  return 0;
}
