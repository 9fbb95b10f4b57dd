// Persons and memberships: the functions other modules call; see service.hpp.
#include "modules/member/service.hpp"

#include "core/ids.hpp"
#include "core/text.hpp"
#include "modules/census/service.hpp"
#include "modules/member/rules.hpp"
#include "modules/member/service_util.hpp"
#include "modules/partyorg/repo.hpp"
#include "modules/partyorg/service.hpp"
#include "modules/partyorg/service_util.hpp"

namespace lx::member {
namespace {

using partyorg::detail::date_field;

std::string org_name(db::Connection& c, std::optional<std::int64_t> id) {
  if (!id) return "";
  return c.scalar_text("SELECT name FROM orgs WHERE id = ?", {*id}).value_or("");
}

}  // namespace

std::string today() { return core::to_iso(core::today_shanghai()); }

namespace detail {

Result<repo::PersonRow> person_row(db::Connection& c, const Actor& a, const crypto::Pii& pii,
                                   const std::optional<repo::PersonRow>& base, const PersonInput& in) {
  repo::PersonRow row = base.value_or(repo::PersonRow{});
  const core::Date day = core::today_shanghai();
  if (in.name || !base) {
    auto name = partyorg::detail::text_field(in.name.value_or(""), "name", "姓名", 50);
    if (!name) return name.error();
    row.name = *name;
  }
  std::optional<std::string> gender;
  if (in.gender) {
    gender = parse_gender(*in.gender);
    if (!gender) return make_error("invalid_value", "性别应为男或女", "gender");
  }
  std::optional<core::Date> birth;
  if (in.birth_date) {
    auto d = core::parse_date(*in.birth_date);
    if (!d) return make_error("invalid_date", "出生日期：" + d.error().message, "birth_date");
    birth = *d;
  }
  if (in.id_number || !base) {
    if (!in.id_number || core::trim(*in.id_number).empty())
      return make_error("required", "请填写身份证号", "id_number");
    auto info = check_person_identity(*in.id_number, gender, birth, day);  // R-ID-1
    if (!info) return info.error();
    row.gender = gender_code(info->gender);
    row.birth_date = core::to_iso(info->birth_date);
    row.id_number_hash = pii.lookup_hash(info->id);
    row.id_number_enc = pii.encrypt(info->id);
    row.id_number_mask = core::mask_id_number(info->id);   // R-ID-4
  } else {
    // R-ID-1: without a new number, gender and birth date still follow the stored one.
    if (gender && *gender != row.gender)
      return make_error("id_mismatch", "性别与身份证号不符：身份证号表明为" + std::string(gender_name(row.gender)),
                        "gender");
    if (birth && core::to_iso(*birth) != row.birth_date)
      return make_error("id_mismatch", "出生日期与身份证号不符：身份证号表明为" + row.birth_date, "birth_date");
  }
  if (in.ethnicity) {
    row.ethnicity.reset();
    if (*in.ethnicity && !core::trim(**in.ethnicity).empty()) {
      row.ethnicity = parse_ethnicity(**in.ethnicity);
      if (!row.ethnicity) return make_error("invalid_value", "民族应为56个民族之一，如汉族、回族", "ethnicity");
    }
  }
  if (in.education) {
    row.education.reset();
    if (*in.education && !core::trim(**in.education).empty()) {
      row.education = parse_education(**in.education);
      if (!row.education)
        return make_error("invalid_value", "学历应为研究生、大学本科、大专、中专/高中或初中及以下", "education");
    }
  }
  if (in.phone) {
    row.phone_enc.reset();
    row.phone_hash.reset();
    row.phone_mask.reset();
    if (*in.phone && !core::trim(**in.phone).empty()) {
      auto m = core::check_mobile(**in.phone);  // R-ID-3
      if (!m) return make_error(m.error().code, m.error().message, "phone");
      row.phone_enc = pii.encrypt(*m);
      row.phone_hash = pii.lookup_hash(*m);
      row.phone_mask = core::mask_phone(*m);   // R-ID-4
    }
  }
  if (in.workplace_org_id) {
    row.workplace_org_id = *in.workplace_org_id;
    if (*in.workplace_org_id && !partyorg::detail::visible_org(c, a.scope, **in.workplace_org_id))
      return make_error("invalid_value", "工作单位不存在", "workplace_org_id");
  }
  if (in.mobile) row.mobile = *in.mobile;
  return row;
}

Error duplicate_id(db::Connection& c, const Person& existing) {
  auto m = repo::latest_membership(c, existing.id);
  std::string where = "无党组织关系";
  if (m) where = m->valid_to ? m->party_org_name + "，已于" + *m->valid_to + "转出或终止" : m->party_org_name;
  return make_error("duplicate_id_number",
                    "身份证号" + existing.id_number_mask + "已登记：" + existing.name + "（" + where +
                        "），同一身份证号不能重复登记",
                    "id_number", 409);
}

Result<partyorg::PartyOrg> membership_party_org(db::Connection& c, std::int64_t party_org_id, const std::string& from,
                                                const std::string& field) {
  auto p = partyorg::repo::find(c, party_org_id);
  if (!p) return make_error("invalid_value", "党组织不存在", field);
  if (p->dissolved_on && *p->dissolved_on <= from)
    return make_error("dissolved", "“" + p->name + "”已于" + *p->dissolved_on + "撤销", field);
  if (from < p->founded_on)
    return make_error("invalid_date", "日期不能早于“" + p->name + "”成立日期（" + p->founded_on + "）", field);
  if (p->type == "group")
    return make_error("invalid_value", "党员的组织关系应在党支部、党总支或党委，不在党小组", field);
  return *p;
}

void history_of_changes(db::Connection& c, std::int64_t person_id, const repo::PersonRow& b,
                        const repo::PersonRow& a, const std::string& on, const std::string& by) {
  const auto log = [&](const char* what, const std::optional<std::string>& x, const std::optional<std::string>& y) {
    if (x != y) repo::add_history(c, person_id, what, x, y, on, by);
  };
  log("name", b.name, a.name);
  if (b.id_number_hash != a.id_number_hash) repo::add_history(c, person_id, "id_number", b.id_number_mask, a.id_number_mask, on, by);
  log("gender", b.gender, a.gender);
  log("birth_date", b.birth_date, a.birth_date);
  log("ethnicity", b.ethnicity, a.ethnicity);
  log("education", b.education, a.education);
  if (b.phone_hash != a.phone_hash) repo::add_history(c, person_id, "phone", b.phone_mask, a.phone_mask, on, by);
  if (b.workplace_org_id != a.workplace_org_id)
    repo::add_history(c, person_id, "workplace", org_name(c, b.workplace_org_id), org_name(c, a.workplace_org_id), on,
                      by);
  if (b.mobile != a.mobile)
    repo::add_history(c, person_id, "mobile", b.mobile ? "是" : "否", a.mobile ? "是" : "否", on, by);
}

void close_membership(db::Connection& c, const Membership& m, const std::string& to, const std::string& reason) {
  repo::close_membership(c, m.id, to, reason);
  partyorg::end_posts_of_person(c, m.person_id, to);
}

}  // namespace detail

Result<std::optional<Person>> find_person_by_id_number(db::Connection& c, const crypto::Pii& pii,
                                                       std::string_view id_number) {
  auto info = core::check_id_number(id_number);  // R-ID-1
  if (!info) return make_error(info.error().code, info.error().message, "id_number");
  return repo::find_person_by_hash(c, pii.lookup_hash(info->id));
}

Result<Person> create_person(db::Connection& c, const Actor& a, const crypto::Pii& pii, const PersonInput& in) {
  auto row = detail::person_row(c, a, pii, std::nullopt, in);
  if (!row) return row.error();
  if (auto existing = repo::find_person_by_hash(c, row->id_number_hash)) return detail::duplicate_id(c, *existing);
  const std::int64_t id = repo::insert_person(c, *row);
  repo::add_history(c, id, "created", std::nullopt, row->name, today(), a.login);
  return *repo::find_person(c, id);
}

Result<Person> find_or_create_person(db::Connection& c, const Actor& a, const crypto::Pii& pii,
                                     const PersonInput& in) {
  if (in.id_number) {
    auto found = find_person_by_id_number(c, pii, *in.id_number);
    if (!found) return found.error();
    if (*found) return **found;
  }
  return create_person(c, a, pii, in);
}

Result<Membership> admit_probationary(db::Connection& c, std::int64_t person_id, std::int64_t party_org_id,
                                      const std::string& date, const std::string& by) {
  auto on = date_field(date, "date", "入党日期");
  if (!on) return on.error();
  if (!repo::find_person(c, person_id)) return detail::not_found();
  if (auto open = repo::open_membership(c, person_id))
    return make_error("already_member", "此人已是“" + open->party_org_name + "”的党员", "person_id", 409);
  if (auto last = repo::latest_membership(c, person_id); last && last->valid_to && *on < *last->valid_to)
    return make_error("invalid_date", "入党日期不能早于上次组织关系终止日期（" + *last->valid_to + "）", "date");
  auto p = detail::membership_party_org(c, party_org_id, *on, "party_org_id");
  if (!p) return p.error();
  Membership m;
  m.person_id = person_id;
  m.party_org_id = party_org_id;
  m.status = "probationary";
  m.admitted_on = *on;
  m.valid_from = *on;
  m.start_reason = "admitted";
  const std::int64_t id = repo::insert_membership(c, m);
  repo::add_history(c, person_id, "admitted", std::nullopt, p->name, *on, by);
  return *repo::find_membership(c, id);
}

Result<Membership> confirm_full(db::Connection& c, std::int64_t person_id, const std::string& date,
                                const std::string& by) {
  auto on = date_field(date, "date", "转正日期");
  if (!on) return on.error();
  auto m = repo::open_membership(c, person_id);
  if (!m) return make_error("not_member", "此人目前不是党员", "person_id", 409);
  if (m->status == "full") return make_error("already_full", "此人已是正式党员", "person_id", 409);
  if (*on <= m->admitted_on)
    return make_error("invalid_date", "转正日期应晚于入党日期（" + m->admitted_on + "）", "date");
  if (*on < m->valid_from)
    return make_error("invalid_date", "转正日期不能早于转入本党组织的日期（" + m->valid_from + "）", "date");
  repo::set_confirmed(c, m->id, *on);
  repo::add_history(c, person_id, "status", std::string("预备党员"), std::string("正式党员"), *on, by);
  return *repo::find_membership(c, m->id);
}

Result<Membership> end_membership(db::Connection& c, std::int64_t person_id, const std::string& date,
                                  const std::string& reason, const std::string& by) {
  auto on = date_field(date, "date", "终止日期");
  if (!on) return on.error();
  auto why = parse_end_reason(reason);
  if (!why) return make_error("invalid_value", "终止原因应为去世、退党（出党）、开除党籍或取消预备党员资格", "reason");
  if (*why == "cancelled") {
    if (auto m = repo::open_membership(c, person_id); m && m->status == "full")
      return make_error("invalid_value", "正式党员不能取消预备党员资格", "reason");
  }
  auto m = repo::open_membership(c, person_id);
  if (!m) return make_error("not_member", "此人目前不是党员", "person_id", 409);
  if (*on < m->valid_from)
    return make_error("invalid_date", "终止日期不能早于本段组织关系的开始日期（" + m->valid_from + "）", "date");
  if (repo::pending_transfer_of(c, person_id))
    return make_error("transfer_pending", "此人有待接收的组织关系转接，请先撤回或等待对方答复", "person_id", 409);
  detail::close_membership(c, *m, *on, *why);
  repo::add_history(c, person_id, "ended", m->party_org_name, std::string(end_reason_name(*why)), *on, by);
  return *repo::find_membership(c, m->id);
}

std::vector<MemberRow> full_members_on(db::Connection& c, std::int64_t party_org_id, const std::string& date) {
  return repo::full_members_on(c, party_org_id, date);
}

std::int64_t count_full_members_on(db::Connection& c, std::int64_t party_org_id, const std::string& date) {
  return static_cast<std::int64_t>(repo::full_members_on(c, party_org_id, date).size());
}

std::vector<MemberRow> members_on(db::Connection& c, std::int64_t party_org_id, const std::string& date) {
  return repo::members_on(c, party_org_id, date);
}

std::vector<Membership> memberships_in(db::Connection& c, std::int64_t party_org_id) {
  return repo::memberships_in(c, party_org_id);
}

std::optional<std::int64_t> person_of_user(db::Connection& c, std::int64_t user_id) {
  return repo::person_of_user(c, user_id);
}

std::optional<Membership> open_membership_of(db::Connection& c, std::int64_t person_id) {
  return repo::open_membership(c, person_id);
}

}  // namespace lx::member
