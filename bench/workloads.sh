# The workloads of bench/README.md, as functions sourced by bench/run.sh and
# bench/postgres.sh. Each appends its rows to $RESULTS_TSV through record().

# The list request of workload 1: a page of 20 orgs, one filter, one sort.
LIST_PATH='/api/v1/orgs?page=1&size=20&kind=enterprise&sort=registered_on&desc=true'

# Figures the API and the hand-written SQL must agree on.
FIGURES='orgs covered covered_single covered_joint work_reached should_build stale party_orgs overdue_reelections'

# Workloads 1, 2 (and 4 when $4 = rss) against a running-to-be server on $2:
#   server_workloads LABEL DB_URL HAND_SQL_RUNNER [rss]
# HAND_SQL_RUNNER is a command that reads SQL on standard input and prints
# "name|name…" then "value|value…" (sqlite3 -header, psql -A).
server_workloads() {
  local label=$1 url=$2 runner=$3 rss=${4:-}
  local tag
  tag=$(echo "$label" | tr -cs 'a-zA-Z0-9\n' '-')
  add_bench_user "$url"
  start_server "$url" "$BENCH_WORK/server-$tag.log"
  local cookie
  cookie=$(sign_in)
  [ -n "$cookie" ] || { echo "bench: sign-in failed" >&2; stop_server; return 1; }

  # 1. The list API against nginx serving the same bytes.
  mkdir -p "$BENCH_WORK/www-$tag/api/v1"
  chmod -R a+rX "$BENCH_WORK"
  curl -sf -H "Cookie: $cookie" "http://127.0.0.1:$SERVER_PORT$LIST_PATH" >"$BENCH_WORK/www-$tag/api/v1/orgs.json"
  local bytes
  bytes=$(wc -c <"$BENCH_WORK/www-$tag/api/v1/orgs.json")
  read -r rps p50 p99 bad < <(run_wrk "$WRK_SECONDS" "http://127.0.0.1:$SERVER_PORT$LIST_PATH" "Cookie: $cookie")
  start_nginx "$BENCH_WORK/www-$tag"
  read -r nrps np50 np99 nbad < <(run_wrk "$WRK_SECONDS" "http://127.0.0.1:$NGINX_PORT/api/v1/orgs.json")
  stop_nginx
  echo "list API $label: ours $rps req/s p50 $p50 ms p99 $p99 ms ($bad errors); nginx $nrps req/s p50 $np50 ms p99 $np99 ms ($nbad errors); $bytes bytes" \
    >>"$BENCH_WORK/notes"
  record "1 list API req/s ($label)" "$rps" "$nrps" "$(ratio "$rps" "$nrps")" "≥ 0.5" "nginx p50 $(one "$np50") ms, $bytes bytes"
  record "1 list API p99/p50 at 64 conn. ($label)" "$(one "$p99") ms" "$(one "$p50") ms" "$(ratio "$p99" "$p50")" "≤ 3"

  # 2. The dashboard figures against the hand-written SQL (median of 5).
  local api_url="http://127.0.0.1:$SERVER_PORT/api/v1/stats/coverage?date=$BENCH_DATE"
  local sql="$BENCH_WORK/coverage-$tag.sql"
  sed -e "s/@D@/$BENCH_DATE/g; s/@CUTOFF@/$BENCH_CUTOFF/g" "$HAND_SQL" >"$sql"
  local api_ms hand_ms
  api_ms=$(median_ms 5 curl -sf -H "Cookie: $cookie" "$api_url")
  hand_ms=$(median_ms 5 sh -c "$runner < '$sql'")
  # The same figures, or the comparison means nothing.
  local json hand mismatch=""
  json=$(curl -sf -H "Cookie: $cookie" "$api_url")
  hand=$(sh -c "$runner < '$sql'")
  for f in $FIGURES; do
    local a h
    a=$(echo "$json" | grep -o "\"$f\":[0-9]*" | head -1 | cut -d: -f2)
    h=$(echo "$hand" | awk -F'|' -v f="$f" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == f) c = i } NR == 2 { print $c }')
    [ "$a" = "$h" ] || mismatch="$mismatch $f=$a/$h"
  done
  echo "dashboard $label: API $api_ms ms, hand SQL $hand_ms ms; figures: $json" >>"$BENCH_WORK/notes"
  # What the database alone needs for the list page of workload 1 (bench/sql/list.*.sql).
  local list_sql="$BENCH_WORK/list-$tag.sql" list_ms
  sed -e "s/@D@/$BENCH_DATE/g" "${HAND_SQL%coverage.*}list.${HAND_SQL##*coverage.}" >"$list_sql"
  list_ms=$(median_ms 5 sh -c "$runner < '$list_sql'")
  echo "list page as hand SQL $label: $list_ms ms per page (process start included), at most $(awk -v m="$list_ms" 'BEGIN { printf "%.0f", 2000 / m }') pages/s on two cores" >>"$BENCH_WORK/notes"
  if [ -n "$mismatch" ]; then
    echo "bench: the hand SQL and the API disagree ($label):$mismatch" >&2
    record "2 dashboard figures ($label)" "$(one "$api_ms") ms" "$(one "$hand_ms") ms" "-" "≤ 1.2" "figures differ:$mismatch"
  else
    record "2 dashboard figures ($label)" "$(one "$api_ms") ms" "$(one "$hand_ms") ms" "$(ratio "$api_ms" "$hand_ms")" "≤ 1.2"
  fi

  # 4. Peak RSS of the server after 1 and 2.
  if [ "$rss" = rss ]; then
    local mb
    mb=$(peak_rss_mb "$SERVER_PID")
    record "4 peak RSS of serve ($label)" "$mb MB" "200 MB" "$(ratio "$mb" 200)" "≤ 1"
  fi
  stop_server
}

