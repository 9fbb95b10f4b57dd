// The demo district that `make run` starts with: a district, two streets with
// a community each, the district's 两新 work committee, two street committees
// with single and joint branches and a group, a dozen 两新 orgs (entered
// through the census service), their coverage, committees, instructors,
// liaisons and mass organisations (through the party org service, so the
// warnings of R-ORG-1..6 have something to show), members and transfers
// (demo_members.cpp, through the member service), a recruitment pipeline
// (demo_recruit.cpp, through the recruitment service), and one user of each role.
#include <array>

#include "app/app.hpp"
#include "app/demo_members.hpp"
#include "app/demo_life.hpp"
#include "app/demo_recruit.hpp"
#include "core/dates.hpp"
#include "core/ids.hpp"
#include "core/roles.hpp"
#include "core/time.hpp"
#include "db/tree.hpp"
#include "modules/account/crypto.hpp"
#include "modules/account/service.hpp"
#include "modules/census/service.hpp"
#include "modules/partyorg/service.hpp"

namespace lx::app {
namespace {

std::int64_t add_area(db::Connection& c, const std::string& name, const std::string& code, const std::string& level,
                      std::optional<std::int64_t> parent, const std::string& parent_path) {
  const std::string now = core::now_iso();
  auto id = c.query(
                 "INSERT INTO areas (parent_id, code, name, level, path, created_at, updated_at) "
                 "VALUES (?, ?, ?, ?, '', ?, ?) RETURNING id",
                 {parent ? db::Value(*parent) : db::Value(nullptr), code, name, level, now, now})
                .i(0, 0);
  c.exec("UPDATE areas SET path = ? WHERE id = ?", {db::child_path(parent_path, id), id});
  return id;
}

struct OrgSpec {
  std::string name, type, formation, founded;
  std::optional<std::int64_t> area_id;
  std::string role;
};

std::pair<std::int64_t, std::string> add_party_org(db::Connection& c, const OrgSpec& s,
                                                   std::optional<std::int64_t> parent, const std::string& parent_path) {
  const std::string now = core::now_iso();
  auto id = c.query(
                 "INSERT INTO party_orgs (parent_id, name, type, role, formation, area_id, founded_on, term_start, "
                 "term_years, path, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?) RETURNING id",
                 {parent ? db::Value(*parent) : db::Value(nullptr), s.name, s.type,
                  s.role.empty() ? db::Value(nullptr) : db::Value(s.role),
                  s.formation.empty() ? db::Value(nullptr) : db::Value(s.formation),
                  s.area_id ? db::Value(*s.area_id) : db::Value(nullptr), s.founded, s.founded,
                  std::int64_t{s.type == "committee" ? 5 : 3}, now, now})
                .i(0, 0);
  std::string path = db::child_path(parent_path, id);
  c.exec("UPDATE party_orgs SET path = ? WHERE id = ?", {path, id});
  return {id, path};
}

// A credit code (R-ID-2) from its first 17 characters and the check character they give.
std::string credit_code(const std::string& first17) { return first17 + core::credit_code_check_char(first17); }

// About a dozen 两新 orgs across the two streets, entered through the census
// service: all kinds, several industries, a few stale, a few with 3+ declared
// members (should-build until the party org module covers them), one closed.
void seed_demo_orgs(db::Connection& c, const core::Config& cfg, const std::array<std::int64_t, 4>& areas) {
  const auto pii = crypto::Pii::load_or_create(core::key_file_path(cfg));
  const core::Date today = core::today_shanghai();
  const auto view = census::view_of(http::Scope{}, today);
  auto ago = [&](int months) { return core::to_iso(core::add_months(today, -months)); };
  struct Spec {
    const char* name;
    const char* code17;
    const char* kind;
    const char* sub_kind;
    const char* industry;
    int area;  // index into areas
    const char* registered;
    int workforce, members;
    bool above_scale;
    const char* principal;
    bool principal_member;
    const char* reason;
    const char* phone;
    int verified_months_ago;  // -1: never verified
  };
  const Spec specs[] = {
      {"东湖科技有限公司", "91310199MA1FL0001", "enterprise", "私营企业", "I", 1, "2015-06-18", 120, 8, true, "刘东",
       true, nullptr, "13800138001", 1},
      {"东湖餐饮管理有限公司", "91310199MA1FL0002", "enterprise", "私营企业", "H", 0, "2017-03-09", 35, 2, false,
       "陈美华", false, "党员不足3名，拟纳入商圈联合党支部", "021-55551234", 2},
      {"东湖鲜果便利店", "92310199MA1FL0003", "enterprise", "个体工商户", "F", 1, "2019-11-02", 6, 0, false, "周小军",
       false, "无党员", nullptr, 5},
      {"东湖智能制造有限公司", "91310199MA1FL0004", "enterprise", "外商投资企业", "C", 0, "2016-08-30", 260, 5, true,
       "王建国", false, "正在筹建", "13912345678", -1},
      {"东湖软件行业协会", "51310199MJ1FL0005", "social", "行业协会商会", "S", 0, "2018-05-20", 12, 3, false, "孙立",
       true, "党员刚满3名，待组建", nullptr, 4},
      {"东湖快递服务站", "92310199MA1FL0006", "gig_site", "快递网点", "G", 1, "2021-04-01", 18, 1, false, "吴刚",
       false, "党员不足3名，已派联络员", "13700001111", 0},
      {"西城物流有限公司", "91310199MA1FL0007", "enterprise", "私营企业", "G", 2, "2014-09-12", 80, 6, true, "郑海",
       true, nullptr, "13611112222", 1},
      {"西城花园养老服务中心", "52310199MJ1FL0008", "social", "民办非企业单位", "Q", 3, "2019-01-15", 25, 2, false,
       "冯丽", true, nullptr, nullptr, 2},
      {"西城青少年发展基金会", "53310199MJ1FL0009", "social", "基金会", "S", 2, "2020-07-07", 8, 1, false, "韩梅",
       false, "党员不足3名", nullptr, 1},
      {"西城建筑工程有限公司", "91310199MA1FL0010", "enterprise", "私营企业", "E", 2, "2012-02-28", 150, 4, true,
       "杨大力", false, "未落实", "13522223333", 7},
      {"西城外卖配送站", "92310199MA1FL0011", "gig_site", "外卖配送站点", "H", 3, "2022-05-05", 30, 0, false,
       "朱明", false, "无党员", nullptr, 0},
      {"西城文化传媒有限公司", "91310199MA1FL0012", "enterprise", "港澳台投资企业", "R", 3, "2018-12-01", 40, 3,
       false, "许文", true, nullptr, nullptr, -1},
  };
  for (const Spec& s : specs) {
    census::OrgInput in;
    in.name.set(s.name);
    in.uscc.set(credit_code(s.code17));
    in.kind.set(s.kind);
    in.sub_kind.set(s.sub_kind);
    in.industry.set(s.industry);
    in.area_id.set(areas[static_cast<std::size_t>(s.area)]);
    in.registered_on.set(s.registered);
    in.workforce.set(s.workforce);
    in.declared_members.set(s.members);
    in.above_scale.set(s.above_scale);
    in.principal.set(s.principal);
    in.principal_is_member.set(s.principal_member);
    if (s.reason) in.no_party_org_reason.set(s.reason);
    in.contact_name.set(s.principal);
    if (s.phone) in.contact_phone.set(s.phone);
    if (s.verified_months_ago >= 0) in.verified_on.set(ago(s.verified_months_ago));
    auto made = census::create_org(c, pii, view, in);
    if (!made) throw std::runtime_error(std::string(s.name) + ": " + made.error().message);
  }
  census::OrgInput closed;
  closed.name.set("东湖旧货商行");
  closed.uscc.set(credit_code("92310199MA1FL0013"));
  closed.kind.set("enterprise");
  closed.sub_kind.set("个体工商户");
  closed.industry.set("F");
  closed.area_id.set(areas[0]);
  closed.registered_on.set("2010-04-01");
  closed.operating_status.set("closed");
  closed.closed_on.set("2024-12-31");
  auto made = census::create_org(c, pii, view, closed);
  if (!made) throw std::runtime_error(made.error().message);
}


// The party org side of the demo: which party org covers which org, committee
// posts, declared member counts and terms, a temporary branch past its end
// date, instructors and liaisons of orgs without a party org, and mass orgs.
// Orgs are found by credit code, party orgs by name, all through services.
void seed_demo_party_work(db::Connection& c, const core::Config& cfg) {
  const auto pii = crypto::Pii::load_or_create(core::key_file_path(cfg));
  const partyorg::Actor admin{core::Role::admin, http::Scope{}};
  const core::Date today = core::today_shanghai();
  auto ago = [&](int days) { return core::to_iso(core::add_days(today, -days)); };
  auto must = [](const auto& r, const std::string& what) {
    if (!r) throw std::runtime_error("demo " + what + ": " + r.error().message);
  };
  auto org = [&](const char* code17) {
    auto found = census::find_org_by_uscc(c, credit_code(code17));
    if (!found) throw std::runtime_error(std::string("demo org ") + code17 + " missing");
    return found->first;
  };
  auto party_org = [&](const std::string& name) -> std::int64_t {
    partyorg::repo::ListFilter f;
    f.q = name;
    auto list = partyorg::list_party_orgs(c, admin, f);
    must(list, name);
    for (const auto& p : list->first)
      if (p.name == name) return p.id;
    throw std::runtime_error("demo party org " + name + " missing");
  };
  auto counts = [&](const std::string& name, std::int64_t members, std::int64_t full, const std::string& term_start) {
    partyorg::PartyOrgInput in;
    in.declared_members = std::optional<std::int64_t>(members);
    in.declared_full_members = std::optional<std::int64_t>(full);
    if (!term_start.empty()) in.term_start = std::optional<std::string>(term_start);
    must(partyorg::update_party_org(c, admin, party_org(name), in), name);
  };
  counts("东湖街道综合党委", 126, 120, "2024-03-01");
  counts("西城街道综合党委", 88, 80, "2021-04-01");   // R-ORG-3 under 100, R-ORG-5 overdue
  counts("东湖科技有限公司党支部", 8, 8, "2024-05-01");
  counts("东湖商圈联合党支部", 5, 4, "2023-07-01");
  counts("西城社会组织联合党支部", 3, 3, "2024-06-18");
  counts("西城物流有限公司党支部", 6, 5, core::to_iso(core::add_days(core::add_years(today, -3), 60)));

  struct Cover {
    const char* party_org;
    const char* code17;
    const char* from;
  };
  for (const Cover& v : {Cover{"东湖科技有限公司党支部", "91310199MA1FL0001", "2018-05-01"},
                         Cover{"东湖商圈联合党支部", "91310199MA1FL0002", "2019-07-01"},
                         Cover{"东湖商圈联合党支部", "92310199MA1FL0003", "2020-01-01"},
                         Cover{"西城物流有限公司党支部", "91310199MA1FL0007", "2021-03-15"},
                         Cover{"西城社会组织联合党支部", "52310199MJ1FL0008", "2020-06-18"},
                         Cover{"西城社会组织联合党支部", "53310199MJ1FL0009", "2020-06-18"}})
    must(partyorg::add_coverage(c, admin, party_org(v.party_org), org(v.code17), v.from), v.party_org);

  struct Post {
    const char* party_org;
    const char* post;
    const char* person;
    const char* from;
  };
  for (const Post& p : {Post{"东湖街道综合党委", "secretary", "沈建华", "2024-03-01"},
                        Post{"西城街道综合党委", "secretary", "罗永红", "2021-04-01"},
                        Post{"东湖科技有限公司党支部", "secretary", "张书记", "2024-05-01"},
                        Post{"东湖科技有限公司党支部", "deputy_secretary", "刘东", "2024-05-01"},
                        Post{"东湖科技有限公司党支部", "organisation", "李明", "2024-05-01"},
                        Post{"东湖科技有限公司党支部", "publicity", "王芳", "2024-05-01"},
                        Post{"东湖商圈联合党支部", "secretary", "周建平", "2023-07-01"},
                        Post{"西城物流有限公司党支部", "secretary", "郑海", "2021-03-15"},
                        Post{"西城社会组织联合党支部", "secretary", "冯丽", "2024-06-18"},
                        Post{"西城社会组织联合党支部", "deputy_secretary", "韩梅", "2024-06-18"},
                        Post{"西城社会组织联合党支部", "organisation", "孙强", "2024-06-18"}})   // R-ORG-4
    must(partyorg::add_post(c, admin, party_org(p.party_org), {p.post, p.person, p.from, std::nullopt}), p.person);

  // R-ORG-6: a project branch whose planned end has passed.
  partyorg::PartyOrgInput temp;
  temp.parent_id = std::optional<std::int64_t>(party_org("西城街道综合党委"));
  temp.name = "西城建筑工程项目临时党支部";
  temp.type = "branch";
  temp.founded_on = ago(240);
  temp.temporary = true;
  temp.end_date = std::optional<std::string>(ago(10));
  temp.declared_members = std::optional<std::int64_t>(4);
  temp.declared_full_members = std::optional<std::int64_t>(4);
  must(partyorg::create_party_org(c, admin, temp), "temporary branch");

  struct Send {
    const char* person;
    const char* phone;
    const char* role;
    const char* code17;
    const char* from;
  };
  for (const Send& a : {Send{"赵指导", "13800138101", "instructor", "91310199MA1FL0004", "2024-09-01"},
                        Send{"钱联络", "13800138102", "liaison", "51310199MJ1FL0005", "2025-02-15"},
                        Send{"钱联络", "13800138102", "liaison", "92310199MA1FL0006", "2025-02-15"},
                        Send{"孙指导", "13800138103", "instructor", "91310199MA1FL0010", "2023-11-01"}})
    must(partyorg::add_assignment(c, admin, pii, {a.person, a.phone, a.role, org(a.code17), a.from, std::nullopt}),
         a.person);

  struct Mass {
    const char* code17;
    const char* type;
    const char* founded;
  };
  for (const Mass& m : {Mass{"91310199MA1FL0001", "union", "2016-03-01"},
                        Mass{"91310199MA1FL0001", "youth_league", "2019-05-04"},
                        Mass{"91310199MA1FL0010", "union", "2013-06-01"},
                        Mass{"92310199MA1FL0011", "union", "2023-01-10"},
                        Mass{"91310199MA1FL0012", "womens_federation", "2020-03-08"}})
    must(partyorg::add_mass_org(c, admin, org(m.code17), m.type, std::string(m.founded)), m.code17);
}

}  // namespace

std::vector<Credential> seed_demo(db::Database& db, const core::Config& cfg) {
  return db.transaction([&](db::Connection& c) -> std::vector<Credential> {
    if (c.scalar_int("SELECT COUNT(*) FROM areas").value_or(0) > 0) return {};
    const auto district = add_area(c, "示范区", "310199", "district", std::nullopt, "");
    const std::string dp = "/" + std::to_string(district) + "/";
    const auto donghu = add_area(c, "东湖街道", "310199001", "street", district, dp);
    const auto xicheng = add_area(c, "西城街道", "310199002", "street", district, dp);
    const auto donghu1 = add_area(c, "东湖第一社区", "310199001001", "community", donghu, dp + std::to_string(donghu) + "/");
    const auto xicheng1 =
        add_area(c, "西城花园社区", "310199002001", "community", xicheng, dp + std::to_string(xicheng) + "/");
    seed_demo_orgs(c, cfg, {donghu, donghu1, xicheng, xicheng1});

    auto [work, wp] = add_party_org(c, {"示范区两新组织党工委", "committee", "", "2015-01-01", district, "leading"},
                                    std::nullopt, "");
    auto [dh, dhp] = add_party_org(c, {"东湖街道综合党委", "committee", "area_joint", "2016-03-01", donghu, ""}, work, wp);
    auto [xc, xcp] = add_party_org(c, {"西城街道综合党委", "committee", "area_joint", "2016-04-01", xicheng, ""}, work, wp);
    auto [tech, techp] =
        add_party_org(c, {"东湖科技有限公司党支部", "branch", "single", "2018-05-01", donghu, ""}, dh, dhp);
    add_party_org(c, {"东湖商圈联合党支部", "branch", "joint", "2019-07-01", donghu, ""}, dh, dhp);
    add_party_org(c, {"西城社会组织联合党支部", "branch", "joint", "2020-06-18", xicheng, ""}, xc, xcp);
    auto [logi, logip] =
        add_party_org(c, {"西城物流有限公司党支部", "branch", "single", "2021-03-15", xicheng, ""}, xc, xcp);
    add_party_org(c, {"第一党小组", "group", "", "2021-04-01", xicheng, ""}, logi, logip);

    struct U {
      const char* login;
      const char* name;
      core::Role role;
      const char* scope_type;
      std::int64_t scope_id;
    };
    const U users[] = {
        {"zuzhibu", "李组织", core::Role::office, "", 0},
        {"donghu", "王街道", core::Role::street, "area", donghu},
        {"shuji", "张书记", core::Role::secretary, "party_org", tech},
        {"zhidaoyuan", "赵指导", core::Role::instructor, "area", xicheng},
        {"dangyuan", "陈党员", core::Role::member, "party_org", tech},
    };
    std::vector<Credential> out;
    for (const U& u : users) {
      account::UserInput in;
      in.login = u.login;
      in.name = u.name;
      in.role = std::string(core::role_code(u.role));
      if (*u.scope_type) {
        in.scope_type = u.scope_type;
        in.scope_id = u.scope_id;
      }
      in.password = account::random_password(12);
      auto created = account::create_user(c, cfg, in, true);
      if (!created) throw std::runtime_error(created.error().message);
      out.push_back({u.login, std::string(core::role_name_zh(u.role)), *in.password});
    }
    seed_demo_party_work(c, cfg);
    seed_demo_members(c, cfg);
    seed_demo_recruits(c, cfg);
    seed_demo_life(c, cfg);
    return out;
  });
}

}  // namespace lx::app
