// Helpers shared by the party org module's ledgers (ledger.cpp, ledger_work.cpp).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/ids.hpp"
#include "io/ledger.hpp"
#include "io/xlsx_writer.hpp"
#include "modules/census/service.hpp"
#include "modules/ledger/types.hpp"
#include "modules/partyorg/repo.hpp"
#include "modules/partyorg/service.hpp"

namespace lx::partyorg::ledger_util {

inline Actor actor_of(const ledger::Who& who) { return Actor{who.role, who.scope}; }

inline io::OutputValue opt(const std::optional<std::string>& s) {
  if (!s) return std::monostate{};
  return *s;
}

inline std::vector<io::OutputColumn> output_columns(const io::LedgerSpec& spec, bool marks) {
  std::vector<io::OutputColumn> cols;
  for (const auto& c : spec.columns)
    cols.push_back({c.name + (marks && c.required ? "*" : ""),
                    c.type == io::CellType::date ? io::ColumnFormat::date : io::ColumnFormat::text, 0});
  return cols;
}

// An org named by its credit code in a cell: its id when registered and in
// scope, else the reason.
inline Result<OrgBrief> org_by_code(db::Connection& c, const Actor& a, const std::string& text, const std::string& today) {
  auto code = core::check_credit_code(text);  // R-ID-2
  if (!code) return code.error();
  auto found = census::find_org_by_uscc(c, *code);
  if (!found) return make_error("unknown_org", "统一社会信用代码为" + *code + "的组织未登记，请先导入两新组织台账");
  if (!repo::org_in_scope(c, a.scope, found->first, today))
    return make_error("unknown_org", "“" + found->second + "”不在您的数据范围内");
  return *repo::org(c, found->first);
}

}  // namespace lx::partyorg::ledger_util
