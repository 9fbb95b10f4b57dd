// Census: the area tree and the 两新 org ledger. Every function runs on the
// caller's connection (inside its transaction for writes), works inside the
// caller's data scope — an org or area outside it answers exactly like a
// missing one (404 "记录不存在") — and reports refusals as lx::Error with a
// Chinese message naming the field. Nothing a statistic counts is deleted:
// an org is closed (R-CEN-1 operating status), never removed.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/dates.hpp"
#include "core/result.hpp"
#include "crypto/pii.hpp"
#include "db/database.hpp"
#include "http/message.hpp"
#include "modules/census/model.hpp"
#include "modules/census/repo.hpp"

namespace lx::census {

// ---- areas ----

// The areas a scope may see, ordered by path: all; an area subtree; for a
// party-org scope, the areas holding its orgs and their ancestors.
std::vector<Area> visible_areas(db::Connection& c, const http::Scope& scope);

struct AreaInput {
  std::optional<std::string> name, code;
  std::optional<std::int64_t> parent_id;
  bool parent_given = false;
};

// Creates an area. Without a parent it is a district (whole-district users
// only); under a district a street, under a street a community; nothing
// goes under a community. Codes are unique (409).
Result<Area> create_area(db::Connection& c, const http::Scope& scope, const AreaInput& in);

// Renames an area or changes its code; areas do not move.
Result<Area> update_area(db::Connection& c, const http::Scope& scope, std::int64_t id, const AreaInput& in);

// Deletes an area that has no child areas and no orgs (409 otherwise); returns what was deleted.
Result<Area> delete_area(db::Connection& c, const http::Scope& scope, std::int64_t id);

// The area with id if the scope may see it.
Result<Area> get_area(db::Connection& c, const http::Scope& scope, std::int64_t id);

// ---- orgs ----

// The view every org query runs under: scope and today (Shanghai).
repo::View view_of(const http::Scope& scope, core::Date today);

// The org with id in scope, or 404 "记录不存在".
Result<Org> get_org(db::Connection& c, const repo::View& v, std::int64_t id);

// The id and name of the org with this credit code (any scope), for imports
// matching rows on their natural key.
std::optional<std::pair<std::int64_t, std::string>> find_org_by_uscc(db::Connection& c, const std::string& uscc);

// Registers an org: rules.hpp checks every field (R-ID-2, R-ID-3, dates,
// counts), the area must be a street or community in scope, the credit code
// must be new (409 naming the existing org). The contact phone is stored
// encrypted with its keyed hash and mask (R-ID-4).
Result<Org> create_org(db::Connection& c, const crypto::Pii& pii, const repo::View& v, const OrgInput& in);

struct Saved {
  Org before, after;
  bool changed = false;
};

// Changes the fields given in `in`; an unchanged record is not written. A
// closed org is ended and refuses changes (409).
Result<Saved> update_org(db::Connection& c, const crypto::Pii& pii, const repo::View& v, std::int64_t id,
                         const OrgInput& in);

// Closes an org (注销) on closed_on: the record ends and counts no more from that day.
Result<Saved> close_org(db::Connection& c, const repo::View& v, std::int64_t id, const std::string& closed_on);

// R-CEN-2: records the census check of an open org on verified_on (today when empty).
Result<Saved> verify_org(db::Connection& c, const repo::View& v, std::int64_t id,
                         const std::optional<std::string>& verified_on);

// The plain contact phone of an org in scope (the caller audits the view);
// 404 when the org has none.
Result<std::string> reveal_phone(db::Connection& c, const crypto::Pii& pii, const repo::View& v, std::int64_t id);

// Names of the party orgs covering org on d (YYYY-MM-DD).
std::vector<std::string> covering_party_orgs(db::Connection& c, std::int64_t org_id, const std::string& d);

// One page of orgs in scope.
std::pair<std::vector<Org>, std::int64_t> list_orgs(db::Connection& c, const repo::View& v, const repo::OrgFilter& f);

// R-CEN-2: per street in scope, how many open orgs there are and how many are stale.
struct StreetStale {
  Area street;
  std::int64_t total = 0, stale = 0;
};
std::vector<StreetStale> stale_summary(db::Connection& c, const repo::View& v, int stale_months);

// The months after which an unverified record is stale (setting census.stale_months).
int stale_months(db::Connection& c);

}  // namespace lx::census
