// Member records as the API and the ledger see them: register, read, edit,
// confirm, end, reveal, list; see service.hpp.
#include "core/ids.hpp"
#include "core/text.hpp"
#include "modules/member/rules.hpp"
#include "modules/member/service.hpp"
#include "modules/member/service_util.hpp"
#include "modules/partyorg/repo.hpp"
#include "modules/partyorg/service.hpp"
#include "modules/partyorg/rules.hpp"
#include "modules/partyorg/service_util.hpp"

namespace lx::member {
namespace {

using detail::not_found;
using partyorg::detail::date_field;

Result<MemberDetail> detail_of(db::Connection& c, std::int64_t person_id) {
  auto p = repo::find_person(c, person_id);
  if (!p) return not_found();
  MemberDetail d;
  d.person = *p;
  d.memberships = repo::memberships_of(c, person_id);
  if (!d.memberships.empty()) d.membership = d.memberships.back();
  d.history = repo::history_of(c, person_id);
  repo::TransferFilter f;
  f.person_id = person_id;
  f.size = 0;
  d.transfers = repo::list_transfers(c, http::Scope{}, f).first;
  d.posts = partyorg::posts_of_person(c, person_id, today());
  d.user_id = repo::user_of_person(c, person_id);
  return d;
}

bool visible(db::Connection& c, const Actor& a, std::int64_t person_id) {
  return repo::person_in_scope(c, a.scope, person_id);
}

}  // namespace

namespace detail {

// The membership of a member registered as such; checks status and dates.
Result<Membership> membership_of_input(db::Connection& c, const Actor& a, const MemberInput& in,
                                       const std::string& start_reason) {
  Membership m;
  auto status = parse_status(in.status);
  if (!status) return make_error("invalid_value", "人员类别应为正式党员或预备党员", "status");
  m.status = *status;
  auto admitted = date_field(in.admitted_on, "admitted_on", "入党日期");
  if (!admitted) return admitted.error();
  const std::string day = today();
  if (*admitted > day) return make_error("invalid_date", "入党日期不能晚于今天", "admitted_on");
  m.admitted_on = *admitted;
  if (in.confirmed_on) {
    if (m.status == "probationary")
      return make_error("invalid_value", "预备党员没有转正日期；已转正的请把人员类别填为正式党员", "confirmed_on");
    auto conf = date_field(*in.confirmed_on, "confirmed_on", "转正日期");
    if (!conf) return conf.error();
    if (*conf <= m.admitted_on)
      return make_error("invalid_date", "转正日期应晚于入党日期（" + m.admitted_on + "）", "confirmed_on");
    if (*conf > day) return make_error("invalid_date", "转正日期不能晚于今天", "confirmed_on");
    m.confirmed_on = *conf;
  }
  m.valid_from = m.admitted_on;
  if (in.valid_from) {
    auto from = date_field(*in.valid_from, "valid_from", "转入日期");
    if (!from) return from.error();
    if (*from < m.admitted_on)
      return make_error("invalid_date", "转入日期不能早于入党日期（" + m.admitted_on + "）", "valid_from");
    if (*from > day) return make_error("invalid_date", "转入日期不能晚于今天", "valid_from");
    m.valid_from = *from;
  }
  if (!partyorg::repo::find_in_scope(c, a.scope, in.party_org_id))
    return make_error("invalid_value", "党组织不存在", "party_org_id");
  // A member whose records begin before the party org existed counts from its founding.
  auto po = partyorg::repo::find(c, in.party_org_id);
  if (m.valid_from < po->founded_on) m.valid_from = po->founded_on;
  if (m.valid_from > day) m.valid_from = day;
  auto p = membership_party_org(c, in.party_org_id, m.valid_from, "party_org_id");
  if (!p) return p.error();
  m.party_org_id = in.party_org_id;
  m.start_reason = start_reason;
  return m;
}

}  // namespace detail

Result<MemberDetail> create_member(db::Connection& c, const Actor& a, const crypto::Pii& pii, const MemberInput& in) {
  auto row = detail::person_row(c, a, pii, std::nullopt, in.person);
  if (!row) return row.error();
  if (auto existing = repo::find_person_by_hash(c, row->id_number_hash)) return detail::duplicate_id(c, *existing);
  auto m = detail::membership_of_input(c, a, in, "registered");
  if (!m) return m.error();
  const std::int64_t id = repo::insert_person(c, *row);
  m->person_id = id;
  repo::insert_membership(c, *m);
  repo::add_history(c, id, "registered", std::nullopt,
                    m->party_org_name.empty() ? partyorg::repo::find(c, m->party_org_id)->name : m->party_org_name,
                    m->valid_from, a.login);
  return detail_of(c, id);
}

Result<MemberDetail> get_member(db::Connection& c, const Actor& a, std::int64_t person_id) {
  if (!visible(c, a, person_id)) return not_found();
  return detail_of(c, person_id);
}

Result<MemberDetail> update_member(db::Connection& c, const Actor& a, const crypto::Pii& pii, std::int64_t person_id,
                                   const PersonInput& in) {
  if (!visible(c, a, person_id)) return not_found();
  auto before = repo::person_row(c, person_id);
  auto row = detail::person_row(c, a, pii, before, in);
  if (!row) return row.error();
  if (row->id_number_hash != before->id_number_hash)
    if (auto existing = repo::find_person_by_hash(c, row->id_number_hash)) return detail::duplicate_id(c, *existing);
  repo::update_person(c, person_id, *row);
  detail::history_of_changes(c, person_id, *before, *row, today(), a.login);
  return detail_of(c, person_id);
}

Result<MemberDetail> confirm_member(db::Connection& c, const Actor& a, std::int64_t person_id, const std::string& date) {
  if (!visible(c, a, person_id)) return not_found();
  auto m = confirm_full(c, person_id, date, a.login);
  if (!m) return m.error();
  return detail_of(c, person_id);
}

Result<MemberDetail> link_account(db::Connection& c, const Actor& a, std::int64_t person_id,
                                  std::optional<std::int64_t> user_id) {
  if (!visible(c, a, person_id)) return not_found();
  if (!user_id) {
    if (auto u = repo::user_of_person(c, person_id)) repo::unlink_user(c, *u);
    return detail_of(c, person_id);
  }
  if (auto other = repo::user_of_person(c, person_id); other && *other != *user_id)
    return make_error("duplicate", "该党员已关联其他账号，请先解除", "user_id", 409);
  repo::link_user(c, *user_id, person_id);
  return detail_of(c, person_id);
}

Result<MemberDetail> add_member_post(db::Connection& c, const Actor& a, std::int64_t person_id,
                                     const std::string& post, const std::string& valid_from) {
  if (!visible(c, a, person_id)) return not_found();
  auto m = repo::open_membership(c, person_id);
  if (!m) return make_error("not_member", "此人目前不是党员，不能任职", "person_id", 409);
  auto from = date_field(valid_from, "valid_from", "任职开始日期");
  if (!from) return from.error();
  if (*from < m->valid_from)
    return make_error("invalid_date", "任职开始日期不能早于其在本党组织的组织关系开始日期（" + m->valid_from + "）",
                      "valid_from");
  auto p = repo::find_person(c, person_id);
  partyorg::PostInput in{post, p->name, *from, std::nullopt, person_id};
  auto added = partyorg::add_post(c, partyorg::Actor{a.role, a.scope}, m->party_org_id, in);
  if (!added) return added.error();
  repo::add_history(c, person_id, "post", std::nullopt,
                    m->party_org_name + std::string(partyorg::post_name(added->post)), *from, a.login);
  return detail_of(c, person_id);
}

Result<MemberDetail> end_member(db::Connection& c, const Actor& a, std::int64_t person_id, const std::string& date,
                                const std::string& reason) {
  if (!visible(c, a, person_id)) return not_found();
  auto m = end_membership(c, person_id, date, reason, a.login);
  if (!m) return m.error();
  return detail_of(c, person_id);
}

Result<std::string> reveal(db::Connection& c, const Actor& a, const crypto::Pii& pii, std::int64_t person_id,
                           const std::string& field) {
  if (field != "id_number" && field != "phone")
    return make_error("invalid_value", "只能查看身份证号（id_number）或手机号码（phone）", "field");
  if (!visible(c, a, person_id)) return not_found();
  auto row = repo::person_row(c, person_id);
  const std::optional<std::string> sealed = field == "id_number" ? std::optional(row->id_number_enc) : row->phone_enc;
  if (!sealed) return make_error("not_found", "未登记手机号码", "field", 404);
  auto plain = pii.decrypt(*sealed);
  if (!plain) return make_error("pii_key", "无法解密：密钥文件与数据库不匹配，请联系系统管理员", "", 500);
  return *plain;
}

Result<std::pair<std::vector<MemberRow>, std::int64_t>> list_members(db::Connection& c, const Actor& a,
                                                                     const crypto::Pii& pii, const ListQuery& q) {
  repo::ListFilter f;
  const std::string term = core::normalize_cell(q.q);
  if (!term.empty()) {
    // An exact ID number is searched through its keyed hash; anything else is a name fragment.
    if (auto info = core::check_id_number(term)) f.id_hash = pii.lookup_hash(info->id);
    else f.name = term;
  }
  if (!q.status.empty()) {
    auto s = parse_status(q.status);
    if (!s) return make_error("invalid_value", "参数 status 应为 full 或 probationary", "status");
    f.status = *s;
  }
  if (!q.education.empty()) {
    auto e = parse_education(q.education);
    if (!e) return make_error("invalid_value", "参数 education 无效", "education");
    f.education = *e;
  }
  if (!q.gender.empty()) {
    auto g = parse_gender(q.gender);
    if (!g) return make_error("invalid_value", "参数 gender 应为 male 或 female", "gender");
    f.gender = *g;
  }
  if (!q.ethnicity.empty()) {
    auto e = parse_ethnicity(q.ethnicity);
    if (!e) return make_error("invalid_value", "参数 ethnicity 应为56个民族之一", "ethnicity");
    f.ethnicity = *e;
  }
  if (!q.age_band.empty()) {
    auto r = age_band_range(q.age_band, core::today_shanghai());
    if (!r) return make_error("invalid_value", "参数 age_band 应为 le35、36_45、46_55、56_60 或 61_plus", "age_band");
    if (r->born_after) f.born_after = core::to_iso(*r->born_after);
    if (r->born_on_or_before) f.born_on_or_before = core::to_iso(*r->born_on_or_before);
  }
  if (!q.sort.empty()) {
    std::string s = q.sort;
    if (s.front() == '-') {
      f.desc = true;
      s.erase(0, 1);
    }
    if (s != "name" && s != "admitted_on" && s != "birth_date" && s != "party_org" && s != "id")
      return make_error("invalid_value", "参数 sort 应为 name、admitted_on、birth_date、party_org 或 id（前加 - 为倒序）",
                        "sort");
    f.sort = s;
  }
  f.party_org_id = q.party_org_id;
  f.mobile = q.mobile;
  f.include_ended = q.include_ended;
  f.page = q.page;
  f.size = q.size;
  // A party org outside the scope selects nothing, as a missing one would.
  if (f.party_org_id && !partyorg::repo::find_in_scope(c, a.scope, *f.party_org_id))
    return std::pair<std::vector<MemberRow>, std::int64_t>{{}, 0};
  return repo::list(c, a.scope, f);
}

}  // namespace lx::member
