// The party org rows of a generated district, made from the structure
// decided in gen_plan.cpp: party orgs with paths and terms, coverage links,
// member slots, instructors and liaisons, mass organisations, and the orgs'
// member figures (党员数, 出资人是否党员, 未建党组织原因).
#include <algorithm>
#include <cmath>
#include <set>

#include "app/gen_names.hpp"
#include "app/gen_plan_detail.hpp"

namespace lx::app::gen::detail {
namespace {

using core::Date;

std::string iso(Date d) { return core::to_iso(d); }
Date parse(const std::string& s) { return *core::parse_date(s); }
Date later(Date a, Date b) { return a < b ? b : a; }
Date earlier(Date a, Date b) { return a < b ? a : b; }

const char* const kNumbers[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
std::string ordinal(int n) {  // 1 → 一, 12 → 12
  return n >= 1 && n <= 10 ? kNumbers[n - 1] : std::to_string(n);
}

class Builder {
 public:
  Builder(Plan& p, const District& d, const Decision& x)
      : p_(p), d_(d), x_(x), r_(p.options.seed, "build", static_cast<std::uint64_t>(d.index)), today_(p.options.today) {}

  void run() {
    const Area& district = p_.areas[d_.area];
    const std::size_t slots_begin = p_.slots.size();
    top_ = add(0, district.name + "两新组织党工委", "committee", "", district.id,
               core::add_days(Date{2006, 5, 1}, 37 * d_.index), "leading");
    for (std::size_t s = 0; s < d_.streets.size(); ++s) {
      const Area& st = p_.areas[d_.streets[s]];
      street_po_[d_.streets[s]] = add(top_, st.name + "综合党委", "committee", "area_joint", st.id,
                                      core::add_days(Date{2008, 1, 1}, r_.between(0, 2900)));
    }
    for (std::size_t i = 0; i < x_.singles.size(); ++i) single(x_.singles[i], x_.single_members[i]);
    for (std::size_t i = 0; i < x_.joints.size(); ++i) group(x_.joints[i], x_.joint_fill[i], "joint", "联合党支部", 2012);
    for (std::size_t i = 0; i < x_.industry.size(); ++i) {
      const Area& st = p_.areas[x_.industry_street[i]];
      group(x_.industry[i], x_.industry_fill[i], "industry", "新就业群体联合党支部", 2017, &st);
    }
    for (std::size_t i = 0; i < x_.area_joint.size(); ++i)
      group(x_.area_joint[i], x_.area_fill[i], "area_joint", "两新组织联合党支部", 2012);
    // The street committee: members of uncovered orgs, and members without a recorded workplace.
    for (std::size_t s = 0; s < d_.streets.size(); ++s) {
      const std::size_t po = street_po_[d_.streets[s]];
      for (std::size_t k : x_.uncovered)
        if (p_.orgs[k].street == static_cast<int>(d_.streets[s]))
          if (auto it = x_.recorded.find(k); it != x_.recorded.end()) members(po, p_.orgs[k].id, it->second);
      members(po, 0, x_.street_fill[s]);
    }
    for (std::size_t k = static_cast<std::size_t>(d_.org_begin); k < static_cast<std::size_t>(d_.org_end); ++k)
      org_figures(p_.orgs[k]);
    contacts();
    transfers(slots_begin);
  }

 private:
  // A party org under parent (an index + 1 into Plan::party_orgs; 0 for none).
  std::size_t add(std::size_t parent, const std::string& name, const std::string& type, const std::string& formation,
                  std::int64_t area_id, Date founded, const std::string& role = "") {
    PartyOrg po;
    po.id = static_cast<std::int64_t>(p_.party_orgs.size()) + 1;
    po.parent_id = parent ? p_.party_orgs[parent - 1].id : 0;
    if (parent) founded = later(founded, parse(p_.party_orgs[parent - 1].founded_on));
    founded = earlier(founded, core::add_days(today_, -30));
    po.name = unique_name(po.parent_id, name);
    po.type = type;
    po.role = role;
    po.formation = formation;
    po.area_id = area_id;
    po.founded_on = iso(founded);
    po.path = (parent ? p_.party_orgs[parent - 1].path : std::string("/")) + std::to_string(po.id) + "/";
    po.district = d_.index;
    if (type != "group") {
      // R-ORG-5: re-elected every term since founding; about one in twelve is overdue.
      const Area& area = p_.areas[static_cast<std::size_t>(area_id - 1)];
      po.term_years = type == "committee" || area.level == "community" ? 5 : 3;
      int terms = 0;
      while (core::add_years(founded, (terms + 1) * po.term_years) <= today_) ++terms;
      if (terms > 0 && r_.chance(0.08)) --terms;
      po.term_start = iso(core::add_years(founded, terms * po.term_years));
    }
    p_.party_orgs.push_back(std::move(po));
    if (parent && type == "group") p_.party_orgs[parent - 1].groups.push_back(p_.party_orgs.back().id);
    return p_.party_orgs.size();
  }

  // Names are unique among the live children of one parent (the party org ledger matches on them).
  std::string unique_name(std::int64_t parent_id, const std::string& name) {
    std::string n = name;
    for (int k = 2; !names_.insert({parent_id, n}).second; ++k) n = name + "（" + std::to_string(k) + "）";
    return n;
  }

  // n member slots in party org po working in org_id; about 1.5 % more whose membership has ended.
  void members(std::size_t po, std::int64_t org_id, int n) {
    const int ended = static_cast<int>(n * 0.015 + r_.unit());
    for (int k = 0; k < n + ended; ++k) p_.slots.push_back(Slot{p_.party_orgs[po - 1].id, org_id, 0, k >= n});
    p_.party_orgs[po - 1].members += n + ended;
    if (n + ended > 0) holders_.push_back(po);
  }

  // An org's own party org (单独组建), R-ORG-3 by its member count.
  void single(std::size_t k, int m) {
    Org& o = p_.orgs[k];
    const std::size_t parent = street_po_.at(static_cast<std::size_t>(o.street));
    const Date founded = core::add_days(parse(o.registered_on), r_.between(120, 2500));
    const char* type = m < 50 ? "branch" : m < 100 ? "general_branch" : "committee";
    const char* suffix = m < 50 ? "党支部" : m < 100 ? "党总支" : "党委";
    const std::size_t top = add(parent, o.name + suffix, type, "single", o.area_id, founded);
    p_.coverage.push_back({o.id, p_.party_orgs[top - 1].id, p_.party_orgs[top - 1].founded_on});
    o.recorded = m;
    if (m < 100) {
      members(top, o.id, m);
      if (m >= 40 && m < 50)
        for (int g = 0; g < 2; ++g)
          add(top, "第" + ordinal(g + 1) + "党小组", "group", "", o.area_id, core::add_days(founded, r_.between(0, 300)));
      return;
    }
    const int n = single_nodes(m) - 1;
    for (int c = 0; c < n; ++c) {
      const std::size_t child = add(top, "第" + ordinal(c + 1) + "党总支", "general_branch", "", o.area_id,
                                    core::add_days(founded, r_.chance(0.7) ? 0 : r_.between(30, 900)));
      members(child, o.id, m / n + (c < m % n ? 1 : 0));
    }
  }

  // A branch covering several orgs: joint (R-ORG-2, 2–5), industry or area-joint.
  void group(const std::vector<std::size_t>& orgs, int fill, const char* formation, const char* suffix, int base_year,
             const Area* street = nullptr) {
    const Org& first = p_.orgs[orgs.front()];
    const Area& place = street ? *street : p_.areas[static_cast<std::size_t>(first.area_id - 1)];
    const std::size_t parent = street_po_.at(static_cast<std::size_t>(first.street));
    Date newest{1900, 1, 1};
    for (std::size_t k : orgs) newest = later(newest, parse(p_.orgs[k].registered_on));
    Date founded = std::string(formation) == "joint" ? core::add_days(newest, r_.between(30, 1500))
                                                     : core::add_days(Date{base_year, 1, 1}, r_.between(0, 1500));
    int& count = per_place_[{place.id, formation}];
    ++count;
    const std::string name = place.name + (count > 1 || std::string(formation) == "joint" ? "第" + ordinal(count) : "") + suffix;
    const std::size_t po = add(parent, name, "branch", formation, place.id, founded);
    const Date from = parse(p_.party_orgs[po - 1].founded_on);
    for (std::size_t k : orgs) {
      const Org& o = p_.orgs[k];
      Date valid = later(from, core::add_days(parse(o.registered_on), r_.between(10, 200)));
      valid = earlier(valid, core::add_days(today_, -1));
      p_.coverage.push_back({o.id, p_.party_orgs[po - 1].id, iso(valid)});
      if (auto it = x_.recorded.find(k); it != x_.recorded.end()) members(po, o.id, it->second);
    }
    members(po, 0, fill);
  }

  // 党员数, 出资人是否党员 and 未建党组织原因 as a census clerk would have filled them in.
  void org_figures(Org& o) {
    Rng r(p_.options.seed, "org-figures", static_cast<std::uint64_t>(o.id));
    if (auto it = x_.recorded.find(static_cast<std::size_t>(o.id - 1)); it != x_.recorded.end()) o.recorded = it->second;
    const bool should = std::find(x_.should_build.begin(), x_.should_build.end(), static_cast<std::size_t>(o.id - 1)) !=
                        x_.should_build.end();
    if (should) {
      o.declared = static_cast<int>(r.between(3, std::clamp<std::int64_t>(o.workforce / 2, 3, 8)));
    } else {
      const double u = r.unit();
      o.declared = u < 0.06 ? -1 : o.recorded;
      if (u > 0.96) o.declared = static_cast<int>(std::min<std::int64_t>(o.recorded + 1, o.workforce));
    }
    const int known = std::max(o.declared, o.recorded);
    o.principal_member = r.chance(0.08) ? -1 : (known > 0 && r.chance(0.35)) ? 1 : 0;
    o.reason.clear();
  }

  // Instructors on most uncovered orgs, liaisons on some (work coverage, R-ORG-2); mass organisations.
  void contacts() {
    std::map<int, std::vector<std::size_t>> by_street;
    for (std::size_t k : x_.uncovered) by_street[p_.orgs[k].street].push_back(k);
    static const char* const reasons_none[] = {"无党员", "无党员，已派驻党建指导员", "暂无党员"};
    static const char* const reasons_few[] = {"党员不足3名", "党员不足3名，拟纳入联合党支部", "党员人数不足"};
    static const char* const reasons_many[] = {"正在筹建", "出资人不支持", "党员流动性大，尚未组建", "未落实"};
    for (auto& [street, list] : by_street) {
      std::sort(list.begin(), list.end());
      Rng r(p_.options.seed, "contacts", static_cast<std::uint64_t>(street));
      const std::size_t pool = (list.size() + 14) / 15;
      std::vector<std::pair<std::string, std::string>> instructors, liaisons;
      for (std::size_t k = 0; k < pool; ++k) {
        instructors.emplace_back(person_name(r, r.chance(0.55)), mobile(r));
        liaisons.emplace_back(person_name(r, r.chance(0.45)), mobile(r));
      }
      for (std::size_t n = 0; n < list.size(); ++n) {
        Org& o = p_.orgs[list[n]];
        const double u = r.unit();
        const Date reg = parse(o.registered_on);
        Date from = later(core::add_days(reg, 30), core::add_days(today_, -r.between(30, 1800)));
        from = earlier(from, core::add_days(today_, -1));
        if (u < 0.80) {
          const auto& who = instructors[n % pool];
          p_.assignments.push_back({who.first, who.second, "instructor", iso(from), o.id});
        } else if (u < 0.88) {
          const auto& who = liaisons[n % pool];
          p_.assignments.push_back({who.first, who.second, "liaison", iso(from), o.id});
        }
        if (r.chance(0.85)) {
          const int known = std::max(o.declared, o.recorded);
          o.reason = known <= 0 ? reasons_none[r.below(3)] : known < 3 ? reasons_few[r.below(3)] : reasons_many[r.below(4)];
        }
      }
    }
    for (std::size_t k = static_cast<std::size_t>(d_.org_begin); k < static_cast<std::size_t>(d_.org_end); ++k) {
      const Org& o = p_.orgs[k];
      if (o.status == "closed") continue;
      Rng r(p_.options.seed, "mass", static_cast<std::uint64_t>(o.id));
      const Date reg = parse(o.registered_on);
      auto founded = [&] { return iso(earlier(core::add_days(reg, r.between(30, 2000)), core::add_days(today_, -1))); };
      if (o.workforce >= 25 && r.chance(0.4)) p_.mass_orgs.push_back({o.id, "union", founded()});
      if (o.workforce >= 35 && r.chance(0.12)) p_.mass_orgs.push_back({o.id, "youth_league", founded()});
      if (o.workforce >= 30 && r.chance(0.08)) p_.mass_orgs.push_back({o.id, "womens_federation", founded()});
    }
  }

  // About 3 % of members came from another party org of the district by a transfer.
  void transfers(std::size_t slots_begin) {
    if (holders_.size() < 2) return;
    std::sort(holders_.begin(), holders_.end());
    holders_.erase(std::unique(holders_.begin(), holders_.end()), holders_.end());
    Rng r(p_.options.seed, "transfers", static_cast<std::uint64_t>(d_.index));
    for (std::size_t k = slots_begin; k < p_.slots.size(); ++k) {
      Slot& s = p_.slots[k];
      if (s.ended || !r.chance(0.03)) continue;
      const auto& from = p_.party_orgs[holders_[r.below(holders_.size())] - 1];
      if (from.id != s.party_org_id) s.previous_party_org_id = from.id;
    }
  }

  Plan& p_;
  const District& d_;
  const Decision& x_;
  Rng r_;
  Date today_;
  std::size_t top_ = 0;
  std::map<std::size_t, std::size_t> street_po_;  // street area index → party org index + 1
  std::set<std::pair<std::int64_t, std::string>> names_;
  std::map<std::pair<std::int64_t, std::string>, int> per_place_;
  std::vector<std::size_t> holders_;  // party orgs with member slots
};

}  // namespace

void build_district(Plan& p, const District& d, const Decision& x) { Builder(p, d, x).run(); }

}  // namespace lx::app::gen::detail
