#!/usr/bin/env bash
# Installs kith's build dependencies from Debian's packages (when run as root),
# builds kith, and shows who is due for a follow-up in the sample network.
# With CI=true it also installs the tools some tests use and otherwise skip:
# chromium (HTML report), clang (fuzzing), fy-tool (YAML oracle), groff (man page), zsh and fish.
set -euo pipefail
cd "$(dirname "$0")"

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    g++ cmake git libcli11-dev libyaml-cpp-dev libfmt-dev libhowardhinnant-date-dev libgtest-dev \
    libfyaml-dev libutf8proc-dev pkg-config lld >/dev/null
  if [ "${CI:-}" = true ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      chromium clang libclang-rt-14-dev libfyaml-utils groff man-db zsh fish bash-completion strace >/dev/null
  fi
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
# Only what a user needs: the binary and its completions. ./test.sh builds the tests.
cmake --build build -j2 --target kith kith_completions

echo
echo "\$ kith --dir examples/people due"
./build/kith --dir examples/people due
