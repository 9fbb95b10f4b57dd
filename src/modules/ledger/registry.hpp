// The ledgers by name (orgs | party-orgs | assignments | mass-orgs | members) and the
// steps every import shares: reading the uploaded bytes (xlsx by its "PK"
// magic, else CSV), the dry run, and the commit in one transaction.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "db/database.hpp"
#include "io/ledger.hpp"
#include "io/table.hpp"
#include "io/xlsx_writer.hpp"
#include "modules/ledger/types.hpp"

namespace lx::ledger {

struct Def {
  std::string name;        // orgs, party-orgs, assignments, mass-orgs
  std::string title;       // 两新组织台账, …
  std::string read_permission;  // census.read or partyorg.read
  const io::LedgerSpec& (*spec)();
  Report (*run)(db::Connection&, const Who&, const io::Ledger&, bool write, const Progress&);
  io::OutputSheet (*export_sheet)(db::Connection&, const Who&);
  io::OutputSheet (*template_sheet)();
  // Whose export holds plain ID numbers or phones: every export is audited (R-ID-4).
  bool personal_data = false;
  // The permission an import of this ledger needs, checked after the route's
  // ledger.import: census.import for the census and party org ledgers,
  // member.import (which a branch secretary holds) for members.
  std::string import_permission = "census.import";
};

// The ledger called `name`, or null.
const Def* find(std::string_view name);
// Every ledger, in menu order.
const std::vector<Def>& all();

// A file read for import: its first sheet and the ledger read from it.
struct Parsed {
  io::Sheet sheet;
  io::Ledger ledger;
};

// Reads an upload: .xlsx when it starts with "PK", otherwise CSV (encoding
// detected). Errors carry the readers' Chinese messages (status 400).
Result<Parsed> parse(const Def& def, std::string_view bytes);

// The dry run: every problem, would-insert and would-update; nothing written.
Report dry_run(db::Connection& c, const Who& who, const Def& def, const Parsed& p);

// The commit: all rows or none, in one transaction of db. With any problem
// (in the file, or found against the data at commit time) nothing is written
// and the report lists them. `also` runs inside the transaction after a
// successful write (the CLI's audit row).
Report commit(db::Database& db, const Who& who, const Def& def, const Parsed& p, const Progress& progress,
              const std::function<void(db::Connection&, const Report&)>& also = {});

// The bytes of an .xlsx of one sheet.
Result<std::string> workbook(const io::OutputSheet& sheet);

}  // namespace lx::ledger
