// The generic import engine; see ledger.hpp.
#include "io/ledger.hpp"

#include <algorithm>
#include <cmath>

#include "core/text.hpp"

namespace lx::io {
namespace {

constexpr std::size_t kHeaderSearchRows = 50;

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const auto& s : items) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

// For each 0-based column of `row`, the index of the spec column it names (or -1).
std::vector<int> match_header(const Row& row, const std::vector<std::vector<std::string>>& keys) {
  std::vector<int> matched(row.cells.size(), -1);
  for (std::size_t c = 0; c < row.cells.size(); ++c) {
    if (row.cells[c].empty()) continue;
    const std::string key = header_key(row.cells[c].text);
    if (key.empty()) continue;
    for (std::size_t s = 0; s < keys.size() && matched[c] < 0; ++s) {
      if (std::find(keys[s].begin(), keys[s].end(), key) != keys[s].end()) matched[c] = static_cast<int>(s);
    }
  }
  return matched;
}

std::string lost_digits_reason(const Cell& cell) {
  if (cell.kind == CellKind::number) {
    return "该单元格在Excel中是数字格式，超过15位的数字已被Excel改成0，原来的号码已经丢失；"
           "请把该列设置为文本格式后重新输入完整内容";
  }
  return "该单元格被Excel显示成了科学计数法，保存时原来的数字已经丢失；请把该列设置为文本格式后重新输入完整内容";
}

// Checks one cell against its column; returns the typed value, or sets `reason`.
Value typed_value(const Cell& cell, const ColumnSpec& col, std::string& reason) {
  const std::string text = core::trim(cell.text);
  if (text.empty()) {
    if (col.required) reason = "必填项，不能为空";
    return {};
  }
  switch (col.type) {
    case CellType::text:
      if (cell.precision_lost) {
        reason = lost_digits_reason(cell);
        return {};
      }
      return text;
    case CellType::integer: {
      if (cell.kind == CellKind::number) {
        if (cell.number < 0) {
          reason = "不能为负数";
        } else if (cell.number != std::floor(cell.number)) {
          reason = "应为整数";
        } else if (cell.number > 1e15) {
          reason = "数值过大";
        } else {
          return static_cast<std::int64_t>(cell.number);
        }
        return {};
      }
      const std::string v = core::normalize_cell(text);
      if (v.size() > 1 && v[0] == '-') {
        reason = "不能为负数";
        return {};
      }
      if (!std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        reason = "应填写不小于0的整数（只写数字）";
        return {};
      }
      if (v.size() > 15) {
        reason = "数值过大";
        return {};
      }
      return static_cast<std::int64_t>(std::stoll(v));
    }
    case CellType::date: {
      if (cell.kind == CellKind::boolean) {
        reason = "应填写日期，如2019-05-01";
        return {};
      }
      auto d = core::parse_date(text);
      if (!d) {
        reason = d.error().message;
        return {};
      }
      return *d;
    }
    case CellType::yes_no: {
      auto b = core::parse_yes_no(text);
      if (!b) {
        reason = b.error().message;
        return {};
      }
      return *b;
    }
    case CellType::choice: {
      const std::string v = core::normalize_cell(text);
      for (const auto& a : col.allowed) {
        if (core::normalize_cell(a) == v) return a;
      }
      for (const auto& [other, canonical] : col.synonyms) {
        if (core::normalize_cell(other) == v) return canonical;
      }
      reason = "不是有效的" + col.name + "，应为以下之一：" + join(col.allowed, "、");
      return {};
    }
  }
  return {};
}

}  // namespace

std::string header_key(std::string_view header) {
  std::string key;
  for (char c : core::strip_required_marks(header)) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') key.push_back(c);
  }
  return key;
}

void sort_problems(std::vector<Problem>& problems) {
  std::stable_sort(problems.begin(), problems.end(), [](const Problem& a, const Problem& b) { return a.row < b.row; });
}

std::string_view LedgerRow::raw(std::string_view column) const {
  const auto it = fields.find(column);
  return it == fields.end() ? std::string_view() : std::string_view(it->second.raw);
}

