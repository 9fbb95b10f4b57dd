// The common table; see table.hpp.
#include "io/table.hpp"

#include <algorithm>

namespace lx::io {

const Cell& Row::cell(std::size_t col) const {
  static const Cell kEmpty;
  return col < cells.size() ? cells[col] : kEmpty;
}

bool Row::blank() const {
  return std::all_of(cells.begin(), cells.end(), [](const Cell& c) { return c.empty(); });
}

std::string column_name(std::size_t col) {
  std::string name;
  for (std::size_t n = col + 1; n > 0; n = (n - 1) / 26) {
    name.insert(name.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return name;
}

}  // namespace lx::io
