#!/usr/bin/env bash
# Times kith on a generated network: N people with E log entries each.
# Prints figures; asserts nothing. Usage: bench/run.sh [N] [E] [KITH]
set -euo pipefail
n=${1:-1000}
e=${2:-40}
kith=${3:-$(dirname "$0")/../build/kith}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

kinds=(talk give ask got note met)
for ((i = 0; i < n; i++)); do
  {
    printf 'name: Person %d\ncircle: %s\ntags: [t%d, lyon]\noffers: [o%d]\nneeds: [o%d]\nlog:\n' \
      "$i" "$([ $((i % 3)) = 0 ] && echo team || echo community)" $((i % 50)) $((i % 97)) $(((i + 1) % 97))
    for ((j = 0; j < e; j++)); do
      printf '  - date: %04d-%02d-%02d\n    kind: %s\n    note: entry %d of person %d\n' \
        $((2020 + j % 6)) $((1 + j % 12)) $((1 + (i + j) % 28)) "${kinds[$(((i + j) % 6))]}" "$j" "$i"
    done
  } > "$dir/person-$i.yaml"
done
bytes=$(du -sb "$dir" | cut -f1)
echo "network: $n people x $e entries, $((bytes / 1024)) KiB of YAML"

export KITH_TODAY=2026-11-21 KITH_DIR="$dir" NO_COLOR=1
time_it() {
  local label=$1
  shift
  local best=""
  for _ in 1 2 3; do
    local start end ms
    start=$(date +%s%N)
    "$@" > /dev/null 2>&1 || true
    end=$(date +%s%N)
    ms=$(((end - start) / 1000000))
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
  done
  printf '%-34s %6d ms (best of 3)\n' "$label" "$best"
}
time_it "kith due" "$kith" due
time_it "kith list" "$kith" list
time_it "kith check" "$kith" check
time_it "kith report" "$kith" report
time_it "kith intro --suggest --limit 10" "$kith" intro --suggest --limit 10
time_it "kith log (one append)" "$kith" log person-500 talk "bench"
time_it "kith show" "$kith" show person-500
