#include "http/jobs.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>

#include "core/time.hpp"
#include "http/context.hpp"
#include "http/json.hpp"
#include "http/router.hpp"

namespace lx::http {
namespace {

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

void JobProgress::update(std::int64_t done, std::int64_t total) {
  const std::int64_t t = now_ms();
  if (done < total && t - last_write_ms_ < 250) return;
  last_write_ms_ = t;
  auto c = db_.acquire();
  c->exec("UPDATE jobs SET done = ?, total = ?, updated_at = ? WHERE id = ?", {done, total, core::now_iso(), id_});
}

Jobs::Jobs(db::Database& db, int workers, int stale_seconds) : db_(db), stale_seconds_(stale_seconds) {
  reap_stale();   // what a process that died left behind
  for (int k = 0; k < workers; ++k) threads_.emplace_back([this] { worker(); });
  keeper_ = std::thread([this] { keeper(); });
}

void Jobs::reap_stale() {
  try {
    std::vector<std::int64_t> mine;
    {
      std::lock_guard lock(mu_);
      mine.assign(live_.begin(), live_.end());
    }
    auto c = db_.acquire();
    auto rows = c->query("SELECT id FROM jobs WHERE status IN ('queued', 'running') AND "
                         "(heartbeat_unix IS NULL OR heartbeat_unix < ?)",
                         {core::now_unix() - stale_seconds_});
    for (std::size_t k = 0; k < rows.size(); ++k) {
      const auto id = rows.i(k, 0);
      if (std::find(mine.begin(), mine.end(), id) != mine.end()) continue;
      c->exec("UPDATE jobs SET status = 'failed', error = ?, updated_at = ? WHERE id = ? AND status IN ('queued', "
              "'running')",
              {std::string("服务中断，任务未完成（已自动结束），请重新提交"), core::now_iso(), id});
      spdlog::warn("job {} was left unfinished by a stopped process: marked failed", id);
    }
  } catch (const std::exception& e) {
    spdlog::warn("stale job check failed: {}", e.what());
  }
}

void Jobs::keeper() {
  int ticks = 0;
  for (;;) {
    std::vector<std::int64_t> mine;
    {
      std::unique_lock lock(mu_);
      if (cv_.wait_for(lock, std::chrono::seconds(10), [&] { return stopping_; })) return;
      mine.assign(live_.begin(), live_.end());
    }
    try {
      auto c = db_.acquire();
      for (auto id : mine) c->exec("UPDATE jobs SET heartbeat_unix = ? WHERE id = ?", {core::now_unix(), id});
    } catch (const std::exception&) {
      // A long write transaction (an import) may hold SQLite's lock: the next beat will do.
    }
    if (++ticks % 6 == 0) reap_stale();
  }
}

Jobs::~Jobs() {
  std::deque<std::pair<std::int64_t, JobWork>> left;
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
    left.swap(queue_);
  }
  cv_.notify_all();
  for (auto& t : threads_) t.join();
  if (keeper_.joinable()) keeper_.join();
  for (auto& [id, work] : left) {
    try {
      auto c = db_.acquire();
      c->exec("UPDATE jobs SET status = 'failed', error = ?, updated_at = ? WHERE id = ?",
              {std::string("服务停止，任务未执行"), core::now_iso(), id});
    } catch (...) {
    }
  }
}

std::int64_t Jobs::create(db::Connection& c, const std::string& kind, std::int64_t user_id, JobWork work) {
  const std::string now = core::now_iso();
  auto rows = c.query(
      "INSERT INTO jobs (kind, status, done, total, created_by, created_at, updated_at, heartbeat_unix) "
      "VALUES (?, 'queued', 0, 0, ?, ?, ?, ?) RETURNING id",
      {kind, user_id ? db::Value(user_id) : db::Value(nullptr), now, now, core::now_unix()});
  std::int64_t id = rows.i(0, 0);
  std::lock_guard lock(mu_);
  created_[id] = std::move(work);
  live_.insert(id);
  return id;
}

void Jobs::start(const std::vector<std::int64_t>& ids) {
  {
    std::lock_guard lock(mu_);
    for (auto id : ids) {
      auto it = created_.find(id);
      if (it == created_.end()) continue;
      queue_.emplace_back(id, std::move(it->second));
      created_.erase(it);
    }
  }
  cv_.notify_all();
}

void Jobs::discard(const std::vector<std::int64_t>& ids) {
  std::lock_guard lock(mu_);
  for (auto id : ids) {
    created_.erase(id);
    live_.erase(id);
  }
}

void Jobs::worker() {
  for (;;) {
    std::pair<std::int64_t, JobWork> item;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;
      item = std::move(queue_.front());
      queue_.pop_front();
    }
    execute(item.first, item.second);
  }
}

