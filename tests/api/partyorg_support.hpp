// Helpers of the party org API tests: one demo server shared by a suite,
// lookups by name, orgs put straight into the census table (the tests only
// need them to exist), dates relative to today and small request builders.
#pragma once
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <optional>
#include <string>
#include <vector>

#include "core/dates.hpp"
#include "core/ids.hpp"
#include "core/time.hpp"
#include "harness.hpp"

namespace lx::test {

// Today in Shanghai moved by n days, as YYYY-MM-DD.
inline std::string day(std::int64_t n = 0) { return core::to_iso(core::add_days(core::today_shanghai(), n)); }

inline std::int64_t party_org_id(Server& s, const std::string& name) {
  return s.scalar("SELECT id FROM party_orgs WHERE name = ?", {name});
}

inline std::string party_org_path(Server& s, std::int64_t id) {
  auto c = s.db().acquire();
  return c->scalar_text("SELECT path FROM party_orgs WHERE id = ?", {id}).value_or("");
}

// An open org in the named area with declared members, inserted directly.
inline std::int64_t add_org(Server& s, const std::string& name, const std::string& area_name, int members = 0) {
  static std::atomic<int> serial{0};
  const std::string first17 = "91310199PA" + std::to_string(1000000 + ++serial);
  const std::string uscc = first17 + core::credit_code_check_char(first17);
  auto c = s.db().acquire();
  auto area = c->query("SELECT id, path FROM areas WHERE name = ?", {area_name});
  EXPECT_EQ(area.size(), 1u) << "no area " << area_name;
  const std::string now = core::now_iso();
  return c
      ->query("INSERT INTO orgs (name, uscc, kind, area_id, area_path, declared_members, registered_on, created_at, "
              "updated_at) VALUES (?, ?, 'enterprise', ?, ?, ?, '2015-01-01', ?, ?) RETURNING id",
              {name, uscc, area.i(0, 0), area.s(0, 1), std::int64_t{members}, now, now})
      .i(0, 0);
}

// POST /api/v1/party-orgs with a name, type and parent, plus extra fields.
inline HttpResponse create_party_org(Client& c, const std::string& name, const std::string& type,
                                     std::optional<std::int64_t> parent, json::object extra = {}) {
  json::object b{{"name", name}, {"type", type}, {"founded_on", "2020-01-01"}};
  if (parent) b["parent_id"] = *parent;
  for (auto& [k, v] : extra) b[k] = v;
  return c.post("/api/v1/party-orgs", b);
}

// The id of a created record, failing the test when the answer is not 201.
inline std::int64_t created_id(const HttpResponse& r) {
  EXPECT_EQ(r.status, 201) << r.body;
  if (r.status != 201) return 0;
  return r.json().at("id").as_int64();
}

// A field of each item of a list answer, as strings.
inline std::vector<std::string> item_strings(const HttpResponse& r, const std::string& field) {
  std::vector<std::string> out;
  EXPECT_EQ(r.status, 200) << r.body;
  if (r.status != 200) return out;
  const json::value body = r.json();
  for (const auto& o : body.at("items").as_array()) {
    const auto& v = o.at(field);
    out.push_back(v.is_string() ? std::string(v.as_string()) : json::serialize(v));
  }
  return out;
}

inline bool contains(const std::vector<std::string>& xs, const std::string& x) {
  return std::find(xs.begin(), xs.end(), x) != xs.end();
}

}  // namespace lx::test
