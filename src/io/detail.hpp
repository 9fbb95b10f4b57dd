// Small helpers shared by the io/ readers; internal to io/.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace lx::io::detail {

// Appends code point `cp` to `out` as UTF-8 (cp must be a scalar value).
void append_utf8(std::string& out, std::uint32_t cp);

// Returns `s` made fit to quote inside a Chinese message: invalid UTF-8 bytes
// become U+FFFD, control characters become spaces, and text past
// `max_chars` code points is cut and marked with "…".
std::string excerpt(std::string_view s, std::size_t max_chars = 40);

}  // namespace lx::io::detail
