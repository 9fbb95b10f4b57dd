// Streaming XML tokenizer; see xml_scan.hpp.
#include "io/xml_scan.hpp"

#include "io/detail.hpp"

#include <algorithm>
#include <cstdint>

namespace lx::io {
namespace {

constexpr std::size_t kMaxDepth = 256;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool name_end(char c) { return is_space(c) || c == '/' || c == '>' || c == '=' || c == '<'; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Appends `raw` to `out` with "\r\n" and lone "\r" turned into "\n" (XML 2.11).
void append_normalised(std::string& out, std::string_view raw) {
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '\r') {
      out.push_back('\n');
      if (i + 1 < raw.size() && raw[i + 1] == '\n') ++i;
    } else {
      out.push_back(raw[i]);
    }
  }
}

}  // namespace

std::string_view xml_local_name(std::string_view qname) {
  const std::size_t colon = qname.find(':');
  return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

std::string decode_ooxml_escapes(std::string_view s) {
  if (s.find("_x") == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_') {
      std::uint32_t cp = 0;
      bool hex = true;
      for (std::size_t k = 2; k < 6; ++k) {
        const int h = hex_value(s[i + k]);
        if (h < 0) hex = false;
        cp = cp * 16 + static_cast<std::uint32_t>(h < 0 ? 0 : h);
      }
      if (hex) {
        if (cp >= 0xD800 && cp <= 0xDFFF) {
          detail::append_utf8(out, 0xFFFD);
        } else if (cp != 0) {
          detail::append_utf8(out, cp);
        }
        i += 7;
        continue;
      }
    }
    out.push_back(s[i++]);
  }
  return out;
}

XmlScanner::Token XmlScanner::fail(std::string what) {
  error_ = "XML格式错误（第" + std::to_string(pos_) + "字节附近）：" + std::move(what);
  return last_ = Token::error;
}

bool XmlScanner::decode(std::string_view raw, std::string& out, std::string& why) const {
  out.clear();
  for (std::size_t i = 0; i < raw.size();) {
    const std::size_t amp = raw.find('&', i);
    append_normalised(out, raw.substr(i, amp == std::string_view::npos ? raw.size() - i : amp - i));
    if (amp == std::string_view::npos) break;
    const std::size_t semi = raw.find(';', amp);
    if (semi == std::string_view::npos || semi - amp > 12) {
      why = "“&”后缺少有效的实体引用";
      return false;
    }
    const std::string_view ent = raw.substr(amp + 1, semi - amp - 1);
    if (ent == "lt") {
      out.push_back('<');
    } else if (ent == "gt") {
      out.push_back('>');
    } else if (ent == "amp") {
      out.push_back('&');
    } else if (ent == "quot") {
      out.push_back('"');
    } else if (ent == "apos") {
      out.push_back('\'');
    } else if (ent.size() >= 2 && ent[0] == '#') {
      const bool hex = ent[1] == 'x';
      const std::string_view digits = ent.substr(hex ? 2 : 1);
      std::uint32_t cp = 0;
      bool good = !digits.empty();
      for (char c : digits) {
        const int d = hex ? hex_value(c) : (c >= '0' && c <= '9' ? c - '0' : -1);
        if (d < 0 || cp > 0x10FFFF) {
          good = false;
          break;
        }
        cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
      }
      if (!good || cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        why = "无效的字符引用“&" + detail::excerpt(ent) + ";”";
        return false;
      }
      detail::append_utf8(out, cp);
    } else {
      why = "不支持的实体“&" + detail::excerpt(ent) + ";”";
      return false;
    }
    i = semi + 1;
  }
  return true;
}

bool XmlScanner::attr(std::string_view local, std::string& out) const {
  for (const auto& [name, raw] : attrs_) {
    if (name == local) {
      std::string why;
      if (!decode(raw, out, why)) out.assign(raw);
      return true;
    }
  }
  return false;
}

