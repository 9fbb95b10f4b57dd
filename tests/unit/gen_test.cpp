// Unit tests of the data generator (liangxin gen, src/app/gen*.cpp): the
// plan is deterministic for a seed, its credit codes and ID numbers are
// valid (R-ID-1, R-ID-2), organisation coverage is near 75 %, joint branches
// cover 2 to 5 orgs (R-ORG-2), and a written small district is accepted by
// the real service functions (coverage figures, the orgs list, members with
// ID numbers sealed under the database's key).
#include <gtest/gtest.h>
#include <stdlib.h>

#include <boost/json.hpp>
#include <filesystem>
#include <map>
#include <set>

#include "app/gen.hpp"
#include "app/gen_names.hpp"
#include "app/gen_plan.hpp"
#include "core/ids.hpp"
#include "db/migrations.hpp"
#include "modules/account/crypto.hpp"
#include "modules/census/service.hpp"
#include "modules/stats/service.hpp"

namespace {

using namespace lx;

app::gen::Options tiny(std::uint64_t seed) {
  app::gen::Options o;
  o.scale = *app::gen::scale_spec("small");
  o.seed = seed;
  o.today = core::Date{2026, 6, 30};
  return o;
}

TEST(Gen, PlanIsDeterministicForASeed) {
  const auto a = app::gen::make_plan(tiny(7)), b = app::gen::make_plan(tiny(7)), c = app::gen::make_plan(tiny(8));
  ASSERT_EQ(a.orgs.size(), b.orgs.size());
  for (std::size_t k = 0; k < a.orgs.size(); ++k) {
    EXPECT_EQ(a.orgs[k].name, b.orgs[k].name);
    EXPECT_EQ(a.orgs[k].uscc, b.orgs[k].uscc);
    EXPECT_EQ(a.orgs[k].declared, b.orgs[k].declared);
  }
  ASSERT_EQ(a.party_orgs.size(), b.party_orgs.size());
  for (std::size_t k = 0; k < a.party_orgs.size(); ++k) EXPECT_EQ(a.party_orgs[k].path, b.party_orgs[k].path);
  ASSERT_EQ(a.coverage.size(), b.coverage.size());
  ASSERT_EQ(a.slots.size(), b.slots.size());
  for (std::size_t k = 0; k < a.slots.size(); ++k) EXPECT_EQ(a.slots[k].workplace_org_id, b.slots[k].workplace_org_id);
  int same = 0;
  for (std::size_t k = 0; k < std::min(a.orgs.size(), c.orgs.size()); ++k) same += a.orgs[k].name == c.orgs[k].name;
  EXPECT_LT(same, 50) << "another seed gives another district";
}

TEST(Gen, R_ID_2_CreditCodesAreValidAndUnique) {
  const auto p = app::gen::make_plan(tiny(1));
  std::set<std::string> seen;
  for (const auto& o : p.orgs) {
    auto c = core::check_credit_code(o.uscc);
    ASSERT_TRUE(c) << o.uscc << ": " << c.error().message;
    EXPECT_TRUE(seen.insert(o.uscc).second) << o.uscc;
  }
}

TEST(Gen, R_ID_1_IdNumbersAreValidWithTheirBirthAndGender) {
  app::gen::Rng r(3, "test");
  for (int k = 0; k < 2000; ++k) {
    const core::Date birth = core::add_days(core::Date{1940, 1, 1}, r.between(0, 30000));
    const bool male = r.chance(0.5);
    const std::string id = app::gen::id_number(app::gen::birthplace(r), birth, static_cast<int>(r.below(500)), male);
    auto info = core::check_id_number(id);
    ASSERT_TRUE(info) << id << ": " << info.error().message;
    EXPECT_EQ(info->birth_date, birth);
    EXPECT_EQ(info->gender == core::Gender::male, male);
  }
  for (int k = 0; k < 200; ++k) {
    const std::string m = app::gen::mobile(r);
    EXPECT_TRUE(core::check_mobile(m)) << m;
    EXPECT_TRUE(core::check_contact_phone(app::gen::landline(r, "0571"))) << k;
  }
}

TEST(Gen, CoverageNear75PercentWithInstructorsOnMostOfTheRest) {
  for (std::uint64_t seed : {1, 2}) {
    const auto f = app::gen::figures(app::gen::make_plan(tiny(seed)));
    const double share = static_cast<double>(f.covered_live) / static_cast<double>(f.live_orgs);
    EXPECT_NEAR(share, 0.75, 0.02) << seed;
    EXPECT_GT(f.uncovered_with_instructor, f.uncovered_live / 2);
    EXPECT_GT(f.should_build, 0);
  }
}

TEST(Gen, R_ORG_2_JointBranchesCoverTwoToFiveOrgs) {
  const auto p = app::gen::make_plan(tiny(5));
  std::map<std::int64_t, int> per;
  for (const auto& c : p.coverage)
    if (p.party_orgs[static_cast<std::size_t>(c.party_org_id - 1)].formation == "joint") ++per[c.party_org_id];
  ASSERT_FALSE(per.empty());
  for (const auto& [id, n] : per) {
    EXPECT_GE(n, 2) << id;
    EXPECT_LE(n, 5) << id;
  }
  // Every party org lies under its parent (materialised paths).
  for (const auto& po : p.party_orgs) {
    if (po.parent_id) {
      EXPECT_EQ(po.path.rfind(p.party_orgs[static_cast<std::size_t>(po.parent_id - 1)].path, 0), 0u);
    }
  }
}

class GenDb : public ::testing::Test {
 protected:
  void SetUp() override {
    account::crypto_init();
    std::string tmpl = (std::filesystem::temp_directory_path() / "lx-gen-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  std::string dir_;
};

TEST_F(GenDb, WrittenDistrictIsAcceptedByTheServices) {
  const auto plan = app::gen::make_plan(tiny(11));
  const auto pii = crypto::Pii::load_or_create(dir_ + "/t.key");
  auto db = db::Database::open("sqlite:" + dir_ + "/t.db");
  db::migrate(*db);
  app::GenRequest req;
  req.life_years = 0.5;
  const auto s = app::write_plan(*db, pii, plan, req);
  EXPECT_EQ(s.orgs, 1000);
  EXPECT_GT(s.meetings, 0);
  EXPECT_GT(s.attendance, s.meetings);
  auto c = db->acquire();
  const auto f = app::gen::figures(plan);
  // The dashboard's figures count what the plan covered.
  const auto cov = stats::coverage(*c, http::Scope{}, plan.options.today);
  EXPECT_EQ(cov.at("orgs").as_int64(), f.live_orgs);
  EXPECT_EQ(cov.at("covered").as_int64(), f.covered_live);
  EXPECT_EQ(cov.at("party_orgs").as_int64(), f.party_orgs);
  // The orgs list pages by pinyin with a filter.
  census::repo::OrgFilter of;
  of.kind = "enterprise";
  auto [page, total] = census::list_orgs(*c, census::view_of(http::Scope{}, plan.options.today), of);
  EXPECT_EQ(page.size(), 20u);
  EXPECT_GT(total, 500);
  // Members: ID numbers sealed under the key, hashed and masked as the member service does (R-ID-1, R-ID-4).
  auto r = c->query("SELECT id_number_enc, id_number_hash, id_number_mask, birth_date, gender FROM persons LIMIT 200");
  ASSERT_EQ(r.size(), 200u);
  for (std::size_t k = 0; k < r.size(); ++k) {
    auto plain = pii.decrypt(r.s(k, 0));
    ASSERT_TRUE(plain);
    auto info = core::check_id_number(*plain, plan.options.today);
    ASSERT_TRUE(info) << *plain;
    EXPECT_EQ(pii.lookup_hash(*plain), r.s(k, 1));
    EXPECT_EQ(core::mask_id_number(*plain), r.s(k, 2));
    EXPECT_EQ(core::to_iso(info->birth_date), r.s(k, 3));
    EXPECT_EQ(info->gender == core::Gender::male ? "male" : "female", r.s(k, 4));
  }
  // One open membership per person at most, and the indexes came back.
  EXPECT_EQ(c->scalar_int("SELECT COUNT(*) FROM (SELECT person_id FROM memberships WHERE valid_to IS NULL "
                          "GROUP BY person_id HAVING COUNT(*) > 1) x"),
            0);
  EXPECT_EQ(c->scalar_int("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'memberships_one_open'"), 1);
}

TEST_F(GenDb, SameSeedWritesTheSameRows) {
  std::vector<std::string> dumps;
  for (int k = 0; k < 2; ++k) {
    const auto pii = crypto::Pii::load_or_create(dir_ + "/t.key");
    auto db = db::Database::open("sqlite:" + dir_ + "/t" + std::to_string(k) + ".db");
    db::migrate(*db);
    app::GenRequest req;
    req.life_years = 0.25;
    app::write_plan(*db, pii, app::gen::make_plan(tiny(4)), req);
    auto c = db->acquire();
    std::string dump;
    for (const char* q : {"SELECT name, id_number_hash, birth_date, workplace_org_id FROM persons ORDER BY id",
                          "SELECT person_id, party_org_id, admitted_on, valid_from, valid_to FROM memberships ORDER BY id",
                          "SELECT party_org_id, kind, on_date, topic FROM meetings ORDER BY id",
                          "SELECT meeting_id, person_id, status FROM meeting_attendance ORDER BY id"}) {
      auto r = c->query(q);
      for (const auto& v : r.cells) dump += db::Rows{{"x"}, {v}}.s(0, 0) + "|";
    }
    dumps.push_back(dump);
  }
  EXPECT_EQ(dumps[0], dumps[1]);
  EXPECT_GT(dumps[0].size(), 10000u);
}

}  // namespace
