// The member module's SQL: persons, memberships, member_history and
// transfers (migration 006), and the scope filter over them. Nothing else
// writes these tables. A person lies in a scope when their latest membership
// (the open one, or the one that ended last) belongs to a party org in it.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "db/database.hpp"
#include "http/message.hpp"
#include "modules/member/model.hpp"

namespace lx::member::repo {

// What a person row holds, ciphertexts included (never the plain values).
struct PersonRow {
  std::string name, gender, birth_date;
  std::optional<std::string> ethnicity, education;
  std::string id_number_enc, id_number_hash, id_number_mask;
  std::optional<std::string> phone_enc, phone_hash, phone_mask;
  std::optional<std::int64_t> workplace_org_id;
  bool mobile = false;
};

// Row readers and column lists the repo files share: a person's columns
// (kPersonCols, 13, with the workplace name; FROM persons pe LEFT JOIN orgs o)
// and a membership's (11, with the party org name; memberships m JOIN party_orgs p).
Person person_from(const db::Rows& r, std::size_t k, std::size_t at);
Membership membership_from(const db::Rows& r, std::size_t k, std::size_t at);
const char* person_cols();
const char* membership_cols();

// ---- persons (repo.cpp)

std::int64_t insert_person(db::Connection& c, const PersonRow& p);
// Writes every field of the row.
void update_person(db::Connection& c, std::int64_t id, const PersonRow& p);
std::optional<Person> find_person(db::Connection& c, std::int64_t id);
// The stored row of a person (ciphertexts), for updates and reveals.
std::optional<PersonRow> person_row(db::Connection& c, std::int64_t id);
// The person whose ID number has this keyed hash.
std::optional<Person> find_person_by_hash(db::Connection& c, const std::string& id_hash);

// ---- memberships (repo.cpp)

std::int64_t insert_membership(db::Connection& c, const Membership& m);
std::optional<Membership> find_membership(db::Connection& c, std::int64_t id);
// The person's open membership (valid_to IS NULL).
std::optional<Membership> open_membership(db::Connection& c, std::int64_t person_id);
// The person's latest membership: the open one, or the one that ended last.
std::optional<Membership> latest_membership(db::Connection& c, std::int64_t person_id);
// Every membership of the person, oldest first.
std::vector<Membership> memberships_of(db::Connection& c, std::int64_t person_id);
void close_membership(db::Connection& c, std::int64_t id, const std::string& to, const std::string& reason);
void set_confirmed(db::Connection& c, std::int64_t id, const std::string& on);
// Corrects the status and dates of a membership in place (ledger re-import).
void set_membership_facts(db::Connection& c, std::int64_t id, const std::string& status,
                          const std::string& admitted_on, const std::optional<std::string>& confirmed_on);

// ---- history (repo.cpp)

void add_history(db::Connection& c, std::int64_t person_id, const std::string& what,
                 const std::optional<std::string>& old_value, const std::optional<std::string>& new_value,
                 const std::string& on_date, const std::string& by);
std::vector<HistoryEntry> history_of(db::Connection& c, std::int64_t person_id);

// ---- lists and scope (repo_list.cpp)

// A boolean SQL expression over memberships (alias m, party org alias p)
// that holds when the party org lies in the scope.
struct Sql {
  std::string sql;
  db::Params params;
};
Sql member_scope(const http::Scope& s);

// True when the person's latest membership lies in the scope.
bool person_in_scope(db::Connection& c, const http::Scope& s, std::int64_t person_id);

struct ListFilter {
  std::string name;                         // a fragment of the name
  std::string id_hash;                      // exact ID number, by its keyed hash
  std::string status, education, gender, ethnicity;
  std::optional<std::int64_t> party_org_id; // that party org and its subtree
  std::optional<bool> mobile;
  std::optional<std::string> born_after, born_on_or_before;   // age band
  bool include_ended = false;               // members whose latest membership has ended
  std::string sort = "party_org";           // allow-listed by the service
  bool desc = false;
  std::int64_t page = 1, size = 20;         // size 0: every row
};
// Members in scope (person + latest membership) and the total before paging.
std::pair<std::vector<MemberRow>, std::int64_t> list(db::Connection& c, const http::Scope& s, const ListFilter& f);

// Persons with a membership of this party org that counts on d and is full
// on d (confirmed_on <= d): those entitled to vote (R-LIFE-9).
std::vector<MemberRow> full_members_on(db::Connection& c, std::int64_t party_org_id, const std::string& d);

// Every member of the party org on d (full and probationary), by name.
std::vector<MemberRow> members_on(db::Connection& c, std::int64_t party_org_id, const std::string& d);
// Every membership ever held in the party org, oldest first.
std::vector<Membership> memberships_in(db::Connection& c, std::int64_t party_org_id);

// ---- the member behind a user account (repo.cpp; migration 009)

std::optional<std::int64_t> person_of_user(db::Connection& c, std::int64_t user_id);
std::optional<std::int64_t> user_of_person(db::Connection& c, std::int64_t person_id);
// Links the account to the person, replacing the account's earlier link.
void link_user(db::Connection& c, std::int64_t user_id, std::int64_t person_id);
void unlink_user(db::Connection& c, std::int64_t user_id);

// ---- transfers (repo_transfer.cpp)

std::int64_t insert_transfer(db::Connection& c, const Transfer& t);
std::optional<Transfer> find_transfer(db::Connection& c, std::int64_t id);
// A pending transfer of this person, if any.
std::optional<Transfer> pending_transfer_of(db::Connection& c, std::int64_t person_id);
void answer_transfer(db::Connection& c, std::int64_t id, const std::string& status, const std::string& on,
                     const std::optional<std::string>& reason, const std::string& by);

struct TransferFilter {
  std::string box;             // incoming / outgoing / empty: both
  std::string status;          // empty: any
  std::optional<std::int64_t> person_id;
  bool overdue_only = false;
  std::string overdue_before;  // pending and started before this day: overdue
  std::int64_t page = 1, size = 20;
};
// Transfers touching the scope: from or to a party org in it (box narrows to one side).
std::pair<std::vector<Transfer>, std::int64_t> list_transfers(db::Connection& c, const http::Scope& s,
                                                              const TransferFilter& f);
// True when either side of the transfer lies in the scope.
bool transfer_in_scope(db::Connection& c, const http::Scope& s, const Transfer& t, bool receiving_only);

}  // namespace lx::member::repo
