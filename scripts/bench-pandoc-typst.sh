#!/usr/bin/env bash
# The comparison of issue #15: the same content through pandoc + typst (the pipeline Quarto uses)
# against `koers build-report`. koers builds data/ once; every Markdown document it writes is then
# converted by pandoc to typst (`-f gfm -t typst --standalone`) and compiled to PDF by typst, all in
# one timed run; koers' whole build (all documents in all formats) is timed as a new process.
# Prints min/median/max over N runs of each (default 10) and the ratio of the medians.
#
# Needs pandoc ≥ 3.1.2 (typst writer) and typst 0.15, e.g. from PyPI:
#   python3 -m venv /var/tmp/pt-venv && /var/tmp/pt-venv/bin/pip install pypandoc_binary typst
# Usage: scripts/bench-pandoc-typst.sh [runs]     (VENV=/var/tmp/pt-venv, KOERS_BIN=path)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
venv="${VENV:-/var/tmp/pt-venv}"
py="$venv/bin/python"
pandoc="$("$py" -c 'import pypandoc; print(pypandoc.get_pandoc_path())')"
if [[ -z "${KOERS_BIN:-}" ]]; then
  cargo build --release --quiet
  KOERS_BIN="${CARGO_TARGET_DIR:-target}/release/koers"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/data" && cp -r data/. "$work/data"

# The Markdown documents (and the chart images they show) as koers writes them.
"$KOERS_BIN" build-report --data "$work/data" --date 2025-10-15 --out "$work/md" >/dev/null
mapfile -t docs < <(find "$work/md" -name '*.md' | sort)

stats() {
  python3 -c '
import statistics, sys
xs = [float(x) for x in sys.stdin.read().split()]
print(f"{statistics.median(xs):.3f} s (min {min(xs):.3f}, max {max(xs):.3f})")'
}
ms() { date +%s.%N; }

koers_times=() pandoc_times=()
for _ in $(seq "$runs"); do
  rm -rf "$work/out"
  t0=$(ms); "$KOERS_BIN" build-report --data "$work/data" --date 2025-10-15 --out "$work/out" >/dev/null; t1=$(ms)
  koers_times+=("$(echo "$t1 - $t0" | bc)")
  rm -rf "$work/pt" && mkdir "$work/pt"
  find "$work/md" -name '*.png' -exec cp {} "$work/pt/" \;
  t0=$(ms)
  for f in "${docs[@]}"; do
    "$pandoc" -f gfm -t typst --standalone "$f" -o "$work/pt/$(basename "${f%.md}").typ"
  done
  "$py" -c '
import glob, sys, typst
for f in sorted(glob.glob(sys.argv[1] + "/*.typ")):
    typst.compile(f, output=f[:-4] + ".pdf")' "$work/pt"
  t1=$(ms)
  pandoc_times+=("$(echo "$t1 - $t0" | bc)")
done
k=$(printf '%s\n' "${koers_times[@]}" | stats)
p=$(printf '%s\n' "${pandoc_times[@]}" | stats)
echo "documents: ${#docs[@]} (${docs[*]##*/})"
echo "koers build-report (all documents, all formats): $k"
echo "pandoc + typst (the Markdown documents to PDF):  $p"
printf '%s\n%s\n' "${koers_times[*]}" "${pandoc_times[*]}" | python3 -c '
import statistics, sys
k, p = ([float(x) for x in line.split()] for line in sys.stdin)
print(f"ratio of the medians: {statistics.median(k) / statistics.median(p):.2f}")'
echo "load: $(cut -d" " -f1-3 /proc/loadavg), $(nproc) cores"
