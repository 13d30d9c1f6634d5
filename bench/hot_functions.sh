#!/usr/bin/env bash
# bench/hot_functions.sh [KITH]: writes bench/hot-functions.txt, the
# functions (mangled) that kith's everyday commands run: those of the first
# command profiled, then those each next one adds. The release build links them first and side by side (lld's
# --symbol-ordering-file; CMakeLists.txt): a run then touches a few pages
# of code, each a page fault, instead of pages all over 4 MB of it.
# Measured with callgrind on a generated network of 300 people and on the
# sample network: --version, due, list, show, log, check, report, intro,
# add, snooze, find, history. Run it after large changes (a renamed
# function is only missing from the list: it still works, placed anywhere).
# Needs valgrind; KITH defaults to build/kith (built with symbols, as
# ./setup.sh builds it).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
kith=$(realpath "${1:-$here/../build/kith}")
command -v valgrind > /dev/null || { echo "bench/hot_functions.sh: needs valgrind" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
c++ -O2 -std=c++20 -o "$work/gen" "$here/gen.cpp"
export KITH_TODAY=2026-11-21 NO_COLOR=1 HOME="$work/home" XDG_CACHE_HOME="$work/cache"
unset KITH_NO_CACHE KITH_DIR
"$work/gen" 300 "$work/net" > /dev/null
cp -r "$here/../examples/people" "$work/sample"
sleep 2.1  # older than the cache's racy margin: the runs below are warm
one=$(cd "$work/net" && ls -- *.yaml | grep -v '^kith.yaml$' | sed -n 1p)
one=${one%.yaml}

# profile NAME ARGS...: the functions of one run, in the order callgrind first names them.
n=0
profile() {
  n=$((n + 1))
  valgrind --tool=callgrind --demangle=no --callgrind-out-file="$work/cg.$n" "$kith" "$@" > /dev/null 2>&1 || true
}
for dir in "$work/net" "$work/sample"; do
  "$kith" --dir "$dir" due > /dev/null 2>&1 || true  # writes the cache: the runs below read it, as most runs do
  "$kith" --dir "$dir" due > /dev/null 2>&1 || true
done
profile --version
for dir in "$work/net" "$work/sample"; do
  profile --dir "$dir" due
  profile --dir "$dir" due --json
  profile --dir "$dir" list
  profile --dir "$dir" check
  profile --dir "$dir" report
  profile --dir "$dir" intro --suggest --limit 5
  profile --dir "$dir" find a
  profile --dir "$dir" history
done
profile --dir "$work/net" show "$one"
profile --dir "$work/net" log "$one" talk hot functions
profile --dir "$work/net" snooze "$one" 2w
profile --dir "$work/net" add "Hot Functions" --circle team
profile --dir "$work/net" due  # after a change: a file parsed, the cache rewritten

# A symbol per line, each once: the functions of the first run, then those
# the second adds, and so on, each run's sorted by name (callgrind names
# them in no set order). callgrind's '2 marks a recursion, 0x... a place
# without a symbol.
for ((k = 1; k <= n; k++)); do
  { grep -oP '^c?fn=\(\d+\) \K.*' "$work/cg.$k" || true; } | sed "s/'[0-9]*\$//" | grep -v -e '^0x' -e '[ ()]' |
    LC_ALL=C sort -u
done | awk '!seen[$0]++' > "$here/hot-functions.txt"
echo "bench/hot-functions.txt: $(wc -l < "$here/hot-functions.txt") functions from $n runs"
