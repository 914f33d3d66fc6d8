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
    /usr/bin/time -f '%e %U %M' -o "$work/time" "$KOERS_BIN" build-report --date 2025-10-15 --out "$work/out" "$@" \
      >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
    lines+=("$(cat "$work/time")")
  done
  printf '%s\n' "${lines[@]}" | sort -n | awk -v n="$runs" -v label="$label" -v load="$(cut -d' ' -f1 /proc/loadavg)" '
    { wall[NR] = $1; user[NR] = $2; if ($3 > rss) rss = $3 }
    END {
      asort(user)
      printf "| %-34s | %6.2f s (%.2f–%.2f) | %6.2f s | %5.0f MB | %s |\n",
        label, wall[int((n + 1) / 2)], wall[1], wall[n], user[int((n + 1) / 2)], rss / 1024, load
    }'
}

echo "| what | wall: median (min–max) | user CPU | peak RSS | load after |"
echo "|---|---|---|---|---|"
for n in "${sizes[@]}"; do
  python3 scripts/synthetic-data.py "$n" "$work/p$n" >/dev/null
  measure "$n projects: build-report" --data "$work/p$n/data"
  measure "$n projects: regioplan PDF alone" --data "$work/p$n/data" --only regioplan --format pdf
  rm -rf "$work/p$n"
done
