// Census rules without a database: five-clear (R-CEN-1), staleness (R-CEN-2),
// colours (R-CEN-4), the industry and kind dictionaries, and the checking of
// an org's fields (R-ID-2, R-ID-3) with messages naming the field.
#include <gtest/gtest.h>

#include "core/ids.hpp"
#include "modules/census/collation.hpp"
#include "modules/census/rules.hpp"

using namespace lx::census;
using lx::core::Date;

namespace {

const Date kToday{2026, 11, 22};

std::string code(const std::string& first17) { return first17 + lx::core::credit_code_check_char(first17); }

OrgInput valid_input() {
  OrgInput in;
  in.name.set("东湖科技有限公司");
  in.uscc.set(code("91310199MA1FL0001"));
  in.kind.set("enterprise");
  in.area_id.set(5);
  return in;
}

Org complete_org() {
  Org o;
  o.operating_status = "normal";
  o.workforce = 10;
  o.declared_members = 1;
  o.principal = "刘东";
  o.principal_is_member = false;
  o.no_party_org_reason = "党员不足3名";
  return o;
}

std::vector<std::string> fields(const std::vector<lx::Error>& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(e.field);
  return out;
}

}  // namespace

TEST(CensusRules, R_CEN_1_CompleteWhenAllFiveClearFieldsKnown) {
  auto f = five_clear(complete_org(), false);
  EXPECT_TRUE(f.complete);
  EXPECT_TRUE(f.missing.empty());
}

TEST(CensusRules, R_CEN_1_ListsEachMissingField) {
  Org o = complete_org();
  o.workforce.reset();
  o.principal_is_member.reset();
  o.no_party_org_reason.reset();
  auto f = five_clear(o, false);
  EXPECT_FALSE(f.complete);
  EXPECT_EQ(f.missing, (std::vector<std::string>{"workforce", "principal_is_member", "no_party_org_reason"}));
}

TEST(CensusRules, R_CEN_1_ReasonNotNeededWhenCovered) {
  Org o = complete_org();
  o.no_party_org_reason.reset();
  EXPECT_TRUE(five_clear(o, true).complete);
  EXPECT_FALSE(five_clear(o, false).complete);
}

TEST(CensusRules, R_CEN_1_ZeroIsKnownNotMissing) {
  Org o = complete_org();
  o.workforce = 0;
  o.declared_members = 0;
  EXPECT_TRUE(five_clear(o, false).complete);
}

TEST(CensusRules, R_CEN_2_StaleAtTheBoundaryDay) {
  Org o = complete_org();
  // Three months before 2026-11-22 is 2026-08-22: verified that day is still current.
  EXPECT_EQ(stale_cutoff(kToday, 3), (Date{2026, 8, 22}));
  o.verified_on = "2026-08-22";
  EXPECT_FALSE(is_stale(o, kToday, 3));
  o.verified_on = "2026-08-21";
  EXPECT_TRUE(is_stale(o, kToday, 3));
  o.verified_on = "2026-11-22";
  EXPECT_FALSE(is_stale(o, kToday, 3));
}

TEST(CensusRules, R_CEN_2_NeverVerifiedIsStale) {
  Org o = complete_org();
  EXPECT_TRUE(is_stale(o, kToday, 3));
}

TEST(CensusRules, R_CEN_2_ClosedOrgIsNeverStale) {
  Org o = complete_org();
  o.operating_status = "closed";
  o.closed_on = "2020-01-01";
  EXPECT_FALSE(is_stale(o, kToday, 3));
}

TEST(CensusRules, R_CEN_2_ConfigurableMonthsAndMonthEnds) {
  Org o = complete_org();
  o.verified_on = "2026-05-22";
  EXPECT_TRUE(is_stale(o, kToday, 3));
  EXPECT_FALSE(is_stale(o, kToday, 6));
  // 2026-05-31 minus three months clamps to 2026-02-28.
  EXPECT_EQ(stale_cutoff(Date{2026, 5, 31}, 3), (Date{2026, 2, 28}));
}

