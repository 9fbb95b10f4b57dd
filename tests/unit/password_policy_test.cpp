// Unit tests for core/password_policy: length bounds, character classes,
// password equal to the login, and the Chinese message naming what is missing.
#include "core/password_policy.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace lx::core;

namespace {
const PasswordPolicy kDefault{};

std::string message(const lx::Status& s) { return s.ok() ? std::string() : s.error().message; }
bool mentions(const lx::Status& s, const std::string& text) { return message(s).find(text) != std::string::npos; }
}  // namespace

TEST(PasswordPolicy, DefaultsAre8Chars3Classes128Max) {
  EXPECT_EQ(kDefault.min_length, 8);
  EXPECT_EQ(kDefault.min_classes, 3);
  EXPECT_EQ(kDefault.max_length, 128);
}

TEST(PasswordPolicy, AcceptsStrongPasswords) {
  for (const char* pw :
       {"Abcdefg1", "abcdef1!", "ABCDEF1!", "Abcdefg!", "Zz9!Zz9!Zz9!", "dang jian 2024", "两新Abc123"}) {
    auto s = check_password(kDefault, pw, "admin");
    EXPECT_TRUE(s.ok()) << pw << ": " << message(s);
  }
}

TEST(PasswordPolicy, TooShortNamesTheMinimum) {
  auto s = check_password(kDefault, "Ab1!", "admin");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, "weak_password");
  EXPECT_EQ(s.error().field, "password");
  EXPECT_TRUE(mentions(s, "长度至少8位（当前4位）")) << message(s);
  EXPECT_TRUE(check_password(kDefault, "Abcdef1!", "admin").ok());  // exactly 8
  EXPECT_FALSE(check_password(kDefault, "Abcde1!", "admin").ok());  // 7
}

TEST(PasswordPolicy, LengthCountsCharactersNotBytes) {
  // 4 Chinese characters are 12 bytes but 4 characters: 7 characters in all.
  auto s = check_password(kDefault, "党建Ab1两新", "admin");
  EXPECT_TRUE(mentions(s, "当前7位")) << message(s);
}

TEST(PasswordPolicy, TooLongNamesTheMaximum) {
  const std::string long_pw = "Aa1!" + std::string(125, 'x');  // 129
  auto s = check_password(kDefault, long_pw, "admin");
  EXPECT_TRUE(mentions(s, "不能超过128位")) << message(s);
  EXPECT_TRUE(check_password(kDefault, long_pw.substr(0, 128), "admin").ok());
}

TEST(PasswordPolicy, MissingClassesAreNamed) {
  auto lower_only = check_password(kDefault, "abcdefgh", "admin");
  ASSERT_FALSE(lower_only.ok());
  EXPECT_TRUE(mentions(lower_only, "至少3类（当前只有1类，缺少大写字母、数字、符号）")) << message(lower_only);

  auto two = check_password(kDefault, "abcdefg1", "admin");
  EXPECT_TRUE(mentions(two, "当前只有2类，缺少大写字母、符号")) << message(two);

  auto upper_digit = check_password(kDefault, "ABCDEFG1", "admin");
  EXPECT_TRUE(mentions(upper_digit, "缺少小写字母、符号")) << message(upper_digit);

  auto no_digit = check_password(kDefault, "abcdefgh!", "admin");
  EXPECT_TRUE(mentions(no_digit, "缺少大写字母、数字")) << message(no_digit);
}

TEST(PasswordPolicy, SeveralProblemsAreReportedTogether) {
  auto s = check_password(kDefault, "abc", "admin");
  EXPECT_TRUE(mentions(s, "长度至少8位")) << message(s);
  EXPECT_TRUE(mentions(s, "至少3类")) << message(s);
  EXPECT_TRUE(mentions(s, "；")) << message(s);
}

TEST(PasswordPolicy, RefusesPasswordEqualToLogin) {
  auto s = check_password(kDefault, "Admin_2024", "Admin_2024");
  ASSERT_FALSE(s.ok());
  EXPECT_TRUE(mentions(s, "不能与登录名相同")) << message(s);
  EXPECT_FALSE(check_password(kDefault, "ADMIN_2024", "admin_2024").ok());  // ignoring case
  EXPECT_TRUE(check_password(kDefault, "Admin_20245", "Admin_2024").ok());
  EXPECT_TRUE(check_password(kDefault, "Admin_2024", "").ok());
}

TEST(PasswordPolicy, SpacesAndChineseCountAsSymbols) {
  EXPECT_TRUE(check_password(kDefault, "abcdef 12", "admin").ok());
  EXPECT_TRUE(check_password(kDefault, "abcdef两12", "admin").ok());
}

TEST(PasswordPolicy, RefusesControlCharactersAndInvalidUtf8) {
  EXPECT_TRUE(mentions(check_password(kDefault, "Abcdef1!\n", "admin"), "控制字符"));
  EXPECT_TRUE(mentions(check_password(kDefault, "Abcdef1!\t", "admin"), "控制字符"));
  EXPECT_FALSE(check_password(kDefault, "Abcdef1!\xFF", "admin").ok());
  EXPECT_TRUE(mentions(check_password(kDefault, "", "admin"), "不能为空"));
}

TEST(PasswordPolicy, PolicyIsConfigurable) {
  const PasswordPolicy strict{12, 4, 64};
  EXPECT_TRUE(mentions(check_password(strict, "Abcdefgh1!", "admin"), "长度至少12位"));
  EXPECT_TRUE(mentions(check_password(strict, "Abcdefghijk1", "admin"), "至少4类"));
  EXPECT_TRUE(check_password(strict, "Abcdefghij1!", "admin").ok());

  const PasswordPolicy lax{6, 1, 16};
  EXPECT_TRUE(check_password(lax, "abcdef", "admin").ok());
  EXPECT_FALSE(check_password(lax, "abcdefghijklmnopq", "admin").ok());

  const PasswordPolicy silly{8, 9, 128};  // clamped to 4 classes
  EXPECT_TRUE(check_password(silly, "Abcdef1!", "admin").ok());
  const PasswordPolicy zero{8, 0, 128};  // clamped to 1 class
  EXPECT_TRUE(check_password(zero, "abcdefgh", "admin").ok());
}
