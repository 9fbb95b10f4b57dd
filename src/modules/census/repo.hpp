// The census module's SQL: areas and orgs (migrations 001–003). Nothing else
// writes these tables. Org queries take the caller's data scope and add its
// filter themselves, so no query here can return an org outside it; the
// coverage facts come from partyorg/coverage_sql.hpp.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "db/database.hpp"
#include "http/message.hpp"
#include "modules/census/model.hpp"

namespace lx::census::repo {

// ---- areas ----

std::optional<Area> area_by_id(db::Connection& c, std::int64_t id);
std::optional<Area> area_by_code(db::Connection& c, const std::string& code);
// Areas whose path lies in [lo, hi), or all when lo is empty; ordered by path.
std::vector<Area> areas_in(db::Connection& c, const std::string& lo, const std::string& hi);
// Areas with these ids, ordered by path.
std::vector<Area> areas_by_ids(db::Connection& c, const std::vector<std::int64_t>& ids);
// Inserts the area under its parent's path; returns it with id and path set.
Area insert_area(db::Connection& c, Area a, const std::string& parent_path);
void update_area(db::Connection& c, const Area& a);  // name, code
void delete_area(db::Connection& c, std::int64_t id);
std::int64_t count_child_areas(db::Connection& c, std::int64_t id);
std::int64_t count_orgs_in_area(db::Connection& c, std::int64_t id);

// ---- orgs ----

// Today's date (YYYY-MM-DD) and the scope every org query runs under.
struct View {
  http::Scope scope;
  std::string today;
};

// The org with id if it lies in the view's scope.
std::optional<Org> org_by_id(db::Connection& c, const View& v, std::int64_t id);
// The id and name of the org with this credit code, whatever the scope.
std::optional<std::pair<std::int64_t, std::string>> org_by_uscc(db::Connection& c, const std::string& uscc);
std::int64_t insert_org(db::Connection& c, const Org& o, const std::string& name_sort);
void update_org(db::Connection& c, const Org& o, const std::string& name_sort);

struct OrgFilter {
  std::string q;                      // name fragment, or an 18-character code
  std::string kind, sub_kind, industry, status;
  std::string area_lo, area_hi;       // area subtree range, or empty
  std::optional<bool> above_scale, covered;
  std::string colour;                 // red / yellow / blue, or empty
  std::optional<bool> stale;
  std::string stale_cutoff;           // YYYY-MM-DD: verified before it is stale
  std::string sort = "name";          // name / registered_on / verified_on / workforce
  bool desc = false;
  std::int64_t page = 1, size = 20;
};
// One page of orgs in the view's scope matching f, and the total count.
std::pair<std::vector<Org>, std::int64_t> select_orgs(db::Connection& c, const View& v, const OrgFilter& f);

// Open orgs in scope grouped by area path: (area_path, total, stale).
struct PathCount {
  std::string area_path;
  std::int64_t total = 0, stale = 0;
};
std::vector<PathCount> stale_by_area_path(db::Connection& c, const View& v, const std::string& stale_cutoff);

// Distinct area paths of the orgs in scope (for party-org-scoped area lists).
std::vector<std::string> org_area_paths(db::Connection& c, const View& v);

// Names of the party orgs covering the org on d, single-formation first.
std::vector<std::string> covering_party_orgs(db::Connection& c, std::int64_t org_id, const std::string& d);

// The audit rows whose target is `target`, newest first (the account
// module's audit_log, read only): at, login, action, detail.
db::Rows history(db::Connection& c, const std::string& target, std::int64_t limit);

}  // namespace lx::census::repo
