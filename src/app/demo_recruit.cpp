// The recruitment side of the demo, in the demo secretary's branch
// (东湖科技有限公司党支部): a recent applicant, an applicant not talked to
// for over a month (overdue, R-REC-2), an activist, a candidate ready for the
// general assembly, a probationary member, and one confirmed full member —
// every step through the recruitment service, so every date obeys the rules.
// Dates are relative to today.
#include "app/demo_recruit.hpp"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "app/demo_ids.hpp"
#include "core/dates.hpp"
#include "core/ids.hpp"
#include "crypto/pii.hpp"
#include "modules/recruit/service.hpp"

namespace lx::app {

void seed_demo_recruits(db::Connection& c, const core::Config& cfg) {
  const auto pii = crypto::Pii::load_or_create(core::key_file_path(cfg));
  const recruit::Actor admin{core::Role::admin, http::Scope{}, "demo"};
  const core::Date today = core::today_shanghai();
  auto at = [&](int days_ago) { return core::to_iso(core::add_days(today, -days_ago)); };
  auto must = [](auto r, const std::string& what) {
    if (!r) throw std::runtime_error("demo recruit " + what + ": " + r.error().message);
    return std::move(*r);
  };
  const auto po = c.scalar_int("SELECT id FROM party_orgs WHERE name = ?", {std::string("东湖科技有限公司党支部")});
  if (!po) throw std::runtime_error("demo party org 东湖科技有限公司党支部 missing");
  // The sponsor: the branch's longest-confirmed full member (R-REC-3).
  const auto sponsor = c.scalar_int(
      "SELECT person_id FROM memberships WHERE party_org_id = ? AND status = 'full' AND valid_to IS NULL "
      "AND confirmed_on IS NOT NULL ORDER BY confirmed_on, id LIMIT 1",
      {*po});
  if (!sponsor) throw std::runtime_error("demo branch has no full member to sponsor");

  int seq = 800;
  auto applicant = [&](const char* name, core::Date birth, bool male, int applied_ago) {
    recruit::ApplicantInput in;
    in.person.name = name;
    in.person.id_number = demo_id_number(birth, seq++, male);
    in.person.ethnicity = std::optional<std::string>("汉族");
    in.person.education = std::optional<std::string>("大学本科");
    in.party_org_id = *po;
    in.applied_on = at(applied_ago);
    return must(recruit::create_applicant(c, admin, pii, in), name).recruit.id;
  };
  auto vote_on = [&](const std::string& d) {
    const auto n = member::count_full_members_on(c, *po, d);
    return recruit::Vote{n, n, n};
  };
  // Application → activist (with a talk) → reviews every ~5 months → candidate
  // on the first allowed day (R-REC-4) → review, training → assembly.
  auto to_candidate = [&](std::int64_t id, int applied_ago, const std::string& what) {
    must(recruit::record_talk(c, admin, id, at(applied_ago - 10), std::string("张书记")), what);
    const int activist_ago = applied_ago - 20;
    must(recruit::make_activist(c, admin, id, at(activist_ago), {*sponsor}), what);
    must(recruit::add_review(c, admin, id, at(activist_ago - 150), std::string("学习积极，表现良好")), what);
    must(recruit::add_review(c, admin, id, at(activist_ago - 300), std::string("按期考察，同意继续培养")), what);
    const auto first = recruit::earliest_candidate(*core::parse_date(at(activist_ago)));
    must(recruit::make_candidate(c, admin, id, core::to_iso(first)), what);
    return first;
  };

  // A recent applicant: the talk is due within a month.
  applicant("郑晓雨", core::Date{2001, 3, 14}, false, 10);
  // An applicant not talked to for 50 days: overdue (R-REC-2).
  applicant("冯子航", core::Date{1999, 11, 2}, true, 50);
  // An activist of four months with a sponsor.
  {
    const auto id = applicant("褚佳怡", core::Date{1998, 6, 21}, false, 150);
    must(recruit::record_talk(c, admin, id, at(140), std::string("张书记")), "activist");
    must(recruit::make_activist(c, admin, id, at(125), {*sponsor}), "activist");
  }
  // A candidate with political review and training done: next, the general assembly.
  {
    const auto id = applicant("卫东升", core::Date{1996, 9, 9}, true, 420);
    const auto cand = to_candidate(id, 420, "candidate");
    const auto review = core::add_days(cand, 10), training = core::add_days(cand, 20);
    must(recruit::record_political_review(c, admin, id, core::to_iso(review), true), "candidate");
    must(recruit::record_training(c, admin, id, core::to_iso(training), 3.0, std::nullopt), "candidate");
  }
  // A probationary member admitted about five months ago.
  {
    const auto id = applicant("蒋思远", core::Date{1995, 2, 28}, true, 600);
    to_candidate(id, 600, "probationary");
    must(recruit::record_political_review(c, admin, id, at(200), true), "probationary");
    must(recruit::record_training(c, admin, id, at(180), std::nullopt, 24.0), "probationary");
    must(recruit::record_admission(c, admin, id, recruit::AssemblyInput{at(150), vote_on(at(150))}), "probationary");
    must(recruit::approve_admission(c, admin, id, at(120), false), "probationary");
    must(recruit::record_oath(c, admin, id, at(118)), "probationary");
  }
  // A full member: admitted 500 days ago, confirmed at the end of probation.
  {
    const auto id = applicant("沈一鸣", core::Date{1993, 12, 1}, true, 1000);
    to_candidate(id, 1000, "full");
    must(recruit::record_political_review(c, admin, id, at(560), true), "full");
    must(recruit::record_training(c, admin, id, at(540), 4.0, std::nullopt), "full");
    must(recruit::record_admission(c, admin, id, recruit::AssemblyInput{at(500), vote_on(at(500))}), "full");
    must(recruit::approve_admission(c, admin, id, at(470), false), "full");
    must(recruit::record_oath(c, admin, id, at(465)), "full");
    const std::string end = core::to_iso(recruit::probation_end(*core::parse_date(at(500))));
    must(recruit::confirm(c, admin, id, recruit::AssemblyInput{end, vote_on(end)},
                          core::to_iso(core::add_days(*core::parse_date(end), 20))),
         "full");
  }
}

}  // namespace lx::app
