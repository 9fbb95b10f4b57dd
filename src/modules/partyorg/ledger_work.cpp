// The party org module's work ledgers: 指导员与联络员 and 群团组织; see ledger.hpp.
#include <map>

#include "modules/ledger/rows.hpp"
#include "modules/partyorg/ledger.hpp"
#include "modules/partyorg/ledger_util.hpp"

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

}  // namespace

// ---- 指导员与联络员

namespace acol {
constexpr std::string_view name = "姓名", phone = "手机号码", role = "类别", org = "派驻组织统一社会信用代码",
                           from = "开始日期", to = "结束日期";
}

const io::LedgerSpec& assignments_spec() {
  using io::CellType;
  static const io::LedgerSpec spec{{
      {.name = std::string(acol::name), .required = true},
      {.name = std::string(acol::phone), .required = true, .aliases = {"联系电话", "手机号"}},
      {.name = std::string(acol::role), .required = true},
      {.name = std::string(acol::org), .required = true, .aliases = {"统一社会信用代码"}},
      {.name = std::string(acol::from), .type = CellType::date},
      {.name = std::string(acol::to), .type = CellType::date},
  }};
  return spec;
}

ledger::Report import_assignments(db::Connection& c, const ledger::Who& who, const io::Ledger& l, bool write,
                                  const ledger::Progress& progress) {
  Report rep;
  rep.rows = static_cast<std::int64_t>(l.rows.size());
  const Actor a = actor_of(who);
  const std::string day = today();
  struct Plan {
    const io::LedgerRow* row;
    std::optional<std::int64_t> end_id;  // an open assignment to end
    AssignmentInput in;
  };
  std::vector<Plan> plans;
  std::map<std::tuple<std::string, std::int64_t, std::string>, int> seen;
  for (const auto& r : l.rows) {
    const std::size_t before = rep.errors.size();
    Plan p{&r, std::nullopt, {}};
    std::optional<std::string> role;
    if (auto t = text_of(r, acol::role)) {
      role = parse_assignment_role(*t);
      if (!role) add_problem(rep, r, acol::role, "类别应为党建指导员或联络员");
    }
    if (auto ph = text_of(r, acol::phone)) {
      if (auto m = core::check_mobile(*ph); !m) add_problem(rep, r, acol::phone, m.error().message);  // R-ID-3
      else p.in.phone = *m;
    }
    std::optional<OrgBrief> org;
    if (auto code = text_of(r, acol::org)) {
      auto o = org_by_code(c, a, *code, day);
      if (!o) add_problem(rep, r, acol::org, o.error().message);
      else org = *o;
    }
    const auto from = date_of(r, acol::from);
    const auto to = date_of(r, acol::to);
    if (from && to && *to < *from) add_problem(rep, r, acol::to, "结束日期不能早于开始日期（" + *from + "）");
    if (rep.errors.size() > before || !r.valid) continue;
    p.in.person_name = core::normalize_cell(*text_of(r, acol::name));
    p.in.role = *role;
    p.in.org_id = org->id;
    p.in.valid_from = from.value_or(day);
    p.in.valid_to = to;
    if (auto [it, fresh] = seen.emplace(std::make_tuple(p.in.person_name, org->id, *role), r.row); !fresh) {
      add_problem(rep, r, acol::name, "与第" + std::to_string(it->second) + "行重复（同一人、同一组织、同一类别）");
      continue;
    }
    repo::WorkFilter f;
    f.org_id = org->id;
    f.kind = *role;
    f.include_ended = true;
    f.today = day;
    std::optional<Assignment> existing;
    for (const auto& x : repo::list_assignments(c, a.scope, f))
      if (x.person_name == p.in.person_name && (!existing || !x.valid_to)) existing = x;
    if (!existing) {
      if (org->closed_on && *org->closed_on <= p.in.valid_from) {
        add_problem(rep, r, acol::org, "“" + org->name + "”已于" + *org->closed_on + "注销");
        continue;
      }
      ++rep.inserted;
    } else if (to && !existing->valid_to) {
      p.end_id = existing->id;
      ++rep.updated;
    } else {
      continue;  // the same person, org and role: nothing the file changes
    }
    plans.push_back(std::move(p));
  }
  for (const auto& pr : l.problems) rep.errors.push_back(pr);
  io::sort_problems(rep.errors);
  if (!write || !rep.errors.empty()) return rep;
  const auto total = static_cast<std::int64_t>(plans.size());
  std::int64_t done = 0;
  for (const auto& p : plans) {
    if (progress) progress(done++, total);
    auto r = p.end_id ? end_assignment(c, a, *p.end_id, *p.in.valid_to) : add_assignment(c, a, *who.pii, p.in);
    if (!r) {
      add_problem(rep, *p.row, r.error().field == "phone" ? acol::phone : acol::name, r.error().message);
      return rep;
    }
  }
  if (progress) progress(total, total);
  return rep;
}

