#!/usr/bin/env bash
# Throughput of the whole `transcheck check` command (reading, decoding,
# layout, rules, report) on an English-plus-Chinese pair of about 100 MB in
# all, built by repeating the mac-dev chapters (or the bundled samples when
# ../shared is absent). Usage: bench/cli_throughput.sh [BUILD_DIR] [MB]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
megabytes=${2:-100}
corpus=../shared/corpora/mac-dev
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -d "$corpus" ]; then
  echo "input: mac-dev chapters repeated to $megabytes MB (zh + en)"
  zh_parts=("$corpus"/zh/00?) en_parts=("$corpus"/en/00?)
else
  echo "input: corpus absent ($corpus); bundled samples repeated to $megabytes MB (zh + en)"
  zh_parts=(samples/*/article.zh.*) en_parts=(samples/*/article.en.*)
fi
half=$((megabytes * 1024 * 1024 / 2))
for side in zh en; do
  parts_var="${side}_parts[@]"
  while [ "$(stat -c %s "$work/big.$side.txt" 2>/dev/null || echo 0)" -lt "$half" ]; do
    for f in "${!parts_var}"; do cat "$f"; printf '\n\n'; done >> "$work/big.$side.txt"
  done
done
size=$(( $(stat -c %s "$work/big.zh.txt") + $(stat -c %s "$work/big.en.txt") ))
# Wall time and CPU time (user + sys): on a busy 2-core machine the CPU time
# is the figure that says what one core does.
run() {
  local label=$1; shift
  local TIMEFORMAT='%R %U %S' times
  times=$( { time "$build/transcheck" check "$work/big.zh.txt" "$work/big.en.txt" --fail-on never \
             -o "$work/report.txt" "$@" ; } 2>&1 )
  awk -v t="$times" -v b="$size" -v l="$label" 'BEGIN {
    split(t, a, " "); mb = b / 1048576; cpu = a[2] + a[3]
    printf "%-44s %6.1f MB: wall %5.2f s = %6.1f MB/s, cpu %5.2f s = %6.1f MB/s per core\n", l, mb, a[1], mb / a[1], cpu, mb / cpu }'
}
run "encoding + script rules (target >= 100 MB/s)" --disable alignment --disable terminology --disable typography
run "no rules (reading and layout only)" --disable all
run "all document rules (+ typography)" --disable alignment --disable terminology
