// Pure rules of the member module (RULES.md R-ID-1, R-ID-4 via core/ids):
// the 56 ethnic groups, education levels (STATS.md bands), genders, how a
// membership ends, what the ID number says against what was entered, and the
// birth-date cut-offs of the age bands STATS.md counts. No I/O.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dates.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"

namespace lx::member {

// The 56 ethnic groups of China, 汉族 first, as they are written on ID cards' 民族 line + "族".
const std::vector<std::string>& ethnicities();
// The name of one of the 56 ("汉" and "汉族" both give "汉族"); nullopt otherwise.
std::optional<std::string> parse_ethnicity(std::string_view raw);

// Education, in the bands of STATS.md: postgraduate (研究生), bachelor
// (大学本科), college (大专), secondary (中专/高中), junior (初中及以下).
// Accepts the codes, those names and common spellings (博士, 硕士, 本科, 专科, 高中, 中专, 初中, 小学, …).
std::optional<std::string> parse_education(std::string_view raw);
std::string_view education_name(std::string_view code);
// Every education code, highest first.
const std::vector<std::string>& education_codes();

// male / female from "男"/"女" or the code; nullopt otherwise.
std::optional<std::string> parse_gender(std::string_view raw);
std::string_view gender_code(core::Gender g);
std::string_view gender_name(std::string_view code);

// probationary / full from "预备党员"/"正式党员" (or 预备/正式) or the code.
std::optional<std::string> parse_status(std::string_view raw);
std::string_view status_name(std::string_view code);

// How a membership ends when it is ended by hand: deceased (去世), left
// (退党/出党), expelled (开除党籍), cancelled (取消预备党员资格). Transfers end
// memberships with transfer / transfer_out themselves.
std::optional<std::string> parse_end_reason(std::string_view raw);
std::string_view end_reason_name(std::string_view code);

// R-ID-1: checks the ID number and, when the gender or birth date were
// entered as well, that they agree with what the number encodes. The error
// names the field that disagrees ("gender" / "birth_date") with both values.
Result<core::IdNumberInfo> check_person_identity(std::string_view id_number,
                                                 const std::optional<std::string>& gender,
                                                 const std::optional<core::Date>& birth_date, core::Date today);

// The latest birth date of someone aged at least `age` on `on` (core::age_on):
// age_on(b, on) >= age exactly when b <= the answer. Age bands are birth-date
// ranges, so the database compares dates and never computes ages.
core::Date latest_birth_for_age(core::Date on, int age);

// Age bands of STATS.md: le35, 36_45, 46_55, 56_60, 61_plus.
const std::vector<std::string>& age_bands();
// The birth-date range [lo, hi] of a band on `on` (either end open when
// nullopt); nullopt for an unknown band.
struct BirthRange {
  std::optional<core::Date> born_after;     // exclusive
  std::optional<core::Date> born_on_or_before;
};
std::optional<BirthRange> age_band_range(std::string_view band, core::Date on);

}  // namespace lx::member
