// The in-memory plan of a generated district; see gen_plan.hpp.
#include "app/gen_plan.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "app/gen_names.hpp"
#include "app/gen_plan_detail.hpp"
#include "app/gen_random.hpp"

namespace lx::app::gen {
using detail::Decision;
using detail::District;
using detail::single_nodes;
namespace {

using core::Date;

std::string iso(Date d) { return core::to_iso(d); }
Date parse(const std::string& s) { return *core::parse_date(s); }
Date later(Date a, Date b) { return a < b ? b : a; }
Date earlier(Date a, Date b) { return a < b ? a : b; }

std::string pad(int v, int width) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%0*d", width, v);
  return buf;
}

std::size_t add_area(Plan& p, std::size_t parent, bool has_parent, const std::string& code, const std::string& name,
                     const std::string& level, int district) {
  Area a;
  a.id = static_cast<std::int64_t>(p.areas.size()) + 1;
  a.parent_id = has_parent ? p.areas[parent].id : 0;
  a.code = code;
  a.name = name;
  a.level = level;
  a.path = (has_parent ? p.areas[parent].path : std::string("/")) + std::to_string(a.id) + "/";
  a.district = district;
  p.areas.push_back(a);
  return p.areas.size() - 1;
}

// Districts, streets and communities; names unique where the importer
// matches them (streets in the whole plan, communities within a district).
std::vector<District> make_areas(Plan& p) {
  const auto& s = p.options.scale;
  static const char* const cities[] = {"江州", "云州", "青州", "丰州", "安州", "临州"};
  std::set<std::string> districts_used, streets_used;
  std::vector<District> out;
  for (int d = 0; d < s.districts; ++d) {
    Rng r(p.options.seed, "district", static_cast<std::uint64_t>(d));
    District dist;
    dist.index = d;
    const int city = s.districts == 1 ? 0 : d / 2;
    dist.city = cities[city % 6];
    dist.phone_area = "057" + std::to_string(1 + city % 9);
    dist.code = "33" + pad(1 + city, 2) + pad(2 + (s.districts == 1 ? 4 : d % 2 * 2), 2);
    std::string name;
    do name = place_stem(r) + "区";
    while (!districts_used.insert(name).second);
    dist.area = add_area(p, 0, false, dist.code, name, "district", d);
    std::set<std::string> communities_used;
    std::vector<double> weights;
    for (int k = 0; k < s.streets; ++k) {
      const bool town = r.chance(0.2);
      std::string sn;
      do sn = place_stem(r) + (town ? "镇" : "街道");
      while (!streets_used.insert(sn).second);
      const std::string scode = dist.code + pad(k + 1, 3);
      const std::size_t st = add_area(p, dist.area, true, scode, sn, "street", d);
      dist.streets.push_back(st);
      const int n = static_cast<int>(r.between(s.min_communities, s.max_communities));
      double sum = 0;
      const std::size_t first_place = dist.places.size();
      dist.places.push_back(st);
      weights.push_back(0);
      for (int c = 0; c < n; ++c) {
        std::string cn;
        do cn = place_stem(r) + (town && r.chance(0.5) ? "村" : "社区");
        while (!communities_used.insert(cn).second);
        dist.places.push_back(add_area(p, st, true, scode + pad(c + 1, 3), cn, "community", d));
        const double w = r.lognormal(1.0, 0.9);  // business parks and old town centres hold many orgs
        weights.push_back(w);
        sum += w;
      }
      weights[first_place] = 0.15 * sum;  // some orgs are registered with the street only
    }
    dist.place_weights = WeightedTable(weights);
    out.push_back(std::move(dist));
  }
  return out;
}

struct Choice {
  const char* text;
  double weight;
};

template <std::size_t N>
const char* draw(Rng& r, const Choice (&c)[N]) {
  double total = 0;
  for (const auto& x : c) total += x.weight;
  double v = r.unit() * total;
  for (const auto& x : c)
    if ((v -= x.weight) < 0) return x.text;
  return c[N - 1].text;
}

// One org, drawn from its own stream: the same org for the same seed and index.
Org draw_org(const Plan& p, const District& d, std::int64_t global, std::set<std::string>& names) {
  Rng r(p.options.seed, "org", static_cast<std::uint64_t>(global));
  const Date today = p.options.today;
  Org o;
  o.district = d.index;
  const Area& place = p.areas[d.places[d.place_weights.draw(r)]];
  o.area_id = place.id;
  o.area_path = place.path;
  const std::size_t street_index = place.level == "street" ? static_cast<std::size_t>(place.id - 1)
                                                           : static_cast<std::size_t>(place.parent_id - 1);
  o.street = static_cast<int>(street_index);
  static const Choice kinds[] = {{"enterprise", 82}, {"social", 11}, {"gig_site", 7}};
  o.kind = draw(r, kinds);
  double median = 15, sigma = 1.6, affinity = 1;
  if (o.kind == "enterprise") {
    static const Choice subs[] = {{"私营企业", 68}, {"个体工商户", 20}, {"外商投资企业", 4},
                                  {"港澳台投资企业", 2}, {"农民专业合作社", 1}, {"其他企业", 5}};
    o.sub_kind = draw(r, subs);
    static const Choice trades[] = {{"C", 14}, {"F", 22}, {"G", 7}, {"H", 9}, {"I", 9}, {"E", 6}, {"K", 4},
                                    {"L", 10}, {"M", 6}, {"O", 5}, {"R", 3}, {"A", 1}, {"J", 2}, {"N", 1},
                                    {"D", 0.5}, {"B", 0.2}, {"P", 0.8}, {"Q", 0.5}, {"", 5}};
    o.industry = draw(r, trades);
    if (o.sub_kind == "个体工商户") median = 4, sigma = 0.7, affinity = 0.25;
    else if (o.sub_kind == "外商投资企业") median = 80, sigma = 1.2, affinity = 0.6;
    else if (o.sub_kind == "港澳台投资企业") median = 60, sigma = 1.2, affinity = 0.7;
    else if (o.sub_kind == "农民专业合作社") median = 12, sigma = 0.8, affinity = 0.8;
  } else if (o.kind == "social") {
    static const Choice subs[] = {{"社会团体", 25}, {"行业协会商会", 15}, {"民办非企业单位", 45},
                                  {"社会服务机构", 5}, {"基金会", 5}, {"其他社会组织", 5}};
    o.sub_kind = draw(r, subs);
    static const Choice trades[] = {{"S", 40}, {"P", 20}, {"Q", 15}, {"R", 15}, {"O", 10}};
    o.industry = draw(r, trades);
    median = 8, sigma = 1.0, affinity = 2.0;
  } else {
    static const Choice subs[] = {{"快递网点", 40}, {"外卖配送站点", 30}, {"网约车服务站点", 10},
                                  {"货运物流站点", 15}, {"其他新就业群体网点", 5}};
    o.sub_kind = draw(r, subs);
    o.industry = o.sub_kind == "外卖配送站点" ? "H" : o.sub_kind == "其他新就业群体网点" ? "O" : "G";
    median = 20, sigma = 0.6, affinity = 1.2;
  }
  o.workforce = std::clamp<std::int64_t>(std::llround(r.lognormal(median, sigma)), 1, 30000);
  o.affinity = affinity * r.lognormal(1.0, 0.7);
  const std::string city = r.chance(0.45) ? d.city : "";
  for (int attempt = 0; attempt < 6; ++attempt) {
    o.name = org_name(r, o.kind, o.sub_kind, o.industry, city);
    if (attempt == 5) o.name = p.areas[street_index].name + o.name;
    if (names.insert(o.name).second) break;
  }
  char authority = '9', type = '1';
  if (o.kind == "social") {
    authority = '5';
    type = o.sub_kind == "基金会" ? '3' : (o.sub_kind == "民办非企业单位" || o.sub_kind == "社会服务机构") ? '2' : '1';
  } else if (o.sub_kind == "个体工商户") {
    type = '2';
  } else if (o.sub_kind == "农民专业合作社") {
    type = '3';
  }
  o.uscc = credit_code(authority, type, d.code, static_cast<std::uint64_t>(global));
  // Registered a log-normal number of years ago (most orgs are young).
  const double max_years = o.kind == "gig_site" ? 12 : 35;
  const double years = std::min(max_years, r.lognormal(6.0, 0.8));
  const Date registered = core::add_days(today, -std::max<std::int64_t>(30, std::llround(years * 365.25)));
  o.registered_on = iso(registered);
  const auto age_days = core::days_between(registered, today);
  const double u = r.unit();
  o.status = u < 0.03 ? "closed" : u < 0.05 ? "suspended" : "normal";
  if (o.status == "closed") o.closed_on = iso(core::add_days(registered, std::llround(age_days * (0.2 + 0.8 * r.unit()))));
  const double v = r.unit();
  // R-CEN-2: most checked within the last quarter (census.stale_months = 3), some later, some never.
  if (v < 0.72) {
    o.verified_on = iso(later(registered, core::add_days(today, -r.between(0, 85))));
  } else if (v < 0.86) {
    o.verified_on = iso(later(registered, core::add_days(today, -r.between(95, 365))));
  } else if (v < 0.93) {
    o.verified_on = iso(later(registered, core::add_days(today, -r.between(400, 1100))));
  }
  if (!o.closed_on.empty() && !o.verified_on.empty() && o.verified_on > o.closed_on) o.verified_on = o.closed_on;
  o.above_scale = o.kind == "enterprise" && (o.workforce >= 300 || (o.workforce >= 100 && r.chance(0.4)));
  o.principal = person_name(r, r.chance(0.75));
  o.contact_name = r.chance(0.6) ? o.principal : person_name(r, r.chance(0.5));
  const double ph = r.unit();
  if (ph < 0.65) o.phone = mobile(r);
  else if (ph < 0.80) o.phone = landline(r, d.phone_area);
  o.address = address(r, p.areas[street_index].name);
  return o;
}

// ---- the party structure of one district ----

// Per-org draws that do not depend on the structure, from a stream of their own.
struct OrgDraws {
  double size_noise;  // singles: members per staff
  int small_members;  // 1 or 2 if it ends up in a joint branch
  double order;       // a random order for choosing
  bool area_member;   // one member recorded if covered by an area-joint branch
  bool street_member; // 1–2 members in the street committee if uncovered
  bool gig_in_industry;
};

OrgDraws org_draws(const Plan& p, std::int64_t global) {
  Rng r(p.options.seed, "org-members", static_cast<std::uint64_t>(global));
  OrgDraws d;
  d.size_noise = r.lognormal(1.0, 0.5);
  d.small_members = r.chance(0.62) ? 1 : 2;
  d.order = r.unit();
  d.area_member = r.chance(0.2);
  d.street_member = r.chance(0.05);
  d.gig_in_industry = r.chance(0.6);
  return d;
}

Decision decide(const Plan& p, const District& d, const std::vector<std::size_t>& ranked,
                const std::vector<OrgDraws>& draws, std::size_t n_singles, std::int64_t member_target) {
  Decision x;
  const auto& orgs = p.orgs;
  auto draw_of = [&](std::size_t k) -> const OrgDraws& { return draws[k - static_cast<std::size_t>(d.org_begin)]; };
  Rng r(p.options.seed, "structure", static_cast<std::uint64_t>(d.index));
  std::vector<char> taken(orgs.size(), 0);
  for (std::size_t k : ranked) {
    if (x.singles.size() >= n_singles) break;
    if (orgs[k].workforce < 8) continue;
    x.singles.push_back(k);
    taken[k] = 1;
  }
  // Joint branches: the next orgs in rank with one or two members, grouped
  // by community and trade (R-ORG-2: 2–5 orgs).
  const std::size_t n_small = ranked.size() / 10;
  std::vector<std::size_t> smalls;
  for (std::size_t k : ranked) {
    if (smalls.size() >= n_small) break;
    if (taken[k] || orgs[k].workforce < 2) continue;
    smalls.push_back(k);
    taken[k] = 1;
    x.recorded[k] = std::min<int>(draw_of(k).small_members, static_cast<int>(orgs[k].workforce));
  }
  if (smalls.size() < 2) {
    for (std::size_t k : smalls) x.recorded.erase(k), taken[k] = 0;
    smalls.clear();
  }
  std::sort(smalls.begin(), smalls.end(), [&](std::size_t a, std::size_t b) {
    return std::tie(orgs[a].area_id, orgs[a].industry, a) < std::tie(orgs[b].area_id, orgs[b].industry, b);
  });
  for (std::size_t at = 0; at < smalls.size();) {
    const std::size_t remaining = smalls.size() - at;
    std::size_t size = static_cast<std::size_t>(r.between(2, 5));
    if (remaining > size && remaining - size == 1) size = size == 5 ? 4 : size + 1;  // no group of one left behind
    size = std::min(size, remaining);
    std::vector<std::size_t> g(smalls.begin() + static_cast<long>(at), smalls.begin() + static_cast<long>(at + size));
    at += size;
    int members = 0;
    for (auto k : g) members += x.recorded[k];
    x.joints.push_back(std::move(g));
    x.joint_fill.push_back(std::max(0, 3 - members) + static_cast<int>(r.between(0, 2)));
  }
  // Gig sites of a street: an industry branch covers most of them.
  std::map<std::size_t, std::vector<std::size_t>> gigs;
  for (std::size_t k : ranked)
    if (!taken[k] && orgs[k].kind == "gig_site" && draw_of(k).gig_in_industry)
      gigs[static_cast<std::size_t>(orgs[k].street)].push_back(k);
  for (auto& [street, list] : gigs) {
    if (list.size() < 4) continue;
    std::sort(list.begin(), list.end());
    int members = 0;
    for (auto k : list) {
      taken[k] = 1;
      if (draw_of(k).area_member) members += (x.recorded[k] = 1);
    }
    x.industry.push_back(list);
    x.industry_street.push_back(street);
    x.industry_fill.push_back(std::max(3 - members, 0) + static_cast<int>(r.between(4, 14)));
  }
  // Should-build: a few larger orgs with three or more declared members and no party org.
  std::vector<std::size_t> pool;
  for (std::size_t k : ranked)
    if (!taken[k]) pool.push_back(k);
  std::sort(pool.begin(), pool.end(), [&](std::size_t a, std::size_t b) { return draw_of(a).order < draw_of(b).order; });
  const std::size_t n_should = ranked.size() * 12 / 1000;
  std::vector<std::size_t> rest;
  for (std::size_t k : pool) {
    if (x.should_build.size() < n_should && orgs[k].workforce >= 8) x.should_build.push_back(k);
    else rest.push_back(k);
  }
  // Area-joint branches of the community cover enough of the rest for ~75 %.
  std::int64_t covered = static_cast<std::int64_t>(x.singles.size());
  for (const auto& g : x.joints) covered += static_cast<std::int64_t>(g.size());
  for (const auto& g : x.industry) covered += static_cast<std::int64_t>(g.size());
  const std::int64_t need = std::max<std::int64_t>(0, std::llround(0.75 * static_cast<double>(ranked.size())) - covered);
  std::vector<std::size_t> chosen(rest.begin(), rest.begin() + std::min<std::int64_t>(need, static_cast<std::int64_t>(rest.size())));
  for (std::size_t k = chosen.size(); k < rest.size(); ++k) x.uncovered.push_back(rest[k]);
  std::sort(chosen.begin(), chosen.end(), [&](std::size_t a, std::size_t b) {
    return std::tie(orgs[a].area_id, a) < std::tie(orgs[b].area_id, b);
  });
  for (std::size_t at = 0; at < chosen.size();) {
    std::size_t end = at;
    while (end < chosen.size() && orgs[chosen[end]].area_id == orgs[chosen[at]].area_id) ++end;
    const std::size_t n = end - at, parts = (n + 39) / 40;
    for (std::size_t part = 0; part < parts; ++part) {
      std::vector<std::size_t> g;
      int members = 0;
      for (std::size_t k = at + part * n / parts; k < at + (part + 1) * n / parts; ++k) {
        g.push_back(chosen[k]);
        if (draw_of(chosen[k]).area_member) members += (x.recorded[chosen[k]] = 1);
      }
      x.area_joint.push_back(std::move(g));
      x.area_fill.push_back(std::clamp(static_cast<int>(r.between(10, 45)), std::max(0, 3 - members), 49 - members));
    }
    at = end;
  }
  for (std::size_t k : x.should_build) x.uncovered.push_back(k);
  // The street committee keeps the members of uncovered orgs and members without a workplace.
  x.street_fill.assign(d.streets.size(), 0);
  for (std::size_t s = 0; s < d.streets.size(); ++s) x.street_fill[s] = static_cast<int>(r.between(40, 150));
  for (std::size_t k : x.uncovered)
    if (draw_of(k).street_member && orgs[k].workforce >= 2 &&
        std::find(x.should_build.begin(), x.should_build.end(), k) == x.should_build.end())
      x.recorded[k] = 1 + static_cast<int>(orgs[k].workforce >= 10);

  std::int64_t others = 0;
  for (const auto& [k, m] : x.recorded) others += m;
  for (int f : x.joint_fill) others += f;
  for (int f : x.industry_fill) others += f;
  for (int f : x.area_fill) others += f;
  for (int f : x.street_fill) others += f;
  // Singles take the rest, in proportion to staff^0.9 with noise, at least
  // 3 (R-ORG-1) and at most three fifths of the staff.
  const std::int64_t want = std::max<std::int64_t>(member_target - others, 3 * static_cast<std::int64_t>(x.singles.size()));
  auto members_at = [&](double scale, std::vector<int>* out) {
    std::int64_t sum = 0;
    for (std::size_t k : x.singles) {
      const double base = std::pow(static_cast<double>(orgs[k].workforce), 0.9) * draw_of(k).size_noise;
      const int cap = static_cast<int>(std::max<std::int64_t>(3, orgs[k].workforce * 3 / 5));
      const int m = std::clamp(static_cast<int>(std::llround(scale * base)), 3, cap);
      sum += m;
      if (out) out->push_back(m);
    }
    return sum;
  };
  double lo = 0, hi = 1;
  while (members_at(hi, nullptr) < want && hi < 1e6) hi *= 2;
  for (int it = 0; it < 50; ++it) {
    const double mid = (lo + hi) / 2;
    (members_at(mid, nullptr) < want ? lo : hi) = mid;
  }
  members_at(hi, &x.single_members);
  // Where the singles' staff cannot hold the rest (three fifths of the
  // staff at most), area-joint branches fill up to 49 members and the street
  // committees keep the others: members without a recorded workplace.
  std::int64_t short_by = want;
  for (int m : x.single_members) short_by -= m;
  for (std::size_t k = 0; k < x.area_fill.size() && short_by > 0; ++k) {
    int members = x.area_fill[k];
    for (std::size_t o : x.area_joint[k])
      if (auto it = x.recorded.find(o); it != x.recorded.end()) members += it->second;
    const int add = static_cast<int>(std::min<std::int64_t>(short_by, std::max(0, 49 - members)));
    x.area_fill[k] += add;
    short_by -= add;
  }
  for (std::size_t s = 0; s < x.street_fill.size() && short_by > 0; ++s) {
    const std::int64_t add = (short_by + static_cast<std::int64_t>(x.street_fill.size() - s) - 1) /
                             static_cast<std::int64_t>(x.street_fill.size() - s);
    x.street_fill[s] += static_cast<int>(add);
    short_by -= add;
  }
  others = 0;
  for (const auto& [k, m] : x.recorded) others += m;
  for (int f : x.joint_fill) others += f;
  for (int f : x.industry_fill) others += f;
  for (int f : x.area_fill) others += f;
  for (int f : x.street_fill) others += f;
  x.members = others;
  x.party_orgs = 1 + static_cast<std::int64_t>(d.streets.size() + x.joints.size() + x.industry.size() + x.area_joint.size());
  for (int m : x.single_members) {
    x.party_orgs += single_nodes(m);
    x.members += m;
  }
  return x;
}

}  // namespace

