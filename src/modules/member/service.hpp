// The member module's rules and transactions (issue 4): persons, memberships
// of party orgs, their history, transfers, and the member figures.
//
// For other modules (the recruitment pipeline, organisational life):
//
//   find_person_by_id_number(c, pii, id)   the person holding an ID number, any scope
//                                          (nullopt when none; an error when the number is invalid, R-ID-1)
//   create_person(c, actor, pii, in)       a person without membership (an applicant): R-ID-1 with the
//                                          gender and birth date checked against the number; the same ID
//                                          twice is refused (409 duplicate_id_number) naming the record
//   find_or_create_person(c, actor, pii, in)  the existing person of in.id_number, or a new one
//   admit_probationary(c, person_id, party_org_id, date, by)
//                                          opens a probationary membership from date (start_reason
//                                          'admitted'); refuses a person who already has an open one
//   confirm_full(c, person_id, date, by)   the open probationary membership becomes full on date
//   end_membership(c, person_id, date, reason, by)
//                                          closes the open membership (valid_to = date, the first day it no
//                                          longer counts); reason: deceased / left / expelled / cancelled
//                                          (取消预备党员资格) — transfers end memberships themselves
//   full_members_on(c, party_org_id, date) members of the party org on date who are full on date: those
//                                          entitled to vote at a general assembly (R-LIFE-9)
//   count_full_members_on(…)               their number
//
// These four membership functions do not check a scope: the caller has
// already found its own record (a pipeline entry) in the actor's scope. They
// write member_history rows (`by` is the login shown there) and run on the
// caller's connection, inside its transaction. Everything taking an Actor
// honours its scope: a record outside it answers exactly like a missing one
// (404 "记录不存在"), and lists never show it.
#pragma once
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "core/roles.hpp"
#include "crypto/pii.hpp"
#include "db/database.hpp"
#include "http/message.hpp"
#include "modules/member/model.hpp"
#include "modules/member/repo.hpp"
#include "modules/partyorg/model.hpp"

