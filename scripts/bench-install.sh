#!/usr/bin/env bash
# Times what a new developer does after a clean clone: the README's two commands, cold — a fresh,
# empty CARGO_TARGET_DIR, the crates already downloaded (`cargo fetch` runs first, untimed).
#   1. cargo run --release -- build-report   (here with --out into the scratch directory)
#   2. cargo test --release
# For each: wall time, user and system CPU, peak memory (/usr/bin/time), the machine's load
# (`uptime`) before and after, and how many crates cargo compiled — the test command should
# compile only the dev-dependencies, the test binaries and koers' own targets, no dependency of
# the first command a second time. cargo's --timings reports are kept next to the logs.
#
# Usage: scripts/bench-install.sh [RESULTS_DIR]   (default: a new directory under $TMPDIR)
# KEEP_TARGET=1 keeps the scratch target directory (about 2.5 GB) for a look afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
results="${1:-$(mktemp -d "${TMPDIR:-/tmp}/koers-bench-install.XXXXXX")}"
mkdir -p "$results"
results="$(cd "$results" && pwd)"
scratch="$(mktemp -d "${TMPDIR:-/tmp}/koers-cold-target.XXXXXX")"
if [[ -z "${KEEP_TARGET:-}" ]]; then trap 'rm -rf "$scratch"' EXIT; fi
export CARGO_TARGET_DIR="$scratch/target"
export CARGO_TERM_COLOR=never

cargo fetch --locked --quiet
echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo ' (modified)')"
echo "$(nproc) cores; $(cargo --version); target dir: $CARGO_TARGET_DIR"

step() {
  local name="$1"
  shift
  local before after
  before="$(uptime | sed 's/.*load average: //')"
  /usr/bin/time -f '%e %U %S %M' -o "$results/$name.time" "$@" >"$results/$name.out" 2>"$results/$name.log" || {
    tail -30 "$results/$name.log" >&2
    echo "$name failed" >&2
    exit 1
  }
  after="$(uptime | sed 's/.*load average: //')"
  local compiled
  compiled="$(grep -c '^ *Compiling ' "$results/$name.log" || true)"
  read -r wall user sys rss <"$results/$name.time"
  printf '%-13s %7.1f s wall (%4.1f min)  %7.1f s user  %6.1f s sys  %5d MB peak  %3d crates compiled  load before %s, after %s\n' \
    "$name" "$wall" "$(awk -v w="$wall" 'BEGIN { print w / 60 }')" "$user" "$sys" "$((rss / 1024))" "$compiled" "$before" "$after" |
    tee -a "$results/summary.txt"
  mv "$CARGO_TARGET_DIR"/cargo-timings/cargo-timing.html "$results/$name-timings.html" 2>/dev/null || true
}

step build-report cargo run --release --locked --timings -- build-report --out "$scratch/out"
step test cargo test --release --locked --timings
cat "$results/build-report.time" "$results/test.time" |
  awk '{ wall += $1; user += $2 } END { printf "together      %7.1f s wall (%4.1f min)  %7.1f s user\n", wall, wall / 60, user }' |
  tee -a "$results/summary.txt"
grep -E '^test result:' "$results/test.out" | awk '{ p += $4; f += $6; i += $8 } END { printf "tests: %d passed, %d failed, %d ignored\n", p, f, i }' |
  tee -a "$results/summary.txt"
echo "logs and cargo --timings reports: $results"
