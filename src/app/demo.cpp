// The demo district that `make run` starts with: a district, two streets with
// a community each, the district's 两新 work committee, two street committees
// with single and joint branches and a group, and one user of each role.
#include "app/app.hpp"
#include "core/roles.hpp"
#include "core/time.hpp"
#include "db/tree.hpp"
#include "modules/account/crypto.hpp"
#include "modules/account/service.hpp"

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

}  // namespace

std::vector<Credential> seed_demo(db::Database& db, const core::Config& cfg) {
  return db.transaction([&](db::Connection& c) -> std::vector<Credential> {
    if (c.scalar_int("SELECT COUNT(*) FROM areas").value_or(0) > 0) return {};
    const auto district = add_area(c, "示范区", "310199", "district", std::nullopt, "");
    const std::string dp = "/" + std::to_string(district) + "/";
    const auto donghu = add_area(c, "东湖街道", "310199001", "street", district, dp);
    const auto xicheng = add_area(c, "西城街道", "310199002", "street", district, dp);
    add_area(c, "东湖第一社区", "310199001001", "community", donghu, dp + std::to_string(donghu) + "/");
    add_area(c, "西城花园社区", "310199002001", "community", xicheng, dp + std::to_string(xicheng) + "/");

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
    return out;
  });
}

}  // namespace lx::app