Ledger read_ledger(const Sheet& sheet, const LedgerSpec& spec) {
  Ledger ledger;
  std::vector<std::vector<std::string>> keys;
  std::vector<std::string> required;
  for (const ColumnSpec& c : spec.columns) {
    keys.emplace_back().push_back(header_key(c.name));
    for (const auto& a : c.aliases) keys.back().push_back(header_key(a));
    if (c.required) required.push_back(c.name);
  }

  // The header row: the first with every required column; else the best try.
  const Row* header = nullptr;
  std::vector<int> header_match;
  const Row* best = nullptr;
  std::vector<int> best_match;
  std::size_t best_count = 0;
  for (std::size_t r = 0; r < sheet.rows.size() && r < kHeaderSearchRows; ++r) {
    std::vector<int> matched = match_header(sheet.rows[r], keys);
    std::vector<bool> present(spec.columns.size(), false);
    std::size_t count = 0;
    for (int m : matched) {
      if (m >= 0 && !present[static_cast<std::size_t>(m)]) {
        present[static_cast<std::size_t>(m)] = true;
        ++count;
      }
    }
    bool all_required = count > 0;
    for (std::size_t s = 0; s < spec.columns.size(); ++s) {
      if (spec.columns[s].required && !present[s]) all_required = false;
    }
    if (all_required) {
      header = &sheet.rows[r];
      header_match = std::move(matched);
      break;
    }
    if (count > best_count) {
      best = &sheet.rows[r];
      best_match = std::move(matched);
      best_count = count;
    }
  }

  if (header == nullptr) {
    if (best == nullptr) {
      ledger.problems.push_back({0, "", "",
                                 "没有找到表头行：表头应在同一行中包含" + join(required, "、") +
                                     "等列；请确认文件是对应的台账模板，并且选择了正确的工作表"});
      return ledger;
    }
    ledger.header_row = best->number;
    std::vector<bool> present(spec.columns.size(), false);
    for (int m : best_match) {
      if (m >= 0) present[static_cast<std::size_t>(m)] = true;
    }
    for (std::size_t s = 0; s < spec.columns.size(); ++s) {
      if (spec.columns[s].required && !present[s]) {
        ledger.problems.push_back(
            {best->number, spec.columns[s].name, "", "缺少必填列“" + spec.columns[s].name + "”，请在表头中添加该列"});
      }
    }
    return ledger;
  }

  ledger.header_row = header->number;
  for (std::size_t c = 0; c < header_match.size(); ++c) {
    if (header_match[c] < 0) continue;
    const ColumnSpec& col = spec.columns[static_cast<std::size_t>(header_match[c])];
    const auto [it, inserted] = ledger.columns.emplace(col.name, static_cast<int>(c));
    if (!inserted) {
      ledger.problems.push_back({header->number, col.name, header->cells[c].text,
                                 "表头中“" + col.name + "”列重复出现（第" + column_name(static_cast<std::size_t>(it->second)) +
                                     "列和第" + column_name(c) + "列），请删除多余的一列"});
    }
  }
  if (!ledger.problems.empty()) return ledger;

  // Columns in sheet order, so a row's problems read left to right.
  std::vector<std::pair<int, const ColumnSpec*>> order;
  for (const ColumnSpec& col : spec.columns) {
    const auto it = ledger.columns.find(col.name);
    if (it != ledger.columns.end()) order.emplace_back(it->second, &col);
  }
  std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first < b.first; });

  for (const Row& row : sheet.rows) {
    if (row.number <= header->number) continue;
    const bool blank = std::all_of(order.begin(), order.end(), [&](const auto& o) {
      return core::trim(row.cell(static_cast<std::size_t>(o.first)).text).empty();
    });
    if (blank) continue;
    LedgerRow out;
    out.row = row.number;
    for (const auto& [index, col] : order) {
      const Cell& cell = row.cell(static_cast<std::size_t>(index));
      std::string reason;
      Value value = typed_value(cell, *col, reason);
      if (!reason.empty()) {
        ledger.problems.push_back({row.number, col->name, cell.text, std::move(reason)});
        out.valid = false;
      }
      out.fields.emplace(col->name, Field{cell.text, std::move(value)});
    }
    ledger.rows.push_back(std::move(out));
  }
  return ledger;
}

}  // namespace lx::io
