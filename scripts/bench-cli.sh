#!/usr/bin/env bash
# Times the whole `koers build-report` process (start-up, font loading, all documents in all
# formats, atomic write) on the real data with the release binary. Usage: scripts/bench-cli.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-target}/release/koers"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
TIMEFORMAT='%R'
times=()
for _ in $(seq "$runs"); do
  t=$( { time "$bin" build-report --out "$out/out" >/dev/null 2>"$out/err" || { cat "$out/err" >&2; exit 1; }; } 2>&1 )
  times+=("$t")
done
printf '%s\n' "${times[@]}" | sort -n | awk -v n="$runs" '
  { a[NR] = $1 }
  END { printf "koers build-report (whole process, %d runs): min %.3f s  median %.3f s  max %.3f s\n", n, a[1], a[int((n + 1) / 2)], a[n] }'
