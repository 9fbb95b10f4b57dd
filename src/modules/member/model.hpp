// The member module's records: persons (members and applicants alike),
// memberships of party orgs, the history of every change, and transfers.
// Plain structs; dates are "YYYY-MM-DD". ID numbers and phones appear here
// only masked: the plain values are read through the service's reveal.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace lx::member {

struct Person {
  std::int64_t id = 0;
  std::string name;
  std::string gender;                       // male / female
  std::optional<std::string> ethnicity;     // one of the 56 names
  std::string birth_date;
  std::string id_number_mask;               // R-ID-4
  std::optional<std::string> education;     // postgraduate / bachelor / college / secondary / junior
  std::optional<std::string> phone_mask;
  std::optional<std::int64_t> workplace_org_id;
  std::string workplace_org_name;           // filled by reads
  bool mobile = false;
  std::string created_at, updated_at;
};

struct Membership {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  std::int64_t party_org_id = 0;
  std::string party_org_name;               // filled by reads
  std::string status;                       // probationary / full
  std::string admitted_on;
  std::optional<std::string> confirmed_on;
  std::string valid_from;
  std::optional<std::string> valid_to;
  std::string start_reason;                 // admitted / registered / transfer / transfer_in
  std::optional<std::string> end_reason;    // transfer / transfer_out / deceased / left / expelled / cancelled
};

// A person with their current (open) membership, as lists show them.
struct MemberRow {
  Person person;
  std::optional<Membership> membership;
};

struct HistoryEntry {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  std::string what;
  std::optional<std::string> old_value, new_value;
  std::string on_date;
  std::string by_login;
  std::string at;
};

struct Transfer {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  std::string person_name;                  // filled by reads
  std::string kind;                         // internal / in / out
  std::optional<std::int64_t> from_party_org_id, to_party_org_id;
  std::string from_party_org_name, to_party_org_name;   // filled by reads
  std::optional<std::string> external_name, letter_no;
  std::string status;                       // pending / accepted / rejected / cancelled / done
  std::string started_on;
  std::optional<std::string> answered_on, reason, note;
  std::string started_by;
  std::optional<std::string> answered_by;
  bool overdue = false;                     // pending longer than transfer.overdue_days
};

}  // namespace lx::member
