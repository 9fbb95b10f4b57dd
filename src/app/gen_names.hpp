// What the data generator (liangxin gen) calls people, places and orgs, and
// the identifiers it gives them: Chinese names drawn from a surname
// frequency table, street and community names, org names by kind and trade,
// mobile and landline numbers, unified social credit codes (R-ID-2, with the
// GB 11714 organisation code check inside) and resident ID numbers (R-ID-1).
// Everything is drawn from an Rng, so a seed gives the same names.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "app/gen_random.hpp"
#include "core/dates.hpp"

namespace lx::app::gen {

// A person's name: surname by its frequency in China (王, 李, 张 … a few
// compound ones), given name of one or two characters fitting the gender.
std::string person_name(Rng& r, bool male);

// A place stem of two characters (东湖, 西城, 金桥 …) for districts, streets,
// communities, roads and business parks.
std::string place_stem(Rng& r);

// An org's name for its kind (enterprise / social / gig_site), sub-kind
// (TEMPLATES.md 组织类型), industry letter and the city it is registered in.
std::string org_name(Rng& r, std::string_view kind, std::string_view sub_kind, std::string_view industry,
                     std::string_view city);

// An org's street address: road, number, sometimes a floor.
std::string address(Rng& r, std::string_view street);

// A mainland mobile number (R-ID-3): 11 digits from a real prefix.
std::string mobile(Rng& r);

// A landline "0xxx-xxxxxxx(x)" of the given area code (e.g. "0571").
std::string landline(Rng& r, std::string_view area_code);

// R-ID-2: the unified social credit code of registration authority `authority`
// ('9' market regulation, '5' civil affairs), type `type` ('1', '2', '3'), the
// 6-digit division code and a unique serial (< 10^8; each serial gives a
// different organisation code), with both check characters.
std::string credit_code(char authority, char type, std::string_view division, std::uint64_t serial);

// R-ID-1: the resident ID number of someone born on `birth` in division
// `birthplace` (6 digits) with sequence number `seq` (0..499; the gender
// digit makes it odd for men), with its check character.
std::string id_number(std::string_view birthplace, core::Date birth, int seq, bool male);

// A 6-digit division code where people are born (weighted to the east).
std::string birthplace(Rng& r);

// An ethnic group (56 names, member/rules.cpp), weighted as in the census.
std::string ethnicity(Rng& r);

}  // namespace lx::app::gen
