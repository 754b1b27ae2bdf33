#!/usr/bin/env bash
# Figures for the HTML report and `transcheck fix` (issue 13):
# 1. html_report_bench: time and size of the HTML report against the JSON
#    report written from the same result (largest mac-dev chapter pair, and a
#    book-sized pair of about 1 MB a side, some 300 pages);
# 2. the time headless Chromium takes to load the book pair's report, run its
#    script and dump the DOM (when chromium is installed);
# 3. how many findings `fix` removes from samples/exercise-recovery, against
#    the findings that have a fix (safe and unsafe).
# Reads ../shared/corpora/mac-dev next to the source tree and says so when
# it is absent. Usage: bench/report_bench.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
transcheck=$build/transcheck
corpus=../shared/corpora/mac-dev
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== HTML report against the JSON report of the same result (best of 5)"
"$build/html_report_bench"

echo "== the book pair's HTML report in headless Chromium"
if [ -d "$corpus/zh" ] && command -v chromium >/dev/null; then
  for side in zh en; do
    while [ "$(stat -c %s "$work/book.$side.txt" 2>/dev/null || echo 0)" -lt 1000000 ]; do
      for f in "$corpus/$side"/[0-9][0-9][0-9]; do cat "$f"; printf '\n\n'; done >> "$work/book.$side.txt"
    done
  done
  "$transcheck" check "$work/book.zh.txt" "$work/book.en.txt" --fail-on never --format html -o "$work/book.html"
  sandbox=""
  [ "$(id -u)" = 0 ] && sandbox=--no-sandbox
  TIMEFORMAT='%R'
  seconds=$( { time timeout 300 chromium --headless --disable-gpu $sandbox --user-data-dir="$work/profile" \
    --dump-dom "file://$(realpath "$work/book.html")" >"$work/dom.html" 2>/dev/null ; } 2>&1 )
  echo "book.html: $(stat -c %s "$work/book.html") bytes, $(grep -o 'class="row bead" data-bead=' "$work/dom.html" | wc -l) beads," \
    "$(grep -o '<mark class=' "$work/dom.html" | wc -l) marks; chromium start + load + script + DOM dump: $seconds s wall"
  seconds=$( { time timeout 300 chromium --headless --disable-gpu $sandbox --user-data-dir="$work/profile" \
    --dump-dom "about:blank" >/dev/null 2>&1 ; } 2>&1 )
  echo "(chromium start + dump of an empty page: $seconds s wall)"
else
  echo "corpus ($corpus) or chromium absent: no browser figure"
fi

echo "== fix on samples/exercise-recovery (with the medical glossary)"
cp samples/exercise-recovery/article.zh.txt samples/exercise-recovery/article.en.txt "$work/"
pair=("$work/article.zh.txt" "$work/article.en.txt" --glossary glossaries/medical.zh-en.tsv --fail-on never)
before=$("$transcheck" check "${pair[@]}" || true)
total=$(grep -c '^[^ ].*: \(error\|warning\|info\): ' <<<"$before" || true)
safe=$(grep -c '^ *= fix: ' <<<"$before" || true)
unsafe=$(grep -c '^ *= possible fix: ' <<<"$before" || true)
"$transcheck" fix "${pair[@]:0:4}" 2>"$work/fix.err"
after=$("$transcheck" check "${pair[@]}" || true)
left=$(grep -c '^[^ ].*: \(error\|warning\|info\): ' <<<"$after" || true)
left_fixable=$(grep -c '^ *= \(possible \)\?fix: ' <<<"$after" || true)
echo "findings before: $total; with a fix: $((safe + unsafe)) ($safe safe, $unsafe unsafe)"
echo "fix: $(tail -1 "$work/fix.err")"
echo "findings after: $left (removed $((total - left)) of the $((safe + unsafe)) with a fix; $left_fixable with a fix left)"
"$transcheck" fix --unsafe "${pair[@]:0:4}" 2>"$work/fix.err"
after_unsafe=$("$transcheck" check "${pair[@]}" || true)
left_unsafe=$(grep -c '^[^ ].*: \(error\|warning\|info\): ' <<<"$after_unsafe" || true)
echo "then fix --unsafe: $(tail -1 "$work/fix.err"); findings after: $left_unsafe"
