// Jobs a dead process left behind (issue 6): a job still queued or running
// whose heartbeat stopped long ago is failed by the next server that starts
// (or looks, every minute), with a message saying why; a job a live process
// holds keeps its heartbeat fresh and is left alone.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "census_support.hpp"
#include "core/time.hpp"

namespace lx::test {
namespace {

class JobsApi : public CensusSuite {};

TEST_F(JobsApi, AJobLeftRunningByADeadProcessIsFailedByTheNextStart) {
  auto& s = server();
  Client admin = s.admin();
  const auto long_ago = core::now_unix() - 3600;
  std::int64_t orphan = 0, fresh = 0;
  {
    auto c = s.db().acquire();
    const std::string now = core::now_iso();
    orphan = c->query("INSERT INTO jobs (kind, status, done, total, created_at, updated_at, heartbeat_unix) "
                      "VALUES ('import.orgs', 'running', 10, 100, ?, ?, ?) RETURNING id",
                      {now, now, long_ago})
                 .i(0, 0);
    // A job another live process stamped a moment ago.
    fresh = c->query("INSERT INTO jobs (kind, status, done, total, created_at, updated_at, heartbeat_unix) "
                     "VALUES ('import.orgs', 'running', 10, 100, ?, ?, ?) RETURNING id",
                     {now, now, core::now_unix()})
                .i(0, 0);
  }
  auto next = s.another();   // a server starting on the same database
  auto status = [&](std::int64_t id) {
    auto c = s.db().acquire();
    return c->scalar_text("SELECT status FROM jobs WHERE id = ?", {id}).value_or("");
  };
  EXPECT_EQ(status(orphan), "failed");
  EXPECT_EQ(status(fresh), "running");
  auto j = admin.get("/api/v1/jobs/" + std::to_string(orphan));
  ASSERT_EQ(j.status, 200) << j.body;
  EXPECT_EQ(j.json().at("status").as_string(), "failed");
  EXPECT_NE(j.body.find("服务中断"), std::string::npos) << j.body;
  // A job submitted now runs and carries a heartbeat.
  const std::string csv = "组织名称,统一社会信用代码,组织类别,所在街道（乡镇）\n心跳测试有限公司," +
                          census_code("91310199MA1HB0001") + ",非公企业,东湖街道\n";
  auto r = admin.request("POST", "/api/v1/import/orgs", csv, {{"Content-Type", "text/csv"}});
  ASSERT_EQ(r.status, 202) << r.body;
  auto done = wait_job(admin, r.json().at("job").at("id").as_int64());
  EXPECT_EQ(done.at("status").as_string(), "succeeded");
  EXPECT_GT(s.scalar("SELECT heartbeat_unix FROM jobs WHERE id = ?", {r.json().at("job").at("id").as_int64()}), 0);
  next->stop();
}

}  // namespace
}  // namespace lx::test
