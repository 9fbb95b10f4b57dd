#include "modules/census/service.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "core/text.hpp"
#include "db/tree.hpp"
#include "modules/census/collation.hpp"
#include "modules/census/rules.hpp"
#include "modules/settings/service.hpp"

namespace lx::census {
namespace {

using http::Scope;

Error not_found() { return make_error("not_found", "记录不存在", "", 404); }

bool path_in_scope(const Scope& s, const std::string& path) {
  if (s.kind == Scope::Kind::all) return true;
  if (s.kind != Scope::Kind::area) return false;
  auto [lo, hi] = db::subtree_range(s.path);
  return path >= lo && path < hi;
}

// Areas and orgs are registered and changed by whole-district or area-scoped
// users; a party-org scope reaches orgs only through coverage.
Status check_write_scope(const Scope& s) {
  if (s.kind == Scope::Kind::party_org)
    return make_error("forbidden", "数据范围为党组织的账号不能登记或调整属地和两新组织，请由属地（街道）账号办理", "", 403);
  return {};
}

// The ids on a materialised path: "/1/5/12/" → 1, 5, 12.
std::vector<std::int64_t> path_ids(const std::string& path) {
  std::vector<std::int64_t> out;
  std::int64_t v = 0;
  bool any = false;
  for (char ch : path) {
    if (ch >= '0' && ch <= '9') {
      v = v * 10 + (ch - '0');
      any = true;
    } else if (any) {
      out.push_back(v);
      v = 0;
      any = false;
    }
  }
  return out;
}

bool valid_code(const std::string& code) {
  if (code.empty() || code.size() > 20) return false;
  for (char ch : code)
    if (!((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z'))) return false;
  return true;
}

// Checks and applies name and code of an area input onto a.
Status apply_area_input(db::Connection& c, Area& a, const AreaInput& in) {
  if (in.name) {
    std::string name = core::trim(*in.name);
    if (name.empty()) return make_error("missing_field", "属地名称不能为空", "name");
    if (core::utf8_length(name) > 100) return make_error("invalid_value", "属地名称过长（最多100个字）", "name");
    a.name = name;
  }
  if (in.code) {
    std::string code = core::normalize_cell(*in.code);
    if (!valid_code(code)) return make_error("invalid_value", "属地编码应为1到20位数字或字母（如行政区划代码）", "code");
    if (auto other = repo::area_by_code(c, code); other && other->id != a.id)
      return make_error("duplicate", "属地编码“" + code + "”已被“" + other->name + "”使用", "code", 409);
    a.code = code;
  }
  if (a.name.empty()) return make_error("missing_field", "属地名称不能为空", "name");
  if (a.code.empty()) return make_error("missing_field", "属地编码不能为空", "code");
  return {};
}

// The area an org is registered in: a street or community the user may write.
Result<Area> org_area(db::Connection& c, const Scope& s, std::int64_t area_id) {
  auto a = repo::area_by_id(c, area_id);
  if (!a || !path_in_scope(s, a->path))
    return make_error("invalid_value", "所在街道（社区）不存在或不在您的数据范围内", "area_id");
  if (a->level != "street" && a->level != "community")
    return make_error("invalid_value", "两新组织应登记在街道（乡镇）或社区（村），不能直接登记在“" + a->name + "”", "area_id");
  return *a;
}

// Encrypts a newly typed phone; keeps the stored cipher text when the number did not change.
void seal_phone(const crypto::Pii& pii, const Org& before, Org& next) {
  if (!next.contact_phone) return;
  const std::string hash = pii.lookup_hash(*next.contact_phone);
  if (before.contact_phone_hash && *before.contact_phone_hash == hash) {
    next.contact_phone_enc = before.contact_phone_enc;
  } else {
    next.contact_phone_enc = pii.encrypt(*next.contact_phone);
  }
  next.contact_phone_hash = hash;
  next.contact_phone.reset();
}

auto stored_fields(const Org& o) {
  return std::tie(o.name, o.uscc, o.kind, o.sub_kind, o.industry, o.area_id, o.address, o.registered_on, o.closed_on,
                  o.operating_status, o.workforce, o.declared_members, o.above_scale, o.principal,
                  o.principal_is_member, o.no_party_org_reason, o.contact_name, o.contact_phone_hash, o.verified_on);
}

Status first_error(const std::vector<Error>& errors) {
  if (errors.empty()) return {};
  return errors.front();
}

// Validates `in` over the current record and writes it when something changed.
Result<Saved> save(db::Connection& c, const crypto::Pii* pii, const repo::View& v, const Org& cur, const OrgInput& in) {
  if (auto st = check_write_scope(v.scope); !st) return st.error();
  Org next = cur;
  auto today = core::parse_date(v.today);
  const auto errors = apply_org_input(next, in, *today);
  const bool closed = cur.operating_status == "closed";
  const Error ended =
      make_error("closed", "该组织已于" + cur.closed_on.value_or("") + "注销，记录已终止，不能再修改", "", 409);
  if (closed && !errors.empty()) return ended;
  if (auto st = first_error(errors); !st) return st.error();
  if (in.area_id.given && next.area_id != cur.area_id) {
    auto area = org_area(c, v.scope, next.area_id);
    if (!area) return area.error();
    next.area_path = area->path;
  }
  if (next.uscc != cur.uscc) {
    if (auto other = repo::org_by_uscc(c, next.uscc); other && other->first != cur.id)
      return make_error("duplicate", "统一社会信用代码已被“" + other->second + "”使用", "uscc", 409);
  }
  if (pii) seal_phone(*pii, cur, next);
  Saved out{cur, next, stored_fields(cur) != stored_fields(next)};
  if (!out.changed) return out;
  if (closed) return ended;
  repo::update_org(c, next, pinyin_sort_key(next.name));
  auto reread = repo::org_by_id(c, v, cur.id);
  if (!reread) return not_found();
  out.after = *reread;
  return out;
}

}  // namespace

// ---- areas ----

std::vector<Area> visible_areas(db::Connection& c, const Scope& scope) {
  switch (scope.kind) {
    case Scope::Kind::all: return repo::areas_in(c, "", "");
    case Scope::Kind::area: {
      auto [lo, hi] = db::subtree_range(scope.path);
      return repo::areas_in(c, lo, hi);
    }
    case Scope::Kind::party_org: break;
  }
  std::set<std::int64_t> ids;
  for (const auto& p : repo::org_area_paths(c, view_of(scope, core::today_shanghai())))
    for (auto id : path_ids(p)) ids.insert(id);
  return repo::areas_by_ids(c, std::vector<std::int64_t>(ids.begin(), ids.end()));
}

Result<Area> get_area(db::Connection& c, const Scope& scope, std::int64_t id) {
  auto a = repo::area_by_id(c, id);
  if (!a) return not_found();
  if (scope.kind == Scope::Kind::party_org) {
    for (const auto& v : visible_areas(c, scope))
      if (v.id == id) return *a;
    return not_found();
  }
  if (!path_in_scope(scope, a->path)) return not_found();
  return *a;
}

Result<Area> create_area(db::Connection& c, const Scope& scope, const AreaInput& in) {
  if (auto st = check_write_scope(scope); !st) return st.error();
  Area a;
  std::string parent_path;
  if (!in.parent_id) {
    if (scope.kind != Scope::Kind::all)
      return make_error("invalid_value", "请选择上级属地：只有全区范围的账号可以新建区（县）", "parent_id");
    a.level = "district";
  } else {
    auto parent = repo::area_by_id(c, *in.parent_id);
    if (!parent || !path_in_scope(scope, parent->path))
      return make_error("invalid_value", "上级属地不存在或不在您的数据范围内", "parent_id");
    if (parent->level == "district") a.level = "street";
    else if (parent->level == "street") a.level = "community";
    else return make_error("invalid_value", "社区（村）下不能再设下级属地", "parent_id");
    a.parent_id = parent->id;
    parent_path = parent->path;
  }
  if (!in.name) return make_error("missing_field", "属地名称不能为空", "name");
  if (!in.code) return make_error("missing_field", "属地编码不能为空", "code");
  if (auto st = apply_area_input(c, a, in); !st) return st.error();
  return repo::insert_area(c, a, parent_path);
}

Result<Area> update_area(db::Connection& c, const Scope& scope, std::int64_t id, const AreaInput& in) {
  if (auto st = check_write_scope(scope); !st) return st.error();
  auto a = get_area(c, scope, id);
  if (!a) return a.error();
  if (in.parent_given && in.parent_id != a->parent_id)
    return make_error("invalid_value", "属地不支持调整上级", "parent_id");
  Area next = *a;
  if (auto st = apply_area_input(c, next, in); !st) return st.error();
  repo::update_area(c, next);
  return *repo::area_by_id(c, id);
}

Result<Area> delete_area(db::Connection& c, const Scope& scope, std::int64_t id) {
  if (auto st = check_write_scope(scope); !st) return st.error();
  auto a = get_area(c, scope, id);
  if (!a) return a.error();
  if (scope.kind == Scope::Kind::area && scope.id == id)
    return make_error("in_use", "不能删除本账号数据范围所在的属地", "", 409);
  if (repo::count_child_areas(c, id) > 0)
    return make_error("in_use", "“" + a->name + "”下还有下级属地，不能删除", "", 409);
  if (repo::count_orgs_in_area(c, id) > 0)
    return make_error("in_use", "“" + a->name + "”下还登记有两新组织，不能删除", "", 409);
  try {
    repo::delete_area(c, id);
  } catch (const db::DbError& e) {
    if (e.kind() != db::ErrorKind::foreign_key) throw;
    return make_error("in_use", "“" + a->name + "”仍被党组织等记录引用，不能删除", "", 409);
  }
  return *a;
}

// ---- orgs ----

repo::View view_of(const Scope& scope, core::Date today) { return repo::View{scope, core::to_iso(today)}; }

Result<Org> get_org(db::Connection& c, const repo::View& v, std::int64_t id) {
  auto o = repo::org_by_id(c, v, id);
  if (!o) return not_found();
  return *o;
}

std::optional<std::pair<std::int64_t, std::string>> find_org_by_uscc(db::Connection& c, const std::string& uscc) {
  return repo::org_by_uscc(c, uscc);
}

Result<Org> create_org(db::Connection& c, const crypto::Pii& pii, const repo::View& v, const OrgInput& in) {
  if (auto st = check_write_scope(v.scope); !st) return st.error();
  Org org;
  OrgInput full = in;
  // A new record needs the required fields even when the body leaves them out.
  for (auto* f : {&full.name, &full.uscc, &full.kind})
    if (!f->given) f->set(std::nullopt);
  if (!full.area_id.given) full.area_id.set(std::nullopt);
  auto today = core::parse_date(v.today);
  if (auto st = first_error(apply_org_input(org, full, *today)); !st) return st.error();
  auto area = org_area(c, v.scope, org.area_id);
  if (!area) return area.error();
  org.area_path = area->path;
  if (auto other = repo::org_by_uscc(c, org.uscc))
    return make_error("duplicate", "统一社会信用代码已被“" + other->second + "”使用", "uscc", 409);
  seal_phone(pii, Org{}, org);
  const auto id = repo::insert_org(c, org, pinyin_sort_key(org.name));
  return get_org(c, v, id);
}

Result<Saved> update_org(db::Connection& c, const crypto::Pii& pii, const repo::View& v, std::int64_t id,
                         const OrgInput& in) {
  auto cur = get_org(c, v, id);
  if (!cur) return cur.error();
  return save(c, &pii, v, *cur, in);
}

Result<Saved> close_org(db::Connection& c, const repo::View& v, std::int64_t id, const std::string& closed_on) {
  auto cur = get_org(c, v, id);
  if (!cur) return cur.error();
  if (cur->operating_status == "closed")
    return make_error("closed", "该组织已于" + cur->closed_on.value_or("") + "注销", "", 409);
  OrgInput in;
  in.operating_status.set("closed");
  in.closed_on.set(closed_on);
  if (core::trim(closed_on).empty()) return make_error("missing_field", "请填写注销日期", "closed_on");
  return save(c, nullptr, v, *cur, in);
}

Result<Saved> verify_org(db::Connection& c, const repo::View& v, std::int64_t id,
                         const std::optional<std::string>& verified_on) {
  auto cur = get_org(c, v, id);
  if (!cur) return cur.error();
  if (cur->operating_status == "closed")
    return make_error("closed", "该组织已于" + cur->closed_on.value_or("") + "注销，无需核实", "", 409);
  OrgInput in;
  in.verified_on.set(verified_on && !core::trim(*verified_on).empty() ? *verified_on : v.today);
  return save(c, nullptr, v, *cur, in);
}

Result<std::string> reveal_phone(db::Connection& c, const crypto::Pii& pii, const repo::View& v, std::int64_t id) {
  auto o = get_org(c, v, id);
  if (!o) return o.error();
  if (!o->contact_phone_enc) return make_error("not_found", "该组织未登记联系电话", "", 404);
  auto plain = pii.decrypt(*o->contact_phone_enc);
  if (!plain) return make_error("internal", "联系电话无法解密，请联系系统管理员检查密钥文件", "", 500);
  return *plain;
}

std::vector<std::string> covering_party_orgs(db::Connection& c, std::int64_t org_id, const std::string& d) {
  return repo::covering_party_orgs(c, org_id, d);
}

std::pair<std::vector<Org>, std::int64_t> list_orgs(db::Connection& c, const repo::View& v, const repo::OrgFilter& f) {
  return repo::select_orgs(c, v, f);
}

std::vector<StreetStale> stale_summary(db::Connection& c, const repo::View& v, int months) {
  auto today = core::parse_date(v.today);
  const std::string cutoff = core::to_iso(stale_cutoff(*today, months));  // R-CEN-2
  std::map<std::int64_t, StreetStale> by_street;
  for (const auto& a : visible_areas(c, v.scope))
    if (a.level == "street") by_street[a.id].street = a;
  for (const auto& pc : repo::stale_by_area_path(c, v, cutoff)) {
    auto ids = path_ids(pc.area_path);
    if (ids.size() < 2) continue;  // an org registered on a district: no street to count it under
    auto& s = by_street[ids[1]];
    s.total += pc.total;
    s.stale += pc.stale;
  }
  std::vector<std::int64_t> missing;
  for (auto& [id, s] : by_street)
    if (s.street.id == 0) missing.push_back(id);
  for (const auto& a : repo::areas_by_ids(c, missing)) by_street[a.id].street = a;
  std::vector<StreetStale> out;
  for (auto& [id, s] : by_street)
    if (s.street.id != 0) out.push_back(s);
  std::sort(out.begin(), out.end(), [](const StreetStale& a, const StreetStale& b) { return a.street.path < b.street.path; });
  return out;
}

int stale_months(db::Connection& c) { return static_cast<int>(settings::get_int(c, "census.stale_months")); }

}  // namespace lx::census