namespace lx::member {

struct Actor {
  core::Role role = core::Role::member;
  http::Scope scope;
  std::string login;
};

// A field of an edit: absent (outer nullopt), cleared (inner nullopt) or set.
template <typename T>
using Field = std::optional<std::optional<T>>;

// What a person is entered with. On create, name and id_number are
// required; gender and birth_date, when given, must agree with the number.
struct PersonInput {
  std::optional<std::string> name, id_number, gender, birth_date;
  Field<std::string> ethnicity, education, phone;
  Field<std::int64_t> workplace_org_id;   // a census org in the actor's scope
  std::optional<bool> mobile;
};

// A member registered as such (records, ledger import, transfer in).
struct MemberInput {
  PersonInput person;
  std::int64_t party_org_id = 0;
  std::string status;                     // probationary / full (or 预备党员 / 正式党员)
  std::string admitted_on;                // 入党日期
  std::optional<std::string> confirmed_on;   // 转正日期, for full members
  std::optional<std::string> valid_from;  // since when in this party org; default admitted_on
};

// A member with everything the detail page shows.
struct MemberDetail {
  Person person;
  std::optional<Membership> membership;   // the latest
  std::vector<Membership> memberships;    // oldest first
  std::vector<HistoryEntry> history;
  std::vector<Transfer> transfers;
  std::vector<partyorg::CommitteePost> posts;   // held today or from a later day
  std::optional<std::int64_t> user_id;          // the member's own account, if linked
};

std::string today();

// ---- persons and memberships (service.cpp)

Result<std::optional<Person>> find_person_by_id_number(db::Connection& c, const crypto::Pii& pii,
                                                       std::string_view id_number);
Result<Person> create_person(db::Connection& c, const Actor& a, const crypto::Pii& pii, const PersonInput& in);
Result<Person> find_or_create_person(db::Connection& c, const Actor& a, const crypto::Pii& pii,
                                     const PersonInput& in);

Result<Membership> admit_probationary(db::Connection& c, std::int64_t person_id, std::int64_t party_org_id,
                                      const std::string& date, const std::string& by = "");
Result<Membership> confirm_full(db::Connection& c, std::int64_t person_id, const std::string& date,
                                const std::string& by = "");
Result<Membership> end_membership(db::Connection& c, std::int64_t person_id, const std::string& date,
                                  const std::string& reason, const std::string& by = "");
std::vector<MemberRow> full_members_on(db::Connection& c, std::int64_t party_org_id, const std::string& date);
std::int64_t count_full_members_on(db::Connection& c, std::int64_t party_org_id, const std::string& date);

// For the life module (no scope check: the caller has found the party org in
// its actor's scope): every member of the party org on date (expected at a
// meeting; full on date when confirmed_on <= date, else probationary and
// without a vote), every membership ever held there (R-LIFE-7, R-LIFE-8),
// and the member behind a user account (migration 009).
std::vector<MemberRow> members_on(db::Connection& c, std::int64_t party_org_id, const std::string& date);
std::vector<Membership> memberships_in(db::Connection& c, std::int64_t party_org_id);
std::optional<std::int64_t> person_of_user(db::Connection& c, std::int64_t user_id);
// The person's open membership, if any.
std::optional<Membership> open_membership_of(db::Connection& c, std::int64_t person_id);
// Links a user account to a visible member (user_id null: unlinks the
// member's account); one account per member. The caller checks the account exists.
Result<MemberDetail> link_account(db::Connection& c, const Actor& a, std::int64_t person_id,
                                  std::optional<std::int64_t> user_id);

// ---- member records (service_records.cpp)

// Registers a member: a new person (or one without an open membership) and a
// membership of a visible, live party org.
Result<MemberDetail> create_member(db::Connection& c, const Actor& a, const crypto::Pii& pii, const MemberInput& in);
Result<MemberDetail> get_member(db::Connection& c, const Actor& a, std::int64_t person_id);
// Edits the person fields given; each change is a history row (ID numbers and phones masked).
Result<MemberDetail> update_member(db::Connection& c, const Actor& a, const crypto::Pii& pii, std::int64_t person_id,
                                   const PersonInput& in);
// Confirms a visible probationary member (转正) on date.
Result<MemberDetail> confirm_member(db::Connection& c, const Actor& a, std::int64_t person_id, const std::string& date);
// Ends a visible member's membership on date for reason (deceased / left / expelled / cancelled).
Result<MemberDetail> end_member(db::Connection& c, const Actor& a, std::int64_t person_id, const std::string& date,
                                const std::string& reason);
// Gives a member a post (secretary, deputy_secretary, organisation, publicity,
// discipline, member) in the party org of the open membership, from
// valid_from (not before the membership's start); the party org's own checks
// apply (one secretary at a time, no party group posts, R-ORG-4's committee
// warnings follow from the posts). The post ends with the membership.
Result<MemberDetail> add_member_post(db::Connection& c, const Actor& a, std::int64_t person_id,
                                     const std::string& post, const std::string& valid_from);
// The plain ID number or phone of a visible member (field "id_number" or
// "phone"); the caller writes the audit row.
Result<std::string> reveal(db::Connection& c, const Actor& a, const crypto::Pii& pii, std::int64_t person_id,
                           const std::string& field);

struct ListQuery {
  std::string q;                          // a name fragment, or an exact 18-character ID number
  std::string status, education, gender, ethnicity, age_band, sort;
  std::optional<std::int64_t> party_org_id;
  std::optional<bool> mobile;
  bool include_ended = false;
  std::int64_t page = 1, size = 20;       // size 0: every row
};
Result<std::pair<std::vector<MemberRow>, std::int64_t>> list_members(db::Connection& c, const Actor& a,
                                                                     const crypto::Pii& pii, const ListQuery& q);

// ---- transfers (service_transfer.cpp)

// Starts a transfer of a visible member from their party org to another
// live party org in the system (any scope: the receiving side answers).
Result<Transfer> start_transfer(db::Connection& c, const Actor& a, std::int64_t person_id,
                                std::int64_t to_party_org_id, const std::string& date,
                                const std::optional<std::string>& note);
// The receiving side accepts on date: the membership moves (history rows).
Result<Transfer> accept_transfer(db::Connection& c, const Actor& a, std::int64_t id, const std::string& date);
// The receiving side rejects with a reason; the member stays.
Result<Transfer> reject_transfer(db::Connection& c, const Actor& a, std::int64_t id, const std::string& reason,
                                 const std::string& date);
// The sending side withdraws a pending transfer.
Result<Transfer> cancel_transfer(db::Connection& c, const Actor& a, std::int64_t id);
// A member coming from outside the system: registered in a visible party org
// from the date given, with the other side's name and the letter number.
Result<Transfer> record_transfer_in(db::Connection& c, const Actor& a, const crypto::Pii& pii, const MemberInput& in,
                                    const std::string& from_name, const std::optional<std::string>& letter_no);
// A member leaving for outside the system: the membership ends on date.
Result<Transfer> record_transfer_out(db::Connection& c, const Actor& a, std::int64_t person_id,
                                     const std::string& to_name, const std::optional<std::string>& letter_no,
                                     const std::string& date);
Result<Transfer> get_transfer(db::Connection& c, const Actor& a, std::int64_t id);
// Transfers touching the scope (box incoming / outgoing / all; overdue only:
// pending longer than the setting transfer.overdue_days).
std::pair<std::vector<Transfer>, std::int64_t> list_transfers(db::Connection& c, const Actor& a,
                                                              repo::TransferFilter f);

// ---- figures (service_stats.cpp); the scope is already resolved (stats::resolve_scope)

// STATS.md "Members" on d: status, gender, ethnicity, education, age bands,
// length of membership (membership_years: <5, 5–10, 10–20, 20–30, 30+ years
// since admission), and the shares aged ≤ 35, bachelor's or above, college
// or above (rate_json); "figures" names every count a drill-down may open.
boost::json::object member_structure(db::Connection& c, const http::Scope& scope, const std::string& d);
// Flows in (from, to]: transferred_in, transferred_out, admitted, confirmed, deceased, left.
boost::json::object member_flows(db::Connection& c, const http::Scope& scope, const std::string& from,
                                 const std::string& to);
// The members behind a structure figure (members, full, probationary, male,
// female, han, minority, edu_*, age_*, tenure_*) on d, or a flow figure in (from, to];
// 400 for an unknown figure.
Result<boost::json::object> member_records(db::Connection& c, const http::Scope& scope, const std::string& figure,
                                           const std::string& d, const std::string& from, std::int64_t page,
                                           std::int64_t size);

// Orgs in scope whose declared member count exceeds the members recorded
// with that workplace today (未登记党员).
struct UnregisteredOrg {
  std::int64_t org_id = 0;
  std::string org_name, uscc;
  std::int64_t declared = 0, recorded = 0;
};
std::vector<UnregisteredOrg> unregistered_members(db::Connection& c, const Actor& a);

}  // namespace lx::member
