// The party org module's ledgers (TEMPLATES.md): 党组织台账 (natural key:
// 党组织名称 within its parent; 上级党组织 must exist or appear earlier in the
// file; 覆盖组织 a list of credit codes), 指导员与联络员 (key: person + org +
// role) and 群团组织 (key: org + type). Each: the columns, the check of a
// file's rows against the database and the rules, the commit through this
// module's service (insert, or update in place when something changed), and
// export and template with the same columns.
#pragma once
#include "db/database.hpp"
#include "io/ledger.hpp"
#include "io/xlsx_writer.hpp"
#include "modules/ledger/types.hpp"

namespace lx::partyorg {

// Each import checks every row; with `write` and no problem at all it writes
// on c (the caller's transaction; the caller rolls back if errors come back).
const io::LedgerSpec& party_orgs_spec();
ledger::Report import_party_orgs(db::Connection& c, const ledger::Who& who, const io::Ledger& l, bool write,
                                 const ledger::Progress& progress);
io::OutputSheet export_party_orgs(db::Connection& c, const ledger::Who& who);
io::OutputSheet party_orgs_template();

const io::LedgerSpec& assignments_spec();
ledger::Report import_assignments(db::Connection& c, const ledger::Who& who, const io::Ledger& l, bool write,
                                  const ledger::Progress& progress);
io::OutputSheet export_assignments(db::Connection& c, const ledger::Who& who);
io::OutputSheet assignments_template();

const io::LedgerSpec& mass_orgs_spec();
ledger::Report import_mass_orgs(db::Connection& c, const ledger::Who& who, const io::Ledger& l, bool write,
                                const ledger::Progress& progress);
io::OutputSheet export_mass_orgs(db::Connection& c, const ledger::Who& who);
io::OutputSheet mass_orgs_template();

}  // namespace lx::partyorg
