// Background jobs (imports, big exports, reports, audit verification): a job
// row in the database holds status and progress, so any server process can
// answer GET /api/v1/jobs/{id}; the work itself runs on this process's worker
// threads. A job submitted by a request starts only after that request's
// transaction commits. The process stamps a heartbeat on the jobs it holds;
// a queued or running job whose heartbeat is older than `stale_seconds`
// belongs to a process that died and is failed (at start and every minute).
#pragma once
#include <boost/json/value.hpp>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "db/database.hpp"

namespace lx::http {

class Router;

// Handed to the work function to report progress.
class JobProgress {
 public:
  JobProgress(db::Database& db, std::int64_t id) : db_(db), id_(id) {}
  // Records done/total; written to the database at most a few times a second.
  void update(std::int64_t done, std::int64_t total);
  std::int64_t id() const { return id_; }

 private:
  db::Database& db_;
  std::int64_t id_;
  std::int64_t last_write_ms_ = 0;
};

// The work: returns the job's result, or throws (ApiError for a message the
// user should read) to fail the job.
using JobWork = std::function<boost::json::value(db::Database&, JobProgress&)>;

class Jobs {
 public:
  Jobs(db::Database& db, int workers, int stale_seconds = 300);
  ~Jobs();  // lets running jobs finish, fails queued ones
  Jobs(const Jobs&) = delete;
  Jobs& operator=(const Jobs&) = delete;

  // Inserts the job row through c (the caller's transaction) and keeps the
  // work until start() is called. Returns the job id.
  std::int64_t create(db::Connection& c, const std::string& kind, std::int64_t user_id, JobWork work);
  // Queues the works created through create() whose ids are given.
  void start(const std::vector<std::int64_t>& ids);
  // Forgets works whose transaction rolled back.
  void discard(const std::vector<std::int64_t>& ids);

  // Runs a job to the end on the calling thread (CLI use); returns its result.
  boost::json::value run_now(const std::string& kind, std::int64_t user_id, JobWork work);

 private:
  void worker();
  void execute(std::int64_t id, JobWork& work);
  // Stamps the heartbeat of the jobs this process holds; fails stale ones of others.
  void keeper();
  void reap_stale();

  db::Database& db_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::pair<std::int64_t, JobWork>> queue_;
  std::map<std::int64_t, JobWork> created_;
  bool stopping_ = false;
  std::set<std::int64_t> live_;   // queued or running here (heartbeats)
  int stale_seconds_;
  std::vector<std::thread> threads_;
  std::thread keeper_;
};

// The job row as JSON (the API's Job object).
boost::json::object job_json(db::Connection& c, std::int64_t id);

// GET /api/v1/jobs/{id}: the creator or an admin may read a job.
void register_job_routes(Router& router);

}  // namespace lx::http
