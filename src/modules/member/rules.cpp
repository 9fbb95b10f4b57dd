// Pure member rules; see rules.hpp.
#include "modules/member/rules.hpp"

#include <utility>

#include "core/text.hpp"

namespace lx::member {
namespace {

std::string clean(std::string_view raw) { return core::normalize_cell(raw); }

template <std::size_t N>
std::optional<std::string> lookup(std::string_view raw, const std::pair<const char*, const char*> (&table)[N]) {
  const std::string v = clean(raw);
  for (const auto& [spelling, code] : table)
    if (v == spelling) return std::string(code);
  return std::nullopt;
}

const std::pair<const char*, const char*> kEducation[] = {
    {"postgraduate", "postgraduate"}, {"研究生", "postgraduate"}, {"博士", "postgraduate"},
    {"博士研究生", "postgraduate"},   {"硕士", "postgraduate"},   {"硕士研究生", "postgraduate"},
    {"研究生及以上", "postgraduate"}, {"bachelor", "bachelor"},   {"大学本科", "bachelor"},
    {"本科", "bachelor"},             {"大学", "bachelor"},       {"college", "college"},
    {"大专", "college"},              {"大学专科", "college"},    {"专科", "college"},
    {"高职", "college"},              {"secondary", "secondary"}, {"中专/高中", "secondary"},
    {"中专", "secondary"},            {"高中", "secondary"},      {"中技", "secondary"},
    {"技校", "secondary"},            {"职高", "secondary"},      {"中专及高中", "secondary"},
    {"junior", "junior"},             {"初中及以下", "junior"},   {"初中", "junior"},
    {"小学", "junior"},
};

const std::pair<const char*, const char*> kStatus[] = {
    {"full", "full"}, {"正式党员", "full"}, {"正式", "full"},
    {"probationary", "probationary"}, {"预备党员", "probationary"}, {"预备", "probationary"},
};

const std::pair<const char*, const char*> kEndReasons[] = {
    {"deceased", "deceased"}, {"去世", "deceased"},   {"死亡", "deceased"},     {"left", "left"},
    {"退党", "left"},         {"出党", "left"},       {"自行脱党", "left"},     {"expelled", "expelled"},
    {"开除党籍", "expelled"}, {"cancelled", "cancelled"}, {"取消预备党员资格", "cancelled"},
};

}  // namespace

const std::vector<std::string>& ethnicities() {
  static const std::vector<std::string> list = {
      "汉族",     "蒙古族", "回族",   "藏族",   "维吾尔族", "苗族",   "彝族",   "壮族",     "布依族", "朝鲜族",
      "满族",     "侗族",   "瑶族",   "白族",   "土家族",   "哈尼族", "哈萨克族", "傣族",   "黎族",   "傈僳族",
      "佤族",     "畲族",   "高山族", "拉祜族", "水族",     "东乡族", "纳西族", "景颇族",   "柯尔克孜族", "土族",
      "达斡尔族", "仫佬族", "羌族",   "布朗族", "撒拉族",   "毛南族", "仡佬族", "锡伯族",   "阿昌族", "普米族",
      "塔吉克族", "怒族",   "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族",
      "独龙族",   "鄂伦春族", "赫哲族", "门巴族", "珞巴族",   "基诺族",
  };
  return list;
}

std::optional<std::string> parse_ethnicity(std::string_view raw) {
  const std::string v = clean(raw);
  if (v.empty()) return std::nullopt;
  for (const auto& e : ethnicities())
    if (v == e || v + "族" == e) return e;
  return std::nullopt;
}

std::optional<std::string> parse_education(std::string_view raw) { return lookup(raw, kEducation); }

std::string_view education_name(std::string_view code) {
  if (code == "postgraduate") return "研究生";
  if (code == "bachelor") return "大学本科";
  if (code == "college") return "大专";
  if (code == "secondary") return "中专/高中";
  if (code == "junior") return "初中及以下";
  return "";
}

const std::vector<std::string>& education_codes() {
  static const std::vector<std::string> codes = {"postgraduate", "bachelor", "college", "secondary", "junior"};
  return codes;
}

std::optional<std::string> parse_gender(std::string_view raw) {
  const std::string v = clean(raw);
  if (v == "男" || v == "male") return std::string("male");
  if (v == "女" || v == "female") return std::string("female");
  return std::nullopt;
}

std::string_view gender_code(core::Gender g) { return g == core::Gender::male ? "male" : "female"; }
std::string_view gender_name(std::string_view code) { return code == "male" ? "男" : code == "female" ? "女" : ""; }

std::optional<std::string> parse_status(std::string_view raw) { return lookup(raw, kStatus); }
std::string_view status_name(std::string_view code) {
  return code == "full" ? "正式党员" : code == "probationary" ? "预备党员" : "";
}

std::optional<std::string> parse_end_reason(std::string_view raw) { return lookup(raw, kEndReasons); }

std::string_view end_reason_name(std::string_view code) {
  if (code == "deceased") return "去世";
  if (code == "left") return "退党、出党";
  if (code == "expelled") return "开除党籍";
  if (code == "cancelled") return "取消预备党员资格";
  if (code == "transfer") return "转出至系统内党组织";
  if (code == "transfer_out") return "转出至系统外";
  return "";
}

Result<core::IdNumberInfo> check_person_identity(std::string_view id_number,
                                                 const std::optional<std::string>& gender,
                                                 const std::optional<core::Date>& birth_date, core::Date today) {
  auto info = core::check_id_number(id_number, today);  // R-ID-1
  if (!info) return make_error(info.error().code, info.error().message, "id_number");
  // R-ID-1: gender (odd 17th digit = male) and birth date come from the number.
  if (gender && *gender != gender_code(info->gender))
    return make_error("id_mismatch",
                      "性别与身份证号不符：身份证号表明为" + std::string(gender_name(gender_code(info->gender))) +
                          "，填写的是" + std::string(gender_name(*gender)),
                      "gender");
  if (birth_date && *birth_date != info->birth_date)
    return make_error("id_mismatch",
                      "出生日期与身份证号不符：身份证号表明为" + core::to_chinese(info->birth_date) + "，填写的是" +
                          core::to_chinese(*birth_date),
                      "birth_date");
  return info;
}

core::Date latest_birth_for_age(core::Date on, int age) {
  core::Date b = core::add_years(on, -age);
  // Feb 29 births reach a birthday on Feb 28 of a common year (core::age_on).
  while (core::age_on(core::add_days(b, 1), on) >= age) b = core::add_days(b, 1);
  while (core::age_on(b, on) < age) b = core::add_days(b, -1);
  return b;
}

const std::vector<std::string>& age_bands() {
  static const std::vector<std::string> bands = {"le35", "36_45", "46_55", "56_60", "61_plus"};
  return bands;
}

std::optional<BirthRange> age_band_range(std::string_view band, core::Date on) {
  const auto at_least = [on](int age) { return latest_birth_for_age(on, age); };
  if (band == "le35") return BirthRange{at_least(36), std::nullopt};
  if (band == "36_45") return BirthRange{at_least(46), at_least(36)};
  if (band == "46_55") return BirthRange{at_least(56), at_least(46)};
  if (band == "56_60") return BirthRange{at_least(61), at_least(56)};
  if (band == "61_plus") return BirthRange{std::nullopt, at_least(61)};
  return std::nullopt;
}

}  // namespace lx::member
