// The `liangxin` command: serve, migrate, user, audit, stats, import, export,
// backup, restore, copy, gen. Exit codes: 0 success,
// 1 failure, 2 bad input (e.g. a ledger with problems).
#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <csignal>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/app.hpp"
#include "app/cli_backup.hpp"
#include "app/cli_ledger.hpp"
#include "app/gen.hpp"
#include "crypto/pii.hpp"
#include "db/migrations.hpp"
#include "http/jobs.hpp"
#include "http/pipeline.hpp"
#include "http/server.hpp"
#include "modules/account/audit.hpp"
#include "modules/account/crypto.hpp"
#include "modules/account/repo.hpp"
#include "modules/account/routes.hpp"
#include "modules/account/service.hpp"
#include "modules/stats/service.hpp"

namespace {

using lx::core::Config;

struct Common {
  std::string config_file;
  std::vector<std::string> sets;
  std::string db;
};

void add_common(CLI::App* cmd, Common& c) {
  cmd->add_option("--db", c.db, "数据库：sqlite:路径 或 postgresql://…");
  cmd->add_option("--config", c.config_file, "配置文件（key = value）");
  cmd->add_option("--set", c.sets, "覆盖一个配置项：key=value（可重复）");
}

Config load_config(const Common& c) {
  Config cfg;
  if (!c.config_file.empty()) {
    std::ifstream in(c.config_file);
    if (!in) throw std::runtime_error("无法读取配置文件：" + c.config_file);
    std::stringstream ss;
    ss << in.rdbuf();
    auto st = lx::core::apply_config_text(cfg, ss.str());
    if (!st) throw std::runtime_error(st.error().message);
  }
  for (const auto& kv : c.sets) {
    auto eq = kv.find('=');
    if (eq == std::string::npos) throw std::runtime_error("--set 的格式应为 key=value：" + kv);
    auto st = lx::core::set_config_value(cfg, kv.substr(0, eq), kv.substr(eq + 1));
    if (!st) throw std::runtime_error(st.error().message);
  }
  if (!c.db.empty()) cfg.db = c.db;
  return cfg;
}

std::unique_ptr<lx::db::Database> open_db(const Config& cfg) {
  auto db = lx::db::Database::open(cfg.db);
  lx::db::migrate(*db);
  return db;
}

std::string read_password_stdin() {
  std::string pw;
  std::getline(std::cin, pw);
  if (!pw.empty() && pw.back() == '\r') pw.pop_back();
  return pw;
}

int cmd_serve(const Config& cfg, bool demo, const std::string& port_file) {
  auto db = open_db(cfg);
  auto creds = lx::app::bootstrap_admin(*db, cfg);
  if (demo) {
    auto more = lx::app::seed_demo(*db, cfg);
    creds.insert(creds.end(), more.begin(), more.end());
  }
  lx::account::prepare_dummy_hash(cfg);
  lx::http::Router router;
  lx::app::register_all_routes(router);
  auto guard = lx::account::make_guard(cfg);
  lx::http::Jobs jobs(*db, 2);
  const auto pii = lx::crypto::Pii::load_or_create(lx::core::key_file_path(cfg));
  lx::http::App app(cfg, *db, router, *guard, jobs, pii);
  lx::http::Server server(cfg, app);
  const int port = server.bind();
  auto hp = lx::core::split_listen(cfg.listen);
  std::string host = hp->first == "0.0.0.0" ? "127.0.0.1" : hp->first;
  if (host.find(':') != std::string::npos) host = "[" + host + "]";
  std::cout << "两新党建信息平台 Liangxin " << LX_VERSION << "\n";
  std::cout << "数据库: " << db->backend_name() << " (schema " << lx::db::schema_version(*db) << ")\n";
  for (const auto& c : creds) {
    if (c.login == "admin") std::cout << "管理员账号: admin  一次性密码: " << c.password << "  （首次登录须修改密码）\n";
    else std::cout << "演示账号: " << c.login << "（" << c.role_name << "）  一次性密码: " << c.password << "\n";
  }
  std::cout << "访问地址: http://" << host << ":" << port << "/" << std::endl;
  if (!port_file.empty()) std::ofstream(port_file) << port << "\n";
  server.run();
  spdlog::info("stopped");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  // A file-size limit (ulimit -f) reached while writing is a write error
  // (SQLite answers SQLITE_FULL/IOERR → 503), not death by SIGXFSZ.
  std::signal(SIGXFSZ, SIG_IGN);
  CLI::App cli{"两新党建信息平台 Liangxin"};
  cli.require_subcommand(1);
  Common common;

  auto* serve = cli.add_subcommand("serve", "启动服务");
  add_common(serve, common);
  std::string listen, web, port_file;
  int threads = -1;
  bool demo = false;
  serve->add_option("--listen", listen, "监听地址 主机:端口（默认 127.0.0.1:8080）");
  serve->add_option("--threads", threads, "工作线程数");
  serve->add_option("--web", web, "前端目录（默认 web/dist）");
  serve->add_option("--port-file", port_file, "启动后把实际端口写入此文件");
  serve->add_flag("--demo", demo, "首次启动时创建演示数据");

  auto* migrate = cli.add_subcommand("migrate", "升级数据库结构");
  add_common(migrate, common);

  auto* user = cli.add_subcommand("user", "用户管理");
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", "新增用户（密码从标准输入读取）");
  add_common(user_add, common);
  std::string u_login, u_role, u_scope, u_name;
  bool no_force = false;
  user_add->add_option("--login", u_login)->required();
  user_add->add_option("--role", u_role)->required();
  user_add->add_option("--name", u_name);
  user_add->add_option("--scope", u_scope, "数据范围：party_org:ID、area:ID，或党组织/属地名称");
  user_add->add_flag("--no-force-change", no_force, "首次登录不强制修改密码");
  auto* user_list = user->add_subcommand("list", "列出用户");
  add_common(user_list, common);
  auto* user_reset = user->add_subcommand("reset-password", "重置密码（新密码从标准输入读取）");
  add_common(user_reset, common);
  user_reset->add_option("--login", u_login)->required();
  auto* user_disable = user->add_subcommand("disable", "停用用户");
  add_common(user_disable, common);
  user_disable->add_option("--login", u_login)->required();

  auto* audit = cli.add_subcommand("audit", "审计日志");
  audit->require_subcommand(1);
  auto* audit_verify = audit->add_subcommand("verify", "校验审计链");
  add_common(audit_verify, common);

  auto* stats = cli.add_subcommand("stats", "统计数据（与接口返回相同的 JSON）");
  stats->require_subcommand(1);
  std::string s_scope, s_date, s_from, s_to, s_type;
  bool s_json = false;
  auto* stats_cov = stats->add_subcommand("coverage", "组织覆盖与工作覆盖");
  add_common(stats_cov, common);
  stats_cov->add_option("--scope", s_scope, "统计范围：名称、party_org:ID 或 area:ID（默认全区）");
  stats_cov->add_option("--date", s_date, "截至日期 YYYY-MM-DD（默认今天）");
  stats_cov->add_flag("--json", s_json, "输出 JSON");
  auto* stats_po = stats->add_subcommand("party-orgs", "党组织数量与增长");
  add_common(stats_po, common);
  stats_po->add_option("--scope", s_scope, "统计范围");
  stats_po->add_option("--type", s_type, "committee|general_branch|branch|group");
  stats_po->add_option("--from", s_from, "起始日期")->required();
  stats_po->add_option("--to", s_to, "截止日期")->required();
  stats_po->add_flag("--json", s_json, "输出 JSON");

  std::string l_name, l_file;
  bool l_dry = false, l_json = false, l_template = false;
  auto* imp = cli.add_subcommand("import", "导入台账：orgs|party-orgs|assignments|mass-orgs|members FILE");
  add_common(imp, common);
  imp->add_option("ledger", l_name, "台账")->required();
  imp->add_option("file", l_file, ".xlsx 或 .csv 文件")->required();
  imp->add_flag("--dry-run", l_dry, "只校验，不写入");
  imp->add_flag("--json", l_json, "输出 JSON 结果");
  auto* exp = cli.add_subcommand("export", "导出台账（或 --template 导出模板）到 FILE");
  add_common(exp, common);
  exp->add_option("ledger", l_name, "台账")->required();
  exp->add_option("file", l_file, "输出的 .xlsx 文件")->required();
  exp->add_flag("--template", l_template, "只导出模板（表头和一行示例）");

  std::string b_file, c_from, c_to;
  auto* bak = cli.add_subcommand("backup", "备份数据库到 FILE（服务运行时也可以；SQLite 用在线备份，PostgreSQL 用 pg_dump）");
  add_common(bak, common);
  bak->add_option("file", b_file, "备份文件")->required();
  auto* res = cli.add_subcommand("restore", "把备份 FILE 恢复到一个空数据库（--db）");
  add_common(res, common);
  res->add_option("file", b_file, "备份文件")->required();
  auto* cpy = cli.add_subcommand("copy", "把整个数据库复制到另一个空数据库（如 SQLite → PostgreSQL）");
  cpy->add_option("--from", c_from, "源数据库：sqlite:路径 或 postgresql://…")->required();
  cpy->add_option("--to", c_to, "目标数据库（须为空）")->required();

  lx::app::GenRequest g;
  auto* gen = cli.add_subcommand("gen", "生成测试数据：一个区（small、city）或一个省（province），以及同样的两新组织台账");
  add_common(gen, common);
  gen->add_option("--scale", g.scale, "small（1千个组织）、city（5万）或 province（50万）")->required();
  gen->add_option("--seed", g.seed, "随机种子（同一种子生成同样的数据）");
  gen->add_option("--date", g.date, "数据截至日期 YYYY-MM-DD（默认今天）");
  gen->add_option("--life-years", g.life_years, "生成多少年的组织生活记录（默认 small/city 3 年，province 1 年）");
  gen->add_flag("--areas-only", g.areas_only, "只写属地（导入测试的目标库）");
  gen->add_flag("--keep-indexes", g.keep_indexes, "写入时保留二级索引（用于对比）");
  gen->add_option("--xlsx", g.xlsx, "把前 N 个组织写成两新组织台账 .xlsx");
  gen->add_option("--csv", g.csv, "同样的行写成 .csv");
  gen->add_option("--rows", g.rows, "台账行数 N（默认全部）");

  CLI11_PARSE(cli, argc, argv);

  spdlog::set_default_logger(spdlog::stderr_color_mt("liangxin"));
  auto access = spdlog::stderr_color_mt("access");
  access->set_pattern("%v");

  try {
    lx::account::crypto_init();
    Config cfg = load_config(common);
    if (*serve) {
      if (!listen.empty()) cfg.listen = listen;
      if (threads >= 0) cfg.threads = threads;
      if (!web.empty()) cfg.web_dir = web;
      return cmd_serve(cfg, demo, port_file);
    }
    if (*migrate) {
      auto db = lx::db::Database::open(cfg.db);
      int n = lx::db::migrate(*db);
      std::cout << "已应用 " << n << " 个迁移，数据库结构版本 " << lx::db::schema_version(*db) << "\n";
      return 0;
    }
    if (*user_add) {
      auto db = open_db(cfg);
      lx::account::UserInput in;
      in.login = u_login;
      in.name = u_name.empty() ? u_login : u_name;
      in.role = u_role;
      in.password = read_password_stdin();
      if (!u_scope.empty()) {
        auto colon = u_scope.find(':');
        if (colon != std::string::npos && (u_scope.substr(0, colon) == "party_org" || u_scope.substr(0, colon) == "area")) {
          in.scope_type = u_scope.substr(0, colon);
          in.scope_id = std::stoll(u_scope.substr(colon + 1));
        } else {
          auto c = db->acquire();
          auto po = c->query("SELECT id FROM party_orgs WHERE name = ?", {u_scope});
          auto ar = c->query("SELECT id FROM areas WHERE name = ?", {u_scope});
          if (po.size() + ar.size() != 1) {
            std::cerr << "数据范围“" << u_scope << "”" << (po.size() + ar.size() ? "不唯一" : "不存在")
                      << "，请用 party_org:ID 或 area:ID 指定\n";
            return 2;
          }
          in.scope_type = po.size() ? "party_org" : "area";
          in.scope_id = po.size() ? po.i(0, 0) : ar.i(0, 0);
        }
      }
      auto r = db->transaction([&](lx::db::Connection& c) {
        auto u = lx::account::create_user(c, cfg, in, no_force ? std::optional<bool>(false) : std::nullopt);
        if (u) lx::account::append_audit(c, {std::nullopt, "cli", "", "user.create", "user:" + std::to_string(u->id), ""});
        return u;
      });
      if (!r) {
        std::cerr << r.error().message << "\n";
        return 2;
      }
      std::cout << "已创建用户 " << r->login << "（id " << r->id << "）\n";
      return 0;
    }
    if (*user_list) {
      auto db = open_db(cfg);
      auto c = db->acquire();
      lx::account::repo::UserFilter f;
      f.size = 1000000;
      auto [users, total] = lx::account::repo::list_users(*c, f);
      for (const auto& u : users)
        std::cout << u.id << "\t" << u.login << "\t" << u.name << "\t" << lx::core::role_code(u.role) << "\t"
                  << (u.scope_name.empty() ? "全区" : u.scope_name) << "\t" << (u.disabled ? "停用" : "启用") << "\n";
      return 0;
    }
    if (*user_reset || *user_disable) {
      auto db = open_db(cfg);
      std::string pw = *user_reset ? read_password_stdin() : "";
      auto r = db->transaction([&](lx::db::Connection& c) -> lx::Result<lx::account::User> {
        auto u = lx::account::repo::user_by_login(c, u_login);
        if (!u) return lx::make_error("not_found", "用户不存在：" + u_login);
        lx::account::UserInput in;
        in.disabled = true;
        auto out = *user_reset ? lx::account::reset_password(c, cfg, u->id, pw)
                               : lx::account::update_user(c, u->id, in, 0);
        if (out)
          lx::account::append_audit(c, {std::nullopt, "cli", "", *user_reset ? "user.reset_password" : "user.update",
                                        "user:" + std::to_string(u->id), ""});
        return out;
      });
      if (!r) {
        std::cerr << r.error().message << "\n";
        return 2;
      }
      std::cout << (*user_reset ? "已重置密码：" : "已停用：") << u_login << "\n";
      return 0;
    }
    if (*stats_cov || *stats_po) {
      auto db = open_db(cfg);
      auto c = db->acquire();
      auto scope = lx::stats::resolve_scope(*c, lx::http::Scope{}, s_scope);
      if (!scope) {
        std::cerr << scope.error().message << "\n";
        return 2;
      }
      auto date_of = [](const std::string& text) -> lx::core::Date {
        if (text.empty()) return lx::core::today_shanghai();
        auto d = lx::core::parse_date(text);
        if (!d) throw std::runtime_error("日期无效：" + text);
        return *d;
      };
      boost::json::object out = *stats_cov ? lx::stats::coverage(*c, *scope, date_of(s_date))
                                            : lx::stats::party_org_growth(*c, *scope, date_of(s_from), date_of(s_to), s_type);
      if (s_json) {
        std::cout << boost::json::serialize(out) << "\n";
      } else {
        for (const auto& [k, v] : out) std::cout << std::string(k) << "\t" << boost::json::serialize(v) << "\n";
      }
      return 0;
    }
    if (*gen) {
      if (common.db.empty() && common.config_file.empty()) cfg.db.clear();  // only ledger files
      return lx::app::cli_gen(cfg, g);
    }
    if (*bak) return lx::app::cli_backup(cfg, b_file);
    if (*res) return lx::app::cli_restore(cfg, b_file);
    if (*cpy) return lx::app::cli_copy(c_from, c_to);
    if (*imp) return lx::app::cli_import(cfg, l_name, l_file, l_dry, l_json);
    if (*exp) return lx::app::cli_export(cfg, l_name, l_file, l_template);
    if (*audit_verify) {
      auto db = open_db(cfg);
      auto c = db->acquire();
      auto v = lx::account::verify_audit(*c);
      std::cout << v.message << "\n";
      return v.ok ? 0 : 1;
    }
  } catch (const std::exception& e) {
    std::cerr << "错误：" << e.what() << "\n";
    return 1;
  }
  return 0;
}
