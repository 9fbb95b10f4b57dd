// The minutes sanitiser (core/html): script never survives, attributes other
// than safe links and cell spans go, the result is well-formed.
#include <gtest/gtest.h>

#include "core/html.hpp"

namespace lx::core {
namespace {

TEST(Html, FormattingSurvives) {
  EXPECT_EQ(sanitize_html("<p>会议<b>议题</b>：<em>学习</em></p><ul><li>一</li><li>二</li></ul>"),
            "<p>会议<b>议题</b>：<em>学习</em></p><ul><li>一</li><li>二</li></ul>");
  EXPECT_EQ(sanitize_html("第一行<br>第二行<br/>第三行<hr>"), "第一行<br>第二行<br>第三行<hr>");
  EXPECT_EQ(sanitize_html("<table><tr><td colspan=\"2\" style=\"x\">合计</td></tr></table>"),
            "<table><tr><td colspan=\"2\">合计</td></tr></table>");
}

TEST(Html, ScriptAndItsContentAreGone) {
  EXPECT_EQ(sanitize_html("<p>a</p><script>alert(1)</script><p>b</p>"), "<p>a</p><p>b</p>");
  EXPECT_EQ(sanitize_html("<SCRIPT type=x>alert(1)</ScRiPt >ok"), "ok");
  EXPECT_EQ(sanitize_html("<script>never closed <p>x</p>"), "");
  EXPECT_EQ(sanitize_html("<style>p{}</style><iframe src=x></iframe><svg><script>1</script></svg>z"), "z");
  // A nested-looking trick yields only text.
  const std::string out = sanitize_html("<scr<script>ipt>alert(1)</script>");
  EXPECT_EQ(out.find("<script"), std::string::npos) << out;
  EXPECT_EQ(out.find('<'), std::string::npos) << out;
}

TEST(Html, EventHandlersAndScriptUrlsAreGone) {
  EXPECT_EQ(sanitize_html("<p onclick=\"alert(1)\">x</p>"), "<p>x</p>");
  EXPECT_EQ(sanitize_html("<img src=x onerror=alert(1)>y"), "y");
  EXPECT_EQ(sanitize_html("<a href=\"javascript:alert(1)\">链接</a>"), "<a>链接</a>");
  EXPECT_EQ(sanitize_html("<a href=\"java\tscript:alert(1)\">x</a>"), "<a>x</a>");
  EXPECT_EQ(sanitize_html("<a href=\"&#106;avascript:alert(1)\">x</a>"), "<a>x</a>");
  EXPECT_EQ(sanitize_html("<a href=\"https://example.org/?a=1&b=2\" target=_blank>x</a>"),
            "<a href=\"https://example.org/?a=1&amp;b=2\" rel=\"noopener noreferrer\">x</a>");
  EXPECT_EQ(sanitize_html("<a href='\"><script>'>x</a>"), "<a>x</a>");
}

TEST(Html, TextIsEscapedAndEntitiesKept) {
  EXPECT_EQ(sanitize_html("a < b && c > d \"q\""), "a &lt; b &amp;&amp; c &gt; d &quot;q&quot;");
  EXPECT_EQ(sanitize_html("&lt;script&gt; &nbsp; &#20013;"), "&lt;script&gt; &nbsp; &#20013;");
  EXPECT_EQ(sanitize_html("<!-- 注释 --><!DOCTYPE html>正文"), "正文");
  EXPECT_EQ(escape_html("<b>\"'&"), "&lt;b&gt;&quot;&#39;&amp;");
}

TEST(Html, ResultIsWellFormed) {
  EXPECT_EQ(sanitize_html("<p><b>未闭合"), "<p><b>未闭合</b></p>");
  EXPECT_EQ(sanitize_html("</p>多余的结束<b>x</i></b>"), "多余的结束<b>x</b>");
  EXPECT_EQ(sanitize_html("<ul><li>a<li>b</ul>"), "<ul><li>a<li>b</li></li></ul>");
  EXPECT_EQ(sanitize_html("<unknown>保留文字</unknown>"), "保留文字");
  EXPECT_EQ(sanitize_html(std::string("bad\xFF") + "byte"), "bad\xEF\xBF\xBD" "byte");
}

TEST(Html, SanitisedMinutesSanitiseToThemselves) {
  for (const char* in : {"<a href=\"https://e.org/?a=1&b=2\">x</a>", "<p>&lt;b&gt; &amp; &nbsp;</p>",
                         "<td rowspan=3>x", "<ul><li>一<ol><li>二</ul>"}) {
    const std::string once = sanitize_html(in);
    EXPECT_EQ(sanitize_html(once), once) << in;
  }
}

TEST(Html, TextOfMinutes) {
  EXPECT_EQ(html_to_text("<p>甲&amp;乙</p><p>&lt;丙&gt;&nbsp;丁</p>"), "甲&乙<丙> 丁");
}

}  // namespace
}  // namespace lx::core
