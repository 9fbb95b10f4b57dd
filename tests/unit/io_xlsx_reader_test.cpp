// Unit tests for io/xlsx_reader on files LibreOffice wrote (tests/fixtures/io)
// and on hand-made packages for what only Excel or WPS write, or an attacker.
#include "io/xlsx_reader.hpp"

#include <gtest/gtest.h>

#include "../fixtures/io/fixtures.hpp"

using namespace lx::io;
using lx::io::testing::make_zip;
using lx::io::testing::read_fixture;
using lx::io::testing::simple_xlsx;
using lx::io::testing::worksheet;
using lx::io::testing::xlsx_parts;

namespace {

// A row as "kind:text" per cell ('-' for empty), for compact exact comparison.
std::vector<std::string> shown(const Row& row) {
  std::vector<std::string> out;
  for (const Cell& c : row.cells) {
    static const char* kKinds[] = {"-", "T", "N", "B", "D"};
    out.push_back(std::string(kKinds[static_cast<int>(c.kind)]) + (c.precision_lost ? "!" : "") + ":" + c.text);
  }
  return out;
}

std::vector<int> row_numbers(const Sheet& s) {
  std::vector<int> out;
  for (const Row& r : s.rows) out.push_back(r.number);
  return out;
}

Sheet read_ok(const std::string& bytes, const XlsxOptions& options = {}) {
  auto s = read_xlsx(bytes, options);
  EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().message);
  return s.ok() ? std::move(*s) : Sheet{};
}

using V = std::vector<std::string>;

}  // namespace

// ---- files written by LibreOffice ----

TEST(XlsxReader, PlainLedgerFromLibreOffice) {
  const Sheet s = read_ok(read_fixture("orgs_plain.xlsx"));
  EXPECT_EQ(s.name, "orgs_plain");
  ASSERT_EQ(row_numbers(s), (std::vector<int>{1, 2, 3, 4}));
  EXPECT_EQ(shown(s.rows[0]), (V{"T:序号", "T:组织名称", "T:统一社会信用代码", "T:组织类别", "T:组织类型", "T:所在街道（乡镇）",
                                 "T:成立日期", "T:从业人员数", "T:党员数", "T:是否规模以上", "T:联系电话", "T:备注"}));
  EXPECT_EQ(shown(s.rows[1]), (V{"N:1", "T:杭州云栖科技有限公司", "T:91330106MA2H3K5L7J", "T:非公企业", "T:私营企业", "T:西湖街道",
                                 "D:2019-05-01", "N:120", "N:5", "T:是", "N:13812345678"}));
  EXPECT_EQ(shown(s.rows[2]), (V{"N:2", "T:西湖区软件行业协会", "T:51330106MJ8765432X", "T:社会组织", "T:行业协会商会", "T:翠苑街道",
                                 "D:2015-03-20", "N:12", "N:3", "T:否", "T:0571-88886666"}));
  EXPECT_EQ(shown(s.rows[3]), (V{"N:3", "T:顺丰速运（杭州）有限公司西溪网点", "T:91330106MA27Y9Q0PA", "T:新就业群体网点", "-:",
                                 "T:西溪街道", "D:2020-11-11", "N:35", "N:0", "T:否", "N:13900001111", "T:含逗号,和\"引号\""}));
  EXPECT_EQ(s.rows[1].cells[6].number, 43586);  // the serial is kept beside the text
}

TEST(XlsxReader, MergedTitleAndBlankRowKeepExcelRowNumbers) {
  const Sheet s = read_ok(read_fixture("orgs_title.xlsx"));
  // Row 1 is the merged title (A1:H1), row 2 is blank and left out, the header is row 3.
  ASSERT_EQ(row_numbers(s), (std::vector<int>{1, 3, 4, 5}));
  EXPECT_EQ(shown(s.rows[0]), (V{"T:西湖区两新组织台账（截至2024年6月30日）"}));
  EXPECT_EQ(shown(s.rows[1]), (V{"T:序号", "T:组织名称*", "T:统一社会信用代码（必填）", "T:组织类别 *", "T:所在街道(乡镇)（必填）",
                                 "T:　成立日期　", "T:从业人员数", "T:联系电话"}));
  EXPECT_EQ(shown(s.rows[2]), (V{"N:1", "T:杭州云栖科技有限公司", "T:91330106MA2H3K5L7J", "T:非公企业", "T:西湖街道",
                                 "T:2019年5月1日", "N:120", "N:13812345678"}));
}

