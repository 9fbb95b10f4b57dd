#!/usr/bin/env bash
# make bench [QUICK=1]: generates datasets with `liangxin gen`, runs the
# workloads of bench/README.md against the machine's own limits (nginx, the
# sqlite3 shell, psql), prints one table and writes it to bench/RESULTS.md
# (QUICK=1: bench/RESULTS-quick.md). Needs a built tree (make build).
#   QUICK=1            city only, 5 s wrk runs, a 20,000-row import: a few minutes
#   BUILD=build        the build directory
#   BENCH_WORK=DIR     where datasets go (default a temporary directory, removed afterwards)
#   BENCH_SEED=N       the generator's seed (1)
#   BENCH_SKIP_PG=1    leave out the PostgreSQL workloads
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=${BUILD:-build}
export LX="$ROOT/$BUILD/liangxin"
[ -x "$LX" ] || { echo "bench: $LX not found; run make build" >&2; exit 1; }
for tool in wrk nginx sqlite3 curl psql; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (scripts/install-deps.sh installs it)" >&2; exit 1; }
done

QUICK=${QUICK:-}
export BENCH_SEED=${BENCH_SEED:-1}
export BENCH_DATE=${BENCH_DATE:-$(TZ=Asia/Shanghai date +%F)}
export BENCH_CUTOFF=$(date -d "$BENCH_DATE -3 months" +%F)
if [ -n "${BENCH_WORK:-}" ]; then
  mkdir -p "$BENCH_WORK"; KEEP_WORK=1
else
  BENCH_WORK=$(mktemp -d /tmp/lx-bench-XXXXXX); KEEP_WORK=
fi
export BENCH_WORK
export RESULTS_TSV="$BENCH_WORK/results.tsv"
: >"$RESULTS_TSV"; : >"$BENCH_WORK/notes"
source "$ROOT/bench/lib.sh"
source "$ROOT/bench/workloads.sh"
cleanup() {
  stop_server; stop_nginx
  [ -n "$KEEP_WORK" ] || rm -rf "$BENCH_WORK"
}
trap cleanup EXIT

if [ -n "$QUICK" ]; then
  export WRK_SECONDS=5 IMPORT_ROWS=20000 IMPORT_SCALE=city SCALES="city" PG_SCALES="small"
  OUT="$ROOT/bench/RESULTS-quick.md"
else
  export WRK_SECONDS=15 IMPORT_ROWS=100000 IMPORT_SCALE=province SCALES="city province" PG_SCALES="city province"
  OUT="$ROOT/bench/RESULTS.md"
fi
START=$(now)
echo "bench: work directory $BENCH_WORK, date $BENCH_DATE, seed $BENCH_SEED${QUICK:+, QUICK}" >&2

export HAND_SQL="$ROOT/bench/sql/coverage.sqlite.sql"
for scale in $SCALES; do
  echo "bench: SQLite, $scale" >&2
  gen_dataset "sqlite:$BENCH_WORK/$scale.db" "$scale"
  rss=
  if [ "$scale" = province ] || [ -n "$QUICK" ]; then rss=rss; fi
  server_workloads "$scale, SQLite" "sqlite:$BENCH_WORK/$scale.db" "sqlite3 -header '$BENCH_WORK/$scale.db'" $rss
  [ -n "$KEEP_WORK" ] || [ "$scale" = province ] || rm -f "$BENCH_WORK/$scale.db"*
done

echo "bench: import" >&2
import_workload "$IMPORT_ROWS" "$IMPORT_SCALE"

if [ -z "${BENCH_SKIP_PG:-}" ]; then
  echo "bench: PostgreSQL" >&2
  PG_SCALES="$PG_SCALES" "$ROOT/scripts/with-postgres.sh" "$ROOT/bench/postgres.sh" >&2
fi

ELAPSED=$(awk -v a="$START" -v b="$(now)" 'BEGIN { printf "%.0f", b - a }')
# The "Load" section that `make soak` (scripts/load.sh) keeps in the same file stays as it is.
load_section=
[ -f "$OUT" ] && load_section=$(awk '/^## Load \(make soak/ { on = 1 } on && /^## / && !/^## Load \(make soak/ { on = 0 } on' "$OUT")
"$ROOT/bench/report.sh" "$RESULTS_TSV" "$BENCH_WORK/notes" "$ELAPSED" "${QUICK:+QUICK=1}" >"$OUT.new"
[ -z "$load_section" ] || printf '\n%s\n' "$load_section" >>"$OUT.new"
mv "$OUT.new" "$OUT"
cat "$OUT"
echo "bench: written to $OUT (${ELAPSED} s)" >&2
