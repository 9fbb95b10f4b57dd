// The member ledger; see ledger.hpp.
#include "modules/member/ledger.hpp"

#include <map>

#include "core/ids.hpp"
#include "modules/census/service.hpp"
#include "modules/ledger/rows.hpp"
#include "modules/member/rules.hpp"
#include "modules/member/service.hpp"
#include "modules/member/service_util.hpp"
#include "modules/partyorg/repo.hpp"

namespace lx::member {
namespace {

using ledger::add_problem;
using ledger::date_of;
using ledger::has_column;
using ledger::Report;
using ledger::text_of;

namespace col {
constexpr std::string_view name = "姓名", id = "身份证号", gender = "性别", birth = "出生日期", ethnicity = "民族",
                           education = "学历", phone = "手机号码", status = "人员类别", admitted = "入党日期",
                           confirmed = "转正日期", party_org = "所在党组织", workplace = "工作单位统一社会信用代码",
                           mobile = "是否流动党员";
}

Actor actor_of(const ledger::Who& who) { return Actor{who.role, who.scope, "台账导入"}; }

io::OutputValue opt(const std::optional<std::string>& s) {
  if (!s) return std::monostate{};
  return *s;
}

std::vector<io::OutputColumn> output_columns(bool marks) {
  std::vector<io::OutputColumn> cols;
  for (const auto& c : members_spec().columns)
    cols.push_back({c.name + (marks && c.required ? "*" : ""),
                    c.type == io::CellType::date ? io::ColumnFormat::date : io::ColumnFormat::text, 0});
  return cols;
}

// 所在党组织: a live, visible party org by name, or "上级/名称".
class PartyOrgNames {
 public:
  PartyOrgNames(db::Connection& c, const http::Scope& s, const std::string& day) {
    partyorg::repo::ListFilter f;
    f.today = day;
    for (auto& p : partyorg::repo::list(c, s, f).first) by_name_.emplace(p.name, std::move(p));
  }
  Result<partyorg::PartyOrg> find(const std::string& raw) const {
    std::string name = core::normalize_cell(raw), parent;
    if (auto k = name.rfind('/'); k != std::string::npos) {
      parent = core::trim(name.substr(0, k));
      name = core::trim(name.substr(k + 1));
    }
    std::vector<const partyorg::PartyOrg*> found;
    for (auto [lo, hi] = by_name_.equal_range(name); lo != hi; ++lo)
      if (parent.empty() || lo->second.parent_name == parent) found.push_back(&lo->second);
    if (found.empty()) return make_error("unknown_party_org", "党组织“" + raw + "”不存在或不在您的数据范围内");
    if (found.size() > 1) {
      std::string list;
      for (const auto* p : found) list += (list.empty() ? "" : "、") + p->parent_name + "/" + p->name;
      return make_error("ambiguous_party_org",
                        "有" + std::to_string(found.size()) + "个名为“" + name + "”的党组织：" + list +
                            "；请写成“上级党组织/党组织名称”");
    }
    return *found.front();
  }

