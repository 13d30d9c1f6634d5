#!/usr/bin/env bash
# Times `kith import linkedin` on a generated Connections.csv of N rows (the
# most LinkedIn exports) into an empty git-tracked directory, then the same
# import again (which must change nothing). Prints figures; fails when the
# second import writes anything. Usage: bench/import.sh [N] [KITH]
set -euo pipefail
n=${1:-30000}
kith=$(realpath "${2:-$(dirname "$0")/../build/kith}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
csv=$work/Connections.csv

{
  printf '\xef\xbb\xbfNotes:\r\n"When exporting your connection data, you may notice that some of the email addresses are missing."\r\n\r\n'
  printf 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n'
  awk -v n="$n" 'BEGIN {
    split("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec", m, " ")
    for (i = 0; i < n; i++) {
      email = (i % 5 == 0) ? sprintf("person%d@example.org", i) : ""
      company = (i % 7 == 0) ? "\"Acme, Inc\"" : sprintf("Company %d", i % 300)
      printf "Person%d,Number %d,https://www.linkedin.com/in/person-%d,%s,%s,Engineer,%02d %s %d\r\n",
             i, i, i, email, company, 1 + i % 28, m[1 + i % 12], 2010 + i % 15
    }
  }'
} > "$csv"
echo "Connections.csv: $n rows, $(($(stat -c %s "$csv") / 1024)) KiB"

export KITH_TODAY=2026-11-21 NO_COLOR=1 GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@kith.invalid \
  GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@kith.invalid
"$kith" init "$work/net" > /dev/null

seconds() { local s=$EPOCHREALTIME; "$@" > "$work/out" 2>&1; echo "$EPOCHREALTIME - $s" | bc; }

first=$(seconds "$kith" --dir "$work/net" import linkedin "$csv")
head -1 "$work/out"
echo "first import (empty directory): ${first}s"
files=$(find "$work/net" -name '*.yaml' ! -name kith.yaml | wc -l)
commits=$(git -C "$work/net" rev-list --count HEAD)
echo "person files: $files, commits: $commits (init + import)"
[ "$files" = "$n" ] || { echo "FAIL: $n rows gave $files person files" >&2; exit 1; }

before=$(cd "$work/net" && find . -name '*.yaml' -exec md5sum {} + | sort | md5sum)
second=$(seconds "$kith" --dir "$work/net" import linkedin "$csv")
head -1 "$work/out"
echo "second import (changes nothing): ${second}s"
after=$(cd "$work/net" && find . -name '*.yaml' -exec md5sum {} + | sort | md5sum)
[ "$before" = "$after" ] || { echo "FAIL: the second import changed files" >&2; exit 1; }
[ "$(git -C "$work/net" rev-list --count HEAD)" = "$commits" ] || { echo "FAIL: the second import committed" >&2; exit 1; }
