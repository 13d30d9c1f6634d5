#!/usr/bin/env bash
# The sync simulation of tests/sync_sim_test.cpp, larger: N machines, D days,
# several seeds. Prints the simulation's figures and exits non-zero when one
# run loses, doubles or conflicts. Usage: bench/sync_sim.sh [N] [D] [SEEDS]
set -euo pipefail
n=${1:-4}
d=${2:-150}
seeds=${3:-3}
tests=${KITH_TESTS:-$(dirname "$0")/../build/kith_tests}
status=0
for ((seed = 1; seed <= seeds; seed++)); do
  echo "== machines $n, days $d, seed $seed"
  out=$(KITH_SIM_MACHINES=$n KITH_SIM_DAYS=$d KITH_SIM_SEED=$seed \
    "$tests" --gtest_filter='SyncSim.*' --gtest_brief=1 2>&1) || status=1
  grep -E '^\[ sync sim \]|Failure|^(Expected|Which|  Actual)' <<<"$out" || true
done
exit $status
