// Persons, memberships and history; see repo.hpp.
#include "modules/member/repo.hpp"

#include "core/time.hpp"
#include "modules/census/collation.hpp"

namespace lx::member::repo {
namespace {

db::Value v(const std::optional<std::string>& s) { return s ? db::Value(*s) : db::Value(nullptr); }
db::Value v(const std::optional<std::int64_t>& i) { return i ? db::Value(*i) : db::Value(nullptr); }

// TODO(census): the workplace name comes from census's orgs table.
constexpr const char* kPersonCols =
    "pe.id, pe.name, pe.gender, pe.ethnicity, pe.birth_date, pe.id_number_mask, pe.education, pe.phone_mask, "
    "pe.workplace_org_id, pe.mobile, pe.created_at, pe.updated_at, o.name";
constexpr const char* kPersonFrom = " FROM persons pe LEFT JOIN orgs o ON o.id = pe.workplace_org_id";

constexpr const char* kMembershipCols =
    "m.id, m.person_id, m.party_org_id, m.status, m.admitted_on, m.confirmed_on, m.valid_from, m.valid_to, "
    "m.start_reason, m.end_reason, p.name";
constexpr const char* kMembershipFrom = " FROM memberships m JOIN party_orgs p ON p.id = m.party_org_id";

std::optional<Membership> one_membership(const db::Rows& r) {
  if (r.empty()) return std::nullopt;
  return membership_from(r, 0, 0);
}

}  // namespace

Person person_from(const db::Rows& r, std::size_t k, std::size_t at) {
  Person p;
  p.id = r.i(k, at + 0);
  p.name = r.s(k, at + 1);
  p.gender = r.s(k, at + 2);
  p.ethnicity = r.opt_s(k, at + 3);
  p.birth_date = r.s(k, at + 4);
  p.id_number_mask = r.s(k, at + 5);
  p.education = r.opt_s(k, at + 6);
  p.phone_mask = r.opt_s(k, at + 7);
  p.workplace_org_id = r.opt_i(k, at + 8);
  p.mobile = r.i(k, at + 9) != 0;
  p.created_at = r.s(k, at + 10);
  p.updated_at = r.s(k, at + 11);
  p.workplace_org_name = r.s(k, at + 12);
  return p;
}

Membership membership_from(const db::Rows& r, std::size_t k, std::size_t at) {
  Membership m;
  m.id = r.i(k, at + 0);
  m.person_id = r.i(k, at + 1);
  m.party_org_id = r.i(k, at + 2);
  m.status = r.s(k, at + 3);
  m.admitted_on = r.s(k, at + 4);
  m.confirmed_on = r.opt_s(k, at + 5);
  m.valid_from = r.s(k, at + 6);
  m.valid_to = r.opt_s(k, at + 7);
  m.start_reason = r.s(k, at + 8);
  m.end_reason = r.opt_s(k, at + 9);
  m.party_org_name = r.s(k, at + 10);
  return m;
}

const char* person_cols() { return kPersonCols; }
const char* membership_cols() { return kMembershipCols; }

std::int64_t insert_person(db::Connection& c, const PersonRow& p) {
  const std::string now = core::now_iso();
  return c
      .query("INSERT INTO persons (name, gender, ethnicity, birth_date, id_number_enc, id_number_hash, "
             "id_number_mask, education, phone_enc, phone_hash, phone_mask, workplace_org_id, mobile, name_sort, "
             "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
             {p.name, p.gender, v(p.ethnicity), p.birth_date, p.id_number_enc, p.id_number_hash, p.id_number_mask,
              v(p.education), v(p.phone_enc), v(p.phone_hash), v(p.phone_mask), v(p.workplace_org_id),
              std::int64_t{p.mobile ? 1 : 0}, census::pinyin_sort_key(p.name), now, now})
      .i(0, 0);
}

void update_person(db::Connection& c, std::int64_t id, const PersonRow& p) {
  c.exec("UPDATE persons SET name = ?, gender = ?, ethnicity = ?, birth_date = ?, id_number_enc = ?, "
         "id_number_hash = ?, id_number_mask = ?, education = ?, phone_enc = ?, phone_hash = ?, phone_mask = ?, "
         "workplace_org_id = ?, mobile = ?, name_sort = ?, updated_at = ? WHERE id = ?",
         {p.name, p.gender, v(p.ethnicity), p.birth_date, p.id_number_enc, p.id_number_hash, p.id_number_mask,
          v(p.education), v(p.phone_enc), v(p.phone_hash), v(p.phone_mask), v(p.workplace_org_id),
          std::int64_t{p.mobile ? 1 : 0}, census::pinyin_sort_key(p.name), core::now_iso(), id});
}

std::optional<Person> find_person(db::Connection& c, std::int64_t id) {
  auto r = c.query(std::string("SELECT ") + kPersonCols + kPersonFrom + " WHERE pe.id = ?", {id});
  if (r.empty()) return std::nullopt;
  return person_from(r, 0, 0);
}

std::optional<PersonRow> person_row(db::Connection& c, std::int64_t id) {
  auto r = c.query("SELECT name, gender, ethnicity, birth_date, id_number_enc, id_number_hash, id_number_mask, "
                   "education, phone_enc, phone_hash, phone_mask, workplace_org_id, mobile FROM persons WHERE id = ?",
                   {id});
  if (r.empty()) return std::nullopt;
  PersonRow p;
  p.name = r.s(0, 0);
  p.gender = r.s(0, 1);
  p.ethnicity = r.opt_s(0, 2);
  p.birth_date = r.s(0, 3);
  p.id_number_enc = r.s(0, 4);
  p.id_number_hash = r.s(0, 5);
  p.id_number_mask = r.s(0, 6);
  p.education = r.opt_s(0, 7);
  p.phone_enc = r.opt_s(0, 8);
  p.phone_hash = r.opt_s(0, 9);
  p.phone_mask = r.opt_s(0, 10);
  p.workplace_org_id = r.opt_i(0, 11);
  p.mobile = r.i(0, 12) != 0;
  return p;
}

std::optional<Person> find_person_by_hash(db::Connection& c, const std::string& id_hash) {
  auto r = c.query(std::string("SELECT ") + kPersonCols + kPersonFrom + " WHERE pe.id_number_hash = ?", {id_hash});
  if (r.empty()) return std::nullopt;
  return person_from(r, 0, 0);
}

std::int64_t insert_membership(db::Connection& c, const Membership& m) {
  const std::string now = core::now_iso();
  return c
      .query("INSERT INTO memberships (person_id, party_org_id, status, admitted_on, confirmed_on, valid_from, "
             "valid_to, start_reason, end_reason, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
             "RETURNING id",
             {m.person_id, m.party_org_id, m.status, m.admitted_on, v(m.confirmed_on), m.valid_from, v(m.valid_to),
              m.start_reason, v(m.end_reason), now, now})
      .i(0, 0);
}

std::optional<Membership> find_membership(db::Connection& c, std::int64_t id) {
  return one_membership(c.query(std::string("SELECT ") + kMembershipCols + kMembershipFrom + " WHERE m.id = ?", {id}));
}

std::optional<Membership> open_membership(db::Connection& c, std::int64_t person_id) {
  return one_membership(c.query(
      std::string("SELECT ") + kMembershipCols + kMembershipFrom + " WHERE m.person_id = ? AND m.valid_to IS NULL",
      {person_id}));
}

std::optional<Membership> latest_membership(db::Connection& c, std::int64_t person_id) {
  return one_membership(c.query(std::string("SELECT ") + kMembershipCols + kMembershipFrom +
                                    " WHERE m.person_id = ? ORDER BY m.id DESC LIMIT 1",
                                {person_id}));
}

std::vector<Membership> memberships_of(db::Connection& c, std::int64_t person_id) {
  auto r = c.query(std::string("SELECT ") + kMembershipCols + kMembershipFrom + " WHERE m.person_id = ? ORDER BY m.id",
                   {person_id});
  std::vector<Membership> out;
  for (std::size_t k = 0; k < r.size(); ++k) out.push_back(membership_from(r, k, 0));
  return out;
}

void close_membership(db::Connection& c, std::int64_t id, const std::string& to, const std::string& reason) {
  c.exec("UPDATE memberships SET valid_to = ?, end_reason = ?, updated_at = ? WHERE id = ?",
         {to, reason, core::now_iso(), id});
}

void set_confirmed(db::Connection& c, std::int64_t id, const std::string& on) {
  c.exec("UPDATE memberships SET status = 'full', confirmed_on = ?, updated_at = ? WHERE id = ?",
         {on, core::now_iso(), id});
}

void set_membership_facts(db::Connection& c, std::int64_t id, const std::string& status,
                          const std::string& admitted_on, const std::optional<std::string>& confirmed_on) {
  c.exec("UPDATE memberships SET status = ?, admitted_on = ?, confirmed_on = ?, updated_at = ? WHERE id = ?",
         {status, admitted_on, v(confirmed_on), core::now_iso(), id});
}

void add_history(db::Connection& c, std::int64_t person_id, const std::string& what,
                 const std::optional<std::string>& old_value, const std::optional<std::string>& new_value,
                 const std::string& on_date, const std::string& by) {
  c.exec("INSERT INTO member_history (person_id, what, old_value, new_value, on_date, by_login, at) "
         "VALUES (?, ?, ?, ?, ?, ?, ?)",
         {person_id, what, v(old_value), v(new_value), on_date, by, core::now_iso()});
}

std::vector<HistoryEntry> history_of(db::Connection& c, std::int64_t person_id) {
  auto r = c.query("SELECT id, person_id, what, old_value, new_value, on_date, by_login, at FROM member_history "
                   "WHERE person_id = ? ORDER BY id",
                   {person_id});
  std::vector<HistoryEntry> out;
  for (std::size_t k = 0; k < r.size(); ++k)
    out.push_back({r.i(k, 0), r.i(k, 1), r.s(k, 2), r.opt_s(k, 3), r.opt_s(k, 4), r.s(k, 5), r.s(k, 6), r.s(k, 7)});
  return out;
}

std::optional<std::int64_t> person_of_user(db::Connection& c, std::int64_t user_id) {
  return c.scalar_int("SELECT person_id FROM member_users WHERE user_id = ?", {user_id});
}

std::optional<std::int64_t> user_of_person(db::Connection& c, std::int64_t person_id) {
  return c.scalar_int("SELECT user_id FROM member_users WHERE person_id = ?", {person_id});
}

void link_user(db::Connection& c, std::int64_t user_id, std::int64_t person_id) {
  c.exec("DELETE FROM member_users WHERE user_id = ?", {user_id});
  c.exec("INSERT INTO member_users (user_id, person_id, created_at) VALUES (?, ?, ?)",
         {user_id, person_id, core::now_iso()});
}

void unlink_user(db::Connection& c, std::int64_t user_id) {
  c.exec("DELETE FROM member_users WHERE user_id = ?", {user_id});
}

}  // namespace lx::member::repo
