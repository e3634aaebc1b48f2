#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test-flatpak-build.sh — build Psephos the way the Flatpak manifest does
# (its module's config-opts, from a copy-free configure of this tree), install
# it into a temporary prefix, throw the build directory away, and use the
# installation (TAP):
#   - psephos-cli --version, and `tree` with no --store: it must find the
#     sample store under the prefix, not in a build tree;
#   - translations, desktop file, metainfo, icons, compiled schemas in place;
#   - screenshots of the installed app with LANG=en_IN.UTF-8 and with
#     LANGUAGE=hi LANG=hi_IN.UTF-8, kept in BUILD_DIR/tests/screenshots
#     (data/screenshots holds copies of psephos-{window,seat,seat-hi}.png).
# The runtime can't be downloaded here; this is the nearest offline check that
# the manifest's module builds, installs and runs.
#
# Usage: test-flatpak-build.sh SOURCE_DIR BUILD_DIR   (suite "flatpak")
set -uo pipefail

src=$(cd "$1" && pwd)
build=$(cd "$2" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
. "$here/desktop-lib.sh"

if [ -f /.flatpak-info ]; then
  skip "build with the manifest's config-opts" "this is the Flatpak build itself"
  tap_end
  exit 0
fi

manifest="$src/flatpak/io.github.psephos.Psephos.json"
mapfile -t opts < <(/usr/bin/python3 -c '
import json, sys
m = json.load(open(sys.argv[1]))
app = [x for x in m["modules"] if isinstance(x, dict) and x.get("name") == "psephos"][0]
assert app["buildsystem"] == "meson"
print("\n".join(app.get("config-opts", [])))' "$manifest")
ok $? "read config-opts from the manifest: ${opts[*]}"

work=$(mktemp -d "$build/tests/flatpak-build.XXXXXX")
trap 'rm -rf "$work"' EXIT
prefix="$work/app"   # /app in the Flatpak

# flatpak-builder runs: meson setup --prefix=/app <config-opts> _flatpak_build
# Nothing below means anything when this fails: stop at the first failure.
out=$(meson setup --prefix="$prefix" "${opts[@]}" "$work/build" "$src" 2>&1)
ok $? "meson setup --prefix=<tmp>/app ${opts[*]}" "$(echo "$out" | tail -n 20)" || { tap_end; exit; }
out=$(meson compile -C "$work/build" 2>&1)
ok $? "meson compile" "$(echo "$out" | grep -E 'FAILED|error|warning|undefined' | head -n 20)" || { tap_end; exit; }
out=$(meson install -C "$work/build" --no-rebuild 2>&1)
ok $? "meson install into the prefix" "$(echo "$out" | tail -n 20)" || { tap_end; exit; }
rm -rf "$work/build"

app_id=io.github.psephos.Psephos
for f in bin/psephos bin/psephos-cli share/psephos/sample.psephos \
         share/applications/$app_id.desktop share/metainfo/$app_id.metainfo.xml \
         share/icons/hicolor/scalable/apps/$app_id.svg \
         share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg \
         share/glib-2.0/schemas/gschemas.compiled \
         share/locale/hi/LC_MESSAGES/psephos.mo share/man/man1/psephos-cli.1; do
  [ -s "$prefix/$f" ]
  ok $? "installed /app/$f"
done

got=$("$prefix/bin/psephos-cli" --version 2>&1)
[[ "$got" == "psephos-cli "* ]]
ok $? "installed psephos-cli --version" "got: $got"

# No --store and no build tree left: only the installed sample store can answer.
tree=$(env -u PSEPHOS_SAMPLE_STORE "$prefix/bin/psephos-cli" tree --format jsonl 2>&1)
status=$?
grep -q '"kind": *"candidate"' <<<"$tree"
ok $((status || $?)) "installed psephos-cli tree finds the sample store under the prefix" "exit $status" "$(echo "$tree" | head -n 5)"

if ! command -v xvfb-run >/dev/null || ! command -v import >/dev/null; then
  ok 1 "screenshots of the installed app" "xvfb-run and import (xvfb, imagemagick) are needed"
  tap_end
  exit
fi

desktop_env "$work"
export GSETTINGS_SCHEMA_DIR="$prefix/share/glib-2.0/schemas"
shots="$build/tests/screenshots"
mkdir -p "$shots"

# Started with no --store, the installed app opens the installed sample store.
shot="$shots/installed-prefix-sample.png"
log=$(LANG=C.UTF-8 LANGUAGE= shoot "$shot" "$prefix/bin/psephos" 2>&1)
status=$?
n=$(colours "$shot")
[ "$status" -eq 0 ] && [ "$n" -gt 64 ]
ok $? "the installed app opens the sample store under the prefix and paints: $shot" "$log"

# The screenshots (data/screenshots, named by the metainfo) show a whole
# state's official results, imported by the installed CLI, where ../shared
# has them; else the sample store.
store_args=()
results="$src/../shared/data/india-votes-data/results/2024Assembly-JH.csv"
if [ -f "$results" ]; then
  out=$("$prefix/bin/psephos-cli" --store "$work/jharkhand.psephos" import --election "Jharkhand Assembly 2024" "$results" 2>&1)
  ok $? "installed psephos-cli imports official results (2024Assembly-JH.csv)" "$out"
  store_args=(--store "$work/jharkhand.psephos")
else
  skip "installed psephos-cli imports official results" "../shared/data is absent: the screenshots show the sample store"
fi

for case in "en_IN.UTF-8::psephos-window" "hi_IN.UTF-8:hi:psephos-window-hi"; do
  IFS=: read -r lang language name <<<"$case"
  if ! ensure_locale "$lang" "$work/locales"; then
    ok 1 "screenshot with LANG=$lang" "the $lang locale is not generated and can't be compiled (apt-get install locales)"
    continue
  fi
  shot="$shots/$name.png"
  seat="$shots/${name/window/seat}.png"
  log=$(SEAT_OUT=$seat LANG=$lang LC_ALL= LANGUAGE=$language shoot "$shot" "$prefix/bin/psephos" "${store_args[@]}" 2>&1)
  status=$?
  n=$(colours "$shot")
  [ "$status" -eq 0 ] && [ "$n" -gt 64 ]
  ok $? "screenshot with LANG=$lang${language:+ LANGUAGE=$language}: $shot ($n colours)" "$log"
  if command -v xdotool >/dev/null; then
    n=$(colours "$seat")
    [ "$n" -gt 64 ] && ! cmp -s "$shot" "$seat"
    ok $? "screenshot of a seat with LANG=$lang${language:+ LANGUAGE=$language}: $seat" "the click did not open a seat page"
  else
    ok 1 "screenshot of a seat with LANG=$lang" "xdotool is needed (apt-get install xdotool)"
  fi
done

tap_end
