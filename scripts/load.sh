#!/usr/bin/env bash
# The load test of issue 6 (run by `make soak`): `liangxin serve` on SQLite
# with the demo district, wrk with CONNECTIONS keep-alive connections (1,000)
# for SECONDS (60) of mixed reads and audited writes with a valid session
# (tests/reliability/load/mix.lua). Passes when there are no socket errors,
# no timeouts and no non-2xx answers, and the server's RSS after the run is
# within 10% of its RSS after a warm-up. Writes the figures into the "Load"
# section of bench/RESULTS.md. Usage: scripts/load.sh BUILD [SECONDS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
secs=${2:-60}
conns=${3:-1000}
bin="$build/liangxin"
command -v wrk >/dev/null || { echo "load: wrk missing (scripts/install-deps.sh installs it)" >&2; exit 1; }
ulimit -n 8192 2>/dev/null || ulimit -n 4096

tmp=$(mktemp -d /tmp/lx-load.XXXXXX)
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

db="sqlite:$tmp/load.db"
password='Load#2026test'
"$bin" serve --db "$db" --demo --listen 127.0.0.1:0 --port-file "$tmp/port" --web web/dist \
  --set session_idle_minutes=120 >"$tmp/out.log" 2>"$tmp/err.log" &
server_pid=$!
for _ in $(seq 1 600); do [ -s "$tmp/port" ] && break; sleep 0.1; done
port=$(cat "$tmp/port")
base="http://127.0.0.1:$port"
for _ in $(seq 1 100); do curl -fsS "$base/api/v1/health" >/dev/null 2>&1 && break; sleep 0.1; done
# The load's own admin, added beside the running server (the demo is seeded on first start).
printf '%s\n' "$password" | "$bin" user add --db "$db" --login loadtest --role admin --no-force-change >/dev/null

login=$(curl -fsS -c "$tmp/jar" -H 'Content-Type: application/json' \
  -d "{\"login\":\"loadtest\",\"password\":\"$password\"}" "$base/api/v1/session")
csrf=$(printf '%s' "$login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])')
cookie=$(awk '$6=="lx_session"{print "lx_session="$7}' "$tmp/jar")
# Orgs still open (a closed org's record no longer changes: 409).
orgs=$(curl -fsS -b "$tmp/jar" "$base/api/v1/orgs?size=50" |
  python3 -c 'import json,sys; print(",".join(str(o["id"]) for o in json.load(sys.stdin)["items"] if not o.get("closed_on")))')
export LX_COOKIE="$cookie" LX_CSRF="$csrf" LX_ORG_IDS="$orgs"

rss() { awk '/^VmRSS/{print $2}' "/proc/$server_pid/status"; }
echo "load: warm-up 10 s with $conns connections"
wrk -t2 -c"$conns" -d10s --timeout 10s -s tests/reliability/load/mix.lua "$base" >"$tmp/warm.txt" 2>&1
sleep 1
rss_warm=$(rss)
echo "load: ${secs} s with $conns connections (RSS after warm-up ${rss_warm} kB)"
wrk -t2 -c"$conns" -d"${secs}s" --timeout 10s --latency -s "${LX_LOAD_SCRIPT:-tests/reliability/load/mix.lua}" "$base" | tee "$tmp/run.txt"
sleep 1
rss_after=$(rss)

line=$(grep '^LOAD ' "$tmp/run.txt" | tail -1)
get() { printf '%s\n' "$line" | tr ' ' '\n' | awk -F= -v k="$1" '$1==k{print $2}'; }
requests=$(get requests)
errors=$(( $(get errors_connect) + $(get errors_read) + $(get errors_write) ))
status_errors=$(get errors_status)
timeouts=$(get timeouts)
rps=$(awk '/Requests\/sec/{print $2}' "$tmp/run.txt")
growth=$(python3 -c "print(f'{($rss_after - $rss_warm) / $rss_warm * 100:+.1f}')")
verdict=pass
[ "$errors" -eq 0 ] && [ "$status_errors" -eq 0 ] && [ "$timeouts" -eq 0 ] || verdict=fail
python3 -c "import sys; sys.exit(0 if abs($rss_after - $rss_warm) <= 0.10 * $rss_warm else 1)" || verdict=fail

section=$(cat <<MD
## Load (make soak, scripts/load.sh)

Run $(date -u +%F) on $(nproc) cores ($(uname -m)): \`liangxin serve\` on SQLite with the demo district,
wrk -t2 -c$conns for ${secs} s, nine reads (org lists with filters and sort, coverage and life figures,
members, party orgs, meetings) to one audited PATCH, one signed-in session.

| figure | value | target |
| --- | --- | --- |
| requests | $requests ($rps/s) | |
| p50 / p99 latency | $(get p50_ms) ms / $(get p99_ms) ms | |
| socket errors (connect, read, write) | $errors | 0 |
| non-2xx answers | $status_errors | 0 |
| timeouts (10 s) | $timeouts | 0 |
| RSS after warm-up → after the run | ${rss_warm} kB → ${rss_after} kB (${growth}%) | within 10% |
| verdict | **$verdict** | |

Slow clients are tested in \`make test\` (tests/reliability/slow_client_test.cpp): 64 connections sending a
header byte a second are cut by the header timeout while normal requests answer within a second.
MD
)
mkdir -p bench
touch bench/RESULTS.md
python3 - "$section" <<'PY'
import re, sys
path = "bench/RESULTS.md"
text = open(path, encoding="utf-8").read()
section = sys.argv[1].rstrip() + "\n"
pattern = re.compile(r"^## Load \(make soak.*?(?=^## |\Z)", re.S | re.M)
text = pattern.sub(lambda m: section + "\n", text) if pattern.search(text) else (text.rstrip() + "\n\n" + section if text.strip() else section)
open(path, "w", encoding="utf-8").write(text)
PY
echo "load: $verdict — $requests requests, $errors socket errors, $status_errors non-2xx, $timeouts timeouts, RSS ${growth}%"
[ "$verdict" = pass ]
