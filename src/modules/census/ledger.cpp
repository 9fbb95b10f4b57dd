// The 两新组织台账; see ledger.hpp.
#include "modules/census/ledger.hpp"

#include <limits>
#include <map>
#include <set>

#include "core/ids.hpp"
#include "modules/census/repo.hpp"
#include "modules/census/rules.hpp"
#include "modules/census/service.hpp"
#include "modules/ledger/rows.hpp"

namespace lx::census {
namespace {

using ledger::add_problem;
using ledger::date_of;
using ledger::has_column;
using ledger::Report;
using ledger::text_of;

namespace col {
constexpr std::string_view name = "组织名称", uscc = "统一社会信用代码", kind = "组织类别", sub_kind = "组织类型",
                           industry = "所属行业", street = "所在街道（乡镇）", community = "所在社区（村）",
                           address = "地址", registered = "成立日期", status = "经营状态", closed = "注销日期",
                           workforce = "从业人员数", members = "党员数", above = "是否规模以上",
                           principal = "出资人（负责人）", principal_member = "出资人是否党员",
                           reason = "未建党组织原因", contact = "联系人", phone = "联系电话", verified = "核实日期";
}

// The column a rules.hpp error is about.
std::string column_of(const Error& e, const io::Ledger& l) {
  if (e.field == "area_id") return std::string(col::street);
  if (e.field == "closed_on" && !has_column(l, col::closed)) return std::string(col::status);
  return std::string(field_label(e.field));
}

// The fields of an OrgInput a row gives: every column the file has, except
// cells the io layer already refused (left out, so they count as not given).
OrgInput input_of(const io::LedgerRow& r, const io::Ledger& l, const ledger::Reported& rep) {
  OrgInput in;
  auto text = [&](std::string_view c, Patch<std::string>& p) {
    if (has_column(l, c) && !rep.has(r.row, c)) p.set(text_of(r, c));
  };
  auto date = [&](std::string_view c, Patch<std::string>& p) {
    if (has_column(l, c) && !rep.has(r.row, c)) p.set(date_of(r, c));
  };
  auto integer = [&](std::string_view c, Patch<std::int64_t>& p) {
    if (!has_column(l, c) || rep.has(r.row, c)) return;
    const auto* v = r.get<std::int64_t>(c);
    p.set(v ? std::optional<std::int64_t>(*v) : std::nullopt);
  };
  auto yes_no = [&](std::string_view c, Patch<bool>& p) {
    if (!has_column(l, c) || rep.has(r.row, c)) return;
    const auto* v = r.get<bool>(c);
    p.set(v ? std::optional<bool>(*v) : std::nullopt);
  };
  text(col::name, in.name);
  text(col::uscc, in.uscc);
  text(col::kind, in.kind);
  text(col::sub_kind, in.sub_kind);
  text(col::industry, in.industry);
  text(col::address, in.address);
  date(col::registered, in.registered_on);
  text(col::status, in.operating_status);
  date(col::closed, in.closed_on);
  integer(col::workforce, in.workforce);
  integer(col::members, in.declared_members);
  yes_no(col::above, in.above_scale);
  text(col::principal, in.principal);
  yes_no(col::principal_member, in.principal_is_member);
  text(col::reason, in.no_party_org_reason);
  text(col::contact, in.contact_name);
  text(col::phone, in.contact_phone);
  date(col::verified, in.verified_on);
  // 经营状态 may carry the closing date: "注销（2024-05-01）", "注销 2024/5/1".
  if (in.operating_status.given && in.operating_status.value) {
    const std::string s = core::normalize_cell(*in.operating_status.value);
    const std::string zx = "注销";
    if (s.size() > zx.size() && s.compare(0, zx.size(), zx) == 0) {
      std::string rest = s.substr(zx.size());
      for (std::string_view cut : {"(", ")", ":", " "}) {
        for (auto k = rest.find(cut); k != std::string::npos; k = rest.find(cut)) rest.erase(k, cut.size());
      }
      if (auto d = core::parse_date(rest)) {
        in.operating_status.set(zx);
        if (!in.closed_on.given || !in.closed_on.value) in.closed_on.set(core::to_iso(*d));
      }
    }
  }
  return in;
}

auto compared(const Org& o, const std::optional<std::string>& phone_hash) {
  return std::tie(o.name, o.uscc, o.kind, o.sub_kind, o.industry, o.area_id, o.address, o.registered_on, o.closed_on,
                  o.operating_status, o.workforce, o.declared_members, o.above_scale, o.principal,
                  o.principal_is_member, o.no_party_org_reason, o.contact_name, phone_hash, o.verified_on);
}

// Streets and communities by name within the importer's scope, and the ones
// the file will create (pending until the commit makes them).
class Areas {
 public:
  Areas(db::Connection& c, const ledger::Who& who) : scope_(who.scope) {
    may_create_ = core::role_allows(who.role, "area.manage") && who.scope.kind != http::Scope::Kind::party_org;
    for (const auto& a : visible_areas(c, who.scope)) add(a);
    if (who.scope.kind == http::Scope::Kind::area) {
      if (auto a = repo::area_by_id(c, who.scope.id); a && a->level == "district") district_ = *a;
    } else if (who.scope.kind == http::Scope::Kind::all) {
      for (const auto& [id, a] : by_id_)
        if (a.level == "district") {
          district_ = a;
          break;
        }
    }
  }