TEST(XlsxReader, DatesStoredAsSerialsWithDateFormats) {
  const Sheet s = read_ok(read_fixture("members_dates.xlsx"));
  ASSERT_EQ(row_numbers(s), (std::vector<int>{1, 2, 3, 4, 5}));
  // 2019-05-01, 2019/5/1 and 2019.5.1 typed into a zh-CN Calc all became serial 43586 with a date format.
  EXPECT_EQ(shown(s.rows[1]), (V{"T:张三", "T:正式党员", "D:2019-05-01", "D:2020-05-01", "T:云栖科技党支部"}));
  EXPECT_EQ(shown(s.rows[2]), (V{"T:李四", "T:正式党员", "D:2019-05-01", "D:2020-05-01", "T:云栖科技党支部"}));
  EXPECT_EQ(shown(s.rows[3]), (V{"T:王五", "T:预备党员", "D:2019-05-01", "-:", "T:云栖科技党支部"}));
  EXPECT_EQ(shown(s.rows[4]), (V{"T:赵六", "T:预备党员", "T:2024年5月", "T:待定", "T:云栖科技党支部"}));
  EXPECT_EQ(s.rows[2].cells[2].number, 43586);
}

TEST(XlsxReader, PhoneNumbersAsNumericCellsComeOutAsDigits) {
  const Sheet s = read_ok(read_fixture("phones_numeric.xlsx"));
  ASSERT_EQ(s.rows.size(), 4u);
  EXPECT_EQ(shown(s.rows[1]), (V{"T:陈明", "N:13812345678", "N!:411422199001011000", "T:党建指导员", "T:91330106MA2H3K5L7J",
                                 "D:2023-01-01"}));
  EXPECT_EQ(shown(s.rows[2]), (V{"T:林芳", "N:15957112345", "T:11010519491231002X", "T:联络员", "T:91330106MA2CD12345",
                                 "D:2023-03-15"}));
  // 330106198512310026 kept 15 significant digits in Excel: the last three are gone.
  EXPECT_EQ(shown(s.rows[3]), (V{"T:周强", "N:18600001111", "N!:330106198512310000", "T:党建工作指导员", "T:52330106MJ1234567C"}));
}

TEST(XlsxReader, ReadsFromAFileAndReportsAMissingOne) {
  auto s = read_xlsx_file(lx::io::testing::fixture_path("orgs_plain.xlsx"));
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->rows.size(), 4u);
  auto missing = read_xlsx_file(lx::io::testing::fixture_path("no_such_file.xlsx"));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, "file_unreadable");
}

// ---- what Excel and WPS write ----

TEST(XlsxReader, SharedStringsWithRichTextRunsAndPhoneticRuns) {
  const std::string sst =
      "<si><t>组织名称</t></si>"
      "<si><r><rPr><b/></rPr><t>杭州</t></r><r><t xml:space=\"preserve\"> </t></r><r><t>云栖</t></r></si>"
      "<si><t>東京</t><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh><phoneticPr fontId=\"1\"/></si>"
      "<si><t>a_x000D__x000A_b_x005F_x0041_</t></si>";
  const Sheet s = read_ok(simple_xlsx(
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c>"
      "<c r=\"D1\" t=\"s\"><v>3</v></c></row>",
      sst));
  ASSERT_EQ(s.rows.size(), 1u);
  EXPECT_EQ(shown(s.rows[0]), (V{"T:组织名称", "T:杭州 云栖", "T:東京", "T:a\r\nb_x0041_"}));
}

