// The figures of STATS.md computed by the stats module's SQL on a real
// database: the worked example at the end of STATS.md, and figures as of
// several dates while orgs close, links end and branches dissolve. Runs on
// SQLite always and on PostgreSQL when LX_TEST_PG_URL names a server.
#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <boost/json.hpp>
#include <filesystem>
#include <random>

#include "db/database.hpp"
#include "db/migrations.hpp"
#include "modules/stats/service.hpp"

namespace {

namespace json = boost::json;
using lx::db::Connection;
using lx::db::Database;

// A fresh migrated database of the given backend; drops it at the end.
class TempDb {
 public:
  explicit TempDb(const std::string& backend) {
    std::mt19937_64 rng(std::random_device{}());
    const std::string tag = std::to_string(rng() % 1000000000);
    if (backend == "sqlite") {
      dir_ = std::filesystem::temp_directory_path() / ("lx-stats-" + tag);
      std::filesystem::create_directories(dir_);
      db_ = Database::open("sqlite:" + (dir_ / "t.db").string());
    } else {
      admin_url_ = std::getenv("LX_TEST_PG_URL");
      name_ = "lx_stats_" + tag;
      admin("CREATE DATABASE " + name_);
      std::string url = admin_url_.substr(0, admin_url_.rfind('/') + 1) + name_;
      db_ = Database::open(url);
    }
    lx::db::migrate(*db_);
  }
  ~TempDb() {
    db_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
    if (!name_.empty()) admin("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  }
  Database& db() { return *db_; }

 private:
  void admin(const std::string& sql) {
    PGconn* c = PQconnectdb(admin_url_.c_str());
    PGresult* r = PQexec(c, sql.c_str());
    PQclear(r);
    PQfinish(c);
  }
  std::unique_ptr<Database> db_;
  std::filesystem::path dir_;
  std::string admin_url_, name_;
};

std::int64_t insert_id(Connection& c, const std::string& sql, const lx::db::Params& p) {
  return c.query(sql + " RETURNING id", p).i(0, 0);
}

const std::string kNow = "2020-01-01T00:00:00Z";

std::int64_t area(Connection& c, const std::string& name) {
  auto id = insert_id(c, "INSERT INTO areas (name, level, path, created_at, updated_at) VALUES (?, 'district', '', ?, ?)",
                      {name, kNow, kNow});
  c.exec("UPDATE areas SET path = ? WHERE id = ?", {"/" + std::to_string(id) + "/", id});
  return id;
}

std::int64_t org(Connection& c, std::int64_t area_id, int n, std::optional<std::int64_t> members = {},
                 const std::string& registered = "2010-01-01", const std::string& closed = "") {
  return insert_id(c,
                   "INSERT INTO orgs (name, uscc, kind, area_id, area_path, registered_on, closed_on, declared_members, "
                   "name_sort, created_at, updated_at) VALUES (?, ?, 'social', ?, ?, ?, ?, ?, ?, ?, ?)",
                   {"组织" + std::to_string(n), "USCC" + std::to_string(n), area_id, "/" + std::to_string(area_id) + "/",
                    registered, closed.empty() ? lx::db::Value(nullptr) : lx::db::Value(closed),
                    members ? lx::db::Value(*members) : lx::db::Value(nullptr), std::to_string(100 + n), kNow, kNow});
}

std::int64_t party_org(Connection& c, const std::string& name, const std::string& formation, const std::string& founded,
                       const std::string& dissolved = "") {
  auto id = insert_id(c,
                      "INSERT INTO party_orgs (name, type, formation, founded_on, dissolved_on, path, created_at, "
                      "updated_at) VALUES (?, 'branch', ?, ?, ?, '', ?, ?)",
                      {name, formation, founded, dissolved.empty() ? lx::db::Value(nullptr) : lx::db::Value(dissolved),
                       kNow, kNow});
  c.exec("UPDATE party_orgs SET path = ? WHERE id = ?", {"/" + std::to_string(id) + "/", id});
  return id;
}

void cover(Connection& c, std::int64_t org_id, std::int64_t po, const std::string& from, const std::string& to = "") {
  c.exec("INSERT INTO coverage (org_id, party_org_id, valid_from, valid_to, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
         {org_id, po, from, to.empty() ? lx::db::Value(nullptr) : lx::db::Value(to), kNow, kNow});
}

json::object coverage_on(Database& db, const std::string& date) {
  auto c = db.acquire();
  return lx::stats::coverage(*c, lx::http::Scope{}, *lx::core::parse_date(date));
}

class StatsFigures : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgres" && !std::getenv("LX_TEST_PG_URL")) GTEST_SKIP() << "LX_TEST_PG_URL not set";
    tmp_ = std::make_unique<TempDb>(GetParam());
  }
  Database& db() { return tmp_->db(); }
  std::unique_ptr<TempDb> tmp_;
};

// STATS.md "A worked example", with this year = 2025.
TEST_P(StatsFigures, WorkedExampleOfStatsMd) {
  db().transaction([](Connection& c) {
    auto a = area(c, "A区");
    std::vector<std::int64_t> o;
    for (int n = 1; n <= 10; ++n) o.push_back(org(c, a, n, n == 9 ? std::optional<std::int64_t>(4) : std::nullopt));
    auto b1 = party_org(c, "B1", "single", "2024-03-01");
    auto j1 = party_org(c, "J1", "joint", "2025-05-05");
    cover(c, o[0], b1, "2024-03-01");
    for (int k = 1; k <= 3; ++k) cover(c, o[k], j1, "2025-05-05");
    c.exec("INSERT INTO assignments (person_name, role, org_id, valid_from, created_at, updated_at) "
           "VALUES ('指导员', 'instructor', ?, '2025-01-01', ?, ?)",
           {o[4], kNow, kNow});
    c.exec("INSERT INTO mass_orgs (org_id, type, founded_on, created_at, updated_at) VALUES (?, 'union', '2020-01-01', ?, ?)",
           {o[5], kNow, kNow});
  });
  auto f = coverage_on(db(), "2025-12-31");
  EXPECT_EQ(f["orgs"].as_int64(), 10);
  EXPECT_EQ(f["covered"].as_int64(), 4);
  EXPECT_EQ(f["covered_single"].as_int64(), 1);
  EXPECT_EQ(f["covered_joint"].as_int64(), 3);
  EXPECT_EQ(f["organisation_coverage_rate"].at("percent").as_string(), "40.00");
  EXPECT_EQ(f["work_reached"].as_int64(), 6);
  EXPECT_EQ(f["work_coverage_rate"].at("percent").as_string(), "60.00");
  EXPECT_EQ(f["should_build"].as_int64(), 1);
  EXPECT_EQ(f["colours"].at("red").as_int64(), 4);
  EXPECT_EQ(f["colours"].at("yellow").as_int64(), 2);
  EXPECT_EQ(f["colours"].at("blue").as_int64(), 4);

  auto c = db().acquire();
  auto g = lx::stats::party_org_growth(*c, lx::http::Scope{}, *lx::core::parse_date("2025-01-01"),
                                       *lx::core::parse_date("2025-12-31"), "");
  EXPECT_EQ(g["count_from"].as_int64(), 1);
  EXPECT_EQ(g["count_to"].as_int64(), 2);
  EXPECT_EQ(g["founded"].as_int64(), 1);
  EXPECT_EQ(g["growth_rate"].at("percent").as_string(), "100.00");

  auto sb = lx::stats::records(*c, lx::http::Scope{}, *lx::core::parse_date("2025-12-31"), "should_build", "", 1, 20);
  ASSERT_TRUE(sb.ok());
  ASSERT_EQ(sb->at("items").as_array().size(), 1u);
  EXPECT_EQ(sb->at("items").as_array()[0].at("name").as_string(), "组织9");

  // The summary sentence of the social orgs says the same numbers.
  auto words = lx::stats::summary_sentences(*c, lx::http::Scope{}, *lx::core::parse_date("2025-12-31"));
  ASSERT_EQ(words.size(), 3u);
  EXPECT_EQ(words[1],
            "截至2025年12月31日，全区共有社会组织10家，已建立党组织2个（其中单独组建1个、联合组建1个），覆盖社会组织4家，"
            "组建率40.00%；未建立党组织但已选派党建指导员（联络员）或建立群团组织的2家，工作覆盖社会组织6家，工作覆盖率60.00%。");
}

// Figures follow the validity dates: an org that closes, a link that ends and
// a branch that dissolves stop counting on their end day, not before.
TEST_P(StatsFigures, AsOfDateFollowsClosingsEndsAndDissolutions) {
  db().transaction([](Connection& c) {
    auto a = area(c, "B区");
    auto o1 = org(c, a, 1, {}, "2010-01-01", "2025-07-01");  // closes 1 July
    auto o2 = org(c, a, 2);
    auto o3 = org(c, a, 3, {}, "2025-03-15");                // registered mid-March
    auto b = party_org(c, "B", "single", "2024-01-01");
    auto j = party_org(c, "J", "joint", "2024-06-01", "2025-09-01");  // dissolves 1 September
    cover(c, o1, b, "2024-01-01");
    cover(c, o2, j, "2024-06-01");
    cover(c, o3, b, "2025-04-01", "2025-10-01");             // link ends 1 October
  });
  struct Expect {
    const char* date;
    std::int64_t orgs, covered, party_orgs;
  } cases[] = {
      {"2024-12-31", 2, 2, 2}, {"2025-03-15", 3, 2, 2}, {"2025-04-01", 3, 3, 2}, {"2025-06-30", 3, 3, 2},
      {"2025-07-01", 2, 2, 2}, {"2025-08-31", 2, 2, 2}, {"2025-09-01", 2, 1, 1}, {"2025-09-30", 2, 1, 1},
      {"2025-10-01", 2, 0, 1},
  };
  for (const auto& e : cases) {
    auto f = coverage_on(db(), e.date);
    EXPECT_EQ(f["orgs"].as_int64(), e.orgs) << e.date;
    EXPECT_EQ(f["covered"].as_int64(), e.covered) << e.date;
    EXPECT_EQ(f["party_orgs"].as_int64(), e.party_orgs) << e.date;
  }
  auto c = db().acquire();
  auto g = lx::stats::party_org_growth(*c, lx::http::Scope{}, *lx::core::parse_date("2024-12-31"),
                                       *lx::core::parse_date("2025-12-31"), "");
  // count(to) = count(from) + founded − dissolved.
  EXPECT_EQ(g["count_to"].as_int64(), g["count_from"].as_int64() + g["founded"].as_int64() - g["dissolved"].as_int64());
  EXPECT_EQ(g["dissolved"].as_int64(), 1);
}

// Every org figure's records add up to the figure itself.
TEST_P(StatsFigures, DrillDownCountsEqualFigures) {
  db().transaction([](Connection& c) {
    auto a = area(c, "C区");
    auto b = party_org(c, "B", "single", "2024-01-01");
    auto j = party_org(c, "J", "joint", "2024-01-01");
    for (int n = 1; n <= 30; ++n) {
      auto o = org(c, a, n, n % 4 == 0 ? std::optional<std::int64_t>(n % 7) : std::nullopt);
      if (n % 3 == 0) cover(c, o, b, "2024-02-01");
      if (n % 5 == 0) cover(c, o, j, "2024-02-01");
      if (n % 7 == 0)
        c.exec("INSERT INTO mass_orgs (org_id, type, created_at, updated_at) VALUES (?, 'union', ?, ?)", {o, kNow, kNow});
    }
  });
  auto f = coverage_on(db(), "2025-06-30");
  auto c = db().acquire();
  auto count = [&](const char* figure) {
    auto r = lx::stats::records(*c, lx::http::Scope{}, *lx::core::parse_date("2025-06-30"), figure, "", 1, 200);
    EXPECT_TRUE(r.ok()) << figure;
    EXPECT_EQ(static_cast<std::int64_t>(r->at("items").as_array().size()), r->at("total").as_int64()) << figure;
    return r->at("total").as_int64();
  };
  EXPECT_EQ(count("orgs"), f["orgs"].as_int64());
  EXPECT_EQ(count("covered"), f["covered"].as_int64());
  EXPECT_EQ(count("covered_single"), f["covered_single"].as_int64());
  EXPECT_EQ(count("covered_joint"), f["covered_joint"].as_int64());
  EXPECT_EQ(count("work_reached"), f["work_reached"].as_int64());
  EXPECT_EQ(count("should_build"), f["should_build"].as_int64());
  EXPECT_EQ(count("red"), f["colours"].at("red").as_int64());
  EXPECT_EQ(count("yellow"), f["colours"].at("yellow").as_int64());
  EXPECT_EQ(count("blue"), f["colours"].at("blue").as_int64());
  EXPECT_EQ(count("stale"), f["stale"].as_int64());
  EXPECT_EQ(count("party_orgs"), f["party_orgs"].as_int64());
  // An org covered by both a single and a joint branch counts once, as single.
  EXPECT_EQ(f["covered_single"].as_int64(), 10);
  EXPECT_EQ(f["covered_joint"].as_int64(), 4);
}

INSTANTIATE_TEST_SUITE_P(Backends, StatsFigures, ::testing::Values("sqlite", "postgres"));

}  // namespace