 private:
  std::multimap<std::string, partyorg::PartyOrg> by_name_;
};

// A nullable column: absent (nullopt), empty (cleared) or the text.
Field<std::string> field(const io::Ledger& l, const io::LedgerRow& r, std::string_view c) {
  if (!has_column(l, c)) return std::nullopt;
  return std::optional<std::string>(text_of(r, c));
}

struct Plan {
  const io::LedgerRow* row = nullptr;
  MemberInput in;
  std::optional<std::int64_t> person_id;   // existing person
  bool has_open = false;                   // … with an open membership here: update in place
};

// The ledger column a service error's field belongs to.
std::string_view column_of(const std::string& f) {
  if (f == "name") return col::name;
  if (f == "gender") return col::gender;
  if (f == "birth_date") return col::birth;
  if (f == "ethnicity") return col::ethnicity;
  if (f == "education") return col::education;
  if (f == "phone") return col::phone;
  if (f == "status") return col::status;
  if (f == "admitted_on") return col::admitted;
  if (f == "confirmed_on") return col::confirmed;
  if (f == "party_org_id" || f == "valid_from") return col::party_org;
  if (f == "workplace_org_id") return col::workplace;
  return col::id;
}

// True when the file changes the stored person or membership.
bool changes(const repo::PersonRow& a, const repo::PersonRow& b, const Membership& m, const MemberInput& in) {
  if (a.name != b.name || a.id_number_hash != b.id_number_hash || a.ethnicity != b.ethnicity ||
      a.education != b.education || a.phone_hash != b.phone_hash || a.workplace_org_id != b.workplace_org_id ||
      a.mobile != b.mobile)
    return true;
  return m.status != *parse_status(in.status) || m.admitted_on != in.admitted_on || m.confirmed_on != in.confirmed_on;
}

}  // namespace

const io::LedgerSpec& members_spec() {
  using io::CellType;
  static const io::LedgerSpec spec{{
      {.name = std::string(col::name), .required = true},
      {.name = std::string(col::id), .required = true, .aliases = {"公民身份号码", "身份证号码"}},
      {.name = std::string(col::gender)},
      {.name = std::string(col::birth), .type = CellType::date},
      {.name = std::string(col::ethnicity)},
      {.name = std::string(col::education), .aliases = {"文化程度"}},
      {.name = std::string(col::phone), .aliases = {"联系电话", "手机号"}},
      {.name = std::string(col::status), .required = true, .aliases = {"党员类别"}},
      {.name = std::string(col::admitted), .required = true, .type = CellType::date},
      {.name = std::string(col::confirmed), .type = CellType::date},
      {.name = std::string(col::party_org), .required = true, .aliases = {"所属党组织", "党组织名称"}},
      {.name = std::string(col::workplace), .aliases = {"工作单位信用代码"}},
      {.name = std::string(col::mobile), .type = CellType::yes_no, .aliases = {"流动党员"}},
  }};
  return spec;
}

ledger::Report import_members(db::Connection& c, const ledger::Who& who, const io::Ledger& l, bool write,
                              const ledger::Progress& progress) {
  Report rep;
  rep.rows = static_cast<std::int64_t>(l.rows.size());
  const Actor a = actor_of(who);
  const std::string day = today();
  const PartyOrgNames names(c, a.scope, day);
  std::map<std::string, int> seen;   // ID hash → row
  std::vector<Plan> plans;
  for (const auto& r : l.rows) {
    const std::size_t before = rep.errors.size();
    Plan p{&r, {}, std::nullopt, false};
    PersonInput& pi = p.in.person;
    pi.name = text_of(r, col::name);
    pi.id_number = text_of(r, col::id);
    if (auto g = text_of(r, col::gender)) {
      if (!parse_gender(*g)) add_problem(rep, r, col::gender, "性别应为男或女");
      else pi.gender = *g;
    }
    pi.birth_date = date_of(r, col::birth);
    pi.ethnicity = field(l, r, col::ethnicity);
    pi.education = field(l, r, col::education);
    pi.phone = field(l, r, col::phone);
    if (has_column(l, col::mobile)) {
      const bool* m = r.get<bool>(col::mobile);
      pi.mobile = m && *m;
    }
    if (has_column(l, col::workplace)) {
      pi.workplace_org_id = std::optional<std::int64_t>{};
      if (auto code = text_of(r, col::workplace)) {
        auto uscc = core::check_credit_code(*code);  // R-ID-2
        auto found = uscc ? census::find_org_by_uscc(c, *uscc) : std::nullopt;
        if (!uscc) add_problem(rep, r, col::workplace, uscc.error().message);
        else if (!found) add_problem(rep, r, col::workplace, "统一社会信用代码为" + *uscc + "的组织未登记，请先导入两新组织台账");
        else pi.workplace_org_id = std::optional<std::int64_t>(found->first);
      }
    }
    p.in.status = text_of(r, col::status).value_or("");
    if (!p.in.status.empty() && !parse_status(p.in.status)) add_problem(rep, r, col::status, "人员类别应为正式党员或预备党员");
    p.in.admitted_on = date_of(r, col::admitted).value_or("");
    p.in.confirmed_on = date_of(r, col::confirmed);
    if (auto po = text_of(r, col::party_org)) {
      auto found = names.find(*po);
      if (!found) add_problem(rep, r, col::party_org, found.error().message);
      else p.in.party_org_id = found->id;
    }
    if (rep.errors.size() > before || !r.valid) continue;
    // Every field checked as the service checks it (R-ID-1 with gender and birth date, R-ID-3, …).
    auto row = detail::person_row(c, a, *who.pii, std::nullopt, pi);
    if (!row) {
      add_problem(rep, r, column_of(row.error().field), row.error().message);
      continue;
    }
    auto m = detail::membership_of_input(c, a, p.in, "registered");
    if (!m) {
      add_problem(rep, r, column_of(m.error().field), m.error().message);
      continue;
    }
    if (auto [it, fresh] = seen.emplace(row->id_number_hash, r.row); !fresh) {
      add_problem(rep, r, col::id, "与第" + std::to_string(it->second) + "行的身份证号重复");
      continue;
    }
    if (auto existing = repo::find_person_by_hash(c, row->id_number_hash)) {
      p.person_id = existing->id;
      auto open = repo::open_membership(c, existing->id);
      if (open && open->party_org_id != p.in.party_org_id) {
        add_problem(rep, r, col::party_org,
                    detail::duplicate_id(c, *existing).message + "；调整所在党组织请办理组织关系转接");
        continue;
      }
      if (open && !repo::person_in_scope(c, a.scope, existing->id)) {
        add_problem(rep, r, col::id, detail::duplicate_id(c, *existing).message);
        continue;
      }
      p.has_open = open.has_value();
      if (open) {
        auto stored = repo::person_row(c, existing->id);
        auto next = detail::person_row(c, a, *who.pii, stored, pi);
        if (!next) {
          add_problem(rep, r, column_of(next.error().field), next.error().message);
          continue;
        }
        MemberInput cmp = p.in;
        cmp.status = std::string(*parse_status(p.in.status));
        if (!changes(*stored, *next, *open, cmp)) continue;   // nothing the file changes
        ++rep.updated;
      } else {
        ++rep.inserted;
      }
    } else {
      ++rep.inserted;
    }
    plans.push_back(std::move(p));
  }
  for (const auto& pr : l.problems) rep.errors.push_back(pr);
  io::sort_problems(rep.errors);
  if (!write || !rep.errors.empty()) return rep;
  const auto total = static_cast<std::int64_t>(plans.size());
  std::int64_t done = 0;
  for (auto& p : plans) {
    if (progress) progress(done++, total);
    Status st;
    if (!p.person_id) {
      auto d = create_member(c, a, *who.pii, p.in);
      if (!d) st = d.error();
    } else {
      auto d = update_member(c, Actor{core::Role::admin, http::Scope{}, a.login}, *who.pii, *p.person_id, p.in.person);
      if (!d) st = d.error();
      auto m = detail::membership_of_input(c, a, p.in, "registered");
      if (st && !m) st = m.error();
      if (st && p.has_open) {
        auto open = repo::open_membership(c, *p.person_id);
        if (open->status != m->status || open->admitted_on != m->admitted_on || open->confirmed_on != m->confirmed_on) {
          repo::set_membership_facts(c, open->id, m->status, m->admitted_on, m->confirmed_on);
          repo::add_history(c, *p.person_id, "membership",
                            std::string(status_name(open->status)) + " " + open->admitted_on + "/" +
                                open->confirmed_on.value_or("—"),
                            std::string(status_name(m->status)) + " " + m->admitted_on + "/" +
                                m->confirmed_on.value_or("—"),
                            day, a.login);
        }
      } else if (st) {
        m->person_id = *p.person_id;
        repo::insert_membership(c, *m);
        repo::add_history(c, *p.person_id, "registered", std::nullopt, partyorg::repo::find(c, m->party_org_id)->name,
                          m->valid_from, a.login);
      }
    }
    if (!st) {
      add_problem(rep, *p.row, column_of(st.error().field), st.error().message);
      return rep;
    }
  }
  if (progress) progress(total, total);
  return rep;
}

io::OutputSheet export_members(db::Connection& c, const ledger::Who& who) {
  io::OutputSheet sheet{"党员台账", "", output_columns(false), {}};
  repo::ListFilter f;
  f.size = 0;
  auto [rows, total] = repo::list(c, who.scope, f);
  (void)total;
  // Plain numbers for roles that may see them (the routes audit the export), masked otherwise.
  const bool plain = who.pii && core::role_allows(who.role, "member.reveal");
  for (const auto& r : rows) {
    const Person& p = r.person;
    const Membership& m = *r.membership;
    std::optional<std::string> id = p.id_number_mask, phone = p.phone_mask;
    if (plain) {
      auto stored = repo::person_row(c, p.id);
      id = who.pii->decrypt(stored->id_number_enc);
      phone = stored->phone_enc ? who.pii->decrypt(*stored->phone_enc) : std::nullopt;
    }
    std::optional<std::string> uscc;
    if (p.workplace_org_id) uscc = c.scalar_text("SELECT uscc FROM orgs WHERE id = ?", {*p.workplace_org_id});
    std::optional<std::string> edu;
    if (p.education) edu = std::string(education_name(*p.education));
    sheet.rows.push_back({p.name, opt(id), std::string(gender_name(p.gender)), p.birth_date, opt(p.ethnicity), opt(edu),
                          opt(phone), std::string(status_name(m.status)), m.admitted_on, opt(m.confirmed_on),
                          m.party_org_name, opt(uscc), std::string(p.mobile ? "是" : "否")});
  }
  return sheet;
}

io::OutputSheet members_template() {
  io::OutputSheet sheet{"党员台账", "", output_columns(true), {}};
  const std::string first17 = "11010519850315002";
  const std::string id = first17 + core::id_number_check_char(first17);
  sheet.rows.push_back({"张三", id, "男", "1985-03-15", "汉族", "大学本科", "13912345678", "正式党员", "2010-07-01",
                        "2011-07-01", "某某公司党支部", "91330106MA2H3K5L7J", "否"});
  return sheet;
}

}  // namespace lx::member
