// The ledger commands of `liangxin`: import (dry run or commit, --json
// report) and export (records or --template). They act as an admin with the
// whole-district scope and write one audit row (login "cli").
#pragma once
#include <string>

#include "core/config.hpp"

namespace lx::app {

// Returns the exit code: 0 imported (or would be) whole, 2 problems, 1 failure.
int cli_import(const core::Config& cfg, const std::string& ledger, const std::string& file, bool dry_run, bool json);

// Writes the ledger's records (or its template) to file; returns the exit code.
int cli_export(const core::Config& cfg, const std::string& ledger, const std::string& file, bool template_only);

}  // namespace lx::app
