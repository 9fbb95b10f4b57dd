#include "modules/partyorg/present.hpp"

#include <algorithm>

#include "http/json.hpp"
#include "modules/partyorg/service_util.hpp"

namespace lx::partyorg {
namespace {

namespace json = boost::json;
using http::nullable;

json::value name_or_null(const std::optional<std::string>& code, std::string_view (*name)(std::string_view)) {
  if (!code) return nullptr;
  return json::value(std::string(name(*code)));
}

json::array words(const std::vector<Word>& ws) {
  json::array out;
  for (const Word& w : ws) out.push_back(json::object{{"code", w.code}, {"name", w.zh}});
  return out;
}

}  // namespace

json::object party_org_json(const PartyOrg& p, const std::string& today) {
  json::value end = nullptr;
  if (p.type != "group" && p.term_start && p.term_years && *p.term_years > 0)
    end = core::to_iso(term_end(detail::stored_date(*p.term_start), static_cast<int>(*p.term_years)));
  const auto depth = std::count(p.path.begin(), p.path.end(), '/') - 1;
  return json::object{{"id", p.id},
                      {"parent_id", nullable(p.parent_id)},
                      {"parent_name", p.parent_id ? json::value(p.parent_name) : json::value(nullptr)},
                      {"name", p.name},
                      {"type", p.type},
                      {"type_name", type_name(p.type)},
                      {"role", nullable(p.role)},
                      {"formation", nullable(p.formation)},
                      {"formation_name", name_or_null(p.formation, &formation_name)},
                      {"temporary", p.temporary},
                      {"end_date", nullable(p.end_date)},
                      {"area_id", nullable(p.area_id)},
                      {"area_name", p.area_id ? json::value(p.area_name) : json::value(nullptr)},
                      {"founded_on", p.founded_on},
                      {"dissolved_on", nullable(p.dissolved_on)},
                      {"dissolved", p.dissolved_on.has_value() && *p.dissolved_on <= today},
                      {"term_start", nullable(p.term_start)},
                      {"term_years", nullable(p.term_years)},
                      {"term_end", end},
                      {"weak", p.weak},
                      {"declared_members", nullable(p.declared_members)},
                      {"declared_full_members", nullable(p.declared_full_members)},
                      {"path", p.path},
                      {"depth", static_cast<std::int64_t>(depth)},
                      {"children", p.children},
                      {"covered_orgs", p.covered_orgs},
                      {"created_at", p.created_at},
                      {"updated_at", p.updated_at}};
}

json::object coverage_json(const CoverageLink& l) {
  return json::object{{"id", l.id},
                      {"org_id", l.org_id},
                      {"org_name", l.org_name},
                      {"org_uscc", l.org_uscc},
                      {"party_org_id", l.party_org_id},
                      {"party_org_name", l.party_org_name},
                      {"party_org_formation", nullable(l.party_org_formation)},
                      {"formation_name", name_or_null(l.party_org_formation, &formation_name)},
                      {"valid_from", l.valid_from},
                      {"valid_to", nullable(l.valid_to)}};
}

json::object post_json(const CommitteePost& p) {
  return json::object{{"id", p.id},
                      {"party_org_id", p.party_org_id},
                      {"post", p.post},
                      {"post_name", post_name(p.post)},
                      {"person_name", p.person_name},
                      {"person_id", p.person_id ? json::value(*p.person_id) : json::value(nullptr)},
                      {"valid_from", p.valid_from},
                      {"valid_to", nullable(p.valid_to)}};
}

json::object assignment_json(const Assignment& a) {
  return json::object{{"id", a.id},
                      {"person_name", a.person_name},
                      {"phone", a.phone_mask},
                      {"role", a.role},
                      {"role_name", assignment_role_name(a.role)},
                      {"org_id", a.org_id},
                      {"org_name", a.org_name},
                      {"valid_from", a.valid_from},
                      {"valid_to", nullable(a.valid_to)}};
}

json::object mass_org_json(const MassOrg& m) {
  return json::object{{"id", m.id},
                      {"org_id", m.org_id},
                      {"org_name", m.org_name},
                      {"type", m.type},
                      {"type_name", mass_org_type_name(m.type)},
                      {"founded_on", nullable(m.founded_on)},
                      {"dissolved_on", nullable(m.dissolved_on)}};
}

json::object warning_json(const Warning& w) {
  return json::object{{"rule", w.rule}, {"code", w.code}, {"message", w.message}};
}

json::object scoped_warning_json(const ScopedWarning& w) {
  json::object o = warning_json(w.warning);
  o["party_org_id"] = nullable(w.party_org_id);
  o["party_org_name"] = w.party_org_id ? json::value(w.party_org_name) : json::value(nullptr);
  o["org_id"] = nullable(w.org_id);
  o["org_name"] = w.org_id ? json::value(w.org_name) : json::value(nullptr);
  return o;
}

json::object org_json(const OrgBrief& o) {
  return json::object{{"id", o.id},
                      {"name", o.name},
                      {"uscc", o.uscc},
                      {"declared_members", nullable(o.declared_members)},
                      {"registered_on", nullable(o.registered_on)},
                      {"closed_on", nullable(o.closed_on)}};
}

json::object vocabulary_json() {
  return json::object{{"types", words(party_org_types())},
                      {"formations", words(formations())},
                      {"committee_posts", words(committee_posts())},
                      {"assignment_roles", words(assignment_roles())},
                      {"mass_org_types", words(mass_org_types())}};
}

}  // namespace lx::partyorg
