// The member ledger (党员台账, TEMPLATES.md; natural key: 身份证号) for the
// shared import engine (modules/ledger): columns, the check of a file's rows
// (R-ID-1 with gender and birth date against the number, R-ID-3 phones, the
// 56 ethnic groups, education, status and dates, 所在党组织 by name among the
// visible party orgs — ambiguous names list the candidates, "上级/名称" picks
// one — and the workplace by credit code), the commit through this module's
// service (new member, or update in place when something changed; a member
// of another party org is refused: that is a transfer), export and template.
// Export holds plain ID numbers and phones (so the file round-trips); the
// ledger routes audit every member ledger export.
#pragma once
#include "db/database.hpp"
#include "io/ledger.hpp"
#include "io/xlsx_writer.hpp"
#include "modules/ledger/types.hpp"

namespace lx::member {

const io::LedgerSpec& members_spec();
ledger::Report import_members(db::Connection& c, const ledger::Who& who, const io::Ledger& l, bool write,
                              const ledger::Progress& progress);
io::OutputSheet export_members(db::Connection& c, const ledger::Who& who);
io::OutputSheet members_template();

}  // namespace lx::member
