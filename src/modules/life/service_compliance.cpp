// Compliance (R-LIFE-10): the facts of a party org gathered from the records
// of the party org, member and life modules, judged by life/rules.
#include <algorithm>
#include <functional>
#include <map>
#include <tuple>

#include "modules/life/repo.hpp"
#include "modules/life/service.hpp"
#include "modules/life/service_util.hpp"
#include "modules/member/service.hpp"
#include "modules/partyorg/service.hpp"
#include "modules/partyorg/service_util.hpp"
#include "modules/settings/service.hpp"

namespace lx::life {
namespace {

using partyorg::detail::stored_date;

Window window_of(const std::string& from, const std::optional<std::string>& to) {
  Window w{stored_date(from), std::nullopt};
  if (to) w.to = stored_date(*to);
  return w;
}

// R-ORG-4: the party org has a committee while at least three committee
// posts are held at once (a branch without one has a secretary and at most
// a deputy). The windows of such days.
std::vector<Window> committee_windows(const std::vector<partyorg::CommitteePost>& posts) {
  std::map<std::string, int> delta;
  for (const auto& p : posts) {
    if (p.valid_to && *p.valid_to <= p.valid_from) continue;
    delta[p.valid_from] += 1;
    if (p.valid_to) delta[*p.valid_to] -= 1;
  }
  std::vector<Window> out;
  int held = 0;
  std::optional<std::string> open;
  for (const auto& [day, d] : delta) {
    held += d;
    if (held >= 3 && !open) open = day;
    if (held < 3 && open) {
      out.push_back(window_of(*open, day));
      open.reset();
    }
  }
  if (open) out.push_back(window_of(*open, std::nullopt));
  return out;
}

}  // namespace

Frequencies load_frequencies(db::Connection& c) {
  Frequencies f;
  auto n = [&](const char* key) { return static_cast<int>(settings::get_int(c, key)); };
  f.general_assembly.at_least = n("life.general_assembly_per_quarter");   // R-LIFE-1
  f.committee_meeting.at_least = n("life.committee_meeting_per_month");   // R-LIFE-2
  f.group_meeting.at_least = n("life.group_meeting_per_month");           // R-LIFE-3
  f.party_lesson.at_least = n("life.party_lesson_per_quarter");           // R-LIFE-4
  f.secretary_lessons_a_year = n("life.secretary_lesson_per_year");       // R-LIFE-4
  f.theme_day.at_least = n("life.theme_day_per_month");                   // R-LIFE-5
  f.life_meeting.at_least = n("life.life_meeting_per_year");              // R-LIFE-6
  f.member_review.at_least = n("life.member_review_per_year");            // R-LIFE-7
  f.heart_talk.at_least = n("life.heart_talk_per_year");                  // R-LIFE-8
  return f;
}

namespace {

// The facts of a party org for the days [from, to] (held meetings up to today).
Facts facts_for(db::Connection& c, const partyorg::PartyOrg& po, const std::string& from_day,
                const std::string& to_day, OrgCompliance& out) {
  const partyorg::Actor all{core::Role::admin, http::Scope{}};
  out.party_org = po;
  Facts f;
  f.exists = window_of(po.founded_on, po.dissolved_on);
  if (auto posts = partyorg::committee_of(c, all, po.id, true)) f.committee = committee_windows(*posts);
  partyorg::repo::ListFilter gf;
  gf.parent_id = po.id;
  gf.type = "group";
  gf.include_dissolved = true;
  gf.today = detail::today();
  if (auto groups = partyorg::list_party_orgs(c, all, gf))
    for (const auto& g : groups->first) {
      f.groups.push_back(Group{g.id, g.name, window_of(g.founded_on, g.dissolved_on)});
      out.groups.emplace_back(g.id, g.name);
    }
  for (const auto& m : member::memberships_in(c, po.id))
    f.members.push_back(MemberStay{m.person_id, window_of(m.valid_from, m.valid_to)});
  // What was held up to today: a meeting published for later has not been held yet.
  const std::string to = std::min(to_day, detail::today());
  if (from_day <= to) {
    f.meetings = repo::rule_meetings(c, po.id, from_day, to);
    f.ratings = repo::rating_days(c, po.id, from_day, to);
    f.talks = repo::talk_days(c, po.id, from_day, to);
  }
  return f;
}

}  // namespace

OrgCompliance compliance_for(db::Connection& c, const Actor&, const partyorg::PartyOrg& po, const Period& p,
                             const Frequencies& freq) {
  OrgCompliance out;
  Facts f = facts_for(c, po, core::to_iso(p.from), core::to_iso(p.to), out);
  out.compliance = compliance(f, p, freq);
  return out;
}

Result<OrgCompliance> compliance_of(db::Connection& c, const Actor& a, std::int64_t party_org_id, Cycle cycle,
                                    const std::string& day) {
  auto po = detail::visible_party_org(c, a, party_org_id);
  if (!po) return detail::not_found();
  if (po->type == "group")
    return make_error("invalid_value", "党小组的组织生活计入其所在党支部，请查看党支部", "party_org_id");
  return compliance_for(c, a, *po, period_of(cycle, stored_date(day)), load_frequencies(c));
}

std::vector<partyorg::PartyOrg> assessed_party_orgs(db::Connection& c, const Actor& a, const std::string& from,
                                                    const std::string& to) {
  partyorg::repo::ListFilter f;
  f.type = "branch";
  f.include_dissolved = true;
  f.today = detail::today();
  std::vector<partyorg::PartyOrg> out;
  auto list = partyorg::list_party_orgs(c, partyorg::Actor{a.role, a.scope}, f);
  if (!list) return out;
  for (auto& p : list->first)
    if (p.founded_on <= to && (!p.dissolved_on || *p.dissolved_on > from)) out.push_back(std::move(p));
  return out;
}

std::pair<std::vector<MatrixRow>, std::int64_t> compliance_matrix(db::Connection& c, const Actor& a, int year,
                                                                  std::int64_t page, std::int64_t size) {
  const core::Date jan{year, 1, 1};
  const std::string from = core::to_iso(jan), to = core::to_iso(core::last_day_of_year(jan));
  auto orgs = assessed_party_orgs(c, a, from, to);
  const auto total = static_cast<std::int64_t>(orgs.size());
  const auto freq = load_frequencies(c);
  std::vector<MatrixRow> out;
  for (std::int64_t k = (page - 1) * size; k < total && k < page * size; ++k) {
    MatrixRow row;
    row.party_org = orgs[static_cast<std::size_t>(k)];
    OrgCompliance base;
    const Facts f = facts_for(c, row.party_org, from, to, base);   // one read for the year
    for (int m = 1; m <= 12; ++m) {
      OrgCompliance cell = base;
      cell.compliance = compliance(f, period_of(Cycle::month, core::Date{year, m, 1}), freq);
      row.months.push_back(std::move(cell));
    }
    out.push_back(std::move(row));
  }
  return {out, total};
}

Result<Reminders> reminders_of(db::Connection& c, const Actor& a, std::int64_t party_org_id) {
  const std::string today = detail::today();
  auto month = compliance_of(c, a, party_org_id, Cycle::month, today);
  if (!month) return month.error();
  auto quarter = compliance_of(c, a, party_org_id, Cycle::quarter, today);
  if (!quarter) return quarter.error();
  Reminders r{*month, *quarter};
  for (OrgCompliance* oc : {&r.month, &r.quarter}) {
    auto& d = oc->compliance.duties;
    d.erase(std::remove_if(d.begin(), d.end(), [](const Duty& x) { return x.met(); }), d.end());
  }
  // The quarter's list names what falls in other months of the quarter; this month's is already in r.month.
  const auto m = period_of(Cycle::month, stored_date(today));
  auto& q = r.quarter.compliance.duties;
  q.erase(std::remove_if(q.begin(), q.end(), [&](const Duty& x) { return x.from == m.from && x.to == m.to; }), q.end());
  return r;
}

namespace {

// Compliance of every party org that existed throughout the period.
std::vector<OrgCompliance> assessed_compliance(db::Connection& c, const Actor& a, const Period& p) {
  const auto freq = load_frequencies(c);
  std::vector<OrgCompliance> out;
  for (const auto& po : assessed_party_orgs(c, a, core::to_iso(p.from), core::to_iso(p.to))) {
    OrgCompliance oc = compliance_for(c, a, po, p, freq);
    if (oc.compliance.existed_throughout) out.push_back(std::move(oc));
  }
  return out;
}

bool owes(const OrgCompliance& oc, Kind k) {
  return std::any_of(oc.compliance.duties.begin(), oc.compliance.duties.end(), [&](const Duty& d) { return d.kind == k; });
}
bool meets(const OrgCompliance& oc, Kind k) {
  return std::all_of(oc.compliance.duties.begin(), oc.compliance.duties.end(),
                     [&](const Duty& d) { return d.kind != k || d.met(); });
}

}  // namespace

LifeFigures life_figures(db::Connection& c, const Actor& a, Cycle cycle, const std::string& day) {
  LifeFigures f;
  f.period = period_of(cycle, stored_date(day));
  const auto all = assessed_compliance(c, a, f.period);
  f.assessed = static_cast<std::int64_t>(all.size());
  for (const auto& oc : all) f.complying += oc.compliance.complies() ? 1 : 0;
  for (Kind k : kAllKinds) {
    KindFigure kf{k};
    for (const auto& oc : all)
      if (owes(oc, k)) {
        ++kf.owed;
        kf.met += meets(oc, k) ? 1 : 0;
      }
    f.by_kind.push_back(kf);
  }
  const std::string to = std::min(core::to_iso(f.period.to), detail::today());
  std::tie(f.attendance_expected, f.attendance_present) =
      repo::attendance_totals(c, a.scope, core::to_iso(f.period.from), to);
  return f;
}

Result<std::vector<OrgCompliance>> life_records(db::Connection& c, const Actor& a, Cycle cycle, const std::string& day,
                                                const std::string& figure) {
  std::function<bool(const OrgCompliance&)> keep;
  if (figure == "assessed") keep = [](const OrgCompliance&) { return true; };
  else if (figure == "complying") keep = [](const OrgCompliance& oc) { return oc.compliance.complies(); };
  else if (figure == "noncompliant") keep = [](const OrgCompliance& oc) { return !oc.compliance.complies(); };
  else {
    const auto colon = figure.find(':');
    const std::string what = figure.substr(0, colon);
    auto kind = colon == std::string::npos ? std::nullopt : parse_kind(figure.substr(colon + 1));
    if (!kind || (what != "owed" && what != "met" && what != "unmet"))
      return make_error("invalid_value", "参数 figure 无效：" + figure, "figure");
    const Kind k = *kind;
    if (what == "owed") keep = [k](const OrgCompliance& oc) { return owes(oc, k); };
    else if (what == "met") keep = [k](const OrgCompliance& oc) { return owes(oc, k) && meets(oc, k); };
    else keep = [k](const OrgCompliance& oc) { return owes(oc, k) && !meets(oc, k); };
  }
  std::vector<OrgCompliance> out;
  for (auto& oc : assessed_compliance(c, a, period_of(cycle, stored_date(day))))
    if (keep(oc)) out.push_back(std::move(oc));
  return out;
}

}  // namespace lx::life
