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
  # One process for the whole suite: through ctest, one sanitized process per
  # test took 18 minutes instead of 2. (The fuzzers ran sanitized above.)
  ASAN_OPTIONS="detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1" \
  UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
    build-asan/kith_tests --gtest_brief=1
fi
