// The HTML sanitiser for meeting minutes (rich text typed in the browser's
// editor): an allow-list of formatting tags, no attributes but a safe link
// target and table spans, script-like elements dropped with their content,
// every other tag dropped with its text kept, text and attribute values
// escaped, and the result always well-formed (every open tag closed). Pure;
// fuzzed by tests/fuzz/fuzz_html.cpp.
#pragma once
#include <string>
#include <string_view>

namespace lx::core {

// Returns `html` made safe to show as minutes: what survives is only
//   p br b strong i em u s strike sub sup ul ol li h1..h6 blockquote pre code hr
//   table thead tbody tr th td span div a
// with `href` kept on <a> only for http:, https: and mailto: targets (then
// rel="noopener noreferrer" is added) and colspan/rowspan (1..99) on cells.
// script, style, iframe, object, embed, noscript, template, textarea,
// select, svg, math, title and head disappear with everything inside them;
// comments and doctypes disappear; other tags disappear but their text
// stays. Invalid UTF-8 bytes become U+FFFD.
std::string sanitize_html(std::string_view html);

// Returns `text` as HTML text: & < > " ' escaped, invalid UTF-8 replaced.
std::string escape_html(std::string_view text);

// Returns the text of sanitised HTML without tags (entities decoded for
// the five escapes and &nbsp;), for searching and for plain-text exports.
std::string html_to_text(std::string_view html);

}  // namespace lx::core
