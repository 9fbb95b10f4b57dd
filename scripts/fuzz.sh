#!/usr/bin/env bash
# Builds the libFuzzer targets in tests/fuzz (fuzz_*.cpp) with clang, ASan and
# UBSan, against src/io, src/core and the router and JSON readers of src/http, and runs each for N seconds on its seed
# corpus (tests/fuzz/corpus/<target>/); fails if any target crashes.
# Usage: scripts/fuzz.sh [SECONDS=10] [TARGET...]. Everything goes to build-fuzz/
# (objects, the corpus grown by the run, crash artifacts); the committed seed
# corpus is only read.
set -euo pipefail
cd "$(dirname "$0")/.."

secs=${1:-10}
shift || true
CXX=${LX_FUZZ_CXX:-clang++-14}
out=build-fuzz
mkdir -p "$out/obj" "$out/corpus" "$out/artifacts"

if ! command -v "$CXX" >/dev/null; then
  echo "fuzz: $CXX not found (scripts/install-deps.sh installs clang-14 and libclang-rt-14-dev)" >&2
  exit 1
fi

pkgs="libzip pugixml icu-uc icu-i18n xlsxwriter"
read -r -a pkg_cflags <<<"$(pkg-config --cflags $pkgs)"
read -r -a pkg_libs <<<"$(pkg-config --libs $pkgs)"
pkg_libs+=(-lboost_json)   # the request target reads JSON bodies as the server does
san=(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
cxxflags=(-std=c++20 -g -O1 -Wall -Wextra -Wno-missing-field-initializers -Isrc "${san[@]}" "${pkg_cflags[@]}")

# Objects of the library sources, rebuilt when a source or any header changed.
newest_header=$(find src/io src/core src/http -name '*.hpp' -printf '%T@\n' | sort -n | tail -1)
objs=()
pids=()
# (and the request parts of src/http that need no server: the router and the JSON readers)
for src in src/io/*.cpp src/core/*.cpp src/http/router.cpp src/http/json.cpp; do
  obj="$out/obj/$(echo "${src%.cpp}" | tr / _).o"
  objs+=("$obj")
  if [ ! -f "$obj" ] || [ "$src" -nt "$obj" ] || [ "$(stat -c %Y "$obj")" -lt "${newest_header%.*}" ]; then
    "$CXX" "${cxxflags[@]}" -fsanitize=fuzzer-no-link -c "$src" -o "$obj" &
    pids+=($!)
    if [ ${#pids[@]} -ge 2 ]; then wait "${pids[0]}"; pids=("${pids[@]:1}"); fi
  fi
done
for p in "${pids[@]}"; do wait "$p"; done
# An archive, so a target links only the objects it needs.
lib="$out/liblx_fuzz.a"
if [ ! -f "$lib" ] || [ -n "$(find "${objs[@]}" -newer "$lib" | head -1)" ]; then
  rm -f "$lib"
  ar rcs "$lib" "${objs[@]}"
fi

if [ $# -gt 0 ]; then targets=("$@"); else
  targets=()
  for f in tests/fuzz/fuzz_*.cpp; do targets+=("$(basename "${f%.cpp}")"); done
fi

status=0
for t in "${targets[@]}"; do
  bin="$out/$t"
  if [ ! -x "$bin" ] || [ "tests/fuzz/$t.cpp" -nt "$bin" ] || [ "$lib" -nt "$bin" ]; then
    echo "fuzz: building $t"
    "$CXX" "${cxxflags[@]}" -fsanitize=fuzzer "tests/fuzz/$t.cpp" "$lib" "${pkg_libs[@]}" -o "$bin"
  fi
  name=${t#fuzz_}
  seeds="tests/fuzz/corpus/$name"
  mkdir -p "$out/corpus/$name" "$seeds"
  dict=()
  [ -f "tests/fuzz/$name.dict" ] && dict=(-dict="tests/fuzz/$name.dict")
  echo "fuzz: running $t for ${secs}s"
  if ! ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1 \
      "$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
      -artifact_prefix="$out/artifacts/$name-" "${dict[@]}" "$out/corpus/$name" "$seeds" \
      >"$out/$name.log" 2>&1; then
    echo "fuzz: $t FAILED; see $out/$name.log and $out/artifacts/" >&2
    tail -40 "$out/$name.log" >&2
    status=1
  else
    grep -E "^stat::number_of_executed_units|^Done [0-9]+ runs" "$out/$name.log" | tail -1 | sed "s/^/fuzz: $t: /"
  fi
done
exit $status
