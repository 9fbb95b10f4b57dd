// Shared by the backup, copy and crash tests: every table of a database as
// sorted text rows (to compare two databases row by row, across backends),
// and a writer thread that keeps creating streets through the API and
// remembers which ones the server acknowledged.
#pragma once
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "db/backup.hpp"
#include "harness.hpp"

namespace lx::test {

using Dump = std::map<std::string, std::vector<std::string>>;

inline std::string render(const db::Value& v) {
  if (std::holds_alternative<std::nullptr_t>(v)) return "∅";
  if (auto p = std::get_if<std::int64_t>(&v)) return std::to_string(*p);
  if (auto p = std::get_if<double>(&v)) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", *p);
    return buf;
  }
  return "'" + std::get<std::string>(v) + "'";
}

// Every data table (db::data_tables: the catalog's, FTS index left out) as
// rows of "column=value" cells, columns in name order, rows sorted.
inline Dump dump_tables(db::Connection& c) {
  Dump out;
  for (const auto& t : db::data_tables(c)) {
    auto cols = db::table_columns(c, t);
    std::sort(cols.begin(), cols.end());
    std::string sql = "SELECT ";
    for (std::size_t k = 0; k < cols.size(); ++k) sql += (k ? ", \"" : "\"") + cols[k] + "\"";
    auto r = c.query(sql + " FROM \"" + t + "\"");
    auto& rows = out[t];
    for (std::size_t i = 0; i < r.size(); ++i) {
      std::string line;
      for (std::size_t k = 0; k < cols.size(); ++k) line += (k ? " | " : "") + cols[k] + "=" + render(r.at(i, k));
      rows.push_back(std::move(line));
    }
    std::sort(rows.begin(), rows.end());
  }
  return out;
}

inline Dump dump_tables(const std::string& url) {
  auto db = db::Database::open(url, db::Options{.pool_size = 1});
  auto c = db->acquire();
  return dump_tables(*c);
}

// Fails the test naming each table that differs and its first differing row.
inline void expect_same_tables(const Dump& want, const Dump& got, const std::string& what) {
  std::vector<std::string> a, b;
  for (const auto& [t, rows] : want) a.push_back(t);
  for (const auto& [t, rows] : got) b.push_back(t);
  EXPECT_EQ(a, b) << what << ": the table lists differ";
  std::size_t tables = 0, rows = 0;
  for (const auto& [t, w] : want) {
    auto it = got.find(t);
    if (it == got.end()) continue;
    ++tables;
    rows += w.size();
    if (w == it->second) continue;
    auto m = std::mismatch(w.begin(), w.end(), it->second.begin(), it->second.end());
    ADD_FAILURE() << what << ": table " << t << " differs (" << w.size() << " rows wanted, " << it->second.size()
                  << " found)\n  wanted: " << (m.first == w.end() ? "(end)" : *m.first)
                  << "\n  found:  " << (m.second == it->second.end() ? "(end)" : *m.second);
  }
  EXPECT_GT(tables, 5u) << what;
  EXPECT_GT(rows, 0u) << what;
}

// Creates streets (code PREFIX<k>) under parent through the API as admin
// until stopped; keeps the ids answered 201 and counts everything else.
class AreaWriter {
 public:
  AreaWriter(int port, std::int64_t parent, std::string prefix) {
    thread_ = std::thread([this, port, parent, prefix] {
      Client c(port);
      for (int k = 0; !stop_; ++k) {
        try {
          if (c.csrf.empty() && c.login("admin", Server::kAdminPassword).status != 200) {
            ++failures_;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            continue;
          }
          auto r = c.post("/api/v1/areas", json::object{{"name", prefix + "街道" + std::to_string(k)},
                                                         {"code", prefix + std::to_string(k)},
                                                         {"parent_id", parent}});
          if (r.status == 201) {
            std::lock_guard lock(mutex_);
            acked_.push_back(r.json().at("id").as_int64());
          } else {
            ++failures_;
            if (r.status == 401) c.csrf.clear();
          }
        } catch (const std::exception&) {  // the server is gone (a crash test) or restarting
          ++failures_;
          c.csrf.clear();
          std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
      }
    });
  }
  ~AreaWriter() { stop(); }
  AreaWriter(const AreaWriter&) = delete;
  AreaWriter& operator=(const AreaWriter&) = delete;

  void stop() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
  }
  std::vector<std::int64_t> acked() {
    std::lock_guard lock(mutex_);
    return acked_;
  }
  int failures() const { return failures_; }

 private:
  std::atomic<bool> stop_{false};
  std::atomic<int> failures_{0};
  std::mutex mutex_;
  std::vector<std::int64_t> acked_;
  std::thread thread_;
};

}  // namespace lx::test
