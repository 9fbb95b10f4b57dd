// Writing .xlsx; see xlsx_writer.hpp.
#include "io/xlsx_writer.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "core/text.hpp"
#include "io/detail.hpp"
#include "io/number_text.hpp"

namespace lx::io {
namespace {

constexpr std::size_t kMaxCellChars = 32767;  // Excel's limit for one cell
constexpr std::size_t kWidthSampleRows = 1000;

// Returns `s` as Excel accepts it in a cell: valid UTF-8 (bad bytes become
// U+FFFD), no control characters but tab and line feed, at most 32767 characters.
std::string clean(std::string_view s) {
  std::string out;
  std::size_t n = 0;
  for (const std::string& ch : core::utf8_split(s)) {
    if (n == kMaxCellChars) break;
    if (!core::is_valid_utf8(ch)) {
      out += "\xEF\xBF\xBD";
    } else if (ch.size() == 1 && static_cast<unsigned char>(ch[0]) < 0x20 && ch[0] != '\t' && ch[0] != '\n') {
      continue;
    } else if (ch == "\xEF\xBF\xBE" || ch == "\xEF\xBF\xBF") {  // U+FFFE, U+FFFF are not XML characters
      continue;
    } else {
      out += ch;
    }
    ++n;
  }
  return out;
}

// Returns a tab name Excel accepts, not in `used`.
std::string sheet_name(std::string_view wanted, std::set<std::string>& used, std::size_t index) {
  std::string base;
  std::size_t n = 0;
  for (const std::string& ch : core::utf8_split(clean(wanted))) {
    if (n == 31) break;
    const bool bad = ch.size() == 1 && std::string_view("[]:*?/\\\n\t").find(ch[0]) != std::string_view::npos;
    base += bad ? "_" : ch;
    ++n;
  }
  while (!base.empty() && base.front() == '\'') base.erase(base.begin());
  while (!base.empty() && base.back() == '\'') base.pop_back();
  if (base.empty()) base = "Sheet" + std::to_string(index + 1);
  std::string name = base;
  for (int k = 2; used.count(name) > 0; ++k) {
    const std::string suffix = "(" + std::to_string(k) + ")";
    std::vector<std::string> chars = core::utf8_split(base);
    if (chars.size() + suffix.size() > 31) chars.resize(31 - suffix.size());
    name.clear();
    for (const auto& c : chars) name += c;
    name += suffix;
  }
  used.insert(name);
  return name;
}

// Display width of `s` in Excel column units: CJK and other wide characters count 2.
double display_width(std::string_view s) {
  double w = 0;
  for (const std::string& ch : core::utf8_split(s)) w += ch.size() >= 3 ? 2 : 1;
  return w;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The value as text, the way a text column shows it.
std::string as_text(const OutputValue& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&v)) return number_text(*d);
  if (const auto* d = std::get_if<core::Date>(&v)) return core::to_iso(*d);
  if (const auto* b = std::get_if<bool>(&v)) return *b ? "是" : "否";
  return {};
}

struct Formats {
  lxw_format* header;
  lxw_format* title;
  lxw_format* text;
  lxw_format* integer;
  lxw_format* date;
};

lxw_error write_value(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const OutputValue& v, ColumnFormat format,
                      const Formats& f) {
  if (std::holds_alternative<std::monostate>(v)) return LXW_NO_ERROR;
  auto text = [&](lxw_format* fmt) { return worksheet_write_string(ws, r, c, clean(as_text(v)).c_str(), fmt); };
  auto date = [&](core::Date d) -> lxw_error {
    if (d < core::Date{1900, 3, 1}) return worksheet_write_string(ws, r, c, core::to_iso(d).c_str(), f.text);
    return worksheet_write_number(ws, r, c, static_cast<double>(core::to_excel_serial(d)), f.date);
  };
  switch (format) {
    case ColumnFormat::text:
      return text(f.text);
    case ColumnFormat::integer:
      if (const auto* i = std::get_if<std::int64_t>(&v)) return worksheet_write_number(ws, r, c, static_cast<double>(*i), f.integer);
      if (const auto* d = std::get_if<double>(&v)) return worksheet_write_number(ws, r, c, *d, f.integer);
      if (const auto* s = std::get_if<std::string>(&v); s && all_digits(*s) && s->size() <= 15) {
        return worksheet_write_number(ws, r, c, std::strtod(s->c_str(), nullptr), f.integer);
      }
      return text(f.text);
    case ColumnFormat::date:
      if (const auto* d = std::get_if<core::Date>(&v)) return date(*d);
      if (const auto* s = std::get_if<std::string>(&v)) {
        if (auto d = core::parse_date(*s)) return date(*d);
      }
      return text(f.text);
    case ColumnFormat::general:
      if (const auto* i = std::get_if<std::int64_t>(&v)) return worksheet_write_number(ws, r, c, static_cast<double>(*i), nullptr);
      if (const auto* d = std::get_if<double>(&v)) return worksheet_write_number(ws, r, c, *d, nullptr);
      if (const auto* d = std::get_if<core::Date>(&v)) return date(*d);
      if (const auto* b = std::get_if<bool>(&v)) return worksheet_write_boolean(ws, r, c, *b ? 1 : 0, nullptr);
      return text(nullptr);
  }
  return LXW_NO_ERROR;
}

lxw_error write_sheet(lxw_workbook* wb, const OutputSheet& sheet, const std::string& name, const Formats& f) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
  if (ws == nullptr) return LXW_ERROR_MEMORY_MALLOC_FAILED;
  const std::size_t ncols = std::min<std::size_t>(sheet.columns.size(), LXW_COL_MAX);
  lxw_row_t top = 0;
  if (!sheet.title.empty() && ncols > 0) {
    const std::string title = clean(sheet.title);
    const lxw_error e = ncols > 1 ? worksheet_merge_range(ws, 0, 0, 0, static_cast<lxw_col_t>(ncols - 1), title.c_str(), f.title)
                                  : worksheet_write_string(ws, 0, 0, title.c_str(), f.title);
    if (e != LXW_NO_ERROR) return e;
    worksheet_set_row(ws, 0, 28, nullptr);
    top = 1;
  }
  for (std::size_t c = 0; c < ncols; ++c) {
    const OutputColumn& col = sheet.columns[c];
    double width = col.width;
    if (width <= 0) {
      double widest = display_width(col.header);
      for (std::size_t r = 0; r < sheet.rows.size() && r < kWidthSampleRows; ++r) {
        if (c < sheet.rows[r].size()) widest = std::max(widest, display_width(as_text(sheet.rows[r][c])));
      }
      width = std::clamp(widest + 2, 8.0, 60.0);
    }
    lxw_format* fmt = col.format == ColumnFormat::text ? f.text : col.format == ColumnFormat::date ? f.date : nullptr;
    if (lxw_error e = worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width, fmt); e) return e;
    const std::string header = clean(col.header);
    if (lxw_error e = worksheet_write_string(ws, top, static_cast<lxw_col_t>(c), header.c_str(), f.header); e) return e;
  }
  worksheet_freeze_panes(ws, top + 1, 0);
  for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
    const lxw_row_t row = static_cast<lxw_row_t>(top + 1 + r);
    if (row >= LXW_ROW_MAX) return LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE;
    for (std::size_t c = 0; c < sheet.rows[r].size() && c < ncols; ++c) {
      if (lxw_error e = write_value(ws, row, static_cast<lxw_col_t>(c), sheet.rows[r][c], sheet.columns[c].format, f); e) {
        return e;
      }
    }
  }
  return LXW_NO_ERROR;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

