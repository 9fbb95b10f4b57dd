// UTF-8 text helpers; see text.hpp.
#include "core/text.hpp"

#include <cstdint>

namespace lx::core {
namespace {

struct Decoded {
  char32_t cp;      // the code point, or the raw byte when !valid
  std::size_t len;  // bytes consumed (1 for an invalid byte)
  bool valid;
};

// Decodes one code point at s[i] strictly (RFC 3629).
Decoded decode(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return {b0, 1, true};
  std::size_t len = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
    cp = b0 & 0x1F;
    min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    cp = b0 & 0x0F;
    min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    cp = b0 & 0x07;
    min = 0x10000;
  } else {
    return {b0, 1, false};
  }
  if (i + len > s.size()) return {b0, 1, false};
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return {b0, 1, false};
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {b0, 1, false};
  return {cp, len, true};
}

bool is_trimmable(const Decoded& d) {
  if (!d.valid) return false;
  switch (d.cp) {
    case U' ':
    case U'\t':
    case U'\n':
    case U'\r':
    case U'\v':
    case U'\f':
    case 0x00A0:
    case 0x3000:
    case 0xFEFF:
      return true;
    default:
      return false;
  }
}

bool ascii_iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto x = static_cast<unsigned char>(a[i]);
    auto y = static_cast<unsigned char>(b[i]);
    if (x >= 'A' && x <= 'Z') x = static_cast<unsigned char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<unsigned char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::string normalize_width(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const Decoded d = decode(s, i);
    if (d.valid && d.cp >= 0xFF01 && d.cp <= 0xFF5E) {
      out.push_back(static_cast<char>(d.cp - 0xFF01 + 0x21));
    } else if (d.valid && d.cp == 0x3000) {
      out.push_back(' ');
    } else {
      out.append(s.substr(i, d.len));
    }
    i += d.len;
  }
  return out;
}

std::string trim(std::string_view s) {
  std::size_t begin = 0;
  while (begin < s.size()) {
    const Decoded d = decode(s, begin);
    if (!is_trimmable(d)) break;
    begin += d.len;
  }
  // Scan forward so multi-byte characters are decoded from their first byte;
  // `end` is the end of the last character that is not white space.
  std::size_t end = begin;
  for (std::size_t i = begin; i < s.size();) {
    const Decoded d = decode(s, i);
    i += d.len;
    if (!is_trimmable(d)) end = i;
  }
  return std::string(s.substr(begin, end - begin));
}

std::string normalize_cell(std::string_view s) { return trim(normalize_width(trim(s))); }

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); i += decode(s, i).len) ++n;
  return n;
}

bool is_valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const Decoded d = decode(s, i);
    if (!d.valid) return false;
    i += d.len;
  }
  return true;
}

std::vector<std::string> utf8_split(std::string_view s) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t len = decode(s, i).len;
    out.emplace_back(s.substr(i, len));
    i += len;
  }
  return out;
}

Result<bool> parse_yes_no(std::string_view s) {
  const std::string v = normalize_cell(s);
  if (v.empty()) return make_error("invalid_yes_no", "是/否栏不能为空，请填写“是”或“否”");
  for (std::string_view yes : {"是", "y", "yes", "true", "1", "√"}) {
    if (ascii_iequals(v, yes)) return true;
  }
  for (std::string_view no : {"否", "n", "no", "false", "0", "×"}) {
    if (ascii_iequals(v, no)) return false;
  }
  return make_error("invalid_yes_no", "无法识别的是/否值“" + v + "”，请填写“是”或“否”（也可用 Y/N、1/0、√/×）");
}

std::string strip_required_marks(std::string_view header) {
  std::string h = normalize_cell(header);  // （必填） -> (必填), ＊ -> *
  for (bool changed = true; changed;) {
    changed = false;
    if (ends_with(h, "*")) {
      h.pop_back();
      changed = true;
    } else if (ends_with(h, "(必填)")) {
      h.resize(h.size() - std::string_view("(必填)").size());
      changed = true;
    }
    if (changed) h = trim(h);
  }
  return h;
}

}  // namespace lx::core
