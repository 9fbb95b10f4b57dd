// The party org tree: create, edit, move, dissolve.
#include "modules/partyorg/service.hpp"

#include "db/tree.hpp"
#include "modules/census/service.hpp"
#include "modules/partyorg/service_util.hpp"
#include "modules/settings/service.hpp"

namespace lx::partyorg {
namespace {

using detail::conflict;
using detail::date_field;
using detail::no_such;
using detail::not_found;

// R-ORG-6: only admins place a party org at the top of the tree.
Status check_top_level(const Actor& a) {
  if (a.role != core::Role::admin)
    return make_error("top_level_admin_only", "只有系统管理员可以设立顶级党组织", "parent_id", 403);
  return {};
}

// An area the actor may file a party org under (an area-scoped actor: only
// inside the area subtree). Returns the area's level.
Result<std::string> check_area(db::Connection& c, const Actor& a, std::int64_t area_id) {
  const http::Scope where = a.scope.kind == http::Scope::Kind::area ? a.scope : http::Scope{};
  auto ar = census::get_area(c, where, area_id);
  if (!ar) return no_such("属地", "area_id");
  return ar->level;
}

// The party org's area exists and, for an area-scoped actor, lies in the
// scope: such an actor keeps every party org inside the area subtree.
Status check_area_of(db::Connection& c, const Actor& a, const PartyOrg& p) {
  if (p.area_id) {
    auto level = check_area(c, a, *p.area_id);
    if (!level) return level.error();
  } else if (a.scope.kind == http::Scope::Kind::area) {
    return make_error("required", "请选择所在属地", "area_id");
  }
  return {};
}

// A visible, live parent for a child of `type`.
Result<PartyOrg> check_parent(db::Connection& c, const Actor& a, std::int64_t parent_id, const std::string& type) {
  auto parent = repo::find_in_scope(c, a.scope, parent_id);
  if (!parent) return no_such("上级党组织", "parent_id");
  if (parent->dissolved_on) return make_error("dissolved", "上级党组织已撤销", "parent_id");
  if (auto st = check_placement(parent->type, type); !st) return st.error();
  return *parent;
}

Status check_unique_name(db::Connection& c, std::optional<std::int64_t> parent_id, const std::string& name,
                         std::int64_t self) {
  auto same = repo::find_by_name(c, parent_id, name);
  if (same && same->id != self) return conflict("duplicate", "同一上级党组织下已有同名党组织", "name");
  return {};
}

// Applies the given fields of `in` to p, validating each.
Status apply(db::Connection& c, const Actor& a, const PartyOrgInput& in, PartyOrg& p) {
  if (in.name) {
    auto s = detail::text_field(*in.name, "name", "党组织名称", 100);
    if (!s) return s.error();
    p.name = *s;
  }
  if (in.type) {
    auto t = parse_type(*in.type);
    if (!t) return make_error("invalid_value", "组织类型应为党委、党总支、党支部或党小组", "type");
    p.type = *t;
  }
  if (in.founded_on) {
    auto d = date_field(*in.founded_on, "founded_on", "成立日期");
    if (!d) return d.error();
    p.founded_on = *d;
  }
  if (in.role) {
    p.role.reset();
    if (*in.role && !core::normalize_cell(**in.role).empty()) {
      if (core::normalize_cell(**in.role) != "leading")
        return make_error("invalid_value", "党组织角色只能为 leading（工委、行业党委）或空", "role");
      p.role = "leading";
    }
  }
  if (in.formation) {
    p.formation.reset();
    if (*in.formation && !core::normalize_cell(**in.formation).empty()) {
      auto f = parse_formation(**in.formation);
      if (!f) return make_error("invalid_value", "组建方式无效", "formation");
      p.formation = *f;
    }
  }
  if (in.temporary) p.temporary = *in.temporary;
  if (in.weak) p.weak = *in.weak;
  if (in.end_date) {
    p.end_date.reset();
    if (*in.end_date) {
      auto d = date_field(**in.end_date, "end_date", "结束日期");
      if (!d) return d.error();
      p.end_date = *d;
    }
  }
  if (in.term_start) {
    p.term_start.reset();
    if (*in.term_start) {
      auto d = date_field(**in.term_start, "term_start", "本届开始日期");
      if (!d) return d.error();
      p.term_start = *d;
    }
  }
  if (in.term_years) {
    p.term_years = *in.term_years;
    if (p.term_years && (*p.term_years < 1 || *p.term_years > 10))
      return make_error("invalid_value", "任期年限应在1到10年之间", "term_years");
  }
  if (in.area_id) {
    p.area_id = *in.area_id;
    if (auto st = check_area_of(c, a, p); !st) return st;
  }
  if (in.declared_members) p.declared_members = *in.declared_members;
  if (in.declared_full_members) p.declared_full_members = *in.declared_full_members;
  if (auto st = check_member_counts(p.declared_members, p.declared_full_members); !st) return st;
  // R-ORG-6: a temporary party org has an end date.
  std::optional<core::Date> end;
  if (p.end_date) end = detail::stored_date(*p.end_date);
  if (auto st = check_temporary(p.temporary, end, detail::stored_date(p.founded_on)); !st) return st;
  if (p.dissolved_on && *p.dissolved_on < p.founded_on)
    return make_error("invalid_date", "成立日期不能晚于撤销日期", "founded_on");
  return {};
}

}  // namespace

RuleSettings load_rule_settings(db::Connection& c) {
  RuleSettings s;
  auto get = [&](std::string_view key) { return static_cast<int>(settings::get_int(c, key)); };
  s.term_years_committee = get("org.term_years_committee");
  s.term_years_branch = get("org.term_years_branch");
  s.term_years_community = get("org.term_years_community");
  s.term_warning_days = get("org.term_warning_days");
  return s;
}

std::string today() { return core::to_iso(core::today_shanghai()); }

Result<PartyOrg> get_party_org(db::Connection& c, const Actor& a, std::int64_t id) {
  auto p = repo::find_in_scope(c, a.scope, id);
  if (!p) return not_found();
  return *p;
}

Result<std::pair<std::vector<PartyOrg>, std::int64_t>> list_party_orgs(db::Connection& c, const Actor& a,
                                                                       repo::ListFilter f) {
  if (f.parent_id && !repo::find_in_scope(c, a.scope, *f.parent_id)) return not_found();
  if (f.today.empty()) f.today = today();
  return repo::list(c, a.scope, f);
}

Result<PartyOrg> create_party_org(db::Connection& c, const Actor& a, const PartyOrgInput& in) {
  if (!in.name) return make_error("required", "请填写党组织名称", "name");
  if (!in.type) return make_error("required", "请选择组织类型", "type");
  if (!in.founded_on) return make_error("required", "请填写成立日期", "founded_on");
  PartyOrg p;
  PartyOrgInput first = in;   // the area is settled once the parent's is known
  first.area_id.reset();
  if (auto st = apply(c, a, first, p); !st) return st.error();

  std::string parent_path;
  if (in.parent_id && *in.parent_id) {
    auto parent = check_parent(c, a, **in.parent_id, p.type);
    if (!parent) return parent.error();
    p.parent_id = parent->id;
    parent_path = parent->path;
    p.area_id = parent->area_id;   // inherited unless given
  } else {
    if (auto st = check_top_level(a); !st) return st.error();
    if (auto st = check_placement(std::nullopt, p.type); !st) return st.error();
  }
  if (in.area_id) p.area_id = *in.area_id;
  if (auto st = check_area_of(c, a, p); !st) return st.error();

  // R-ORG-5: the first term starts at founding, with the default length
  // (groups and temporary party orgs hold no elections of their own).
  const RuleSettings settings = load_rule_settings(c);
  const bool has_term = p.type != "group" && !p.temporary;
  if (!in.term_start && has_term) p.term_start = p.founded_on;
  if (!in.term_years && has_term) {
    bool community = false;
    if (p.area_id)
      if (auto ar = census::get_area(c, http::Scope{}, *p.area_id))
        community = ar->level == "community" || ar->level == "village";
    p.term_years = default_term_years(p.type, community, settings);
  }
  if (auto st = check_unique_name(c, p.parent_id, p.name, 0); !st) return st.error();
  const std::int64_t id = repo::insert(c, p, parent_path);
  return *repo::find(c, id);
}

Result<PartyOrg> update_party_org(db::Connection& c, const Actor& a, std::int64_t id, const PartyOrgInput& in) {
  auto cur = repo::find_in_scope(c, a.scope, id);
  if (!cur) return not_found();
  if (in.parent_id) return make_error("invalid_value", "调整上级党组织请使用“移动”", "parent_id");
  PartyOrg p = *cur;
  if (auto st = apply(c, a, in, p); !st) return st.error();
  if (p.type != cur->type) {
    // R-ORG-6: the new type must fit the parent and the live children.
    std::optional<std::string> parent_type;
    if (p.parent_id)
      if (auto parent = repo::find(c, *p.parent_id)) parent_type = parent->type;
    if (auto st = check_placement(parent_type, p.type); !st) return make_error("invalid_type", st.error().message, "type");
    for (const auto& child : repo::live_child_types(c, id))
      if (auto st = check_placement(p.type, child); !st)
        return make_error("invalid_type", "其下级党组织不符合新的组织类型：" + st.error().message, "type");
  }
  if (p.name != cur->name)
    if (auto st = check_unique_name(c, p.parent_id, p.name, id); !st) return st.error();
  repo::update(c, p);
  return *repo::find(c, id);
}

Result<PartyOrg> move_party_org(db::Connection& c, const Actor& a, std::int64_t id,
                                std::optional<std::int64_t> parent_id) {
  auto cur = repo::find_in_scope(c, a.scope, id);
  if (!cur) return not_found();
  if (cur->dissolved_on) return make_error("dissolved", "已撤销的党组织不能移动", "parent_id");
  std::string parent_path;
  if (parent_id) {
    auto np = repo::find_in_scope(c, a.scope, *parent_id);
    if (!np) return no_such("上级党组织", "parent_id");
    if (np->path.starts_with(cur->path))
      return make_error("invalid_parent", "不能移到本党组织或其下级党组织之下", "parent_id");
    auto parent = check_parent(c, a, *parent_id, cur->type);
    if (!parent) return parent.error();
    parent_path = parent->path;
  } else {
    if (auto st = check_top_level(a); !st) return st.error();
    if (auto st = check_placement(std::nullopt, cur->type); !st) return st.error();
  }
  if (parent_id == cur->parent_id) return *cur;
  if (auto st = check_unique_name(c, parent_id, cur->name, id); !st) return st.error();
  repo::move_subtree(c, id, parent_id, cur->path, db::child_path(parent_path, id));
  return *repo::find(c, id);
}

Result<PartyOrg> dissolve_party_org(db::Connection& c, const Actor& a, std::int64_t id, const std::string& on) {
  auto cur = repo::find_in_scope(c, a.scope, id);
  if (!cur) return not_found();
  if (cur->dissolved_on) return conflict("dissolved", "该党组织已于" + *cur->dissolved_on + "撤销");
  auto d = date_field(on, "dissolved_on", "撤销日期");
  if (!d) return d.error();
  if (*d < cur->founded_on) return make_error("invalid_date", "撤销日期不能早于成立日期", "dissolved_on");
  const auto children = repo::live_child_types(c, id, *d);
  if (!children.empty())
    return conflict("has_children",
                    "该党组织还有" + std::to_string(children.size()) + "个未撤销的下级党组织，请先撤销或移走");
  repo::end_links_of(c, id, *d);
  repo::set_dissolved(c, id, *d);
  return *repo::find(c, id);
}

}  // namespace lx::partyorg
