// The life module's SQL (migration 010): meetings, attendance, attachments,
// ratings, heart talks, online discussion and check-ins. Nothing else
// touches these tables. Deleted meetings, attachments and talks (deleted_at)
// are skipped by every read.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "db/database.hpp"
#include "http/message.hpp"
#include "modules/life/model.hpp"
#include "modules/life/rules.hpp"

namespace lx::life::repo {

// ---- meetings (repo.cpp)

std::int64_t insert_meeting(db::Connection& c, const MeetingRecord& m);
// Writes the editable fields (everything but id, created_*).
void update_meeting(db::Connection& c, std::int64_t id, const MeetingRecord& m);
std::optional<MeetingRecord> find_meeting(db::Connection& c, std::int64_t id);
void delete_meeting(db::Connection& c, std::int64_t id);

struct MeetingFilter {
  std::optional<std::int64_t> party_org_id;   // that party org only
  std::vector<std::int64_t> party_org_ids;    // or any of these (a member's own); empty with scope: the scope
  std::string kind, from, to;                 // on_date range, both included
  std::optional<bool> online;
  std::int64_t page = 1, size = 20;           // size 0: every row
};
// Meetings (newest first) whose party org is in the scope, and the total.
std::pair<std::vector<MeetingRecord>, std::int64_t> list_meetings(db::Connection& c, const http::Scope& s,
                                                                  const MeetingFilter& f);

// The meetings of a party org dated in [from, to] as the rules see them.
std::vector<Meeting> rule_meetings(db::Connection& c, std::int64_t party_org_id, const std::string& from,
                                   const std::string& to);

// ---- attendance and ratings (repo.cpp)

void replace_attendance(db::Connection& c, std::int64_t meeting_id, const std::vector<Attendance>& rows);
std::vector<Attendance> attendance_of(db::Connection& c, std::int64_t meeting_id);
void replace_ratings(db::Connection& c, std::int64_t meeting_id, const std::vector<Rating>& rows);
std::vector<Rating> ratings_of(db::Connection& c, std::int64_t meeting_id);
// Ratings of review meetings of the party org dated in [from, to].
std::vector<PersonDay> rating_days(db::Connection& c, std::int64_t party_org_id, const std::string& from,
                                   const std::string& to);

// Attendance over the meetings of the scope dated in [from, to]: expected and
// present (late counts as present); online meetings once they have closed.
std::pair<std::int64_t, std::int64_t> attendance_totals(db::Connection& c, const http::Scope& s,
                                                        const std::string& from, const std::string& to);
struct PersonAttendance {
  std::int64_t person_id = 0;
  std::string person_name;
  std::int64_t expected = 0, attended = 0;
};
// Per member of the party org: meetings expected and attended in [from, to].
std::vector<PersonAttendance> attendance_by_person(db::Connection& c, std::int64_t party_org_id,
                                                   const std::string& from, const std::string& to);

// ---- attachments (repo_more.cpp)

std::int64_t insert_attachment(db::Connection& c, const Attachment& a);
std::optional<Attachment> find_attachment(db::Connection& c, std::int64_t id);
std::vector<Attachment> attachments_of(db::Connection& c, std::int64_t meeting_id);
void delete_attachment(db::Connection& c, std::int64_t id);
std::int64_t attachment_bytes_of(db::Connection& c, std::int64_t meeting_id);

// ---- heart talks (repo_more.cpp)

std::int64_t insert_talk(db::Connection& c, const HeartTalk& t);
std::optional<HeartTalk> find_talk(db::Connection& c, std::int64_t id);
void delete_talk(db::Connection& c, std::int64_t id);
// Talks of the party org dated in [from, to], newest first, and the total.
std::pair<std::vector<HeartTalk>, std::int64_t> list_talks(db::Connection& c, std::int64_t party_org_id,
                                                           const std::string& from, const std::string& to,
                                                           std::int64_t page, std::int64_t size);
std::vector<PersonDay> talk_days(db::Connection& c, std::int64_t party_org_id, const std::string& from,
                                 const std::string& to);

// ---- online discussion and check-ins (repo_more.cpp)

std::int64_t insert_message(db::Connection& c, std::int64_t meeting_id, std::int64_t person_id,
                            const std::string& body);
std::vector<Message> messages_of(db::Connection& c, std::int64_t meeting_id);
std::optional<Message> find_message(db::Connection& c, std::int64_t id);
// The person's attendance of the meeting becomes present (an online meeting's poster).
void mark_present(db::Connection& c, std::int64_t meeting_id, std::int64_t person_id);
// Records a check-in of the person on the day; false when one was there already.
bool insert_check_in(db::Connection& c, std::int64_t person_id, const std::string& on_date);
// Check-in days of the person in [from, to].
std::vector<std::string> check_in_days(db::Connection& c, std::int64_t person_id, const std::string& from,
                                       const std::string& to);
// Check-ins per person for these persons in [from, to] (absent: none).
std::vector<std::pair<std::int64_t, std::int64_t>> check_in_counts(db::Connection& c,
                                                                   const std::vector<std::int64_t>& persons,
                                                                   const std::string& from, const std::string& to);

}  // namespace lx::life::repo
