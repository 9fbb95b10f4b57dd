// Census: areas (district → street → community) and 两新 orgs with the
// columns of the 两新组织台账 (TEMPLATES.md), as plain structs.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lx::census {

struct Area {
  std::int64_t id = 0;
  std::optional<std::int64_t> parent_id;
  std::string code;
  std::string name;
  std::string level;  // district / street / community
  std::string path;   // materialised "/1/5/"
  std::string created_at, updated_at;
};

// One org as stored. Booleans that may be unknown are optional.
struct Org {
  std::int64_t id = 0;
  std::string name;
  std::string uscc;                              // R-ID-2, normalised
  std::string kind;                              // enterprise / social / gig_site
  std::optional<std::string> sub_kind;           // 组织类型, Chinese as listed in rules
  std::optional<std::string> industry;           // GB/T 4754 section letter
  std::int64_t area_id = 0;
  std::string area_path;
  std::optional<std::string> address;
  std::optional<std::string> registered_on;      // YYYY-MM-DD
  std::optional<std::string> closed_on;
  std::string operating_status = "normal";       // normal / suspended / closed
  std::optional<std::int64_t> workforce;
  std::optional<std::int64_t> declared_members;
  bool above_scale = false;
  std::optional<std::string> principal;
  std::optional<bool> principal_is_member;
  std::optional<std::string> no_party_org_reason;
  std::optional<std::string> contact_name;
  std::optional<std::string> contact_phone;      // plain: only between input and encryption
  std::optional<std::string> contact_phone_enc;
  std::optional<std::string> contact_phone_hash;
  std::optional<std::string> contact_phone_mask;
  std::optional<std::string> verified_on;
  std::string created_at, updated_at;

  // Read side, filled by queries.
  std::string area_name;
  bool covered = false;        // covered by a party org today
  bool work_contact = false;   // instructor, liaison or mass org today
};

// A field of a change: absent (keep), null (clear) or a value.
template <typename T>
struct Patch {
  bool given = false;
  std::optional<T> value;
  void set(std::optional<T> v) {
    given = true;
    value = std::move(v);
  }
};

// What a form, a JSON body or a ledger row says about an org: text as typed
// (kinds, industries and statuses as codes or Chinese names, dates in any
// spelling core::parse_date accepts), integers and booleans typed.
struct OrgInput {
  Patch<std::string> name, uscc, kind, sub_kind, industry, address, registered_on, closed_on, operating_status,
      principal, no_party_org_reason, contact_name, contact_phone, verified_on;
  Patch<std::int64_t> area_id, workforce, declared_members;
  Patch<bool> above_scale, principal_is_member;
};

// R-CEN-1: the five-clear fields and which are still unknown.
struct FiveClear {
  bool complete = true;
  std::vector<std::string> missing;  // field names, e.g. "workforce"
};

}  // namespace lx::census
