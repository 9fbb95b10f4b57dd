// Coverage links (组织覆盖) and committee posts.
#include <algorithm>

#include "modules/partyorg/service.hpp"
#include "modules/partyorg/service_util.hpp"

namespace lx::partyorg {
namespace {

using detail::conflict;
using detail::date_field;
using detail::no_such;
using detail::not_found;

// A visible party org that still exists on `from`.
Result<PartyOrg> live_party_org(db::Connection& c, const Actor& a, std::int64_t id, const std::string& from) {
  auto p = repo::find_in_scope(c, a.scope, id);
  if (!p) return not_found();
  if (p->dissolved_on && *p->dissolved_on <= from)
    return make_error("dissolved", "该党组织已于" + *p->dissolved_on + "撤销", "valid_from");
  if (from < p->founded_on)
    return make_error("invalid_date", "开始日期不能早于党组织成立日期（" + p->founded_on + "）", "valid_from");
  return *p;
}

}  // namespace

Result<std::vector<CoverageLink>> coverage_of(db::Connection& c, const Actor& a, std::int64_t party_org_id,
                                              bool include_ended) {
  if (!repo::find_in_scope(c, a.scope, party_org_id)) return not_found();
  return repo::coverage_of(c, party_org_id, include_ended ? std::string() : today());
}

Result<CoverageAdded> add_coverage(db::Connection& c, const Actor& a, std::int64_t party_org_id,
                                   std::int64_t org_id, const std::string& valid_from) {
  auto from = date_field(valid_from, "valid_from", "覆盖开始日期");
  if (!from) return from.error();
  auto p = live_party_org(c, a, party_org_id, *from);
  if (!p) return p.error();
  if (p->type == "group") return make_error("invalid_value", "党小组不单独覆盖组织", "party_org_id");
  const std::string d = today();
  auto org = detail::visible_org(c, a.scope, org_id);
  if (!org) return no_such("组织", "org_id");
  if (org->closed_on && *org->closed_on <= *from)
    return make_error("closed", "该组织已于" + *org->closed_on + "注销", "org_id");
  if (repo::coverage_overlaps(c, org_id, party_org_id, *from, {}))
    return conflict("duplicate", "该组织在此期间已由本党组织覆盖", "org_id");
  const std::int64_t id = repo::insert_coverage(c, org_id, party_org_id, *from);
  CoverageAdded out{*repo::find_coverage(c, id), {}};
  // R-ORG-2: warn, never refuse, when a joint branch passes 5 units.
  const int covered = static_cast<int>(repo::count_covered(c, party_org_id, std::max(*from, d)));
  if (auto w = joint_units_warning(p->formation, covered)) out.warnings.push_back(*w);
  return out;
}

Result<CoverageLink> end_coverage(db::Connection& c, const Actor& a, std::int64_t id, const std::string& valid_to) {
  auto link = repo::find_coverage(c, id);
  if (!link || !repo::find_in_scope(c, a.scope, link->party_org_id)) return not_found();
  if (link->valid_to) return conflict("ended", "该覆盖关系已于" + *link->valid_to + "结束");
  auto to = detail::end_field(valid_to, link->valid_from, "valid_to");
  if (!to) return to.error();
  repo::end_coverage(c, id, *to);
  return *repo::find_coverage(c, id);
}

Result<std::vector<CommitteePost>> committee_of(db::Connection& c, const Actor& a, std::int64_t party_org_id,
                                                bool include_ended) {
  if (!repo::find_in_scope(c, a.scope, party_org_id)) return not_found();
  return repo::posts_of(c, party_org_id, include_ended ? std::string() : today());
}

Result<CommitteePost> add_post(db::Connection& c, const Actor& a, std::int64_t party_org_id, const PostInput& in) {
  if (!repo::find_in_scope(c, a.scope, party_org_id)) return not_found();
  CommitteePost p;
  p.party_org_id = party_org_id;
  auto post = parse_post(in.post);
  if (!post) return make_error("invalid_value", "职务应为书记、副书记、组织委员、宣传委员、纪检委员或委员", "post");
  p.post = *post;
  p.person_id = in.person_id;
  auto name = detail::text_field(in.person_name, "person_name", "姓名", 50);
  if (!name) return name.error();
  p.person_name = *name;
  auto from = date_field(in.valid_from, "valid_from", "任职开始日期");
  if (!from) return from.error();
  p.valid_from = *from;
  if (in.valid_to) {
    auto to = detail::end_field(*in.valid_to, p.valid_from, "valid_to");
    if (!to) return to.error();
    p.valid_to = *to;
  }
  auto po = live_party_org(c, a, party_org_id, p.valid_from);
  if (!po) return po.error();
  if (po->type == "group") return make_error("invalid_value", "党小组不设委员会职务", "post");
  const std::string to = p.valid_to.value_or("");
  if (p.post == "secretary" && repo::post_overlaps(c, party_org_id, "secretary", std::nullopt, p.valid_from, to))
    return conflict("duplicate", "该党组织在此期间已有书记，请先结束现任书记的任职", "post");
  if (repo::post_overlaps(c, party_org_id, p.post, p.person_name, p.valid_from, to))
    return conflict("duplicate", p.person_name + "在此期间已担任该职务", "person_name");
  const std::int64_t id = repo::insert_post(c, p);
  return *repo::find_post(c, id);
}

Result<CommitteePost> end_post(db::Connection& c, const Actor& a, std::int64_t id, const std::string& valid_to) {
  auto p = repo::find_post(c, id);
  if (!p || !repo::find_in_scope(c, a.scope, p->party_org_id)) return not_found();
  if (p->valid_to) return conflict("ended", "该任职已于" + *p->valid_to + "结束");
  auto to = detail::end_field(valid_to, p->valid_from, "valid_to");
  if (!to) return to.error();
  repo::end_post(c, id, *to);
  return *repo::find_post(c, id);
}

std::vector<CommitteePost> posts_of_person(db::Connection& c, std::int64_t person_id, const std::string& on) {
  return repo::posts_of_person(c, person_id, on);
}

void end_posts_of_person(db::Connection& c, std::int64_t person_id, const std::string& to) {
  repo::end_posts_of_person(c, person_id, to);
}

}  // namespace lx::partyorg
