// The party org module's ledgers; see ledger.hpp.
#include "modules/partyorg/ledger.hpp"

#include <map>
#include <set>

#include "core/ids.hpp"
#include "modules/census/service.hpp"
#include "modules/ledger/rows.hpp"
#include "modules/partyorg/ledger_util.hpp"
#include "modules/partyorg/service.hpp"

namespace lx::partyorg {
namespace {

using ledger::add_problem;
using ledger::date_of;
using ledger::has_column;
using ledger::Report;
using ledger::text_of;
using ledger_util::actor_of;
using ledger_util::opt;
using ledger_util::org_by_code;
using ledger_util::output_columns;

// 覆盖组织: credit codes separated by ；;、, or line breaks.
std::vector<std::string> split_codes(const std::string& s) {
  std::string t = s;
  for (std::string_view sep : {"；", "、", "，", "\r", "\n", ","}) {
    for (auto k = t.find(sep); k != std::string::npos; k = t.find(sep)) t.replace(k, sep.size(), ";");
  }
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= t.size()) {
    auto end = t.find(';', start);
    if (end == std::string::npos) end = t.size();
    std::string part = core::normalize_cell(t.substr(start, end - start));
    if (!part.empty()) out.push_back(part);
    start = end + 1;
  }
  return out;
}

// ---- 党组织台账

namespace pcol {
constexpr std::string_view name = "党组织名称", parent = "上级党组织", type = "组织类型", formation = "组建方式",
                           temporary = "是否临时", end = "临时党组织结束日期", founded = "成立日期",
                           covers = "覆盖组织", secretary = "书记", secretary_id = "书记身份证号",
                           term = "本届开始日期";
}

// One checked row of the party org ledger and what the commit does with it.
struct PoPlan {
  const io::LedgerRow* row = nullptr;
  std::optional<std::int64_t> id;          // existing party org
  std::optional<std::int64_t> parent_id;   // existing parent (or none: top, or a file row)
  int parent_row = -1;                     // index of the plan of a parent made by this file
  PartyOrgInput in;                        // create: everything; update: what changed
  bool update = false;
  std::optional<std::vector<OrgBrief>> covers;  // column given: the orgs to cover
  std::optional<std::string> secretary;
  std::string founded_on;
  std::int64_t made_id = 0;                // filled by the commit
};

}  // namespace

const io::LedgerSpec& party_orgs_spec() {
  using io::CellType;
  static const io::LedgerSpec spec{{
      {.name = std::string(pcol::name), .required = true},
      {.name = std::string(pcol::parent)},
      {.name = std::string(pcol::type), .required = true, .aliases = {"党组织类型"}},
      {.name = std::string(pcol::formation)},
      {.name = std::string(pcol::temporary), .type = CellType::yes_no},
      {.name = std::string(pcol::end), .type = CellType::date, .aliases = {"计划结束日期"}},
      {.name = std::string(pcol::founded), .required = true, .type = CellType::date},
      {.name = std::string(pcol::covers)},
      {.name = std::string(pcol::secretary)},
      {.name = std::string(pcol::secretary_id)},
      {.name = std::string(pcol::term), .type = CellType::date},
  }};
  return spec;
}