  // The street's id (0 when it is still to be created), or an error reason.
  Result<std::int64_t> street(const std::string& name) {
    if (auto it = streets_.find(name); it != streets_.end()) return it->second;
    if (may_create_ && district_) {
      streets_[name] = 0;
      return 0;
    }
    if (may_create_)  // no district yet: streets are created under it
      return make_error("unknown_area", "街道（乡镇）“" + name +
                                            "”不存在，且系统中还没有区（县）一级的属地，无法新建：请先在属地管理中建立本区");
    return make_error("unknown_area", "街道（乡镇）“" + name +
                                          "”不存在或不在您的数据范围内，请先在属地管理中添加，或请区级管理员导入");
  }

  // The community's id under the street (0 when pending), or an error reason.
  Result<std::int64_t> community(const std::string& street_name, const std::string& name) {
    const auto key = std::make_pair(street_name, name);
    if (auto it = communities_.find(key); it != communities_.end()) return it->second;
    if (may_create_) {
      communities_[key] = 0;
      return 0;
    }
    return make_error("unknown_area", "社区（村）“" + name + "”不在“" + street_name + "”下或不在您的数据范围内");
  }

  // The id of the area a row names, creating pending areas on c.
  Result<std::int64_t> ensure(db::Connection& c, const std::string& street_name,
                              const std::optional<std::string>& community_name) {
    auto& sid = streets_[street_name];
    if (sid == 0) {
      auto a = create(c, *district_, street_name);
      if (!a) return a.error();
      sid = a->id;
    }
    if (!community_name) return sid;
    auto& cid = communities_[{street_name, *community_name}];
    if (cid == 0) {
      auto a = create(c, by_id_.at(sid), *community_name);
      if (!a) return a.error();
      cid = a->id;
    }
    return cid;
  }

 private:
  void add(const Area& a) {
    by_id_[a.id] = a;
    if (a.level == "street") streets_.emplace(a.name, a.id);
    if (a.level == "community" && a.parent_id) {
      if (auto p = by_id_.find(*a.parent_id); p != by_id_.end())
        communities_.emplace(std::make_pair(p->second.name, a.name), a.id);
    }
  }

  // A new area under parent with a code of the parent's code and a free 3-digit number.
  Result<Area> create(db::Connection& c, const Area& parent, const std::string& name) {
    AreaInput in;
    in.name = name;
    in.parent_id = parent.id;
    in.parent_given = true;
    for (int n = 1; n < 1000; ++n) {
      std::string num = std::to_string(n);
      std::string code = parent.code.substr(0, 17) + std::string(3 - num.size(), '0') + num;
      if (!repo::area_by_code(c, code)) {
        in.code = code;
        break;
      }
    }
    auto a = create_area(c, scope_, in);
    if (a) add(*a);
    return a;
  }

