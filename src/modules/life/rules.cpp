#include "modules/life/rules.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace lx::life {
namespace {

struct KindInfo {
  Kind kind;
  std::string_view code, name, rule;
};

constexpr KindInfo kKinds[] = {
    {Kind::general_assembly, "general_assembly", "支部党员大会", "R-LIFE-1"},
    {Kind::committee_meeting, "committee_meeting", "支部委员会", "R-LIFE-2"},
    {Kind::group_meeting, "group_meeting", "党小组会", "R-LIFE-3"},
    {Kind::party_lesson, "party_lesson", "党课", "R-LIFE-4"},
    {Kind::theme_day, "theme_day", "主题党日", "R-LIFE-5"},
    {Kind::life_meeting, "life_meeting", "组织生活会", "R-LIFE-6"},
    {Kind::member_review, "member_review", "民主评议党员", "R-LIFE-7"},
    {Kind::heart_talk, "heart_talk", "谈心谈话", "R-LIFE-8"},
};

const KindInfo& info(Kind k) {
  for (const auto& i : kKinds)
    if (i.kind == k) return i;
  return kKinds[0];
}

int length_rank(Cycle c) { return c == Cycle::month ? 0 : c == Cycle::quarter ? 1 : 2; }

core::Date next_day(core::Date d) { return core::add_days(d, 1); }

// The cycles of kind `c` inside the period (the period is at least as long).
std::vector<Period> cycles_in(const Period& p, Cycle c) {
  std::vector<Period> out;
  for (core::Date d = p.from; d <= p.to;) {
    Period q = period_of(c, d);
    out.push_back(q);
    d = next_day(q.to);
  }
  return out;
}

bool within(core::Date d, const Period& q) { return q.from <= d && d <= q.to; }

bool any_covers(const std::vector<Window>& ws, const Period& q) {
  return std::any_of(ws.begin(), ws.end(), [&](const Window& w) { return w.covers(q.from, q.to); });
}

std::int64_t count_meetings(const Facts& f, Kind k, const Period& q, std::optional<std::int64_t> group,
                            bool by_secretary_only) {
  return std::count_if(f.meetings.begin(), f.meetings.end(), [&](const Meeting& m) {
    if (m.kind != k || !within(m.on, q)) return false;
    if (group && m.group_id != group) return false;
    return !by_secretary_only || m.by_secretary;
  });
}

// Members for the whole cycle, and how many of them appear in `days` within
// it at least `times` times.
std::pair<std::int64_t, std::int64_t> members_covered(const Facts& f, const std::vector<PersonDay>& days,
                                                      const Period& q, int times) {
  std::set<std::int64_t> expected;
  std::map<std::int64_t, int> seen;
  for (const auto& m : f.members)
    if (m.stay.covers(q.from, q.to)) expected.insert(m.person_id);
  for (const auto& d : days)
    if (within(d.on, q) && expected.count(d.person_id)) ++seen[d.person_id];
  const auto covered = std::count_if(seen.begin(), seen.end(), [&](const auto& s) { return s.second >= times; });
  return {static_cast<std::int64_t>(expected.size()), static_cast<std::int64_t>(covered)};
}

}  // namespace

std::string_view kind_code(Kind k) { return info(k).code; }
std::string_view kind_name(Kind k) { return info(k).name; }
std::string_view rule_of(Kind k) { return info(k).rule; }

std::optional<Kind> parse_kind(std::string_view s) {
  for (const auto& i : kKinds)
    if (s == i.code || s == i.name) return i.kind;
  if (s == "党员大会") return Kind::general_assembly;
  if (s == "支委会") return Kind::committee_meeting;
  if (s == "民主评议") return Kind::member_review;
  return std::nullopt;
}

std::string_view cycle_code(Cycle c) { return c == Cycle::month ? "month" : c == Cycle::quarter ? "quarter" : "year"; }

std::optional<Cycle> parse_cycle(std::string_view s) {
  if (s == "month" || s == "月") return Cycle::month;
  if (s == "quarter" || s == "季度") return Cycle::quarter;
  if (s == "year" || s == "年") return Cycle::year;
  return std::nullopt;
}

