// Helpers of the statistics API tests: data built through the API in a
// street of its own (so the demo district's figures do not mix in), figures
// read back, and the check that every figure's records add up to it.
#pragma once
#include <gtest/gtest.h>

#include <atomic>
#include <string>

#include "census_support.hpp"
#include "core/dates.hpp"

namespace lx::test::stats {

// GET target as JSON, failing the test unless it answers 200.
inline json::object get_ok(Client& c, const std::string& target) {
  auto r = c.get(target);
  EXPECT_EQ(r.status, 200) << target << ": " << r.body;
  if (r.status != 200 || !r.json().is_object()) return {};
  return r.json().as_object();
}

inline std::int64_t id_of(const HttpResponse& r) {
  EXPECT_EQ(r.status, 201) << r.body;
  return r.status == 201 ? r.json().at("id").as_int64() : 0;
}

// A street of the demo district (code 3101990NN).
inline std::int64_t make_street(Server& s, Client& admin, const std::string& name, const std::string& code) {
  return id_of(admin.post("/api/v1/areas",
                          json::object{{"name", name}, {"code", code}, {"parent_id", area_id(s, "示范区")}}));
}

// An org through POST /api/v1/orgs with a fresh credit code; extra fields override.
inline std::int64_t make_org(Client& admin, const std::string& name, std::int64_t area, const std::string& kind,
                             json::object extra = {}) {
  static std::atomic<int> serial{1000};
  const std::string code = census_code("91310199MA1TJ" + std::to_string(++serial));
  json::object b{{"name", name}, {"uscc", code}, {"kind", kind}, {"area_id", area}, {"registered_on", "2015-01-01"}};
  for (auto& [k, v] : extra) b[k] = v;
  return id_of(admin.post("/api/v1/orgs", b));
}

// A branch under the demo's 党工委, placed in area, founded on `founded`.
inline std::int64_t make_branch(Server& s, Client& admin, const std::string& name, const std::string& formation,
                                const std::string& founded, std::int64_t area) {
  json::object b{{"name", name},       {"type", "branch"}, {"formation", formation},
                 {"founded_on", founded}, {"area_id", area}, {"parent_id", s.scalar("SELECT id FROM party_orgs WHERE name = ?", {std::string("示范区两新组织党工委")})}};
  return id_of(admin.post("/api/v1/party-orgs", b));
}

// A coverage link from `from`; returns its id.
inline std::int64_t cover(Client& admin, std::int64_t party_org, std::int64_t org, const std::string& from) {
  return id_of(admin.post("/api/v1/party-orgs/" + std::to_string(party_org) + "/coverage",
                          json::object{{"org_id", org}, {"valid_from", from}}));
}

// The records total of a figure (with extra query text such as "&kind=social").
inline std::int64_t records_total(Client& c, const std::string& query) {
  auto j = get_ok(c, "/api/v1/stats/records?size=1&" + query);
  return j.contains("total") ? j.at("total").as_int64() : -1;
}

// For every figure of /stats/coverage on (date, scope): the records' total equals the figure.
inline void expect_records_match_coverage(Client& c, const std::string& date, const std::string& scope) {
  const std::string q = "date=" + date + (scope.empty() ? "" : "&scope=" + scope);
  auto f = get_ok(c, "/api/v1/stats/coverage?" + q);
  ASSERT_FALSE(f.empty());
  for (const char* k : {"orgs", "covered", "covered_single", "covered_joint", "covered_attached", "covered_other",
                        "work_reached", "should_build", "party_orgs", "stale", "overdue_reelections"})
    EXPECT_EQ(records_total(c, q + "&figure=" + k), f.at(k).as_int64()) << k << " " << q;
  for (const char* k : {"red", "yellow", "blue"})
    EXPECT_EQ(records_total(c, q + "&figure=" + k), f.at("colours").at(k).as_int64()) << k << " " << q;
  for (const auto& [k, v] : f.at("covered_by_formation").as_object())
    EXPECT_EQ(records_total(c, q + "&figure=covered_" + std::string(k)), v.as_int64()) << k << " " << q;
  // The rates are made of these counts.
  EXPECT_EQ(f.at("organisation_coverage_rate").at("numerator").as_int64(), f.at("covered").as_int64());
  EXPECT_EQ(f.at("organisation_coverage_rate").at("denominator").as_int64(), f.at("orgs").as_int64());
  EXPECT_EQ(f.at("work_coverage_rate").at("numerator").as_int64(), f.at("work_reached").as_int64());
  EXPECT_EQ(records_total(c, q + "&figure=not_covered"), f.at("orgs").as_int64() - f.at("covered").as_int64());
}

// For every breakdown cell and every structure cell: the filtered records' total equals the cell.
inline void expect_records_match_breakdowns(Client& c, const std::string& date, const std::string& scope) {
  const std::string q = "date=" + date + (scope.empty() ? "" : "&scope=" + scope);
  for (const char* by : {"kind", "sub_kind", "industry", "above_scale", "area"}) {
    auto b = get_ok(c, "/api/v1/stats/breakdown?" + q + "&by=" + by);
    ASSERT_TRUE(b.contains("rows")) << by;
    for (const auto& row : b.at("rows").as_array()) {
      std::string filter;
      std::string cell_q = q;
      for (const auto& [k, v] : row.at("filter").as_object()) {
        if (k == "scope") cell_q = "date=" + date + "&scope=" + std::string(v.as_string());
        else filter += "&" + std::string(k) + "=" + enc(std::string(v.as_string()));
      }
      for (const char* fig : {"orgs", "covered", "work_reached", "should_build"})
        EXPECT_EQ(records_total(c, cell_q + filter + "&figure=" + fig), row.at(fig).as_int64())
            << by << " " << json::serialize(row) << " " << fig;
      if (row.as_object().contains("party_orgs")) {
        EXPECT_EQ(records_total(c, cell_q + "&figure=party_orgs"), row.at("party_orgs").as_int64()) << json::serialize(row);
      }
    }
  }
  auto s = get_ok(c, "/api/v1/stats/structure?" + q);
  for (const auto& [t, n] : s.at("by_type").as_object())
    EXPECT_EQ(records_total(c, q + "&figure=party_orgs&type=" + std::string(t)), n.as_int64()) << t;
  for (const auto& [f, n] : s.at("by_formation").as_object())
    EXPECT_EQ(records_total(c, q + "&figure=party_orgs&formation=" + std::string(f)), n.as_int64()) << f;
}

inline int this_year() { return core::today_shanghai().year; }
inline std::string ymd(int year, const char* md) { return std::to_string(year) + "-" + md; }

}  // namespace lx::test::stats
