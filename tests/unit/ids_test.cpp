// Unit tests for core/ids: resident ID numbers (R-ID-1), unified social
// credit codes (R-ID-2), mobiles and landlines (R-ID-3) and masking (R-ID-4).
// ID numbers other than the two GB 11643 examples are made up; their check
// characters were computed by an independent script and one is checked by
// hand below.
#include "core/ids.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace lx::core;

namespace {
const Date kToday{2026, 6, 1};

bool mentions(const lx::Error& e, const std::string& text) { return e.message.find(text) != std::string::npos; }
}  // namespace

// ---- R-ID-1 resident ID numbers ----

TEST(Ids, R_ID_1_ChecksumMatchesStandardExamples) {
  // GB 11643-1999 examples, by hand (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2):
  // 11010519491231002X: 1·7+1·9+0·10+1·5+0·8+5·4+1·2+9·1+4·6+9·3+1·7+2·9+3·10+1·5+0·8+0·4+2·2
  //   = 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 mod 11 = 2 -> "10X98765432"[2] = 'X'.
  EXPECT_EQ(id_number_check_char("11010519491231002"), 'X');
  // 440524188001010014: 4·7+4·9+0·10+5·5+2·8+4·4+1·2+8·1+8·6+0·3+0·7+1·9+0·10+1·5+0·8+0·4+1·2
  //   = 28+36+0+25+16+16+2+8+48+0+0+9+0+5+0+0+2 = 195; 195 mod 11 = 8 -> '4'.
  EXPECT_EQ(id_number_check_char("44052418800101001"), '4');
  // 310115200002291235 (made up): 3·7+1·9+0·10+1·5+1·8+5·4+2·2+0·1+0·6+0·3+0·7+2·9+2·10+9·5+1·8+2·4+3·2
  //   = 21+9+0+5+8+20+4+0+0+0+0+18+20+45+8+8+6 = 172; 172 mod 11 = 7 -> '5'.
  EXPECT_EQ(id_number_check_char("31011520000229123"), '5');
  EXPECT_EQ(id_number_check_char("3101152000022912"), '?');
  EXPECT_EQ(id_number_check_char("3101152000022912A"), '?');
}

TEST(Ids, R_ID_1_AcceptsXCheckCharacterAndDerivesGenderAndBirth) {
  auto r = check_id_number("11010519491231002X", kToday);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->id, "11010519491231002X");
  EXPECT_EQ(r->gender, Gender::female);  // 17th digit 2
  EXPECT_EQ(r->birth_date, (Date{1949, 12, 31}));
  auto x = check_id_number("33010620100301109X", kToday);
  ASSERT_TRUE(x.ok()) << x.error().message;
  EXPECT_EQ(x->gender, Gender::male);  // 17th digit 9
}

TEST(Ids, R_ID_1_NormalisesLowerCaseXAndFullWidth) {
  for (const char* raw : {"11010519491231002x", "１１０１０５１９４９１２３１００２Ｘ",
                          "１１０１０５１９４９１２３１００２ｘ", "  11010519491231002X\t", "　11010519491231002x　"}) {
    auto r = check_id_number(raw, kToday);
    ASSERT_TRUE(r.ok()) << raw << ": " << r.error().message;
    EXPECT_EQ(r->id, "11010519491231002X") << raw;
  }
}

TEST(Ids, R_ID_1_Births19xxAnd20xx) {
  struct Case {
    const char* id;
    Gender gender;
    Date birth;
  };
  for (const Case& c :
       {Case{"440524188001010014", Gender::male, {1880, 1, 1}}, Case{"330106198511067415", Gender::male, {1985, 11, 6}},
        Case{"110105199003070017", Gender::male, {1990, 3, 7}},
        Case{"510105199912311070", Gender::male, {1999, 12, 31}},
        Case{"320583201208150045", Gender::female, {2012, 8, 15}},
        Case{"33010620100301109X", Gender::male, {2010, 3, 1}}}) {
    auto r = check_id_number(c.id, kToday);
    ASSERT_TRUE(r.ok()) << c.id << ": " << r.error().message;
    EXPECT_EQ(r->gender, c.gender) << c.id;
    EXPECT_EQ(r->birth_date, c.birth) << c.id;
  }
}

TEST(Ids, R_ID_1_Feb29InLeapYearIsReal) {
  auto r = check_id_number("310115200002291235", kToday);  // 2000 is a leap year
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->birth_date, (Date{2000, 2, 29}));
  auto s = check_id_number("110105200402290020", kToday);
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->gender, Gender::female);
}

TEST(Ids, R_ID_1_Feb29InCommonYearIsRejected) {
  // Correct check character (2) for 20010229, but 2001 has no Feb 29.
  auto r = check_id_number("310115200102291232", kToday);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "invalid_id_number");
  EXPECT_TRUE(mentions(r.error(), "出生日期20010229不是有效日期")) << r.error().message;
}

