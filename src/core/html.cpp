#include "core/html.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include "core/text.hpp"

namespace lx::core {
namespace {

constexpr std::array<std::string_view, 30> kAllowed = {
    "p",  "br",  "b",    "strong", "i",  "em", "u",    "s",          "strike", "sub",
    "sup", "ul", "ol",   "li",     "h1", "h2", "h3",   "h4",         "h5",     "h6",
    "blockquote", "pre", "code", "hr", "table", "thead", "tbody", "tr", "th", "td"};
constexpr std::array<std::string_view, 3> kAllowedMore = {"span", "div", "a"};
constexpr std::array<std::string_view, 13> kDropWithContent = {
    "script", "style", "iframe", "object", "embed", "noscript", "template",
    "textarea", "select", "svg", "math", "title", "head"};

bool allowed(std::string_view t) {
  return std::find(kAllowed.begin(), kAllowed.end(), t) != kAllowed.end() ||
         std::find(kAllowedMore.begin(), kAllowedMore.end(), t) != kAllowedMore.end();
}
bool drop_with_content(std::string_view t) {
  return std::find(kDropWithContent.begin(), kDropWithContent.end(), t) != kDropWithContent.end();
}
bool is_void(std::string_view t) { return t == "br" || t == "hr"; }

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }
bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Well-formed UTF-8 with invalid bytes as U+FFFD.
std::string clean_utf8(std::string_view s) {
  if (is_valid_utf8(s)) return std::string(s);
  std::string out;
  for (const auto& cp : utf8_split(s)) out += is_valid_utf8(cp) ? cp : "\xEF\xBF\xBD";
  return out;
}

void escape_into(std::string& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
}

// Text as typed: a well-formed entity (&name; &#123; &#x1F;) stays, a bare & is escaped.
void text_into(std::string& out, std::string_view s) {
  for (std::size_t k = 0; k < s.size(); ++k) {
    const char c = s[k];
    if (c == '&') {
      std::size_t j = k + 1;
      if (j < s.size() && s[j] == '#') {
        ++j;
        if (j < s.size() && (s[j] == 'x' || s[j] == 'X')) ++j;
      }
      const std::size_t start = j;
      while (j < s.size() && j - start < 10 && std::isalnum(static_cast<unsigned char>(s[j]))) ++j;
      if (j > start && j < s.size() && s[j] == ';') {
        out.append(s.substr(k, j - k + 1));
        k = j;
        continue;
      }
      out += "&amp;";
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else if (c == '"') {
      out += "&quot;";
    } else {
      out += c;
    }
  }
}

struct Tag {
  std::string name;
  bool closing = false;
  bool self_closing = false;
  std::vector<std::pair<std::string, std::string>> attrs;
};

// Parses the tag starting at s[k] == '<'; returns the index after '>' (or
// s.size() when unterminated).
std::size_t parse_tag(std::string_view s, std::size_t k, Tag& t) {
  std::size_t j = k + 1;
  if (j < s.size() && s[j] == '/') {
    t.closing = true;
    ++j;
  }
  while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '-' || s[j] == ':'))
    t.name += lower(s[j++]);
  for (;;) {
    while (j < s.size() && (space(s[j]) || s[j] == '/')) {
      if (s[j] == '/') t.self_closing = true;
      ++j;
    }
    if (j >= s.size()) return s.size();
    if (s[j] == '>') return j + 1;
    t.self_closing = false;
    std::string name;
    while (j < s.size() && !space(s[j]) && s[j] != '>' && s[j] != '=' && s[j] != '/') name += lower(s[j++]);
    if (name.empty()) {  // a stray '=': skip it
      ++j;
      continue;
    }
    while (j < s.size() && space(s[j])) ++j;
    std::string value;
    if (j < s.size() && s[j] == '=') {
      ++j;
      while (j < s.size() && space(s[j])) ++j;
      if (j < s.size() && (s[j] == '"' || s[j] == '\'')) {
        const char q = s[j++];
        const std::size_t end = s.find(q, j);
        if (end == std::string_view::npos) return s.size();
        value = std::string(s.substr(j, end - j));
        j = end + 1;
      } else {
        while (j < s.size() && !space(s[j]) && s[j] != '>') value += s[j++];
      }
    }
    t.attrs.emplace_back(std::move(name), std::move(value));
  }
}

// The decoded, lower-cased, control-free form of a URL, for the scheme check.
std::string url_key(std::string_view v) {
  std::string out;
  for (std::size_t k = 0; k < v.size(); ++k) {
    const unsigned char c = static_cast<unsigned char>(v[k]);
    if (c <= 0x20) continue;   // browsers ignore controls and spaces in schemes ("java\tscript:")
    if (c == '&') return out + "&";  // an entity inside the scheme: not trusted
    out += lower(static_cast<char>(c));
  }
  return out;
}

bool safe_href(std::string_view v) {
  const std::string k = url_key(v);
  return k.rfind("http://", 0) == 0 || k.rfind("https://", 0) == 0 || k.rfind("mailto:", 0) == 0;
}

