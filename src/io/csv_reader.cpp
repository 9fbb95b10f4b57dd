// Reading CSV; see csv_reader.hpp. Decoding other than UTF-8 goes through
// ICU converters with the stop callback, so bytes that fit no encoding are an
// error rather than silent replacement characters.
#include "io/csv_reader.hpp"

#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <climits>
#include <fstream>
#include <memory>
#include <vector>

#include "core/text.hpp"
#include "io/detail.hpp"

namespace lx::io {
namespace {

Error too_large(const ReadLimits& limits) {
  return make_error("file_too_large", "CSV文件过大（超过" + std::to_string(limits.max_bytes >> 20) +
                                          " MB），请分成几个文件导入");
}

struct ConverterClose {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

// Decodes `bytes` from `charset` to UTF-8 with ICU; nullopt-like false on any
// byte sequence the charset does not define.
bool icu_decode(std::string_view bytes, const char* charset, std::string& out) {
  if (bytes.size() > static_cast<std::size_t>(INT32_MAX / 2)) return false;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterClose> conv(ucnv_open(charset, &status));
  if (U_FAILURE(status)) return false;
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  if (U_FAILURE(status)) return false;
  // Every charset used here gives at most one UTF-16 unit per input byte.
  std::vector<UChar> u16(bytes.size() + 1);
  const int32_t n16 = ucnv_toUChars(conv.get(), u16.data(), static_cast<int32_t>(u16.size()), bytes.data(),
                                    static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) return false;
  int32_t n8 = 0;
  status = U_ZERO_ERROR;
  u_strToUTF8(nullptr, 0, &n8, u16.data(), n16, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return false;
  out.assign(static_cast<std::size_t>(n8), '\0');
  status = U_ZERO_ERROR;
  u_strToUTF8(out.data(), n8, &n8, u16.data(), n16, &status);
  return U_SUCCESS(status) || status == U_STRING_NOT_TERMINATED_WARNING;
}

// "4.11422E+17", "1.38123E+10": a number Excel showed in scientific notation
// and so wrote with only the digits shown.
bool scientific_notation(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && s[i] == '-') ++i;
  const std::size_t digits = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i == digits) return false;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  }
  if (i + 2 > s.size() || (s[i] != 'E' && s[i] != 'e') || s[i + 1] != '+') return false;
  i += 2;
  const std::size_t exp = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  return i > exp && i == s.size();
}

char detect_delimiter(std::string_view text) {
  std::size_t comma = 0, tab = 0, semicolon = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    if (c == ',') ++comma;
    if (c == '\t') ++tab;
    if (c == ';') ++semicolon;
  }
  if (tab > comma && tab >= semicolon) return '\t';
  if (semicolon > comma && semicolon > tab) return ';';
  return ',';
}

}  // namespace

Result<std::string> decode_text(std::string_view bytes, std::string* encoding, const ReadLimits& limits) {
  if (bytes.size() > limits.max_bytes) return too_large(limits);
  auto set = [&](const char* e) {
    if (encoding) *encoding = e;
  };
  std::string out;
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
    if (!core::is_valid_utf8(bytes)) {
      return make_error("unknown_encoding", "文件标记为UTF-8编码，但其中有不是UTF-8的字符，请重新以“CSV UTF-8”格式保存");
    }
    set("UTF-8");
    return std::string(bytes);
  }
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    const bool le = bytes[0] == '\xFF';
    if (!icu_decode(bytes.substr(2), le ? "UTF-16LE" : "UTF-16BE", out)) {
      return make_error("unknown_encoding", "文件标记为UTF-16编码，但内容不是有效的UTF-16");
    }
    set("UTF-16");
  } else if (core::is_valid_utf8(bytes)) {
    set("UTF-8");
    return std::string(bytes);
  } else if (icu_decode(bytes, "GB18030", out)) {
    set("GB18030");
  } else {
    return make_error("unknown_encoding",
                      "无法识别文件的编码：请在Excel或WPS中另存为“CSV UTF-8”或“CSV（逗号分隔）”格式后再导入");
  }
  if (out.size() > limits.max_bytes) return too_large(limits);
  return out;
}

