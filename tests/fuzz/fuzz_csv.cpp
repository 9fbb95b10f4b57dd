// libFuzzer target: io::read_csv (encoding detection, RFC 4180 parsing) and
// the ledger engine on what it reads. Built and run by scripts/fuzz.sh.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "io/csv_reader.hpp"
#include "io/ledger.hpp"

namespace {

const lx::io::LedgerSpec& spec() {
  static const lx::io::LedgerSpec s{{
      {.name = "组织名称", .required = true},
      {.name = "统一社会信用代码", .required = true},
      {.name = "组织类别", .type = lx::io::CellType::choice, .allowed = {"非公企业", "社会组织"}, .synonyms = {{"a", "社会组织"}}},
      {.name = "成立日期", .type = lx::io::CellType::date},
      {.name = "从业人员数", .type = lx::io::CellType::integer},
      {.name = "是否规模以上", .type = lx::io::CellType::yes_no},
  }};
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  lx::io::CsvOptions options;
  options.limits.max_bytes = 1 << 20;
  options.limits.max_rows = 10000;
  options.limits.max_cols = 200;
  options.limits.max_cells = 100000;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto sheet = lx::io::read_csv(bytes, options);
  if (!sheet) return 0;
  int last = 0;
  for (const lx::io::Row& row : sheet->rows) {
    if (row.number <= last || row.cells.empty() || row.cells.size() > 200) __builtin_trap();
    last = row.number;
  }
  const lx::io::Ledger ledger = lx::io::read_ledger(*sheet, spec());
  for (const lx::io::Problem& p : ledger.problems) {
    if (p.reason.empty()) __builtin_trap();
  }
  return 0;
}
