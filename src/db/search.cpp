#include "db/search.hpp"

namespace lx::db {
namespace {

std::size_t utf8_chars(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char ch : s) n += (ch & 0xC0) != 0x80;
  return n;
}

}  // namespace

SqlFilter contains_filter(Backend b, const std::string& alias, const std::string& column, const std::string& fts_table,
                          const std::string& term) {
  const std::string col = alias + "." + column;
  if (b == Backend::postgresql) {
    std::string escaped;
    for (char ch : term) {
      if (ch == '%' || ch == '_' || ch == '\\') escaped += '\\';
      escaped += ch;
    }
    return {col + " LIKE ? ESCAPE '\\'", {"%" + escaped + "%"}};
  }
  if (utf8_chars(term) < 3 || fts_table.empty()) return {"instr(" + col + ", ?) > 0", {term}};
  // An FTS5 string literal: the term in double quotes, inner quotes doubled.
  std::string phrase = "\"";
  for (char ch : term) phrase += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  phrase += "\"";
  return {alias + ".id IN (SELECT rowid FROM " + fts_table + " WHERE " + fts_table + " MATCH ?)", {phrase}};
}

}  // namespace lx::db
