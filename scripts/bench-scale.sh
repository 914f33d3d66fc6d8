#!/usr/bin/env bash
# Times `koers build-report` on synthetic data sets of growing size (the real projects copied
# with new ids, scripts/synthetic-data.py) and on the largest document alone: wall time, user
# CPU and peak memory (maximum resident set size) per run, with the machine's load.
# Usage: scripts/bench-scale.sh [runs] [project counts...]      (default: 3 runs; 100 300 1000)
# KOERS_BIN=path times another binary (default: the release build of this checkout).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
shift || true
if [[ $# -gt 0 ]]; then sizes=("$@"); else sizes=(100 300 1000); fi
if [[ -z "${KOERS_BIN:-}" ]]; then
  cargo build --release --quiet
  KOERS_BIN="${CARGO_TARGET_DIR:-target}/release/koers"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# One line: median wall (min–max), median user CPU, largest peak RSS over the runs.
measure() {
  local label="$1"
  shift
  local lines=()
  for _ in $(seq "$runs"); do
    rm -rf "$work/out"
    if ! /usr/bin/time -f '%e %U %M' -o "$work/time" "$KOERS_BIN" build-report --date 2025-10-15 --out "$work/out" "$@" \
      >/dev/null 2>"$work/err"; then
      printf '| %-34s | failed: %s |\n' "$label" "$(grep -m1 -i error "$work/err" | cut -c1-120)"
      return
    fi
    lines+=("$(cat "$work/time")")
  done
  printf '%s\n' "${lines[@]}" | python3 -c '
import statistics, sys
label, load = sys.argv[1], sys.argv[2]
runs = [tuple(map(float, line.split())) for line in sys.stdin if line.strip()]
wall = [r[0] for r in runs]
print(f"| {label} | {statistics.median(wall):.2f} s ({min(wall):.2f}–{max(wall):.2f}) | "
      f"{statistics.median(r[1] for r in runs):.2f} s | {max(r[2] for r in runs) / 1024:.0f} MB | {load} |")
' "$label" "$(cut -d' ' -f1 /proc/loadavg)"
}

echo "| what | wall: median (min–max) | user CPU | peak RSS | load after |"
echo "|---|---|---|---|---|"
for n in "${sizes[@]}"; do
  python3 scripts/synthetic-data.py "$n" "$work/p$n" >/dev/null
  measure "$n projects: build-report" --data "$work/p$n/data"
  measure "$n projects: regioplan PDF alone" --data "$work/p$n/data" --only regioplan --format pdf
  rm -rf "$work/p$n"
done
