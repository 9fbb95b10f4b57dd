// The drill-down filters of GET /api/v1/stats/records: values normalised to
// the breakdown keys, unknown values refused naming the parameter.
#include <gtest/gtest.h>

#include "modules/stats/service.hpp"

namespace {

using lx::stats::Filters;

TEST(StatsFilters, ValuesAreNormalisedToTheBreakdownKeys) {
  Filters raw;
  raw.kind = "社会组织";
  raw.industry = "c";
  raw.above_scale = "true";
  raw.sub_kind = "none";
  auto f = lx::stats::check_filters(raw);
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->kind, "social");
  EXPECT_EQ(f->industry, "C");
  EXPECT_EQ(f->above_scale, "1");
  EXPECT_EQ(f->sub_kind, "");  // none: not filled in
  Filters po;
  po.type = "党支部";
  po.formation = "joint";
  auto p = lx::stats::check_filters(po);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->type, "branch");
  EXPECT_EQ(p->formation, "joint");
  Filters below;
  below.above_scale = "0";
  EXPECT_EQ(lx::stats::check_filters(below)->above_scale, "0");
}

TEST(StatsFilters, UnknownValuesNameTheParameter) {
  const std::pair<std::optional<std::string> Filters::*, const char*> fields[] = {
      {&Filters::kind, "kind"},           {&Filters::sub_kind, "sub_kind"}, {&Filters::industry, "industry"},
      {&Filters::above_scale, "above_scale"}, {&Filters::type, "type"},   {&Filters::formation, "formation"}};
  for (const auto& [member, name] : fields) {
    Filters f;
    f.*member = "不存在的值";
    auto r = lx::stats::check_filters(f);
    ASSERT_FALSE(r.ok()) << name;
    EXPECT_EQ(r.error().field, name);
    EXPECT_EQ(r.error().code, "invalid_value");
  }
}

TEST(StatsFilters, FiguresAreKnownByName) {
  for (const char* f : {"orgs", "covered_joint", "covered_unspecified", "red", "stale", "not_covered"})
    EXPECT_TRUE(lx::stats::is_org_figure(f)) << f;
  for (const char* f : {"party_orgs", "founded", "dissolved", "overdue_reelections"})
    EXPECT_TRUE(lx::stats::is_party_org_figure(f)) << f;
  EXPECT_FALSE(lx::stats::is_org_figure("party_orgs"));
  EXPECT_FALSE(lx::stats::is_party_org_figure("everything"));
  EXPECT_EQ(lx::stats::figure_title("should_build"), "应建未建党组织的组织");
}

}  // namespace
