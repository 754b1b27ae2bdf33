#!/usr/bin/env bash
# Start-up cost: wall time of checking the bundled small article pair end to
# end (lexicon, Hunspell and glossary loading included), median of several
# runs, next to `transcheck --version` (process start alone) measured in the
# same run. Target: under 50 ms for the pair.
#   bench/startup_bench.sh [BUILD_DIR] [RUNS]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$here/build}"
runs="${2:-9}"
binary="$build/transcheck"
[ -x "$binary" ] || { echo "startup_bench: $binary not found (build first)"; exit 1; }

# Median wall and CPU (user + system) milliseconds of running the given
# command $runs times; CPU time stays meaningful on a busy machine.
median_ms() {
  local walls=() cpus=()
  local TIMEFORMAT='%R %U %S'
  for _ in $(seq "$runs"); do
    local measured
    measured=$( { time "$@" >/dev/null 2>&1; } 2>&1 ) || true
    read -r real user sys <<<"$measured"
    walls+=("$(awk -v r="$real" 'BEGIN { printf "%d", r * 1000 }')")
    cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%d", (u + s) * 1000 }')")
  done
  local wall cpu
  wall=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
  cpu=$(printf '%s\n' "${cpus[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
  echo "${wall} ms wall, ${cpu} ms CPU"
}

cd "$here"
pair=(check samples/chemo-immunity/article.zh.md samples/chemo-immunity/article.en.md
      --glossary glossaries/medical.zh-en.tsv --fail-on never)
echo "transcheck --version (process start):         $(median_ms "$binary" --version) (medians of $runs)"
echo "small article pair end to end, with glossary: $(median_ms "$binary" "${pair[@]}") (target < 50 ms wall)"
if [ -x /usr/bin/time ]; then
  measured=$(mktemp)
  /usr/bin/time -f '%M' -o "$measured" "$binary" "${pair[@]}" >/dev/null 2>&1 || true
  awk '{ printf "small article pair peak memory: %.0f MB\n", $1 / 1024 }' "$measured"
  rm -f "$measured"
fi
