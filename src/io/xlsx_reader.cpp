// Reading .xlsx; see xlsx_reader.hpp. The zip container is opened with
// libzip from memory, the small parts (relationships, workbook, styles) are
// parsed with pugixml, the large ones (shared strings, the worksheet) with the
// streaming XmlScanner so memory stays proportional to the cells kept.
#include "io/xlsx_reader.hpp"

#include <pugixml.hpp>
#include <zip.h>

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>

#include "core/dates.hpp"
#include "core/text.hpp"
#include "io/detail.hpp"
#include "io/number_text.hpp"
#include "io/xml_scan.hpp"

namespace lx::io {
namespace {

using detail::excerpt;

Error invalid(std::string message) { return make_error("invalid_xlsx", std::move(message)); }

Error too_large(const ReadLimits& limits) {
  return make_error("file_too_large", "xlsx文件过大：解压后超过" + std::to_string(limits.max_bytes >> 20) +
                                          " MB，请删除无关的工作表和空白行列，或分成几个文件导入");
}

struct ZipDiscard {
  void operator()(zip_t* z) const { zip_discard(z); }
};

// The zip container, read from memory (`bytes` must outlive it), with a
// budget for everything decompressed from it.
class Package {
 public:
  static Result<std::unique_ptr<Package>> open(std::string_view bytes, const ReadLimits& limits) {
    static constexpr char kOle[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
    if (bytes.size() >= 8 && std::memcmp(bytes.data(), kOle, 8) == 0) {
      return invalid(
          "这是旧版Excel（.xls）文件，或设置了打开密码的文件：请在Excel或WPS中另存为.xlsx格式（不设密码）后再导入");
    }
    if (bytes.size() < 4 || bytes.substr(0, 2) != "PK") {
      return invalid("文件不是有效的xlsx文件，请确认上传的是Excel或WPS保存的.xlsx文件");
    }
    if (bytes.size() > limits.max_bytes) return too_large(limits);
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
    if (src == nullptr) {
      zip_error_fini(&err);
      return invalid("无法读取xlsx文件");
    }
    zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &err);
    zip_error_fini(&err);
    if (z == nullptr) {
      zip_source_free(src);
      return invalid("xlsx文件已损坏，无法解压，请在Excel或WPS中打开后重新保存");
    }
    auto p = std::unique_ptr<Package>(new Package(limits));
    p->zip_.reset(z);
    return p;
  }

  // Returns the bytes of part `name` (looked up exactly, then ignoring case),
  // or nullopt if the package has no such part.
  Result<std::optional<std::string>> read(const std::string& name) {
    zip_int64_t idx = zip_name_locate(zip_.get(), name.c_str(), 0);
    if (idx < 0) idx = zip_name_locate(zip_.get(), name.c_str(), ZIP_FL_NOCASE);
    if (idx < 0) return std::optional<std::string>();
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip_.get(), static_cast<zip_uint64_t>(idx), 0, &st) != 0) {
      return invalid("xlsx文件已损坏：无法读取“" + excerpt(name) + "”");
    }
    const std::size_t budget = limits_.max_bytes - used_;
    if ((st.valid & ZIP_STAT_SIZE) && st.size > budget) return too_large(limits_);
    const zip_uint64_t comp = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
    zip_file_t* f = zip_fopen_index(zip_.get(), static_cast<zip_uint64_t>(idx), 0);
    if (f == nullptr) return invalid("xlsx文件中的“" + excerpt(name) + "”无法解压（文件已加密或已损坏）");
    std::string out;
    if (st.valid & ZIP_STAT_SIZE) out.reserve(static_cast<std::size_t>(st.size));
    char buf[1 << 16];
    zip_int64_t n = 0;
    while ((n = zip_fread(f, buf, sizeof buf)) > 0) {
      out.append(buf, static_cast<std::size_t>(n));
      if (out.size() > budget) {
        zip_fclose(f);
        return too_large(limits_);
      }
      if (out.size() > (1u << 20) && out.size() / std::max<zip_uint64_t>(comp, 1) > limits_.max_ratio) {
        zip_fclose(f);
        return make_error("file_too_large", "xlsx文件异常：“" + excerpt(name) + "”的压缩比过高，疑似恶意构造的文件");
      }
    }
    zip_fclose(f);
    if (n < 0) return invalid("xlsx文件已损坏：“" + excerpt(name) + "”解压失败");
    used_ += out.size();
    return std::optional<std::string>(std::move(out));
  }