io::OutputSheet export_assignments(db::Connection& c, const ledger::Who& who) {
  io::OutputSheet sheet{"指导员与联络员", "", output_columns(assignments_spec(), false), {}};
  const Actor a = actor_of(who);
  repo::WorkFilter f;
  f.include_ended = true;
  f.today = today();
  auto list = repo::list_assignments(c, a.scope, f);
  std::vector<std::int64_t> ids;
  for (const auto& x : list) ids.push_back(x.org_id);
  auto orgs = repo::orgs(c, ids);
  for (const auto& x : list) {
    std::optional<std::string> phone;
    if (who.pii) phone = who.pii->decrypt(repo::assignment_phone_enc(c, x.id));
    sheet.rows.push_back({x.person_name, opt(phone), std::string(assignment_role_name(x.role)),
                          orgs.count(x.org_id) ? orgs[x.org_id].uscc : std::string(), x.valid_from, opt(x.valid_to)});
  }
  return sheet;
}

io::OutputSheet assignments_template() {
  io::OutputSheet sheet{"指导员与联络员", "", output_columns(assignments_spec(), true), {}};
  sheet.rows.push_back({"赵六", "13912345678", "党建指导员", "91330106MA2H3K5L7J", "2025-03-01", std::monostate{}});
  return sheet;
}

// ---- 群团组织

namespace mcol {
constexpr std::string_view org = "所在组织统一社会信用代码", type = "群团类型", founded = "成立日期";
}

const io::LedgerSpec& mass_orgs_spec() {
  using io::CellType;
  static const io::LedgerSpec spec{{
      {.name = std::string(mcol::org), .required = true, .aliases = {"统一社会信用代码"}},
      {.name = std::string(mcol::type), .required = true},
      {.name = std::string(mcol::founded), .type = CellType::date},
  }};
  return spec;
}

ledger::Report import_mass_orgs(db::Connection& c, const ledger::Who& who, const io::Ledger& l, bool write,
                                const ledger::Progress& progress) {
  Report rep;
  rep.rows = static_cast<std::int64_t>(l.rows.size());
  const Actor a = actor_of(who);
  const std::string day = today();
  struct Plan {
    const io::LedgerRow* row;
    std::int64_t org_id;
    std::string type;
    std::optional<std::string> founded;
  };
  std::vector<Plan> plans;
  std::map<std::pair<std::int64_t, std::string>, int> seen;
  for (const auto& r : l.rows) {
    const std::size_t before = rep.errors.size();
    std::optional<std::string> type;
    if (auto t = text_of(r, mcol::type)) {
      type = parse_mass_org_type(*t);
      if (!type) add_problem(rep, r, mcol::type, "群团类型应为工会、共青团或妇联");
    }
    std::optional<OrgBrief> org;
    if (auto code = text_of(r, mcol::org)) {
      auto o = org_by_code(c, a, *code, day);
      if (!o) add_problem(rep, r, mcol::org, o.error().message);
      else org = *o;
    }
    if (rep.errors.size() > before || !r.valid) continue;
    if (auto [it, fresh] = seen.emplace(std::make_pair(org->id, *type), r.row); !fresh) {
      add_problem(rep, r, mcol::type, "与第" + std::to_string(it->second) + "行重复（同一组织、同一群团类型）");
      continue;
    }
    if (repo::find_mass_org(c, org->id, *type)) continue;  // already registered: nothing to change
    ++rep.inserted;
    plans.push_back({&r, org->id, *type, date_of(r, mcol::founded)});
  }
  for (const auto& pr : l.problems) rep.errors.push_back(pr);
  io::sort_problems(rep.errors);
  if (!write || !rep.errors.empty()) return rep;
  const auto total = static_cast<std::int64_t>(plans.size());
  std::int64_t done = 0;
  for (const auto& p : plans) {
    if (progress) progress(done++, total);
    if (auto m = add_mass_org(c, a, p.org_id, p.type, p.founded); !m) {
      add_problem(rep, *p.row, mcol::type, m.error().message);
      return rep;
    }
  }
  if (progress) progress(total, total);
  return rep;
}

io::OutputSheet export_mass_orgs(db::Connection& c, const ledger::Who& who) {
  io::OutputSheet sheet{"群团组织", "", output_columns(mass_orgs_spec(), false), {}};
  repo::WorkFilter f;
  f.include_ended = true;
  f.today = today();
  auto list = repo::list_mass_orgs(c, who.scope, f);
  std::vector<std::int64_t> ids;
  for (const auto& m : list) ids.push_back(m.org_id);
  auto orgs = repo::orgs(c, ids);
  for (const auto& m : list)
    sheet.rows.push_back({orgs.count(m.org_id) ? orgs[m.org_id].uscc : std::string(),
                          std::string(mass_org_type_name(m.type)), opt(m.founded_on)});
  return sheet;
}

io::OutputSheet mass_orgs_template() {
  io::OutputSheet sheet{"群团组织", "", output_columns(mass_orgs_spec(), true), {}};
  sheet.rows.push_back({"91330106MA2H3K5L7J", "工会", "2021-05-01"});
  return sheet;
}

}  // namespace lx::partyorg
