#!/usr/bin/env bash
# Writes the results of a bench run as Markdown: the machine, the date, the
# table (workload, ours, limit, ratio, target, pass/fail), the raw notes of
# the run, and the hand-written analysis kept in bench/analysis.md.
#   report.sh RESULTS_TSV NOTES ELAPSED_SECONDS [QUICK=1]
set -euo pipefail
tsv=$1 notes=$2 elapsed=$3 mode=${4:-}
here=$(cd "$(dirname "$0")" && pwd)
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
mem=$(awk '/^MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo)
os=$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME")
pgv=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
echo "# Benchmark results${mode:+ ($mode)}"
echo
echo "Written by \`make bench${mode:+ $mode}\` (bench/run.sh) on $(TZ=Asia/Shanghai date '+%Y-%m-%d %H:%M') Asia/Shanghai, in ${elapsed} s."
echo
echo "Machine: $cpu, $(nproc) cores, $mem RAM; $os, kernel $(uname -r); SQLite $(sqlite3 --version | cut -d' ' -f1),"
echo "PostgreSQL $("$pgv/postgres" --version 2>/dev/null | awk '{ print $3 }'), $(nginx -v 2>&1 | sed 's/.*: //'), $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)."
echo "Everything (server, wrk, nginx, the database) shares these cores, so only the ratios compare."
echo
echo "| workload | ours | limit | ratio | target | result |"
echo "| --- | ---: | ---: | ---: | --- | --- |"
awk -F'\t' '{ note = $7 != "" ? " (" $7 ")" : ""; printf "| %s | %s | %s | %s | %s | %s%s |\n", $1, $2, $3, $4, $5, $6, note }' "$tsv"
echo
echo "Limits: 1 — Debian's nginx serving a file of the same bytes; the p99 limit is 3 × our own p50."
echo "2 — the hand-written SQL of bench/sql/ in the sqlite3 shell or psql (median of 5, process start included on both sides)."
echo "3 — \`sqlite3 .import\` of the same rows as CSV into a plain table. 4 — 200 MB."
echo
echo "## Run notes"
echo
echo '```'
cat "$notes"
echo '```'
if [ -f "$here/analysis.md" ]; then
  echo
  cat "$here/analysis.md"
fi