  http::Scope scope_;
  bool may_create_ = false;
  std::optional<Area> district_;
  std::map<std::int64_t, Area> by_id_;
  std::map<std::string, std::int64_t> streets_;
  std::map<std::pair<std::string, std::string>, std::int64_t> communities_;
};

constexpr std::int64_t kPendingArea = std::numeric_limits<std::int64_t>::max();

// What the commit does with one checked row.
struct Plan {
  const io::LedgerRow* row;
  std::int64_t id = 0;  // the org to update, or 0 to insert
  bool changed = false;
  OrgInput in;
  std::string street;
  std::optional<std::string> community;
};

}  // namespace

const io::LedgerSpec& orgs_spec() {
  using io::CellType;
  static const io::LedgerSpec spec{{
      {.name = std::string(col::name), .required = true},
      {.name = std::string(col::uscc), .required = true},
      {.name = std::string(col::kind), .required = true},
      {.name = std::string(col::sub_kind)},
      {.name = std::string(col::industry)},
      {.name = std::string(col::street), .required = true, .aliases = {"所在街道", "所在乡镇", "街道（乡镇）"}},
      {.name = std::string(col::community), .aliases = {"所在社区", "所在村", "社区（村）"}},
      {.name = std::string(col::address)},
      {.name = std::string(col::registered), .type = CellType::date},
      {.name = std::string(col::status)},
      {.name = std::string(col::closed), .type = CellType::date},
      {.name = std::string(col::workforce), .type = CellType::integer},
      {.name = std::string(col::members), .type = CellType::integer},
      {.name = std::string(col::above), .type = CellType::yes_no},
      {.name = std::string(col::principal), .aliases = {"出资人", "负责人"}},
      {.name = std::string(col::principal_member), .type = CellType::yes_no, .aliases = {"负责人是否党员"}},
      {.name = std::string(col::reason)},
      {.name = std::string(col::contact)},
      {.name = std::string(col::phone)},
      {.name = std::string(col::verified), .type = CellType::date},
  }};
  return spec;
}

Report import_orgs(db::Connection& c, const ledger::Who& who, const io::Ledger& l, bool write,
                   const ledger::Progress& progress) {
  Report rep;
  rep.rows = static_cast<std::int64_t>(l.rows.size());
  if (who.scope.kind == http::Scope::Kind::party_org) {
    rep.errors.push_back({0, "", "", "数据范围为党组织的账号不能导入两新组织台账，请由属地（街道）账号办理"});
    return rep;
  }
  const core::Date today = core::today_shanghai();
  const repo::View view = view_of(who.scope, today);
  const ledger::Reported reported(l.problems);
  Areas areas(c, who);
  std::map<std::string, int> seen;  // credit code -> first row
  std::vector<Plan> plans;
  plans.reserve(l.rows.size());

  std::int64_t checked = 0;
  for (const auto& r : l.rows) {
    // A dry run with a progress callback (SQLite's pre-check of a commit) reports rows checked.
    if (!write && progress) progress(checked++, rep.rows);
    const std::size_t before = rep.errors.size();
    Plan p{&r};
    p.in = input_of(r, l, reported);
    // The area, by name within the scope.
    std::optional<std::int64_t> area_id;
    if (auto s = text_of(r, col::street)) {
      p.street = core::normalize_cell(*s);
      auto sid = areas.street(p.street);
      if (!sid) {
        add_problem(rep, r, col::street, sid.error().message);
      } else if (auto cn = text_of(r, col::community)) {
        p.community = core::normalize_cell(*cn);
        auto cid = *sid ? areas.community(p.street, *p.community) : Result<std::int64_t>(std::int64_t{0});
        if (!cid) add_problem(rep, r, col::community, cid.error().message);
        else area_id = *cid;
      } else {
        area_id = *sid;
      }
    }
    // The natural key: an org already registered, and no second row with the same code.
    std::optional<Org> cur;
    if (auto code_text = text_of(r, col::uscc)) {
      if (auto code = core::check_credit_code(*code_text)) {  // R-ID-2 (reported below through the rules)
        if (auto [it, fresh] = seen.emplace(*code, r.row); !fresh) {
          add_problem(rep, r, col::uscc, "与第" + std::to_string(it->second) + "行的统一社会信用代码重复");
        } else if (auto found = find_org_by_uscc(c, *code)) {
          auto o = get_org(c, view, found->first);
          if (!o) add_problem(rep, r, col::uscc, "该代码已登记为“" + found->second + "”，不在您的数据范围内");
          else cur = *o;
        }
      }
    }
    // Every field by the rules the form uses; the area checked above.
    Org next = cur ? *cur : Org{};
    OrgInput in = p.in;
    if (!cur)
      for (auto* f : {&in.name, &in.uscc, &in.kind})
        if (!f->given) f->set(std::nullopt);
    // An area still to be created stands in as an id no area has.
    in.area_id.set(area_id ? std::optional<std::int64_t>(*area_id ? *area_id : kPendingArea) : std::nullopt);
    for (const auto& e : apply_org_input(next, in, today)) {
      const std::string column = column_of(e, l);
      if (e.field == "area_id" && (!area_id || rep.errors.size() > before)) continue;  // already said
      if (reported.has(r.row, column)) continue;
      bool dup = false;
      for (std::size_t k = before; k < rep.errors.size(); ++k) dup = dup || rep.errors[k].column == column;
      if (!dup) add_problem(rep, r, column, e.message);
    }
    if (rep.errors.size() > before || !r.valid) continue;
    if (cur) {
      std::optional<std::string> hash = cur->contact_phone_hash;
      if (next.contact_phone) hash = who.pii->lookup_hash(*next.contact_phone);
      else if (!next.contact_phone_enc) hash.reset();
      p.id = cur->id;
      p.changed = compared(*cur, cur->contact_phone_hash) != compared(next, hash);
      if (p.changed && cur->operating_status == "closed") {
        add_problem(rep, r, col::status, "该组织已于" + cur->closed_on.value_or("") + "注销，记录已终止，不能再修改");
        continue;
      }
    }
    if (!p.id) ++rep.inserted;
    else if (p.changed) ++rep.updated;
    plans.push_back(std::move(p));
  }
  for (const auto& pr : l.problems) rep.errors.push_back(pr);
  io::sort_problems(rep.errors);
  if (!write || !rep.errors.empty()) return rep;

  // The commit: every row through the service, on the caller's transaction.
  const std::int64_t total = static_cast<std::int64_t>(plans.size());
  std::int64_t done = 0, inserted = 0, updated = 0;
  for (auto& p : plans) {
    if (progress) progress(done, total);
    ++done;
    if (p.id && !p.changed) continue;
    auto area = areas.ensure(c, p.street, p.community);
    if (!area) {
      add_problem(rep, *p.row, col::street, area.error().message);
      return rep;
    }
    p.in.area_id.set(*area);
    if (p.id) {
      auto s = update_org(c, *who.pii, view, p.id, p.in);
      if (!s) {
        add_problem(rep, *p.row, col::uscc, s.error().message);
        return rep;
      }
      if (s->changed) ++updated;
    } else {
      auto o = create_org(c, *who.pii, view, p.in);
      if (!o) {
        add_problem(rep, *p.row, col::uscc, o.error().message);
        return rep;
      }
      ++inserted;
    }
  }
  if (progress) progress(total, total);
  rep.inserted = inserted;
  rep.updated = updated;
  return rep;
}

namespace {

std::vector<io::OutputColumn> output_columns(bool marks) {
  using F = io::ColumnFormat;
  std::vector<io::OutputColumn> cols;
  for (const auto& c : orgs_spec().columns) {
    F f = F::text;
    if (c.type == io::CellType::date) f = F::date;
    if (c.type == io::CellType::integer) f = F::integer;
    cols.push_back({c.name + (marks && c.required ? "*" : ""), f, 0});
  }
  return cols;
}

io::OutputValue opt(const std::optional<std::string>& s) {
  if (!s) return std::monostate{};
  return *s;
}
io::OutputValue opt(const std::optional<std::int64_t>& v) {
  if (!v) return std::monostate{};
  return *v;
}
io::OutputValue yes_no(const std::optional<bool>& b) {
  if (!b) return std::monostate{};
  return std::string(*b ? "是" : "否");
}

}  // namespace

io::OutputSheet export_orgs(db::Connection& c, const ledger::Who& who) {
  io::OutputSheet sheet{"两新组织台账", "", output_columns(false), {}};
  const core::Date today = core::today_shanghai();
  repo::OrgFilter f;
  f.page = 1;
  f.size = 10000000;
  auto [orgs, total] = list_orgs(c, view_of(who.scope, today), f);
  std::map<std::int64_t, Area> areas;
  for (const auto& a : repo::areas_in(c, "", "")) areas[a.id] = a;
  for (const auto& o : orgs) {
    std::string street, community;
    if (auto a = areas.find(o.area_id); a != areas.end()) {
      if (a->second.level == "community") {
        community = a->second.name;
        if (a->second.parent_id && areas.count(*a->second.parent_id)) street = areas[*a->second.parent_id].name;
      } else {
        street = a->second.name;
      }
    }
    std::optional<std::string> phone;
    if (o.contact_phone_enc && who.pii) phone = who.pii->decrypt(*o.contact_phone_enc);
    sheet.rows.push_back({
        o.name,
        o.uscc,
        std::string(kind_name(o.kind)),
        opt(o.sub_kind),
        o.industry ? io::OutputValue(std::string(industry_name(*o.industry))) : std::monostate{},
        street,
        community.empty() ? io::OutputValue{} : community,
        opt(o.address),
        opt(o.registered_on),
        std::string(operating_status_name(o.operating_status)),
        opt(o.closed_on),
        opt(o.workforce),
        opt(o.declared_members),
        std::string(o.above_scale ? "是" : "否"),
        opt(o.principal),
        yes_no(o.principal_is_member),
        opt(o.no_party_org_reason),
        opt(o.contact_name),
        opt(phone),
        opt(o.verified_on),
    });
  }
  return sheet;
}

io::OutputSheet orgs_template() {
  io::OutputSheet sheet{"两新组织台账", "", output_columns(true), {}};
  sheet.rows.push_back({"杭州云栖科技有限公司", "91330106MA2H3K5L7J", "非公企业", "私营企业", "I 信息传输、软件和信息技术服务业",
                        "西湖街道", "", "杭州市西湖区云栖小镇1号", "2019-05-01", "正常", std::monostate{},
                        std::int64_t{120}, std::int64_t{5}, "是", "张三", "是", "", "李四", "13812345678",
                        "2026-01-15"});
  return sheet;
}

}  // namespace lx::census
