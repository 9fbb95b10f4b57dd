// Helpers shared by the life service files (not part of its interface).
#pragma once
#include <optional>
#include <string>

#include "core/dates.hpp"
#include "core/result.hpp"
#include "modules/life/service.hpp"
#include "modules/member/model.hpp"
#include "modules/partyorg/model.hpp"

namespace lx::life::detail {

inline Error not_found() { return make_error("not_found", "记录不存在", {}, 404); }

// The party org when the actor may see its life records: in the scope, or
// for a party member the party org of his own open membership.
std::optional<partyorg::PartyOrg> visible_party_org(db::Connection& c, const Actor& a, std::int64_t id);

// The person behind the signed-in account, or 403 not_member_account.
Result<std::int64_t> my_person(db::Connection& c, const Actor& a);

// The person's open membership's party org, if any.
std::optional<member::Membership> my_membership(db::Connection& c, std::int64_t person_id);

// Today in Shanghai.
std::string today();

// True when the party org exists on day d (founded_on <= d < dissolved_on).
bool exists_on(const partyorg::PartyOrg& p, const std::string& d);

}  // namespace lx::life::detail