TEST(Ids, R_ID_1_BirthDateInTheFutureIsRejected) {
  EXPECT_FALSE(check_id_number("110105202601010019", Date{2025, 12, 31}).ok());
  EXPECT_TRUE(check_id_number("110105202601010019", Date{2026, 1, 1}).ok());
  auto r = check_id_number("110105202601010019", Date{2025, 12, 31});
  EXPECT_TRUE(mentions(r.error(), "晚于今天")) << r.error().message;
  EXPECT_TRUE(check_id_number("11010519491231002X").ok());  // the overload that uses today
}

TEST(Ids, R_ID_1_EverySingleDigitCorruptionFails) {
  for (const std::string good : {"11010519491231002X", "440524188001010014", "310115200002291235"}) {
    for (std::size_t i = 0; i < good.size(); ++i) {
      for (char c : std::string("0123456789X")) {
        if (c == good[i]) continue;
        std::string bad = good;
        bad[i] = c;
        EXPECT_FALSE(check_id_number(bad, kToday).ok()) << bad;
      }
    }
  }
}

TEST(Ids, R_ID_1_BadChecksumMessage) {
  auto r = check_id_number("110105194912310021", kToday);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(mentions(r.error(), "校验位")) << r.error().message;
}

TEST(Ids, R_ID_1_WrongLengthOrCharacters) {
  auto r = check_id_number("1101051949123100", kToday);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(mentions(r.error(), "应为18位，实际为16位")) << r.error().message;
  EXPECT_TRUE(mentions(check_id_number("110105194912310", kToday).error(), "15位"));
  EXPECT_TRUE(mentions(check_id_number("", kToday).error(), "不能为空"));
  EXPECT_TRUE(mentions(check_id_number("11010519491231002X1", kToday).error(), "实际为19位"));
  auto letter = check_id_number("1101051949123100XX", kToday);
  EXPECT_TRUE(mentions(letter.error(), "第17位“X”不是数字")) << letter.error().message;
  auto last = check_id_number("11010519491231002Y", kToday);
  EXPECT_TRUE(mentions(last.error(), "第18位“Y”")) << last.error().message;
  auto cjk = check_id_number("110105一949123100２X", kToday);
  EXPECT_TRUE(mentions(cjk.error(), "第7位“一”不是数字")) << cjk.error().message;
  EXPECT_FALSE(check_id_number("110105 1949123100X", kToday).ok());
}

TEST(Ids, R_ID_1_IdStoredAsNumberInExcelSaysSo) {
  // 110105199003070017 typed into an Excel number cell keeps 15 significant digits.
  for (const char* raw : {"110105199003070000", "1.10105199003070E+17", "1.10105E+17", "1.10105e+17", "1.10105E17",
                          "110105199003070017.0", "１.１０１０５Ｅ＋１７"}) {
    auto r = check_id_number(raw, kToday);
    ASSERT_FALSE(r.ok()) << raw;
    EXPECT_EQ(r.error().code, "invalid_id_number");
    EXPECT_TRUE(mentions(r.error(), "在Excel中被存成了数字")) << raw << ": " << r.error().message;
    EXPECT_TRUE(mentions(r.error(), "文本")) << raw;
  }
  // The message does not repeat the number (R-ID-4: it may be logged).
  EXPECT_FALSE(mentions(check_id_number("110105199003070000", kToday).error(), "110105"));
  EXPECT_FALSE(mentions(check_id_number("110105194912310021", kToday).error(), "110105"));
  EXPECT_FALSE(mentions(check_contact_phone("1381234567").error(), "1381234567"));
  // A made-up valid number that happens to end in 000 is not mistaken for one.
  EXPECT_TRUE(check_id_number("110105199003190000", kToday).ok());
}

// ---- R-ID-2 unified social credit codes ----