TEST(XlsxReader, InlineStringsBooleansFormulaResultsAndErrors) {
  const Sheet s = read_ok(simple_xlsx(
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>内联</t></is></c>"
      "<c r=\"B1\" t=\"inlineStr\"><is><r><t>富</t></r><r><t>文本</t></r></is></c>"
      "<c r=\"C1\" t=\"b\"><v>1</v></c><c r=\"D1\" t=\"b\"><v>0</v></c>"
      "<c r=\"E1\" t=\"str\"><f>A1&amp;\"x\"</f><v>内联x</v></c>"
      "<c r=\"F1\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"
      "<c r=\"G1\"><f>1+1</f><v>2</v></c>"
      "<c r=\"H1\"><f>NOW()</f></c>"
      "<c r=\"I1\" t=\"inlineStr\"><is><t></t></is></c></row>"));
  ASSERT_EQ(s.rows.size(), 1u);
  EXPECT_EQ(shown(s.rows[0]), (V{"T:内联", "T:富文本", "B:TRUE", "B:FALSE", "T:内联x", "T:#DIV/0!", "N:2"}));
}

TEST(XlsxReader, NumbersReadAsExcelShowsThem) {
  const Sheet s = read_ok(simple_xlsx(
      "<row r=\"1\"><c r=\"A1\"><v>13812345678</v></c><c r=\"B1\"><v>1.3812345678E10</v></c>"
      "<c r=\"C1\"><v>13812345678.0</v></c><c r=\"D1\"><v>0.30000000000000004</v></c><c r=\"E1\"><v>12.50</v></c>"
      "<c r=\"F1\"><v>-7</v></c><c r=\"G1\"><v>4.1142219900101E+17</v></c><c r=\"H1\"><v>1E+25</v></c>"
      "<c r=\"I1\"><v>0.000001</v></c><c r=\"J1\"><v>999999999999999</v></c><c r=\"K1\"><v>not a number</v></c></row>"));
  ASSERT_EQ(s.rows.size(), 1u);
  EXPECT_EQ(shown(s.rows[0]), (V{"N:13812345678", "N:13812345678", "N:13812345678", "N:0.3", "N:12.5", "N:-7",
                                 "N!:411422199001010000", "N!:1E+25", "N:0.000001", "N:999999999999999", "T:not a number"}));
}

TEST(XlsxReader, GapsInRowsAndCellsAndMissingReferences) {
  const Sheet s = read_ok(simple_xlsx(
      "<row r=\"2\"><c r=\"C2\"><v>1</v></c><c><v>2</v></c><c r=\"F2\"><v>3</v></c></row>"
      "<row><c><v>4</v></c></row>"              // no r: row 3, column A
      "<row r=\"7\"><c r=\"B7\" s=\"0\"/></row>"  // styled empty cell only: no row kept
      "<row r=\"9\" spans=\"1:3\"><c r=\"b9\"><v>5</v></c></row>"));
  ASSERT_EQ(row_numbers(s), (std::vector<int>{2, 3, 9}));
  EXPECT_EQ(shown(s.rows[0]), (V{"-:", "-:", "N:1", "N:2", "-:", "N:3"}));
  EXPECT_EQ(shown(s.rows[1]), (V{"N:4"}));
  EXPECT_EQ(shown(s.rows[2]), (V{"-:", "N:5"}));
  EXPECT_TRUE(s.rows[0].cell(100).empty());  // past the end: an empty cell
}

