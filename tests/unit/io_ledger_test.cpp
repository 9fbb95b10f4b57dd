// Unit tests for io/ledger, the generic import engine (TEMPLATES.md): header
// row detection, column mapping by name, typed cells and the exact problem
// lists for the committed fixtures.
#include "io/ledger.hpp"

#include <gtest/gtest.h>

#include "../fixtures/io/fixtures.hpp"
#include "io/csv_reader.hpp"
#include "io/xlsx_reader.hpp"

using namespace lx::io;
using lx::core::Date;
using lx::io::testing::read_fixture;

namespace {

// The orgs ledger (两新组织台账), as the census module would declare it.
LedgerSpec orgs_spec() {
  return LedgerSpec{{
      {.name = "组织名称", .required = true},
      {.name = "统一社会信用代码", .required = true},
      {.name = "组织类别",
       .required = true,
       .type = CellType::choice,
       .allowed = {"非公企业", "社会组织", "新就业群体网点"},
       .synonyms = {{"非公有制企业", "非公企业"}}},
      {.name = "组织类型"},
      {.name = "所在街道（乡镇）", .required = true},
      {.name = "成立日期", .type = CellType::date},
      {.name = "从业人员数", .type = CellType::integer},
      {.name = "党员数", .type = CellType::integer},
      {.name = "是否规模以上", .type = CellType::yes_no},
      {.name = "联系电话", .aliases = {"联系方式"}},
  }};
}

Sheet xlsx(const std::string& name) {
  auto s = read_xlsx(read_fixture(name));
  EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().message);
  return s.ok() ? std::move(*s) : Sheet{};
}

Sheet csv(std::string_view text) {
  auto s = read_csv(text);
  EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().message);
  return s.ok() ? std::move(*s) : Sheet{};
}

std::vector<int> row_numbers(const Ledger& l) {
  std::vector<int> out;
  for (const LedgerRow& r : l.rows) out.push_back(r.row);
  return out;
}

const std::string kLostNumber =
    "该单元格在Excel中是数字格式，超过15位的数字已被Excel改成0，原来的号码已经丢失；请把该列设置为文本格式后重新输入完整内容";

}  // namespace

TEST(Ledger, PlainXlsxLedgerTypedValues) {
  const Ledger l = read_ledger(xlsx("orgs_plain.xlsx"), orgs_spec());
  EXPECT_TRUE(l.problems.empty());
  EXPECT_EQ(l.header_row, 1);
  EXPECT_EQ(l.columns.at("组织名称"), 1);  // 序号 in column A is not a known column
  EXPECT_EQ(l.columns.count("备注"), 0u);
  ASSERT_EQ(row_numbers(l), (std::vector<int>{2, 3, 4}));
  const LedgerRow& r = l.rows[0];
  EXPECT_TRUE(r.valid);
  EXPECT_EQ(*r.get<std::string>("组织名称"), "杭州云栖科技有限公司");
  EXPECT_EQ(*r.get<std::string>("统一社会信用代码"), "91330106MA2H3K5L7J");
  EXPECT_EQ(*r.get<std::string>("组织类别"), "非公企业");
  EXPECT_EQ(*r.get<Date>("成立日期"), (Date{2019, 5, 1}));
  EXPECT_EQ(*r.get<std::int64_t>("从业人员数"), 120);
  EXPECT_EQ(*r.get<std::int64_t>("党员数"), 5);
  EXPECT_EQ(*r.get<bool>("是否规模以上"), true);
  EXPECT_EQ(*r.get<std::string>("联系电话"), "13812345678");  // a numeric cell, as digits
  EXPECT_EQ(r.raw("成立日期"), "2019-05-01");
  EXPECT_EQ(r.get<std::string>("成立日期"), nullptr);  // wrong type asked
  EXPECT_EQ(r.get<std::string>("备注"), nullptr);      // not a column of the spec
  EXPECT_EQ(r.raw("备注"), "");
  EXPECT_EQ(*l.rows[1].get<std::string>("联系电话"), "0571-88886666");
  EXPECT_EQ(l.rows[2].get<std::string>("组织类型"), nullptr);  // empty optional cell: no value, no problem
  EXPECT_EQ(*l.rows[2].get<std::int64_t>("党员数"), 0);
}

