#include "modules/census/views.hpp"

#include "db/tree.hpp"
#include "http/json.hpp"
#include "modules/census/rules.hpp"

namespace lx::census {
namespace {

using http::ApiError;
using http::nullable;

json::value opt_bool_json(const std::optional<bool>& b) { return b ? json::value(*b) : json::value(nullptr); }

json::value name_or_null(std::string_view name) { return name.empty() ? json::value(nullptr) : json::value(name); }

void text(OrgInput& in, Patch<std::string> OrgInput::*field, const json::object& b, std::string_view key,
          std::size_t max_len = 2000) {
  if (http::has(b, key)) (in.*field).set(http::opt_string(b, key, max_len));
}

void integer(OrgInput& in, Patch<std::int64_t> OrgInput::*field, const json::object& b, std::string_view key) {
  if (http::has(b, key)) (in.*field).set(http::opt_int(b, key));
}

void boolean(OrgInput& in, Patch<bool> OrgInput::*field, const json::object& b, std::string_view key) {
  if (http::has(b, key)) (in.*field).set(http::opt_bool(b, key));
}

std::optional<bool> query_bool(http::Ctx& ctx, const char* name) {
  auto v = ctx.query(name);
  if (!v) return std::nullopt;
  if (*v == "true" || *v == "1") return true;
  if (*v == "false" || *v == "0") return false;
  throw ApiError(400, "invalid_value", std::string("参数 ") + name + " 应为 true 或 false", name);
}

}  // namespace

json::object org_record_json(const Org& o) {
  return json::object{{"id", o.id},
                      {"name", o.name},
                      {"uscc", o.uscc},
                      {"kind", o.kind},
                      {"sub_kind", nullable(o.sub_kind)},
                      {"industry", nullable(o.industry)},
                      {"area_id", o.area_id},
                      {"address", nullable(o.address)},
                      {"registered_on", nullable(o.registered_on)},
                      {"closed_on", nullable(o.closed_on)},
                      {"operating_status", o.operating_status},
                      {"workforce", nullable(o.workforce)},
                      {"declared_members", nullable(o.declared_members)},
                      {"above_scale", o.above_scale},
                      {"principal", nullable(o.principal)},
                      {"principal_is_member", opt_bool_json(o.principal_is_member)},
                      {"no_party_org_reason", nullable(o.no_party_org_reason)},
                      {"contact_name", nullable(o.contact_name)},
                      {"contact_phone_mask", nullable(o.contact_phone_mask)},
                      {"verified_on", nullable(o.verified_on)}};
}

json::object org_json(const Org& o, core::Date today, int stale_months) {
  json::object j = org_record_json(o);
  j["kind_name"] = kind_name(o.kind);
  j["industry_name"] = o.industry ? name_or_null(industry_name(*o.industry)) : json::value(nullptr);
  j["operating_status_name"] = operating_status_name(o.operating_status);
  j["area_name"] = o.area_name;
  j["has_contact_phone"] = o.contact_phone_enc.has_value();
  j["created_at"] = o.created_at;
  j["updated_at"] = o.updated_at;
  j["covered"] = o.covered;
  j["colour"] = colour(o.covered, o.work_contact);       // R-CEN-4
  j["stale"] = is_stale(o, today, stale_months);          // R-CEN-2
  FiveClear f = five_clear(o, o.covered);                 // R-CEN-1
  json::array missing;
  for (const auto& m : f.missing) missing.push_back(json::string(m));
  j["five_clear"] = json::object{{"complete", f.complete}, {"missing", missing}};
  return j;
}

json::object area_json(const Area& a) {
  return json::object{{"id", a.id},       {"parent_id", nullable(a.parent_id)}, {"code", a.code},
                      {"name", a.name},   {"level", a.level},                   {"path", a.path},
                      {"created_at", a.created_at}, {"updated_at", a.updated_at}};
}

OrgInput org_input(const json::object& b) {
  OrgInput in;
  text(in, &OrgInput::name, b, "name");
  text(in, &OrgInput::uscc, b, "uscc", 100);
  text(in, &OrgInput::kind, b, "kind", 100);
  text(in, &OrgInput::sub_kind, b, "sub_kind", 100);
  text(in, &OrgInput::industry, b, "industry", 200);
  text(in, &OrgInput::address, b, "address");
  text(in, &OrgInput::registered_on, b, "registered_on", 100);
  text(in, &OrgInput::closed_on, b, "closed_on", 100);
  text(in, &OrgInput::operating_status, b, "operating_status", 100);
  text(in, &OrgInput::principal, b, "principal");
  text(in, &OrgInput::no_party_org_reason, b, "no_party_org_reason");
  text(in, &OrgInput::contact_name, b, "contact_name");
  text(in, &OrgInput::contact_phone, b, "contact_phone", 100);
  text(in, &OrgInput::verified_on, b, "verified_on", 100);
  integer(in, &OrgInput::area_id, b, "area_id");
  integer(in, &OrgInput::workforce, b, "workforce");
  integer(in, &OrgInput::declared_members, b, "declared_members");
  boolean(in, &OrgInput::above_scale, b, "above_scale");
  boolean(in, &OrgInput::principal_is_member, b, "principal_is_member");
  return in;
}

AreaInput area_input(const json::object& b) {
  AreaInput in;
  in.name = http::opt_string(b, "name", 1000);
  in.code = http::opt_string(b, "code", 100);
  in.parent_given = http::has(b, "parent_id");
  in.parent_id = http::opt_int(b, "parent_id");
  return in;
}

repo::OrgFilter org_filter(http::Ctx& ctx, int stale_months, core::Date today) {
  repo::OrgFilter f;
  std::tie(f.page, f.size) = ctx.paging();
  f.q = ctx.query("q").value_or("");
  if (f.q.size() > 200) throw ApiError(400, "too_long", "搜索词过长", "q");
  if (auto k = ctx.query("kind")) {
    auto code = parse_kind(*k);
    if (!code) throw ApiError(400, "invalid_value", "组织类别应为 enterprise、social 或 gig_site", "kind");
    f.kind = *code;
  }
  if (auto s = ctx.query("sub_kind")) {
    bool known = false;
    for (const auto& sk : sub_kinds()) known = known || sk.name == *s;
    if (!known) throw ApiError(400, "invalid_value", "组织类型不在字典中", "sub_kind");
    f.sub_kind = *s;
  }
  if (auto i = ctx.query("industry")) {
    auto letter = parse_industry(*i);
    if (!letter) throw ApiError(400, "invalid_value", "所属行业应为门类字母A–T或门类名称", "industry");
    f.industry = *letter;
  }
  if (auto s = ctx.query("status")) {
    auto code = parse_operating_status(*s);
    if (!code) throw ApiError(400, "invalid_value", "经营状态应为 normal、suspended 或 closed", "status");
    f.status = *code;
  }
  if (auto a = ctx.query("area_id")) {
    std::int64_t id = 0;
    for (char ch : *a) {
      if (ch < '0' || ch > '9' || id > 100'000'000'000'000LL) throw ApiError(400, "invalid_value", "属地无效", "area_id");
      id = id * 10 + (ch - '0');
    }
    auto area = get_area(ctx.conn(), ctx.scope, id);
    if (!area) throw ApiError(400, "invalid_value", "属地不存在或不在您的数据范围内", "area_id");
    std::tie(f.area_lo, f.area_hi) = db::subtree_range(area->path);
  }
  f.above_scale = query_bool(ctx, "above_scale");
  f.covered = query_bool(ctx, "covered");
  f.stale = query_bool(ctx, "stale");
  f.stale_cutoff = core::to_iso(stale_cutoff(today, stale_months));
  if (auto c = ctx.query("colour")) {
    if (*c != "red" && *c != "yellow" && *c != "blue")
      throw ApiError(400, "invalid_value", "颜色应为 red、yellow 或 blue", "colour");
    f.colour = *c;
  }
  if (auto s = ctx.query("sort")) {
    std::string key = *s;
    if (!key.empty() && key[0] == '-') {
      f.desc = true;
      key.erase(0, 1);
    }
    if (key != "name" && key != "registered_on" && key != "verified_on" && key != "workforce")
      throw ApiError(400, "invalid_sort", "排序字段应为 name、registered_on、verified_on 或 workforce（前加 - 为倒序）",
                     "sort");
    f.sort = key;
  }
  if (auto o = ctx.query("order")) {
    if (*o != "asc" && *o != "desc") throw ApiError(400, "invalid_sort", "排序方向应为 asc 或 desc", "order");
    f.desc = *o == "desc";
  }
  return f;
}

}  // namespace lx::census
