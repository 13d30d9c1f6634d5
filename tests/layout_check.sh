#!/usr/bin/env bash
# tests/layout_check.sh KITH SOURCE_DIR: the release binary links the
# functions of bench/hot-functions.txt first, in that order (CMakeLists.txt,
# with lld): the addresses of kith's own functions (compiled each in a
# section of its own) rise along the list. Exits 77 (skipped) for a binary
# that lld did not link, or without nm.
set -euo pipefail
kith=$1
list="$2/bench/hot-functions.txt"
command -v nm > /dev/null && command -v readelf > /dev/null || { echo "layout_check: no nm or readelf: skipped"; exit 77; }
comment=$(readelf -p .comment "$kith" 2>/dev/null || true)
if [[ "$comment" != *"Linker: "*LLD* ]]; then
  echo "layout_check: $kith was not linked by lld (no ld.lld when it was built): skipped"
  exit 77
fi
# kith's listed functions, with their addresses in list order; then how many
# steps along the list go up. Names defined twice (local clones) are left out.
nm --defined-only "$kith" > "${TMPDIR:-/tmp}/layout_check.$$"
trap 'rm -f "${TMPDIR:-/tmp}/layout_check.$$"' EXIT
awk '
  FILENAME == ARGV[1] { if (!($1 in order)) order[$1] = ++n; next }
  { defined[$3]++; if ($2 ~ /^[Tt]$/) at[$3] = $1 }  # nm pads addresses: compared as text
  END {
    for (name in order)
      if (name ~ /^_ZN?K?4kith/ && defined[name] == 1 && (name in at)) placed[order[name]] = at[name]
    k = 0
    for (i = 1; i <= n; i++) if (i in placed) addr[++k] = placed[i]
    up = 0
    for (i = 2; i <= k; i++) if (addr[i] "" > addr[i - 1] "") up++
    printf "layout_check: %d of kith'"'"'s functions listed; %d of %d steps along the list go up\n", k, up, k - 1
    exit !(k >= 200 && up >= 0.98 * (k - 1))
  }' "$list" "${TMPDIR:-/tmp}/layout_check.$$"
