#!/bin/sh
# Book-length alignment against hunalign on the same pair, measured in one run.
# The pair is every MAC-Dev chapter in one file, repeated COPIES times (4: about
# 1.2 MB, the size of a book); for each size it prints the CPU seconds of
# `transcheck align`, of the whole `transcheck check` on the pair (all rules,
# one job), and of hunalign (length-based, with an empty dictionary, as it runs
# without one) on the same sentence-per-line files and on the corpus's
# tokenized ones (hunalign's expected input). hunalign is not a Debian package:
# give the path of a binary built from its public sources; without one the
# hunalign columns say it is absent.
#   bench/hunalign_compare.sh [--hunalign PATH] [--transcheck PATH] [--corpora DIR] [--copies "1 2 4"]
# (or $HUNALIGN, $TRANSCHECK, $TRANSCHECK_CORPORA)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
hunalign=${HUNALIGN:-}
transcheck=${TRANSCHECK:-$here/build-cc/transcheck}
corpora=${TRANSCHECK_CORPORA:-$here/../shared/corpora}
copies="1 2 4"
while [ $# -gt 0 ]; do
  case $1 in
    --hunalign) hunalign=$2; shift 2 ;;
    --transcheck) transcheck=$2; shift 2 ;;
    --corpora) corpora=$2; shift 2 ;;
    --copies) copies=$2; shift 2 ;;
    *) echo "usage: $0 [--hunalign PATH] [--transcheck PATH] [--corpora DIR] [--copies \"1 2 4\"]" >&2; exit 2 ;;
  esac
done
mac=$corpora/mac-dev
if [ ! -d "$mac/zh" ]; then
  echo "hunalign_compare: MAC-Dev not found at $mac, skipped"
  exit 0
fi
if [ ! -x "$transcheck" ]; then
  echo "hunalign_compare: no transcheck binary at $transcheck" >&2
  exit 2
fi
if [ -n "$hunalign" ] && [ ! -x "$hunalign" ]; then
  echo "hunalign_compare: no hunalign binary at $hunalign" >&2
  exit 2
fi
[ -z "$hunalign" ] || hunalign=$(cd "$(dirname "$hunalign")" && pwd)/$(basename "$hunalign")
[ -n "$hunalign" ] || echo "hunalign: absent (give --hunalign PATH), no hunalign reference"
if [ ! -x /usr/bin/time ]; then
  echo "hunalign_compare: needs /usr/bin/time (Debian package time)" >&2
  exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
: > "$work/empty.dic"
# CPU seconds (user + system) of a command, its output discarded.
cpu() {
  /usr/bin/time -f "%U %S" -o "$work/time" "$@" > /dev/null 2> "$work/err" || true
  tail -n 1 "$work/time" | awk '{ printf "%.2f", $1 + $2 }'
}
printf '%-7s %8s %8s %11s %9s %9s %11s %11s\n' copies "zh KB" "en KB" "lines" "align s" "check s" "hunalign s" "(tokenized)"
for n in $copies; do
  : > "$work/zh"; : > "$work/en"; : > "$work/zh.tok"; : > "$work/en.tok"
  k=0
  while [ "$k" -lt "$n" ]; do
    for f in "$mac"/zh/[0-9][0-9][0-9]; do
      name=$(basename "$f")
      [ -f "$mac/en/$name" ] || continue
      cat "$f" >> "$work/zh"; cat "$mac/en/$name" >> "$work/en"
      if [ -f "$f.tok" ] && [ -f "$mac/en/$name.tok" ]; then
        cat "$f.tok" >> "$work/zh.tok"; cat "$mac/en/$name.tok" >> "$work/en.tok"
      fi
    done
    k=$((k + 1))
  done
  align=$(cpu "$transcheck" align --format beads "$work/zh" "$work/en")
  check=$(cpu "$transcheck" check --format json -j 1 "$work/zh" "$work/en")
  hun=absent; hun_tok=absent
  if [ -n "$hunalign" ]; then
    # (in the work directory: hunalign writes a translate.txt where it runs)
    hun=$(cd "$work" && cpu "$hunalign" "$work/empty.dic" "$work/zh" "$work/en")
    if [ -s "$work/zh.tok" ]; then hun_tok=$(cd "$work" && cpu "$hunalign" "$work/empty.dic" "$work/zh.tok" "$work/en.tok"); else hun_tok=-; fi
  fi
  printf '%-7s %8d %8d %11s %9s %9s %11s %11s\n' "x$n" $(($(wc -c < "$work/zh") / 1000)) $(($(wc -c < "$work/en") / 1000)) \
    "$(wc -l < "$work/zh" | tr -d ' ')/$(wc -l < "$work/en" | tr -d ' ')" "$align" "$check" "$hun" "$hun_tok"
done
echo "CPU seconds (user + system) of each whole process: transcheck align and check include start-up, reading and"
echo "segmenting; check runs every rule on the pair with one job. hunalign: an empty dictionary, default options,"
echo "on the same sentence-per-line files, then on the corpus's tokenized lines (jieba / CoreNLP)."