TEST(Ids, R_ID_2_ChecksumMatchesRealCodes) {
  // Alphabet values: 0-9 = 0-9, A=10 B=11 C=12 D=13 E=14 F=15 G=16 H=17 J=18 K=19 L=20 M=21
  // N=22 P=23 Q=24 R=25 T=26 U=27 W=28 X=29 Y=30. Weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28.
  //
  // 91350100M000100Y43: 9·1+1·3+3·9+5·27+0·19+1·26+0·16+0·17+21·20+0·29+0·25+0·13+1·8+0·24+0·10+30·30+4·28
  //   = 9+3+27+135+0+26+0+0+420+0+0+0+8+0+0+900+112 = 1640; 1640 mod 31 = 28 (31·52 = 1612);
  //   31 − 28 = 3 -> '3'. ✓
  EXPECT_EQ(credit_code_check_char("91350100M000100Y4"), '3');
  // 91110000802100433B: 9·1+1·3+1·9+1·27+0·19+0·26+0·16+0·17+8·20+0·29+2·25+1·13+0·8+0·24+4·10+3·30+3·28
  //   = 9+3+9+27+160+50+13+40+90+84 = 485; 485 mod 31 = 20 (31·15 = 465); 31 − 20 = 11 -> 'B'. ✓
  EXPECT_EQ(credit_code_check_char("91110000802100433"), 'B');
  // 911100001000079554: 9·1+1·3+1·9+1·27+0·19+0·26+0·16+0·17+1·20+0·29+0·25+0·13+0·8+7·24+9·10+5·30+5·28
  //   = 9+3+9+27+20+168+90+150+140 = 616; 616 mod 31 = 27 (31·19 = 589); 31 − 27 = 4 -> '4'. ✓
  EXPECT_EQ(credit_code_check_char("91110000100007955"), '4');
  // Made up to reach 31 ↦ 0: as 91110000802100433B but L (20) in place of the last 3:
  //   485 − 3·28 + 20·28 = 961 = 31·31; 961 mod 31 = 0; 31 − 0 = 31 ↦ 0 -> '0'.
  EXPECT_EQ(credit_code_check_char("9111000080210043L"), '0');
  EXPECT_EQ(credit_code_check_char("9111000080210043"), '?');
  EXPECT_EQ(credit_code_check_char("9111000080210043I"), '?');
}

TEST(Ids, R_ID_2_AcceptsRealCodes) {
  for (const char* code : {"91350100M000100Y43", "91110000802100433B", "911100001000079554", "9111000080210043L0"}) {
    auto r = check_credit_code(code);
    ASSERT_TRUE(r.ok()) << code << ": " << r.error().message;
    EXPECT_EQ(*r, code);
  }
}

TEST(Ids, R_ID_2_NormalisesCaseAndWidth) {
  for (const char* raw : {"91350100m000100y43", " 91350100M000100Y43 ", "９１３５０１００Ｍ０００１００Ｙ４３",
                          "９１３５０１００ｍ０００１００ｙ４３", "　91350100M000100Y43　"}) {
    auto r = check_credit_code(raw);
    ASSERT_TRUE(r.ok()) << raw << ": " << r.error().message;
    EXPECT_EQ(*r, "91350100M000100Y43") << raw;
  }
}

TEST(Ids, R_ID_2_EverySingleCharacterCorruptionFails) {
  const std::string all = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  int tried = 0;
  for (const std::string good : {"91350100M000100Y43", "91110000802100433B", "911100001000079554"}) {
    for (std::size_t i = 0; i < good.size(); ++i) {
      for (char c : all) {
        if (c == good[i]) continue;
        std::string bad = good;
        bad[i] = c;
        ++tried;
        EXPECT_FALSE(check_credit_code(bad).ok()) << bad;
      }
    }
  }
  EXPECT_EQ(tried, 3 * 18 * 35);
}

TEST(Ids, R_ID_2_RejectsLettersOutsideTheAlphabet) {
  for (char c : std::string("IOSVZ")) {
    std::string bad = "91350100M000100Y43";
    bad[8] = c;
    auto r = check_credit_code(bad);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, "invalid_credit_code");
    EXPECT_TRUE(mentions(r.error(), std::string("第9位“") + c + "”")) << r.error().message;
  }
  EXPECT_TRUE(mentions(check_credit_code("91350100M000100Y4-").error(), "第18位"));
  EXPECT_TRUE(mentions(check_credit_code("91350100M000100Y4中").error(), "第18位“中”"));
}

TEST(Ids, R_ID_2_WrongLengthAndChecksumMessages) {
  EXPECT_TRUE(mentions(check_credit_code("91350100M000100Y4").error(), "应为18位，实际为17位"));
  EXPECT_TRUE(mentions(check_credit_code("").error(), "不能为空"));
  EXPECT_TRUE(mentions(check_credit_code("91350100M000100Y44").error(), "校验位"));
  EXPECT_TRUE(mentions(check_credit_code("9.11100001000080E+17").error(), "存成了数字"));
  EXPECT_TRUE(mentions(check_credit_code("911100001000080000").error(), "存成了数字"));
}

// ---- R-ID-3 phones ----

TEST(Ids, R_ID_3_MobileAcceptsElevenDigitsStartingWith1) {
  for (const char* raw : {"13812345678", " 13812345678 ", "138 1234 5678", "138-1234-5678", "+86 138 1234 5678",
                          "+8613812345678", "008613812345678", "１３８１２３４５６７８"}) {
    auto r = check_mobile(raw);
    ASSERT_TRUE(r.ok()) << raw << ": " << r.error().message;
    EXPECT_EQ(*r, "13812345678") << raw;
  }
  EXPECT_TRUE(check_mobile("19912345678").ok());
}

