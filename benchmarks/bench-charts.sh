#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# bench-charts.sh — how long `psephos-cli export-chart` takes to write the
# 543-seat Lok Sabha 2024 hemicycle and margins charts as SVG, PNG and PDF,
# against Debian's gnuplot drawing the same margins bar chart (the same 542
# numbers, sorted, one bar per seat in the winner's party colour) to the same
# formats and size, in the same run.
#
#   bench-charts.sh PSEPHOS_CLI [BENCH_CHARTS_EXPORT] [CSV] [RUNS]
#
# CSV defaults to $PSEPHOS_SHARED_DATA/india-votes-data/ls2024.csv; RUNS
# (default 5) is how often each file is written; the best run counts.
# First both sides are timed as whole processes: start, read the numbers,
# lay out, write the file. Then, with BENCH_CHARTS_EXPORT (built from
# bench-charts-export.c), psephos's export step alone, as the app runs it on
# a chart already on screen. Prints the times and their ratios; the target
# is to be faster than gnuplot for every format. Exits 77 (skipped) when
# the data or gnuplot is missing.
set -eu

cli=${1:?usage: bench-charts.sh PSEPHOS_CLI [BENCH_CHARTS_EXPORT] [CSV] [RUNS]}
export_bench=${2:-}
csv=${3:-${PSEPHOS_SHARED_DATA:-../shared/data}/india-votes-data/ls2024.csv}
runs=${4:-5}
width=1200
height=800

if [ ! -r "$csv" ]; then
  echo "skipped: $csv is absent (../shared/data is not beside the checkout)" >&2
  exit 77
fi
if ! command -v gnuplot >/dev/null 2>&1; then
  echo "skipped: gnuplot is not installed (apt-get install gnuplot-nox)" >&2
  exit 77
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/psephos-bench-charts-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
store="$work/ls2024.psephos"

"$cli" --store "$store" import --election "Lok Sabha 2024" "$csv" >/dev/null

# The numbers gnuplot draws come out of the same store: each seat's winning
# margin and the winner's party colour, sorted as the chart sorts them.
"$cli" --store "$store" tree --election "Lok Sabha 2024" --format jsonl >"$work/tree.jsonl"
python3 - "$work/tree.jsonl" "$work/margins.dat" <<'EOF'
import json, sys, zlib
tree, out = sys.argv[1:3]
rows = []
for line in open(tree, encoding="utf-8"):
    r = json.loads(line)
    if r.get("kind") == "seat" and r.get("margin") is not None:
        rows.append((r["margin"], r["name"], r.get("winner_party") or "?"))
rows.sort(key=lambda r: (-r[0], r[1]))
palette = {}
with open(out, "w", encoding="utf-8") as f:
    for i, (margin, name, party) in enumerate(rows):
        colour = palette.setdefault(party, zlib.crc32(party.encode()) & 0xffffff)
        f.write('%d %d %d "%s"\n' % (i, margin, colour, name.replace('"', "'")))
print("%d seats with a margin" % len(rows), file=sys.stderr)
EOF

# gnuplot: a bar per seat, coloured, with a title and labelled axes.
cat >"$work/margins.gp" <<EOF
set title "Lok Sabha 2024: winning margins" font ",16"
set xlabel "Seats, sorted by winning margin"
set ylabel "Winning margin (votes)"
set style fill solid noborder
set boxwidth 0.85 relative
set grid ytics
set yrange [0:*]
set xrange [-1:*]
unset key
plot "$work/margins.dat" using 1:2:3 with boxes lc rgb variable
EOF