ledger::Report import_party_orgs(db::Connection& c, const ledger::Who& who, const io::Ledger& l, bool write,
                                 const ledger::Progress& progress) {
  Report rep;
  rep.rows = static_cast<std::int64_t>(l.rows.size());
  const Actor a = actor_of(who);
  const std::string day = today();
  const core::Date today_date = *core::parse_date(day);
  repo::ListFilter lf;
  lf.today = day;
  auto listed = list_party_orgs(c, a, lf);
  std::multimap<std::string, PartyOrg> by_name;
  if (listed)
    for (const auto& p : listed->first) by_name.emplace(p.name, p);
  std::map<std::string, int> file_names;   // name -> index in plans of its last row
  std::set<std::pair<std::string, std::string>> keys;  // (parent key, name)
  std::vector<PoPlan> plans;

  for (const auto& r : l.rows) {
    const std::size_t before = rep.errors.size();
    PoPlan p;
    p.row = &r;
    const auto name = text_of(r, pcol::name);
    const auto type_text = text_of(r, pcol::type);
    std::optional<std::string> type;
    if (type_text) {
      type = parse_type(*type_text);
      if (!type) add_problem(rep, r, pcol::type, "组织类型应为党委、党总支、党支部或党小组");
    }
    std::optional<std::string> formation;
    if (auto f = text_of(r, pcol::formation)) {
      formation = parse_formation(*f);
      if (!formation) add_problem(rep, r, pcol::formation, "组建方式应为单独组建、联合组建、挂靠组建、区域联建、行业统建、驻派帮建或龙头带建");
    }
    const auto founded = date_of(r, pcol::founded);
    const auto end = date_of(r, pcol::end);
    const bool* temporary = r.get<bool>(pcol::temporary);
    if (founded && temporary) {
      std::optional<core::Date> e;
      if (end) e = *core::parse_date(*end);
      if (auto st = check_temporary(*temporary, e, *core::parse_date(*founded)); !st)
        add_problem(rep, r, pcol::end, st.error().message);
    }
    if (auto sid = text_of(r, pcol::secretary_id))
      if (auto id = core::check_id_number(*sid, today_date); !id)  // R-ID-1
        add_problem(rep, r, pcol::secretary_id, id.error().message);
    // The parent: an earlier row of the file, or a party org in scope.
    std::optional<std::string> parent_type;
    std::string parent_key;
    bool parent_ok = true;
    if (auto pn = text_of(r, pcol::parent)) {
      const std::string pname = core::normalize_cell(*pn);
      parent_key = pname;
      if (auto f = file_names.find(pname); f != file_names.end()) {
        const PoPlan& pp = plans[f->second];
        p.parent_row = f->second;
        p.parent_id = pp.id;
        if (auto t = text_of(*pp.row, pcol::type)) parent_type = parse_type(*t);
        parent_key = "row:" + std::to_string(f->second);
      } else {
        auto [lo, hi] = by_name.equal_range(pname);
        const auto n = std::distance(lo, hi);
        if (n == 1) {
          p.parent_id = lo->second.id;
          parent_type = lo->second.type;
          parent_key = "id:" + std::to_string(lo->second.id);
        } else {
          // The top of the scope: its parent lies outside, so find the row's own record instead.
          std::optional<PartyOrg> self;
          if (name)
            for (auto [s, e] = by_name.equal_range(core::normalize_cell(*name)); s != e; ++s)
              if (s->second.parent_name == pname) self = s->second;
          if (self && self->parent_id) {
            p.parent_id = self->parent_id;
            if (auto par = repo::find(c, *self->parent_id)) parent_type = par->type;
            parent_key = "id:" + std::to_string(*self->parent_id);
          } else {
            parent_ok = false;
            add_problem(rep, r, pcol::parent,
                        n == 0 ? "上级党组织“" + pname + "”不存在或不在您的数据范围内，也未在本文件前面的行中出现"
                               : "有" + std::to_string(n) + "个名为“" + pname + "”的党组织，无法确定是哪一个");
          }
        }
      }
    } else if (who.role != core::Role::admin) {
      parent_ok = false;
      add_problem(rep, r, pcol::parent, "请填写上级党组织（只有系统管理员可以设立顶级党组织）");
    }
    if (parent_ok && type)
      if (auto st = check_placement(parent_type ? std::optional<std::string_view>(*parent_type) : std::nullopt, *type); !st)
        add_problem(rep, r, pcol::type, st.error().message);
    // The natural key.
    std::optional<PartyOrg> cur;
    if (name && parent_ok) {
      const std::string n = core::normalize_cell(*name);
      if (!keys.insert({parent_key, n}).second) {
        add_problem(rep, r, pcol::name, "与本文件前面的行重复（同一上级党组织下的同名党组织）");
      } else if (p.parent_row < 0 || p.parent_id) {
        std::optional<std::int64_t> parent = p.parent_id;
        if (auto found = repo::find_by_name(c, parent, n)) {
          if (!repo::find_in_scope(c, a.scope, found->id)) add_problem(rep, r, pcol::name, "该党组织不在您的数据范围内");
          else cur = *found;
        }
      }
    }
    // 覆盖组织.
    if (has_column(l, pcol::covers)) {
      if (auto cv = text_of(r, pcol::covers)) {
        p.covers.emplace();
        std::set<std::int64_t> seen;
        for (const auto& code : split_codes(*cv)) {
          auto o = org_by_code(c, a, code, day);
          if (!o) add_problem(rep, r, pcol::covers, code + "：" + o.error().message);
          else if (o->closed_on && *o->closed_on <= day)
            add_problem(rep, r, pcol::covers, code + "：“" + o->name + "”已于" + *o->closed_on + "注销");
          else if (seen.insert(o->id).second) p.covers->push_back(*o);
        }
      }
    }
    if (auto s = text_of(r, pcol::secretary)) p.secretary = core::normalize_cell(*s);
    if (name) file_names[core::normalize_cell(*name)] = static_cast<int>(plans.size());
    if (rep.errors.size() > before || !r.valid) {
      plans.push_back(std::move(p));
      continue;
    }
    p.founded_on = *founded;
    const auto term = date_of(r, pcol::term);
    if (!cur) {
      p.in.name = core::normalize_cell(*name);
      p.in.type = *type;
      p.in.founded_on = *founded;
      if (formation) p.in.formation = formation;
      if (temporary) p.in.temporary = *temporary;
      if (end) p.in.end_date = end;
      if (term) p.in.term_start = term;
      ++rep.inserted;
    } else {
      p.id = cur->id;
      if (*type != cur->type) p.in.type = *type;
      if (*founded != cur->founded_on) p.in.founded_on = *founded;
      if (formation && formation != cur->formation) p.in.formation = formation;
      if (temporary && *temporary != cur->temporary) p.in.temporary = *temporary;
      if (end && end != cur->end_date) p.in.end_date = end;
      if (term && term != cur->term_start) p.in.term_start = term;
      bool changed = p.in.type || p.in.founded_on || p.in.formation || p.in.temporary || p.in.end_date || p.in.term_start;
      if (p.covers) {
        std::set<std::int64_t> want, have;
        for (const auto& o : *p.covers) want.insert(o.id);
        for (const auto& link : repo::coverage_of(c, cur->id, day)) have.insert(link.org_id);
        changed = changed || want != have;
      }
      if (p.secretary) {
        std::optional<std::string> now;
        for (const auto& post : repo::posts_of(c, cur->id, day))
          if (post.post == "secretary") now = post.person_name;
        changed = changed || now != p.secretary;
      }
      p.update = changed;
      if (changed) ++rep.updated;
    }
    plans.push_back(std::move(p));
  }
  for (const auto& pr : l.problems) rep.errors.push_back(pr);
  io::sort_problems(rep.errors);
  if (!write || !rep.errors.empty()) return rep;

  const auto total = static_cast<std::int64_t>(plans.size());
  std::int64_t done = 0, inserted = 0, updated = 0;
  auto fail = [&](const PoPlan& p, std::string_view column, const Error& e) {
    add_problem(rep, *p.row, column, e.message);
    return rep;
  };
  for (auto& p : plans) {
    if (progress) progress(done, total);
    ++done;
    std::int64_t id = 0;
    if (!p.id) {
      PartyOrgInput in = p.in;
      std::optional<std::int64_t> parent = p.parent_id;
      if (p.parent_row >= 0) parent = plans[p.parent_row].id ? plans[p.parent_row].id : plans[p.parent_row].made_id;
      in.parent_id = parent ? std::optional<std::int64_t>(*parent) : std::nullopt;
      auto made = create_party_org(c, a, in);
      if (!made) return fail(p, made.error().field == "type" ? pcol::type : pcol::name, made.error());
      id = p.made_id = made->id;
      ++inserted;
    } else {
      id = *p.id;
      if (!p.update) continue;
      if (p.in.type || p.in.founded_on || p.in.formation || p.in.temporary || p.in.end_date || p.in.term_start)
        if (auto u = update_party_org(c, a, id, p.in); !u) return fail(p, pcol::name, u.error());
      ++updated;
    }
    if (p.covers) {
      std::map<std::int64_t, CoverageLink> have;
      for (const auto& link : repo::coverage_of(c, id, day)) have[link.org_id] = link;
      std::set<std::int64_t> want;
      for (const auto& o : *p.covers) {
        want.insert(o.id);
        if (have.count(o.id)) continue;
        std::string from = p.id ? day : p.founded_on;
        if (o.registered_on && *o.registered_on > from) from = *o.registered_on;
        if (auto added = add_coverage(c, a, id, o.id, from); !added) return fail(p, pcol::covers, added.error());
      }
      for (const auto& [org_id, link] : have)
        if (!want.count(org_id))
          if (auto ended = end_coverage(c, a, link.id, day); !ended) return fail(p, pcol::covers, ended.error());
    }
    if (p.secretary) {
      std::optional<CommitteePost> now;
      for (const auto& post : repo::posts_of(c, id, day))
        if (post.post == "secretary") now = post;
      if (!now || now->person_name != *p.secretary) {
        std::string from = p.id ? day : p.in.term_start.value_or(p.founded_on).value_or(p.founded_on);
        if (now)
          if (auto e = end_post(c, a, now->id, day); !e) return fail(p, pcol::secretary, e.error());
        if (auto added = add_post(c, a, id, PostInput{"secretary", *p.secretary, from, std::nullopt}); !added)
          return fail(p, pcol::secretary, added.error());
      }
    }
  }
  if (progress) progress(total, total);
  rep.inserted = inserted;
  rep.updated = updated;
  return rep;
}