TEST(Ids, R_ID_3_MobileRejectsOtherNumbers) {
  for (const char* raw :
       {"", "1381234567", "138123456789", "23812345678", "1381234567a", "021-12345678", "8613812345678"}) {
    auto r = check_mobile(raw);
    ASSERT_FALSE(r.ok()) << raw;
    EXPECT_EQ(r.error().code, "invalid_mobile");
  }
  EXPECT_TRUE(mentions(check_mobile("23812345678").error(), "以1开头的11位数字"));
  EXPECT_TRUE(mentions(check_mobile("1.38123E+10").error(), "存成了数字"));
}

TEST(Ids, LandlineAcceptsAreaCodeLocalNumberAndExtension) {
  struct Case {
    const char* raw;
    const char* want;
  };
  for (const Case& c :
       {Case{"021-12345678", "021-12345678"}, Case{"0571-8888888", "0571-8888888"},
        Case{"010-88886666", "010-88886666"}, Case{"0571-88886666", "0571-88886666"},
        Case{"02112345678", "021-12345678"}, Case{"05718888888", "0571-8888888"}, Case{"021 12345678", "021-12345678"},
        Case{"(021)12345678", "021-12345678"}, Case{"（0571）8888888", "0571-8888888"},
        Case{"０２１－１２３４５６７８", "021-12345678"}, Case{"0571-8888888-801", "0571-8888888-801"},
        Case{"021-12345678转801", "021-12345678-801"}, Case{"021-12345678 转 801", "021-12345678-801"},
        Case{"021-12345678#8", "021-12345678-8"}, Case{"021-12345678 ext 801", "021-12345678-801"},
        Case{"021-12345678 ext. 801", "021-12345678-801"}, Case{"0571-8888888分机801", "0571-8888888-801"}}) {
    auto r = check_landline(c.raw);
    ASSERT_TRUE(r.ok()) << c.raw << ": " << r.error().message;
    EXPECT_EQ(*r, c.want) << c.raw;
  }
}

TEST(Ids, LandlineRejectsMalformedNumbers) {
  for (const char* raw : {"", "12345678", "8888888", "13812345678", "021-012345678", "021-123456", "021-123456789",
                          "0171-8888888", "011-12345678", "0571-8888888-", "0571-8888888-1234567", "0571-8888888x801",
                          "0571--8888888", "(0571-8888888", "0571 8888888 801", "021-12345678-801-1"}) {
    auto r = check_landline(raw);
    EXPECT_FALSE(r.ok()) << raw << " -> " << (r.ok() ? *r : "");
    if (!r.ok()) {
      EXPECT_EQ(r.error().code, "invalid_phone") << raw;
    }
  }
  EXPECT_TRUE(mentions(check_landline("12345678").error(), "区号"));
}

TEST(Ids, R_ID_3_ContactPhoneIsMobileOrLandline) {
  EXPECT_EQ(*check_contact_phone("138 1234 5678"), "13812345678");
  EXPECT_EQ(*check_contact_phone("0571-8888888"), "0571-8888888");
  EXPECT_EQ(*check_contact_phone("02112345678"), "021-12345678");
  auto bad = check_contact_phone("12345");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, "invalid_phone");
  EXPECT_TRUE(mentions(bad.error(), "手机号码")) << bad.error().message;
  EXPECT_TRUE(mentions(bad.error(), "固定电话")) << bad.error().message;
  EXPECT_TRUE(mentions(check_contact_phone("1.38123E+10").error(), "存成了数字"));
  EXPECT_TRUE(mentions(check_contact_phone(" ").error(), "不能为空"));
}

// ---- R-ID-4 masking ----

TEST(Ids, R_ID_4_MaskIdNumberShowsFirst6AndLast4) {
  EXPECT_EQ(mask_id_number("11010519491231002X"), "110105********002X");
  EXPECT_EQ(mask_id_number("440524188001010014"), "440524********0014");
  EXPECT_EQ(mask_id_number("12345678901"), "123456*8901");
  EXPECT_EQ(mask_id_number("1234567890"), "**********");  // too short to show anything
  EXPECT_EQ(mask_id_number(""), "");
  EXPECT_EQ(mask_id_number("一二三四五六七八九十甲乙"), "一二三四五六**九十甲乙");  // by character, not byte
}

TEST(Ids, R_ID_4_MaskPhoneShowsFirst3AndLast4) {
  EXPECT_EQ(mask_phone("13812345678"), "138****5678");
  EXPECT_EQ(mask_phone("021-12345678"), "021*****5678");
  EXPECT_EQ(mask_phone("12345678"), "123*5678");
  EXPECT_EQ(mask_phone("1234567"), "*******");
  EXPECT_EQ(mask_phone(""), "");
}
