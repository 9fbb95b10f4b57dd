// The recruitment pipeline's records (发展党员): one record per person and
// attempt, with the facts the rules of recruit/rules.hpp need, its sponsors,
// reviews and timeline. Plain structs; dates are "YYYY-MM-DD".
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lx::recruit {

struct Recruit {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  std::int64_t party_org_id = 0;
  std::string stage;                        // applicant … full, cancelled, withdrawn
  std::string applied_on;
  std::optional<std::string> talk_on, talk_by;
  std::optional<std::string> activist_on, candidate_on;
  std::optional<std::string> political_review_on;
  std::optional<bool> political_review_passed;
  std::optional<std::string> training_on;
  std::optional<double> training_days, training_hours;
  std::optional<std::string> assembly_on;
  std::optional<std::int64_t> assembly_entitled, assembly_present, assembly_in_favour;
  std::optional<std::string> approved_on;
  bool approval_special = false;
  std::optional<std::string> oath_on, probation_end;
  bool extended = false;
  std::optional<std::string> decided_on, confirmed_on, confirm_approved_on, ended_on, end_reason;
  std::optional<std::string> next_step, next_earliest, next_due;   // R-REC-8, stored on every change
  std::string created_at, updated_at;

  // Filled by reads.
  std::string person_name, gender, birth_date, id_number_mask, party_org_name;
  std::optional<std::string> last_review_on;
};

struct SponsorRow {
  std::int64_t person_id = 0;
  std::string name;
  std::string since;
};

struct ReviewRow {
  std::int64_t id = 0;
  std::string reviewed_on;
  std::optional<std::string> note;
  std::string by_login;
};

struct Event {
  std::int64_t id = 0;
  std::string event;
  std::string on_date;
  std::optional<std::string> stage_from, stage_to;
  std::string detail;                       // JSON text
  std::string by_login, at;
};

}  // namespace lx::recruit