TEST(Ledger, CsvAndXlsxOfTheSameLedgerGiveTheSameValues) {
  const Ledger a = read_ledger(xlsx("orgs_plain.xlsx"), orgs_spec());
  const Ledger b = read_ledger(csv(read_fixture("sources/orgs_plain.csv")), orgs_spec());
  EXPECT_TRUE(b.problems.empty());
  ASSERT_EQ(row_numbers(a), row_numbers(b));
  for (std::size_t i = 0; i < a.rows.size(); ++i) {
    ASSERT_EQ(a.rows[i].fields.size(), b.rows[i].fields.size());
    for (const auto& [name, field] : a.rows[i].fields) {
      EXPECT_EQ(field.value, b.rows[i].fields.at(name).value) << "row " << a.rows[i].row << " " << name;
      EXPECT_EQ(field.raw, b.rows[i].fields.at(name).raw) << "row " << a.rows[i].row << " " << name;
    }
  }
}

TEST(Ledger, HeaderBelowAMergedTitleWithRequiredMarks) {
  const Ledger l = read_ledger(xlsx("orgs_title.xlsx"), orgs_spec());
  EXPECT_TRUE(l.problems.empty());
  EXPECT_EQ(l.header_row, 3);
  ASSERT_EQ(row_numbers(l), (std::vector<int>{4, 5}));
  EXPECT_EQ(*l.rows[0].get<std::string>("所在街道（乡镇）"), "西湖街道");
  EXPECT_EQ(*l.rows[0].get<Date>("成立日期"), (Date{2019, 5, 1}));  // "2019年5月1日" typed as text
  EXPECT_EQ(*l.rows[1].get<Date>("成立日期"), (Date{2015, 3, 20}));
  EXPECT_EQ(*l.rows[0].get<std::string>("联系电话"), "13812345678");
}

TEST(Ledger, KnownErrorsOnKnownRows) {
  const Ledger l = read_ledger(xlsx("orgs_errors.xlsx"), orgs_spec());
  EXPECT_EQ(l.header_row, 1);
  // Row 5 has only 序号 filled: a blank row, skipped.
  ASSERT_EQ(row_numbers(l), (std::vector<int>{2, 3, 4, 6, 7}));
  const std::vector<Problem> expected = {
      {3, "组织名称", "", "必填项，不能为空"},
      {4, "组织类别", "国有企业", "不是有效的组织类别，应为以下之一：非公企业、社会组织、新就业群体网点"},
      {4, "成立日期", "2019-02-30", "2019年2月30日不存在（该月只有28天）"},
      {6, "从业人员数", "-3", "不能为负数"},
      {6, "党员数", "2.5", "应为整数"},
      {6, "是否规模以上", "可能", "无法识别的是/否值“可能”，请填写“是”或“否”（也可用 Y/N、1/0、√/×）"},
      {7, "统一社会信用代码", "913301067125679000", kLostNumber},
  };
  EXPECT_EQ(l.problems, expected);
  EXPECT_TRUE(l.rows[0].valid);
  EXPECT_FALSE(l.rows[1].valid);
  // A row with problems keeps its other values, so modules can check those too.
  EXPECT_EQ(*l.rows[1].get<std::string>("统一社会信用代码"), "51330106MJ8765432X");
  EXPECT_EQ(l.rows[2].get<std::string>("组织类别"), nullptr);
  const LedgerRow& last = l.rows[4];
  EXPECT_EQ(*last.get<std::string>("组织类别"), "非公企业");        // synonym
  EXPECT_EQ(*last.get<std::string>("所在街道（乡镇）"), "西湖街道");  // full-width spaces trimmed
  EXPECT_EQ(*last.get<bool>("是否规模以上"), true);                  // √
  EXPECT_EQ(last.get<std::string>("统一社会信用代码"), nullptr);
}

