// UTF-8 text helpers for what users type into forms and spreadsheets: width
// normalisation, trimming of CJK and no-break spaces, code-point counting,
// UTF-8 validation, yes/no cells and template header matching.
// All functions are pure and take/return UTF-8 in std::string.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace lx::core {

// Returns `s` with full-width ASCII forms (U+FF01..U+FF5E) mapped to their
// ASCII counterparts (0x21..0x7E) and the ideographic space U+3000 to ' '.
// Everything else, including invalid bytes, is copied unchanged.
std::string normalize_width(std::string_view s);

// Returns `s` without leading and trailing white space: ASCII white space,
// NBSP (U+00A0), the ideographic space (U+3000) and a BOM/ZWNBSP (U+FEFF).
std::string trim(std::string_view s);

// Returns normalize_width(trim(s)) trimmed again (a full-width space turns
// into an ASCII one): the usual first step for any cell or form field.
std::string normalize_cell(std::string_view s);

// Returns the number of code points in `s`; an invalid byte counts as one.
std::size_t utf8_length(std::string_view s);

// Returns true when `s` is well-formed UTF-8 (no overlong forms, no
// surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view s);

// Returns `s` split into code points, each as its own UTF-8 string; an
// invalid byte becomes a one-byte element.
std::vector<std::string> utf8_split(std::string_view s);

// Returns the yes/no value of a cell: 是/否, Y/N, yes/no, true/false (any
// case), 1/0, √/× (after trimming and width normalisation). Anything else,
// including an empty cell, is an `invalid_yes_no` error with a Chinese message.
Result<bool> parse_yes_no(std::string_view s);

// Returns a template header reduced to its column name: width-normalised,
// trimmed, with trailing required marks (`*`, `＊`, `（必填）`, `(必填)`, in any
// number and order) removed. "  统一社会信用代码（必填）* " -> "统一社会信用代码".
std::string strip_required_marks(std::string_view header);

}  // namespace lx::core
