// Reading .xlsx; see xlsx_reader.hpp. The container (zip, relationships,
// workbook, styles) is xlsx_package.cpp; the large parts (shared strings, the
// worksheet) are read here with the streaming XmlScanner, so memory stays
// proportional to the cells kept.
#include "io/xlsx_reader.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <fstream>
#include <optional>

#include "core/dates.hpp"
#include "core/text.hpp"
#include "io/detail.hpp"
#include "io/number_text.hpp"
#include "io/xlsx_package.hpp"
#include "io/xml_scan.hpp"

namespace lx::io {
namespace {

using detail::excerpt;
using xlsx::invalid;
using xlsx::Package;
using xlsx::Relationship;
using xlsx::SheetRef;
using xlsx::too_large;

// ---- the large parts, streamed ----

Error xml_error(const std::string& part, const XmlScanner& x) {
  return invalid("xlsx文件已损坏：“" + excerpt(part) + "”中" + x.error());
}

// Returns the shared string table: rich text runs joined, phonetic runs dropped.
Result<std::vector<std::string>> read_shared_strings(Package& pkg, const std::string& part) {
  std::vector<std::string> strings;
  if (part.empty()) return strings;
  auto xml = pkg.read(part);
  if (!xml) return xml.error();
  if (!*xml) return strings;
  XmlScanner x(**xml);
  std::string cur;
  bool in_si = false;
  int in_t = 0;
  int in_skip = 0;  // inside <rPh> or <phoneticPr>
  for (XmlScanner::Token tok; (tok = x.next()) != XmlScanner::Token::done;) {
    if (tok == XmlScanner::Token::error) return xml_error(part, x);
    if (tok == XmlScanner::Token::start) {
      if (x.name() == "si") {
        in_si = true;
        cur.clear();
      } else if (x.name() == "rPh" || x.name() == "phoneticPr") {
        ++in_skip;
      } else if (x.name() == "t" && in_si && in_skip == 0) {
        ++in_t;
      }
    } else if (tok == XmlScanner::Token::end) {
      if (x.name() == "si" && in_si) {
        strings.push_back(decode_ooxml_escapes(cur));
        in_si = false;
      } else if (x.name() == "rPh" || x.name() == "phoneticPr") {
        if (in_skip > 0) --in_skip;
      } else if (x.name() == "t" && in_t > 0) {
        --in_t;
      }
    } else if (tok == XmlScanner::Token::text && in_t > 0) {
      cur += x.text();
    }
  }
  return strings;
}

// Parses "AB12" into 1-based column and row; false if it is not a cell reference.
bool parse_ref(std::string_view ref, int& col, int& row) {
  std::size_t i = 0;
  col = 0;
  while (i < ref.size() && std::isalpha(static_cast<unsigned char>(ref[i]))) {
    if (i == 3) return false;
    col = col * 26 + (std::toupper(static_cast<unsigned char>(ref[i])) - 'A' + 1);
    ++i;
  }
  if (i == 0) return false;
  const auto res = std::from_chars(ref.data() + i, ref.data() + ref.size(), row);
  return res.ec == std::errc() && res.ptr == ref.data() + ref.size() && row >= 1;
}

std::optional<double> parse_number(std::string_view s) {
  const std::string t = core::trim(s);
  double v = 0;
  const auto res = std::from_chars(t.data(), t.data() + t.size(), v);
  if (res.ec != std::errc() || res.ptr != t.data() + t.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

struct SheetContext {
  const std::vector<std::string>& shared;
  const std::vector<bool>& date_styles;
  bool date1904;
  const ReadLimits& limits;
};

// The raw parts of one <c> element.
struct RawCell {
  std::string type;  // t attribute
  int style = 0;     // s attribute
  std::string value;  // text of <v>
  bool has_value = false;
  std::string inline_text;  // text of <is>
};

Result<Cell> make_cell(const RawCell& raw, const SheetContext& ctx) {
  Cell cell;
  auto text_cell = [&](std::string s) {
    if (!s.empty()) {
      cell.kind = CellKind::text;
      cell.text = std::move(s);
    }
  };
  if (raw.type == "s") {
    if (!raw.has_value) return cell;
    const auto idx = parse_number(raw.value);
    if (!idx || *idx < 0 || *idx >= static_cast<double>(ctx.shared.size()) || *idx != std::floor(*idx)) {
      return invalid("xlsx文件已损坏：单元格引用了不存在的共享字符串");
    }
    text_cell(ctx.shared[static_cast<std::size_t>(*idx)]);
  } else if (raw.type == "inlineStr") {
    text_cell(decode_ooxml_escapes(raw.inline_text));
  } else if (raw.type == "str" || raw.type == "e") {
    text_cell(decode_ooxml_escapes(raw.value));
  } else if (raw.type == "b") {
    if (!raw.has_value || core::trim(raw.value).empty()) return cell;
    const std::string v = core::trim(raw.value);
    const bool b = v == "1" || v == "true";
    cell.kind = CellKind::boolean;
    cell.number = b ? 1 : 0;
    cell.text = b ? "TRUE" : "FALSE";
  } else if (raw.type == "d") {
    const std::string v = core::trim(raw.value);
    if (v.empty()) return cell;
    auto d = core::parse_date(v.substr(0, 10));
    if (d) {
      cell.kind = CellKind::date;
      cell.text = core::to_iso(*d);
      cell.number = static_cast<double>(core::to_excel_serial(*d));
    } else {
      text_cell(v);
    }
  } else {  // "n" or absent
    if (!raw.has_value || core::trim(raw.value).empty()) return cell;
    const auto v = parse_number(raw.value);
    if (!v) {
      text_cell(raw.value);
      return cell;
    }
    const bool date_style =
        raw.style >= 0 && static_cast<std::size_t>(raw.style) < ctx.date_styles.size() && ctx.date_styles[raw.style];
    if (date_style) {
      const double serial = *v + (ctx.date1904 ? 1462 : 0);
      if (serial >= 1 && serial < 3e6) {
        if (auto d = core::from_excel_serial(static_cast<std::int64_t>(std::floor(serial)))) {
          cell.kind = CellKind::date;
          cell.text = core::to_iso(*d);
          cell.number = serial;
          return cell;
        }
      }
    }
    cell.kind = CellKind::number;
    cell.number = *v;
    cell.text = number_text(*v, &cell.precision_lost);
  }
  return cell;
}

Error too_many_rows(const ReadLimits& limits) {
  return make_error("too_many_rows", "工作表行数超过上限（" + std::to_string(limits.max_rows) + "行）");
}

Result<Sheet> read_sheet(Package& pkg, const Relationship& rel, const std::string& name, const SheetContext& ctx) {
  const std::string& part = rel.target;
  auto xml = pkg.read(part);
  if (!xml) return xml.error();
  if (!*xml) {
    // Some writers put a target relative to the package root in the workbook's relationships.
    xml = pkg.read(xlsx::resolve("", rel.raw));
    if (!xml) return xml.error();
  }
  if (!*xml) return invalid("xlsx文件已损坏：缺少工作表“" + excerpt(name) + "”的内容");
  Sheet sheet;
  sheet.name = name;
  XmlScanner x(**xml);
  std::size_t cells_kept = 0;
  bool in_data = false;
  bool in_row = false;
  int last_row = 0;
  bool in_cell = false;
  Row row;
  int next_col = 1;
  int col = 0;
  RawCell raw;
  std::string attr;
  bool in_v = false;
  int in_is_t = 0;
  int in_skip = 0;
  bool in_is = false;
  for (XmlScanner::Token tok; (tok = x.next()) != XmlScanner::Token::done;) {
    if (tok == XmlScanner::Token::error) return xml_error(part, x);
    const std::string_view el = x.name();
    if (tok == XmlScanner::Token::start) {
      if (el == "sheetData") {
        in_data = true;
      } else if (!in_data) {
        continue;
      } else if (el == "row" && !in_row) {
        in_row = true;
        int r = last_row + 1;
        if (x.attr("r", attr)) {
          const auto v = parse_number(attr);
          if (!v || *v < 1 || *v != std::floor(*v)) return invalid("xlsx文件已损坏：行号“" + excerpt(attr) + "”无效");
          if (*v > ctx.limits.max_rows) return too_many_rows(ctx.limits);
          r = static_cast<int>(*v);
          if (r <= last_row) return invalid("xlsx文件已损坏：第" + std::to_string(r) + "行重复或顺序错误");
        }
        if (r > ctx.limits.max_rows) return too_many_rows(ctx.limits);
        last_row = r;
        row = Row{r, {}};
        next_col = 1;
      } else if (el == "c" && in_row && !in_cell) {
        in_cell = true;
        raw = RawCell{};
        col = next_col;
        if (x.attr("r", attr)) {
          int ref_row = 0;
          if (!parse_ref(core::trim(attr), col, ref_row)) {
            return invalid("xlsx文件已损坏：单元格引用“" + excerpt(attr) + "”无效");
          }
        }
        if (col > ctx.limits.max_cols) {
          return make_error("too_many_columns", "工作表列数超过上限（" + std::to_string(ctx.limits.max_cols) + "列）");
        }
        next_col = col + 1;
        x.attr("t", raw.type);
        if (x.attr("s", attr)) {
          const auto v = parse_number(attr);
          raw.style = v && *v >= 0 && *v < 1e9 ? static_cast<int>(*v) : -1;
        }
      } else if (in_cell && el == "v") {
        in_v = true;
        raw.has_value = true;
      } else if (in_cell && el == "is") {
        in_is = true;
      } else if (in_is && (el == "rPh" || el == "phoneticPr")) {
        ++in_skip;
      } else if (in_is && in_skip == 0 && el == "t") {
        ++in_is_t;
      }
    } else if (tok == XmlScanner::Token::end) {
      if (el == "sheetData") {
        break;
      } else if (el == "v") {
        in_v = false;
      } else if (el == "t" && in_is_t > 0) {
        --in_is_t;
      } else if (el == "rPh" || el == "phoneticPr") {
        if (in_skip > 0) --in_skip;
      } else if (el == "is") {
        in_is = false;
      } else if (el == "c" && in_cell) {
        in_cell = false;
        auto cell = make_cell(raw, ctx);
        if (!cell) return cell.error();
        if (cell->empty()) continue;
        const std::size_t idx = static_cast<std::size_t>(col - 1);
        if (idx >= row.cells.size()) {
          cells_kept += idx + 1 - row.cells.size();
          if (cells_kept > ctx.limits.max_cells) {
            return make_error("too_many_cells",
                              "工作表单元格过多（超过" + std::to_string(ctx.limits.max_cells) + "个），请分成几个文件导入");
          }
          row.cells.resize(idx + 1);
        }
        row.cells[idx] = std::move(*cell);
      } else if (el == "row" && in_row) {
        in_row = false;
        if (!row.cells.empty()) sheet.rows.push_back(std::move(row));
      }
    } else if (tok == XmlScanner::Token::text) {
      if (in_v) {
        raw.value += x.text();
      } else if (in_is_t > 0) {
        raw.inline_text += x.text();
      }
    }
  }
  return sheet;
}

}  // namespace

Result<Sheet> read_xlsx(std::string_view bytes, const XlsxOptions& options) {
  auto pkg = Package::open(bytes, options.limits);
  if (!pkg) return pkg.error();
  auto wb = xlsx::read_workbook(**pkg);
  if (!wb) return wb.error();

  // The first sheet a user sees: hidden ones (dropdown lists of a template) are passed over.
  const SheetRef* chosen = &wb->sheets.front();
  for (const SheetRef& s : wb->sheets) {
    if (!s.hidden) {
      chosen = &s;
      break;
    }
  }
  if (!options.sheet_name.empty()) {
    chosen = nullptr;
    const std::string wanted = core::trim(options.sheet_name);
    for (const SheetRef& s : wb->sheets) {
      if (s.name == options.sheet_name || core::trim(s.name) == wanted) {
        chosen = &s;
        break;
      }
    }
    if (chosen == nullptr) {
      std::string names;
      for (const SheetRef& s : wb->sheets) names += (names.empty() ? "" : "、") + excerpt(s.name);
      return make_error("sheet_not_found",
                        "文件中没有名为“" + excerpt(options.sheet_name) + "”的工作表（现有工作表：" + names + "）");
    }
  }
  const auto rel = wb->rels.find(chosen->rel_id);
  if (rel == wb->rels.end()) return invalid("xlsx文件已损坏：找不到工作表“" + excerpt(chosen->name) + "”的内容");

  auto shared = read_shared_strings(**pkg, xlsx::find_part(*wb, "/sharedStrings"));
  if (!shared) return shared.error();
  auto styles = xlsx::read_date_styles(**pkg, xlsx::find_part(*wb, "/styles"));
  if (!styles) return styles.error();
  const SheetContext ctx{*shared, *styles, wb->date1904, options.limits};
  return read_sheet(**pkg, rel->second, chosen->name, ctx);
}

Result<Sheet> read_xlsx_file(const std::string& path, const XlsxOptions& options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error("file_unreadable", "无法打开文件“" + excerpt(path, 120) + "”");
  std::string bytes;
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    bytes.append(buf, static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > options.limits.max_bytes) return too_large(options.limits);
  }
  return read_xlsx(bytes, options);
}

Result<std::vector<std::string>> list_xlsx_sheets(std::string_view bytes, const ReadLimits& limits) {
  auto pkg = Package::open(bytes, limits);
  if (!pkg) return pkg.error();
  auto wb = xlsx::read_workbook(**pkg);
  if (!wb) return wb.error();
  std::vector<std::string> names;
  for (const SheetRef& s : wb->sheets) names.push_back(s.name);
  return names;
}

}  // namespace lx::io