 private:
  explicit Package(const ReadLimits& limits) : limits_(limits) {}
  std::unique_ptr<zip_t, ZipDiscard> zip_;
  ReadLimits limits_;
  std::size_t used_ = 0;
};

// ---- paths inside the package ----

std::string dir_of(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(path.substr(0, slash));
}

// Returns `target` resolved against `base_dir` ("xl" + "worksheets/sheet1.xml"
// -> "xl/worksheets/sheet1.xml"; "/xl/..." is absolute; ".." goes up).
std::string resolve(std::string_view base_dir, std::string_view target) {
  std::string t(target);
  for (char& c : t) {
    if (c == '\\') c = '/';
  }
  std::string full = !t.empty() && t[0] == '/' ? t.substr(1) : (base_dir.empty() ? t : std::string(base_dir) + "/" + t);
  std::vector<std::string> parts;
  std::stringstream ss(full);
  for (std::string seg; std::getline(ss, seg, '/');) {
    if (seg.empty() || seg == ".") continue;
    if (seg == "..") {
      if (!parts.empty()) parts.pop_back();
      continue;
    }
    parts.push_back(seg);
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

// ---- the small parts, with pugixml ----

bool local_is(const pugi::xml_node& n, std::string_view local) { return xml_local_name(n.name()) == local; }

std::string attr_local(const pugi::xml_node& n, std::string_view local) {
  for (const pugi::xml_attribute& a : n.attributes()) {
    if (xml_local_name(a.name()) == local) return a.value();
  }
  return {};
}

pugi::xml_node child_local(const pugi::xml_node& n, std::string_view local) {
  for (const pugi::xml_node& c : n.children()) {
    if (local_is(c, local)) return c;
  }
  return {};
}

Status load_xml(pugi::xml_document& doc, const std::string& xml, const std::string& part) {
  const pugi::xml_parse_result r = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!r) {
    return invalid("xlsx文件已损坏：“" + excerpt(part) + "”不是有效的XML（第" + std::to_string(r.offset) + "字节附近）");
  }
  if (!doc.document_element()) return invalid("xlsx文件已损坏：“" + excerpt(part) + "”为空");
  return {};
}

struct Relationship {
  std::string type;    // full type URI
  std::string target;  // resolved part name
};

// Returns the relationships in `rels_part` (by Id), targets resolved against `base_dir`.
Result<std::map<std::string, Relationship>> read_rels(Package& pkg, const std::string& rels_part,
                                                       const std::string& base_dir) {
  std::map<std::string, Relationship> rels;
  auto xml = pkg.read(rels_part);
  if (!xml) return xml.error();
  if (!*xml) return rels;
  pugi::xml_document doc;
  if (auto st = load_xml(doc, **xml, rels_part); !st) return st.error();
  for (const pugi::xml_node& r : doc.document_element().children()) {
    if (!local_is(r, "Relationship")) continue;
    if (std::string_view(r.attribute("TargetMode").value()) == "External") continue;
    rels.emplace(r.attribute("Id").value(),
                 Relationship{r.attribute("Type").value(), resolve(base_dir, r.attribute("Target").value())});
  }
  return rels;
}

bool type_is(const std::string& type, std::string_view suffix) { return type.ends_with(suffix); }

struct SheetRef {
  std::string name;
  std::string rel_id;
};

struct Workbook {
  std::string part;  // e.g. "xl/workbook.xml"
  std::vector<SheetRef> sheets;
  bool date1904 = false;
  std::map<std::string, Relationship> rels;
};

Result<Workbook> read_workbook(Package& pkg) {
  Workbook wb;
  auto root_rels = read_rels(pkg, "_rels/.rels", "");
  if (!root_rels) return root_rels.error();
  for (const auto& [id, rel] : *root_rels) {
    if (type_is(rel.type, "/officeDocument")) wb.part = rel.target;
  }
  if (wb.part.empty()) wb.part = "xl/workbook.xml";
  auto xml = pkg.read(wb.part);
  if (!xml) return xml.error();
  if (!*xml) return invalid("文件不是有效的xlsx文件：缺少工作簿（" + excerpt(wb.part) + "）");
  pugi::xml_document doc;
  if (auto st = load_xml(doc, **xml, wb.part); !st) return st.error();
  const pugi::xml_node root = doc.document_element();
  const std::string d1904 = attr_local(child_local(root, "workbookPr"), "date1904");
  wb.date1904 = d1904 == "1" || d1904 == "true";
  for (const pugi::xml_node& s : child_local(root, "sheets").children()) {
    if (local_is(s, "sheet")) wb.sheets.push_back({attr_local(s, "name"), attr_local(s, "id")});
  }
  if (wb.sheets.empty()) return invalid("xlsx文件中没有工作表");
  const std::string dir = dir_of(wb.part);
  const std::string base = wb.part.substr(dir.empty() ? 0 : dir.size() + 1);
  auto rels = read_rels(pkg, (dir.empty() ? "" : dir + "/") + "_rels/" + base + ".rels", dir);
  if (!rels) return rels.error();
  wb.rels = std::move(*rels);
  return wb;
}

// Returns the part of the first relationship of the workbook whose type ends in `suffix`.
std::string find_part(const Workbook& wb, std::string_view suffix) {
  for (const auto& [id, rel] : wb.rels) {
    if (type_is(rel.type, suffix)) return rel.target;
  }
  return {};
}

// Returns, for each cell style index (the `s` attribute), whether it shows a date.
Result<std::vector<bool>> read_date_styles(Package& pkg, const std::string& part) {
  std::vector<bool> date_styles;
  if (part.empty()) return date_styles;
  auto xml = pkg.read(part);
  if (!xml) return xml.error();
  if (!*xml) return date_styles;
  pugi::xml_document doc;
  if (auto st = load_xml(doc, **xml, part); !st) return st.error();
  const pugi::xml_node root = doc.document_element();
  std::map<int, std::string> custom;
  for (const pugi::xml_node& f : child_local(root, "numFmts").children()) {
    if (local_is(f, "numFmt")) custom[f.attribute("numFmtId").as_int(-1)] = f.attribute("formatCode").value();
  }
  for (const pugi::xml_node& xf : child_local(root, "cellXfs").children()) {
    if (!local_is(xf, "xf")) continue;
    const int id = xf.attribute("numFmtId").as_int(0);
    const auto it = custom.find(id);
    date_styles.push_back(it != custom.end() ? is_date_format_code(it->second) : is_builtin_date_format(id));
  }
  return date_styles;
}

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

Result<Sheet> read_sheet(Package& pkg, const std::string& part, const std::string& name, const SheetContext& ctx) {
  auto xml = pkg.read(part);
  if (!xml) return xml.error();
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

bool is_builtin_date_format(int id) {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

bool is_date_format_code(std::string_view code) {
  bool has_ymd = false;
  bool has_m = false;
  bool has_time = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == ';') break;  // only the first (positive) section
    if (c == '"') {
      const std::size_t close = code.find('"', i + 1);
      if (close == std::string_view::npos) break;
      i = close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // escaped, padding or fill character
    } else if (c == '[') {
      const std::size_t close = code.find(']', i + 1);
      if (close == std::string_view::npos) break;
      const std::string_view inside = code.substr(i + 1, close - i - 1);
      // [h], [mm], [ss]: elapsed time.
      if (!inside.empty() && (inside[0] == 'h' || inside[0] == 'H' || inside[0] == 's' || inside[0] == 'S')) {
        has_time = true;
      }
      i = close;
    } else {
      const char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (l == 'y' || l == 'd') has_ymd = true;
      if (l == 'm') has_m = true;
      if (l == 'h' || l == 's') has_time = true;
    }
  }
  return has_ymd || (has_m && !has_time);
}

Result<Sheet> read_xlsx(std::string_view bytes, const XlsxOptions& options) {
  auto pkg = Package::open(bytes, options.limits);
  if (!pkg) return pkg.error();
  auto wb = read_workbook(**pkg);
  if (!wb) return wb.error();

  const SheetRef* chosen = &wb->sheets.front();
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

  auto shared = read_shared_strings(**pkg, find_part(*wb, "/sharedStrings"));
  if (!shared) return shared.error();
  auto styles = read_date_styles(**pkg, find_part(*wb, "/styles"));
  if (!styles) return styles.error();
  const SheetContext ctx{*shared, *styles, wb->date1904, options.limits};
  return read_sheet(**pkg, rel->second.target, chosen->name, ctx);
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
  auto wb = read_workbook(**pkg);
  if (!wb) return wb.error();
  std::vector<std::string> names;
  for (const SheetRef& s : wb->sheets) names.push_back(s.name);
  return names;
}

}  // namespace lx::io
