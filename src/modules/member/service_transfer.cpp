// Transfers of organisational relations (组织关系转接); see service.hpp.
#include "core/dates.hpp"
#include "core/text.hpp"
#include "modules/member/service.hpp"
#include "modules/member/service_util.hpp"
#include "modules/partyorg/repo.hpp"
#include "modules/partyorg/service_util.hpp"
#include "modules/settings/service.hpp"

namespace lx::member {
namespace {

using detail::not_found;
using partyorg::detail::date_field;

Error conflict(const std::string& code, const std::string& message, const std::string& field = {}) {
  return make_error(code, message, field, 409);
}

// Pending for more than transfer.overdue_days days: started before this day.
std::string overdue_before(db::Connection& c) {
  const auto days = settings::get_int(c, "transfer.overdue_days");
  return core::to_iso(core::add_days(core::today_shanghai(), -days));
}

Transfer with_overdue(db::Connection& c, Transfer t) {
  t.overdue = t.status == "pending" && t.started_on < overdue_before(c);
  return t;
}

// Free text (a reason, a note): trimmed, kept as typed (Chinese punctuation stays), 1..max characters.
Result<std::string> free_text(const std::string& raw, const std::string& field, const std::string& label,
                              std::size_t max) {
  std::string s = core::trim(raw);
  if (s.empty()) return make_error("required", "请填写" + label, field);
  if (core::utf8_length(s) > max)
    return make_error("too_long", label + "不能超过" + std::to_string(max) + "个字", field);
  return s;
}

Result<std::optional<std::string>> letter(const std::optional<std::string>& raw) {
  if (!raw || core::trim(*raw).empty()) return std::optional<std::string>{};
  auto t = partyorg::detail::text_field(*raw, "letter_no", "介绍信编号", 50);
  if (!t) return t.error();
  return std::optional<std::string>(*t);
}

// A pending transfer the actor answers as its receiving side: 404 when
// neither side is visible, 403 (own code) when only the sending side is.
Result<Transfer> pending_for_receiver(db::Connection& c, const Actor& a, std::int64_t id) {
  auto t = repo::find_transfer(c, id);
  if (!t || !repo::transfer_in_scope(c, a.scope, *t, false)) return not_found();
  if (!repo::transfer_in_scope(c, a.scope, *t, true))
    return make_error("not_receiver", "只有接收方党组织可以接收或退回该转接", "", 403);
  if (t->status != "pending") return conflict("answered", "该转接已办结，不能再次答复");
  return *t;
}

}  // namespace

Result<Transfer> start_transfer(db::Connection& c, const Actor& a, std::int64_t person_id,
                                std::int64_t to_party_org_id, const std::string& date,
                                const std::optional<std::string>& note) {
  if (!repo::person_in_scope(c, a.scope, person_id)) return not_found();
  auto on = date_field(date, "started_on", "转出日期");
  if (!on) return on.error();
  auto m = repo::open_membership(c, person_id);
  if (!m) return conflict("not_member", "此人目前不是党员，不能转接组织关系", "person_id");
  if (repo::pending_transfer_of(c, person_id))
    return conflict("transfer_pending", "此人已有一笔待接收的组织关系转接", "person_id");
  if (to_party_org_id == m->party_org_id)
    return make_error("invalid_value", "接收党组织与当前所在党组织相同", "to_party_org_id");
  auto to = detail::membership_party_org(c, to_party_org_id, *on, "to_party_org_id");
  if (!to) return to.error();
  if (*on < m->valid_from)
    return make_error("invalid_date", "转出日期不能早于转入本党组织的日期（" + m->valid_from + "）", "started_on");
  Transfer t;
  t.person_id = person_id;
  t.kind = "internal";
  t.from_party_org_id = m->party_org_id;
  t.to_party_org_id = to_party_org_id;
  t.status = "pending";
  t.started_on = *on;
  if (note && !core::trim(*note).empty()) {
    auto n = free_text(*note, "note", "备注", 500);
    if (!n) return n.error();
    t.note = *n;
  }
  t.started_by = a.login;
  const std::int64_t id = repo::insert_transfer(c, t);
  repo::add_history(c, person_id, "transfer_started", m->party_org_name, to->name, *on, a.login);
  return with_overdue(c, *repo::find_transfer(c, id));
}

Result<Transfer> accept_transfer(db::Connection& c, const Actor& a, std::int64_t id, const std::string& date) {
  auto t = pending_for_receiver(c, a, id);
  if (!t) return t.error();
  auto on = date_field(date, "date", "接收日期");
  if (!on) return on.error();
  if (*on < t->started_on)
    return make_error("invalid_date", "接收日期不能早于转出日期（" + t->started_on + "）", "date");
  auto m = repo::open_membership(c, t->person_id);
  if (!m || m->party_org_id != *t->from_party_org_id)
    return conflict("stale", "该党员的组织关系已发生变化，请转出方撤回后重新发起");
  auto to = detail::membership_party_org(c, *t->to_party_org_id, *on, "to_party_org_id");
  if (!to) return to.error();
  detail::close_membership(c, *m, *on, "transfer");
  Membership next = *m;
  next.party_org_id = *t->to_party_org_id;
  next.valid_from = *on;
  next.valid_to.reset();
  next.start_reason = "transfer";
  next.end_reason.reset();
  repo::insert_membership(c, next);
  repo::answer_transfer(c, id, "accepted", *on, std::nullopt, a.login);
  repo::add_history(c, t->person_id, "party_org", m->party_org_name, to->name, *on, a.login);
  return with_overdue(c, *repo::find_transfer(c, id));
}

Result<Transfer> reject_transfer(db::Connection& c, const Actor& a, std::int64_t id, const std::string& reason,
                                 const std::string& date) {
  auto t = pending_for_receiver(c, a, id);
  if (!t) return t.error();
  auto why = free_text(reason, "reason", "退回原因", 500);
  if (!why) return why.error();
  auto on = date_field(date, "date", "退回日期");
  if (!on) return on.error();
  if (*on < t->started_on)
    return make_error("invalid_date", "退回日期不能早于转出日期（" + t->started_on + "）", "date");
  repo::answer_transfer(c, id, "rejected", *on, *why, a.login);
  repo::add_history(c, t->person_id, "transfer_rejected", t->to_party_org_name, *why, *on, a.login);
  return with_overdue(c, *repo::find_transfer(c, id));
}

Result<Transfer> cancel_transfer(db::Connection& c, const Actor& a, std::int64_t id) {
  auto t = repo::find_transfer(c, id);
  if (!t || !repo::transfer_in_scope(c, a.scope, *t, false)) return not_found();
  if (!t->from_party_org_id || !partyorg::repo::find_in_scope(c, a.scope, *t->from_party_org_id))
    return make_error("not_sender", "只有转出方党组织可以撤回该转接", "", 403);
  if (t->status != "pending") return conflict("answered", "该转接已办结，不能撤回");
  repo::answer_transfer(c, id, "cancelled", today(), std::nullopt, a.login);
  repo::add_history(c, t->person_id, "transfer_cancelled", t->to_party_org_name, std::nullopt, today(), a.login);
  return with_overdue(c, *repo::find_transfer(c, id));
}

Result<Transfer> record_transfer_in(db::Connection& c, const Actor& a, const crypto::Pii& pii, const MemberInput& in,
                                    const std::string& from_name, const std::optional<std::string>& letter_no) {
  auto other = partyorg::detail::text_field(from_name, "from_name", "转出单位（原党组织）名称", 100);
  if (!other) return other.error();
  auto no = letter(letter_no);
  if (!no) return no.error();
  if (!in.valid_from) return make_error("required", "请填写转入日期", "valid_from");
  auto row = detail::person_row(c, a, pii, std::nullopt, in.person);
  if (!row) return row.error();
  auto m = detail::membership_of_input(c, a, in, "transfer_in");
  if (!m) return m.error();
  std::int64_t person_id = 0;
  if (auto existing = repo::find_person_by_hash(c, row->id_number_hash)) {
    // A person known here (an applicant, or a member who left) comes back.
    if (repo::open_membership(c, existing->id)) return detail::duplicate_id(c, *existing);
    person_id = existing->id;
    if (auto last = repo::latest_membership(c, person_id); last && last->valid_to && m->valid_from < *last->valid_to)
      return make_error("invalid_date", "转入日期不能早于上次组织关系终止日期（" + *last->valid_to + "）", "valid_from");
    auto before = repo::person_row(c, person_id);
    auto merged = detail::person_row(c, a, pii, before, in.person);
    if (!merged) return merged.error();
    repo::update_person(c, person_id, *merged);
    detail::history_of_changes(c, person_id, *before, *merged, m->valid_from, a.login);
  } else {
    person_id = repo::insert_person(c, *row);
  }
  m->person_id = person_id;
  repo::insert_membership(c, *m);
  Transfer t;
  t.person_id = person_id;
  t.kind = "in";
  t.to_party_org_id = m->party_org_id;
  t.external_name = *other;
  t.letter_no = *no;
  t.status = "done";
  t.started_on = m->valid_from;
  t.answered_on = m->valid_from;
  t.started_by = a.login;
  t.answered_by = a.login;
  const std::int64_t id = repo::insert_transfer(c, t);
  auto to = partyorg::repo::find(c, m->party_org_id);
  repo::add_history(c, person_id, "transfer_in", *other, to->name, m->valid_from, a.login);
  return with_overdue(c, *repo::find_transfer(c, id));
}

Result<Transfer> record_transfer_out(db::Connection& c, const Actor& a, std::int64_t person_id,
                                     const std::string& to_name, const std::optional<std::string>& letter_no,
                                     const std::string& date) {
  if (!repo::person_in_scope(c, a.scope, person_id)) return not_found();
  auto other = partyorg::detail::text_field(to_name, "to_name", "接收单位（党组织）名称", 100);
  if (!other) return other.error();
  auto no = letter(letter_no);
  if (!no) return no.error();
  auto on = date_field(date, "date", "转出日期");
  if (!on) return on.error();
  auto m = repo::open_membership(c, person_id);
  if (!m) return conflict("not_member", "此人目前不是党员，不能转出组织关系", "person_id");
  if (repo::pending_transfer_of(c, person_id))
    return conflict("transfer_pending", "此人已有一笔待接收的组织关系转接，请先撤回", "person_id");
  if (*on < m->valid_from)
    return make_error("invalid_date", "转出日期不能早于转入本党组织的日期（" + m->valid_from + "）", "date");
  detail::close_membership(c, *m, *on, "transfer_out");
  Transfer t;
  t.person_id = person_id;
  t.kind = "out";
  t.from_party_org_id = m->party_org_id;
  t.external_name = *other;
  t.letter_no = *no;
  t.status = "done";
  t.started_on = *on;
  t.answered_on = *on;
  t.started_by = a.login;
  t.answered_by = a.login;
  const std::int64_t id = repo::insert_transfer(c, t);
  repo::add_history(c, person_id, "transfer_out", m->party_org_name, *other, *on, a.login);
  return with_overdue(c, *repo::find_transfer(c, id));
}

Result<Transfer> get_transfer(db::Connection& c, const Actor& a, std::int64_t id) {
  auto t = repo::find_transfer(c, id);
  if (!t || !repo::transfer_in_scope(c, a.scope, *t, false)) return not_found();
  return with_overdue(c, *t);
}

std::pair<std::vector<Transfer>, std::int64_t> list_transfers(db::Connection& c, const Actor& a,
                                                              repo::TransferFilter f) {
  f.overdue_before = overdue_before(c);
  return repo::list_transfers(c, a.scope, f);
}

}  // namespace lx::member