TEST(CensusRules, R_CEN_4_ThreeColours) {
  EXPECT_EQ(colour(true, false), "red");
  EXPECT_EQ(colour(true, true), "red");
  EXPECT_EQ(colour(false, true), "yellow");
  EXPECT_EQ(colour(false, false), "blue");
}

TEST(CensusRules, IndustryMappingAcceptsLetterAndChineseName) {
  EXPECT_EQ(industries().size(), 20u);
  EXPECT_EQ(parse_industry("C"), "C");
  EXPECT_EQ(parse_industry("c"), "C");
  EXPECT_EQ(parse_industry("Ｃ"), "C");          // full width
  EXPECT_EQ(parse_industry("制造业"), "C");
  EXPECT_EQ(parse_industry("C 制造业"), "C");
  EXPECT_EQ(parse_industry("I信息传输、软件和信息技术服务业"), "I");
  EXPECT_EQ(parse_industry("农,林,牧,渔业"), "A");
  EXPECT_EQ(parse_industry(" 国际组织 "), "T");
  EXPECT_EQ(parse_industry("U"), std::nullopt);
  EXPECT_EQ(parse_industry("制造"), std::nullopt);
  EXPECT_EQ(parse_industry(""), std::nullopt);
  EXPECT_EQ(industry_name("S"), "公共管理、社会保障和社会组织");
}

TEST(CensusRules, KindAndStatusAcceptCodeOrChinese) {
  EXPECT_EQ(parse_kind("非公企业"), "enterprise");
  EXPECT_EQ(parse_kind("社会组织"), "social");
  EXPECT_EQ(parse_kind("新就业群体网点"), "gig_site");
  EXPECT_EQ(parse_kind("GIG_SITE"), "gig_site");
  EXPECT_EQ(parse_kind("国企"), std::nullopt);
  EXPECT_EQ(parse_operating_status("注销"), "closed");
  EXPECT_EQ(parse_operating_status("存续"), "normal");
  EXPECT_EQ(parse_operating_status("停业"), "suspended");
  EXPECT_EQ(parse_operating_status("破产"), std::nullopt);
}

TEST(CensusRules, ValidInputIsNormalised) {
  OrgInput in = valid_input();
  std::string lower = code("91310199MA1FL0001");
  for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  in.uscc.set(" " + lower + " ");
  in.kind.set("非公企业");
  in.industry.set("制造业");
  in.registered_on.set("2019年5月1日");
  in.contact_phone.set("138 1234 5678");
  in.workforce.set(10);
  in.declared_members.set(10);
  Org o;
  auto errors = apply_org_input(o, in, kToday);
  ASSERT_TRUE(errors.empty()) << errors.front().message;
  EXPECT_EQ(o.uscc, code("91310199MA1FL0001"));
  EXPECT_EQ(o.kind, "enterprise");
  EXPECT_EQ(o.industry, "C");
  EXPECT_EQ(o.registered_on, "2019-05-01");
  EXPECT_EQ(o.contact_phone, "13812345678");
  EXPECT_EQ(o.contact_phone_mask, "138****5678");
}

TEST(CensusRules, R_ID_2_BadCreditCodeNamesFieldUscc) {
  OrgInput in = valid_input();
  std::string bad = code("91310199MA1FL0001");
  bad[17] = bad[17] == '0' ? '1' : '0';
  in.uscc.set(bad);
  Org o;
  auto errors = apply_org_input(o, in, kToday);
  ASSERT_EQ(fields(errors), (std::vector<std::string>{"uscc"}));
  EXPECT_NE(errors[0].message.find("统一社会信用代码"), std::string::npos);
}

