#!/usr/bin/env bash
# Validates transcheck's JUnit report against the vendored schema (README.md beside this file).
# Usage: validate_junit.sh TRANSCHECK_BINARY
set -euo pipefail
binary=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp -r "$here/../../cli/project-tree" "$scratch/tree"
# An input that cannot be read is an <error>.
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' > "$scratch/tree/content/en/post/broken.md"
printf '# 坏文件\n\n内容。\n' > "$scratch/tree/content/zh-cn/post/broken.md"
status=0
(cd "$scratch/tree" && "$binary" check --format junit > "$scratch/report.xml") || status=$?
if [ "$status" -ne 2 ]; then echo "expected exit 2 (one unreadable file), got $status"; exit 1; fi
grep -q '<error type="input"' "$scratch/report.xml" || { echo "no <error> for the unreadable file"; exit 1; }
grep -q '<failure type="alignment/number-mismatch"' "$scratch/report.xml" || { echo "no <failure>"; exit 1; }
xmllint --noout --schema "$here/junit-10.xsd" "$scratch/report.xml"
