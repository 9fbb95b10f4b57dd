#!/usr/bin/env bash
# Workload 5: workloads 1 and 2 with the PostgreSQL backend, run by
# bench/run.sh under scripts/with-postgres.sh (a throwaway cluster on
# loopback, LX_TEST_PG_URL): one database per scale, filled by `liangxin gen`,
# the hand-written SQL run by psql.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/bench/lib.sh"
source "$ROOT/bench/workloads.sh"
export HAND_SQL="$ROOT/bench/sql/coverage.postgres.sql"
trap 'stop_server; stop_nginx' EXIT
base=${LX_TEST_PG_URL%/*}
for scale in $PG_SCALES; do
  db="bench_$scale"
  psql -X -q "$LX_TEST_PG_URL" -c "CREATE DATABASE $db" >/dev/null
  url="$base/$db"
  # The key and attachments of a PostgreSQL server default to data/ under the working directory: keep them here.
  export LX_SET="key_file=$BENCH_WORK/$db.key" LX_SET2="files_dir=$BENCH_WORK/$db.files"
  echo "bench: PostgreSQL, $scale" >&2
  gen_dataset "$url" "$scale"
  echo "postgres $scale: $(psql -X -At "$url" -c "SELECT pg_size_pretty(pg_database_size(current_database()))")" >>"$BENCH_WORK/notes"
  server_workloads "$scale, PostgreSQL" "$url" "psql -X -q -A -P footer=off '$url'"
done
