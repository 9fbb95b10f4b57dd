// A forward-only XML tokenizer for the large parts of an xlsx (worksheets and
// shared strings), which can be hundreds of megabytes: a DOM would need about
// ten times that in memory, this needs only what the caller keeps. The small
// parts (workbook, relationships, styles) are read with pugixml.
// Internal to io/. It checks that tags nest and match, decodes the five
// predefined entities and character references, skips comments and
// processing instructions, and refuses DTDs (no entity expansion at all).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace lx::io {

class XmlScanner {
 public:
  enum class Token { start, end, text, done, error };

  explicit XmlScanner(std::string_view doc) : doc_(doc) {}

  // Advances to the next token. A self-closing tag gives `start` then `end`.
  // After `done` or `error`, keeps returning the same token.
  Token next();

  // The local name (namespace prefix dropped) of the element of the last
  // `start` or `end` token.
  std::string_view name() const { return name_; }

  // For a `start` token: sets `out` to the decoded value of the attribute
  // with local name `local` and returns true, or returns false if absent.
  bool attr(std::string_view local, std::string& out) const;

  // For a `text` token: the decoded character data (CDATA included as is).
  const std::string& text() const { return text_; }

  // For an `error` token: what is wrong, in Chinese, with the byte offset.
  const std::string& error() const { return error_; }

  // Number of elements open after the last token.
  std::size_t depth() const { return stack_.size(); }

 private:
  Token fail(std::string what);
  Token start_tag();
  Token end_tag();
  bool decode(std::string_view raw, std::string& out, std::string& why) const;

  std::string_view doc_;
  std::size_t pos_ = 0;
  std::vector<std::string_view> stack_;  // qualified names of open elements
  std::vector<std::pair<std::string_view, std::string_view>> attrs_;  // local name, raw value
  std::string_view name_;
  std::string text_;
  std::string error_;
  bool pending_end_ = false;  // a self-closing tag still owes its `end`
  bool seen_root_ = false;
  Token last_ = Token::text;
};

// Returns the local part of a qualified XML name: "x:row" -> "row".
std::string_view xml_local_name(std::string_view qname);

// Returns `s` with the OOXML escapes "_xHHHH_" turned into the character
// they stand for ("_x000D_" -> "\r"); "_x005F_" escapes a literal '_'.
std::string decode_ooxml_escapes(std::string_view s);

}  // namespace lx::io
