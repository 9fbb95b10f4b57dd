// How a number in a spreadsheet cell reads as text: the way Excel shows it in
// a General cell, but integers always in full ("13812345678", not "1.38E+10").
// Internal to io/; the readers use it for numeric cells.
#pragma once
#include <string>

namespace lx::io {

// Returns `v` with at most 15 significant digits (Excel's precision) and no
// trailing zeros: 13812345678 -> "13812345678", 0.1 + 0.2 -> "0.3",
// 4.11422199001011E+17 -> "411422199001011000"; below 1e-9 and from 1e21 on,
// scientific as Excel writes it ("1.5E+21"). Sets `*precision_lost` (when not
// null) for integers of more than 15 digits, whose last digits Excel dropped.
// Returns "" for NaN and infinities.
std::string number_text(double v, bool* precision_lost = nullptr);

}  // namespace lx::io
