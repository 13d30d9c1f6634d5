#!/usr/bin/env bash
# Runs every test, building first if needed (setup.sh does not build the
# test suite).
#
#   ./test.sh                        the suite, built for release, through ctest
#                                    (with a 30-second fuzzing pass when clang is
#                                    installed, and the HTML report in Chromium)
#   KITH_SANITIZE_TESTS=1 ./test.sh  the same, then the suite again built with
#                                    AddressSanitizer and UndefinedBehaviorSanitizer
#   CI=true ./test.sh                the fuzzing pass, the Chromium check, and the
#                                    suite once, sanitized: every test, in about
#                                    half the time of running the suite twice
#                                    (the sync simulation runs 10 days there)
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -f build/CMakeCache.txt ]; then
  cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi

# The suite built with AddressSanitizer and UndefinedBehaviorSanitizer, in
# build-asan/, run as two processes at once (gtest's shards), not one per
# test: through ctest, one sanitized process per test took 18 minutes.
sanitized_suite() {
  echo
  echo "The suite under AddressSanitizer and UndefinedBehaviorSanitizer (build-asan/):"
  if [ ! -f build-asan/CMakeCache.txt ]; then
    cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DKITH_SANITIZE=ON >/dev/null
  fi
  cmake --build build-asan -j2
  export ASAN_OPTIONS="detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
  export KITH_SIM_DAYS=10 GTEST_TOTAL_SHARDS=2
  local status=0 shard
  for shard in 0 1; do
    GTEST_SHARD_INDEX=$shard build-asan/kith_tests --gtest_brief=1 > "build-asan/shard-$shard.log" 2>&1 &
  done
  for shard in 0 1; do
    wait -n || status=1
  done
  cat build-asan/shard-0.log build-asan/shard-1.log
  return $status
}

if [ "${CI:-}" = true ]; then
  # What ctest runs besides the gtest suite, on the release binary setup.sh built.
  cmake --build build -j2 --target kith
  status=0
  fuzz/run.sh 30 --build-dir build/fuzz || { code=$?; [ $code = 77 ] || status=1; }
  bash tests/html_report_check.sh build/kith . || { code=$?; [ $code = 77 ] || status=1; }
  bash tests/layout_check.sh build/kith . || { code=$?; [ $code = 77 ] || status=1; }
  sanitized_suite || status=1
  exit $status
fi

cmake --build build -j2
ctest --test-dir build --output-on-failure -j2
if [ "${KITH_SANITIZE_TESTS:-}" = 1 ]; then
  sanitized_suite
fi