TEST(XlsxReader, DateFormatsBuiltInAndCustom) {
  const std::string styles =
      "<numFmts count=\"5\"><numFmt numFmtId=\"176\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>"
      "<numFmt numFmtId=\"177\" formatCode=\"[$-804]yyyy/m/d;@\"/><numFmt numFmtId=\"178\" formatCode=\"0.00_ \"/>"
      "<numFmt numFmtId=\"179\" formatCode=\"[h]:mm:ss\"/><numFmt numFmtId=\"180\" formatCode=\"&quot;day&quot;0\"/></numFmts>"
      "<cellXfs count=\"9\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"176\"/><xf numFmtId=\"177\"/>"
      "<xf numFmtId=\"178\"/><xf numFmtId=\"179\"/><xf numFmtId=\"49\"/><xf numFmtId=\"31\"/><xf numFmtId=\"180\"/></cellXfs>";
  const Sheet s = read_ok(simple_xlsx(
      "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>43586</v></c><c r=\"B1\" s=\"2\"><v>43586.75</v></c>"
      "<c r=\"C1\" s=\"3\"><v>43586</v></c><c r=\"D1\" s=\"4\"><v>43586</v></c><c r=\"E1\" s=\"5\"><v>1.5</v></c>"
      "<c r=\"F1\" s=\"6\"><v>43586</v></c><c r=\"G1\" s=\"7\"><v>43586</v></c><c r=\"H1\" s=\"8\"><v>43586</v></c>"
      "<c r=\"I1\" s=\"99\"><v>43586</v></c><c r=\"J1\" s=\"1\"><v>0.5</v></c><c r=\"K1\" t=\"d\"><v>2019-05-01T00:00:00Z</v></c></row>",
      "", styles));
  ASSERT_EQ(s.rows.size(), 1u);
  EXPECT_EQ(shown(s.rows[0]), (V{"D:2019-05-01", "D:2019-05-01", "D:2019-05-01", "N:43586", "N:1.5", "N:43586",
                                 "D:2019-05-01", "N:43586", "N:43586", "N:0.5", "D:2019-05-01"}));
}

TEST(XlsxReader, Date1904Workbooks) {
  const std::string styles = "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs>";
  const Sheet s = read_ok(simple_xlsx("<row r=\"1\"><c r=\"A1\" s=\"1\"><v>42124</v></c></row>", "", styles,
                                      "<workbookPr date1904=\"1\"/>"));
  ASSERT_EQ(s.rows.size(), 1u);
  EXPECT_EQ(shown(s.rows[0]), (V{"D:2019-05-01"}));
  EXPECT_EQ(s.rows[0].cells[0].number, 43586);
}

TEST(XlsxReader, FormatCodeClassification) {
  EXPECT_TRUE(is_date_format_code("yyyy-mm-dd"));
  EXPECT_TRUE(is_date_format_code("YYYY\\-MM\\-DD"));
  EXPECT_TRUE(is_date_format_code("yyyy\"年\"m\"月\""));
  EXPECT_TRUE(is_date_format_code("mmm-yy"));
  EXPECT_TRUE(is_date_format_code("[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy"));
  EXPECT_TRUE(is_date_format_code("[DBNum1][$-804]yyyy\"年\"m\"月\"d\"日\""));
  EXPECT_TRUE(is_date_format_code("m/d/yy h:mm"));
  EXPECT_FALSE(is_date_format_code("General"));
  EXPECT_FALSE(is_date_format_code("0.00_ "));
  EXPECT_FALSE(is_date_format_code("#,##0;[Red]-#,##0"));
  EXPECT_FALSE(is_date_format_code("h:mm:ss"));
  EXPECT_FALSE(is_date_format_code("[h]:mm:ss"));
  EXPECT_FALSE(is_date_format_code("mm:ss"));
  EXPECT_FALSE(is_date_format_code("\"day\"0"));
  EXPECT_FALSE(is_date_format_code("@"));
  for (int id : {14, 17, 22, 27, 36, 45, 47, 50, 58}) EXPECT_TRUE(is_builtin_date_format(id)) << id;
  for (int id : {0, 1, 13, 23, 26, 37, 44, 48, 49, 59}) EXPECT_FALSE(is_builtin_date_format(id)) << id;
}

