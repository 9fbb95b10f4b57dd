// Unit tests for core/text: width normalisation, trimming, UTF-8 length and
// validation, yes/no cells and template header matching (TEMPLATES.md).
#include "core/text.hpp"

#include <gtest/gtest.h>

using namespace lx::core;

TEST(Text, NormalizeWidthMapsFullWidthAsciiRange) {
  EXPECT_EQ(normalize_width("！"), "!");  // U+FF01
  EXPECT_EQ(normalize_width("～"), "~");  // U+FF5E
  EXPECT_EQ(normalize_width("ＡＢＣａｂｃ０１２３"), "ABCabc0123");
  EXPECT_EQ(normalize_width("（必填）＊"), "(必填)*");
  EXPECT_EQ(normalize_width("a　b"), "a b");  // U+3000 ideographic space
}

TEST(Text, NormalizeWidthLeavesOtherTextAlone) {
  EXPECT_EQ(normalize_width("统一社会信用代码"), "统一社会信用代码");
  EXPECT_EQ(normalize_width("、。「」"), "、。「」");          // CJK punctuation U+3001.. is not full-width ASCII
  EXPECT_EQ(normalize_width("，；"), ",;");                    // but U+FF0C and U+FF1B are
  EXPECT_EQ(normalize_width("\xEF\xBD\x9F"), "\xEF\xBD\x9F");  // U+FF5F is outside the range
  EXPECT_EQ(normalize_width(""), "");
  EXPECT_EQ(normalize_width("a\xFF"
                            "b"),
            "a\xFF"
            "b");  // invalid byte copied
}

TEST(Text, TrimRemovesAsciiCjkAndNoBreakSpaces) {
  EXPECT_EQ(trim("  abc\t\r\n"), "abc");
  EXPECT_EQ(trim("　姓名　"), "姓名");              // U+3000
  EXPECT_EQ(trim("\xC2\xA0姓名\xC2\xA0"), "姓名");  // NBSP
  EXPECT_EQ(trim("\xEF\xBB\xBF姓名"), "姓名");      // BOM
  EXPECT_EQ(trim(" a b "), "a b");                  // inner spaces stay
  EXPECT_EQ(trim("　 \xC2\xA0 "), "");
  EXPECT_EQ(trim(""), "");
}

TEST(Text, NormalizeCellTrimsThenNormalises) {
  EXPECT_EQ(normalize_cell("　ＡＢＣ　"), "ABC");
  EXPECT_EQ(normalize_cell(" \xC2\xA0１２３ "), "123");
}

TEST(Text, Utf8LengthCountsCodePoints) {
  EXPECT_EQ(utf8_length(""), 0u);
  EXPECT_EQ(utf8_length("abc"), 3u);
  EXPECT_EQ(utf8_length("两新"), 2u);
  EXPECT_EQ(utf8_length("é"), 1u);
  EXPECT_EQ(utf8_length("😀a"), 2u);  // 4-byte sequence
  EXPECT_EQ(utf8_length("a\xFF"
                        "b"),
            3u);  // invalid byte counts as one
}

TEST(Text, IsValidUtf8AcceptsWellFormedText) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("两新组织 abc"));
  EXPECT_TRUE(is_valid_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF
}

TEST(Text, IsValidUtf8RejectsMalformedText) {
  EXPECT_FALSE(is_valid_utf8("\xFF"));
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // overlong
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate U+D800
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\xE4\xB8"));          // truncated 两
  EXPECT_FALSE(is_valid_utf8("\x80"));              // lone continuation
  EXPECT_FALSE(is_valid_utf8("\xC4\x41"));          // continuation missing
}

TEST(Text, Utf8SplitGivesOneStringPerCodePoint) {
  const auto parts = utf8_split("a两😀");
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(parts[0], "a");
  EXPECT_EQ(parts[1], "两");
  EXPECT_EQ(parts[2], "😀");
}

TEST(Text, ParseYesNoAcceptsEveryTemplateSpelling) {
  for (const char* yes :
       {"是", "Y", "y", "yes", "YES", "Yes", "1", "√", "true", "TRUE", "True", " 是 ", "Ｙ", "１", "　是　"}) {
    auto r = parse_yes_no(yes);
    ASSERT_TRUE(r.ok()) << yes;
    EXPECT_TRUE(*r) << yes;
  }
  for (const char* no : {"否", "N", "n", "no", "NO", "No", "0", "×", "false", "FALSE", "False", "ｎｏ", "０"}) {
    auto r = parse_yes_no(no);
    ASSERT_TRUE(r.ok()) << no;
    EXPECT_FALSE(*r) << no;
  }
}

TEST(Text, ParseYesNoRejectsAnythingElseInChinese) {
  for (const char* bad : {"", "  ", "是的", "有", "2", "x", "ok", "yess", "对"}) {
    auto r = parse_yes_no(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().code, "invalid_yes_no");
    EXPECT_NE(r.error().message.find("是"), std::string::npos);
  }
  EXPECT_NE(parse_yes_no("有").error().message.find("有"), std::string::npos);  // names the value
}

TEST(Text, StripRequiredMarksReducesHeaderToColumnName) {
  EXPECT_EQ(strip_required_marks("组织名称"), "组织名称");
  EXPECT_EQ(strip_required_marks("组织名称*"), "组织名称");
  EXPECT_EQ(strip_required_marks("组织名称＊"), "组织名称");
  EXPECT_EQ(strip_required_marks("组织名称（必填）"), "组织名称");
  EXPECT_EQ(strip_required_marks("组织名称(必填)"), "组织名称");
  EXPECT_EQ(strip_required_marks("  统一社会信用代码（必填）* "), "统一社会信用代码");
  EXPECT_EQ(strip_required_marks("统一社会信用代码 * （必填）"), "统一社会信用代码");
  EXPECT_EQ(strip_required_marks("　姓名**　"), "姓名");
  EXPECT_EQ(strip_required_marks("所在街道（乡镇）*"), "所在街道(乡镇)");  // other brackets kept, normalised
  EXPECT_EQ(strip_required_marks("*"), "");
}

TEST(Text, StripRequiredMarksMatchesTemplateColumnWhateverTheSpelling) {
  const std::string canonical = strip_required_marks("所在街道（乡镇）");
  for (const char* h : {"所在街道（乡镇）*", "所在街道(乡镇)", " 所在街道（乡镇）（必填）", "所在街道（乡镇）　＊"}) {
    EXPECT_EQ(strip_required_marks(h), canonical) << h;
  }
}
