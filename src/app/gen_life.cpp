// `liangxin gen`: organisational life over the last years, as the life
// service records it (life/service.cpp create_meeting): per party org with
// members, a theme day every month, a party assembly and a party lesson every
// quarter (one lesson a year by the secretary), a committee meeting every
// month where there is a committee (7 full members, R-ORG-4), a group
// meeting every month per party group, the organisational life meeting and
// the member review each December; attendance of exactly the members of the
// meeting day (probationary members without a vote), ratings at the review,
// and a heart talk of the secretary with most members each year. One party
// org in ten is weak and misses about a third of its meetings, the rest a few.
#include <cmath>

#include "app/gen_bulk.hpp"
#include "app/gen_names.hpp"
#include "app/gen_write_detail.hpp"
#include "core/time.hpp"

namespace lx::app::gen {
namespace {

using core::Date;

int days(Date d) { return static_cast<int>(core::to_days(d)); }

template <typename T, std::size_t N>
const T& pick(Rng& r, const T (&a)[N]) {
  return a[r.below(N)];
}

struct Tables {
  Bulk meetings, attendance, ratings, talks;
  explicit Tables(db::Connection& c)
      : meetings(c, "meetings",
                 {"id", "party_org_id", "group_id", "kind", "starts_at", "ends_at", "on_date", "place", "online", "topic",
                  "host", "recorder", "lecturer", "by_secretary", "minutes", "created_by", "created_at", "updated_at"}),
        attendance(c, "meeting_attendance", {"meeting_id", "person_id", "status", "absence_reason", "voting"}),
        ratings(c, "member_ratings", {"meeting_id", "person_id", "rating"}),
        talks(c, "heart_talks",
              {"party_org_id", "post_id", "talker", "person_id", "on_date", "summary", "created_by", "created_at"}) {
    attendance.after(meetings);
    ratings.after(meetings);
  }
  void flush() {
    meetings.flush();
    attendance.flush();
    ratings.flush();
    talks.flush();
  }
};

class Life {
 public:
  Life(WriteContext& w, double years)
      : w_(w), today_(w.plan.options.today), start_(core::add_days(today_, -std::llround(years * 365.25))) {}

  void run() {
    const auto& pos = w_.plan.party_orgs;
    std::size_t at = 0;
    while (at < pos.size()) {
      w_.db.transaction([&](db::Connection& c) {
        Tables t(c);
        std::int64_t rows = 0;
        // About half a million attendance rows per transaction.
        for (; at < pos.size() && rows < 500000; ++at) rows += party_org(t, pos[at]);
        t.flush();
        w_.sum.meetings += t.meetings.rows();
        w_.sum.attendance += t.attendance.rows();
        w_.sum.ratings += t.ratings.rows();
        w_.sum.talks += t.talks.rows();
      });
    }
  }

