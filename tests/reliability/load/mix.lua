-- wrk script of the load test (scripts/load.sh): a mix of reads and audited
-- writes with one signed-in session (cookie and CSRF token from the
-- environment). Counts answers by status class; done() prints them in a line
-- scripts/load.sh reads.
local cookie = os.getenv("LX_COOKIE")
local csrf = os.getenv("LX_CSRF")
local org_ids = {}
for id in string.gmatch(os.getenv("LX_ORG_IDS") or "1", "%d+") do org_ids[#org_ids + 1] = id end

local counter = 0
local statuses = {}

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  n = 0
  ok, bad = 0, 0
end

local reads = {
  "/api/v1/orgs?page=1&size=20&sort=name&kind=enterprise",
  "/api/v1/orgs?page=2&size=20&q=%E4%B8%9C%E6%B9%96",
  "/api/v1/stats/coverage",
  "/api/v1/members?page=1&size=20",
  "/api/v1/party-orgs?size=50",
  "/api/v1/meetings?page=1&size=20",
  "/api/v1/stats/life?period=quarter",
}

function request()
  n = n + 1
  local headers = { ["Cookie"] = cookie, ["Accept"] = "application/json" }
  if n % 10 == 0 then
    -- One request in ten writes: an org's address, audited, in its own transaction.
    headers["X-CSRF-Token"] = csrf
    headers["Content-Type"] = "application/json"
    local org = org_ids[(n % #org_ids) + 1]
    local body = string.format('{"address":"压力测试路%d号"}', n)
    return wrk.format("PATCH", "/api/v1/orgs/" .. org, headers, body)
  end
  return wrk.format("GET", reads[(n % #reads) + 1], headers)
end

function response(status, headers, body)
  if status >= 200 and status < 300 then ok = ok + 1 else bad = bad + 1 end
end

function done(summary, latency, requests)
  -- wrk's own summary has the socket errors and timeouts; the status classes are per thread.
  io.write(string.format("LOAD requests=%d errors_connect=%d errors_read=%d errors_write=%d errors_status=%d timeouts=%d p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status,
    summary.errors.timeout, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
