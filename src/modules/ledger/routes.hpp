// HTTP routes of the ledgers: import (dry run, commit as a background job,
// errors workbook), export and templates, for every ledger of registry.hpp.
#pragma once
#include "http/router.hpp"

namespace lx::ledger {

void register_routes(http::Router& router);

// "attachment; filename*=UTF-8''<percent-encoded name>".
std::string attachment(const std::string& filename);

}  // namespace lx::ledger