Result<ScaleSpec> scale_spec(const std::string& name) {
  ScaleSpec s;
  s.name = name;
  if (name == "small") return s;
  if (name == "city") {
    s.streets = 20, s.min_communities = 8, s.max_communities = 16;
    s.orgs = 50000, s.party_orgs = 6000, s.members = 300000;
    return s;
  }
  if (name == "province") {
    s.districts = 10, s.streets = 20, s.min_communities = 8, s.max_communities = 16;
    s.orgs = 500000, s.party_orgs = 50000, s.members = 3000000, s.life_years = 1;
    return s;
  }
  return make_error("invalid_value", "规模应为 small、city 或 province：" + name, "scale");
}

Plan make_area_plan(const Options& o) {
  Plan p;
  p.options = o;
  make_areas(p);
  return p;
}

Plan make_plan(const Options& o) {
  Plan p;
  p.options = o;
  auto districts = make_areas(p);
  const std::int64_t per = o.scale.orgs / o.scale.districts;
  for (auto& d : districts) {
    std::set<std::string> names;
    d.org_begin = static_cast<std::int64_t>(p.orgs.size());
    for (std::int64_t k = 0; k < per; ++k) {
      Org org = draw_org(p, d, d.org_begin + k, names);
      org.id = static_cast<std::int64_t>(p.orgs.size()) + 1;
      p.orgs.push_back(std::move(org));
    }
    d.org_end = static_cast<std::int64_t>(p.orgs.size());
  }
  for (const auto& d : districts) {
    std::vector<OrgDraws> draws;
    std::vector<std::size_t> ranked;
    for (std::int64_t k = d.org_begin; k < d.org_end; ++k) {
      draws.push_back(org_draws(p, k));
      if (p.orgs[static_cast<std::size_t>(k)].status != "closed") ranked.push_back(static_cast<std::size_t>(k));
    }
    auto score = [&](std::size_t k) {
      return std::sqrt(p.orgs[k].affinity) * static_cast<double>(p.orgs[k].workforce);
    };
    std::stable_sort(ranked.begin(), ranked.end(), [&](std::size_t a, std::size_t b) { return score(a) > score(b); });
    // As many singles as make the district's party org count come out at its share.
    const std::int64_t po_target = o.scale.party_orgs / o.scale.districts;
    const std::int64_t member_target = o.scale.members / o.scale.districts;
    std::size_t lo = 0, hi = ranked.size() / 3;
    while (lo < hi) {
      const std::size_t mid = (lo + hi) / 2;
      if (decide(p, d, ranked, draws, mid, member_target).party_orgs < po_target) lo = mid + 1;
      else hi = mid;
    }
    detail::build_district(p, d, decide(p, d, ranked, draws, lo, member_target));
  }
  return p;
}

