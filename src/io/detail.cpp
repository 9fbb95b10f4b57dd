// io/ helpers; see detail.hpp.
#include "io/detail.hpp"

#include "core/text.hpp"

namespace lx::io::detail {

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string excerpt(std::string_view s, std::size_t max_chars) {
  std::string out;
  std::size_t n = 0;
  for (const std::string& ch : core::utf8_split(s)) {
    if (n++ == max_chars) {
      out += "…";
      break;
    }
    if (!core::is_valid_utf8(ch)) {
      out += "\xEF\xBF\xBD";
    } else if (ch.size() == 1 && (static_cast<unsigned char>(ch[0]) < 0x20 || ch[0] == 0x7F)) {
      out.push_back(' ');
    } else {
      out += ch;
    }
  }
  return out;
}

}  // namespace lx::io::detail