TEST(Ledger, DatesInEverySpelling) {
  const LedgerSpec spec{{
      {.name = "姓名", .required = true},
      {.name = "人员类别", .required = true, .type = CellType::choice, .allowed = {"正式党员", "预备党员"}},
      {.name = "入党日期", .required = true, .type = CellType::date},
      {.name = "转正日期", .type = CellType::date},
      {.name = "所在党组织", .required = true},
  }};
  const Ledger l = read_ledger(xlsx("members_dates.xlsx"), spec);
  ASSERT_EQ(row_numbers(l), (std::vector<int>{2, 3, 4, 5}));
  for (int i = 0; i < 3; ++i) EXPECT_EQ(*l.rows[i].get<Date>("入党日期"), (Date{2019, 5, 1})) << i;
  EXPECT_EQ(*l.rows[3].get<Date>("入党日期"), (Date{2024, 5, 1}));  // 2024年5月: first of the month
  EXPECT_EQ(*l.rows[1].get<Date>("转正日期"), (Date{2020, 5, 1}));
  EXPECT_EQ(l.rows[2].get<Date>("转正日期"), nullptr);
  EXPECT_EQ(l.problems, (std::vector<Problem>{{5, "转正日期", "待定",
                                               "无法识别的日期“待定”，请使用如 2019-05-01、2019/5/1、2019.5.1、2019年5月1日 或 "
                                               "2019年5月 的格式"}}));
}

TEST(Ledger, NumbersThatLostDigitsInExcelAreReported) {
  const LedgerSpec spec{{
      {.name = "姓名", .required = true},
      {.name = "手机号码", .required = true},
      {.name = "身份证号"},
      {.name = "类别",
       .required = true,
       .type = CellType::choice,
       .allowed = {"党建指导员", "联络员"},
       .synonyms = {{"党建工作指导员", "党建指导员"}}},
      {.name = "派驻组织统一社会信用代码", .required = true},
      {.name = "开始日期", .type = CellType::date},
  }};
  const Ledger l = read_ledger(xlsx("phones_numeric.xlsx"), spec);
  EXPECT_EQ(l.problems, (std::vector<Problem>{{2, "身份证号", "411422199001011000", kLostNumber},
                                              {4, "身份证号", "330106198512310000", kLostNumber}}));
  ASSERT_EQ(l.rows.size(), 3u);
  EXPECT_EQ(*l.rows[0].get<std::string>("手机号码"), "13812345678");
  EXPECT_EQ(*l.rows[1].get<std::string>("身份证号"), "11010519491231002X");
  EXPECT_EQ(*l.rows[2].get<std::string>("类别"), "党建指导员");
}

TEST(Ledger, Gb18030CsvLedger) {
  const Ledger l = read_ledger(csv(read_fixture("orgs_gb18030.csv")), orgs_spec());
  EXPECT_TRUE(l.problems.empty());
  ASSERT_EQ(l.rows.size(), 2u);
  EXPECT_EQ(*l.rows[0].get<std::string>("组织名称"), "杭州堃𠮷餐饮有限公司");
}

TEST(Ledger, MissingRequiredColumnsAreFileLevelProblems) {
  const Ledger l = read_ledger(csv("序号,组织名称,组织类别,备注\n1,甲公司,非公企业,\n"), orgs_spec());
  EXPECT_EQ(l.header_row, 1);
  EXPECT_TRUE(l.rows.empty());
  EXPECT_EQ(l.problems, (std::vector<Problem>{
                            {1, "统一社会信用代码", "", "缺少必填列“统一社会信用代码”，请在表头中添加该列"},
                            {1, "所在街道（乡镇）", "", "缺少必填列“所在街道（乡镇）”，请在表头中添加该列"},
                        }));
}

