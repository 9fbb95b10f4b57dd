// Warnings computed from the records (R-ORG-1..6): the facts of each live
// party org are gathered here and judged by rules.cpp.
#include <map>
#include <set>

#include "modules/partyorg/service.hpp"
#include "modules/partyorg/service_util.hpp"

namespace lx::partyorg {
namespace {

CommitteeFacts committee_facts(const std::vector<CommitteePost>& posts) {
  CommitteeFacts f;
  std::set<std::string> people;
  for (const auto& p : posts) {
    people.insert(p.person_name);
    if (p.post == "secretary") ++f.secretaries;
    else if (p.post == "deputy_secretary") ++f.deputies;
    else ++f.other_posts;
  }
  f.people = static_cast<int>(people.size());
  return f;
}

PartyOrgFacts facts_of(const PartyOrg& p, int covered, const std::vector<CommitteePost>& posts) {
  PartyOrgFacts f;
  f.type = p.type;
  f.leading = p.role == "leading";
  f.formation = p.formation;
  f.temporary = p.temporary;
  if (p.end_date) f.end_date = detail::stored_date(*p.end_date);
  if (p.term_start) f.term_start = detail::stored_date(*p.term_start);
  if (p.term_years) f.term_years = static_cast<int>(*p.term_years);
  f.members = p.declared_members;
  f.full_members = p.declared_full_members;
  f.covered_units = covered;
  f.committee = committee_facts(posts);
  return f;
}

bool live(const PartyOrg& p, const std::string& d) { return !p.dissolved_on || *p.dissolved_on > d; }

}  // namespace

Result<std::vector<Warning>> warnings_of(db::Connection& c, const Actor& a, std::int64_t party_org_id) {
  auto p = repo::find_in_scope(c, a.scope, party_org_id);
  if (!p) return detail::not_found();
  const std::string d = today();
  if (!live(*p, d)) return std::vector<Warning>{};
  const int covered = static_cast<int>(repo::count_covered(c, p->id, d));
  return party_org_warnings(facts_of(*p, covered, repo::posts_of(c, p->id, d)), core::today_shanghai(),
                            load_rule_settings(c));
}

std::vector<ScopedWarning> warnings_in_scope(db::Connection& c, const Actor& a, const std::string& rule) {
  const std::string d = today();
  std::vector<ScopedWarning> out;
  if (rule.empty() || rule == "R-ORG-1")
    for (const auto& o : should_build(c, a))
      out.push_back({should_build_warning(o.full_members.value_or(o.declared_members.value_or(0))), std::nullopt, {},
                     o.id, o.name});
  if (rule == "R-ORG-1") return out;

  repo::ListFilter f;
  f.today = d;
  auto [orgs, total] = repo::list(c, a.scope, f);
  (void)total;
  std::map<std::int64_t, std::vector<CommitteePost>> posts;
  for (auto& p : repo::posts_in_scope(c, a.scope, d)) posts[p.party_org_id].push_back(std::move(p));
  const RuleSettings settings = load_rule_settings(c);
  const core::Date day = core::today_shanghai();
  for (const auto& p : orgs) {
    auto facts = facts_of(p, static_cast<int>(p.covered_orgs), posts[p.id]);
    for (auto& w : party_org_warnings(facts, day, settings))
      if (rule.empty() || w.rule == rule) out.push_back({std::move(w), p.id, p.name, std::nullopt, {}});
  }
  return out;
}

std::vector<OrgBrief> should_build(db::Connection& c, const Actor& a) {
  // R-ORG-1: full members from member records, declared counts where none are recorded.
  return repo::should_build_orgs(c, a.scope, today(), kShouldBuildMembers);
}

}  // namespace lx::partyorg
