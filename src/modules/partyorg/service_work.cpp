// Work coverage (工作覆盖): instructors and liaisons sent to orgs, and the
// mass organisations inside them.
#include "core/ids.hpp"
#include "modules/partyorg/service.hpp"
#include "modules/partyorg/service_util.hpp"

namespace lx::partyorg {
namespace {

using detail::conflict;
using detail::date_field;
using detail::no_such;
using detail::not_found;

bool org_visible(db::Connection& c, const Actor& a, std::int64_t org_id) {
  return detail::visible_org(c, a.scope, org_id).has_value();
}

// A filter naming an org or party org outside the scope selects nothing, as
// for a missing one.
bool filter_visible(db::Connection& c, const Actor& a, const repo::WorkFilter& f) {
  if (f.org_id && !org_visible(c, a, *f.org_id)) return false;
  if (f.party_org_id && !repo::find_in_scope(c, a.scope, *f.party_org_id)) return false;
  return true;
}

}  // namespace

Result<Assignment> add_assignment(db::Connection& c, const Actor& a, const crypto::Pii& pii,
                                  const AssignmentInput& in) {
  repo::AssignmentRow row;
  auto name = detail::text_field(in.person_name, "person_name", "姓名", 50);
  if (!name) return name.error();
  row.person_name = *name;
  auto role = parse_assignment_role(in.role);
  if (!role) return make_error("invalid_value", "类别应为党建指导员或联络员", "role");
  row.role = *role;
  auto phone = core::check_mobile(in.phone);   // R-ID-3
  if (!phone) return make_error(phone.error().code, phone.error().message, "phone");
  auto from = date_field(in.valid_from, "valid_from", "开始日期");
  if (!from) return from.error();
  row.valid_from = *from;
  if (in.valid_to) {
    auto to = detail::end_field(*in.valid_to, row.valid_from, "valid_to");
    if (!to) return to.error();
    row.valid_to = *to;
  }
  auto org = detail::visible_org(c, a.scope, in.org_id);
  if (!org) return no_such("组织", "org_id");
  if (org->closed_on && *org->closed_on <= row.valid_from)
    return make_error("closed", "该组织已于" + *org->closed_on + "注销", "org_id");
  row.org_id = in.org_id;
  // Personal information at rest: ciphertext, keyed hash, masked form.
  row.phone_hash = pii.lookup_hash(*phone);
  if (repo::assignment_overlaps(c, row.org_id, row.role, row.phone_hash, row.valid_from, row.valid_to))
    return conflict("duplicate", row.person_name + "在此期间已是该组织的" + std::string(assignment_role_name(row.role)),
                    "phone");
  row.phone_enc = pii.encrypt(*phone);
  row.phone_mask = core::mask_phone(*phone);
  const std::int64_t id = repo::insert_assignment(c, row);
  return *repo::find_assignment(c, id);
}

Result<Assignment> end_assignment(db::Connection& c, const Actor& a, std::int64_t id, const std::string& valid_to) {
  auto x = repo::find_assignment(c, id);
  if (!x || !org_visible(c, a, x->org_id)) return not_found();
  if (x->valid_to) return conflict("ended", "该派驻已于" + *x->valid_to + "结束");
  auto to = detail::end_field(valid_to, x->valid_from, "valid_to");
  if (!to) return to.error();
  repo::end_assignment(c, id, *to);
  return *repo::find_assignment(c, id);
}

Result<std::string> reveal_assignment_phone(db::Connection& c, const Actor& a, const crypto::Pii& pii,
                                            std::int64_t id) {
  auto x = repo::find_assignment(c, id);
  if (!x || !org_visible(c, a, x->org_id)) return not_found();
  auto phone = pii.decrypt(repo::assignment_phone_enc(c, id));
  if (!phone) return make_error("undecryptable", "手机号码无法解密，请检查密钥文件", {}, 500);
  return *phone;
}

Result<std::vector<Assignment>> list_assignments(db::Connection& c, const Actor& a, repo::WorkFilter f) {
  if (f.today.empty()) f.today = today();
  if (!filter_visible(c, a, f)) return std::vector<Assignment>{};
  return repo::list_assignments(c, a.scope, f);
}

Result<MassOrg> add_mass_org(db::Connection& c, const Actor& a, std::int64_t org_id, const std::string& type,
                             const std::optional<std::string>& founded_on) {
  auto t = parse_mass_org_type(type);
  if (!t) return make_error("invalid_value", "群团类型应为工会、共青团或妇联", "type");
  std::string founded;
  if (founded_on) {
    auto d = date_field(*founded_on, "founded_on", "成立日期");
    if (!d) return d.error();
    founded = *d;
  }
  if (!org_visible(c, a, org_id)) return no_such("组织", "org_id");
  if (auto existing = repo::find_mass_org(c, org_id, *t)) {
    const std::string zh(mass_org_type_name(*t));
    if (existing->dissolved_on)
      return conflict("duplicate", "该组织的" + zh + "已于" + *existing->dissolved_on + "撤销，不能重复登记", "type");
    return conflict("duplicate", "该组织已有" + zh, "type");
  }
  const std::int64_t id = repo::insert_mass_org(c, org_id, *t, founded);
  return *repo::find_mass_org(c, id);
}

Result<MassOrg> dissolve_mass_org(db::Connection& c, const Actor& a, std::int64_t id, const std::string& on) {
  auto m = repo::find_mass_org(c, id);
  if (!m || !org_visible(c, a, m->org_id)) return not_found();
  if (m->dissolved_on) return conflict("dissolved", "该群团组织已于" + *m->dissolved_on + "撤销");
  auto d = date_field(on, "dissolved_on", "撤销日期");
  if (!d) return d.error();
  if (m->founded_on && *d < *m->founded_on)
    return make_error("invalid_date", "撤销日期不能早于成立日期（" + *m->founded_on + "）", "dissolved_on");
  repo::dissolve_mass_org(c, id, *d);
  return *repo::find_mass_org(c, id);
}

Result<std::vector<MassOrg>> list_mass_orgs(db::Connection& c, const Actor& a, repo::WorkFilter f) {
  if (f.today.empty()) f.today = today();
  if (!filter_visible(c, a, f)) return std::vector<MassOrg>{};
  return repo::list_mass_orgs(c, a.scope, f);
}

}  // namespace lx::partyorg