Status write_xlsx_file(const std::vector<OutputSheet>& sheets, const std::string& path) {
  lxw_workbook* wb = workbook_new(path.c_str());
  if (wb == nullptr) return make_error("write_failed", "无法创建Excel文件", "", 500);
  Formats f{};
  f.header = workbook_add_format(wb);
  format_set_bold(f.header);
  format_set_bg_color(f.header, 0xD9E1F2);
  format_set_border(f.header, LXW_BORDER_THIN);
  format_set_text_wrap(f.header);
  format_set_align(f.header, LXW_ALIGN_VERTICAL_CENTER);
  f.title = workbook_add_format(wb);
  format_set_bold(f.title);
  format_set_font_size(f.title, 14);
  format_set_align(f.title, LXW_ALIGN_CENTER);
  format_set_align(f.title, LXW_ALIGN_VERTICAL_CENTER);
  f.text = workbook_add_format(wb);
  format_set_num_format_index(f.text, 49);  // built-in "@", as Excel itself writes it
  f.integer = workbook_add_format(wb);
  format_set_num_format(f.integer, "0");
  f.date = workbook_add_format(wb);
  format_set_num_format(f.date, "yyyy-mm-dd");

  std::set<std::string> used;
  lxw_error err = LXW_NO_ERROR;
  for (std::size_t i = 0; i < sheets.size() && err == LXW_NO_ERROR; ++i) {
    err = write_sheet(wb, sheets[i], sheet_name(sheets[i].name, used, i), f);
  }
  if (sheets.empty()) workbook_add_worksheet(wb, nullptr);
  const lxw_error closed = workbook_close(wb);  // frees wb in every case
  if (err != LXW_NO_ERROR) {
    return make_error("write_failed", std::string("生成Excel文件失败：") + lxw_strerror(err), "", 500);
  }
  if (closed != LXW_NO_ERROR) {
    return make_error("write_failed", std::string("写入Excel文件失败：") + lxw_strerror(closed), "", 500);
  }
  return {};
}