TEST(XlsxReader, PicksTheFirstSheetOrTheOneNamed) {
  auto parts = xlsx_parts({{"填表说明", worksheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>说明</t></is></c></row>")},
                           {"台账", worksheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>数据</t></is></c></row>")}});
  const std::string bytes = make_zip(parts);
  EXPECT_EQ(read_ok(bytes).rows[0].cells[0].text, "说明");
  const Sheet named = read_ok(bytes, {.sheet_name = "台账"});
  EXPECT_EQ(named.name, "台账");
  EXPECT_EQ(named.rows[0].cells[0].text, "数据");
  auto missing = read_xlsx(bytes, {.sheet_name = "党员"});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, "sheet_not_found");
  EXPECT_EQ(missing.error().message, "文件中没有名为“党员”的工作表（现有工作表：填表说明、台账）");
  auto names = list_xlsx_sheets(bytes);
  ASSERT_TRUE(names.ok());
  EXPECT_EQ(*names, (std::vector<std::string>{"填表说明", "台账"}));
}

TEST(XlsxReader, HiddenSheetsArePassedOverByDefault) {
  auto parts = xlsx_parts({{"字典", worksheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>下拉选项</t></is></c></row>")},
                           {"台账", worksheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>数据</t></is></c></row>")}});
  for (auto& [name, xml] : parts) {
    if (name == "xl/workbook.xml") xml.replace(xml.find("name=\"字典\""), 13, "name=\"字典\" state=\"hidden\"");
  }
  const std::string bytes = make_zip(parts);
  EXPECT_EQ(read_ok(bytes).name, "台账");
  EXPECT_EQ(read_ok(bytes, {.sheet_name = "字典"}).rows[0].cells[0].text, "下拉选项");
}

TEST(XlsxReader, PrefixedNamespacesAndAbsoluteTargets) {
  // The .NET Open XML SDK writes prefixed elements; some tools use absolute targets.
  lx::io::testing::Parts parts = {
      {"_rels/.rels",
       "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"R1\" "
       "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"/xl/workbook.xml\"/>"
       "</Relationships>"},
      {"xl/workbook.xml",
       "<x:workbook xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
       "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><x:sheets>"
       "<x:sheet name=\"S\" sheetId=\"1\" r:id=\"R7\"/></x:sheets></x:workbook>"},
      {"xl/_rels/workbook.xml.rels",
       "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"R7\" "
       "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"/xl/worksheets/data.xml\"/>"
       "</Relationships>"},
      {"xl/worksheets/data.xml",
       "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><x:sheetData><x:row r=\"1\">"
       "<x:c r=\"A1\" t=\"inlineStr\"><x:is><x:t>前缀</x:t></x:is></x:c><x:c r=\"B1\"><x:v>42</x:v></x:c></x:row>"
       "</x:sheetData></x:worksheet>"}};
  const Sheet s = read_ok(make_zip(parts));
  ASSERT_EQ(s.rows.size(), 1u);
  EXPECT_EQ(shown(s.rows[0]), (V{"T:前缀", "N:42"}));
  // A target written relative to the package root instead of to xl/ is found too.
  parts[2].second.replace(parts[2].second.find("/xl/worksheets/data.xml"), 23, "xl/worksheets/data.xml");
  EXPECT_EQ(read_ok(make_zip(parts)).rows.size(), 1u);
}

// ---- damaged and hostile files: a Chinese error, never a crash ----

namespace {
lx::Error read_error(const std::string& bytes, const XlsxOptions& options = {}) {
  auto s = read_xlsx(bytes, options);
  EXPECT_FALSE(s.ok());
  return s.ok() ? lx::Error{} : s.error();
}
}  // namespace

TEST(XlsxReader, RefusesWhatIsNotAnXlsx) {
  EXPECT_EQ(read_error("").code, "invalid_xlsx");
  EXPECT_EQ(read_error("姓名,身份证号\n").message, "文件不是有效的xlsx文件，请确认上传的是Excel或WPS保存的.xlsx文件");
  const std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0", 12);
  EXPECT_EQ(read_error(ole).message,
            "这是旧版Excel（.xls）文件，或设置了打开密码的文件：请在Excel或WPS中另存为.xlsx格式（不设密码）后再导入");
  EXPECT_EQ(read_error("PK\x03\x04garbage").code, "invalid_xlsx");
  EXPECT_EQ(read_error(make_zip({{"hello.txt", "hi"}})).message, "文件不是有效的xlsx文件：缺少工作簿（xl/workbook.xml）");
}

TEST(XlsxReader, MalformedXmlIsAChineseError) {
  const lx::Error e = read_error(make_zip(xlsx_parts({{"Sheet1", "<worksheet><sheetData><row r=\"1\"><c><v>1</v></row>"}})));
  EXPECT_EQ(e.code, "invalid_xlsx");
  EXPECT_NE(e.message.find("xl/worksheets/sheet1.xml"), std::string::npos) << e.message;
  EXPECT_NE(e.message.find("XML格式错误"), std::string::npos) << e.message;
  // Entities from a DTD (billion laughs, external entities) are never expanded.
  const lx::Error dtd = read_error(make_zip(xlsx_parts(
      {{"Sheet1", "<!DOCTYPE x [<!ENTITY a \"aaaa\">]><worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&a;</t></is></c></row></sheetData></worksheet>"}})));
  EXPECT_NE(dtd.message.find("不支持DTD"), std::string::npos) << dtd.message;
  EXPECT_EQ(read_error(make_zip(xlsx_parts({{"Sheet1", worksheet("<row><c t=\"s\"><v>3</v></c></row>")}}, "<si><t>a</t></si>"))).message,
            "xlsx文件已损坏：单元格引用了不存在的共享字符串");
  EXPECT_EQ(read_error(simple_xlsx("<row r=\"3\"></row><row r=\"2\"></row>")).message,
            "xlsx文件已损坏：第2行重复或顺序错误");
  EXPECT_EQ(read_error(simple_xlsx("<row><c r=\"1A\"><v>1</v></c></row>")).message, "xlsx文件已损坏：单元格引用“1A”无效");
}

TEST(XlsxReader, LimitsOnRowsColumnsCellsAndSize) {
  XlsxOptions small;
  small.limits.max_rows = 10;
  small.limits.max_cols = 5;
  small.limits.max_cells = 8;
  EXPECT_EQ(read_error(simple_xlsx("<row r=\"11\"><c><v>1</v></c></row>"), small).code, "too_many_rows");
  EXPECT_EQ(read_error(simple_xlsx("<row r=\"1048577\"><c><v>1</v></c></row>")).code, "too_many_rows");
  EXPECT_EQ(read_error(simple_xlsx("<row><c r=\"F1\"><v>1</v></c></row>"), small).code, "too_many_columns");
  EXPECT_EQ(read_error(simple_xlsx("<row><c r=\"XFE1\"><v>1</v></c></row>")).code, "too_many_columns");
  EXPECT_EQ(read_error(simple_xlsx("<row><c r=\"E1\"><v>1</v></c></row><row><c r=\"E2\"><v>1</v></c></row>"), small).code,
            "too_many_cells");
  XlsxOptions tiny;
  tiny.limits.max_bytes = 2000;
  EXPECT_EQ(read_error(simple_xlsx("<row><c t=\"inlineStr\"><is><t>" + std::string(5000, 'x') + "</t></is></c></row>"), tiny).code,
            "file_too_large");
}

TEST(XlsxReader, ZipBombIsRefused) {
  // 20 MB of spaces inside the worksheet deflate about 1000:1.
  const std::string bomb = worksheet("<row><c><v>1</v></c></row>" + std::string(20u << 20, ' '));
  const lx::Error e = read_error(make_zip(xlsx_parts({{"Sheet1", bomb}})));
  EXPECT_EQ(e.code, "file_too_large");
  EXPECT_NE(e.message.find("压缩比过高"), std::string::npos) << e.message;
}
