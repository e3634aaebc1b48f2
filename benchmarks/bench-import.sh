#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# bench-import.sh — how long `psephos-cli import` takes on the ElectionLens
# table (192,038 rows), against the floor of SQLite's own shell importing
# the same file into a bare table, measured in the same run.
#
#   bench-import.sh PSEPHOS_CLI [CSV]
#
# CSV defaults to $PSEPHOS_SHARED_DATA/electionlens/elections_flat.csv.
# Prints both times (wall clock, and CPU time: user + system, which a busy
# machine disturbs less) and their ratios; the target is under 3×. Exits 77
# (skipped) when the file or the sqlite3 shell is missing.
set -eu

cli=${1:?usage: bench-import.sh PSEPHOS_CLI [CSV]}
csv=${2:-${PSEPHOS_SHARED_DATA:-../shared/data}/electionlens/elections_flat.csv}

if [ ! -r "$csv" ]; then
  echo "skipped: $csv is absent (../shared/data is not beside the checkout)" >&2
  exit 77
fi
if ! command -v sqlite3 >/dev/null 2>&1; then
  echo "skipped: the sqlite3 shell is not installed (apt-get install sqlite3)" >&2
  exit 77
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/psephos-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

now () {
  date +%s.%N
}

# Runs a command; prints its wall-clock seconds and its CPU seconds (user +
# system, from the second line of `times`: "0m1.230000s 0m0.040000s").
measure () (
  start=$(now)
  "$@" >/dev/null
  end=$(now)
  times >"$work/times" # a builtin: this shell's children, not a subshell's
  cpu=$(awk 'NR == 2 {
    n = 0
    for (i = 1; i <= 2; i++) { split ($i, p, /[ms]/); n += p[1] * 60 + p[2] }
    print n
  }' "$work/times")
  echo "$(awk "BEGIN { print $end - $start }") $cpu"
)

# Read the file once first so that neither run pays for a cold cache.
cat "$csv" >/dev/null

floor=$(measure sqlite3 "$work/floor.sqlite" ".import --csv '$csv' flat")
psephos=$(measure "$cli" --store "$work/store.psephos" import "$csv")
floor_cpu=${floor#* }
floor=${floor% *}
psephos_cpu=${psephos#* }
psephos=${psephos% *}

rows=$(sqlite3 "$work/floor.sqlite" "SELECT count(*) FROM flat")
ratio=$(awk "BEGIN { print $psephos / $floor }")
ratio_cpu=$(awk "BEGIN { print $psephos_cpu / ($floor_cpu > 0 ? $floor_cpu : 0.001) }")

printf 'file:            %s (%s rows)\n' "$csv" "$rows"
printf '                 wall      cpu\n'
printf 'sqlite3 .import: %6.2f s  %6.2f s\n' "$floor" "$floor_cpu"
printf 'psephos import:  %6.2f s  %6.2f s\n' "$psephos" "$psephos_cpu"
printf 'ratio:           %6.2f×   %6.2f×   (target < 3×)\n' "$ratio" "$ratio_cpu"
