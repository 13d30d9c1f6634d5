#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Opens `kith report --html` in a real headless Chromium: the page must
# render its SVG charts, log no console error (a blocked resource or script
# would), and show a hostile name as text, not markup.
# Usage: html_report_check.sh KITH_BINARY SOURCE_DIR [SCREENSHOT.png]
# Skips (exit 77, which ctest reports as Skipped) when no Chromium is installed.
set -euo pipefail

kith=${1:?usage: html_report_check.sh KITH_BINARY SOURCE_DIR [SCREENSHOT.png]}
src=${2:?usage: html_report_check.sh KITH_BINARY SOURCE_DIR [SCREENSHOT.png]}

browser=""
for name in chromium chromium-browser google-chrome; do
  if command -v "$name" >/dev/null 2>&1; then
    browser=$(command -v "$name")
    break
  fi
done
if [ -z "$browser" ]; then
  echo "html_report_check: skipped, no chromium installed (apt-get install chromium)"
  exit 77
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
shot=${3:-$work/report.png}

fail() {
  echo "html_report_check: FAIL: $*" >&2
  exit 1
}

cp -r "$src/examples/people" "$work/people"
# A name that would be markup if it were not escaped.
printf 'name: "<script>alert(1)</script> & <b>Bold</b>"\nlog:\n  - {date: 2026-11-01, kind: ask}\n' \
  >"$work/people/hostile.yaml"

KITH_TODAY=2026-11-21 "$kith" --dir "$work/people" report --html "$work/report.html" >/dev/null \
  || fail "kith report --html exited with $?"
page="$work/report.html"

# The file itself: charts inline, nothing to fetch, no script.
[ "$(grep -o '<svg' "$page" | wc -l)" -ge 4 ] || fail "fewer than 4 <svg> charts in the page"
! grep -qiE '<script|https?://|src=|href=|@import|url\(' "$page" || fail "the page references a script or a resource"

browse() {
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$(mktemp -d -p "$work")" "$@"
}

# The DOM as the browser built it.
browse --dump-dom "file://$page" >"$work/dom.html" 2>"$work/dom.log" || fail "chromium --dump-dom failed"
[ "$(grep -o '<svg' "$work/dom.html" | wc -l)" -ge 4 ] || fail "the rendered DOM has fewer than 4 <svg>"
grep -q '<rect' "$work/dom.html" || fail "the rendered DOM has no bars (<rect>)"
grep -q 'Mehdi Benali' "$work/dom.html" || fail "the rendered DOM lacks the advice about Mehdi Benali"
! grep -qi '<script' "$work/dom.html" || fail "a <script> element reached the DOM: a name was not escaped"
grep -q '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;Bold&lt;/b&gt;' "$work/dom.html" \
  || fail "the hostile name is not shown as text"

# The screenshot, with the console on stderr.
rm -f "$shot"
browse --enable-logging=stderr --v=0 --window-size=1200,2000 --screenshot="$shot" "file://$page" \
  >"$work/shot.out" 2>"$work/shot.log" || fail "chromium --screenshot failed"
[ -s "$shot" ] || fail "no screenshot written"
[ "$(head -c 8 "$shot" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "the screenshot is not a PNG"
if grep -E 'Uncaught|ERROR:CONSOLE|Refused to|Content Security Policy' "$work/shot.log" "$work/dom.log"; then
  fail "the browser console reported errors (above)"
fi

echo "html_report_check: ok ($shot)"
