// libFuzzer target: core::sanitize_html (meeting minutes). The output must be
// valid UTF-8, a fixed point (sanitising it again changes nothing), and every
// '<' in it must open or close an allowed tag. Built and run by scripts/fuzz.sh.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/html.hpp"
#include "core/text.hpp"

namespace {

bool allowed_tag_at(const std::string& s, std::size_t k) {
  static const char* const tags[] = {"p",  "br", "b",  "strong", "i",  "em",   "u",   "s",  "strike", "sub",  "sup",
                                     "ul", "ol", "li", "h1",     "h2", "h3",   "h4",  "h5", "h6",     "blockquote",
                                     "pre", "code", "hr", "table", "thead", "tbody", "tr", "th", "td", "span", "div", "a"};
  std::size_t j = k + 1;
  if (j < s.size() && s[j] == '/') ++j;
  std::size_t end = j;
  while (end < s.size() && s[end] != '>' && s[end] != ' ') ++end;
  const std::string name = s.substr(j, end - j);
  for (const char* t : tags)
    if (name == t) return true;
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  const std::string out = lx::core::sanitize_html(in);
  if (!lx::core::is_valid_utf8(out)) __builtin_trap();
  if (lx::core::sanitize_html(out) != out) __builtin_trap();
  for (std::size_t k = out.find('<'); k != std::string::npos; k = out.find('<', k + 1))
    if (!allowed_tag_at(out, k)) __builtin_trap();
  (void)lx::core::html_to_text(out);
  (void)lx::core::escape_html(in);
  return 0;
}
