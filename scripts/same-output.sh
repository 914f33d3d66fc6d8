#!/usr/bin/env bash
# Checks that two koers binaries write byte-identical output: a full build-report with each, on
# data/ and on a synthetic set of N projects (scripts/synthetic-data.py), compared file by file
# (manifest.json with every file's sha256, index.html, and every file). The data is copied out of
# the repository first, so that each binary uses its own built-in templates (not templates/ of
# this checkout) and no git commit is stamped.
# Usage: scripts/same-output.sh BASELINE_BIN CANDIDATE_BIN [N]        (default N: 300)
set -euo pipefail
cd "$(dirname "$0")/.."
base="$1" cand="$2" n="${3:-300}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 scripts/synthetic-data.py "$n" "$work/p$n" >/dev/null
mkdir "$work/real" && cp -r data "$work/real/data"
status=0
for data in "$work/real/data" "$work/p$n/data"; do
  for bin in base cand; do
    "${!bin}" build-report --data "$data" --date 2025-10-15 --out "$work/$bin" >/dev/null
  done
  if diff -r "$work/base" "$work/cand" >/dev/null; then
    echo "identical: $data ($(jq -r '.documents | length' "$work/cand/manifest.json" 2>/dev/null || grep -c '"sha256"' "$work/cand/manifest.json") files)"
  else
    echo "DIFFERENT: $data" >&2
    diff <(grep -E '"(path|sha256)"' "$work/base/manifest.json") <(grep -E '"(path|sha256)"' "$work/cand/manifest.json") >&2 || true
    status=1
  fi
  rm -rf "$work/base" "$work/cand"
done
exit $status
