// The 两新组织台账 (TEMPLATES.md "orgs"): its columns, the check of a file's
// rows against the database and the census rules (R-ID-2 checksum, R-ID-3
// phones, duplicates in the file, areas by name in the importer's scope), the
// commit through the census service (insert, or update in place when
// something changed, matched on 统一社会信用代码), and export and template
// with the same columns.
#pragma once
#include "db/database.hpp"
#include "io/ledger.hpp"
#include "io/xlsx_writer.hpp"
#include "modules/ledger/types.hpp"

namespace lx::census {

// The columns of the orgs ledger (all of TEMPLATES.md, plus 注销日期 for 注销).
const io::LedgerSpec& orgs_spec();

// Checks every row of `l` (read with orgs_spec()); with `write` and no
// problem at all, inserts or updates each org on c (the caller's
// transaction; the caller rolls back if errors come back). Streets and
// communities are found by name in who.scope; unknown ones are created only
// when who.role may manage areas (area.manage). 注销 with a date closes an org.
ledger::Report import_orgs(db::Connection& c, const ledger::Who& who, const io::Ledger& l, bool write,
                           const ledger::Progress& progress);

// The orgs in who.scope as the ledger's sheet (codes and phones as text cells).
io::OutputSheet export_orgs(db::Connection& c, const ledger::Who& who);

// The empty ledger: header and one example row.
io::OutputSheet orgs_template();

}  // namespace lx::census