io::OutputSheet export_party_orgs(db::Connection& c, const ledger::Who& who) {
  io::OutputSheet sheet{"党组织台账", "", output_columns(party_orgs_spec(), false), {}};
  const Actor a = actor_of(who);
  repo::ListFilter lf;
  lf.today = today();
  auto listed = list_party_orgs(c, a, lf);
  if (!listed) return sheet;
  for (const auto& p : listed->first) {
    std::string covers, secretary;
    for (const auto& link : repo::coverage_of(c, p.id, lf.today)) covers += (covers.empty() ? "" : "；") + link.org_uscc;
    for (const auto& post : repo::posts_of(c, p.id, lf.today))
      if (post.post == "secretary") secretary = post.person_name;
    sheet.rows.push_back({p.name, p.parent_name, std::string(type_name(p.type)),
                          p.formation ? io::OutputValue(std::string(formation_name(*p.formation))) : std::monostate{},
                          std::string(p.temporary ? "是" : "否"), opt(p.end_date), p.founded_on, covers, secretary,
                          std::monostate{}, opt(p.term_start)});
  }
  return sheet;
}

io::OutputSheet party_orgs_template() {
  io::OutputSheet sheet{"党组织台账", "", output_columns(party_orgs_spec(), true), {}};
  sheet.rows.push_back({"杭州云栖科技有限公司联合党支部", "西湖街道两新工委", "党支部", "联合组建", "否", std::monostate{},
                        "2020-07-01", "91330106MA2H3K5L7J；51330106MJ8765432X", "王五", std::monostate{},
                        "2023-07-01"});
  return sheet;
}

}  // namespace lx::partyorg
