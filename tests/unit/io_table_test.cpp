// Unit tests for the io/ building blocks: cell text of numbers, column names,
// and the streaming XML tokenizer used for worksheets and shared strings.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "io/number_text.hpp"
#include "io/table.hpp"
#include "io/xml_scan.hpp"

using namespace lx::io;

TEST(NumberText, IntegersInFullOthersAsExcelShowsThem) {
  EXPECT_EQ(number_text(0), "0");
  EXPECT_EQ(number_text(-0.0), "0");
  EXPECT_EQ(number_text(13812345678), "13812345678");
  EXPECT_EQ(number_text(13812345678.0), "13812345678");
  EXPECT_EQ(number_text(0.1 + 0.2), "0.3");
  EXPECT_EQ(number_text(-12.5), "-12.5");
  EXPECT_EQ(number_text(1e-9), "0.000000001");
  EXPECT_EQ(number_text(1.5e-10), "1.5E-10");
  EXPECT_EQ(number_text(1.5e-7), "0.00000015");
  EXPECT_EQ(number_text(123456789012345.0), "123456789012345");
  EXPECT_EQ(number_text(1e21), "1E+21");
  EXPECT_EQ(number_text(std::numeric_limits<double>::infinity()), "");
  EXPECT_EQ(number_text(std::nan("")), "");
  bool lost = true;
  EXPECT_EQ(number_text(999999999999999.0, &lost), "999999999999999");
  EXPECT_FALSE(lost);
  EXPECT_EQ(number_text(411422199001011237.0, &lost), "411422199001011000");
  EXPECT_TRUE(lost);
  EXPECT_EQ(number_text(1234567890123456.0, &lost), "1234567890123460");
  EXPECT_TRUE(lost);
}

TEST(Table, ColumnNamesAndRowCells) {
  EXPECT_EQ(column_name(0), "A");
  EXPECT_EQ(column_name(25), "Z");
  EXPECT_EQ(column_name(26), "AA");
  EXPECT_EQ(column_name(701), "ZZ");
  EXPECT_EQ(column_name(702), "AAA");
  EXPECT_EQ(column_name(16383), "XFD");
  Row r{7, {Cell{}, Cell{CellKind::text, "x"}}};
  EXPECT_FALSE(r.blank());
  EXPECT_EQ(r.cell(1).text, "x");
  EXPECT_TRUE(r.cell(5).empty());
  EXPECT_TRUE((Row{1, {Cell{}}}).blank());
}

namespace {
// The tokens of `xml` as "<name", ">name", "'text" and a final "done"/"error".
std::vector<std::string> tokens(std::string_view xml) {
  XmlScanner x(xml);
  std::vector<std::string> out;
  for (;;) {
    switch (x.next()) {
      case XmlScanner::Token::start:
        out.push_back("<" + std::string(x.name()));
        break;
      case XmlScanner::Token::end:
        out.push_back(">" + std::string(x.name()));
        break;
      case XmlScanner::Token::text:
        out.push_back("'" + x.text());
        break;
      case XmlScanner::Token::done:
        out.push_back("done");
        return out;
      case XmlScanner::Token::error:
        out.push_back("error");
        return out;
    }
  }
}
using V = std::vector<std::string>;
}  // namespace

TEST(XmlScan, TokensEntitiesCdataAndPrefixes) {
  EXPECT_EQ(tokens("<?xml version=\"1.0\"?><!-- c --><a:r x=\"1\"><b/>t&lt;&#x4E2D;&#25991;&amp;<![CDATA[<raw>]]></a:r>"),
            (V{"<r", "<b", ">b", "'t<中文&", "'<raw>", ">r", "done"}));
  EXPECT_EQ(tokens("<r>a\r\nb\rc</r>"), (V{"<r", "'a\nb\nc", ">r", "done"}));
}

TEST(XmlScan, Attributes) {
  XmlScanner x("<c r='A1' x:t=\"s&amp;t\" s = \"3\"/>");
  ASSERT_EQ(x.next(), XmlScanner::Token::start);
  std::string v;
  EXPECT_TRUE(x.attr("r", v));
  EXPECT_EQ(v, "A1");
  EXPECT_TRUE(x.attr("t", v));
  EXPECT_EQ(v, "s&t");
  EXPECT_TRUE(x.attr("s", v));
  EXPECT_EQ(v, "3");
  EXPECT_FALSE(x.attr("q", v));
  EXPECT_EQ(x.next(), XmlScanner::Token::end);
  EXPECT_EQ(x.next(), XmlScanner::Token::done);
  EXPECT_EQ(x.next(), XmlScanner::Token::done);
}

TEST(XmlScan, MalformedDocumentsAreErrors) {
  for (std::string_view bad :
       {"", "   ", "<a>", "<a></b>", "<a><b></a></b>", "</a>", "<a/><b/>", "text<a/>", "<a>&bogus;</a>", "<a>&#0;</a>",
        "<a>&#xD800;</a>", "<a>&#x110000;</a>", "<a x=1/>", "<a x=\"1/>", "<!DOCTYPE a><a/>", "<a><!-- x</a>",
        "<a><![CDATA[x</a>", "<a x=\"<\"/>", "<>", "<a", "<a>&amp</a>"}) {
    EXPECT_EQ(tokens(bad).back(), "error") << bad;
  }
  std::string deep;
  for (int i = 0; i < 300; ++i) deep += "<a>";
  EXPECT_EQ(tokens(deep).back(), "error");
  XmlScanner x("<a></b>");
  x.next();
  EXPECT_EQ(x.next(), XmlScanner::Token::error);
  EXPECT_EQ(x.error(), "XML格式错误（第3字节附近）：结束标签</b>与开始标签不匹配");
}

TEST(XmlScan, OoxmlEscapes) {
  EXPECT_EQ(decode_ooxml_escapes("a_x000D_b"), "a\rb");
  EXPECT_EQ(decode_ooxml_escapes("_x4E2D_"), "中");
  EXPECT_EQ(decode_ooxml_escapes("_x005F_x0041_"), "_x0041_");
  EXPECT_EQ(decode_ooxml_escapes("_xZZZZ_ _x00_ _x0000_"), "_xZZZZ_ _x00_ ");
  EXPECT_EQ(decode_ooxml_escapes("_xD800_"), "\xEF\xBF\xBD");
  EXPECT_EQ(xml_local_name("x:row"), "row");
  EXPECT_EQ(xml_local_name("row"), "row");
}