# 3. Import: ROWS rows of SCALE's orgs as .xlsx through `liangxin import orgs`
# (full validation, into a database holding the areas only) against
# `sqlite3 .import` of the same rows as CSV into a plain table.
import_workload() {
  local rows=$1 scale=$2
  local dir="$BENCH_WORK/import"
  rm -rf "$dir"; mkdir -p "$dir"
  "$LX" gen --scale "$scale" --seed "$BENCH_SEED" --date "$BENCH_DATE" --rows "$rows" \
    --xlsx "$dir/orgs.xlsx" --csv "$dir/orgs.csv" >>"$BENCH_WORK/gen.log" 2>&1
  "$LX" gen --db "sqlite:$dir/target.db" --scale "$scale" --seed "$BENCH_SEED" --date "$BENCH_DATE" --areas-only \
    >>"$BENCH_WORK/gen.log" 2>&1
  local t0 t1 ours plain
  t0=$(now)
  "$LX" import orgs "$dir/orgs.xlsx" --db "sqlite:$dir/target.db" >"$dir/import.log" 2>&1 || { tail -5 "$dir/import.log" >&2; return 1; }
  t1=$(now)
  ours=$(awk -v a="$t0" -v b="$t1" -v n="$rows" 'BEGIN { printf "%.0f", n / (b - a) }')
  local cols
  cols=$(head -1 "$dir/orgs.csv" | sed 's/[^,]*/"&" TEXT/g')
  sqlite3 "$dir/plain.db" "CREATE TABLE orgs ($cols);"
  t0=$(now)
  sqlite3 "$dir/plain.db" ".import --csv --skip 1 $dir/orgs.csv orgs"
  t1=$(now)
  plain=$(awk -v a="$t0" -v b="$t1" -v n="$rows" 'BEGIN { printf "%.0f", n / (b - a) }')
  local got
  got=$(sqlite3 "$dir/target.db" "SELECT COUNT(*) FROM orgs")
  echo "import $rows rows ($scale): ours $ours rows/s ($(tail -1 "$dir/import.log")), sqlite3 .import $plain rows/s; $got orgs in the database" >>"$BENCH_WORK/notes"
  if [ "$got" != "$rows" ]; then
    record "3 import rows/s ($rows rows .xlsx)" "$ours" "$plain" "-" "≥ 0.25" "only $got of $rows rows imported"
  else
    record "3 import rows/s ($rows rows .xlsx)" "$ours" "$plain" "$(ratio "$ours" "$plain")" "≥ 0.25"
  fi
}
