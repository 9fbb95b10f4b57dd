// The life module's records: meetings with their attendance, attachments and
// ratings, heart talks, the discussion of online meetings, and check-ins.
// Plain structs; dates "YYYY-MM-DD" (Shanghai days), times ISO-8601 UTC.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lx::life {

struct Attendance {
  std::int64_t person_id = 0;
  std::string person_name;                 // filled by reads
  std::string status;                      // present / late / absent
  std::optional<std::string> absence_reason;   // business / sick / personal / other
  std::optional<std::string> absence_note;
  bool voting = true;                      // false for probationary members
};

struct Attachment {
  std::int64_t id = 0;
  std::int64_t meeting_id = 0;
  std::string filename, content_type;
  std::int64_t size = 0;
  std::string sha256, stored_name;
  std::string created_by, created_at;
};

struct Rating {
  std::int64_t person_id = 0;
  std::string person_name;
  std::string rating;                      // excellent / qualified / basically_qualified / unqualified
};

struct Message {
  std::int64_t id = 0;
  std::int64_t meeting_id = 0;
  std::int64_t person_id = 0;
  std::string person_name;
  std::string body;                        // plain text
  std::string at;
};

struct MeetingRecord {
  std::int64_t id = 0;
  std::int64_t party_org_id = 0;
  std::string party_org_name;
  std::optional<std::int64_t> group_id;
  std::string group_name;
  std::string kind;
  std::string starts_at;                   // UTC
  std::optional<std::string> ends_at;
  std::string on_date;                     // Shanghai day of starts_at
  std::optional<std::string> place;
  bool online = false;
  std::string topic;
  std::optional<std::string> host, recorder, lecturer;
  bool by_secretary = false;
  std::string minutes;                     // sanitised HTML
  std::string created_by, created_at, updated_at;
  // Counts filled by lists and reads.
  std::int64_t expected = 0, present = 0, late = 0, absent = 0;
};

struct HeartTalk {
  std::int64_t id = 0;
  std::int64_t party_org_id = 0;
  std::optional<std::int64_t> post_id;
  std::string talker;
  std::int64_t person_id = 0;
  std::string person_name;
  std::string on_date;
  std::optional<std::string> summary;
  std::string created_by, created_at;
};

}  // namespace lx::life
