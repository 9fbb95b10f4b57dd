// Unit tests for io/xlsx_writer: what is written reads back the same through
// io/xlsx_reader (ID numbers and phones as text, dates as dates), the text
// format "@" on text columns, and the errors workbook.
#include "io/xlsx_writer.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "../fixtures/io/fixtures.hpp"
#include "io/csv_reader.hpp"
#include "io/xlsx_reader.hpp"

using namespace lx::io;
using lx::core::Date;
using lx::io::testing::unzip_part;

namespace {

using V = std::vector<std::string>;

std::vector<std::string> shown(const Row& row) {
  std::vector<std::string> out;
  for (const Cell& c : row.cells) {
    static const char* kKinds[] = {"-", "T", "N", "B", "D"};
    out.push_back(std::string(kKinds[static_cast<int>(c.kind)]) + ":" + c.text);
  }
  return out;
}

OutputSheet members() {
  return OutputSheet{
      "党员台账",
      "",
      {{"姓名"}, {"身份证号"}, {"手机号码"}, {"入党日期", ColumnFormat::date}, {"党龄", ColumnFormat::integer},
       {"工作单位统一社会信用代码"}, {"是否流动党员"}, {"备注", ColumnFormat::general}},
      {
          {std::string("张三"), std::string("411422199001011237"), std::string("13812345678"), Date{2019, 5, 1},
           std::int64_t{5}, std::string("91330106MA2H3K5L7J"), true, std::string("第一行")},
          {std::string("李四"), std::string("11010519491231002X"), std::int64_t{15957112345}, std::string("2020/5/1"),
           std::string("12"), std::string("913301067125678901"), false, 3.5},
          {std::string("王五"), std::string("330106198512310026")},  // a short row
      }};
}

}  // namespace

TEST(XlsxWriter, RoundTripKeepsIdNumbersPhonesAndDates) {
  auto bytes = write_xlsx({members()});
  ASSERT_TRUE(bytes.ok()) << bytes.error().message;
  auto s = read_xlsx(*bytes);
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->name, "党员台账");
  ASSERT_EQ(s->rows.size(), 4u);
  EXPECT_EQ(shown(s->rows[0]), (V{"T:姓名", "T:身份证号", "T:手机号码", "T:入党日期", "T:党龄", "T:工作单位统一社会信用代码",
                                  "T:是否流动党员", "T:备注"}));
  EXPECT_EQ(shown(s->rows[1]), (V{"T:张三", "T:411422199001011237", "T:13812345678", "D:2019-05-01", "N:5",
                                  "T:91330106MA2H3K5L7J", "T:是", "T:第一行"}));
  EXPECT_EQ(shown(s->rows[2]), (V{"T:李四", "T:11010519491231002X", "T:15957112345", "D:2020-05-01", "N:12",
                                  "T:913301067125678901", "T:否", "N:3.5"}));
  EXPECT_EQ(shown(s->rows[3]), (V{"T:王五", "T:330106198512310026"}));
  for (const Row& r : s->rows) EXPECT_FALSE(r.cells[1].precision_lost);
}

TEST(XlsxWriter, TextColumnsCarryTheTextFormatAndTheHeaderIsFrozen) {
  auto bytes = write_xlsx({members()});
  ASSERT_TRUE(bytes.ok());
  const std::string styles = unzip_part(*bytes, "xl/styles.xml");
  const std::string sheet = unzip_part(*bytes, "xl/worksheets/sheet1.xml");
  // "@" is built-in number format 49; the date format is a custom one.
  EXPECT_NE(styles.find("numFmtId=\"49\""), std::string::npos) << styles;
  EXPECT_NE(styles.find("formatCode=\"yyyy-mm-dd\""), std::string::npos) << styles;
  EXPECT_NE(sheet.find("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"), std::string::npos)
      << sheet;
  // Every column has a width, and text columns a default style (typed-in IDs stay text).
  EXPECT_NE(sheet.find("<col min=\"2\" max=\"2\" width="), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("customWidth=\"1\""), std::string::npos);
}

TEST(XlsxWriter, TitleRowIsMergedAboveTheHeader) {
  OutputSheet s = members();
  s.title = "西湖区党员台账";
  auto bytes = write_xlsx({s});
  ASSERT_TRUE(bytes.ok());
  EXPECT_NE(unzip_part(*bytes, "xl/worksheets/sheet1.xml").find("<mergeCell ref=\"A1:H1\"/>"), std::string::npos);
  auto back = read_xlsx(*bytes);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->rows[0].number, 1);
  EXPECT_EQ(shown(back->rows[0]), (V{"T:西湖区党员台账"}));
  EXPECT_EQ(back->rows[1].cells[1].text, "身份证号");
  EXPECT_EQ(back->rows[2].number, 3);
}