Result<Sheet> read_csv(std::string_view bytes, const CsvOptions& options) {
  auto decoded = decode_text(bytes, nullptr, options.limits);
  if (!decoded) return decoded.error();
  std::string_view text = *decoded;
  const ReadLimits& limits = options.limits;

  char delim = options.delimiter;
  // Excel's "sep=;" first line names the delimiter and is not a row.
  if (text.size() >= 5 && text.starts_with("sep=") && (text.size() == 5 || text[5] == '\n' || text[5] == '\r')) {
    if (delim == 0) delim = text[4];
    text.remove_prefix(5);
    if (text.starts_with("\r")) text.remove_prefix(1);
    if (text.starts_with("\n")) text.remove_prefix(1);
  }
  if (delim == 0) delim = detect_delimiter(text);

  Sheet sheet;
  Row row{1, {}};
  std::string field;
  bool quoted = false;         // inside a quoted part of a field
  bool field_started = false;  // anything of this field read yet
  int quote_row = 0;
  std::size_t fields_in_row = 0;
  std::size_t cells_kept = 0;

  auto end_field = [&]() -> Status {
    if (row.number > limits.max_rows) {
      return make_error("too_many_rows", "文件行数超过上限（" + std::to_string(limits.max_rows) + "行）");
    }
    if (++fields_in_row > static_cast<std::size_t>(limits.max_cols)) {
      return make_error("too_many_columns", "第" + std::to_string(row.number) + "行的列数超过上限（" +
                                                std::to_string(limits.max_cols) + "列）");
    }
    if (!field.empty()) {
      const std::size_t col = fields_in_row - 1;
      cells_kept += col + 1 - row.cells.size();
      if (cells_kept > limits.max_cells) {
        return make_error("too_many_cells",
                          "文件单元格过多（超过" + std::to_string(limits.max_cells) + "个），请分成几个文件导入");
      }
      row.cells.resize(col + 1);
      Cell& cell = row.cells[col];
      cell.kind = CellKind::text;
      cell.precision_lost = scientific_notation(field);
      cell.text = std::move(field);
    }
    field.clear();
    field_started = false;
    return {};
  };
  auto end_row = [&]() -> Status {
    if (auto st = end_field(); !st) return st;
    const int next = row.number + 1;
    if (!row.cells.empty()) sheet.rows.push_back(std::move(row));
    row = Row{next, {}};
    fields_in_row = 0;
    return {};
  };

  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field.push_back('"');
          ++i;
        } else {
          quoted = false;
        }
      } else if (c == '\r') {
        field.push_back('\n');
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      } else {
        field.push_back(c);
      }
      continue;
    }
    if (c == '"' && !field_started) {
      quoted = true;
      field_started = true;
      quote_row = row.number;
    } else if (c == delim) {
      if (auto st = end_field(); !st) return st.error();
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (auto st = end_row(); !st) return st.error();
    } else {
      field.push_back(c);  // a quote inside an unquoted field is kept as is
      field_started = true;
    }
  }
  if (quoted) {
    return make_error("invalid_csv", "CSV格式错误：第" + std::to_string(quote_row) +
                                         "行有一个以引号开始的单元格，引号到文件结尾都没有闭合");
  }
  if (field_started || fields_in_row > 0) {
    if (auto st = end_row(); !st) return st.error();
  }
  return sheet;
}

Result<Sheet> read_csv_file(const std::string& path, const CsvOptions& options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error("file_unreadable", "无法打开文件“" + detail::excerpt(path, 120) + "”");
  std::string bytes;
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    bytes.append(buf, static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > options.limits.max_bytes) return too_large(options.limits);
  }
  return read_csv(bytes, options);
}

}  // namespace lx::io
