// `liangxin gen`: writes a realistic district (small, city) or province of
// districts into an empty database, for the benchmarks in bench/ and for
// trying the product at scale, and the same orgs as a 两新组织台账 .xlsx (and
// .csv) for the import workload. The shape is planned in memory
// (gen_plan.hpp, deterministic for a seed and a day), then loaded in bulk
// with the same columns and invariants the module repos write: materialised
// paths, pinyin sort keys (census/collation), area paths of orgs, validity
// dates, personal data sealed with the server's own key (crypto/pii), and
// member history rows as the member service writes them.
#pragma once
#include <cstdint>
#include <string>

#include "app/gen_plan.hpp"
#include "core/config.hpp"
#include "crypto/pii.hpp"
#include "db/database.hpp"

namespace lx::app {

struct GenRequest {
  std::string scale = "small";
  std::uint64_t seed = 1;
  std::string date;            // "YYYY-MM-DD" the data is as of; "" = today in Shanghai
  double life_years = -1;      // years of meetings; < 0: the scale's default
  bool areas_only = false;     // only the area tree (the target of an import)
  bool keep_indexes = false;   // load with the secondary indexes in place (to measure the difference)
  std::string xlsx, csv;       // ledger files of the plan's first `rows` orgs
  std::int64_t rows = 0;       // 0: every org of the plan
};

// What was written, for the summary line.
struct GenSummary {
  std::int64_t areas = 0, orgs = 0, party_orgs = 0, coverage = 0, assignments = 0, mass_orgs = 0, persons = 0,
               memberships = 0, history = 0, transfers = 0, posts = 0, meetings = 0, attendance = 0, ratings = 0,
               talks = 0;
  double seconds = 0;
};

// Writes the plan into db, which must hold no areas yet (a freshly migrated
// database); personal data is sealed with pii. Prints each stage's rows and
// time on stderr. Throws std::runtime_error when the database is not empty.
GenSummary write_plan(db::Database& db, const crypto::Pii& pii, const gen::Plan& plan, const GenRequest& req);

// Writes the first `rows` orgs of the plan as a 两新组织台账 (.xlsx), with the
// importer's column names; an error when the plan has fewer orgs.
Status write_orgs_ledger(const gen::Plan& plan, std::int64_t rows, const std::string& xlsx, const std::string& csv);

// The command: plans, writes the database (when cfg.db is set) and the ledger files. Exit code.
int cli_gen(const core::Config& cfg, const GenRequest& req);

}  // namespace lx::app
