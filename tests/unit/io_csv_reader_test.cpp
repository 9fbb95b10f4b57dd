// Unit tests for io/csv_reader: RFC 4180 parsing, encodings (UTF-8 with and
// without BOM, GB18030, UTF-16) and limits, on committed fixtures.
#include "io/csv_reader.hpp"

#include <gtest/gtest.h>

#include "../fixtures/io/fixtures.hpp"

using namespace lx::io;
using lx::io::testing::read_fixture;

namespace {

using V = std::vector<std::string>;

V texts(const Row& row) {
  V out;
  for (const Cell& c : row.cells) out.push_back(c.text);
  return out;
}

std::vector<int> row_numbers(const Sheet& s) {
  std::vector<int> out;
  for (const Row& r : s.rows) out.push_back(r.number);
  return out;
}

Sheet csv_ok(std::string_view bytes, const CsvOptions& options = {}) {
  auto s = read_csv(bytes, options);
  EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().message);
  return s.ok() ? std::move(*s) : Sheet{};
}

}  // namespace

TEST(CsvReader, PlainUtf8Ledger) {
  const Sheet s = csv_ok(read_fixture("sources/orgs_plain.csv"));
  ASSERT_EQ(row_numbers(s), (std::vector<int>{1, 2, 3, 4}));
  EXPECT_EQ(texts(s.rows[0]), (V{"序号", "组织名称", "统一社会信用代码", "组织类别", "组织类型", "所在街道（乡镇）", "成立日期",
                                 "从业人员数", "党员数", "是否规模以上", "联系电话", "备注"}));
  EXPECT_EQ(texts(s.rows[3]), (V{"3", "顺丰速运（杭州）有限公司西溪网点", "91330106MA27Y9Q0PA", "新就业群体网点", "", "西溪街道",
                                 "2020-11-11", "35", "0", "否", "13900001111", "含逗号,和\"引号\""}));
  EXPECT_EQ(s.rows[3].cells[0].kind, CellKind::text);  // every CSV field is text
  EXPECT_TRUE(s.rows[3].cells[4].empty());
  EXPECT_TRUE(s.name.empty());
}

TEST(CsvReader, Utf8BomCrlfQuotedLineBreakAndBlankLine) {
  std::string encoding;
  auto text = decode_text(read_fixture("orgs_bom.csv"), &encoding);
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(encoding, "UTF-8");
  EXPECT_TRUE(text->starts_with("组织名称"));  // BOM gone

  const Sheet s = csv_ok(read_fixture("orgs_bom.csv"));
  // Row 2 holds a line break inside quotes and stays one row; row 3 is blank.
  ASSERT_EQ(row_numbers(s), (std::vector<int>{1, 2, 4}));
  EXPECT_EQ(texts(s.rows[0]), (V{"组织名称", "统一社会信用代码", "组织类别", "所在街道（乡镇）", "地址", "备注"}));
  EXPECT_EQ(texts(s.rows[1]),
            (V{"杭州云栖科技有限公司", "91330106MA2H3K5L7J", "非公企业", "西湖街道", "杭州市西湖区\n云栖小镇1号", "他说\"好\""}));
  EXPECT_EQ(texts(s.rows[2]), (V{"西湖区软件行业协会", "51330106MJ8765432X", "社会组织", "翠苑街道"}));
}