bool small_number(std::string_view v) {
  if (v.empty() || v.size() > 2) return false;
  if (!std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
  return v != "0" && v != "00";
}

// An attribute value as the browser reads it: the five escapes decoded (so a
// sanitised value sanitises to itself), anything else left as typed.
std::string decode_basic(std::string_view v) {
  static const std::pair<std::string_view, char> entities[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
  std::string out;
  for (std::size_t k = 0; k < v.size(); ++k) {
    bool done = false;
    if (v[k] == '&')
      for (const auto& [e, ch] : entities)
        if (v.compare(k, e.size(), e) == 0) {
          out += ch;
          k += e.size() - 1;
          done = true;
          break;
        }
    if (!done) out += v[k];
  }
  return out;
}

void open_tag(std::string& out, const Tag& t) {
  out += '<';
  out += t.name;
  bool link = false;
  for (const auto& [name, value] : t.attrs) {
    if (t.name == "a" && name == "href" && !link && safe_href(decode_basic(value))) {
      out += " href=\"";
      escape_into(out, decode_basic(value));
      out += '"';
      link = true;
    } else if ((t.name == "td" || t.name == "th") && (name == "colspan" || name == "rowspan") &&
               small_number(value)) {
      out += ' ' + name + "=\"" + value + '"';
    }
  }
  if (link) out += " rel=\"noopener noreferrer\"";
  out += '>';
}

}  // namespace

std::string escape_html(std::string_view text) {
  std::string out;
  escape_into(out, clean_utf8(text));
  return out;
}

std::string sanitize_html(std::string_view input) {
  const std::string s = clean_utf8(input);
  std::string out;
  std::vector<std::string> open;
  std::size_t k = 0;
  while (k < s.size()) {
    const std::size_t lt = s.find('<', k);
    if (lt == std::string::npos) {
      text_into(out, std::string_view(s).substr(k));
      break;
    }
    text_into(out, std::string_view(s).substr(k, lt - k));
    // Comments, doctypes and processing instructions go.
    if (s.compare(lt, 4, "<!--") == 0) {
      const std::size_t end = s.find("-->", lt + 4);
      k = end == std::string::npos ? s.size() : end + 3;
      continue;
    }
    if (lt + 1 < s.size() && (s[lt + 1] == '!' || s[lt + 1] == '?')) {
      const std::size_t end = s.find('>', lt);
      k = end == std::string::npos ? s.size() : end + 1;
      continue;
    }
    // A '<' that does not start a tag is text.
    if (lt + 1 >= s.size() || !(std::isalpha(static_cast<unsigned char>(s[lt + 1])) || s[lt + 1] == '/')) {
      out += "&lt;";
      k = lt + 1;
      continue;
    }
    Tag t;
    k = parse_tag(s, lt, t);
    if (t.name.empty()) continue;
    if (drop_with_content(t.name)) {
      if (t.closing || t.self_closing) continue;
      // Skip to the matching close tag (any case); unterminated: drop the rest.
      std::string close = "</" + t.name;
      std::size_t j = k;
      for (;;) {
        const std::size_t c = s.find("</", j);
        if (c == std::string::npos) {
          k = s.size();
          break;
        }
        std::string name;
        for (std::size_t m = c + 2; m < s.size() && std::isalnum(static_cast<unsigned char>(s[m])); ++m)
          name += lower(s[m]);
        if (name == t.name) {
          const std::size_t gt = s.find('>', c);
          k = gt == std::string::npos ? s.size() : gt + 1;
          break;
        }
        j = c + 2;
      }
      continue;
    }
    if (!allowed(t.name)) continue;
    if (is_void(t.name)) {
      if (!t.closing) out += "<" + t.name + ">";
      continue;
    }
    if (!t.closing) {
      if (open.size() >= 64) continue;   // absurd nesting: keep the text, not the tags
      open_tag(out, t);
      open.push_back(t.name);
      continue;
    }
    // A close tag closes up to its open element; one that is not open goes.
    auto it = std::find(open.rbegin(), open.rend(), t.name);
    if (it == open.rend()) continue;
    const std::size_t keep = static_cast<std::size_t>(open.rend() - it) - 1;
    while (open.size() > keep) {
      out += "</" + open.back() + ">";
      open.pop_back();
    }
  }
  while (!open.empty()) {
    out += "</" + open.back() + ">";
    open.pop_back();
  }
  return out;
}

std::string html_to_text(std::string_view html) {
  std::string out;
  bool in_tag = false;
  for (std::size_t k = 0; k < html.size(); ++k) {
    const char c = html[k];
    if (in_tag) {
      if (c == '>') in_tag = false;
      continue;
    }
    if (c == '<') {
      in_tag = true;
      continue;
    }
    if (c == '&') {
      static const std::pair<std::string_view, std::string_view> entities[] = {
          {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&nbsp;", " "}};
      bool done = false;
      for (const auto& [e, v] : entities)
        if (html.compare(k, e.size(), e) == 0) {
          out += v;
          k += e.size() - 1;
          done = true;
          break;
        }
      if (done) continue;
    }
    out += c;
  }
  return out;
}

}  // namespace lx::core
