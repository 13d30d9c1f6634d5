#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (in build-fuzz/ unless --build-dir)
# and runs each for SECONDS, both at once on a 2-core machine (--serial: one
# after the other; --only NAME: one of them). New inputs go to BUILD/corpus/,
# crashes to BUILD/findings/.
# Exit: 0 nothing found, 1 a finding, 77 clang or libFuzzer missing (skip).
#   fuzz/run.sh 900            # 15 minutes each
#   fuzz/run.sh 30 --build-dir build/fuzz
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"

seconds=60
build="$root/build-fuzz"
serial=false
fuzzers=(load_fuzzer edit_fuzzer roundtrip_fuzzer)
while [ $# -gt 0 ]; do
  case "$1" in
    --build-dir) build="$2"; shift 2 ;;
    --serial) serial=true; shift ;;
    --only) fuzzers=("$2"); shift 2 ;;
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *[!0-9]*|'') echo "fuzz/run.sh: unknown argument '$1' (usage: fuzz/run.sh [SECONDS] [--serial] [--only NAME] [--build-dir DIR])" >&2; exit 2 ;;
    *) seconds="$1"; shift ;;
  esac
done

cxx="${FUZZ_CXX:-$(command -v clang++ || command -v clang++-14 || true)}"
if [ -z "$cxx" ]; then
  echo "fuzz/run.sh: skipped: clang++ is not installed (apt-get install clang)"
  exit 77
fi
probe="$(mktemp -d)"
trap 'rm -rf "$probe"' EXIT
printf 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }\n' >"$probe/p.cpp"
if ! "$cxx" -fsanitize=fuzzer,address,undefined "$probe/p.cpp" -o "$probe/p" 2>"$probe/err"; then
  echo "fuzz/run.sh: skipped: $cxx cannot build a libFuzzer target (apt-get install clang libclang-rt-14-dev):"
  sed 's/^/  /' "$probe/err" | head -3
  exit 77
fi

if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$root" -B "$build" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DKITH_FUZZ=ON -DKITH_TESTS=OFF >/dev/null
fi
cmake --build "$build" -j2 --target "${fuzzers[@]}" >"$build/build.log" 2>&1 || {
  cat "$build/build.log" >&2
  exit 1
}

mkdir -p "$build/findings" "$build/logs"
run_one() {
  local name="$1"
  mkdir -p "$build/corpus/$name"
  # The first folder receives new inputs; the seed corpus stays as committed.
  "$build/fuzz/$name" "$build/corpus/$name" "$here/corpus" \
    -dict="$here/yaml.dict" -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
    -error_exitcode=3 -timeout_exitcode=3 -print_final_stats=1 \
    -artifact_prefix="$build/findings/$name-" >"$build/logs/$name.log" 2>&1
}

before=$(ls "$build/findings" | wc -l)
declare -A status
if $serial || [ "$(nproc)" -lt 2 ]; then
  for f in "${fuzzers[@]}"; do
    if run_one "$f"; then status[$f]=0; else status[$f]=$?; fi
  done
else
  declare -A pids
  for f in "${fuzzers[@]}"; do
    run_one "$f" &
    pids[$f]=$!
  done
  for f in "${fuzzers[@]}"; do
    if wait "${pids[$f]}"; then status[$f]=0; else status[$f]=$?; fi
  done
fi

found=0
for f in "${fuzzers[@]}"; do
  log="$build/logs/$f.log"
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  secs=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
  corpus=$(ls "$build/corpus/$f" | wc -l)
  if [ "${status[$f]}" = 0 ]; then
    echo "$f: ${runs:-?} executions in ${secs:-$seconds} s, corpus $corpus inputs, no findings"
  else
    found=1
    echo "$f: FINDING (exit ${status[$f]}) after ${runs:-?} executions; log: $log"
    grep -E '^(==[0-9]+==ERROR|SUMMARY|.*invariant broken|edit_fuzzer:|roundtrip_fuzzer:|artifact_prefix|Test unit written)' "$log" | head -8 | sed 's/^/  /' || true
  fi
done
after=$(ls "$build/findings" | wc -l)
echo "findings: $((after - before)) new in $build/findings"
exit $found
