#!/usr/bin/env bash
# Runs every test: builds first if needed (the test suite is not built by
# setup.sh), then the unit and end-to-end tests
# (with a 30-second fuzzing pass when clang is installed).
# In CI (CI=true), or with KITH_SANITIZE_TESTS=1, the suite then runs again
# built with AddressSanitizer and UndefinedBehaviorSanitizer, in build-asan/.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -f build/CMakeCache.txt ]; then
  cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build build -j2
ctest --test-dir build --output-on-failure -j2

if [ "${CI:-}" = true ] || [ "${KITH_SANITIZE_TESTS:-}" = 1 ]; then
  echo
  echo "Again under AddressSanitizer and UndefinedBehaviorSanitizer (build-asan/):"
  if [ ! -f build-asan/CMakeCache.txt ]; then
    cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DKITH_SANITIZE=ON >/dev/null
  fi
  cmake --build build-asan -j2
  # The suite in two processes at once (gtest's shards), not one per test:
  # through ctest, one sanitized process per test took 18 minutes. The
  # fuzzers ran sanitized above; the sync simulation runs 10 days here.
  export ASAN_OPTIONS="detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
  export KITH_SIM_DAYS=10 GTEST_TOTAL_SHARDS=2
  status=0
  for shard in 0 1; do
    GTEST_SHARD_INDEX=$shard build-asan/kith_tests --gtest_brief=1 > "build-asan/shard-$shard.log" 2>&1 &
  done
  for shard in 0 1; do
    wait -n || status=1
  done
  cat build-asan/shard-0.log build-asan/shard-1.log
  exit $status
fi