void Jobs::execute(std::int64_t id, JobWork& work) {
  std::string status = "succeeded", error;
  boost::json::value result;
  try {
    {
      auto c = db_.acquire();
      c->exec("UPDATE jobs SET status = 'running', updated_at = ? WHERE id = ?", {core::now_iso(), id});
    }
    JobProgress progress(db_, id);
    result = work(db_, progress);
  } catch (const ApiError& e) {
    status = "failed";
    error = e.error.message;
  } catch (const std::exception& e) {
    status = "failed";
    error = "任务执行出错";
    spdlog::error("job {} failed: {}", id, e.what());
  }
  try {
    auto c = db_.acquire();
    c->exec("UPDATE jobs SET status = ?, result = ?, error = ?, updated_at = ? WHERE id = ?",
            {status, result.is_null() ? db::Value(nullptr) : db::Value(boost::json::serialize(result)),
             error.empty() ? db::Value(nullptr) : db::Value(error), core::now_iso(), id});
  } catch (const std::exception& e) {
    spdlog::error("job {}: could not record the outcome: {}", id, e.what());
  }
  std::lock_guard lock(mu_);
  live_.erase(id);
}

boost::json::value Jobs::run_now(const std::string& kind, std::int64_t user_id, JobWork work) {
  std::int64_t id = db_.transaction([&](db::Connection& c) {
    auto rows = c.query(
        "INSERT INTO jobs (kind, status, done, total, created_by, created_at, updated_at, heartbeat_unix) "
        "VALUES (?, 'queued', 0, 0, ?, ?, ?, ?) RETURNING id",
        {kind, user_id ? db::Value(user_id) : db::Value(nullptr), core::now_iso(), core::now_iso(), core::now_unix()});
    return rows.i(0, 0);
  });
  {
    std::lock_guard lock(mu_);
    live_.insert(id);
  }
  execute(id, work);
  auto c = db_.acquire();
  auto j = job_json(*c, id);
  return j["result"];
}

boost::json::object job_json(db::Connection& c, std::int64_t id) {
  auto r = c.query(
      "SELECT id, kind, status, done, total, result, error, created_by, created_at, updated_at FROM jobs WHERE id = ?",
      {id});
  if (r.empty()) throw ApiError(404, "not_found", "任务不存在");
  boost::json::value result = nullptr;
  if (auto s = r.opt_s(0, 5)) {
    boost::system::error_code ec;
    result = boost::json::parse(*s, ec);
    if (ec) result = nullptr;
  }
  return {{"id", r.i(0, 0)},       {"kind", r.s(0, 1)},       {"status", r.s(0, 2)},
          {"done", r.i(0, 3)},     {"total", r.i(0, 4)},      {"result", result},
          {"error", nullable(r.opt_s(0, 6))}, {"created_by", nullable(r.opt_i(0, 7))},
          {"created_at", r.s(0, 8)}, {"updated_at", r.s(0, 9)}};
}

std::int64_t Ctx::submit_job(const std::string& kind, std::function<boost::json::value(db::Database&, JobProgress&)> work) {
  std::int64_t id = jobs.create(conn(), kind, user ? user->user_id : 0, std::move(work));
  pending_jobs.push_back(id);
  return id;
}

void register_job_routes(Router& router) {
  router.add(Verb::get, "/api/v1/jobs/{id}", "job.read", [](Ctx& ctx) {
    auto id = ctx.id_param();
    auto owner = ctx.conn().query("SELECT created_by FROM jobs WHERE id = ?", {id});
    // Someone else's job answers exactly like a missing one.
    if (owner.empty() || (ctx.me().role != core::Role::admin && owner.i(0, 0) != ctx.me().user_id))
      throw ApiError(404, "not_found", "任务不存在");
    return json_response(200, job_json(ctx.conn(), id));
  });
}

}  // namespace lx::http
