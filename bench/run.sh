#!/usr/bin/env bash
# bench/run.sh [N...]: kith at LinkedIn scale (issue 9). For each N (default
# 300 3000 30000) it generates a network with bench/gen, then times, in one
# interleaved loop (so that the machine's mood hits every figure alike):
# the floors (bench/floor: stat every file; read every file), /bin/true and
# `kith --version`, and kith's commands warm (parse cache in place); then a
# few cold runs (--no-cache). Each run is a whole process with its output to
# a pipe (bench/timeit). Prints medians, ratios to the stat floor (startup:
# to /bin/true) and peak memory. With taskwarrior installed, `task overdue`
# on N tasks is timed in the same loop. Asserts nothing; takes minutes at
# 30,000. Environment: KITH (the binary), RUNS (warm runs, default 7),
# COLD_RUNS (default 3).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
kith=$(realpath "${KITH:-$here/../build/kith}")
runs=${RUNS:-7}
cold_runs=${COLD_RUNS:-3}
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(300 3000 30000)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for tool in gen floor timeit; do c++ -O2 -std=c++20 -o "$work/$tool" "$here/$tool.cpp"; done
export KITH_TODAY=2026-11-21 NO_COLOR=1 HOME="$work/home" XDG_CACHE_HOME="$work/cache"
unset KITH_NO_CACHE KITH_DIR
echo "kith: $("$kith" --version); $(nproc) cores; $runs warm runs, $cold_runs cold"

# task_data N DIR: N pending tasks, one in three overdue, for `task overdue`.
task_data() {
  mkdir -p "$2"
  awk -v n="$1" 'BEGIN {
    for (i = 0; i < n; i++) {
      due = (i % 3 == 0) ? 1700000000 + i : 1900000000 + i
      printf "[description:\"follow up with person %d\" due:\"%d\" entry:\"1690000000\" status:\"pending\" uuid:\"%08x-0000-4000-8000-%012x\"]\n", i, due, i, i
    }
  }' > "$2/pending.data"
  : > "$2/completed.data"
  printf 'data.location=%s\nconfirmation=off\ngc=off\nverbose=nothing\ncolor=off\nrecurrence=off\nhooks=off\n' "$2" > "$2/taskrc"
}

# sample FILE CMD...: one timed run appended to FILE.
sample() {
  local file=$1
  shift
  "$work/timeit" "$@" >> "$file"
}

# summary LABEL FILE BASE_MS: median ms, ratio to BASE_MS, peak KB.
summary() {
  local med peak
  med=$(awk '{print $1}' "$2" | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.2f", m / 1e6}')
  peak=$(awk 'BEGIN {p = 0} {if ($2 > p) p = $2} END {print p}' "$2")
  local codes
  codes=$(awk '{print $3}' "$2" | sort -u | tr '\n' ' ')
  if [ -n "$3" ]; then
    printf '  %-32s %9s ms %7sx %8.1f MB   exit %s\n' "$1" "$med" "$(awk -v a="$med" -v b="$3" 'BEGIN {printf "%.2f", a / b}')" "$(awk -v k="$peak" 'BEGIN {print k / 1024}')" "$codes"
  else
    printf '  %-32s %9s ms %8s %8.1f MB   exit %s\n' "$1" "$med" "" "$(awk -v k="$peak" 'BEGIN {print k / 1024}')" "$codes"
  fi
}

median_ms() { awk '{print $1}' "$1" | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.3f", m / 1e6}'; }

for n in "${sizes[@]}"; do
  dir="$work/net-$n"
  res="$work/res-$n"
  mkdir -p "$res"
  "$work/gen" "$n" "$dir"
  one=$(cd "$dir" && ls -- *.yaml | grep -v '^kith.yaml$' | sed -n 1p)  # sed reads it all: head's early exit is a SIGPIPE, fatal under pipefail
  one=${one%.yaml}
  two=$(cd "$dir" && ls -- *.yaml | grep -v '^kith.yaml$' | sed -n 2p)
  two=${two%.yaml}
  echo
  echo "N = $n: $(du -sh "$dir" | cut -f1) of YAML; ONE = $one"
  has_task=0
  if command -v task > /dev/null; then
    has_task=1
    task_data "$n" "$work/task-$n"
  fi
  sleep 2.1  # older than the cache's racy margin: a first run caches every file
  "$kith" --dir "$dir" due > /dev/null 2>&1 || true
  for ((r = 0; r < runs; r++)); do
    sample "$res/stat-floor" "$work/floor" stat "$dir"
    sample "$res/read-floor" "$work/floor" read "$dir"
    sample "$res/true" /bin/true
    sample "$res/version" "$kith" --version
    sample "$res/due" "$kith" --dir "$dir" due
    sample "$res/list" "$kith" --dir "$dir" list
    sample "$res/report" "$kith" --dir "$dir" report
    sample "$res/show-ONE" "$kith" --dir "$dir" show "$one"
    sample "$res/check" "$kith" --dir "$dir" check
    sample "$res/intro-suggest" "$kith" --dir "$dir" intro --suggest --limit 20
    sample "$res/log-ONE" "$kith" --dir "$dir" log "$two" talk --again bench run  # --again: the same entry each run
    # log changed a file: the next run parses it (and, in a small network,
    # rewrites the cache; a file changed within the racy margin of a cache
    # write is parsed again). The runs timed above are warm: once the margin
    # has passed, an untimed run puts the change in the cache.
    sleep 0.06
    "$kith" --dir "$dir" due > /dev/null 2>&1 || true
    if [ "$has_task" = 1 ]; then
      sample "$res/task-overdue" task "rc:$work/task-$n/taskrc" overdue
    fi
  done
  for ((r = 0; r < cold_runs; r++)); do
    sample "$res/cold-due" "$kith" --dir "$dir" --no-cache due
    sample "$res/cold-check" "$kith" --dir "$dir" --no-cache check
    rm -rf "$work/cache"
    sample "$res/first-due" "$kith" --dir "$dir" due  # no cache yet: parses and writes it
  done
  stat_ms=$(median_ms "$res/stat-floor")
  true_ms=$(median_ms "$res/true")
  echo "  (ratios: to the stat floor; startup: to /bin/true)"
  summary "floor: stat every file" "$res/stat-floor" "$stat_ms"
  summary "floor: read every file" "$res/read-floor" "$stat_ms"
  summary "/bin/true" "$res/true" "$true_ms"
  summary "kith --version" "$res/version" "$true_ms"
  for name in due list report show-ONE log-ONE check intro-suggest; do
    summary "kith $name (warm)" "$res/$name" "$stat_ms"
  done
  [ "$has_task" = 1 ] && summary "task overdue" "$res/task-overdue" "$stat_ms"
  summary "kith due --no-cache (cold)" "$res/cold-due" "$stat_ms"
  summary "kith check --no-cache (cold)" "$res/cold-check" "$stat_ms"
  summary "kith due, first run (writes cache)" "$res/first-due" "$stat_ms"
done
