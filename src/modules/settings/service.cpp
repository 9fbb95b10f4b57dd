#include "modules/settings/service.hpp"

#include <charconv>
#include <stdexcept>

#include "modules/settings/repo.hpp"

namespace lx::settings {
namespace {

std::optional<std::int64_t> parse(const std::string& text, const Definition& d) {
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || p != text.data() + text.size() || v < d.min || v > d.max) return std::nullopt;
  return v;
}

}  // namespace

const std::vector<Definition>& definitions() {
  static const std::vector<Definition> defs = {
      {"census.stale_months", 3, 1, 24, "R-CEN-2", "两新组织底数核实有效期（月），超过即为待核实"},
      {"org.term_years_committee", 5, 3, 5, "R-ORG-5", "基层党委每届任期（年）"},
      {"org.term_years_branch", 3, 3, 5, "R-ORG-5", "党总支、党支部每届任期（年）"},
      {"org.term_years_community", 5, 3, 5, "R-ORG-5", "村、社区党组织每届任期（年）"},
      {"org.term_warning_days", 90, 1, 366, "R-ORG-5", "任期届满前提醒换届的天数"},
      {"life.general_assembly_per_quarter", 1, 1, 12, "R-LIFE-1", "支部党员大会：每季度至少次数"},
      {"life.committee_meeting_per_month", 1, 1, 10, "R-LIFE-2", "支部委员会：每月至少次数"},
      {"life.group_meeting_per_month", 1, 1, 10, "R-LIFE-3", "党小组会：每月至少次数"},
      {"life.party_lesson_per_quarter", 1, 1, 12, "R-LIFE-4", "党课：每季度至少次数"},
      {"life.secretary_lesson_per_year", 1, 1, 12, "R-LIFE-4", "书记讲党课：每年至少次数"},
      {"life.theme_day_per_month", 1, 1, 10, "R-LIFE-5", "主题党日：每月至少次数"},
      {"life.life_meeting_per_year", 1, 1, 12, "R-LIFE-6", "组织生活会：每年至少次数"},
      {"life.member_review_per_year", 1, 1, 12, "R-LIFE-7", "民主评议党员：每年至少次数"},
      {"life.heart_talk_per_year", 1, 1, 12, "R-LIFE-8", "谈心谈话：每年至少次数"},
      {"transfer.overdue_days", 30, 1, 365, "", "组织关系转接超过此天数未办结即为逾期"},
      {"checkin.monthly_minimum", 1, 1, 31, "", "党员网上报到：每月至少次数"},
  };
  return defs;
}

const Definition* find_definition(std::string_view key) {
  for (const auto& d : definitions())
    if (d.key == key) return &d;
  return nullptr;
}

std::int64_t get_int(db::Connection& c, std::string_view key) {
  const Definition* d = find_definition(key);
  if (!d) throw std::logic_error("unknown setting " + std::string(key));
  auto stored = repo::get(c, std::string(key));
  if (!stored) return d->default_value;
  return parse(stored->value, *d).value_or(d->default_value);
}

std::vector<Setting> list(db::Connection& c) {
  auto stored = repo::all(c);
  std::vector<Setting> out;
  for (const auto& d : definitions()) {
    Setting s{&d, d.default_value, true, std::nullopt};
    if (auto it = stored.find(std::string(d.key)); it != stored.end()) {
      if (auto v = parse(it->second.value, d)) {
        s.value = *v;
        s.is_default = false;
        s.updated_at = it->second.updated_at;
      }
    }
    out.push_back(s);
  }
  return out;
}

Result<Setting> set_int(db::Connection& c, std::string_view key, std::int64_t value) {
  const Definition* d = find_definition(key);
  if (!d) return make_error("not_found", "设置项不存在", "", 404);
  if (value < d->min || value > d->max)
    return make_error("out_of_range",
                      std::string(d->description) + " 应在 " + std::to_string(d->min) + " 到 " +
                          std::to_string(d->max) + " 之间",
                      "value");
  repo::put(c, std::string(key), std::to_string(value));
  for (auto& s : list(c))
    if (s.def == d) return s;
  return make_error("internal", "设置保存失败", "", 500);
}

}  // namespace lx::settings
