#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# bench-app.sh BENCH_APP PSEPHOS_CLI SAMPLE_STORE BIG_STORE
# Builds the big store from ../shared/data once (all official results), then
# runs bench-app on the sample store and the big store.
set -e
bench=$1 cli=$2 sample=$3 big=$4
data=${PSEPHOS_SHARED_DATA:-../shared/data}
if [ ! -f "$big" ]; then
  if [ -d "$data/electionlens" ]; then
    echo "building the big store $big from $data (once)…"
    rm -f "$big.tmp"
    "$cli" --store "$big.tmp" import "$data/electionlens/elections_flat.csv" "$data"/india-votes-data/results/*.csv >/dev/null
    "$cli" --store "$big.tmp" import --election "Lok Sabha 2024" "$data/india-votes-data/ls2024.csv" >/dev/null
    mv "$big.tmp" "$big"
  else
    echo "no $data: measuring the sample store only"
  fi
fi
exec "$bench" "$sample" "$big"