Result<std::string> write_xlsx(const std::vector<OutputSheet>& sheets) {
  std::string tmpl = (std::filesystem::temp_directory_path() / "liangxin-xlsx-XXXXXX").string();
  const int fd = mkstemp(tmpl.data());
  if (fd < 0) return make_error("write_failed", "无法创建临时文件", "", 500);
  close(fd);
  const Status st = write_xlsx_file(sheets, tmpl);
  std::string bytes = st ? read_file(tmpl) : std::string();
  std::error_code ec;
  std::filesystem::remove(tmpl, ec);
  if (!st) return st.error();
  if (bytes.empty()) return make_error("write_failed", "读取生成的Excel文件失败", "", 500);
  return bytes;
}

Result<std::string> write_errors_workbook(const Sheet& source, int header_row, const std::vector<Problem>& problems) {
  std::vector<Problem> sorted = problems;
  sort_problems(sorted);

  OutputSheet list{"问题清单", "", {{"行号", ColumnFormat::general, 8}, {"列", ColumnFormat::text}, {"值", ColumnFormat::text}, {"原因", ColumnFormat::text, 60}}, {}};
  for (const Problem& p : sorted) {
    OutputValue row = p.row > 0 ? OutputValue(static_cast<std::int64_t>(p.row)) : OutputValue(std::string("整个文件"));
    list.rows.push_back({row, p.column, p.value, p.reason});
  }

  OutputSheet data{"错误数据", "", {}, {}};
  const auto header = std::find_if(source.rows.begin(), source.rows.end(), [&](const Row& r) { return r.number == header_row; });
  if (header_row > 0 && header != source.rows.end()) {
    std::vector<std::size_t> keep;  // source columns copied
    for (std::size_t c = 0; c < header->cells.size(); ++c) {
      const std::string key = header_key(header->cells[c].text);
      if (key == "原行号" || key == "错误原因") continue;
      keep.push_back(c);
    }
    while (!keep.empty() && header->cells[keep.back()].empty()) keep.pop_back();
    for (std::size_t c : keep) data.columns.push_back({header->cells[c].text, ColumnFormat::text});
    data.columns.push_back({"原行号", ColumnFormat::general, 8});
    data.columns.push_back({"错误原因", ColumnFormat::text});

    std::map<int, std::string> reasons;  // row -> "列：原因；…"
    for (const Problem& p : sorted) {
      if (p.row <= header_row) continue;
      std::string& r = reasons[p.row];
      if (!r.empty()) r += "；";
      r += p.column.empty() ? p.reason : p.column + "：" + p.reason;
    }
    for (const Row& row : source.rows) {
      const auto it = reasons.find(row.number);
      if (it == reasons.end()) continue;
      std::vector<OutputValue> out;
      for (std::size_t c : keep) out.emplace_back(row.cell(c).text);
      out.emplace_back(static_cast<std::int64_t>(row.number));
      out.emplace_back(it->second);
      data.rows.push_back(std::move(out));
    }
    // The reason column fits its text, within bounds.
    data.columns.back().width = 0;
  }
  std::vector<OutputSheet> sheets;
  if (!data.columns.empty()) sheets.push_back(std::move(data));
  sheets.push_back(std::move(list));
  return write_xlsx(sheets);
}

}  // namespace lx::io