TEST(Ledger, NoHeaderAtAll) {
  const Ledger l = read_ledger(csv("姓名,身份证号\n张三,1\n"), orgs_spec());
  EXPECT_EQ(l.header_row, 0);
  EXPECT_EQ(l.problems,
            (std::vector<Problem>{{0, "", "",
                                   "没有找到表头行：表头应在同一行中包含组织名称、统一社会信用代码、组织类别、所在街道（乡镇）"
                                   "等列；请确认文件是对应的台账模板，并且选择了正确的工作表"}}));
  EXPECT_EQ(read_ledger(Sheet{}, orgs_spec()).problems.size(), 1u);
}

TEST(Ledger, DuplicateKnownHeaderIsAnError) {
  const Ledger l =
      read_ledger(csv("组织名称,统一社会信用代码,组织类别,所在街道（乡镇）,联系方式,联系电话*\n甲,1,非公企业,西湖街道,1,2\n"),
                  orgs_spec());
  EXPECT_TRUE(l.rows.empty());
  EXPECT_EQ(l.problems, (std::vector<Problem>{{1, "联系电话", "联系电话*",
                                               "表头中“联系电话”列重复出现（第E列和第F列），请删除多余的一列"}}));
}

TEST(Ledger, ColumnsInAnyOrderAliasesAndFullWidthHeaders) {
  const Ledger l = read_ledger(
      csv("备注,所在街道（乡镇）,联系方式,ＡＢＣ,组织类别（必填）,统一社会信用代码＊,\" 组织\n名称 \"\n"
          "x,西湖街道,13812345678,y,社会组织,51330106MJ8765432X,甲协会\n"
          "only a remark,,,,,,\n"),
      orgs_spec());
  EXPECT_TRUE(l.problems.empty());
  ASSERT_EQ(row_numbers(l), (std::vector<int>{2}));  // row 3 has values only in unknown columns
  EXPECT_EQ(*l.rows[0].get<std::string>("组织名称"), "甲协会");
  EXPECT_EQ(*l.rows[0].get<std::string>("联系电话"), "13812345678");
  EXPECT_EQ(l.columns.at("组织名称"), 6);
}

TEST(Ledger, IntegerCellsTypedAsText) {
  const LedgerSpec spec{{{.name = "名称", .required = true}, {.name = "人数", .type = CellType::integer}}};
  const Ledger l = read_ledger(csv("名称,人数\na,１２\nb,12人\nc,-3\nd, 7 \ne,1234567890123456\n"), spec);
  EXPECT_EQ(*l.rows[0].get<std::int64_t>("人数"), 12);
  EXPECT_EQ(*l.rows[3].get<std::int64_t>("人数"), 7);
  EXPECT_EQ(l.problems, (std::vector<Problem>{{3, "人数", "12人", "应填写不小于0的整数（只写数字）"},
                                              {4, "人数", "-3", "不能为负数"},
                                              {6, "人数", "1234567890123456", "数值过大"}}));
}

TEST(Ledger, HeaderIsLookedForInTheFirstFiftyRows) {
  std::string text;
  for (int i = 0; i < 49; ++i) text += "说明\n";
  const LedgerSpec spec{{{.name = "名称", .required = true}}};
  EXPECT_EQ(read_ledger(csv(text + "名称\na\n"), spec).header_row, 50);
  EXPECT_EQ(read_ledger(csv(text + "说明\n名称\na\n"), spec).header_row, 0);
}

TEST(Ledger, HeaderKeyAndProblemOrder) {
  EXPECT_EQ(header_key(" 所在街道（乡镇）（必填）* "), "所在街道(乡镇)");
  EXPECT_EQ(header_key("统一社会\n信用代码"), "统一社会信用代码");
  EXPECT_EQ(header_key("ＡＢ　Ｃ"), "ABC");
  std::vector<Problem> p = {{3, "b", "", "1"}, {0, "", "", "file"}, {2, "a", "", "2"}, {3, "a", "", "3"}};
  sort_problems(p);
  EXPECT_EQ(p, (std::vector<Problem>{{0, "", "", "file"}, {2, "a", "", "2"}, {3, "b", "", "1"}, {3, "a", "", "3"}}));
}