# best_ms SHELL-COMMAND: the fastest of $runs runs in milliseconds, as
# "WALL CPU": wall-clock time, and processor time (user + system) which a
# busy machine disturbs less. Both sides pay the same small sh -c.
best_ms () {
  python3 - "$runs" "$1" <<'PY'
import resource, subprocess, sys, time
runs, cmd = int(sys.argv[1]), sys.argv[2]
best_wall = best_cpu = None
for _ in range(runs):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(["sh", "-c", cmd], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    best_wall = wall if best_wall is None else min(best_wall, wall)
    best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
print("%.1f %.1f" % (best_wall * 1000, best_cpu * 1000))
PY
}

# The commands timed.
psephos_chart () {
  printf "'%s' --store '%s' export-chart --election 'Lok Sabha 2024' --chart %s --format %s --width %s --height %s --output '%s'" \
    "$cli" "$store" "$1" "$2" "$width" "$height" "$work/psephos-$1.$2"
}

gnuplot_chart () {
  case "$1" in
    svg) term="svg size $width,$height dynamic" ;;
    png) term="pngcairo size $width,$height" ;;
    pdf) term="pdfcairo size $((width / 72)).0in,$((height / 72)).0in" ;;
  esac
  printf "gnuplot -e \"set terminal %s; set output '%s'\" '%s'" "$term" "$work/gnuplot-margins.$1" "$work/margins.gp"
}

# Warm the caches (fonts, the store file) for both sides. A store's pages
# are checked on its first open and the check is noted once the file has
# been unchanged for two seconds (src/store/psephos-store-checked.c), as it
# is for a person exporting charts from a store they imported earlier: wait
# for that, so every timed run opens the store the same way.
sleep 2.5
sh -c "$(psephos_chart margins svg)"
sh -c "$(gnuplot_chart svg)"

wall () { echo "$1" | cut -d' ' -f1; }
cpu () { echo "$1" | cut -d' ' -f2; }
ratio () { awk "BEGIN { printf \"%.2f\", $1 / $2 }"; }

printf 'Lok Sabha 2024, %s × %s pixels, best of %s runs, whole process: wall-clock ms (processor ms)\n' "$width" "$height" "$runs"
printf '%-6s %16s %16s %16s %16s\n' format hemicycle margins gnuplot "gnuplot/margins"
slower=0
for format in svg png pdf; do
  hemi=$(best_ms "$(psephos_chart hemicycle "$format")")
  marg=$(best_ms "$(psephos_chart margins "$format")")
  gnu=$(best_ms "$(gnuplot_chart "$format")")
  printf '%-6s %8s (%5s) %8s (%5s) %8s (%5s) %7s× (%5s×)\n' "$format" \
    "$(wall "$hemi")" "$(cpu "$hemi")" "$(wall "$marg")" "$(cpu "$marg")" "$(wall "$gnu")" "$(cpu "$gnu")" \
    "$(ratio "$(wall "$gnu")" "$(wall "$marg")")" "$(ratio "$(cpu "$gnu")" "$(cpu "$marg")")"
  if awk "BEGIN { exit !($(cpu "$marg") >= $(cpu "$gnu")) }"; then
    slower=1
  fi
  for f in "$work/psephos-hemicycle.$format" "$work/psephos-margins.$format" "$work/gnuplot-margins.$format"; do
    [ -s "$f" ] || { echo "missing output $f" >&2; exit 1; }
  done
done
if [ "$slower" -eq 1 ]; then
  echo "whole process: target missed, psephos was not faster than gnuplot for every format"
else
  echo "whole process: target met, psephos faster than gnuplot for every format"
fi

if [ -n "$export_bench" ]; then
  "$export_bench" "$store" "Lok Sabha 2024" "$work" "$runs" >"$work/export.txt"
  printf '\nExport step alone (chart built, as in the app), best of %s runs: wall-clock ms; gnuplot whole process\n' "$runs"
  printf '%-6s %10s %10s %10s %16s\n' format hemicycle margins gnuplot "gnuplot/margins"
  slower=0
  for format in svg png pdf; do
    hemi=$(awk -v f="$format" '$1 == "hemicycle" && $2 == f { print $3 }' "$work/export.txt")
    marg=$(awk -v f="$format" '$1 == "margins" && $2 == f { print $3 }' "$work/export.txt")
    gnu=$(wall "$(best_ms "$(gnuplot_chart "$format")")")
    printf '%-6s %10s %10s %10s %15s×\n' "$format" "$hemi" "$marg" "$gnu" "$(ratio "$gnu" "$marg")"
    if awk "BEGIN { exit !($marg >= $gnu || $hemi >= $gnu) }"; then
      slower=1
    fi
  done
  if [ "$slower" -eq 1 ]; then
    echo "export step: target missed"
  else
    echo "export step: target met, both charts faster than gnuplot's margins chart for every format"
  fi
fi
