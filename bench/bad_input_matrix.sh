#!/usr/bin/env bash
# The bad-input and output-target matrix: each case's exit code, wall time,
# peak memory and first line of stderr. Every case must end with exit 2 (or
# 0/1 where the input is merely odd) in bounded time, and no target the
# user owns may be destroyed.
#
# Usage: bench/bad_input_matrix.sh [path/to/transcheck]
set -uo pipefail
bin=$(realpath "${1:-build/transcheck}")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"

printf '患者接受了化疗。\n' > a.zh.txt
printf 'The patient received chemotherapy.\n' > a.en.txt
pair="a.zh.txt a.en.txt"

# Inputs.
printf 'PNG\0\0data' > binary.txt
printf '\xff\xfeH\0i\0' > utf16-bom.txt
printf '\xff\xfe\0\0H\0\0\0' > utf32-bom.txt
iconv -f UTF-8 -t UTF-16LE a.en.txt > utf16-nobom.txt
iconv -f UTF-8 -t UTF-32BE a.en.txt > utf32be-nobom.txt
printf 'これは日本語の説明書です。ワクチンを受けた後、熱が出ることがあります。\n%.0s' {1..5} | iconv -f UTF-8 -t SHIFT_JIS > shift-jis.txt
printf '化疗真的能治愈癌症吗？\n%.0s' {1..5} | iconv -f UTF-8 -t GB18030 > gbk.txt
mkdir folder
ln -s loop-b.txt loop-a.txt; ln -s loop-a.txt loop-b.txt
mkfifo fifo.txt
mkdir locked && printf 'x\n' > locked/f.txt && chmod 000 locked
printf 'zh\ten\n"化疗\tchemotherapy\n' > bad-quote.tsv
printf '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><martif><text><body><termEntry><langSet xml:lang="en"><tig><term>&e;</term></tig></langSet></termEntry></body></text></martif>' > xxe.tbx
long=$(printf 'n%.0s' {1..300})

printf '%-34s %5s %8s %9s  %s\n' case exit "wall s" "peak MB" "message"
row() {
  local name=$1; shift
  local out user=()
  if [ "${1:-}" = --as-nobody ]; then user=(setpriv --reuid=65534 --regid=65534 --clear-groups); shift; fi
  out=$( { /usr/bin/time -f '%e %M' -o time.txt timeout 120 "${user[@]}" "$bin" "$@" > /dev/null 2> err.txt; echo $?; } )
  read -r wall kb < <(tail -1 time.txt)
  printf '%-34s %5s %8s %9.1f  %s\n' "$name" "$out" "$wall" "$(echo "$kb / 1024" | bc -l)" "$(head -1 err.txt | cut -c1-110)"
}

row "missing file"              check --lang en nosuch.txt
row "directory"                 check --lang en folder
row "symlink loop"              check --lang en loop-a.txt
row "name too long"             check --lang en "$long.txt"
# Root reads through any permission: the case runs as nobody where it can.
if [ "$(id -u)" = 0 ] && id nobody > /dev/null 2>&1; then
  chmod 755 "$dir"
  row "permission denied (dir)"   --as-nobody check --lang en locked/f.txt
else
  row "permission denied (dir)"   check --lang en locked/f.txt
fi
row "binary (NUL bytes)"        check --lang en binary.txt
row "UTF-16 with BOM"           check --lang en utf16-bom.txt
row "UTF-32 with BOM"           check --lang en utf32-bom.txt
row "UTF-16LE without BOM"      check --lang en utf16-nobom.txt
row "UTF-32BE without BOM"      check --lang en utf32be-nobom.txt
row "Shift-JIS"                 check --lang en --fail-on never shift-jis.txt
row "GBK"                       check --lang zh --fail-on never gbk.txt
row "/dev/zero (limit 64M)"     check --lang en --max-input-size 64M /dev/zero
row "FIFO without writer"       check --lang en fifo.txt
row "glossary: bad quote"       check $pair --glossary bad-quote.tsv
row "glossary: XXE TBX"         check $pair --glossary xxe.tbx
row "unknown encoding"          check --lang en --encoding klingon-8 a.en.txt
row "unknown rule"              check $pair --enable nosuch/rule

# Output targets: the report must never replace what the user owns.
cp a.en.txt keep.txt
row "-o one of the inputs"      check $pair -o a.en.txt
row "-o /dev/null (refused)"    check $pair -o /dev/null
row "-o FIFO"                   check $pair -o fifo.txt
row "-o directory"              check $pair -o folder
row "-o /dev/full"              check $pair -o /dev/full
# A full disk under stdout: exit 2 with the reason, never a silent cut.
code=$( { /usr/bin/time -f '%e %M' -o time.txt "$bin" check $pair --fail-on never > /dev/full 2> err.txt; echo $?; } )
read -r wall kb < <(tail -1 time.txt)
printf '%-34s %5s %8s %9.1f  %s\n' "stdout on a full disk" "$code" "$wall" "$(echo "$kb / 1024" | bc -l)" "$(head -1 err.txt | cut -c1-110)"
# A long document's rules run in lockstep, a thread per parked rule: with
# too few threads allowed (a low pids limit) it must still finish. Root is
# exempt from the limit, so the case runs as nobody where it can.
for i in $(seq 60000); do printf 'Ã©tÃ© café \u200b 识别ing Ã\xc2\x80\n'; done > long-events.txt
if [ "$(id -u)" = 0 ] && id nobody > /dev/null 2>&1; then
  chmod 755 "$dir"; chmod 644 long-events.txt
  code=$( { /usr/bin/time -f '%e %M' -o time.txt su nobody -s /bin/bash -c "ulimit -u 6; exec '$bin' check --lang en --fail-on never long-events.txt" > /dev/null 2> err.txt; echo $?; } )
  read -r wall kb < <(tail -1 time.txt)
  printf '%-34s %5s %8s %9.1f  %s\n' "few threads (ulimit -u 6)" "$code" "$wall" "$(echo "$kb / 1024" | bc -l)" "$(head -1 err.txt | cut -c1-110)"
fi
cmp -s a.en.txt keep.txt && echo "inputs intact: yes" || echo "inputs intact: NO"
test -c /dev/null && echo "/dev/null still a device: yes" || echo "/dev/null still a device: NO"
chmod 700 locked
