# Helpers of the benchmark scripts (sourced by bench/run.sh and the workload
# scripts): timing, medians, a server on a dataset, sign-in, wrk runs, nginx,
# and the results file every workload appends its rows to.

now() { date +%s.%N; }

# Median of the numbers on standard input.
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Runs "$@" N times after one warm-up run; prints the median wall time in milliseconds.
median_ms() {
  local n=$1; shift
  "$@" >/dev/null
  for _ in $(seq "$n"); do
    local t0 t1
    t0=$(now); "$@" >/dev/null; t1=$(now)
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", (b - a) * 1000 }'
  done | median
}

# A row of the results table: workload, ours, limit, ratio, target ("≥ 0.5", "≤ 1.2"), and a note.
# pass/fail is decided here from ratio and target.
record() {
  local workload=$1 ours=$2 limit=$3 ratio=$4 target=$5 note=${6:-}
  local verdict
  verdict=$(awk -v r="$ratio" -v t="$target" 'BEGIN {
    split(t, p, " "); v = p[2] + 0;
    if (r == "" || r == "-") { print "n/a"; exit }
    if (p[1] == "≥") print (r + 0 >= v ? "pass" : "FAIL"); else print (r + 0 <= v ? "pass" : "FAIL") }')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$workload" "$ours" "$limit" "$ratio" "$target" "$verdict" "$note" >>"$RESULTS_TSV"
  printf '  %-44s %14s %14s %8s %7s  %s\n' "$workload" "$ours" "$limit" "$ratio" "$target" "$verdict" >&2
}

# A number with one decimal.
one() { awk -v v="$1" 'BEGIN { printf "%.1f\n", v }'; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "-"; else { r = a / b; printf (r < 0.1 ? "%.4f\n" : "%.2f\n"), r } }'; }

# Starts `liangxin serve` on a database URL; sets SERVER_PID and SERVER_PORT.
start_server() {
  local url=$1 log=$2
  rm -f "$BENCH_WORK/port"
  "$LX" serve --db "$url" ${LX_SET:+--set "$LX_SET"} ${LX_SET2:+--set "$LX_SET2"} --listen 127.0.0.1:0 --port-file "$BENCH_WORK/port" --web "$BENCH_WORK/noweb" \
    >"$log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 300); do
    [ -s "$BENCH_WORK/port" ] && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$log" >&2; return 1; }
    sleep 0.1
  done
  SERVER_PORT=$(cat "$BENCH_WORK/port")
}

stop_server() {
  [ -n "${SERVER_PID:-}" ] || return 0
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=
}

# Peak resident set of a running process in MB (VmHWM).
peak_rss_mb() { awk '/^VmHWM:/ { printf "%.1f\n", $2 / 1024 }' "/proc/$1/status"; }

BENCH_LOGIN=bench
BENCH_PASSWORD='Bench-Pass-2026!'

# Adds the benchmark's office user (whole district) to a database.
add_bench_user() {
  echo "$BENCH_PASSWORD" | "$LX" user add --db "$1" --login "$BENCH_LOGIN" --role office --name 基准测试 --no-force-change >/dev/null
}

# Signs in on the running server; prints the Cookie header value.
sign_in() {
  local jar="$BENCH_WORK/cookies"
  curl -sf -c "$jar" -H 'Content-Type: application/json' \
    -d "{\"login\":\"$BENCH_LOGIN\",\"password\":\"$BENCH_PASSWORD\"}" "http://127.0.0.1:$SERVER_PORT/api/v1/session" >/dev/null
  awk '$6 == "lx_session" { print "lx_session=" $7 }' "$jar"
}

# Runs wrk -t2 -c64 for $1 seconds on URL $2 (extra header $3); prints "req/s p50_ms p99_ms errors"
# (errors: non-2xx answers plus socket errors and timeouts).
run_wrk() {
  local secs=$1 url=$2 header=${3:-}
  local out
  # A generous timeout: at province scale one list request takes half a second of CPU, so with
  # 64 connections on two cores a request waits many seconds (wrk's default of 2 s would drop them all).
  if [ -n "$header" ]; then out=$(wrk -t2 -c64 -d"${secs}s" --timeout 60s --latency -H "$header" "$url")
  else out=$(wrk -t2 -c64 -d"${secs}s" --timeout 60s --latency "$url"); fi
  echo "$out" >>"$BENCH_WORK/wrk.log"
  echo "$out" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec:/ { rps = $2 }
    $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
    /Non-2xx/ { bad += $NF }
    /Socket errors/ { for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) bad += $i + 0 }
    END { printf "%.0f %.3f %.3f %s\n", rps, p50, p99, bad + 0 }'
}

# Debian's nginx serving directory $1 on a free port with its default http settings; sets NGINX_PORT.
start_nginx() {
  local root=$1
  NGINX_PORT=$(( 40000 + RANDOM % 20000 ))
  mkdir -p "$BENCH_WORK/nginx"
  cat >"$BENCH_WORK/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $BENCH_WORK/nginx/nginx.pid;
error_log $BENCH_WORK/nginx/error.log;
events { worker_connections 768; }
http {
  sendfile on;
  tcp_nopush on;
  types_hash_max_size 2048;
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log $BENCH_WORK/nginx/access.log;
  client_body_temp_path $BENCH_WORK/nginx/body;
  proxy_temp_path $BENCH_WORK/nginx/proxy;
  fastcgi_temp_path $BENCH_WORK/nginx/fastcgi;
  uwsgi_temp_path $BENCH_WORK/nginx/uwsgi;
  scgi_temp_path $BENCH_WORK/nginx/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $root;
    location / { default_type application/json; }
  }
}
CONF
  nginx -c "$BENCH_WORK/nginx/nginx.conf"
  for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$NGINX_PORT/" && return 0; sleep 0.1; done
  cat "$BENCH_WORK/nginx/error.log" >&2
  return 1
}

stop_nginx() {
  [ -f "$BENCH_WORK/nginx/nginx.pid" ] && nginx -c "$BENCH_WORK/nginx/nginx.conf" -s quit 2>/dev/null || true
  sleep 0.3
}

# Generates a dataset unless present: gen_dataset URL SCALE [extra gen options]
gen_dataset() {
  local url=$1 scale=$2; shift 2
  local t0 t1
  case $url in sqlite:*) rm -f "${url#sqlite:}" "${url#sqlite:}-wal" "${url#sqlite:}-shm" ;; esac
  t0=$(now)
  "$LX" gen --db "$url" ${LX_SET:+--set "$LX_SET"} --scale "$scale" --seed "$BENCH_SEED" --date "$BENCH_DATE" "$@" \
    >>"$BENCH_WORK/gen.log" 2>&1 || { tail -20 "$BENCH_WORK/gen.log" >&2; return 1; }
  t1=$(now)
  GEN_SECONDS=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
  echo "  gen $scale → $url: ${GEN_SECONDS} s" >&2
  echo "gen $scale ($url): ${GEN_SECONDS} s" >>"$BENCH_WORK/notes"
}
