// The census rules that need no database: the dictionaries of the 两新组织台账
// (kinds, sub-kinds, GB/T 4754 industry sections, operating statuses), the
// checking and normalising of an org's fields with one Chinese message per
// problem naming the field, the five-clear completeness (R-CEN-1), staleness
// (R-CEN-2) and the three colours (R-CEN-4). The import engine and the HTTP
// routes share them, so a ledger row and a form are judged alike.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dates.hpp"
#include "core/result.hpp"
#include "modules/census/model.hpp"

namespace lx::census {

// ---- dictionaries ----

struct Choice {
  std::string_view code;  // stored and sent in JSON
  std::string_view name;  // Chinese, as ledgers spell it
};

// enterprise 非公企业 / social 社会组织 / gig_site 新就业群体网点.
const std::vector<Choice>& kinds();
// The kind code for a code or Chinese name (synonyms: 非公有制企业, 新经济组织,
// 新社会组织, 新就业群体); nullopt when unknown.
std::optional<std::string> parse_kind(std::string_view text);
std::string_view kind_name(std::string_view code);

// 组织类型 (TEMPLATES.md) with the kind each belongs to.
struct SubKind {
  std::string_view name;
  std::string_view kind;
};
const std::vector<SubKind>& sub_kinds();

// GB/T 4754-2017 sections A–T: letter and Chinese name.
const std::vector<Choice>& industries();
// The section letter for a letter (any case, full width), a Chinese section
// name, or "C 制造业" / "C制造业"; nullopt when unknown.
std::optional<std::string> parse_industry(std::string_view text);
std::string_view industry_name(std::string_view letter);

// normal 正常 / suspended 停业 / closed 注销.
const std::vector<Choice>& operating_statuses();
// The status code for a code or Chinese name (synonyms: 存续, 在业, 开业 → normal;
// 歇业 → suspended; 吊销 → closed); nullopt when unknown.
std::optional<std::string> parse_operating_status(std::string_view text);
std::string_view operating_status_name(std::string_view code);

// ---- checking ----

// Applies the fields given in `in` to `org` (absent fields keep their value,
// null clears a clearable one), normalising each, then checks the record as a
// whole. Returns every problem found, each naming its field in Chinese; when
// the list is empty `org` holds the normalised record. The plain contact
// phone is left in org.contact_phone for the caller to encrypt. `today` bounds
// the dates: none may lie in the future.
std::vector<Error> apply_org_input(Org& org, const OrgInput& in, core::Date today);

// ---- derived facts ----

// R-CEN-1: which of the five-clear fields are unknown. The reason for having
// no party org is needed only when the org is not covered.
FiveClear five_clear(const Org& org, bool covered);

// R-CEN-2: the last verification date that is still current on `today`:
// `today` moved back by `months`. A record verified before it is stale.
core::Date stale_cutoff(core::Date today, int months);

// R-CEN-2: true when the org is open and was never verified, or verified
// before stale_cutoff(today, months). A closed org is never stale.
bool is_stale(const Org& org, core::Date today, int months);

// R-CEN-4: red when covered by a party org, yellow when reached only by
// work (instructor, liaison or mass organisation), blue otherwise.
std::string_view colour(bool covered, bool work_contact);

// The Chinese label of a JSON/DB field of an org ("uscc" → "统一社会信用代码").
std::string_view field_label(std::string_view field);

}  // namespace lx::census
