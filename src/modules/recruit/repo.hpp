// The recruitment pipeline's SQL: recruits, recruit_sponsors,
// recruit_reviews, recruit_stages, recruit_events (migration 007). Nothing
// else writes these tables. A record lies in a scope when its party org does.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "db/database.hpp"
#include "http/message.hpp"
#include "modules/recruit/model.hpp"

namespace lx::recruit::repo {

// The record with id when its party org lies in the scope.
std::optional<Recruit> find_in_scope(db::Connection& c, const http::Scope& s, std::int64_t id);
// The id of the person's open record (stage before full), if any.
std::optional<std::int64_t> open_record_of(db::Connection& c, std::int64_t person_id);

// Inserts a record (stage applicant) and its first stage row; returns the id.
std::int64_t insert(db::Connection& c, const Recruit& r);
// Writes every fact column and the next step of r.
void save(db::Connection& c, const Recruit& r);
// Closes the open stage row on `from` and opens one for `stage` from `from`.
void set_stage(db::Connection& c, std::int64_t id, const std::string& stage, const std::string& from);

void add_event(db::Connection& c, std::int64_t id, const std::string& event, const std::string& on_date,
               const std::optional<std::string>& stage_from, const std::optional<std::string>& stage_to,
               const std::string& detail, const std::string& by);
std::vector<Event> events_of(db::Connection& c, std::int64_t id);

void add_sponsor(db::Connection& c, std::int64_t id, std::int64_t person_id, const std::string& since);
std::vector<SponsorRow> sponsors_of(db::Connection& c, std::int64_t id);

void add_review(db::Connection& c, std::int64_t id, const std::string& on, const std::optional<std::string>& note,
                const std::string& by);
std::vector<ReviewRow> reviews_of(db::Connection& c, std::int64_t id);
// The latest review on or before d.
std::optional<std::string> last_review_on_or_before(db::Connection& c, std::int64_t id, const std::string& d);

// A sponsor candidate: the person's name when they hold a membership of the
// party org that counts on d; and whether it is full on d (R-REC-3).
struct SponsorFact {
  std::string name;
  bool full = false;
};
std::optional<SponsorFact> member_of_party_org_on(db::Connection& c, std::int64_t person_id,
                                                  std::int64_t party_org_id, const std::string& d);

struct ListFilter {
  std::optional<std::int64_t> party_org_id;   // that party org and its subtree
  std::string stage;                          // empty: any open stage (or any at all with include_closed)
  bool include_closed = false;                // full, cancelled, withdrawn too
  std::optional<std::string> overdue_on;      // only those whose next step was due before this day
  std::int64_t page = 1, size = 50;           // size 0: every row
};
// Records in scope, by party org, then due day, then name; and the total.
std::pair<std::vector<Recruit>, std::int64_t> list(db::Connection& c, const http::Scope& s, const ListFilter& f);

// STATS.md "Pipeline on d": records per pipeline stage on d in the scope.
std::map<std::string, std::int64_t> stage_counts(db::Connection& c, const http::Scope& s, const std::string& d);
// The records behind one stage count, and their total.
std::pair<std::vector<Recruit>, std::int64_t> stage_records(db::Connection& c, const http::Scope& s,
                                                            const std::string& d, const std::string& stage,
                                                            std::int64_t page, std::int64_t size);

}  // namespace lx::recruit::repo
