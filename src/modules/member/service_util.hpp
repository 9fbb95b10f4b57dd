// Helpers shared by the member service files (not part of its interface).
#pragma once
#include <optional>
#include <string>

#include "crypto/pii.hpp"
#include "modules/member/service.hpp"
#include "modules/partyorg/model.hpp"

namespace lx::member::detail {

inline Error not_found() { return make_error("not_found", "记录不存在", {}, 404); }

// Checks the person fields of `in` over `base` (the stored row on an edit,
// empty on create) and returns the row to store: R-ID-1 (gender and birth
// date against the number), R-ID-3 for the phone, the ethnicity among the 56,
// education, a workplace org in the actor's scope. Ciphertexts, hashes and
// masks are made here. Does not check uniqueness.
Result<repo::PersonRow> person_row(db::Connection& c, const Actor& a, const crypto::Pii& pii,
                                   const std::optional<repo::PersonRow>& base, const PersonInput& in);

// The 409 for an ID number already registered, naming the record: masked
// ID, name and party org (R-ID-4: never the plain number).
Error duplicate_id(db::Connection& c, const Person& existing);

// A party org a membership may be opened in on `from`: exists, founded by
// then, not dissolved, not a party group (党小组).
Result<partyorg::PartyOrg> membership_party_org(db::Connection& c, std::int64_t party_org_id, const std::string& from,
                                                const std::string& field);

// The membership of a member registered as such (MemberInput): status,
// admission and confirmation dates, since when in a visible, live party org.
Result<Membership> membership_of_input(db::Connection& c, const Actor& a, const MemberInput& in,
                                       const std::string& start_reason);

// Closes a membership on `to` (the first day it no longer counts) and ends
// the posts the person held then (a post belongs to the membership).
void close_membership(db::Connection& c, const Membership& m, const std::string& to, const std::string& reason);

// Writes one history row per field that differs between the two rows.
void history_of_changes(db::Connection& c, std::int64_t person_id, const repo::PersonRow& before,
                        const repo::PersonRow& after, const std::string& on, const std::string& by);

}  // namespace lx::member::detail
