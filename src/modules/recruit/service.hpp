// The recruitment pipeline's transactions (发展党员, issue 4). Each step
// checks its rules (recruit/rules.hpp: R-REC-1..9, R-LIFE-9) and refuses with
// 422 and a Chinese message naming the rule and the first allowed day; a step
// that does not fit the stage answers 409. A record outside the actor's scope
// answers exactly like a missing one (404). Persons and memberships belong to
// the member module: the applicant is created through member::
// find_or_create_person, the approval of the admission opens the probationary
// membership (member::admit_probationary, from the assembly day), the
// confirmation makes it full on the probation end (member::confirm_full), a
// cancellation ends it (member::end_membership, reason "cancelled").
#pragma once
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "core/roles.hpp"
#include "crypto/pii.hpp"
#include "db/database.hpp"
#include "http/message.hpp"
#include "modules/member/service.hpp"
#include "modules/recruit/model.hpp"
#include "modules/recruit/repo.hpp"
#include "modules/recruit/rules.hpp"

namespace lx::recruit {

struct Actor {
  core::Role role = core::Role::member;
  http::Scope scope;
  std::string login;
};

// A record with everything its timeline shows.
struct Detail {
  Recruit recruit;
  std::vector<SponsorRow> sponsors;
  std::vector<ReviewRow> reviews;
  std::vector<Event> events;
  std::vector<Step> steps;   // R-REC-8, most urgent first
};

// A new applicant: the person (member::PersonInput: name, id_number, …) and
// the party org (a live party org in scope, not a group) that received the
// application on applied_on (R-REC-1).
struct ApplicantInput {
  member::PersonInput person;
  std::int64_t party_org_id = 0;
  std::string applied_on;
};

// A general assembly's decision (R-LIFE-9).
struct AssemblyInput {
  std::string on;
  Vote vote;
};

Result<Detail> create_applicant(db::Connection& c, const Actor& a, const crypto::Pii& pii, const ApplicantInput& in);
Result<Detail> get_recruit(db::Connection& c, const Actor& a, std::int64_t id);

// The steps, in pipeline order.
Result<Detail> record_talk(db::Connection& c, const Actor& a, std::int64_t id, const std::string& talk_on,
                           const std::optional<std::string>& talk_by);                               // R-REC-2
Result<Detail> make_activist(db::Connection& c, const Actor& a, std::int64_t id, const std::string& decided_on,
                             const std::vector<std::int64_t>& sponsor_ids);                          // R-REC-3
Result<Detail> add_review(db::Connection& c, const Actor& a, std::int64_t id, const std::string& reviewed_on,
                          const std::optional<std::string>& note);                                  // R-REC-9
Result<Detail> make_candidate(db::Connection& c, const Actor& a, std::int64_t id,
                              const std::string& decided_on);                                       // R-REC-4, 9
Result<Detail> record_political_review(db::Connection& c, const Actor& a, std::int64_t id,
                                       const std::string& reviewed_on, bool passed);                 // R-REC-5
Result<Detail> record_training(db::Connection& c, const Actor& a, std::int64_t id, const std::string& finished_on,
                               const std::optional<double>& days, const std::optional<double>& hours);  // R-REC-5
Result<Detail> record_admission(db::Connection& c, const Actor& a, std::int64_t id,
                                const AssemblyInput& in);                                           // R-REC-5, R-LIFE-9
Result<Detail> approve_admission(db::Connection& c, const Actor& a, std::int64_t id, const std::string& approved_on,
                                 bool special);                                                     // R-REC-6
Result<Detail> record_oath(db::Connection& c, const Actor& a, std::int64_t id, const std::string& oath_on);
Result<Detail> confirm(db::Connection& c, const Actor& a, std::int64_t id, const AssemblyInput& in,
                       const std::string& approved_on);                                             // R-REC-7
Result<Detail> extend(db::Connection& c, const Actor& a, std::int64_t id, const AssemblyInput& in,
                      const std::string& new_end);                                                  // R-REC-7
Result<Detail> cancel(db::Connection& c, const Actor& a, std::int64_t id, const AssemblyInput& in,
                      const std::string& reason);                                                   // R-REC-7
// Leaves the pipeline before admission (moved away, gave up).
Result<Detail> withdraw(db::Connection& c, const Actor& a, std::int64_t id, const std::string& on,
                        const std::string& reason);

// R-REC-8: records in scope with their next step (list), or only the overdue
// ones (filter.overdue_on = today). 404 for a party org outside the scope.
Result<std::pair<std::vector<Recruit>, std::int64_t>> list_recruits(db::Connection& c, const Actor& a,
                                                                    repo::ListFilter f);

// STATS.md "Pipeline on d" for a resolved scope: applicants, activists,
// candidates, probationary (stage rows valid on d), total, and overdue (open
// records whose stored next step is due before d; only given for today).
boost::json::object pipeline_counts(db::Connection& c, const http::Scope& scope, core::Date d);
// The records behind one stage count on d.
Result<std::pair<std::vector<Recruit>, std::int64_t>> pipeline_records(db::Connection& c, const http::Scope& scope,
                                                                       core::Date d, const std::string& stage,
                                                                       std::int64_t page, std::int64_t size);

}  // namespace lx::recruit
