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
# Prints both times and their ratio; the target is under 3×. Exits 77
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

# Read the file once first so that neither run pays for a cold cache.
cat "$csv" >/dev/null

start=$(now)
sqlite3 "$work/floor.sqlite" ".import --csv '$csv' flat"
end=$(now)
floor=$(awk "BEGIN { print $end - $start }")

start=$(now)
"$cli" --store "$work/store.psephos" import "$csv" >/dev/null
end=$(now)
psephos=$(awk "BEGIN { print $end - $start }")

rows=$(sqlite3 "$work/floor.sqlite" "SELECT count(*) FROM flat")
ratio=$(awk "BEGIN { print $psephos / $floor }")

printf 'file:            %s (%s rows)\n' "$csv" "$rows"
printf 'sqlite3 .import: %.2f s\n' "$floor"
printf 'psephos import:  %.2f s\n' "$psephos"
printf 'ratio:           %.2f× (target < 3×)\n' "$ratio"
