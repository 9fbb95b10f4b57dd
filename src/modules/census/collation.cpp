#include "modules/census/collation.hpp"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <memory>
#include <stdexcept>
#include <vector>

namespace lx::census {
namespace {

// One collator per thread: icu::Collator is not safe to share for writing.
icu::Collator& collator() {
  thread_local std::unique_ptr<icu::Collator> c = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> made(icu::Collator::createInstance(icu::Locale("zh@collation=pinyin"), status));
    if (U_FAILURE(status) || !made) throw std::runtime_error("ICU: cannot create the zh pinyin collator");
    return made;
  }();
  return *c;
}

}  // namespace

std::string pinyin_sort_key(std::string_view name) {
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  std::vector<uint8_t> key(64 + 8 * static_cast<std::size_t>(u.length()));
  int32_t n = collator().getSortKey(u, key.data(), static_cast<int32_t>(key.size()));
  if (n > static_cast<int32_t>(key.size())) {
    key.resize(static_cast<std::size_t>(n));
    n = collator().getSortKey(u, key.data(), n);
  }
  static const char hex[] = "0123456789abcdef";
  std::string out;
  // The key ends with a 0 byte that adds nothing to the order.
  for (int32_t k = 0; k < n && key[static_cast<std::size_t>(k)] != 0; ++k) {
    out += hex[key[static_cast<std::size_t>(k)] >> 4];
    out += hex[key[static_cast<std::size_t>(k)] & 15];
  }
  return out;
}

int pinyin_compare(std::string_view a, std::string_view b) {
  UErrorCode status = U_ZERO_ERROR;
  auto r = collator().compareUTF8(icu::StringPiece(a.data(), static_cast<int32_t>(a.size())),
                                  icu::StringPiece(b.data(), static_cast<int32_t>(b.size())), status);
  return r == UCOL_LESS ? -1 : r == UCOL_GREATER ? 1 : 0;
}

}  // namespace lx::census