 private:
  // Writes one party org's meetings and talks; returns the attendance rows written.
  std::int64_t party_org(Tables& t, const PartyOrg& p) {
    const auto& members = w_.members_of[static_cast<std::size_t>(p.id - 1)];
    if (members.empty() || p.type == "group") return 0;
    Rng r(w_.plan.options.seed, "life", static_cast<std::uint64_t>(p.id));
    const Date founded = *core::parse_date(p.founded_on);
    const Date begin = founded < start_ ? start_ : core::add_days(founded, 1);
    const double miss = r.chance(0.1) ? 0.3 : 0.03;
    const int today = days(today_);
    int full_now = 0;
    for (const auto& m : members) full_now += m.valid_from <= today && today < m.valid_to && m.confirmed <= today;
    const std::string& secretary = w_.secretary_name[static_cast<std::size_t>(p.id - 1)];
    std::int64_t rows = 0;
    static const char* const kThemes[] = {"学习党的创新理论", "志愿服务进社区", "重温入党誓词", "参观红色教育基地",
                                          "党员先锋岗亮诺践诺", "学习党章党规", "助企纾困献良策", "文明城市创建志愿活动"};
    static const char* const kLessons[] = {"学习贯彻党章", "传承红色基因", "坚定理想信念", "做新时代合格党员",
                                           "学习党的二十大精神", "党建引领企业发展"};
    static const char* const kAgenda[] = {"党员发展工作", "主题党日安排", "党费收缴", "组织生活会准备", "群团工作"};

    auto meeting = [&](const char* kind, Date d, const std::string& topic, bool attend, std::int64_t group = 0,
                       bool by_secretary = false) {
      if (d < begin || !(d < today_) || r.chance(miss)) return;
      const std::int64_t id = next_meeting_++;
      static const int kStarts[] = {9 * 60, 14 * 60 + 30, 19 * 60};
      const std::int64_t local = core::to_days(d) * 86400 + kStarts[r.below(3)] * 60 - 8 * 3600;
      const bool lesson = std::string(kind) == "party_lesson";
      t.meetings.row(num(id), num(p.id), id_or_null(group), kind, core::iso_utc(local), core::iso_utc(local + 90 * 60),
                     core::to_iso(d), r.chance(0.7) ? "党员活动室" : "党群服务中心", num(0), topic,
                     text_or_null(secretary), person_name(r, r.chance(0.5)),
                     lesson ? db::Value(by_secretary && !secretary.empty() ? secretary : person_name(r, r.chance(0.6)))
                            : db::Value(nullptr),
                     num(lesson && by_secretary && !secretary.empty() ? 1 : 0),
                     "<p>会议围绕“" + topic + "”进行了学习和讨论。</p>", "gen", w_.now, w_.now);
      if (!attend) return;
      const int on = days(d);
      const bool review = std::string(kind) == "member_review";
      static const char* const kReasons[] = {"business", "sick", "personal", "other"};
      for (const auto& m : members) {
        if (!(m.valid_from <= on && on < m.valid_to)) continue;
        const double u = r.unit();
        const bool absent = u >= 0.91;
        t.attendance.row(num(id), num(m.person_id), absent ? "absent" : u < 0.88 ? "present" : "late",
                         absent ? db::Value(pick(r, kReasons)) : db::Value(nullptr), num(m.confirmed <= on ? 1 : 0));
        ++rows;
        if (review) {
          const double v = r.unit();
          t.ratings.row(num(id), num(m.person_id),
                        v < 0.15 ? "excellent" : v < 0.97 ? "qualified" : v < 0.995 ? "basically_qualified" : "unqualified");
        }
      }
    };

    for (Date m = core::first_day_of_month(begin); m <= today_; m = core::add_months(m, 1)) {
      const std::string ym = std::to_string(m.year) + "年" + std::to_string(m.month) + "月";
      const auto day = [&](int lo, int hi) {
        return core::add_days(m, std::min<std::int64_t>(r.between(lo, hi), core::days_in_month(m.year, m.month)) - 1);
      };
      meeting("theme_day", day(5, 20), ym + "主题党日：" + pick(r, kThemes), true);
      if (full_now >= 7) meeting("committee_meeting", day(1, 8), ym + "支委会：研究" + pick(r, kAgenda), false);
      for (std::int64_t g : p.groups) meeting("group_meeting", day(8, 25), ym + "党小组会", false, g);
      if (m.month % 3 == 2) {
        const int q = (m.month + 2) / 3;
        meeting("general_assembly", day(5, 25), std::to_string(m.year) + "年第" + std::to_string(q) + "季度支部党员大会", true);
        meeting("party_lesson", day(10, 27), std::string("党课：") + pick(r, kLessons), true, 0, q == 2);
      }
      if (m.month == 12) {
        meeting("life_meeting", day(15, 22), std::to_string(m.year) + "年度组织生活会", true);
        meeting("member_review", day(23, 28), std::to_string(m.year) + "年度民主评议党员", true);
      }
    }
    // R-LIFE-8: the secretary talks with most members once a year.
    const std::int64_t post = w_.secretary_post[static_cast<std::size_t>(p.id - 1)];
    if (post) {
      for (int y = begin.year; y <= today_.year; ++y) {
        const int lo_year = days(Date{y, 1, 1}), hi_year = days(Date{y, 12, 31});
        for (const auto& m : members) {
          const int lo = std::max({lo_year, days(begin), m.valid_from});
          const int hi = std::min({hi_year, today - 1, m.valid_to == INT_MAX ? INT_MAX : m.valid_to - 1});
          if (lo > hi || !r.chance(0.85)) continue;
          t.talks.row(num(p.id), num(post), secretary, num(m.person_id),
                      core::to_iso(core::from_days(r.between(lo, hi))), "谈思想、谈工作，听取意见建议", "gen", w_.now);
        }
      }
    }
    return rows + 1;
  }

  WriteContext& w_;
  Date today_, start_;
  std::int64_t next_meeting_ = 1;
};

}  // namespace

void write_life(WriteContext& w, double years) {
  if (years > 0) Life(w, years).run();
}

}  // namespace lx::app::gen