PlanFigures figures(const Plan& p) {
  PlanFigures f;
  f.orgs = static_cast<std::int64_t>(p.orgs.size());
  std::vector<char> covered(p.orgs.size() + 1, 0), instructed(p.orgs.size() + 1, 0);
  for (const auto& c : p.coverage) covered[static_cast<std::size_t>(c.org_id)] = 1;
  for (const auto& a : p.assignments)
    if (a.role == "instructor") instructed[static_cast<std::size_t>(a.org_id)] = 1;
  for (const auto& o : p.orgs) {
    if (o.status == "closed") continue;
    ++f.live_orgs;
    const bool c = covered[static_cast<std::size_t>(o.id)];
    f.covered_live += c;
    if (!c) {
      ++f.uncovered_live;
      f.uncovered_with_instructor += instructed[static_cast<std::size_t>(o.id)];
      if (o.declared >= 3) ++f.should_build;
    }
  }
  f.party_orgs = static_cast<std::int64_t>(p.party_orgs.size());
  for (const auto& s : p.slots) f.members += !s.ended;
  std::map<std::int64_t, std::int64_t> per_joint;
  for (const auto& c : p.coverage)
    if (p.party_orgs[static_cast<std::size_t>(c.party_org_id - 1)].formation == "joint") ++per_joint[c.party_org_id];
  f.joint_branches = static_cast<std::int64_t>(per_joint.size());
  f.joint_min = per_joint.empty() ? 0 : 1 << 30;
  for (const auto& [id, n] : per_joint) {
    f.joint_min = std::min(f.joint_min, n);
    f.joint_max = std::max(f.joint_max, n);
  }
  return f;
}

}  // namespace lx::app::gen
