// Inside `liangxin gen`'s writer: what the stages share (gen_write.cpp
// writes the census and party org tables, gen_members.cpp the members,
// gen_life.cpp the meetings).
#pragma once
#include <climits>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/gen.hpp"

namespace lx::app::gen {

inline db::Value text_or_null(const std::string& s) { return s.empty() ? db::Value(nullptr) : db::Value(s); }
inline db::Value id_or_null(std::int64_t id) { return id ? db::Value(id) : db::Value(nullptr); }
inline db::Value num(std::int64_t v) { return db::Value(v); }

// A membership as the life stage needs it: days since 1970 (INT_MAX: none).
struct MemberDays {
  std::int64_t person_id = 0;
  int valid_from = 0, valid_to = INT_MAX, confirmed = INT_MAX;
};

struct WriteContext {
  db::Database& db;
  const crypto::Pii& pii;
  const Plan& plan;
  GenSummary& sum;
  std::string now;                                  // created_at / updated_at of every row
  std::int64_t next_post_id = 1;
  std::vector<std::vector<MemberDays>> members_of;  // by party org id - 1
  std::vector<std::int64_t> secretary_post;         // by party org id - 1; 0: none
  std::vector<std::string> secretary_name;
  std::unordered_map<std::string, std::string> sort_keys;  // name → pinyin key

  // The pinyin sort key of a name (census/collation), cached: names repeat.
  const std::string& sort_key(const std::string& name);
};

// Persons, memberships, member history, transfers and the members' committee posts.
void write_members(WriteContext& w);

// Meetings with attendance and ratings, and heart talks, over the scale's years.
void write_life(WriteContext& w, double years);

}  // namespace lx::app::gen
