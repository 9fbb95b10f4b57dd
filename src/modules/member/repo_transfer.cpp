// Transfers (组织关系转接); see repo.hpp.
#include "core/time.hpp"
#include "modules/member/repo.hpp"
#include "modules/partyorg/repo.hpp"

namespace lx::member::repo {
namespace {

db::Value v(const std::optional<std::string>& s) { return s ? db::Value(*s) : db::Value(nullptr); }
db::Value v(const std::optional<std::int64_t>& i) { return i ? db::Value(*i) : db::Value(nullptr); }

constexpr const char* kCols =
    "t.id, t.person_id, pe.name, t.kind, t.from_party_org_id, t.to_party_org_id, pf.name, pt.name, "
    "t.external_name, t.letter_no, t.status, t.started_on, t.answered_on, t.reason, t.note, t.started_by, "
    "t.answered_by";
constexpr const char* kFrom =
    " FROM transfers t JOIN persons pe ON pe.id = t.person_id LEFT JOIN party_orgs pf ON pf.id = "
    "t.from_party_org_id LEFT JOIN party_orgs pt ON pt.id = t.to_party_org_id";

Transfer from_row(const db::Rows& r, std::size_t k) {
  Transfer t;
  t.id = r.i(k, 0);
  t.person_id = r.i(k, 1);
  t.person_name = r.s(k, 2);
  t.kind = r.s(k, 3);
  t.from_party_org_id = r.opt_i(k, 4);
  t.to_party_org_id = r.opt_i(k, 5);
  t.from_party_org_name = r.s(k, 6);
  t.to_party_org_name = r.s(k, 7);
  t.external_name = r.opt_s(k, 8);
  t.letter_no = r.opt_s(k, 9);
  t.status = r.s(k, 10);
  t.started_on = r.s(k, 11);
  t.answered_on = r.opt_s(k, 12);
  t.reason = r.opt_s(k, 13);
  t.note = r.opt_s(k, 14);
  t.started_by = r.s(k, 15);
  t.answered_by = r.opt_s(k, 16);
  return t;
}

// The scope filter on one side's party org (alias pf or pt).
Sql side(const http::Scope& s, const std::string& alias) {
  auto sc = partyorg::repo::party_org_scope(s, alias);
  return {sc.sql, sc.params};
}

}  // namespace

std::int64_t insert_transfer(db::Connection& c, const Transfer& t) {
  const std::string now = core::now_iso();
  return c
      .query("INSERT INTO transfers (person_id, kind, from_party_org_id, to_party_org_id, external_name, letter_no, "
             "status, started_on, answered_on, reason, note, started_by, answered_by, created_at, updated_at) "
             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
             {t.person_id, t.kind, v(t.from_party_org_id), v(t.to_party_org_id), v(t.external_name), v(t.letter_no),
              t.status, t.started_on, v(t.answered_on), v(t.reason), v(t.note), t.started_by, v(t.answered_by), now,
              now})
      .i(0, 0);
}

std::optional<Transfer> find_transfer(db::Connection& c, std::int64_t id) {
  auto r = c.query(std::string("SELECT ") + kCols + kFrom + " WHERE t.id = ?", {id});
  if (r.empty()) return std::nullopt;
  return from_row(r, 0);
}

std::optional<Transfer> pending_transfer_of(db::Connection& c, std::int64_t person_id) {
  auto r = c.query(std::string("SELECT ") + kCols + kFrom + " WHERE t.person_id = ? AND t.status = 'pending'",
                   {person_id});
  if (r.empty()) return std::nullopt;
  return from_row(r, 0);
}

void answer_transfer(db::Connection& c, std::int64_t id, const std::string& status, const std::string& on,
                     const std::optional<std::string>& reason, const std::string& by) {
  c.exec("UPDATE transfers SET status = ?, answered_on = ?, reason = ?, answered_by = ?, updated_at = ? WHERE id = ?",
         {status, on, v(reason), by, core::now_iso(), id});
}

std::pair<std::vector<Transfer>, std::int64_t> list_transfers(db::Connection& c, const http::Scope& s,
                                                              const TransferFilter& f) {
  Sql in = side(s, "pt"), out = side(s, "pf");
  std::string where;
  db::Params p;
  if (f.box == "incoming") {
    where = " WHERE t.to_party_org_id IS NOT NULL AND " + in.sql;
    p = in.params;
  } else if (f.box == "outgoing") {
    where = " WHERE t.from_party_org_id IS NOT NULL AND " + out.sql;
    p = out.params;
  } else {
    where = " WHERE ((t.to_party_org_id IS NOT NULL AND " + in.sql + ") OR (t.from_party_org_id IS NOT NULL AND " +
            out.sql + "))";
    p = in.params;
    p.insert(p.end(), out.params.begin(), out.params.end());
  }
  if (!f.status.empty()) {
    where += " AND t.status = ?";
    p.push_back(f.status);
  }
  if (f.person_id) {
    where += " AND t.person_id = ?";
    p.push_back(*f.person_id);
  }
  if (f.overdue_only) {
    where += " AND t.status = 'pending' AND t.started_on < ?";
    p.push_back(f.overdue_before);
  }
  const std::int64_t total = c.scalar_int("SELECT COUNT(*)" + std::string(kFrom) + where, p).value_or(0);
  std::string sql = std::string("SELECT ") + kCols + kFrom + where + " ORDER BY t.started_on DESC, t.id DESC";
  if (f.size > 0) {
    sql += " LIMIT ? OFFSET ?";
    p.push_back(f.size);
    p.push_back((f.page - 1) * f.size);
  }
  auto r = c.query(sql, p);
  std::vector<Transfer> items;
  for (std::size_t k = 0; k < r.size(); ++k) {
    items.push_back(from_row(r, k));
    if (!f.overdue_before.empty())
      items.back().overdue = items.back().status == "pending" && items.back().started_on < f.overdue_before;
  }
  return {std::move(items), total};
}

bool transfer_in_scope(db::Connection& c, const http::Scope& s, const Transfer& t, bool receiving_only) {
  const auto visible = [&](const std::optional<std::int64_t>& id) {
    return id && partyorg::repo::find_in_scope(c, s, *id).has_value();
  };
  if (receiving_only) return visible(t.to_party_org_id);
  return visible(t.to_party_org_id) || visible(t.from_party_org_id);
}

}  // namespace lx::member::repo
