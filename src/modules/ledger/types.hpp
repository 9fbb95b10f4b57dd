// What every ledger import shares (TEMPLATES.md "Behaviour"): who imports
// (role, data scope, the PII key), the report a dry run and a commit answer
// with, and the progress callback. The census and party org modules define
// their ledgers against these; modules/ledger/registry runs them.
#pragma once
#include <boost/json/object.hpp>
#include <cstdint>
#include <functional>
#include <vector>

#include "core/roles.hpp"
#include "crypto/pii.hpp"
#include "http/message.hpp"
#include "io/ledger.hpp"

namespace lx::ledger {

// The importer or exporter: role (what may be created, e.g. areas), scope
// (what may be seen and touched) and the key that seals phones.
struct Who {
  core::Role role = core::Role::admin;
  http::Scope scope;
  const crypto::Pii* pii = nullptr;
};

// A dry run's or a commit's answer. A dry run counts would-insert and
// would-update; with any error nothing is (or would be) written.
struct Report {
  std::int64_t rows = 0, inserted = 0, updated = 0;
  std::vector<io::Problem> errors;
};

// Called with rows done and the total while a commit runs (and while a
// commit's pre-check runs, for the orgs ledger).
using Progress = std::function<void(std::int64_t done, std::int64_t total)>;

// {"rows","inserted","updated","errors":[{"row","column","value","reason"}]}, in that order.
boost::json::object report_json(const Report& r);

}  // namespace lx::ledger
