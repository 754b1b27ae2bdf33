#!/usr/bin/env bash
# Streaming mode: `transcheck check --lines` on the TICO-19 translation memory
# (../shared/corpora/tico19/all.en-zh.tmx, English source, Chinese target),
# converted here to JSON Lines. Prints pairs per second (wall and CPU time),
# peak memory, for -j 1 and -j 2, and peak memory on the memory repeated ten
# times (bounded memory: it should not grow with the input). For scale, the
# same units checked as the TMX file itself in the same run.
#   bench/lines_bench.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
binary="$build/transcheck"
[ -x "$binary" ] || { echo "lines_bench: $binary not found (build first)"; exit 1; }
tmx=../shared/corpora/tico19/all.en-zh.tmx
if [ ! -f "$tmx" ]; then
  echo "lines_bench: the TICO-19 memory ($tmx) is absent; nothing measured"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One JSON line per <tu>: its tuid, the English and the Chinese segment (inline tags dropped).
python3 - "$tmx" "$work/tico19.jsonl" <<'PY'
import json, sys
import xml.etree.ElementTree as ET
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for tu in ET.parse(sys.argv[1]).getroot().iter("tu"):
        segs = {}
        for tuv in tu.iter("tuv"):
            seg = tuv.find("seg")
            if seg is not None:
                segs[tuv.get(XML_LANG, "").split("-")[0].lower()] = "".join(seg.itertext())
        if "en" in segs and "zh" in segs:
            out.write(json.dumps({"id": tu.get("tuid"), "source": segs["en"], "target": segs["zh"]},
                                 ensure_ascii=False) + "\n")
PY
pairs=$(wc -l < "$work/tico19.jsonl")
for _ in $(seq 10); do cat "$work/tico19.jsonl"; done > "$work/tico19x10.jsonl"
echo "input: $tmx as JSON Lines, $pairs pairs ($(stat -c %s "$work/tico19.jsonl") bytes); x10: $((pairs * 10)) pairs"

# "wall user sys maxrss_kb" of a command, its output discarded.
measure() {
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >/dev/null 2>"$work/err" || true
  cat "$work/time"
}
report() {
  local label=$1 count=$2
  shift 2
  read -r wall user sys rss <<<"$(measure "$@")"
  awk -v l="$label" -v n="$count" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" 'BEGIN {
    cpu = u + s
    printf "%-34s %7.2f s wall %7.2f s CPU  %8.0f pairs/s wall %8.0f pairs/s CPU  %5.0f MB peak\n",
           l, w, cpu, (w > 0 ? n / w : 0), (cpu > 0 ? n / cpu : 0), r / 1024 }'
}
common=(check --lines --source-lang en --target-lang zh --fail-on never)
report "--lines -j 1" "$pairs" "$binary" "${common[@]}" -j 1 < "$work/tico19.jsonl"
report "--lines -j 2" "$pairs" "$binary" "${common[@]}" -j 2 < "$work/tico19.jsonl"
report "--lines -j 2, input x10" "$((pairs * 10))" "$binary" "${common[@]}" -j 2 < "$work/tico19x10.jsonl"
report "the TMX file itself (-j 1)" "$pairs" "$binary" check "$tmx" --format json --fail-on never -j 1
"$binary" "${common[@]}" -j 2 < "$work/tico19.jsonl" > "$work/out.jsonl" 2>/dev/null || true
echo "output lines: $(wc -l < "$work/out.jsonl") for $pairs input lines; lines with findings: $(grep -vc '"findings":\[\]' "$work/out.jsonl" || true)"