std::string_view measure_code(Measure m) {
  switch (m) {
    case Measure::meetings: return "meetings";
    case Measure::secretary_lessons: return "secretary_lessons";
    case Measure::members_rated: return "members_rated";
    case Measure::members_talked: return "members_talked";
  }
  return "meetings";
}

const Frequency& Frequencies::of(Kind k) const {
  switch (k) {
    case Kind::general_assembly: return general_assembly;
    case Kind::committee_meeting: return committee_meeting;
    case Kind::group_meeting: return group_meeting;
    case Kind::party_lesson: return party_lesson;
    case Kind::theme_day: return theme_day;
    case Kind::life_meeting: return life_meeting;
    case Kind::member_review: return member_review;
    case Kind::heart_talk: return heart_talk;
  }
  return theme_day;
}

bool Window::covers(core::Date a, core::Date b) const { return from <= a && (!to || b < *to); }

Period period_of(Cycle c, core::Date d) {
  switch (c) {
    case Cycle::month: return {c, core::first_day_of_month(d), core::last_day_of_month(d)};
    case Cycle::quarter: return {c, core::first_day_of_quarter(d), core::last_day_of_quarter(d)};
    case Cycle::year: return {c, core::first_day_of_year(d), core::last_day_of_year(d)};
  }
  return {c, d, d};
}

bool Compliance::complies() const {
  return std::all_of(duties.begin(), duties.end(), [](const Duty& d) { return d.met(); });
}

Compliance compliance(const Facts& f, const Period& period, const Frequencies& freq) {
  Compliance out;
  out.period = period;
  out.existed_throughout = f.exists.covers(period.from, period.to);
  auto add = [&](Kind k, Measure m, std::optional<std::int64_t> group, const Period& q, std::int64_t required,
                 std::int64_t held) {
    out.duties.push_back(Duty{rule_of(k), k, m, group, q.from, q.to, required, held});
  };
  for (Kind k : kAllKinds) {
    const Frequency& fr = freq.of(k);
    if (fr.at_least <= 0 || length_rank(fr.cycle) > length_rank(period.cycle)) continue;
    for (const Period& q : cycles_in(period, fr.cycle)) {
      if (!f.exists.covers(q.from, q.to)) continue;                  // not owed in a partial cycle
      switch (k) {
        case Kind::committee_meeting:                                 // R-LIFE-2, only with a committee (R-ORG-4)
          if (any_covers(f.committee, q)) add(k, Measure::meetings, std::nullopt, q, fr.at_least,
                                              count_meetings(f, k, q, std::nullopt, false));
          break;
        case Kind::group_meeting:                                     // R-LIFE-3, for each group
          for (const Group& g : f.groups)
            if (g.exists.covers(q.from, q.to))
              add(k, Measure::meetings, g.id, q, fr.at_least, count_meetings(f, k, q, g.id, false));
          break;
        case Kind::member_review: {                                   // R-LIFE-7: the meeting, and every member rated
          add(k, Measure::meetings, std::nullopt, q, fr.at_least, count_meetings(f, k, q, std::nullopt, false));
          auto [expected, rated] = members_covered(f, f.ratings, q, 1);
          add(k, Measure::members_rated, std::nullopt, q, expected, rated);
          break;
        }
        case Kind::heart_talk: {                                      // R-LIFE-8: a talk with each member
          auto [expected, talked] = members_covered(f, f.talks, q, fr.at_least);
          add(k, Measure::members_talked, std::nullopt, q, expected, talked);
          break;
        }
        default:                                                      // R-LIFE-1, 4, 5, 6
          add(k, Measure::meetings, std::nullopt, q, fr.at_least, count_meetings(f, k, q, std::nullopt, false));
      }
    }
    // R-LIFE-4: the secretary gives at least one party lesson a year.
    if (k == Kind::party_lesson && freq.secretary_lessons_a_year > 0 && period.cycle == Cycle::year &&
        f.exists.covers(period.from, period.to))
      add(k, Measure::secretary_lessons, std::nullopt, period, freq.secretary_lessons_a_year,
          count_meetings(f, k, period, std::nullopt, true));
  }
  return out;
}

core::Date meeting_day(std::chrono::system_clock::time_point t) { return core::date_in_shanghai(t); }

}  // namespace lx::life