TEST(CensusRules, R_ID_3_PhoneMustBeMobileOrLandline) {
  OrgInput in = valid_input();
  in.contact_phone.set("12345");
  Org o;
  EXPECT_EQ(fields(apply_org_input(o, in, kToday)), (std::vector<std::string>{"contact_phone"}));
  in.contact_phone.set("0571-88888888");
  Org p;
  EXPECT_TRUE(apply_org_input(p, in, kToday).empty());
  EXPECT_EQ(p.contact_phone, "0571-88888888");
}

TEST(CensusRules, EveryProblemIsReportedWithItsField) {
  OrgInput in = valid_input();
  in.workforce.set(-1);
  in.declared_members.set(-3);
  in.registered_on.set("2019-02-30");
  in.industry.set("Z");
  in.kind.set("国企");
  Org o;
  EXPECT_EQ(fields(apply_org_input(o, in, kToday)),
            (std::vector<std::string>{"kind", "industry", "registered_on", "workforce", "declared_members"}));
}

TEST(CensusRules, RequiredFieldsOfANewRecord) {
  OrgInput in;
  in.name.set(std::nullopt);
  in.uscc.set(std::nullopt);
  in.kind.set(std::nullopt);
  in.area_id.set(std::nullopt);
  Org o;
  EXPECT_EQ(fields(apply_org_input(o, in, kToday)), (std::vector<std::string>{"name", "uscc", "kind", "area_id"}));
}

TEST(CensusRules, CrossFieldChecks) {
  OrgInput in = valid_input();
  in.workforce.set(5);
  in.declared_members.set(6);
  Org a;
  EXPECT_EQ(fields(apply_org_input(a, in, kToday)), (std::vector<std::string>{"declared_members"}));

  OrgInput closed = valid_input();
  closed.operating_status.set("注销");
  Org b;
  EXPECT_EQ(fields(apply_org_input(b, closed, kToday)), (std::vector<std::string>{"closed_on"}));
  closed.closed_on.set("2026-01-01");
  Org c;
  EXPECT_TRUE(apply_org_input(c, closed, kToday).empty());

  OrgInput open_with_date = valid_input();
  open_with_date.closed_on.set("2026-01-01");
  Org d;
  EXPECT_EQ(fields(apply_org_input(d, open_with_date, kToday)), (std::vector<std::string>{"closed_on"}));

  OrgInput mismatch = valid_input();
  mismatch.sub_kind.set("基金会");
  Org e;
  EXPECT_EQ(fields(apply_org_input(e, mismatch, kToday)), (std::vector<std::string>{"sub_kind"}));

  OrgInput future = valid_input();
  future.verified_on.set("2026-11-23");
  Org f;
  EXPECT_EQ(fields(apply_org_input(f, future, kToday)), (std::vector<std::string>{"verified_on"}));
}

TEST(CensusRules, PatchKeepsAbsentFieldsAndClearsNulls) {
  Org o;
  ASSERT_TRUE(apply_org_input(o, valid_input(), kToday).empty());
  o.address = "湖滨路1号";
  OrgInput patch;
  patch.address.set(std::nullopt);
  ASSERT_TRUE(apply_org_input(o, patch, kToday).empty());
  EXPECT_FALSE(o.address.has_value());
  EXPECT_EQ(o.name, "东湖科技有限公司");
}

TEST(CensusCollation, PinyinOrder) {
  // 阿 (a) < 北 (bei) < 东 (dong) < 西 (xi) < 中 (zhong), whatever the code points say.
  const std::vector<std::string> names = {"阿里", "北京", "东湖", "西城", "中国"};
  for (std::size_t k = 0; k + 1 < names.size(); ++k) {
    EXPECT_LT(pinyin_sort_key(names[k]), pinyin_sort_key(names[k + 1])) << names[k] << " " << names[k + 1];
    EXPECT_EQ(pinyin_compare(names[k], names[k + 1]), -1);
  }
  // Byte order disagrees: 东 is U+4E1C and 北 U+5317.
  EXPECT_LT(std::string("东湖"), std::string("北京"));
}
