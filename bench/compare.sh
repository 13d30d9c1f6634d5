#!/usr/bin/env bash
# bench/compare.sh RUNS DIR 'ARGS' KITH...: one kith command on one data
# directory, timed with several kith binaries (before and after a change),
# interleaved with the stat floor (bench/floor.cpp) so that the machine's
# mood hits every figure alike. Each binary gets its own parse cache (the
# cache is keyed to the binary), fresh, warmed by two runs first. Prints,
# per binary, the median and fastest of RUNS runs and the peak memory.
# Asserts nothing. Example, on a network from bench/gen:
#   bench/compare.sh 9 /tmp/net 'intro --suggest' /tmp/kith.before build/kith
set -euo pipefail
if [ $# -lt 4 ]; then
  echo "usage: bench/compare.sh RUNS DIR 'ARGS' KITH..." >&2
  exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
runs=$1
dir=$2
read -r -a args <<< "$3"
shift 3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for tool in floor timeit; do c++ -O2 -std=c++20 -o "$work/$tool" "$here/$tool.cpp"; done
export KITH_TODAY=2026-11-21 NO_COLOR=1 HOME="$work/home"
unset KITH_NO_CACHE KITH_DIR

kiths=()
for k in "$@"; do kiths+=("$(realpath "$k")"); done
for i in "${!kiths[@]}"; do
  for _ in 1 2; do XDG_CACHE_HOME="$work/cache-$i" "${kiths[$i]}" --dir "$dir" due > /dev/null 2>&1 || true; done
done
for _ in $(seq "$runs"); do
  "$work/timeit" "$work/floor" stat "$dir" >> "$work/floor.times"
  for i in "${!kiths[@]}"; do
    XDG_CACHE_HOME="$work/cache-$i" "$work/timeit" "${kiths[$i]}" --dir "$dir" "${args[@]}" >> "$work/kith-$i.times"
  done
done

# report LABEL FILE: median and fastest ms, peak MB (timeit: NS PEAK_KB EXIT).
report() {
  sort -n "$2" | awk -v label="$1" '{t[NR] = $1; if ($2 > peak) peak = $2}
    END {m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
         printf "%-40s median %8.1f ms  fastest %8.1f ms  peak %6.1f MB\n", label, m / 1e6, t[1] / 1e6, peak / 1024}'
}
echo "kith ${args[*]} on $dir, $runs runs"
report "stat floor" "$work/floor.times"
for i in "${!kiths[@]}"; do report "${kiths[$i]}" "$work/kith-$i.times"; done
