#!/usr/bin/env bash
# Runs every test of a build through CTest: unit, API on SQLite and on a
# throwaway PostgreSQL, fuzz smoke runs and the browser tests. Usage:
# scripts/run-tests.sh BUILD_DIR. LX_SKIP_E2E=1 leaves out the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
mkdir -p test-output
exclude=()
[ "${LX_SKIP_E2E:-0}" = "1" ] && exclude=(-E '^e2e')
scripts/with-postgres.sh ctest --test-dir "$build" --output-on-failure --timeout 1500 "${exclude[@]}"
