#!/usr/bin/env bash
# Runs every test: builds first if needed, then the unit and end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -f build/CMakeCache.txt ]; then
  cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build build -j2
ctest --test-dir build --output-on-failure -j2