TEST(XlsxWriter, SheetNamesExcelAccepts) {
  OutputSheet a{"a/b:c[1]*?", "", {{"x"}}, {}};
  OutputSheet b{"a/b:c[1]*?", "", {{"y"}}, {}};
  OutputSheet c{"", "", {{"z"}}, {}};
  OutputSheet d{"一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三", "", {{"w"}}, {}};
  auto bytes = write_xlsx({a, b, c, d});
  ASSERT_TRUE(bytes.ok()) << bytes.error().message;
  auto names = list_xlsx_sheets(*bytes);
  ASSERT_TRUE(names.ok());
  EXPECT_EQ(*names, (std::vector<std::string>{"a_b_c_1___", "a_b_c_1___(2)", "Sheet3",
                                              "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一"}));
}

TEST(XlsxWriter, BadTextIsCleanedNotFatal) {
  OutputSheet s{"x", "", {{"a"}, {"b"}}, {{std::string("bad\xFF" "byte\x01"), std::string(40000, 'x')}}};
  auto bytes = write_xlsx({s});
  ASSERT_TRUE(bytes.ok()) << bytes.error().message;
  auto back = read_xlsx(*bytes);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->rows[1].cells[0].text, "bad\xEF\xBF\xBD" "byte");
  EXPECT_EQ(back->rows[1].cells[1].text.size(), 32767u);
}

TEST(XlsxWriter, WritesToAFileAndReportsAnUnwritablePath) {
  const std::string path = (std::filesystem::temp_directory_path() / "lx_io_writer_test.xlsx").string();
  ASSERT_TRUE(write_xlsx_file({members()}, path).ok());
  auto back = read_xlsx_file(path);
  std::filesystem::remove(path);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->rows.size(), 4u);
  const lx::Status bad = write_xlsx_file({members()}, "/nonexistent-dir/x.xlsx");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, "write_failed");
}

TEST(XlsxWriter, ErrorsWorkbookHoldsTheProblemRowsWithReasons) {
  auto source = read_csv(
      "填报说明\n序号,组织名称,统一社会信用代码,错误原因\n1,甲公司,913301067125679000,旧的原因\n2,乙公司,51330106MJ8765432X,\n"
      "3,,52330106MJ1234567C,\n");
  ASSERT_TRUE(source.ok());
  const std::vector<Problem> problems = {
      {5, "组织名称", "", "必填项，不能为空"},
      {3, "统一社会信用代码", "913301067125679000", "数字已丢失"},
      {3, "组织名称", "甲公司", "名称重复"},
      {0, "", "", "整个文件的问题"},
  };
  auto bytes = write_errors_workbook(*source, 2, problems);
  ASSERT_TRUE(bytes.ok()) << bytes.error().message;
  auto names = list_xlsx_sheets(*bytes);
  ASSERT_TRUE(names.ok());
  EXPECT_EQ(*names, (std::vector<std::string>{"错误数据", "问题清单"}));

  auto data = read_xlsx(*bytes);
  ASSERT_TRUE(data.ok());
  ASSERT_EQ(data->rows.size(), 3u);
  EXPECT_EQ(shown(data->rows[0]), (V{"T:序号", "T:组织名称", "T:统一社会信用代码", "T:原行号", "T:错误原因"}));
  EXPECT_EQ(shown(data->rows[1]),
            (V{"T:1", "T:甲公司", "T:913301067125679000", "N:3", "T:统一社会信用代码：数字已丢失；组织名称：名称重复"}));
  EXPECT_EQ(shown(data->rows[2]), (V{"T:3", "-:", "T:52330106MJ1234567C", "N:5", "T:组织名称：必填项，不能为空"}));

  auto list = read_xlsx(*bytes, {.sheet_name = "问题清单"});
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->rows.size(), 5u);
  EXPECT_EQ(shown(list->rows[0]), (V{"T:行号", "T:列", "T:值", "T:原因"}));
  EXPECT_EQ(shown(list->rows[1]), (V{"T:整个文件", "-:", "-:", "T:整个文件的问题"}));
  EXPECT_EQ(shown(list->rows[2]), (V{"N:3", "T:统一社会信用代码", "T:913301067125679000", "T:数字已丢失"}));
  EXPECT_EQ(shown(list->rows[4]), (V{"N:5", "T:组织名称", "-:", "T:必填项，不能为空"}));
}

TEST(XlsxWriter, ErrorsWorkbookWithoutAHeaderRowHasOnlyTheList) {
  auto bytes = write_errors_workbook(Sheet{}, 0, {{0, "", "", "没有找到表头行"}});
  ASSERT_TRUE(bytes.ok());
  auto names = list_xlsx_sheets(*bytes);
  ASSERT_TRUE(names.ok());
  EXPECT_EQ(*names, (std::vector<std::string>{"问题清单"}));
}