XmlScanner::Token XmlScanner::next() {
  if (last_ == Token::done || last_ == Token::error) return last_;
  if (pending_end_) {
    pending_end_ = false;
    name_ = xml_local_name(stack_.back());
    stack_.pop_back();
    return last_ = Token::end;
  }
  while (true) {
    if (pos_ >= doc_.size()) {
      if (!stack_.empty()) return fail("文档意外结束，缺少</" + detail::excerpt(stack_.back()) + ">");
      if (!seen_root_) return fail("文档为空");
      return last_ = Token::done;
    }
    const std::string_view rest = doc_.substr(pos_);
    if (rest[0] != '<') {
      const std::size_t lt = rest.find('<');
      const std::string_view raw = rest.substr(0, lt);
      if (stack_.empty()) {
        if (!std::all_of(raw.begin(), raw.end(), is_space)) return fail("根元素之外有文本");
        pos_ += raw.size();
        continue;
      }
      std::string why;
      if (!decode(raw, text_, why)) return fail(why);
      pos_ += raw.size();
      return last_ = Token::text;
    }
    if (rest.starts_with("<!--")) {
      const std::size_t close = rest.find("-->", 4);
      if (close == std::string_view::npos) return fail("注释未结束");
      pos_ += close + 3;
      continue;
    }
    if (rest.starts_with("<![CDATA[")) {
      if (stack_.empty()) return fail("根元素之外有CDATA");
      const std::size_t close = rest.find("]]>", 9);
      if (close == std::string_view::npos) return fail("CDATA未结束");
      text_.clear();
      append_normalised(text_, rest.substr(9, close - 9));
      pos_ += close + 3;
      return last_ = Token::text;
    }
    if (rest.starts_with("<!")) return fail("不支持DTD声明");
    if (rest.starts_with("<?")) {
      const std::size_t close = rest.find("?>", 2);
      if (close == std::string_view::npos) return fail("处理指令未结束");
      pos_ += close + 2;
      continue;
    }
    if (rest.starts_with("</")) return end_tag();
    return start_tag();
  }
}

XmlScanner::Token XmlScanner::start_tag() {
  std::size_t i = pos_ + 1;
  const std::size_t begin = i;
  while (i < doc_.size() && !name_end(doc_[i])) ++i;
  const std::string_view qname = doc_.substr(begin, i - begin);
  if (qname.empty()) return fail("“<”后缺少元素名");
  if (stack_.empty() && seen_root_) return fail("有多个根元素");
  if (stack_.size() >= kMaxDepth) return fail("元素嵌套过深");
  attrs_.clear();
  bool self_closing = false;
  while (true) {
    while (i < doc_.size() && is_space(doc_[i])) ++i;
    if (i >= doc_.size()) return fail("标签<" + detail::excerpt(qname) + ">未结束");
    if (doc_[i] == '>') {
      ++i;
      break;
    }
    if (doc_[i] == '/') {
      if (i + 1 >= doc_.size() || doc_[i + 1] != '>') return fail("标签<" + detail::excerpt(qname) + ">中“/”位置错误");
      self_closing = true;
      i += 2;
      break;
    }
    const std::size_t name_begin = i;
    while (i < doc_.size() && !name_end(doc_[i])) ++i;
    const std::string_view aname = doc_.substr(name_begin, i - name_begin);
    if (aname.empty()) return fail("标签<" + detail::excerpt(qname) + ">中属性名无效");
    while (i < doc_.size() && is_space(doc_[i])) ++i;
    if (i >= doc_.size() || doc_[i] != '=') return fail("属性" + detail::excerpt(aname) + "缺少“=”");
    ++i;
    while (i < doc_.size() && is_space(doc_[i])) ++i;
    if (i >= doc_.size() || (doc_[i] != '"' && doc_[i] != '\'')) return fail("属性" + detail::excerpt(aname) + "的值缺少引号");
    const char quote = doc_[i++];
    const std::size_t close = doc_.find(quote, i);
    if (close == std::string_view::npos) return fail("属性" + detail::excerpt(aname) + "的值未结束");
    const std::string_view value = doc_.substr(i, close - i);
    if (value.find('<') != std::string_view::npos) return fail("属性值中不能有“<”");
    attrs_.emplace_back(xml_local_name(aname), value);
    i = close + 1;
  }
  stack_.push_back(qname);
  seen_root_ = true;
  name_ = xml_local_name(qname);
  pending_end_ = self_closing;
  pos_ = i;
  return last_ = Token::start;
}

XmlScanner::Token XmlScanner::end_tag() {
  std::size_t i = pos_ + 2;
  const std::size_t begin = i;
  while (i < doc_.size() && !name_end(doc_[i])) ++i;
  const std::string_view qname = doc_.substr(begin, i - begin);
  while (i < doc_.size() && is_space(doc_[i])) ++i;
  if (i >= doc_.size() || doc_[i] != '>') return fail("结束标签</" + detail::excerpt(qname) + ">未结束");
  if (stack_.empty() || stack_.back() != qname) {
    return fail("结束标签</" + detail::excerpt(qname) + ">与开始标签不匹配");
  }
  stack_.pop_back();
  name_ = xml_local_name(qname);
  pos_ = i + 1;
  return last_ = Token::end;
}

}  // namespace lx::io
