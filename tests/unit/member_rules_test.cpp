// Unit tests for member/rules: R-ID-1 as the member module applies it
// (gender and birth date derived from the number and checked against what is
// entered; full-width input, lower-case x, 19xx and 20xx births, impossible
// dates), R-ID-4 masking of what lists show, the 56 ethnic groups, education
// bands and the birth-date cut-offs of the STATS.md age bands. The made-up ID
// numbers' check characters were computed by an independent script.
#include "modules/member/rules.hpp"

#include <gtest/gtest.h>

using namespace lx;
using namespace lx::member;

namespace {
const core::Date kToday{2026, 6, 1};
}  // namespace

TEST(MemberRules, R_ID_1_BirthIn19xxGivesGenderAndBirthDate) {
  auto info = check_person_identity("11010519491231002X", std::nullopt, std::nullopt, kToday);
  ASSERT_TRUE(info) << info.error().message;
  EXPECT_EQ(info->birth_date, (core::Date{1949, 12, 31}));
  EXPECT_EQ(info->gender, core::Gender::female);   // 17th digit 2: even
  EXPECT_EQ(info->id, "11010519491231002X");
}

TEST(MemberRules, R_ID_1_BirthIn20xxGivesGenderAndBirthDate) {
  auto info = check_person_identity("310199200506120031", std::string("male"), core::Date{2005, 6, 12}, kToday);
  ASSERT_TRUE(info) << info.error().message;
  EXPECT_EQ(info->gender, core::Gender::male);   // 17th digit 3: odd
  EXPECT_EQ(info->birth_date, (core::Date{2005, 6, 12}));
}

TEST(MemberRules, R_ID_1_LowerCaseXAndFullWidthDigitsAreNormalised) {
  auto lower = check_person_identity("11010519491231002x", std::nullopt, std::nullopt, kToday);
  ASSERT_TRUE(lower) << lower.error().message;
  EXPECT_EQ(lower->id, "11010519491231002X");
  auto wide = check_person_identity("１１０１０５１９４９１２３１００２ｘ", std::nullopt, std::nullopt, kToday);
  ASSERT_TRUE(wide) << wide.error().message;
  EXPECT_EQ(wide->id, "11010519491231002X");
}

TEST(MemberRules, R_ID_1_WrongCheckCharacterIsRefused) {
  auto r = check_person_identity("110105194912310021", std::nullopt, std::nullopt, kToday);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, "invalid_id_number");
  EXPECT_EQ(r.error().field, "id_number");
}

TEST(MemberRules, R_ID_1_Feb29InACommonYearIsRefusedAndInALeapYearAccepted) {
  // 19490229 with a correct check character: the checksum passes, the date does not exist.
  auto common = check_person_identity("310199194902290050", std::nullopt, std::nullopt, kToday);
  ASSERT_FALSE(common);
  EXPECT_NE(common.error().message.find("19490229"), std::string::npos) << common.error().message;
  auto leap = check_person_identity("310199200002290045", std::nullopt, std::nullopt, kToday);
  ASSERT_TRUE(leap) << leap.error().message;
  EXPECT_EQ(leap->birth_date, (core::Date{2000, 2, 29}));
}

TEST(MemberRules, R_ID_1_BirthAfterTodayIsRefused) {
  auto r = check_person_identity("310199200506120031", std::nullopt, std::nullopt, core::Date{2005, 6, 11});
  ASSERT_FALSE(r);
}

TEST(MemberRules, R_ID_1_EnteredGenderMustAgreeWithTheNumber) {
  auto r = check_person_identity("11010519491231002X", std::string("male"), std::nullopt, kToday);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "gender");
  EXPECT_NE(r.error().message.find("女"), std::string::npos) << r.error().message;
}

TEST(MemberRules, R_ID_1_EnteredBirthDateMustAgreeWithTheNumber) {
  auto r = check_person_identity("11010519491231002X", std::nullopt, core::Date{1949, 12, 30}, kToday);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "birth_date");
  EXPECT_NE(r.error().message.find("1949年12月31日"), std::string::npos) << r.error().message;
}

TEST(MemberRules, R_ID_4_ListsShowTheFirst6AndLast4) {
  EXPECT_EQ(core::mask_id_number("11010519491231002X"), "110105********002X");
  EXPECT_EQ(core::mask_phone("13912345678"), "139****5678");
}

TEST(MemberRules, EthnicitiesAreThe56) {
  EXPECT_EQ(ethnicities().size(), 56u);
  EXPECT_EQ(parse_ethnicity("汉"), "汉族");
  EXPECT_EQ(parse_ethnicity(" 维吾尔族 "), "维吾尔族");
  EXPECT_FALSE(parse_ethnicity("火星族"));
}

TEST(MemberRules, EducationBandsOfStats) {
  EXPECT_EQ(parse_education("硕士"), "postgraduate");
  EXPECT_EQ(parse_education("本科"), "bachelor");
  EXPECT_EQ(parse_education("大学专科"), "college");
  EXPECT_EQ(parse_education("中专/高中"), "secondary");
  EXPECT_EQ(parse_education("小学"), "junior");
  EXPECT_FALSE(parse_education("幼儿园"));
  for (const auto& code : education_codes()) EXPECT_EQ(parse_education(education_name(code)), code);
}

TEST(MemberRules, StatusAndEndReasons) {
  EXPECT_EQ(parse_status("正式党员"), "full");
  EXPECT_EQ(parse_status("预备党员"), "probationary");
  EXPECT_FALSE(parse_status("积极分子"));
  EXPECT_EQ(parse_end_reason("去世"), "deceased");
  EXPECT_EQ(parse_end_reason("取消预备党员资格"), "cancelled");
  EXPECT_FALSE(parse_end_reason("transfer"));   // transfers end memberships themselves
}

TEST(MemberRules, AgeCutOffsAgreeWithAgeOn) {
  const core::Date on{2026, 6, 1};
  const core::Date b = latest_birth_for_age(on, 36);
  EXPECT_EQ(b, (core::Date{1990, 6, 1}));
  EXPECT_EQ(core::age_on(b, on), 36);
  EXPECT_EQ(core::age_on(core::add_days(b, 1), on), 35);
  // A Feb 29 birthday is reached on Feb 28 of a common year (core::age_on).
  const core::Date feb28{2026, 2, 28};
  const core::Date c = latest_birth_for_age(feb28, 38);
  EXPECT_EQ(c, (core::Date{1988, 2, 29}));
  EXPECT_EQ(core::age_on(c, feb28), 38);
  EXPECT_EQ(core::age_on(core::add_days(c, 1), feb28), 37);
}

TEST(MemberRules, AgeBandsCoverEveryAgeOnce) {
  const core::Date on{2026, 6, 1};
  for (int age = 18; age <= 90; ++age) {
    const core::Date birth = core::add_days(latest_birth_for_age(on, age), -3);
    int hits = 0;
    for (const auto& band : age_bands()) {
      auto r = *age_band_range(band, on);
      const bool in = (!r.born_after || birth > *r.born_after) && (!r.born_on_or_before || birth <= *r.born_on_or_before);
      if (in) {
        ++hits;
        if (band == "le35") {
          EXPECT_LE(core::age_on(birth, on), 35);
        }
        if (band == "61_plus") {
          EXPECT_GE(core::age_on(birth, on), 61);
        }
      }
    }
    EXPECT_EQ(hits, 1) << "age " << age;
  }
}
