#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test-install.sh — `meson install --destdir` into a temporary directory, then
# use what was installed (TAP): every file a Linux desktop expects is there,
# the installed psephos-cli runs and reads the installed sample store, and
# the installed app starts and paints its window under Xvfb.
#
# Usage: test-install.sh BUILD_DIR   (run by meson test)
set -uo pipefail

build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
. "$here/desktop-lib.sh"

intro () {  # the value of a meson option of this build
  /usr/bin/python3 -c 'import json, sys; print(next(o["value"] for o in json.load(open(sys.argv[1])) if o["name"] == sys.argv[2]))' \
    "$build/meson-info/intro-buildoptions.json" "$1"
}
prefix=$(intro prefix)
datadir=$(intro datadir)
bindir=$(intro bindir)
mandir=$(intro mandir)
localedir=$(intro localedir)
build_app=$(intro app)

work=$(mktemp -d "$build/tests/install-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
dest="$work/dest"
root="$dest$prefix"
app_id=io.github.psephos.Psephos

out=$(meson install -C "$build" --no-rebuild --destdir "$dest" 2>&1)
ok $? "meson install --destdir $dest" "$out"

files=(
  "$bindir/psephos-cli"
  "$datadir/psephos/sample.psephos"
  "$mandir/man1/psephos-cli.1"
)
if [ "$build_app" = True ]; then
  files+=(
    "$bindir/psephos"
    "$datadir/applications/$app_id.desktop"
    "$datadir/metainfo/$app_id.metainfo.xml"
    "$datadir/icons/hicolor/scalable/apps/$app_id.svg"
    "$datadir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
    "$datadir/glib-2.0/schemas/$app_id.gschema.xml"
  )
fi
while read -r lang; do
  case "$lang" in ''|'#'*) continue ;; esac
  files+=("$localedir/$lang/LC_MESSAGES/psephos.mo")
done < "$here/../po/LINGUAS"
for f in "${files[@]}"; do
  case "$f" in /*) path="$dest$f" ;; *) path="$root/$f" ;; esac
  [ -s "$path" ]
  ok $? "installed ${path#"$dest"}"
done

cli="$root/$bindir/psephos-cli"
store="$root/$datadir/psephos/sample.psephos"
version=$(grep -m1 -o "version: *'[^']*'" "$here/../meson.build" | grep -o "'.*'" | tr -d "'")
got=$("$cli" --version 2>&1)
[ "$got" = "psephos-cli $version" ]
ok $? "installed psephos-cli --version prints psephos-cli $version" "got: $got"

tree=$("$cli" --store "$store" tree --format jsonl 2>&1)
status=$?
grep -q '"kind": *"candidate"' <<<"$tree"
ok $((status || $?)) "installed psephos-cli tree reads the installed sample store" "exit $status" "$(echo "$tree" | head -n 5)"

checked=$("$cli" --store "$store" check 2>&1)
ok $? "installed psephos-cli check finds the installed sample store sound" "$checked"

if [ "$build_app" != True ]; then
  skip "the installed app paints its window" "built with -Dapp=false"
elif ! command -v xvfb-run >/dev/null || ! command -v dbus-run-session >/dev/null || ! command -v import >/dev/null; then
  if [ -f /.flatpak-info ]; then
    skip "the installed app paints its window" "no Xvfb inside a Flatpak build"
  else
    ok 1 "the installed app paints its window" "xvfb-run, dbus-run-session and import (xvfb, dbus, imagemagick) are needed"
  fi
else
  # Packaging compiles the schemas after a DESTDIR install; do the same.
  glib-compile-schemas "$root/$datadir/glib-2.0/schemas"
  desktop_env "$work"
  export GSETTINGS_SCHEMA_DIR="$root/$datadir/glib-2.0/schemas"
  shots="$build/tests/screenshots"
  mkdir -p "$shots"
  shot="$shots/installed-window.png"
  log=$(LANG=C.UTF-8 LANGUAGE= shoot "$shot" "$root/$bindir/psephos" --store "$store" 2>&1)
  status=$?
  n=$(colours "$shot")
  [ "$status" -eq 0 ] && [ "$n" -gt 64 ]
  ok $? "the installed app paints its window ($shot, $n colours)" "$log"
fi

tap_end
