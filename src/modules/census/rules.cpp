#include "modules/census/rules.hpp"

#include "core/ids.hpp"
#include "core/text.hpp"

namespace lx::census {
namespace {

constexpr std::size_t kMaxName = 200;   // code points
constexpr std::size_t kMaxText = 500;
constexpr std::int64_t kMaxCount = 10'000'000;

struct Label {
  std::string_view field, label;
};
constexpr Label kLabels[] = {
    {"name", "组织名称"},
    {"uscc", "统一社会信用代码"},
    {"kind", "组织类别"},
    {"sub_kind", "组织类型"},
    {"industry", "所属行业"},
    {"area_id", "所在街道（社区）"},
    {"address", "地址"},
    {"registered_on", "成立日期"},
    {"closed_on", "注销日期"},
    {"operating_status", "经营状态"},
    {"workforce", "从业人员数"},
    {"declared_members", "党员数"},
    {"above_scale", "是否规模以上"},
    {"principal", "出资人（负责人）"},
    {"principal_is_member", "出资人是否党员"},
    {"no_party_org_reason", "未建党组织原因"},
    {"contact_name", "联系人"},
    {"contact_phone", "联系电话"},
    {"verified_on", "核实日期"},
};

std::string label(std::string_view field) { return std::string(field_label(field)); }

Error field_error(std::string_view field, const std::string& message, std::string code = "invalid_value") {
  return make_error(std::move(code), message, std::string(field));
}

// Lower-case ASCII of a width-normalised, trimmed cell.
std::string folded(std::string_view text) {
  std::string s = core::normalize_cell(text);
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

std::optional<std::string> find_choice(const std::vector<Choice>& list, std::string_view text) {
  const std::string s = folded(text);
  for (const auto& c : list)
    if (s == c.code || s == c.name) return std::string(c.code);
  return std::nullopt;
}

std::string_view name_of(const std::vector<Choice>& list, std::string_view code) {
  for (const auto& c : list)
    if (c.code == code) return c.name;
  return {};
}

// A free-text field: trimmed; empty becomes null; too long is an error.
void text_field(std::string_view field, const Patch<std::string>& in, std::optional<std::string>& out,
                std::size_t max_chars, std::vector<Error>& errors) {
  if (!in.given) return;
  if (!in.value) {
    out.reset();
    return;
  }
  std::string v = core::trim(*in.value);
  if (core::utf8_length(v) > max_chars) {
    errors.push_back(field_error(field, label(field) + "过长（最多" + std::to_string(max_chars) + "个字）"));
    return;
  }
  if (v.empty()) out.reset();
  else out = std::move(v);
}

// A date field in any accepted spelling, stored as YYYY-MM-DD, never after today.
void date_field(std::string_view field, const Patch<std::string>& in, std::optional<std::string>& out,
                core::Date today, std::vector<Error>& errors) {
  if (!in.given) return;
  if (!in.value || core::trim(*in.value).empty()) {
    out.reset();
    return;
  }
  auto d = core::parse_date(*in.value);
  if (!d) {
    errors.push_back(field_error(field, label(field) + "：" + d.error().message, "invalid_date"));
    return;
  }
  if (*d > today) {
    errors.push_back(field_error(field, label(field) + "不能晚于今天", "invalid_date"));
    return;
  }
  out = core::to_iso(*d);
}

void count_field(std::string_view field, const Patch<std::int64_t>& in, std::optional<std::int64_t>& out,
                 std::vector<Error>& errors) {
  if (!in.given) return;
  if (in.value && (*in.value < 0 || *in.value > kMaxCount)) {
    errors.push_back(field_error(field, label(field) + "应为不小于0的整数"));
    return;
  }
  out = in.value;
}

}  // namespace

const std::vector<Choice>& kinds() {
  static const std::vector<Choice> v = {
      {"enterprise", "非公企业"}, {"social", "社会组织"}, {"gig_site", "新就业群体网点"}};
  return v;
}

std::optional<std::string> parse_kind(std::string_view text) {
  if (auto k = find_choice(kinds(), text)) return k;
  const std::string s = folded(text);
  if (s == "非公有制企业" || s == "新经济组织" || s == "企业") return "enterprise";
  if (s == "新社会组织") return "social";
  if (s == "新就业群体" || s == "新就业群体网点（站点）") return "gig_site";
  return std::nullopt;
}

std::string_view kind_name(std::string_view code) { return name_of(kinds(), code); }

const std::vector<SubKind>& sub_kinds() {
  static const std::vector<SubKind> v = {
      {"私营企业", "enterprise"},       {"外商投资企业", "enterprise"},   {"港澳台投资企业", "enterprise"},
      {"个体工商户", "enterprise"},     {"农民专业合作社", "enterprise"}, {"其他企业", "enterprise"},
      {"社会团体", "social"},           {"行业协会商会", "social"},       {"民办非企业单位", "social"},
      {"社会服务机构", "social"},       {"基金会", "social"},             {"其他社会组织", "social"},
      {"快递网点", "gig_site"},         {"外卖配送站点", "gig_site"},     {"网约车服务站点", "gig_site"},
      {"货运物流站点", "gig_site"},     {"其他新就业群体网点", "gig_site"},
  };
  return v;
}

const std::vector<Choice>& industries() {
  static const std::vector<Choice> v = {
      {"A", "农、林、牧、渔业"},
      {"B", "采矿业"},
      {"C", "制造业"},
      {"D", "电力、热力、燃气及水生产和供应业"},
      {"E", "建筑业"},
      {"F", "批发和零售业"},
      {"G", "交通运输、仓储和邮政业"},
      {"H", "住宿和餐饮业"},
      {"I", "信息传输、软件和信息技术服务业"},
      {"J", "金融业"},
      {"K", "房地产业"},
      {"L", "租赁和商务服务业"},
      {"M", "科学研究和技术服务业"},
      {"N", "水利、环境和公共设施管理业"},
      {"O", "居民服务、修理和其他服务业"},
      {"P", "教育"},
      {"Q", "卫生和社会工作"},
      {"R", "文化、体育和娱乐业"},
      {"S", "公共管理、社会保障和社会组织"},
      {"T", "国际组织"},
  };
  return v;
}

std::optional<std::string> parse_industry(std::string_view text) {
  std::string s = core::normalize_cell(text);
  // Commas typed for the enumeration comma (农,林,牧,渔业) count as 、.
  std::string t;
  for (char c : s) {
    if (c == ',') t += "、";
    else if (c != ' ') t += c;
  }
  if (t.size() == 1 && ((t[0] >= 'A' && t[0] <= 'T') || (t[0] >= 'a' && t[0] <= 't')))
    return std::string(1, static_cast<char>(t[0] & ~0x20));
  for (const auto& c : industries()) {
    if (t == c.name) return std::string(c.code);
    // "C制造业", "C 制造业" (spaces already dropped)
    if (t.size() == c.name.size() + 1 && (t[0] == c.code[0] || t[0] == (c.code[0] | 0x20)) &&
        std::string_view(t).substr(1) == c.name)
      return std::string(c.code);
  }
  return std::nullopt;
}

std::string_view industry_name(std::string_view letter) { return name_of(industries(), letter); }

const std::vector<Choice>& operating_statuses() {
  static const std::vector<Choice> v = {{"normal", "正常"}, {"suspended", "停业"}, {"closed", "注销"}};
  return v;
}

std::optional<std::string> parse_operating_status(std::string_view text) {
  if (auto s = find_choice(operating_statuses(), text)) return s;
  const std::string s = folded(text);
  if (s == "存续" || s == "在业" || s == "开业" || s == "正常经营") return "normal";
  if (s == "歇业") return "suspended";
  if (s == "吊销" || s == "已注销") return "closed";
  return std::nullopt;
}

std::string_view operating_status_name(std::string_view code) { return name_of(operating_statuses(), code); }

std::string_view field_label(std::string_view field) {
  for (const auto& l : kLabels)
    if (l.field == field) return l.label;
  return field;
}

std::vector<Error> apply_org_input(Org& org, const OrgInput& in, core::Date today) {
  std::vector<Error> errors;
  if (in.name.given) {
    std::string v = in.name.value ? core::trim(*in.name.value) : std::string();
    if (v.empty()) errors.push_back(field_error("name", "组织名称不能为空", "missing_field"));
    else if (core::utf8_length(v) > kMaxName)
      errors.push_back(field_error("name", "组织名称过长（最多" + std::to_string(kMaxName) + "个字）"));
    else org.name = std::move(v);
  }
  if (in.uscc.given) {
    if (!in.uscc.value || core::trim(*in.uscc.value).empty()) {
      errors.push_back(field_error("uscc", "统一社会信用代码不能为空", "missing_field"));
    } else if (auto code = core::check_credit_code(*in.uscc.value)) {  // R-ID-2
      org.uscc = *code;
    } else {
      errors.push_back(field_error("uscc", code.error().message, code.error().code));
    }
  }
  if (in.kind.given) {
    auto k = in.kind.value ? parse_kind(*in.kind.value) : std::nullopt;
    if (!in.kind.value || core::trim(*in.kind.value).empty())
      errors.push_back(field_error("kind", "组织类别不能为空", "missing_field"));
    else if (!k) errors.push_back(field_error("kind", "组织类别应为 非公企业、社会组织 或 新就业群体网点"));
    else org.kind = *k;
  }
  if (in.sub_kind.given) {
    std::string v = in.sub_kind.value ? core::normalize_cell(*in.sub_kind.value) : std::string();
    if (v.empty()) {
      org.sub_kind.reset();
    } else {
      bool known = false;
      for (const auto& s : sub_kinds()) known = known || s.name == v;
      if (!known) errors.push_back(field_error("sub_kind", "组织类型“" + v + "”不在字典中（如 私营企业、社会团体、基金会）"));
      else org.sub_kind = v;
    }
  }
  if (in.industry.given) {
    if (!in.industry.value || core::trim(*in.industry.value).empty()) org.industry.reset();
    else if (auto i = parse_industry(*in.industry.value)) org.industry = *i;
    else errors.push_back(field_error("industry", "所属行业应为国民经济行业分类（GB/T 4754）门类字母A–T或门类名称"));
  }
  if (in.area_id.given) {
    if (!in.area_id.value) errors.push_back(field_error("area_id", "所在街道（社区）不能为空", "missing_field"));
    else org.area_id = *in.area_id.value;
  }
  text_field("address", in.address, org.address, kMaxText, errors);
  date_field("registered_on", in.registered_on, org.registered_on, today, errors);
  date_field("closed_on", in.closed_on, org.closed_on, today, errors);
  date_field("verified_on", in.verified_on, org.verified_on, today, errors);
  if (in.operating_status.given) {
    auto s = in.operating_status.value ? parse_operating_status(*in.operating_status.value) : std::nullopt;
    if (!in.operating_status.value || core::trim(*in.operating_status.value).empty()) org.operating_status = "normal";
    else if (!s) errors.push_back(field_error("operating_status", "经营状态应为 正常、停业 或 注销"));
    else org.operating_status = *s;
  }
  count_field("workforce", in.workforce, org.workforce, errors);
  count_field("declared_members", in.declared_members, org.declared_members, errors);
  if (in.above_scale.given) org.above_scale = in.above_scale.value.value_or(false);
  text_field("principal", in.principal, org.principal, 100, errors);
  if (in.principal_is_member.given) org.principal_is_member = in.principal_is_member.value;
  text_field("no_party_org_reason", in.no_party_org_reason, org.no_party_org_reason, kMaxText, errors);
  text_field("contact_name", in.contact_name, org.contact_name, 100, errors);
  if (in.contact_phone.given) {
    if (!in.contact_phone.value || core::trim(*in.contact_phone.value).empty()) {
      org.contact_phone.reset();
      org.contact_phone_enc.reset();
      org.contact_phone_hash.reset();
      org.contact_phone_mask.reset();
    } else if (auto p = core::check_contact_phone(*in.contact_phone.value)) {  // R-ID-3
      org.contact_phone = *p;
      org.contact_phone_mask = core::mask_phone(*p);  // R-ID-4
    } else {
      errors.push_back(field_error("contact_phone", p.error().message, p.error().code));
    }
  }
  if (!errors.empty()) return errors;

  // The record as a whole.
  if (org.name.empty()) errors.push_back(field_error("name", "组织名称不能为空", "missing_field"));
  if (org.uscc.empty()) errors.push_back(field_error("uscc", "统一社会信用代码不能为空", "missing_field"));
  if (org.kind.empty()) errors.push_back(field_error("kind", "组织类别不能为空", "missing_field"));
  if (org.area_id <= 0) errors.push_back(field_error("area_id", "所在街道（社区）不能为空", "missing_field"));
  if (org.sub_kind && !org.kind.empty()) {
    for (const auto& s : sub_kinds())
      if (s.name == *org.sub_kind && s.kind != org.kind)
        errors.push_back(field_error("sub_kind", "组织类型“" + *org.sub_kind + "”不属于组织类别“" +
                                                     std::string(kind_name(org.kind)) + "”"));
  }
  if (org.workforce && org.declared_members && *org.declared_members > *org.workforce)
    errors.push_back(field_error("declared_members", "党员数不能大于从业人员数"));
  if (org.operating_status == "closed" && !org.closed_on)
    errors.push_back(field_error("closed_on", "经营状态为注销时须填写注销日期", "missing_field"));
  if (org.operating_status != "closed" && org.closed_on)
    errors.push_back(field_error("closed_on", "只有经营状态为注销的组织才填写注销日期"));
  if (org.closed_on && org.registered_on && *org.closed_on < *org.registered_on)
    errors.push_back(field_error("closed_on", "注销日期不能早于成立日期"));
  if (org.verified_on && org.registered_on && *org.verified_on < *org.registered_on)
    errors.push_back(field_error("verified_on", "核实日期不能早于成立日期"));
  return errors;
}

FiveClear five_clear(const Org& org, bool covered) {  // R-CEN-1
  FiveClear f;
  if (org.operating_status.empty()) f.missing.push_back("operating_status");
  if (!org.workforce) f.missing.push_back("workforce");
  if (!org.declared_members) f.missing.push_back("declared_members");
  if (!org.principal) f.missing.push_back("principal");
  if (!org.principal_is_member) f.missing.push_back("principal_is_member");
  if (!covered && !org.no_party_org_reason) f.missing.push_back("no_party_org_reason");
  f.complete = f.missing.empty();
  return f;
}

core::Date stale_cutoff(core::Date today, int months) { return core::add_months(today, -months); }  // R-CEN-2

bool is_stale(const Org& org, core::Date today, int months) {  // R-CEN-2
  if (org.operating_status == "closed") return false;
  if (!org.verified_on) return true;
  return *org.verified_on < core::to_iso(stale_cutoff(today, months));
}

std::string_view colour(bool covered, bool work_contact) {  // R-CEN-4
  if (covered) return "red";
  return work_contact ? "yellow" : "blue";
}

}  // namespace lx::census
