// Unit tests for core/config: the `key = value` file the server reads once at
// start, the --set overrides, and the listen address.
#include "core/config.hpp"

#include <gtest/gtest.h>

using namespace lx::core;

TEST(Config, DefaultsAreTheShippedValues) {
  Config c;
  EXPECT_EQ(c.listen, "127.0.0.1:8080");
  EXPECT_EQ(c.max_json_body, 1024 * 1024);
  EXPECT_EQ(c.lockout_threshold, 5);
  EXPECT_EQ(c.lockout_minutes, 15);
  EXPECT_EQ(c.password_min_length, 8);
  EXPECT_EQ(c.password_min_classes, 3);
  EXPECT_TRUE(c.force_password_change);
  EXPECT_FALSE(c.secure_cookies);
}

TEST(Config, CommentsAndBlankLinesAreIgnored) {
  Config c;
  auto st = apply_config_text(c,
                              "# Liangxin configuration\n"
                              "\n"
                              "   \n"
                              "  # an indented comment = with an equals sign\n"
                              "listen = 0.0.0.0:9000\n"
                              "\t\n"
                              "threads=3\n");
  ASSERT_TRUE(st) << st.error().message;
  EXPECT_EQ(c.listen, "0.0.0.0:9000");
  EXPECT_EQ(c.threads, 3);
}

TEST(Config, SurroundingSpacesAndWindowsLineEndingsAreTrimmed) {
  Config c;
  ASSERT_TRUE(apply_config_text(c, "  lockout_minutes   =   20  \r\nsession_idle_minutes=45\r\n"));
  EXPECT_EQ(c.lockout_minutes, 20);
  EXPECT_EQ(c.session_idle_minutes, 45);
}

TEST(Config, QuotedValuesLoseTheirQuotes) {
  Config c;
  ASSERT_TRUE(apply_config_text(c, "web_dir = \"/srv/liangxin web/dist\"\ndb = \"sqlite:/var/lib/lx.db\"\n"));
  EXPECT_EQ(c.web_dir, "/srv/liangxin web/dist");
  EXPECT_EQ(c.db, "sqlite:/var/lib/lx.db");
}

TEST(Config, AValueMayContainAnEqualsSign) {
  Config c;
  ASSERT_TRUE(apply_config_text(c, "db = postgresql://lx@db/lx?sslmode=require\n"));
  EXPECT_EQ(c.db, "postgresql://lx@db/lx?sslmode=require");
}

TEST(Config, UnknownKeyFailsNamingTheLineAndKey) {
  Config c;
  auto st = apply_config_text(c, "# header\nthreads = 2\nthreds = 4\n");
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().code, "bad_config");
  EXPECT_EQ(st.error().field, "threds");
  EXPECT_NE(st.error().message.find("第 3 行"), std::string::npos) << st.error().message;
  EXPECT_NE(st.error().message.find("threds"), std::string::npos) << st.error().message;
}

TEST(Config, LineWithoutEqualsFailsNamingTheLine) {
  Config c;
  auto st = apply_config_text(c, "\n\nlisten 127.0.0.1:80\n");
  ASSERT_FALSE(st);
  EXPECT_NE(st.error().message.find("第 3 行"), std::string::npos) << st.error().message;
}

TEST(Config, BadIntegersAreRefused) {
  for (const char* v : {"abc", "12x", "", "-1", "1.5", " ", "99999999999999999999"}) {
    Config c;
    auto st = set_config_value(c, "threads", v);
    EXPECT_FALSE(st) << "threads = '" << v << "' was accepted";
    if (!st) {
      EXPECT_EQ(st.error().field, "threads");
    }
    EXPECT_EQ(c.threads, 0) << "a refused value must not change the setting";
  }
}

TEST(Config, IntegersOutsideTheirRangeAreRefused) {
  Config c;
  EXPECT_FALSE(set_config_value(c, "lockout_threshold", "0"));
  EXPECT_FALSE(set_config_value(c, "lockout_threshold", "101"));
  EXPECT_TRUE(set_config_value(c, "lockout_threshold", "100"));
  EXPECT_FALSE(set_config_value(c, "password_min_classes", "5"));
  EXPECT_FALSE(set_config_value(c, "max_header_bytes", "100"));
  EXPECT_TRUE(set_config_value(c, "max_json_body", "2097152"));
  EXPECT_EQ(c.max_json_body, 2097152);
}

TEST(Config, BadIntegerInAFileNamesTheLine) {
  Config c;
  auto st = apply_config_text(c, "threads = 2\nidle_timeout_s = soon\n");
  ASSERT_FALSE(st);
  EXPECT_NE(st.error().message.find("第 2 行"), std::string::npos) << st.error().message;
  EXPECT_EQ(st.error().field, "idle_timeout_s");
}

TEST(Config, BooleansAcceptTheUsualSpellings) {
  Config c;
  for (const char* v : {"true", "yes", "1", "on"}) {
    c.secure_cookies = false;
    ASSERT_TRUE(set_config_value(c, "secure_cookies", v)) << v;
    EXPECT_TRUE(c.secure_cookies) << v;
  }
  for (const char* v : {"false", "no", "0", "off"}) {
    c.secure_cookies = true;
    ASSERT_TRUE(set_config_value(c, "secure_cookies", v)) << v;
    EXPECT_FALSE(c.secure_cookies) << v;
  }
  EXPECT_FALSE(set_config_value(c, "secure_cookies", "maybe"));
}

TEST(Config, EmptyStringValuesAreRefused) {
  Config c;
  EXPECT_FALSE(set_config_value(c, "listen", ""));
  EXPECT_EQ(c.listen, "127.0.0.1:8080");
}

TEST(Config, Argon2CostIsOneOfThreeNames) {
  Config c;
  EXPECT_TRUE(set_config_value(c, "argon2_cost", "min"));
  EXPECT_EQ(c.argon2_cost, "min");
  EXPECT_FALSE(set_config_value(c, "argon2_cost", "cheap"));
  EXPECT_EQ(c.argon2_cost, "min");
}

TEST(Config, KeyFileDefaultsBesideTheSqliteFile) {
  Config c;
  c.db = "sqlite:/var/lib/lx/liangxin.db";
  EXPECT_EQ(key_file_path(c), "/var/lib/lx/liangxin.db.key");
  c.db = "postgresql://lx@db/lx";
  EXPECT_EQ(key_file_path(c), "data/liangxin.key");
  c.key_file = "/etc/lx/pii.key";
  EXPECT_EQ(key_file_path(c), "/etc/lx/pii.key");
}

TEST(SplitListen, HostAndPort) {
  auto r = split_listen("127.0.0.1:8080");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->first, "127.0.0.1");
  EXPECT_EQ(r->second, 8080);
}

TEST(SplitListen, BracketedIpv6) {
  auto r = split_listen("[::1]:8443");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->first, "::1");
  EXPECT_EQ(r->second, 8443);
}

TEST(SplitListen, EmptyHostMeansAllInterfaces) {
  auto r = split_listen(":8080");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->first, "0.0.0.0");
  EXPECT_EQ(r->second, 8080);
}

TEST(SplitListen, PortZeroAsksForAnyFreePort) {
  auto r = split_listen("127.0.0.1:0");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->second, 0);
}

TEST(SplitListen, MalformedAddressesAreRefused) {
  for (const char* v : {"localhost", "127.0.0.1:", "127.0.0.1:http", "127.0.0.1:65536", "127.0.0.1:-1"})
    EXPECT_FALSE(split_listen(v)) << v;
}
