// Identity numbers and phone numbers (RULES.md R-ID-1..4): resident ID
// numbers, unified social credit codes, mobile and landline numbers, and
// how ID numbers and phones are masked for display. Every check normalises
// first (trim, full-width to half-width, upper case) and reports a Chinese
// message; what it returns is the normalised form to store.
#pragma once
#include <string>
#include <string_view>

#include "core/dates.hpp"
#include "core/result.hpp"

namespace lx::core {

enum class Gender { male, female };

// A checked resident ID number and what it says about its holder.
struct IdNumberInfo {
  std::string id;  // normalised: 18 ASCII characters, upper-case X
  Gender gender = Gender::male;
  Date birth_date;
};

// R-ID-1: returns the normalised ID number with the gender (odd 17th digit =
// male) and birth date it encodes, or an `invalid_id_number` error: wrong
// length or characters, bad checksum, birth date not real or after `today`,
// or a number Excel stored as a number and so truncated.
Result<IdNumberInfo> check_id_number(std::string_view raw, Date today);

// R-ID-1 with `today` = today_shanghai().
Result<IdNumberInfo> check_id_number(std::string_view raw);

// R-ID-1: returns the check character (one of "10X98765432") for the first
// 17 digits of an ID number; '?' if `first17` is not 17 ASCII digits.
char id_number_check_char(std::string_view first17);

// R-ID-2: returns the normalised (upper-case, half-width) unified social
// credit code, or an `invalid_credit_code` error: wrong length, a character
// outside 0-9/A-Z without I O S V Z, or a bad checksum.
Result<std::string> check_credit_code(std::string_view raw);

// R-ID-2: returns the check character for the first 17 characters of a credit
// code; '?' if they are not 17 characters of the code alphabet.
char credit_code_check_char(std::string_view first17);

// R-ID-3: returns the 11-digit mainland mobile number (spaces and hyphens
// between digits and a +86/0086 prefix dropped), or an `invalid_mobile` error.
Result<std::string> check_mobile(std::string_view raw);

// Returns a landline number as "area-local[-ext]" (e.g. "0571-8888888",
// "021-12345678-801"), or an `invalid_phone` error. The area code (010, 02x,
// or 0[3-9]xx), optionally in parentheses, may be followed by '-', a space or
// nothing;
// the local number has 7 or 8 digits, not starting with 0; an extension
// may follow after '-', '转', '#', "ext" or "分机". A number without area code
// is refused.
Result<std::string> check_landline(std::string_view raw);

// R-ID-3: returns a contact phone: a mobile (check_mobile) or else a landline
// (check_landline); an `invalid_phone` error if it is neither.
Result<std::string> check_contact_phone(std::string_view raw);

// R-ID-4: returns the ID number with all but the first 6 and last 4
// characters replaced by '*' ("110105********002X"); all '*' if 10 or fewer.
std::string mask_id_number(std::string_view id);

// R-ID-4: returns the phone with all but the first 3 and last 4 characters
// replaced by '*' ("138****5678"); all '*' if 7 or fewer.
std::string mask_phone(std::string_view phone);

}  // namespace lx::core
