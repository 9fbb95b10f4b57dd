#include "app/demo_life.hpp"

#include <stdexcept>

#include "core/dates.hpp"
#include "core/time.hpp"
#include "modules/account/service.hpp"
#include "modules/life/service.hpp"
#include "modules/member/service.hpp"
#include "modules/partyorg/service.hpp"

namespace lx::app {

void seed_demo_life(db::Connection& c, const core::Config&) {
  const life::Actor admin{core::Role::admin, http::Scope{}, "demo", 0};
  const core::Date today = core::today_shanghai();
  auto must = [](auto r, const std::string& what) {
    if (!r) throw std::runtime_error("demo life " + what + ": " + r.error().message);
    return std::move(*r);
  };
  auto party_org = [&](const std::string& name) {
    auto id = c.scalar_int("SELECT id FROM party_orgs WHERE name = ? AND type = 'branch'", {name});
    if (!id) throw std::runtime_error("demo party org " + name + " missing");
    return *id;
  };
  const auto tech = party_org("东湖科技有限公司党支部");
  const auto logistics = party_org("西城物流有限公司党支部");

  // The demo member's account is a member of the tech branch.
  const auto tech_members = member::members_on(c, tech, core::to_iso(today));
  if (tech_members.empty()) throw std::runtime_error("demo tech branch has no members");
  if (auto user = account::find_user_by_login(c, "dangyuan"))
    must(member::link_account(c, member::Actor{core::Role::admin, http::Scope{}, "demo"},
                              tech_members.front().person.id, user->id),
         "account");

  // A meeting held on `day` at 14:30 with everyone present but the second member (sick).
  auto meeting = [&](std::int64_t po, const char* kind, core::Date day, const std::string& topic, bool by_secretary = false) {
    if (core::to_iso(day) >= core::to_iso(today)) return;
    life::MeetingInput in;
    in.kind = kind;
    in.party_org_id = po;
    in.topic = topic;
    in.starts_at = core::to_iso(day) + " 14:30";
    in.ends_at = std::optional<std::string>(core::to_iso(day) + " 16:00");
    in.place = std::optional<std::string>("党员活动室");
    in.host = std::optional<std::string>("张书记");
    in.recorder = std::optional<std::string>("王芳");
    in.minutes = std::optional<std::string>("<p>会议围绕“" + topic + "”进行了学习和讨论。</p>");
    if (std::string(kind) == "party_lesson") {
      in.lecturer = std::optional<std::string>(by_secretary ? "张书记" : "李明");
      in.by_secretary = by_secretary;
    }
    std::vector<life::AttendanceInput> att;
    int k = 0;
    const bool committee = std::string(kind) == "committee_meeting";   // its three members only
    for (const auto& row : member::members_on(c, po, core::to_iso(day))) {
      if (committee && k >= 3) break;
      life::AttendanceInput a{row.person.id, "present", std::nullopt, std::nullopt};
      if (k++ == 1) {
        a.status = "absent";
        a.absence_reason = "sick";
      }
      att.push_back(a);
    }
    in.attendance = att;
    if (std::string(kind) == "member_review") {
      std::vector<life::RatingInput> ratings;
      for (const auto& row : member::members_on(c, po, core::to_iso(day)))
        ratings.push_back({row.person.id, ratings.empty() ? "excellent" : "qualified"});
      in.ratings = ratings;
    }
    must(life::create_meeting(c, admin, in), std::string(kind) + " " + core::to_iso(day));
  };

  // Twelve months back from the first of this month; this month: only the theme day so far.
  const core::Date this_month = core::first_day_of_month(today);
  for (int back = 12; back >= 0; --back) {
    const core::Date m = core::add_months(this_month, -back);
    const std::string label = std::to_string(m.year) + "年" + std::to_string(m.month) + "月";
    meeting(tech, "theme_day", core::add_days(m, 4), label + "主题党日：学习党的创新理论");
    if (back != 0 && back != 5) meeting(tech, "committee_meeting", core::add_days(m, 2), label + "支委会：研究支部工作");
    if (m.month % 3 == 2) {
      meeting(tech, "general_assembly", core::add_days(m, 9), label + "支部党员大会");
      meeting(tech, "party_lesson", core::add_days(m, 15), label + "党课：学习贯彻党章", m.month == 5);
    }
    if (back % 2 == 0) meeting(logistics, "theme_day", core::add_days(m, 6), label + "主题党日：志愿服务");
  }
  // Last year's yearly duties of the tech branch.
  const core::Date last_year_dec{today.year - 1, 12, 10};
  meeting(tech, "life_meeting", last_year_dec, std::to_string(today.year - 1) + "年度组织生活会");
  meeting(tech, "member_review", core::add_days(last_year_dec, 1), std::to_string(today.year - 1) + "年度民主评议党员");

  // Heart talks by the secretary with two members this year.
  if (auto posts = partyorg::committee_of(c, partyorg::Actor{core::Role::admin, http::Scope{}}, tech, false)) {
    for (const auto& p : *posts)
      if (p.post == "secretary") {
        int n = 0;
        for (const auto& row : tech_members) {
          if (n++ >= 2) break;
          const core::Date on = core::add_days(today, -20 - n);
          if (on.year != today.year) continue;
          life::TalkInput t{tech, row.person.id, p.id, core::to_iso(on), std::string("谈思想、谈工作，听取意见建议")};
          must(life::create_talk(c, admin, t), "heart talk");
        }
      }
  }

  // An online meeting open for a week from an hour ago.
  {
    const auto now = core::now_unix();
    life::MeetingInput in;
    in.kind = "theme_day";
    in.party_org_id = tech;
    in.online = true;
    in.topic = "网上主题党日：交流学习体会";
    in.starts_at = core::shanghai_time_text(now - 3600);
    in.ends_at = std::optional<std::string>(core::shanghai_time_text(now + 7 * 86400));
    in.minutes = std::optional<std::string>("<p>请各位党员在讨论区发言，交流本月学习体会。</p>");
    must(life::create_meeting(c, admin, in), "online meeting");
  }
}

}  // namespace lx::app