TEST(CsvReader, Gb18030DetectedAndDecoded) {
  const std::string bytes = read_fixture("orgs_gb18030.csv");
  std::string encoding;
  ASSERT_TRUE(decode_text(bytes, &encoding).ok());
  EXPECT_EQ(encoding, "GB18030");
  const Sheet s = csv_ok(bytes);
  ASSERT_EQ(row_numbers(s), (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(texts(s.rows[0]), (V{"组织名称", "统一社会信用代码", "组织类别", "所在街道（乡镇）", "出资人（负责人）"}));
  // 堃 is GBK; 𠮷 (U+20BB7) and 䶮 (U+4DAE) need GB18030's four-byte forms.
  EXPECT_EQ(texts(s.rows[1]), (V{"杭州堃𠮷餐饮有限公司", "91330106MA2CD12345", "非公企业", "西湖街道", "吉䶮"}));
  EXPECT_EQ(texts(s.rows[2]), (V{"西湖区社会组织促进会", "52330106MJ1234567C", "社会组织", "北山街道", "张三"}));
}

TEST(CsvReader, GbkBytesAsExcelWritesThem) {
  // "姓名,党员\r\n张三,是\r\n" in GBK.
  const std::string gbk = "\xD0\xD5\xC3\xFB,\xB5\xB3\xD4\xB1\r\n\xD5\xC5\xC8\xFD,\xCA\xC7\r\n";
  const Sheet s = csv_ok(gbk);
  ASSERT_EQ(s.rows.size(), 2u);
  EXPECT_EQ(texts(s.rows[0]), (V{"姓名", "党员"}));
  EXPECT_EQ(texts(s.rows[1]), (V{"张三", "是"}));
}

TEST(CsvReader, Utf16WithBomTabSeparated) {
  // Excel's "Unicode text": UTF-16LE with BOM, tab-separated. "姓名\t年龄\r\n张三\t30\r\n"
  const std::u16string u = u"姓名\t年龄\r\n张三\t30\r\n";
  std::string bytes = "\xFF\xFE";
  for (char16_t c : u) {
    bytes.push_back(static_cast<char>(c & 0xFF));
    bytes.push_back(static_cast<char>(c >> 8));
  }
  std::string encoding;
  ASSERT_TRUE(decode_text(bytes, &encoding).ok());
  EXPECT_EQ(encoding, "UTF-16");
  const Sheet s = csv_ok(bytes);
  ASSERT_EQ(s.rows.size(), 2u);
  EXPECT_EQ(texts(s.rows[0]), (V{"姓名", "年龄"}));
  EXPECT_EQ(texts(s.rows[1]), (V{"张三", "30"}));
}

TEST(CsvReader, UndecodableBytesAreAnError) {
  auto bad = read_csv("a,b\n\xFF\xFF\xFF\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, "unknown_encoding");
  auto bad_bom = read_csv("\xEF\xBB\xBF\xFF,b\n");
  ASSERT_FALSE(bad_bom.ok());
  EXPECT_EQ(bad_bom.error().code, "unknown_encoding");
}

TEST(CsvReader, Rfc4180Details) {
  const Sheet s = csv_ok("a,\"b,c\",\"d\"\"e\",\"\"\r\n\"x\ny\",,z\rlast,\"q\"tail,mid\"quote\n");
  ASSERT_EQ(row_numbers(s), (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(texts(s.rows[0]), (V{"a", "b,c", "d\"e"}));  // the trailing "" is an empty cell
  EXPECT_EQ(texts(s.rows[1]), (V{"x\ny", "", "z"}));      // a lone CR ends a row too
  EXPECT_EQ(texts(s.rows[2]), (V{"last", "qtail", "mid\"quote"}));
  EXPECT_EQ(csv_ok("no newline at end").rows.size(), 1u);
  EXPECT_TRUE(csv_ok("").rows.empty());
  EXPECT_TRUE(csv_ok("\n\n,,\n").rows.empty());
  EXPECT_EQ(texts(csv_ok("\"a\r\nb\"").rows[0]), (V{"a\nb"}));  // CRLF inside quotes read as LF
}

TEST(CsvReader, DelimiterDetectedOrGiven) {
  EXPECT_EQ(texts(csv_ok("a\tb,c\td\n").rows[0]), (V{"a", "b,c", "d"}));
  EXPECT_EQ(texts(csv_ok("a;b;c\n").rows[0]), (V{"a", "b", "c"}));
  EXPECT_EQ(texts(csv_ok("a;b,c;d\n").rows[0]), (V{"a", "b,c", "d"}));
  EXPECT_EQ(texts(csv_ok("a;b\n", {.delimiter = ','}).rows[0]), (V{"a;b"}));
  // Excel's "sep=" line names the delimiter and is not a row.
  const Sheet sep = csv_ok("sep=;\r\na;b,c\r\n");
  ASSERT_EQ(sep.rows.size(), 1u);
  EXPECT_EQ(sep.rows[0].number, 1);
  EXPECT_EQ(texts(sep.rows[0]), (V{"a", "b,c"}));
}

TEST(CsvReader, ScientificNotationMarksLostDigits) {
  const Sheet s = csv_ok("4.11422E+17,1.38123E+10,1E+5,1.5E-3,12345,E+17\n");
  ASSERT_EQ(s.rows.size(), 1u);
  std::vector<bool> lost;
  for (const Cell& c : s.rows[0].cells) lost.push_back(c.precision_lost);
  EXPECT_EQ(lost, (std::vector<bool>{true, true, true, false, false, false}));
}

TEST(CsvReader, UnclosedQuoteNamesItsRow) {
  auto s = read_csv("a,b\nc,d\n\"e,f\ng,h\n");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, "invalid_csv");
  EXPECT_EQ(s.error().message, "CSV格式错误：第3行有一个以引号开始的单元格，引号到文件结尾都没有闭合");
}

TEST(CsvReader, Limits) {
  CsvOptions small;
  small.limits.max_rows = 2;
  small.limits.max_cols = 3;
  small.limits.max_cells = 5;
  EXPECT_TRUE(read_csv("a\nb\n", small).ok());
  EXPECT_EQ(read_csv("a\nb\nc\n", small).error().code, "too_many_rows");
  EXPECT_EQ(read_csv("a,b,c,d\n", small).error().code, "too_many_columns");
  EXPECT_EQ(read_csv("a,b,c\nd,e,f\n", small).error().code, "too_many_cells");
  CsvOptions tiny;
  tiny.limits.max_bytes = 4;
  EXPECT_EQ(read_csv("abcde", tiny).error().code, "file_too_large");
}

TEST(CsvReader, ReadsFromAFile) {
  auto s = read_csv_file(lx::io::testing::fixture_path("orgs_gb18030.csv"));
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->rows.size(), 3u);
  EXPECT_EQ(read_csv_file("/nonexistent/x.csv").error().code, "file_unreadable");
}
